"""The offline planner's row-filter rules: request words -> SQL conditions for the spec's filter.

`RowFilters._where` takes at most one condition per column from each rule in turn (null checks,
between, explicit and compared comparisons, comparatives, status words, column values, places), adds a
rolling window, orders them as written, turns around those inside a negated scope ("skip rows where
...") and asks instead when a condition cannot be read. The conditions joined with AND are the filter.

Words that negate are read where they apply: "skip rows where amount is null" keeps `amount IS NOT NULL`,
"без отменённых" keeps `status IS DISTINCT FROM 'cancelled'`. In a load request "remove rows where status
is test" is the same kind of skip. A text column that is "empty" holds NULL or ''; "null" alone means
NULL. A capitalised name after from/in/из/в that is no source or target ("из Москвы") filters the table's
one city-like column, in its nominative form when the Russian ending says which, else it is asked about;
so does a name after a column word ("из города Москвы" may be Москва or a city named Москвы: asked), and a
lower-case word after из/from that names nothing known ("из москвы"). Languages, formats and time standards
("in English", "in Parquet") are never places. A rolling window ("за последние 7 дней", "yesterday")
filters on the table's event time and loads by upsert on the primary key, since each run reloads rows the
previous run already loaded.
"""

from __future__ import annotations

import functools
import itertools
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from airflow_ai_etl.catalog import (
    Catalog,
    Column,
    ConnectionInfo,
    Table,
    is_integer_type,
    listed_values,
    without_listed,
)
from airflow_ai_etl.marts.resolve import column_kind
from airflow_ai_etl.messages import Message, say
from airflow_ai_etl.planning import (
    flag_phrases,
    flags,
    heads,
    joined_flags,
    listed_phrases,
    negated_lists,
    negation,
    retractions,
    state_verbs,
)
from airflow_ai_etl.planning.abbreviations import spells_initials
from airflow_ai_etl.planning.clauses import contact_clause_en, follows_cause_cue
from airflow_ai_etl.planning.codes import glossing_code, listed_as
from airflow_ai_etl.planning.colloquial import spells_code, transliterates
from airflow_ai_etl.planning.counted_parts import part_named_quantity
from airflow_ai_etl.planning.english_meanings import (
    english_meaning,
    english_meaning_phrases,
    joined_to_unread,
    lists_code_meanings,
    russian_lemmas,
)
from airflow_ai_etl.planning.event_window import (
    event_time_by_english_verb,
    unnamed_clause_event,
    without_event_phase,
    without_implied_not_null,
)
from airflow_ai_etl.planning.examples import row_condition_example, unread_clause_question
from airflow_ai_etl.planning.excepted_means import means_participles
from airflow_ai_etl.planning.failed_idiom import failed_idiom_conditions
from airflow_ai_etl.planning.flag_polarity import negated_flags
from airflow_ai_etl.planning.flags import (
    NEGATION_PARTICLES,
    OPPOSITE_STATES,
    STATE_CUES,
    state_names,
    state_words,
)
from airflow_ai_etl.planning.from_gloss import from_list_conditions
from airflow_ai_etl.planning.grammar import (
    CYRILLIC_WORD,
    ONLY_WORDS,
    agent_after_participle,
    is_destroy_word,
    is_mask_word,
)
from airflow_ai_etl.planning.kind_word import kind_word_conditions
from airflow_ai_etl.planning.lexer import CYRILLIC, EN_ORDINALS, Token, analyse, in_past, in_present, tokenize
from airflow_ai_etl.planning.lexicon import IRREGULAR_PLURALS_EN, is_
from airflow_ai_etl.planning.lexicon import concepts as lexicon_concepts
from airflow_ai_etl.planning.meaning_phrases import (
    meaning_phrases,
    meaning_said,
    negated_meanings_said,
    opens_with_negation,
)
from airflow_ai_etl.planning.newrows import says_changed, says_recent
from airflow_ai_etl.planning.patterns import (
    BARE_FLAG,
    BARE_NAME_IN_BRACKETS,
    BETWEEN,
    CALENDAR_UNIT_AFTER,
    CALENDAR_UNITS,
    CLAUSE_END,
    CLAUSE_WORDS,
    COLUMN_NOUN,
    COMPARATIVES,
    COMPARISON,
    COPULA_CLAUSE,
    DAY_WINDOW,
    DEDUPE,
    EXPLICIT_COMPARISON,
    FILTER_GENERIC_OK,
    FILTER_HINTS,
    FLIPPED,
    INCREMENTAL,
    LAST_N,
    LIST_JOINERS,
    MONEY_PARTS,
    MONTHS,
    MORE_PLACES,
    NEGATED_ROWS,
    NEGATING_VERB,
    NEGATION,
    NEGATORS,
    NEW_NOUN,
    NOT_A_NAME,
    NOT_PLACE_STEMS,
    NOT_PLACE_WORDS,
    NOT_VALUES,
    NULL_AFTER,
    NULL_BEFORE,
    NULL_WORDS,
    OPERATORS,
    PERIOD_PARTS,
    PII_COLUMN_PARTS,
    PIPELINE_VERBS,
    PLACE,
    PLACE_COLUMN_PARTS,
    PLACE_NAME_WORD,
    POSTFIX_AT_LEAST,
    POSTFIX_COMPARISON,
    REST_UNWANTED,
    RESTATEMENT,
    ROW_NOUNS,
    ROWS_WITHOUT,
    ROWS_WITHOUT_DATE,
    SINCE_BEFORE,
    SOFTWARE_STEMS,
    SOURCE_PLACES,
    STARTING_BEFORE,
    STATUS_BEFORE_NOUN,
    STATUS_IDIOMS_EN,
    STATUS_VALUES,
    STOP_STEMS,
    STOP_WORDS,
    SYSTEM_NOUNS,
    TEXT_TYPES,
    UNIT_SPAN_RU,
    UNTIL_BEFORE,
    UPDATE_COLUMNS,
    VAGUE_FUTURE_WORDS,
    VAGUE_TIME_LEMMAS,
    VAGUE_TIME_PHRASES,
    VAGUE_TIME_WORDS,
    VALUE_COLUMN_WORDS,
    VALUE_LINKS,
    VALUE_NOISE,
    VALUE_TOKEN,
    WINDOW_HINTS,
    WINDOW_PREPOSITIONS,
    WINDOW_UNITS,
    ZONE_VALUE_WORDS,
    continues_column_list,
)
from airflow_ai_etl.planning.request import (
    Found,
    Place,
    Request,
    is_temporal,
    short_participle_status,
    status_spellings,
    status_word,
)
from airflow_ai_etl.planning.schedule import number_of, parse_schedule
from airflow_ai_etl.planning.state_column import STATE_COLUMN_NAMES, is_state_column, state_column, state_name
from airflow_ai_etl.planning.state_readings import ask_unlisted_states, one_negated_state
from airflow_ai_etl.planning.verb_objects import negated_verb_codes
from airflow_ai_etl.planning.vocabulary import (
    BUILTIN_GLOSSARY,
    CURRENCY_CODE_ALIASES,
    CURRENCY_CODES,
    CURRENCY_EN,
    CURRENCY_RU,
    LOCATIVE_VALUE_MEANINGS,
    MANNER_PHRASES_EN,
    ONES_WORD_NEGATIONS,
    PREDICATE_VALUE_MEANINGS,
    ROW_PRONOUNS_EN,
    SHOW_FORMS_RU,
    STATE_VERB_COMPLEMENTS,
    VALUE_MEANINGS,
    Vocabulary,
    apposition_nominative,
    comment_jargon,
    currency_code,
    dative_place_nominative,
    name_parts,
    names_a_country,
    place_nominative,
    spelled_currency_code,
    stem,
    words,
)
from airflow_ai_etl.planning.window_named import column_after_window, is_time_column
from airflow_ai_etl.planning.window_time import names_a_time, window_time_unclear
from airflow_ai_etl.sql_safety import quote_folded_names


class Grounding(Protocol):
    """What the filter rules ask the planner: its catalog and vocabulary, and which tables, columns and
    connections words name (defined by `OfflinePlanner` in :mod:`airflow_ai_etl.planning.offline`)."""

    catalog: Catalog
    vocabulary: Vocabulary

    def _column_mentions(
        self, table: Table, tokens: list[str], generic_ok: frozenset[str] = frozenset()
    ) -> list[tuple[int, str]]: ...
    def _columns_in(self, table: Table, text: str) -> list[str]: ...
    def _description_stems(self, conn: ConnectionInfo) -> set[str]: ...
    def _ends_list(self, request: Request, index: int, commas: bool = True) -> bool: ...
    def _event_columns(self, table: Table) -> list[str]: ...
    def _event_time_column(self, table: Table) -> str | None: ...
    def _arrival_time_column(self, table: Table) -> str | None: ...
    def _generic_head_of_genitive(
        self, table: Table, tokens: list[str], i: int, end: int, found: tuple[str, int] | None, fk_words: bool
    ) -> tuple[str, int] | None: ...
    def _is_engine_word(self, token: str) -> bool: ...
    def _is_source_table_name(self, name: str) -> bool: ...
    def _names_a_column_anywhere(self, token: str, meanings: set[str]) -> bool: ...
    def _names_other_table(self, token: str, table: Table) -> bool: ...
    def _names_table(self, token: str, table: Table) -> bool: ...
    def _heads_comment(self, token: str, table: Table) -> bool: ...
    def _in_own_comment(self, request: Request, head: Table, index: int) -> bool: ...
    def _qualifies_table(self, table: Table, token: str, found: tuple[str, int] | None) -> bool: ...
    def _readable(self, engine: str) -> list[ConnectionInfo]: ...
    def _table_possessor_width(self, request: Request, table: Table, i: int) -> int: ...
    def _word_column(self, table: Table, tokens: list[str], fk_words: bool) -> tuple[str, int] | None: ...


# a bracket right after a phrase (bounded: scanned once per clause, so no long scan repeats)
_BRACKET_AFTER = re.compile(r"[ \t]{0,3}\([^()]{0,200}\)")


class RowFilters:
    """The row-filter rules of `OfflinePlanner`, composed into it (`planner.filters`).

    They are not a planner of their own: they read the planner's catalog and vocabulary and ask it, through
    :class:`Grounding`, which columns and tables words name (`_column_mentions`, `_word_column`,
    `_names_a_column_anywhere`; the event-time column; connection descriptions). The planner calls
    `_where`, `_rolling_window` and the place rules (`_places`, `_names_system` ...) on this object. This
    module never imports offline: the planner passes itself in.

    :param grounding: the planner whose catalog, vocabulary and naming rules the filters use.
    """

    def __init__(self, grounding: Grounding) -> None:
        self.grounding = grounding
        self.catalog = grounding.catalog
        self.vocabulary = grounding.vocabulary

    # --- filters -------------------------------------------------------------------------------

    def _where(
        self, request: Request, table: Table, incremental: bool, window: Found, load: bool = False
    ) -> Found:
        self._said_other_name(request, table)
        scopes = self._negated_scopes(request)
        found = self._conditions(request, table, incremental)
        found = self._state_over_flag(request, table, found)
        if not load:  # "policies of VIP holders": a mart joins the holders (a load asks)
            found += self._joined_table_flags(request, table, found)
        if load:  # «просроченные кредиты»: status 'overdue' or overdue_days? (a mart's count keeps status)
            found = self._without_state_or_counter(request, table, found)
        else:  # a mart keeps the listed value (marts26); its assumptions name the counter's reading alike
            said = {c.split()[0]: c for _, c in found}
            for position, condition in found:
                self._state_or_counter(request, table, said, condition.split()[0], condition, position)
        # «заказы в статусе 'x' не тащить»: a negation closing (or opening) the clause of a condition
        scopes += negation.condition_scopes(request.text, found, scopes, request.handled)
        if window.value:
            # "sessions that started in the last day": not also `status = 'started'` (planner167)
            found = without_event_phase(table, found, window.value, request.window_verbs)
            found.append(window.value)
        conditions, questions = self._apply_negations(request, table, sorted(found), scopes)
        conditions = [self._value_list(request, table, c) for c in conditions]
        conditions = without_implied_not_null(conditions, window.value)  # the window says the event happened
        if not questions:
            self._rivals(request, table, sorted(found), conditions, scopes)
        questions += request.unsure + self._foreign_filters(request, table) + self._vague_only(request, table)
        questions += self._place_questions(request, table, conditions)
        questions += (
            self._other_table_flags(request, table, conditions)
            or self._other_table_values(request, table, conditions, incremental)
            or self._other_table_glosses(request, table, conditions)
            or self._other_table_state_noun(request, table, conditions)
            or self._compound_value_question(request, table, conditions)
            or self._other_table_adjective_value(request, table)
        )
        questions += self._lowercase_place_questions(request, table)
        questions += self._unread_currency_words(request, table, conditions) if not questions else []
        questions += self._unread_excepted_word(request, table, found) if load and not questions else []
        questions += self._unplaced_only_value(request, table, conditions)
        questions += self._unread_ones(request, table, conditions) if not questions else []
        questions += self._unread_apposed_noun(request, table) if not questions else []
        questions += self._unread_agents(request, table, conditions) if not questions else []
        if load and not (questions or incremental):  # a mart reads its clauses itself
            questions += self._unread_relative_clause(request, table, beside=bool(conditions))
        questions += self._unlisted_status_state(request, table) if not (questions or conditions) else []
        if questions:
            return Found(None, questions)
        # Conditions name columns as the catalog spells them; PostgreSQL folds unquoted names.
        where = quote_folded_names(" AND ".join(conditions), table.column_names) or None
        # «id и email, больше ничего не надо»: words another rule read (the list's rest) hint at nothing
        hints = (m for m in FILTER_HINTS.finditer(request.lower) if not request.is_handled(m.start()))
        hint = next(hints, None)
        if hint and not where:
            phrase, name = hint.group(0), table.qualified_name
            return Found(
                None,
                [
                    say(
                        request.language,
                        "planner.filter_hint_unread",
                        phrase=phrase,
                        table=name,
                        example=row_condition_example(table, phrase),
                    )  # fmt: skip
                ],
            )
        read = (where or "").lower()  # «со статусом dropped»: a value the filter read is no refusal
        unhandled = [
            m
            for m in NEGATION.finditer(request.lower)
            if not request.is_handled(m.start())
            and not DEDUPE.match(request.lower, m.start())
            and f"'{m.group(0)}'" not in read
            and not self._rest_unwanted(request, m.start())
        ]
        if where and unhandled:
            return Found(None, [f"Which rows of {table.qualified_name} should be loaded? I read the filter "
                                 f"'{where}', but the request also says what is not wanted."])  # fmt: skip
        return Found(where)

    def _unread_agents(self, request: Request, table: Table, conditions: list[str]) -> list[str]:
        """«записи на ремонт, подтверждённые клиентами»: the instrumental agent of a participle a rule read
        (status 'confirmed') is the rows' own party when it names a table this one references (client_id ->
        clients): read, nothing to filter on. Any other agent no rule read («подтверждённые механиками» of
        appointments, which keep no mechanic) says who did it, which the state does not tell: asked, quoting
        the participle and its agent, never dropped; so is a name after the agent («оформленные агентом
        Петровым»: channel 'agent' is read, the agent named is not)."""
        if not conditions or request.language != "ru":
            return []
        conn = next((c for c, ts in self.catalog.tables.items() if table in ts), "")
        referenced = {fk.ref_table for fk in table.foreign_keys}
        words = [t for t in tokenize(request.text) if t.lang != "punct"]
        for k in range(1, len(words)):
            word, participle = words[k], words[k - 1]
            if request.text[participle.end : word.start].strip() or not agent_after_participle(words, k):
                continue
            j = k + 1  # «оформленные агентом Петровым»: a name in apposition no rule reads says which agent
            while (
                j < len(words)
                and not request.text[words[j - 1].end : words[j].start].strip()
                and words[j].lang == "ru"
                and any(p.case == "ablt" for p in words[j].parses[:3])
                and not request.is_handled(words[j].start)
            ):
                j += 1
            if j > k + 1:
                return [
                    unread_clause_question(
                        request.language, table, request.text[participle.start : words[j - 1].end]
                    )
                ]
            if request.is_handled(word.start):
                continue
            named = [
                t
                for t in self.catalog.tables_of(conn)
                if self.grounding._names_table(word.lower, t) or self.grounding._heads_comment(word.lower, t)
            ]
            if named and all(t.qualified_name in referenced for t in named):
                request.handled.append((word.start, word.end))  # the rows' own client, station ...
                continue
            phrase = request.text[participle.start : word.end]
            return [unread_clause_question(request.language, table, phrase)]
        return []

    def _unread_relative_clause(self, request: Request, table: Table, beside: bool = False) -> list[str]:
        """ "stations that work on weekends", "mechanics that work fast": an English relative clause right
        after the table's noun of which no rule read a word, with no new-rows load read at all, says which
        rows in words nothing takes: asked, quoting it, never dropped (rules that read a clause do not all
        mark its words). `beside` other conditions (planner143: "Deposits that can be topped up, except
        closed ones"), the clause is read when one of them starts inside it (`Request.read_at`)."""
        if request.language != "en":
            return []
        tokens = request.tokens
        for p in range(1, len(tokens) - 1):
            # "stations that work …"; "Calls the customer hung up on": a clause without "that"
            opens = tokens[p] in ("that", "which", "who") or contact_clause_en(request, p)
            if not opens or not self._table_noun_at(request, table, p - 1):
                continue
            if request.text[request.spans[p - 1][1] : request.spans[p][0]].strip():
                continue  # "stations, which ...": a comment on all of them, not a restriction
            start, end = request.spans[p][0], request.spans[p][1]
            for k in range(p + 1, len(tokens)):
                gap = request.text[request.spans[k - 1][1] : request.spans[k][0]]
                at = request.spans[k][0]
                if re.search(r"[,;.:!?()]", gap) or any(a <= at < b for a, b in request.schedule_spans):
                    break
                end = request.spans[k][1]
            if end == request.spans[p][1] or any(start <= a < end for a, _ in request.handled):
                continue
            if any(a < end and start < b for a, b in request.schedule_spans):
                continue
            # "tariffs that are still valid (valid_to is null)": the bracket right after it says the clause
            bracket = _BRACKET_AFTER.match(request.text, end)
            said_to = bracket.end() if bracket else end
            if beside and any(start <= p < said_to for p in (*request.read_at, *request.window_verbs)):
                continue
            return [unread_clause_question(request.language, table, request.text[start:end])]
        return []

    def _unlisted_status_state(self, request: Request, table: Table) -> list[str]:
        """«интернет-заказы, готовые к выдаче» where 'Статус интернет-заказа' lists no values: a Russian
        adjective or participle beside the table's noun that no rule read and that names no column, flag or
        table is a state of the rows, which the status may hold under any code: asked which value, as a status
        word is (planner84; no longer asked as another table's flag)."""
        status = state_column(table)
        if status is None or listed_values(status.comment) or not (status.comment or "").strip():
            return []
        own = _comment_stems(table.comment or "")
        for token in tokenize(request.text):
            if token.lang != "ru" or not token.parses or token.parses[0].pos not in ("ADJF", "PRTF"):
                continue
            if request.is_handled(token.start) or token.lower in request.claimed:
                continue
            if NEW_NOUN.fullmatch(token.text):
                continue
            if any(a <= token.start < b for a, b in request.schedule_spans) or stem(token.lower) in own:
                continue
            if any(lexicon_concepts(lemma, "ru") for lemma in token.lemmas):
                continue  # «ежедневные», «новые»: the schedule's or the mode's words
            if self._flags_named(flags.of_table(table), token) or self.grounding._column_mentions(
                table, [token.lower]
            ):
                continue
            i = request.token_at(token.start)
            beside = [j for j in (i - 1, i + 1) if 0 <= j < len(request.tokens)]
            named = [self._row_noun_at(request, table, j) or stem(request.tokens[j]) in own for j in beside]
            if not any(named):
                continue
            return [
                say(request.language, "planner.column_value_unknown", column=status.name, phrase=token.text)
            ]
        return []

    @staticmethod
    def _rest_unwanted(request: Request, at: int) -> bool:
        """The negation at `at` closes «остальные не нужны», "the rest are not needed": it restates the filter
        read (the rows it leaves out are the ones not wanted), no further condition (planner51)."""
        return any(m.start() < at < m.end() for m in REST_UNWANTED.finditer(request.lower))

    @staticmethod
    def rest_unwanted_alone(request: Request, table: Table) -> list[str]:
        """«заказы в клик каждый час, остальные не нужны» with no filter, column list or new rows read: "the
        rest" restates nothing, so which rows are wanted is asked, never all rows loaded (planner55)."""
        unread = (m for m in REST_UNWANTED.finditer(request.lower) if not request.is_handled(m.start()))
        found = next(unread, None)
        if found is None:
            return []
        phrase = request.text[found.start() : found.end()]
        example = row_condition_example(table, phrase)
        return [say(request.language, "planner.filter_hint_unread", phrase=phrase, table=table.qualified_name,
                    example=example)]  # fmt: skip

    def _without_table_word(self, request: Request, table: Table, condition: str) -> str:
        """`col IN (...)` less a value said by the word of the table's own name beside its noun ("interrupted
        charging sessions": 'charging' of 'Сессии зарядки' names the table, planner82); else unchanged."""
        values = _values_of(condition)
        if values is None or len(values[1]) < 2:
            return condition
        column, items = values
        kept = [
            v
            for v in items
            if not any(
                stem(word) == stem(v)
                and k + 1 < len(request.tokens)
                and self._table_noun_at(request, table, k + 1)  # before the noun, as an adjective is
                and not (k and self._table_noun_at(request, table, k - 1))
                and self._names_table_by_value(request, table, request.spans[k][0], f"{column} = {_quote(v)}")
                for k, word in enumerate(request.tokens)
            )
        ]
        return _one_of(column, kept) if kept and len(kept) < len(items) else condition

    def _names_table_by_value(self, request: Request, table: Table, position: int, condition: str) -> bool:
        """The listed value of `condition` is said by a word of the table's own name: "parking zones" of zones
        'Зоны парковки и завершения аренды' names the table, not zone_type = 'parking'. Only the comment's
        naming phrase counts (a kind it lists in brackets, 'Штрафы (ПДД, парковка)', is a kind of row), only
        right beside the table's noun, and never after an only-word ("only parking zones" is a condition)."""
        index = request.token_at(position)
        equal = re.fullmatch(r"(\w+) = '([^']+)'", condition)
        if equal is None or index >= len(request.tokens) or request.spans[index][0] < 0:
            return False
        start, end = request.spans[index]
        if request.text[start - 1 : start] == "(" and request.text[end : end + 1] == ")":
            return False  # «Парковочные зоны (parking)»: a value in brackets says the rows, whatever the noun
        value = stem(equal.group(2).lower())
        word = tokenize(request.raw[index])
        said = stem(request.tokens[index]) == value or bool(word and value in value_meanings(word[0]))
        if not said or (index > 0 and request.tokens[index - 1] in ONLY_WORDS):
            return False
        beside = [j for j in (index - 1, index + 1) if 0 <= j < len(request.tokens)]
        if index > 1 and request.tokens[index - 1] in _NOUN_OBJECT_PREPS:
            # «заявки на ремонт» of 'Заявки на обслуживание и ремонт машин' (planner122)
            beside.append(index - 2)
        if not any(self._table_noun_at(request, table, j) for j in beside):
            return False
        # the kinds listed after a colon are kinds of row as a bracket's are: 'Начисления на счёт гостя
        # (фолио): проживание, минибар, …' is named by «начисления»; "minibar charges" are rows of one kind
        head = re.sub(r"\([^()]*\)", " ", table.comment or "").split(":", 1)[0]
        return (
            stem(request.tokens[index]) in _comment_stems(head)
            or any(value in value_meanings(t) for t in tokenize(head) if t.lang == "ru")
            # "charging sessions" of 'Сессии зарядки': the glossary says «зарядка» is charging (planner70)
            or any(value in self.vocabulary.meanings(w) for w in words(head))
        )

    def _vague_only(self, request: Request, table: Table) -> list[str]:
        """ "only the good ones", «только нормальные»: a judgement after only/только that names no column and
        no value of one: asked, never every row."""
        tokens = [t for t in tokenize(request.text) if t.lang != "punct"]
        for k, word in enumerate(tokens):
            if not is_(word, "VAGUE_QUALITY") or request.is_handled(word.start):
                continue
            cue = next(
                (j for j in range(k - 1, max(-1, k - 3), -1) if tokens[j].lower not in _ARTICLES), None
            )
            if cue is None or tokens[cue].lower not in ("only", "just", "только", "лишь"):
                continue
            listed = {v.lower() for c in table.columns for v in listed_values(c.comment)}
            if word.lower in listed or self.grounding._column_mentions(table, [word.lower]):
                continue
            end = (
                tokens[k + 1].end
                if k + 1 < len(tokens) and tokens[k + 1].lower in ROW_PRONOUNS_EN
                else word.end
            )
            phrase = request.text[tokens[cue].start : end]
            return [unread_clause_question(request.language, table, phrase)]
        return []

    def _list_word_fits(self, request: Request, table: Table, name: str, value: str, word: str) -> bool:
        """`word` after «и»/"or" continues the list of `value`s of column `name`: a value its comment lists,
        or (no list) a Latin code like `value` that names no column, table or system."""
        listed = {v.lower() for v in listed_values((table.column(name) or Column(name, "text")).comment)}
        lower = word.lower()
        if listed:
            return lower in listed
        return (
            value.isascii()
            and word.isascii()
            and lower not in ONLY_WORDS  # "status paid, just new ones": "just" starts the next clause
            and self._is_value(request, table, word)
            and not self._names_system(lower)
            and not self.grounding._column_mentions(table, [lower])
            # «типа purchase и payments»: a table's name listed after the type word is a value (planner25)
            and (lower in request.values or not self.grounding._names_other_table(lower, table))
        )

    def _value_list(self, request: Request, table: Table, condition: str) -> str:
        """«со статусами issued и overdue», "stage offer or hired": the values joined to the one a rule read
        (listed in the column's comment, or Latin codes like it) make `col IN (...)`, not the first alone."""
        match = re.fullmatch(r"(\w+) = '([^']+)'", condition)
        if match is None:
            return condition
        name, value = match.groups()
        found = re.search(rf"(?<![\w-]){re.escape(value)}(?![\w-])", request.text, re.IGNORECASE)
        if found is None:
            return condition
        values, at = [value], found.end()
        quoted = bool(re.match(r"['\"»]", request.text[at:])) and found.start() > 0
        quoted = quoted and request.text[found.start() - 1] in "'\"«"
        if quoted:  # «"Электроника" и "Бытовая техника"»: after a quoted value, quoted values go on the list
            at += 1
            while more := _QUOTED_NEXT.match(request.text, at):
                word = next(g for g in more.group("a", "b", "c") if g is not None).strip()
                if not word or word in values:
                    break
                values.append(word)
                at = more.end()
        while more := re.match(r"\s*(?:,|\b(?:and|or|и|или)\b)\s*([A-Za-z][\w-]*)", request.text[at:]):
            word = more.group(1)
            if quoted or not self._list_word_fits(request, table, name, value, word) or word in values:
                break
            if starts_new_rows(request.lower, at + more.start(1)):
                break  # "status final, new rows by reported_at": the new-rows clause, not the value 'new'
            values.append(word)
            at += more.end()
        if len(values) == 1:
            return condition
        request.handled.append((found.start(), at))
        return _one_of(name, values)

    def _conditions(self, request: Request, table: Table, incremental: bool) -> list[tuple[int, str]]:
        """(position, condition) of every row condition the request states, one per column."""
        found: dict[str, tuple[int, str]] = {}
        rules = (
            self._meaning_phrase_conditions,  # planner133: first, so no rule reads one of its words alone
            self._null_conditions, self._between_conditions, self._date_conditions, self._year_conditions,
            self._year_of_event_conditions, self._year_equal_conditions,
            self._explicit_conditions, self._bare_flag_conditions,
            self._unit_conditions, self._postfix_unit_conditions, self._negated_meaning_conditions,
            self._quoted_conditions,
            self._hyphen_conditions, self._apposition_value_conditions, self._named_value_conditions,
            self._compared_conditions, self._equal_measure_conditions,
            self._counted_conditions,
            self._comparative_conditions,
            self._marked_conditions, self._english_meaning_conditions, self._failed_idiom_conditions,
            self._status_conditions,
            self._state_conditions, self._clause_state_conditions, self._two_states_joined,
            self._entered_state_conditions,
            self._value_conditions,
            self._place_conditions, self._listed_run_conditions, self._kind_noun_before_values,
            self._value_noun_conditions,
            self._state_noun_conditions, self._subject_state_conditions, self._came_from_conditions,
            self._from_gloss_conditions,
            self._role_noun_conditions, self._listed_value_conditions, self._negated_verb_code_conditions,
            self._glossed_value_conditions,
            self._value_before_column_conditions, self._capitalised_before_column_conditions,
            self._relative_value_conditions,
            self._value_only_conditions, self._column_word_only_value_conditions, self._the_ones_conditions,
            self._substantive_state_conditions,
            self._cued_state_conditions,
            self._comment_flag_conditions, self._manner_phrase_conditions,
            self._bracketed_flag_conditions, self._unit_count_conditions,
            self._adjective_genitive_conditions, self._ordinal_conditions,
            self._numbered_reference_conditions, self._code_list_conditions, self._opposite_state_clauses,
            self._held_in_value_conditions, self._still_state_clauses, self._no_event_yet_conditions,
            self._participle_object_flags,
            self._have_clause_conditions,
            self._vague_time_clauses,
            self._copula_clauses, self._with_count_conditions,
            self._plus_mark_conditions,
            self._compound_value_conditions,
            # planner97: last, so a word another rule read («электромобили») is no unread kind
            self._head_value_conditions, self._against_value_conditions, self._unlisted_channel_conditions,
            self._head_state_noun_conditions,
            self._kind_word_conditions,  # planner163: last, a word no other rule read ("login events")
        )  # fmt: skip
        request.state_clauses.clear()
        request.read_at.clear()
        yielded: list[tuple[int, str, str]] = []  # every condition read, a merged or repeated one too
        as_read: list[tuple[int, str, str]] = []  # each as its rule read it, before a whole code replaced it
        written: set[str] = set()  # conditions the request writes out ("where category = 'Filters'")
        for rule in rules:
            for position, column, condition in rule(request, table, incremental):
                as_read.append((position, column, condition))
                if rule == self._explicit_conditions:
                    written.add(condition)
                condition = self._without_table_word(
                    request, table, _whole_code(request, table, position, condition)
                )
                if self._names_table_by_value(request, table, position, condition):
                    request.handled.append(request.spans[request.token_at(position)])
                    continue  # "parking zones": the table's own noun, no condition
                yielded.append((position, column, condition))
                request.read_at.append(position)
                merged = (
                    _merged_values(found[column][1], condition)
                    or _carried_negation(found[column], (position, condition))
                    or _joined_negations(found[column], (position, condition))
                    or _or_joined_values(request, found[column], (position, condition))
                    if column in found
                    else None
                )
                if merged is not None:  # «app или call_center» and «call_center» alone: one list, kept whole
                    found[column] = (min(position, found[column][0]), merged)
                    continue
                if column in found and found[column][1] != condition and found[column][0] != position:
                    request.rival_conditions.append((position, column, condition, found[column][0]))
                if (
                    column in found
                    and found[column][0] == position
                    and condition.startswith(f"{column} IN (")
                ):
                    found[column] = (position, condition)  # the list read on from its first value
                found.setdefault(column, (position, condition))
        _without_part_readings(as_read, found)  # «частично оплаченные (partially_paid)»: no 'paid' too
        _said_by_bracketed_value(request, table, found)
        _or_state_after_gloss(request, table, found)  # «выставлены (issued) или просрочены»: both
        ask_unlisted_states(request, table, found)  # "status is zorgly" of a listed status: asked
        self._unread_second_excluded(request, table, yielded)
        self._unlisted_labels(request, table, found, written)
        self._restated(request, table, found, yielded)
        # "loans that aren't closed yet": one state, one condition (after a bracket naming a reading chose it)
        one_negated_state(table, found)
        negated_flags(request, table, found, written)  # «которые не давали согласия на …»: `= false`
        self._measure_participles(request, table, found)
        self._verb_of_manner_flag(request, table, found)
        for start, end in request.state_clauses:
            clause_end = CLAUSE_END.search(request.lower, end)
            stop = clause_end.start() if clause_end else len(request.lower)
            if not any(start <= position < stop for position, _ in found.values()):
                phrase = request.text[start:end]
                question = unread_clause_question(request.language, table, phrase)
                request.unsure.append(question)
        return list(found.values())

    def _unread_excepted_word(
        self, request: Request, table: Table, found: list[tuple[int, str]]
    ) -> list[str]:
        """ "Shifts except absences": an English word right after "except"/"excluding" that no rule read (no
        condition starts at it, no column, schedule or other rule took it) is asked, quoting the phrase: the
        rows it leaves out are unknown, and loading them all is a confident wrong (planner121)."""
        if request.language != "en":
            return []
        read_at = {position for position, _ in found}
        words_ = [t for t in tokenize(request.text) if t.lang != "punct"]
        for k, cue in enumerate(words_[:-1]):
            if cue.lower not in ("except", "excluding") or request.is_handled(cue.start):
                continue
            word = words_[k + 2] if words_[k + 1].lower == "the" and k + 2 < len(words_) else words_[k + 1]
            if word.lang != "en" or not word.lower.isalpha() or len(word.lower) < 3:
                continue
            if word.lower in STOP_WORDS or word.lower in request.claimed or word.start in read_at:
                continue
            if request.is_handled(word.start) or any(a <= word.start < b for a, b in request.schedule_spans):
                continue
            if any(a <= cue.start < b for a, b in request.schedule_spans):
                continue  # "daily except Sundays": the schedule's
            if self.grounding._names_table(word.lower, table) or self.grounding._column_mentions(
                table, [word.lower]
            ):
                continue
            return [unread_clause_question(request.language, table, request.text[cue.start : word.end])]
        return []

    @staticmethod
    def _unread_currency_words(request: Request, table: Table, conditions: list[str]) -> list[str]:
        """ "Deposits in euros", "accounts in pounds": an English currency word that no condition read (the
        table's currency column lists no such code, or lists none) is asked, quoting it, as «вклады в евро» is
        (planner121: it was dropped and every row loaded). A unit after a number ("over 500 euros") is the
        comparison's, not asked here."""
        if request.language != "en":
            return []
        said = " ".join(conditions).upper()
        words_ = [t for t in tokenize(request.text) if t.lang != "punct"]
        for n, t in enumerate(words_):
            code = currency_code(t) if t.lang == "en" and t.lower.isalpha() else None
            if code is None or (n and words_[n - 1].lower[:1].isdigit()):
                continue
            if request.is_handled(t.start) or any(a <= t.start < b for a, b in request.schedule_spans):
                continue
            if any(f"'{c}'" in said for c in CURRENCY_CODE_ALIASES.get(code, (code,))):
                continue
            start = words_[n - 1].start if n and words_[n - 1].lower in ("in", "of") else t.start
            return [unread_clause_question(request.language, table, request.text[start : t.end])]
        return []

    @staticmethod
    def _unread_second_excluded(request: Request, table: Table, yielded: list[tuple[int, str, str]]) -> None:
        """«кроме черновиков и синих», «без черновиков и крупных»: two words left out together after «кроме»,
        «без», «исключая», the first read as a value and the second read by no rule: the list was cut short,
        so the phrase is asked whole (never the first value alone; planner119). English alike: "except drafts
        and blue ones", "excluding cancelled or green" (planner121: "blue" was dropped)."""
        read_at = {position for position, _, _ in yielded}
        english = request.language == "en"
        words_ = [
            t
            for t in tokenize(request.text)
            if t.lang != "punct" and not (english and t.lower in _EXCLUDED_LIST_FILLERS_EN)
        ]
        for k in range(len(words_) - 3):
            cue, first, joiner, second = words_[k : k + 4]
            if cue.lower not in (_EXCLUDING_PREPS_EN if english else _EXCLUDING_PREPS_RU):
                continue
            if joiner.lower not in (("and", "or") if english else ("и", "или")):
                continue
            if first.start not in read_at or second.start in read_at or request.is_handled(second.start):
                continue
            if second.lang != request.language or second.lower in request.claimed:
                continue
            if english and (second.lower in STOP_WORDS or len(second.lower) < 3):
                continue
            if not english and (not second.parses or second.parses[0].pos not in ("ADJF", "PRTF", "NOUN")):
                continue
            if _crosses_clause(request, first, second):
                continue
            if any(a <= second.start < b for a, b in request.schedule_spans):
                continue
            question = unread_clause_question(request.language, table, request.text[cue.start : second.end])
            if question not in request.unsure:
                request.unsure.append(question)

    @staticmethod
    def _unlisted_labels(
        request: Request, table: Table, found: dict[str, tuple[int, str]], written: set[str]
    ) -> None:
        """One rule for a value said for a column whose comment lists none, in either language (planner106): a
        CLASSIFICATION column (category, type, kind, genre ...: `_is_kind`) whose comment documents it stores
        its kinds under codes the request cannot know (another language, a code), so a label said for it
        ("Parts in the Brakes category", «категории "Аккумуляторы"», "Treatments of type "Ultrasound"") is
        asked, quoting the label and naming the column, never the guessed literal. Read as said: a code as
        stored (`_code_as_stored`: lowercase Latin, 'brake_pads'; never a bare English word, "sandy-soil"),
        a comparison the request writes out, a column the catalog says nothing about (shop's category), and
        any NAME column (brand, model, city, manufacturer: names are stored as written)."""
        for name, (position, condition) in list(found.items()):
            column = table.column(name)
            if condition in written or column is None or not _is_text(column) or not _is_kind(column):
                continue
            if not (column.comment or "").strip() or listed_values(column.comment):
                continue
            said = _equality_literals(name, condition)
            label = next((v for v in said if not _code_as_stored(request, v)), None)
            if label is None:
                continue
            del found[name]
            request.handled.append(request.spans[request.token_at(position)])
            request.unsure.append(_which_value_question(request.language, column, label))

    @staticmethod
    def _verb_of_manner_flag(request: Request, table: Table, found: dict[str, tuple[int, str]]) -> None:
        """ "Stations open round the clock", "stations that are open round the clock": the verb right before
        the words of a yes/no column whose comment is a verb and its manner ('Работает круглосуточно') is that
        verb said in English, part of the flag's phrase; it is no value of another column (status 'open' of
        'Статус станции (open, renovation, closed)'), which would read the word twice (planner101)."""
        for name, (position, _condition) in list(found.items()):
            column = table.column(name)
            if column is None or "bool" not in column.type.lower() or not flags.manner_adverbs(column):
                continue
            at = request.token_at(position)
            if not 0 < at < len(request.tokens) or request.tokens[at - 1] not in _WORKING_VERBS_EN:
                continue
            verb = request.spans[at - 1]
            for other, (where, _) in list(found.items()):
                if other != name and where == verb[0]:
                    del found[other]
                    request.handled.append(verb)

    @staticmethod
    def _manner_phrase_conditions(request: Request, table: Table, _: bool) -> Iterable[tuple[int, str, str]]:
        """ "Clinics open round the clock", "working 24/7": an English phrase of the adverb of manner one
        yes/no column's comment qualifies its verb by ('Работает круглосуточно' of is_24h, MANNER_PHRASES_EN)
        is that flag, though its name spells no English word; the verb before it is the flag's
        (`_verb_of_manner_flag` drops the status 'open' read on it). Two such flags: none (planner137)."""
        if request.language != "en":
            return
        for phrase, adverb in MANNER_PHRASES_EN.items():
            match = re.search(rf"(?<![\w/-]){re.escape(phrase)}(?![\w/-])", request.lower)
            if match is None or request.is_handled(match.start()):
                continue
            if any(a <= match.start() < b for a, b in request.schedule_spans):
                continue
            flagged = [
                c.name
                for c in table.columns
                if "bool" in c.type.lower()
                and flags.manner_adverbs(c)
                and any(t.lower.startswith(adverb) for t in tokenize(c.comment or ""))
            ]
            if len(flagged) == 1:
                request.handled.append(match.span())
                before = request.token_at(match.start()) - 1
                if before >= 0 and request.tokens[before] in _WORKING_VERBS_EN:  # "stay open round the clock"
                    request.handled.append(request.spans[before])
                yield match.start(), flagged[0], f"{flagged[0]} = true"
                return

    def _measure_participles(self, request: Request, table: Table, found: dict[str, tuple[int, str]]) -> None:
        """ "sessions with more than 40 kWh delivered": a participle right after a compared number and its
        unit, said of the column the number is compared with, whose comment spells its event ('Отпущено
        энергии, кВт·ч'), is read with the comparison; one the comment does not spell ("refunded") stays
        unread, and is asked."""
        compared = {
            column: position
            for column, (position, condition) in found.items()
            if condition.split()[1:2] != ["="]
        }
        for k, token in enumerate(request.tokens):
            stems = _MEASURE_PARTICIPLES.get(token.lower())
            if stems is None or k < 2 or not re.fullmatch(r"\d+(?:[.,]\d+)?", request.tokens[k - 2]):
                continue  # the number, its unit, the participle
            for column, position in compared.items():
                comment = next((c.comment or "" for c in table.columns if c.name == column), "").lower()
                if position < request.spans[k][0] and any(s in comment for s in stems):
                    request.handled.append(request.spans[k])
                    break

    def _without_state_or_counter(
        self, request: Request, table: Table, found: list[tuple[int, str]]
    ) -> list[tuple[int, str]]:
        """`found` without the listed values a load cannot tell from a counting column (asked instead)."""
        columns = {c.split()[0]: c for _, c in found}
        kept = []
        for position, condition in found:
            column = condition.split()[0]
            if self._state_of_measured_counter(request, table, columns, column, condition):
                # "delayed by more than 2 hours": the number says which rows, not status 'delayed'; the state
                # word is read by the measure, no flag of another table ('Платёж просрочен') to ask about
                request.handled.append(request.spans[request.token_at(position)])
                continue
            asked = self._state_or_counter(request, table, columns, column, condition, position)
            if asked is None:
                kept.append((position, condition))
            else:
                request.unsure.append(asked)
        return kept

    @staticmethod
    def _said_other_name(request: Request, table: Table) -> None:
        """«Зрителей с бонусной картой» of loyalty.members '… (зрители с бонусной картой)': two or more words
        in a row spelling the table's bracketed other name name the rows, as the comment's head does; no «с»
        phrase of them is a condition to read or ask about (planner116)."""
        own = heads.apposition_stems(table.comment)
        if not own:
            return
        runs: list[list[int]] = [[]]
        for i, word in enumerate(request.tokens):
            if runs[-1] and request.text[request.spans[i - 1][1] : request.spans[i][0]].strip():
                runs.append([])  # a comma or a dash between: another phrase
            if stem(word) in own:
                runs[-1].append(i)
            elif runs[-1]:
                runs.append([])
        for run in runs:
            if len([k for k in run if len(request.tokens[k]) > 2]) >= 2:  # «с» alone names nothing
                request.handled.append((request.spans[run[0]][0], request.spans[run[-1]][1]))

    def _state_over_flag(
        self, request: Request, table: Table, found: list[tuple[int, str]]
    ) -> list[tuple[int, str]]:
        """«заблокированные карты», "blocked cards" beside status 'Статус (active, blocked, expired)' and the
        flag is_blocked 'Карта заблокирована': the one rule for a state word both a yes/no column and a listed
        status value read, in both languages (planner116; the Russian word took the flag, the English one
        ANDed both): the listed status value is the row's state, as beside a date or a counter of that state
        (planner85, planner111), and the plan's assumptions name `<flag> = true` as the other reading. The
        flag is kept when it is named outright ("where is_blocked = true") or no one status value is meant."""
        columns = {condition.split()[0] for _, condition in found}
        kept: list[tuple[int, str]] = []
        added: list[tuple[int, str]] = []
        for position, condition in found:
            flag = re.fullmatch(r"(\w+) = true", condition)
            column = table.column(flag.group(1)) if flag else None
            index = request.token_at(position)
            if column is None or "bool" not in column.type.lower() or index >= len(request.raw):
                kept.append((position, condition))
                continue
            if re.search(rf"(?<![\w-]){re.escape(column.name)}(?![\w-])", request.lower):
                kept.append((position, condition))  # the flag named outright
                continue
            token = next((t for t in tokenize(request.text) if t.start == request.spans[index][0]), None)
            meant = [
                (c.name, value)
                for c in table.columns
                if _is_text(c) and is_state_column(table, c.name)
                for value in (self._listed_in(table, token, c) if token is not None else [])
            ]
            if len(meant) != 1:
                kept.append((position, condition))
                continue
            status, value = meant[0]
            if status not in columns:
                added.append((position, f"{status} = '{value}'"))
                columns.add(status)
            note = say(request.language, "planner.assumed_state_over_column", phrase=request.raw[index],
                       column=status, value=value, other=f"{column.name} = true")  # fmt: skip
            if note not in request.assumed:
                request.assumed.append(note)
        return sorted(kept + added)

    def _state_of_measured_counter(
        self, request: Request, table: Table, found: dict[str, str], column: str, condition: str
    ) -> bool:
        """ "flights delayed by more than 120 minutes", «кредиты, просроченные больше чем на 30 дней»: the
        state word is the verb of the measure its own column holds (delay_min of 'delayed', overdue_days of
        'overdue'), and that column has its own condition: the rows are the measured ones (a flight delayed,
        since arrived, has status 'arrived'), so the state value is no second condition. Kept when the state
        column or the value is said outright («в статусе delayed», "status 'delayed'") (planner51)."""
        value = re.fullmatch(rf"{re.escape(column)} = '([\w-]+)'", condition)
        if value is None:
            return False
        measured = [
            c.name
            for c in table.columns
            if column_kind(c.type).numeric and stem(value.group(1)) in name_parts(c.name)
        ]
        if len(measured) != 1 or not re.match(rf"{measured[0]} [<>]", found.get(measured[0], "")):
            return False  # a number compared on the measure the state word names (delay_min > 120)
        if any(column in self.grounding._columns_in(table, token) for token in request.tokens):
            return False  # "status delayed and delay over 2 hours": the column is named
        literal = re.compile(rf"(?<![\w-]){re.escape(value.group(1).lower())}(?![\w-])")
        return not (request.language == "ru" and literal.search(request.lower))

    def _state_or_counter(
        self,
        request: Request,
        table: Table,
        found: dict[str, str],
        column: str,
        condition: str,
        position: int,
    ) -> Message | None:
        """«просроченные кредиты», "overdue loans": a listed value read from a state word (status 'overdue')
        while a column counts units of the same thing (overdue_days). The status is the row's state, as it
        is beside a date column dating that state (planner85): the value is kept and the plan's assumptions
        name `overdue_days > 0` (planner111; asked since planner31 before). Asked when another column of the
        table lists the value too («с просрочкой», "with a delay", the noun, are asked by _counted_by).
        Nothing noted when the column or the value is said outright («в статусе overdue», «(overdue)») or
        the counting column has its own condition."""
        value = re.fullmatch(rf"{re.escape(column)} = '([\w-]+)'", condition)
        if value is None:
            return None
        counters = self._counters_of_value(table, value.group(1))
        if len(counters) != 1 or counters[0] in found:
            return None
        if any(column in self.grounding._columns_in(table, token) for token in request.tokens):
            return None  # «в статусе», "status": the column is named
        literal = re.compile(rf"(?<![\w-]){re.escape(value.group(1).lower())}(?![\w-])")
        said = [m.start() for m in literal.finditer(request.lower)]
        if any(request.lower[:at].rstrip().endswith(("(", "«", "'", '"')) for at in said):
            return None  # «(overdue)», "'overdue'": the value itself
        if request.language == "ru" and said:
            return None  # «кредиты overdue»: a Latin value in a Russian request is the value
        token = request.token_at(position)
        phrase = request.raw[token] if token < len(request.raw) else value.group(1)
        listing = [c for c in table.columns if _is_text(c) and value.group(1) in listed_values(c.comment)]
        if [c.name for c in listing] == [column]:  # the status alone lists it: the row's state, noted
            note = say(request.language, "planner.assumed_state_over_column", phrase=phrase, column=column,
                       value=value.group(1), other=f"{counters[0]} > 0")  # fmt: skip
            if note not in request.assumed:
                request.assumed.append(note)
            return None
        return say(request.language, "planner.state_or_count", phrase=phrase, column=column,
                   value=value.group(1), counter=counters[0], table=table.qualified_name)  # fmt: skip

    @staticmethod
    def _counters_of_value(table: Table, value: str) -> list[str]:
        """The columns counting units of what a listed value names (overdue_days for 'overdue')."""
        return [c.name for c in table.columns if counts_units(c) and stem(value) in name_parts(c.name)]

    def _restated(
        self,
        request: Request,
        table: Table,
        found: dict[str, tuple[int, str]],
        yielded: list[tuple[int, str, str]],
    ) -> None:
        """«неоплаченные, то есть где paid_at пустой», "open ones, i.e. closed_at is null", «без отметки о
        завершении (finished_at is null)»: what follows a restatement marker, or a condition in brackets
        right after words, says what those words mean, so the conditions read from the words (a guess from
        an adjective) give way to the ones read from the explanation, never ANDed with them, and the words
        count as read. The words reach back to the previous clause boundary; a marker's explanation runs to
        the next one."""
        for explained, start, stop in self._explanations(request):
            before = max((m.end() for m in CLAUSE_END.finditer(request.lower, 0, explained)), default=0)
            said = {c: (p, condition) for p, c, condition in yielded if start <= p < stop}
            marker = request.lower[explained:start].strip(" ,(\u2014\u2013-:") != ""
            if not said and marker and any(before <= p < explained for p, _ in found.values()):
                # «неоплаченные, то есть без даты оплаты»: an explanation no rule read; the guess alone
                # could be the wrong reading, so the explanation is quoted in a question
                phrase = request.text[explained:stop].strip(" ,(\u2014\u2013-:)")
                request.unsure.append(unread_clause_question(request.language, table, phrase))
            spans = (before, explained, start, stop)
            if not said and before < explained and self._keeps_bracketed_column(request, table, found, spans):
                continue
            if not said or before >= explained:
                continue
            from_word = self._explained_from(request, table, (before, explained), said, found)
            from_word = max(
                from_word, self._glossed_noun_end(request, table, found, (before, explained), said)
            )
            from_word = _glossed_phrase_start(request.lower, from_word, explained)  # «ОСАГО кроме …»
            for column, p in [(c, p) for c, (p, _) in found.items() if from_word <= p < explained]:
                if column in said:  # «неоплаченные (т.е. status = 'draft')»: the explanation's condition
                    if _merged_values(found[column][1], said[column][1]) == found[column][1]:
                        # "retired or put in storage (stored)": the bracket glosses the list's last item,
                        # whose list already holds it (planner150: 'retired' was lost)
                        continue
                    found[column] = said[column]
                elif _other_words_glossed(request, table, p, explained):
                    continue  # «Номера для курящих на уборке (cleaning)»: the bracket says «на уборке»
                elif not _value_written(request.lower[p:explained], found[column][1], column, ""):
                    # «категории roaming с высоким приоритетом (high)»: a value said as is, not explained
                    del found[column]
            if ends_in_exception(request.lower[before:explained]):
                # «кроме закрытых (status closed)», "except rejected ones (status rejected)": the brackets say
                # which rows the words name, and those are the rows left out (not a flag's `= true/false`: the
                # flag rules read «кроме» themselves, «кроме льготников (is_privileged)»)
                for column, (p, condition) in said.items():
                    if found.get(column) == (p, condition) and re.fullmatch(
                        r"\w+ (?:=|IN) (?!true$|false$).*", condition
                    ):
                        found[column] = (p, self._negated_list(table, condition))
            request.rival_conditions[:] = [
                r
                for r in request.rival_conditions
                if not before <= r[3] < explained
                # «из Казани (city = 'Kazan')»: the words' guess gives way to the bracket's condition
                and not (before <= r[0] < explained and start <= r[3] < stop)
            ]
            request.handled.append((from_word, explained))

    def _glossed_noun_end(
        self,
        request: Request,
        table: Table,
        found: dict[str, tuple[int, str]],
        words: tuple[int, int],
        said: dict[str, tuple[int, str]],
    ) -> int:
        """«Эксклюзивные объявления (вид rent)», «Эксклюзивные объявления об аренде (вид rent)»: a bracket
        after the table's noun saying a value (`column = 'value'`) that no word before the noun says, and
        whose column no word before it was read for, names the kind of the rows (or glosses the words after
        the noun): it explains no adjective before the noun, so a flag or state read from one is kept and
        ANDed (planner119). The end of the noun then, else `before` (nothing kept)."""
        before, explained = words
        values = {v for _, condition in said.values() for v in re.findall(r"'([^']+)'", condition)}
        nouns = [
            k
            for k, (s, e) in enumerate(request.spans)
            if before <= s and e <= explained and s > before and self._table_noun_at(request, table, k)
        ]
        if not values or not nouns:
            return before
        noun_end = request.spans[nouns[-1]][1]
        kept = [(c, condition) for c, (p, condition) in found.items() if before <= p < noun_end]
        # «Активные объявления (вид rent)», "Cancelled field operations (type harvesting)": a bracket naming
        # the KIND of the rows glosses the noun, never a state word read for another column (planner122)
        columns = [table.column(c) for c in said]
        kinds = all(column is not None and _is_kind(column) for column in columns)
        if not kept and kinds:
            # «Горящие объявления (вид sale)»: a word before the noun that no rule read and that says no kind
            # is left for the content check (asked), never taken as explained by the kind's bracket
            before_noun = [w for w in tokenize(request.text[before:noun_end]) if w.lang != "punct"]
            kind_words = _comment_kind_roots(table)
            # «Уборочные работы (вид работ harvesting)» of 'Полевые работы (сев, обработка, уборка)'
            glossed = any(
                self._says_value(w, values) or any(m[:4] in kind_words for m in w.lemmas if len(m) > 4)
                for w in before_noun
            )
            return before if glossed else noun_end
        if not kept or any(
            c in said
            or not (
                re.fullmatch(rf"{c} = (?:true|false)", cond)
                or kinds
                and re.fullmatch(rf"{c} (?:= '[^']+'|IN \('[^)]+\))", cond)
            )
            for c, cond in kept
        ):
            return before  # «Убранные посевы (статус harvested)»: a state word the bracket explains
        if any(
            self._says_value(w, values) for w in tokenize(request.text[before:noun_end]) if w.lang != "punct"
        ):
            return before
        return noun_end

    def _explained_from(
        self,
        request: Request,
        table: Table,
        span: tuple[int, int],
        said: dict[str, tuple[int, str]],
        found: dict[str, tuple[int, str]],
    ) -> int:
        """Where the words an explanation explains start: at the clause's start, or after the table's noun
        when a word after it says a value the explanation's condition holds: «Закрытые счета в долларах
        (валюта USD)», "Frozen accounts in euros (currency EUR)", «Активные объявления о продаже (вид sale)»
        explain «в долларах», "in euros", «о продаже», so the state word before the noun is read on its own,
        kept or asked, never dropped (planner117); «неоплаченные счета пациентов (paid_at пустой)» explains
        the whole phrase. Words a rule already read as the explanation's very condition are the ones glossed
        («Одобренные убытки по угону (theft)»: claim_type = 'theft' from «угону»), so the words before them
        keep their own conditions (planner149: «Одобренные», the status, was dropped)."""
        before, explained = span
        glossed = [
            at
            for name, (at, condition) in found.items()
            if name in said and before <= at < explained and condition == said[name][1]
        ]
        if glossed:  # from the quote that opens the value's words («Карты «Мир» (mir)»)
            return len(request.text[before : max(glossed)].rstrip("«\"'“")) + before
        nouns = [
            k
            for k, (s, e) in enumerate(request.spans)
            if before <= s and e <= explained and s > before and self._table_noun_at(request, table, k)
        ]
        if not nouns:
            return before
        after = request.spans[nouns[-1]][1]
        values = {v for _, condition in said.values() for v in re.findall(r"'([^']+)'", condition)}
        between = [w for w in tokenize(request.text[after:explained]) if w.lang != "punct"]
        return after if any(self._says_value(w, values) for w in between) else before

    def _says_value(self, word: Token, values: set[str]) -> bool:
        """`word` says one of `values`: spelled («sale»), its currency («долларах» USD), or a Russian or
        English word for a part of the code («продаже» sale, «пути» in_transit)."""
        meanings = value_meanings(word) | {stem(m) for m in self.vocabulary.meanings(word.lower)}
        for value in values:
            parts = {stem(p) for p in re.split(r"[_\s-]+", value.lower()) if p}
            if stem(word.lower) in parts or parts & meanings or currency_code(word) == value.upper():
                return True
        return False

    @staticmethod
    def _keeps_bracketed_column(
        request: Request, table: Table, found: dict[str, tuple[int, str]], spans: tuple[int, int, int, int]
    ) -> bool:
        """«кроме ушедших (churned_on)», "except closed ones (closed_on)": a bracket holding one bare column
        name after words that read two columns (a time column and a status value) says which one they mean;
        the other reading is dropped, never ANDed with it. False when the bracket names no such column."""
        before, explained, start, stop = spans
        name = request.lower[start:stop].strip()
        read_here = {c for c, (p, _) in found.items() if before <= p < explained}
        if table.column(name) is None or name not in read_here or len(read_here) < 2:
            return False
        for column in read_here - {name}:
            del found[column]
        request.handled.append((before, explained))
        return True

    def _explanations(self, request: Request) -> Iterable[tuple[int, int, int]]:
        """(end of the words explained, start and end of the explanation) for every restatement marker and
        every bracket that follows words."""
        for marker in RESTATEMENT.finditer(request.lower):
            after_end = _EXPLANATION_END.search(request.lower, marker.end())  # «(т.е. ...)»: to the bracket
            yield (
                _prev_boundary(request, marker),
                marker.end(),
                after_end.start() if after_end else len(request.lower),
            )
        for bracket in re.finditer(r"\(([^()]{3,200})\)", request.lower):
            yield bracket.start(), bracket.start(1), bracket.end(1)

    def _rivals(
        self,
        request: Request,
        table: Table,
        found: list[tuple[int, str]],
        conditions: list[str],
        scopes: list[tuple[int, int]],
    ) -> None:
        """A second phrase stating another condition on a column already filtered («со статусом new и
        paid»): asked about, unless it says the same once negations are applied («меньше 100 не нужны;
        ... от 100»)."""
        clauses = negation.negated_clauses(request.text)
        refused = [(start, end) for start, end, _, _ in clauses]
        for position, column, condition, kept_at in request.rival_conditions:
            kept = next((c for (p, _), c in zip(found, conditions, strict=True) if p == kept_at), None)
            rival: str | None = condition
            if any(start <= position < end for start, end in scopes):
                rival = self._negated(table, condition)
            if kept is None or rival is None or rival == kept or _merged_values(kept, rival) == kept:
                continue  # «со статусами new, in_progress»: the list read on from 'new' holds 'in_progress'
            if (either := _either_value(request, kept, kept_at, rival, position)) is not None:
                # "elevators that are full or under maintenance": two states of one column joined by "or"
                conditions[[p for p, _ in found].index(kept_at)] = either
                continue
            if (compound := _compound_first_item(request, kept, kept_at, rival, position)) is not None:
                # "senior librarians or managers": the list's first item is the compound value a rule read
                conditions[[p for p, _ in found].index(kept_at)] = compound
                continue
            if (joined := _compound_joined_value(request, kept, kept_at, rival, position)) is not None:
                # «Сотрудники-техники и библиотекари»: a role compound's tail and a role joined to it by «и»
                conditions[[p for p, _ in found].index(kept_at)] = joined
                continue
            if (both := _both_excluded(kept, kept_at, rival, position)) is not None:
                # "cancelled and no-show excluded": two values left out of one column leave out both
                conditions[[p for p, _ in found].index(kept_at)] = both
                continue
            marker = (
                retractions.correction_marker(request.text[kept_at:position]) if kept_at < position else None
            )
            if marker and not _negative(condition):  # «механизаторов... точнее, механиков»: the last value
                # is the one meant; «водителей, нет, механиков» read as a negation stays a question
                conditions[[p for p, _ in found].index(kept_at)] = condition
                note = say(request.language, "planner.assumed_correction", marker=marker,
                           retracted=kept, kept=condition)  # fmt: skip
                request.assumed += [note] if note not in request.assumed else []
                continue
            if self._refused_then_kept(table, kept, kept_at, rival, position, refused):
                # «меньше 100 не нужны; грузить ... от 100»: the bound refused, then the rows kept said
                conditions[[p for p, _ in found].index(kept_at)] = rival
                request.handled += [(a, b) for start, end, a, b in clauses if start <= kept_at < end]
                continue
            self._conflict(request, table, column, [kept, rival])

    def _refused_then_kept(
        self, table: Table, kept: str, kept_at: int, rival: str, position: int, refused: list[tuple[int, int]]
    ) -> bool:
        """`kept` stands in a clause a negation closes («счета с суммой меньше 100 не нужны») and `rival`,
        said outside any, is exactly its complement («с суммой от 100»): the rows to load are the rival's
        (its bound leaves the NULL amounts out too, as the request said)."""
        if not any(a <= kept_at < b for a, b in refused) or any(a <= position < b for a, b in refused):
            return False
        turned = self._negated(table, kept)
        if turned is None:
            return False
        name = rival.split(" ", 1)[0]
        return turned in (rival, f"({rival} OR {name} IS NULL)")

    def _conflict(self, request: Request, table: Table, column: str, conditions: list[str]) -> None:
        """Two phrases state different conditions on one column («со статусом new и paid»): ask which."""
        first, second = sorted(conditions)
        name = f"{table.qualified_name}.{column}"
        question = say(
            request.language, "planner.conflicting_conditions", column=name, first=first, second=second
        )
        if question not in request.unsure:
            request.unsure.append(question)

    # --- negated row filters ("skip rows where amount is null") ----------------------------------

    def _negated_scopes(self, request: Request) -> list[tuple[int, int]]:
        """Character spans whose conditions describe rows NOT to load: from "skip rows where" to the
        end of that clause."""
        scopes = []
        for match in NEGATED_ROWS.finditer(request.lower):
            if DEDUPE.match(request.lower, match.start()):
                continue  # "without duplicates with ..." is deduplication
            if any(COLUMN_NOUN.match(w) for w in request.lower[match.start() : match.end()].split()):
                continue  # «без колонки с паспортом», "without the column with ...": a column left out
            end = CLAUSE_END.search(request.lower, match.end())
            scopes.append((match.start(), end.start() if end else len(request.lower)))
        return scopes

    def _apply_negations(
        self, request: Request, table: Table, found: list[tuple[int, str]], scopes: list[tuple[int, int]]
    ) -> tuple[list[str], list[str]]:
        """The conditions with those inside a negated scope turned around; questions when a negated
        scope holds several conditions (NOT (a AND b) is not what an AND of negations means)."""
        conditions = [condition for _, condition in found]
        for start, end in scopes:
            inside = [i for i, (position, _) in enumerate(found) if start <= position < end]
            if inside and _excepted_already(request, start, found[inside[0]]):
                continue  # «кроме доставленных, с объявленной ценностью …»: the rest is the kept rows' clause
            if not inside:
                if request.is_handled(start):
                    continue  # "without the email column with ...": columns, handled already
                phrase = request.text[start:end].strip()
                question = (
                    f"I could not tell which rows of {table.qualified_name} {phrase!r} means; which "
                    "condition should the loaded rows meet (for example 'amount IS NOT NULL')?"
                )
                return [], [question]
            # "skip rows where a or b" keeps rows with neither (NOT a AND NOT b); "a and b" is no AND.
            negated = [self._negated(table, found[i][1]) for i in inside]
            gaps = [
                request.lower[found[a][0] : found[b][0]] for a, b in zip(inside, inside[1:], strict=False)
            ]
            either = all(
                re.search(r"\b(or|или|либо)\b", g) and not re.search(r"\b(and|и)\b", g) for g in gaps
            )
            if None in negated or not either:
                listed = " AND ".join(found[i][1] for i in inside)
                return [], [f"Which rows of {table.qualified_name} should be skipped? I read '{listed}' "
                            "but could not turn it into a filter of the rows to keep."]  # fmt: skip
            for i, condition in zip(inside, negated, strict=True):
                conditions[i] = str(condition)
            request.handled.append((start, end))
        return conditions, []

    def _negated_list(self, table: Table, condition: str) -> str:
        """`col = v` or `col IN (...)` turned around (a NULL value is kept: it is not one the request left
        out)."""
        values = _values_of(condition)
        if values is None or len(values[1]) == 1:
            return str(self._negated(table, condition))
        name, items = values
        column = table.column(name)
        kept = f"{name} NOT IN ({', '.join(_quote(v) for v in items)})"
        return f"({kept} OR {name} IS NULL)" if column is None or column.nullable else kept

    def _negated(self, table: Table, condition: str) -> str | None:
        """The condition that keeps exactly the rows `condition` would skip (NULLs are kept: a row whose
        value is unknown is not one the request asked to skip)."""
        empty = re.fullmatch(r"\((\w+) IS NULL OR \1 = ''\)|(\w+) IS NOT NULL AND \2 <> ''", condition)
        if empty:  # the text forms of _null_check turn into each other
            return _null_check(table, empty.group(1) or empty.group(2), not empty.group(1), False)
        if negation.VALUE_LIST.fullmatch(condition):
            # «отменённые и незаезды не берём»: the rows with none of the values (NULLs kept, as for one)
            name = condition.split()[0]
            column = table.column(name)
            kept = condition.replace(" IN (", " NOT IN (", 1)
            return f"({kept} OR {name} IS NULL)" if column is None or column.nullable else kept
        match = re.fullmatch(
            r"(\w+) (IS NOT NULL|IS NULL|IS DISTINCT FROM|<>|!=|>=|<=|=|>|<|BETWEEN) ?(.*)", condition
        )
        if match is None:
            return None
        name, operator, value = match.groups()
        if re.search(r"\bAND\b|now\(\)|current_date", value) and operator != "BETWEEN":
            return None  # a time window or a compound condition: asked about, not turned around
        column = table.column(name)
        nullable = column is None or column.nullable
        if operator in ("IS NULL", "IS NOT NULL"):
            return f"{name} {'IS NOT NULL' if operator == 'IS NULL' else 'IS NULL'}"
        if operator in ("IS DISTINCT FROM", "<>", "!="):
            return f"{name} = {value}"
        if operator == "=" and value in ("true", "false") and not nullable:
            return f"{name} = {'false' if value == 'true' else 'true'}"  # a yes/no column: the other value
        if operator == "=":
            return f"{name} IS DISTINCT FROM {value}" if nullable else f"{name} <> {value}"
        kept = (
            f"{name} NOT BETWEEN {value}" if operator == "BETWEEN" else f"{name} {FLIPPED[operator]} {value}"
        )
        return f"({kept} OR {name} IS NULL)" if nullable else kept

    # --- null checks ---------------------------------------------------------------------------

    def _null_conditions(self, request: Request, table: Table, _: bool) -> Iterable[tuple[int, str, str]]:
        for match in NULL_AFTER.finditer(request.lower):
            is_null = _says_null(match)
            null_only = bool(match.group("op")) or match.group("word") == "null"
            index = request.token_at(match.start())
            found = self._column_before(request, table, index)
            if found is None and match.group("ru"):
                # "где не указан телефон": Russian puts the predicate first
                after = request.token_at(match.end())
                column = self.grounding._word_column(table, request.tokens[after : after + 2], fk_words=True)
                found = (column[0], after) if column else None
            if found:
                name, at = found
                yield self._position(request, at), name, _null_check(table, name, is_null, null_only)
        for match in ROWS_WITHOUT.finditer(request.lower):
            after = request.token_at(match.end())
            while after < len(request.tokens) and request.tokens[after] in LIST_JOINERS:
                after += 1  # "without an amount"
            column = self.grounding._word_column(table, request.tokens[after : after + 2], fk_words=True)
            if column:
                yield self._position(request, after), column[0], _null_check(table, column[0], True, False)
        yield from self._rows_without_date(request, table)
        yield from self._rows_with_column(request, table)
        for match in NULL_BEFORE.finditer(request.lower):
            after = request.token_at(match.end())
            column = self.grounding._word_column(table, request.tokens[after : after + 2], fk_words=True)
            if self._bracketed_absent_asked(request, table, match, column[0] if column else None):
                continue
            there_is_none = match.group("word") == "нет"  # «(нет passport_number)»: rows with none
            if (
                column
                and not there_is_none
                and bracketed_no_event(request.lower, match.start(), table.column(column[0])) is False
            ):
                continue  # "(no passport_number)": a column left out, not rows with no passport number
            if column:
                word = match.group("word")
                is_null = not re.match(r"(non|непуст|не\s|заполн)", word, re.IGNORECASE)
                null_only = bool(re.fullmatch(r"(?:non[\s-]?)?null", word, re.IGNORECASE))
                condition = _null_check(table, column[0], is_null, null_only)
                yield self._position(request, after), column[0], condition

    def _bracketed_absent_asked(
        self, request: Request, table: Table, match: re.Match[str], column: str | None
    ) -> bool:
        """«(нет passport_number)» where the name is no nullable column of the table (none can be missing, or
        the table has no such column): the condition is asked about, never dropped (planner43)."""
        if match.group("word") != "нет" or not request.lower[: match.start()].endswith("("):
            return False
        found = table.column(column) if column else None
        if found is not None and found.nullable:
            return False
        named = re.match(r"[a-z][a-z0-9]*_[a-z0-9_]+", request.lower[match.end() :])
        if found is None and named is None:
            return False  # «(нет просрочки)»: a word other rules read (overdue_days = 0), not a column name
        end = request.lower.find(")", match.end())
        request.state_clauses.append((match.start() - 1, end + 1 if end > 0 else match.end()))
        return True

    def _rows_without_date(self, request: Request, table: Table) -> Iterable[tuple[int, str, str]]:
        """«без даты отчисления», "without a firing date": the rows whose date column is empty; a date the
        table has no column for is asked about (loading every row would drop the user's filter)."""
        for match in ROWS_WITHOUT_DATE.finditer(request.lower):
            if continues_column_list(request.lower, match.start()):
                continue  # «без колонки email и без даты рождения»: a column left out, not rows
            at = request.token_at(match.start("date"))
            column = self.grounding._word_column(table, request.tokens[at : at + 2], fk_words=True)
            # «без даты возврата» is not 'Дата выписки' by «даты» alone, "without block date" no status column
            found = table.column(column[0]) if column else None
            dated = found is not None and is_temporal(table, found.name) and not _is_number_column(found)
            if column and column[1] == 2 and dated:
                yield self._position(request, at), column[0], _null_check(table, column[0], True, False)
            else:
                phrase = request.text[match.start() : match.end()]
                question = unread_clause_question(request.language, table, phrase)
                request.unsure.append(question)

    def _ends_row_clause(self, request: Request, table: Table, k: int) -> bool:
        """Word `k` is the predicate of an English relative clause right after the rows' noun ("complaints
        that got upheld"): what follows it qualifies the rows as it would after the noun (planner144)."""
        tokens = request.tokens
        for j in range(max(1, k - 5), k):
            if tokens[j] in ("that", "which", "who") and self.grounding._names_table(tokens[j - 1], table):
                opened = _english_clause_predicate(tokens, j + 1)
                return opened is not None and opened[0] == k
        return False

    def _rows_with_column(self, request: Request, table: Table) -> Iterable[tuple[int, str, str]]:
        """«клиентов с email», "customers with a phone": «с»/"with" + one nullable column right after the
        table's noun, and nothing after it that could be its value, keeps the rows that have one (a list
        «с email и телефоном» is left to the other rules)."""
        tokens = request.tokens
        comment = {stem(w) for w in words(table.comment or "")}
        for i in range(1, len(tokens) - 1):
            if tokens[i] not in ("с", "со", "with", "having"):
                continue
            before = tokens[i - 1]
            # "SLA breaches with a penalty": the last part of the table's name (sla_breaches) names its rows,
            # for a money column only ("tickets with normal priority" stays the value rules')
            parts = name_parts(table.name.split(".")[-1])
            by_name_part = bool(parts) and stem(before) == parts[-1]
            # planner144: "complaints that got upheld with a compensation": the clause's participle stands
            # between the rows' noun and "with"; the phrase still says which rows
            after_clause = self._ends_row_clause(request, table, i - 1)
            if not (
                self.grounding._names_table(before, table)
                or self.vocabulary.meanings(before) & comment
                or by_name_part
                or after_clause
            ):
                continue
            named_directly = (
                self.grounding._names_table(before, table) or self.vocabulary.meanings(before) & comment
            )
            start = i + 1 + (tokens[i + 1] in ("a", "an", "the"))
            pair = tokens[start : start + 2]  # «с номером телефона»; not «с видом social» (a value follows)
            if self._value_joined_to_noun(request, table, start):
                continue  # «брони с ota-канала»: a value joined to its column's noun, read by the hyphen rule
            found = self.grounding._word_column(table, pair[:1], fk_words=False)
            if found is None and not any(w.isascii() for w in pair):
                found = self.grounding._word_column(table, pair, fk_words=False)
            if found is None:
                continue
            name, width = found
            column = table.column(name)
            after = start + width
            if column is None or not column.nullable or "bool" in column.type.lower():
                continue  # «с целой пломбой» (seal_ok): a state of the row, read by _subject_state_conditions
            if any(_names_listed_value(w, column) for w in request.raw[start:after]):
                continue  # «с высоким приоритетом» of 'Приоритет (низкий, высокий)': its value, not «has one»
            if counts_units(column):
                continue  # «кредиты с просрочкой» ('Дней просрочки'): over 0 days, read by the count rule
            if after < len(tokens) and self._continues_column_name(column, tokens[after]):
                after += 1  # "with a phone number"
            if after < len(tokens):
                gap = request.text[request.spans[after - 1][1] : request.spans[after][0]]
                nxt = tokens[after]
                ends = bool(re.search(r"[,;.:()—–]", gap)) or self._ends_phrase(request, after)
                if not ends or nxt in LIST_JOINERS or is_mask_word(nxt):
                    continue
            if not named_directly and not _money_amount(column):
                continue
            if _money_amount(column):  # "tickets with a refund": a refund of 0 is none, as NULL is
                yield self._position(request, i), name, f"{name} > 0"
                continue
            yield self._position(request, i), name, _null_check(table, name, False, False)

    def _value_joined_to_noun(self, request: Request, table: Table, index: int) -> bool:
        """Word `index` is a value a column of `table` lists, joined by a hyphen to the next word
        («ota-канала»: the channel 'ota'), not a column word of its own ("e-mail")."""
        if index >= len(request.tokens) or not request.text.startswith("-", request.spans[index][1]):
            return False
        return self.is_listed_value(table, request.raw[index])

    def _ends_phrase(self, request: Request, index: int) -> bool:
        """Word `index` starts another part: a verb, an engine, the schedule or "to <engine>"."""
        tokens, nxt = request.tokens, request.tokens[index]
        if PIPELINE_VERBS.fullmatch(nxt) or _only_verb(nxt) or self.grounding._is_engine_word(nxt):
            return True
        if any(a <= request.spans[index][0] < b for a, b in request.schedule_spans):
            return True
        return (
            nxt in ("в", "во", "to", "into")
            and index + 1 < len(tokens)
            and (
                self.grounding._is_engine_word(tokens[index + 1])
                or tokens[index + 1] in request.claimed
                or TABLE_WORD.fullmatch(tokens[index + 1]) is not None  # «в таблицу promo_trips»: the target
            )
        )

    def _column_before(self, request: Request, table: Table, index: int) -> tuple[str, int] | None:
        """The column named by the word(s) right before word `index` ("the phone number is empty")."""
        tokens = request.tokens
        end = index
        while end > 0 and (tokens[end - 1] in LIST_JOINERS or COLUMN_NOUN.match(tokens[end - 1])):
            end -= 1
        for start in (end - 2, end - 1):
            if start < 0:
                continue
            found = self.grounding._word_column(table, tokens[start:end], fk_words=True)
            if (
                found
                and start + found[1] == end
                and not self.grounding._qualifies_table(table, tokens[start], found)
            ):
                return found[0], start  # "визиты за ..." names the table, not its visit_date
        return None

    # --- rolling windows ("за последние 7 дней", "yesterday") ----------------------------------

    def _rolling_window(self, request: Request, table: Table, grain_column: str | None = None) -> Found:
        """(position, condition) of the one time window the request names, or a question. A mart's grain
        column is the window's when no other time is named for it (marts116: two NOT NULL times)."""
        windows: list[tuple[int, str]] = []
        ends: dict[int, int] = {}  # where each window ends: a time column may be named after it
        for match in LAST_N.finditer(request.lower):
            if any(a <= match.start("en") < b for a, b in request.schedule_spans if match.group("en")):
                continue  # "at 5 past every hour": the schedule's words, not a window
            if match.group("unit_one") and any(a <= match.start() < b for a, b in request.schedule_spans):
                continue  # «дважды за сутки»: how often it runs, not which rows
            if continues_a_comment(table.columns, request.text, match.start()):
                continue  # «кроме ставки за час» of 'Ставка за час': the column's name, not a window
            template = _last_n_template(match)
            if template is None:
                return Found(None, [self._ask_window(request, table, match.group(0))])
            windows.append((match.start(), template))
            ends[match.start()] = match.end()
        for match in DAY_WINDOW.finditer(request.lower):
            template = self._day_window(request.lower[: match.start()], bool(match.group("yesterday")))
            if template == "":
                continue  # "starting today" is when the pipeline starts
            if template is None:
                return Found(None, [self._ask_window(request, table, match.group(0))])
            windows.append((match.start(), template))
        if not windows:
            hint = next(
                (
                    m
                    for m in WINDOW_HINTS.finditer(request.lower)
                    if not any(a <= m.start() < b for a, b in request.schedule_spans)
                ),
                None,
            )  # "at 20 past 5 am": the schedule's words, not a window
            hint = hint or self._unit_span(request, table)
            return Found(None, [self._ask_window(request, table, hint.group(0))] if hint else [])
        if len({template for _, template in windows}) > 1:
            return Found(None, [self._ask_window(request, table, "")])
        position, template = windows[0]
        column = self._time_column_after(request, table, ends.get(position))
        column = column or self._window_column(request, table, request.token_at(position)) or grain_column
        if column is None:
            # flights: no NOT NULL event time, so its time columns are the candidates (planner147)
            times = self.grounding._event_columns(table)
            times = times or [c.name for c in table.columns if is_time_column(c)]
            candidates = ", ".join(times) or "none found"
            return Found(None, [f"Which time column of {table.qualified_name} should the window use "
                                 f"(candidates: {candidates})?"])  # fmt: skip
        return Found((position, template.format(c=column)))

    @staticmethod
    def _time_column_after(request: Request, table: Table, end: int | None) -> str | None:
        """«за последние 10 дней по work_date», "in the last 3 days by charged_at": a time column of the
        table named right after the window is its column (planner142; before, the event time was taken)."""
        name = column_after_window(request.text, end) if end is not None else None
        column = table.column(name) if name else None
        return column.name if column is not None and is_time_column(column) else None

    @staticmethod
    def _unit_span(request: Request, table: Table) -> re.Match[str] | None:
        """«заказы за месяц», «за день» outside the schedule on a table whose rows have no period of their own
        (no `period`/`month` column, as payslips have): which rows each run loads is asked, never all rows."""
        if any(set(name_parts(c.name)) & PERIOD_PARTS for c in table.columns):
            return None  # «расчётка за месяц»: the payslip's own period, no window
        return next(
            (
                m
                for m in UNIT_SPAN_RU.finditer(request.lower)
                if not any(a <= m.start() < b for a, b in request.schedule_spans)
                and not continues_a_comment(table.columns, request.text, m.start())
            ),
            None,
        )

    def _day_window(self, before: str, yesterday: bool) -> str | None:
        """The condition of "yesterday"/"today" given the words before it: "" when the day is when the
        pipeline starts ("starting today"), None when unclear ("until yesterday", "starting yesterday")."""
        start = "current_date - 1" if yesterday else "current_date"
        if SINCE_BEFORE.search(before):
            return "{c} >= " + start
        if STARTING_BEFORE.search(before):
            return None if yesterday else ""
        if UNTIL_BEFORE.search(before):
            return None
        return "{c} >= current_date - 1 AND {c} < current_date" if yesterday else "{c} >= current_date"

    def _window_column(self, request: Request, table: Table, index: int) -> str | None:
        """The time column a window is on: one named right before it ("created in the last 7 days",
        "updated since yesterday"), else the table's event time (the column new rows are found by)."""
        while index > 0 and request.tokens[index - 1] in WINDOW_PREPOSITIONS:
            index -= 1
        before = self._column_before(request, table, index)
        if before and is_temporal(table, before[0]) and before[0].endswith(("_at", "_date", "date")):
            return before[0]
        timed = table.column(before[0]) if before else None
        if timed is not None and is_time_column(timed):
            return timed.name  # "by scheduled_departure over the last 48 hours": a timestamp (planner142)
        named = self._time_columns_by_participle(table, request.raw[index - 1]) if index > 0 else []
        if named:  # «сессии, начатые за последние двое суток»: the start event's time, 'Начало зарядки'
            return named[0]
        verb = event_time_by_english_verb(table, request.raw[index - 1]) if index > 0 else None
        if verb:  # "tickets that got refunded in the last 3 days": refunded_at (planner167)
            request.window_verbs.append(request.spans[index - 1][0])  # the clause's verb is read
            return verb
        if index > 0 and is_(self._token_of(request, index - 1), "CHANGED"):
            # «заказы, которые обновились за сутки»: the window is on the update time, not the creation
            updated = next((name for name in UPDATE_COLUMNS if table.column(name)), None)
            return updated or self.grounding._event_time_column(table)
        joined = index > 0 and not re.search(
            r"[,;:—–-]", request.text[request.spans[index - 1][1] : request.spans[index][0]]
        )
        if joined and unnamed_clause_event([self._token_of(request, k) for k in range(index)], index - 1):
            # «выдачи, которые продлили за неделю»: no renewal time, which time is asked; after a comma
            # («сеансы, которые отменили, за последние 48 часов») the window dates the rows, not the verb
            return None
        # 'Оплаты штрафов …' with paid_at 'Время оплаты' beside created_at 'Время создания записи': the one
        # time column commented as the time of the event the table's comment names (README, as a mart's grain)
        own = _own_event_time(table)
        if own:
            return own
        # «Аренду техники за последний месяц»: neither the table's own noun («аренда» of 'Аренда строительной
        # техники', though 'Начало аренды' holds it) nor the window's own words («последний» of 'Время
        # последнего изменения') name the time column (planner142: planned on created_at)
        windows = [m.span() for m in LAST_N.finditer(request.lower)]
        said = [
            w
            for k, w in enumerate(request.tokens)
            if not self._row_noun_at(request, table, k)
            and not any(a <= request.spans[k][0] < b for a, b in windows)
        ]
        unclear = window_time_unclear(table)
        said_times: dict[str, set[str]] = (
            {w: {c for c in self._time_columns_named(table, w) if names_a_time(table, [c])} for w in said}
            if unclear
            else {}
        )
        times = set().union(*said_times.values())
        if unclear and not times:
            return None  # «Брони за последние две недели»: booked, arriving or staying? asked (planner130)
        # loans' issued_at beside due_on and returned_at: the one NOT NULL event time, the column new rows are
        # found by (README: a window is on the event time, as an incremental load is)
        column = self.grounding._event_time_column(table) or self.grounding._arrival_time_column(table)
        # a listed state's word ("cancelled" of cancelled_at) is the status value, not the window's time
        # (README round83: the convention as it stands; fixreg29: planner151 asked it)
        other = {c for w, cs in said_times.items() if not self._says_listed_state(table, w) for c in cs}
        if unclear and other and column not in other:
            return None  # «клиент» of slot_at 'Время, на которое записан клиент', not created_at: asked
        # «Рейсы за последние 7 дней» (no NOT NULL event time, the fallback updated_at): departed, arrived or
        # edited then? asked, beside other time columns, never the edit time unsaid (planner147)
        if column in UPDATE_COLUMNS and any(
            is_time_column(c) and c.name not in UPDATE_COLUMNS for c in table.columns
        ):
            return None
        return column

    def _ask_window(self, request: Request, table: Table, phrase: str) -> str:
        named = f"I could not turn {phrase.strip()!r} into a time window. " if phrase else ""
        return (
            f"{named}Which rows of {table.qualified_name} should each run load, for example "
            "'за последние 7 дней', 'last 24 hours', 'yesterday'?"
        )

    def _bare_flag_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """ "only with seal_ok true", «только is_refunded false», «только is_overdue»: a boolean column of the
        table followed by a truth word, or alone after «только»/"only" ending the phrase, is that flag's value
        (as "seal_ok = true" is); a column of another type is left to the other rules."""
        for match in BARE_FLAG.finditer(request.text):
            column = table.column(match.group("col") or match.group("only"))
            if column is None or "bool" not in column.type.lower():
                continue
            truth = (match.group("truth") or "true").lower()
            yield match.start(), column.name, f"{column.name} = {truth}"

    def _explicit_conditions(self, request: Request, table: Table, _: bool) -> Iterable[tuple[int, str, str]]:
        for match in EXPLICIT_COMPARISON.finditer(request.text):
            column = table.column(match.group(1))
            operator = "=" if match.group(2).strip() in ("is", "equals") else match.group(2)
            if column is None or match.group(3).lower() in NOT_VALUES:
                continue
            literal = match.group(3)
            date = DATE_AFTER.match(request.text, match.start(3))
            if date:  # "registered_at > 2024-01-01": a date, never the number 2024
                yield match.start(), column.name, f"{column.name} {operator} {_quote(_iso_date(date))}"
                continue
            if literal[0] in "'\"":
                literal = literal[1:-1].replace("''", "'")
            elif re.fullmatch(r"-?\d+(?:[.,]\d+)?", literal):
                yield (
                    match.start(),
                    column.name,
                    f"{column.name} {match.group(2)} {literal.replace(',', '.')}",
                )
                continue
            elif "bool" in column.type.lower() and literal.lower() in ("true", "false") and operator == "=":
                yield match.start(), column.name, f"{column.name} = {literal.lower()}"  # «seal_ok = false»
                continue
            if table.column(literal):
                continue
            if literal.lower() in NOT_A_NAME and not (
                operator in ("=", "<>", "!=") and _CLOSES_VALUE.match(request.text, match.end())
            ):
                continue  # "status is new"; but "direction = in," and "door = A and ..." are values
            yield match.start(), column.name, f"{column.name} {operator} {_quote(literal)}"

    def _date_conditions(self, request: Request, table: Table, _: bool) -> Iterable[tuple[int, str, str]]:
        """ "registered after 2024-01-01", «зарегистрированных после 01.02.2024», "created before 2024-03-01":
        a date after a before/after word is compared with the time column the word before it names (by
        name or glossary: зарегистрированный -> registered_at), else with the table's event time."""
        for match in DATE_COMPARISON.finditer(request.text):
            word = match.group("word").lower()
            if match.group("prep").lower() == "from" and word not in START_WORDS:
                continue  # "from 2024-01-01 to ...": a range, read by the between rule; "starting from" here
            columns = self._time_columns_named(table, word)
            if len(columns) == 1:  # "shipments created since ...": «created» is read, no status value
                request.claimed.add(word)
            index = request.token_at(match.start())
            if not columns and index > 0 and not CLAUSE_END.search(request.lower, request.spans[index - 1][1],
                                                                    match.start()):  # fmt: skip
                # «подавших заявку после ...»: the participle before its object names the time column
                columns = self._time_columns_named(table, request.tokens[index - 1])
            if not columns:  # «выданные с 2025-06-01» of issued_on 'Дата выдачи': the participle's event
                columns = self._time_columns_by_participle(table, word)
            if not columns and not table.column(word):
                event = self.grounding._event_time_column(table)
                own = set(name_parts(table.name)) <= self.vocabulary.meanings(word)  # «заказы до 2024-03-01»
                columns = [event] if event and (own or word in ROW_WORDS | START_WORDS) else []
            if (
                len(columns) != 1
            ):  # «следующая поверка раньше ...»: by the comments ('Дата следующей поверки')
                columns = self._commented(table, columns, request.text[: match.end("word")])
            if len(columns) != 1:
                continue
            operator = DATE_OPERATORS[match.group("prep").lower()]
            yield match.start(), columns[0], f"{columns[0]} {operator} {_quote(_iso_date(match))}"

    def _year_conditions(self, request: Request, table: Table, _: bool) -> Iterable[tuple[int, str, str]]:
        """«выпущенные до 2010 года», «после 2015 года», "built before 2010": a year after a before/after word
        is compared with the table's one year column ('Год выпуска', *_year): «до 2010 года» is before that
        year (`< 2010`), not up to it, as «до 2024-01-01» is. A word before it that names another time column
        («проверенные до 2020 года» of last_check_on) leaves it to the date rules."""
        matches = list(YEAR_COMPARISON.finditer(request.lower))
        years = [c for c in table.columns if _is_number_column(c) and _is_year_column(c)] if matches else []
        if len(years) != 1:
            return
        # another time column (aircraft.last_check_on): only a word naming the year says which one is meant
        dated = any(is_temporal(table, c.name) and not _is_number_column(c) for c in table.columns)
        for match in matches:
            if any(a <= match.start() < b for a, b in request.schedule_spans):
                continue
            index = request.token_at(match.start())
            before = index and not CLAUSE_END.search(
                request.lower, request.spans[index - 1][1], match.start()
            )
            named = self._names_year(table, years[0], request.tokens[index - 1]) if before else False
            after = re.match(r"\s+([a-zа-яё]+)", request.lower[match.end() :])
            named = named or bool(
                after and years[0].name in self.grounding._columns_in(table, after.group(1))
            )
            if not match.group("unit") and request.language == "ru" and not named:
                continue  # «сумма до 2010»: a number, read by the comparison rules; «выпущенные после 2018»
                # names the year column, so it is the year with «года» left out (planner146: dropped)
            if dated and not named:  # «самолёты (проверенные) до 2010 года»: built, or checked? asked
                with_word = before and not self._names_rows_or_head(table, request.tokens[index - 1])
                start = request.spans[index - 1][0] if with_word else match.start()
                request.unsure.append(
                    unread_clause_question(request.language, table, request.text[start : match.end()])
                )
                continue
            operator = YEAR_OPERATORS[re.sub(r"\s+", " ", match.group("prep"))]
            request.handled.append(match.span())
            yield match.start(), years[0].name, f"{years[0].name} {operator} {match.group('year')}"

    def _year_equal_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """«Посевы сезона 2025 года», «техника 2019 года выпуска», "plantings of the 2025 season", "cars of
        model year 2018": a year beside a word naming one whole-number year column (a part of its name,
        season of season_year, or a noun of its comment, «выпуска» of 'Год выпуска') is `column = year`. A
        word two year columns fit is asked; a year with no such word is left to the other rules (asked)."""
        years = [c for c in table.columns if _is_number_column(c) and _is_year_column(c)]
        if not years:
            return
        for match in YEAR_EQUAL.finditer(request.lower):
            if any(a <= match.start("year") < b for a, b in request.schedule_spans):
                continue
            if request.is_handled(match.start("year")):
                continue
            word = match.group("before") or match.group("after")
            end = match.end()
            if (
                not match.group("before")
                and word == "model"
                and (more := re.match(r"\s+year\b", request.lower[end:]))
            ):  # "2018 model year cars"
                word, end = "year", end + more.end()
                request.claimed.add("model")
            if not word:
                continue
            named = [c.name for c in years if self._names_year_column(table, c, word)]
            if not named and match.group("before") and match.group("after"):
                word = match.group("after")
                named = [c.name for c in years if self._names_year_column(table, c, word)]
            if not named:
                continue
            phrase = request.text[match.start() : match.end()].strip()
            if len(named) != 1:  # "year 2019" of a table with two year columns: which year?
                request.unsure.append(unread_clause_question(request.language, table, phrase))
                request.handled.append(match.span())
                continue
            start = match.start()
            model = re.search(r"\bmodel\s+$", request.lower[: match.start()])
            if model and word == "year":  # "model year 2018": one noun, no model 'year'
                start = model.start()
                request.claimed.add("model")
            request.handled.append((start, end))
            request.claimed.add(word)
            yield start, named[0], f"{named[0]} = {match.group('year')}"

    def _names_year_column(self, table: Table, column: Column, word: str) -> bool:
        """`word` names the year column: a part of its name ("season" of season_year; "year" of any), a noun
        of its comment other than «год» («сезона», «выпуска» of 'Год выпуска'), or its event's participle."""
        said = stem(word)
        if said in {stem(p) for p in name_parts(column.name)} or word in name_parts(column.name):
            return True
        if said in {"год", "year"}:
            return False
        nouns = {stem(w.lower()) for w in words(column.comment or "")} - {"год"}
        return said in nouns or self._names_year(table, column, word)

    def _year_of_event_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """ "accounts opened in 2024", «счета, открытые в 2024 году»: a year after the word that names one
        date or time column (by name, glossary or comment: "opened" -> opened_at) is the range of that year on
        it, `>= 'Y-01-01' AND < 'Y+1-01-01'`. A table's year-number column is the year rules' (no range)."""
        for match in YEAR_OF_EVENT.finditer(request.lower):
            if any(a <= match.start("year") < b for a, b in request.schedule_spans):
                continue
            columns = [
                n for n in self._time_columns_named(table, match.group("word"))
                if not _is_number_column(table.column(n) or Column(n, "text"))
            ]  # fmt: skip
            if len(columns) != 1:
                if self._event_word(match.group("word")) and not request.is_handled(match.start("year")):
                    # "accounts opened in 2024" of a table with no opening date: asked, never all rows
                    phrase = request.text[match.start() : match.end()]
                    request.unsure.append(unread_clause_question(request.language, table, phrase))
                continue
            year, name = int(match.group("year")), columns[0]
            request.handled.append(match.span("year"))
            request.claimed.add(
                match.group("word")
            )  # «открытые в 2024 году»: the date's verb, no status 'open'
            condition = f"{name} >= '{year}-01-01' AND {name} < '{year + 1}-01-01'"
            yield match.start(), name, condition

    @staticmethod
    def _event_word(word: str) -> bool:
        """`word` says an event happened: an English participle ("opened", "paid") or a Russian one
        («открытые»)."""
        if word.isascii():
            return bool(EN_PARTICIPLE.fullmatch(word)) or word in EN_IRREGULAR_PARTICIPLES
        return any(p.pos in ("PRTF", "PRTS") for p in analyse(word)[:1])

    def _names_year(self, table: Table, column: Column, word: str) -> bool:
        """`word` before a year names the year column: by name or glossary ("built" of year_built,
        "manufactured"), or a Russian participle of the comment's event («выпущенные» of 'Год выпуска': the
        lemmas «выпустить» and «выпуск» share their first four letters)."""
        if column.name in self._time_columns_named(table, word):
            return True
        lemmas = {
            p.lemma for t in tokenize(word) if t.lang == "ru" for p in t.parses if p.pos in ("PRTF", "VERB")
        }
        events = [w.lower() for w in words(column.comment or "") if len(w) >= 4 and stem(w.lower()) != "год"]
        return any(len(os.path.commonprefix([lemma, event])) >= 4 for lemma in lemmas for event in events)

    def _says_listed_state(self, table: Table, word: str) -> bool:
        """`word` says a value the state column's comment lists ("cancelled", by its stem or a glossary
        meaning, of 'Статус брони (..., cancelled)')."""
        column = state_column(table)
        listed = {stem(v.lower()) for v in listed_values(column.comment)} if column is not None else set()
        return bool(listed & self.vocabulary.meanings(word.lower()))

    def _time_columns_named(self, table: Table, word: str) -> list[str]:
        """The time columns `word` names: by name or glossary, or by the stem of the event their name
        starts with ("created" -> created_at, "starts" -> starts_on, «начинаются» -> starts_on)."""
        columns = [c for c in self.grounding._columns_in(table, word) if is_temporal(table, c)]
        if columns:
            return columns
        meanings = self.vocabulary.meanings(word)
        return [
            c.name
            for c in table.columns
            if is_temporal(table, c.name)
            and not _is_number_column(c)
            and len(name_parts(c.name)) > 1
            and name_parts(c.name)[0] in meanings
        ]

    @staticmethod
    def _time_columns_by_participle(table: Table, word: str) -> list[str]:
        """The one time column whose comment's noun is the event a Russian participle names: «выданные» ->
        'Дата выдачи' (the verb's root «выда» begins the noun's stem «выдач»), «закрытые» -> 'Дата закрытия';
        [] for any other word, or when two columns answer."""
        said = next(iter(tokenize(word)), None)
        if said is None or said.lang != "ru" or not said.parses or said.parses[0].pos not in ("PRTF", "VERB"):
            return []
        # «которые начались за сутки»: a past verb of the clause names its event as a participle does
        verbs = {p.lemma.removesuffix("ся") for p in said.parses if p.pos in ("PRTF", "VERB")}
        roots = {stem(v) for v in verbs} | {v.removesuffix("ть") for v in verbs}
        roots = {r for r in roots if len(r) >= 4}
        found = [
            c.name
            for c in table.columns
            if is_temporal(table, c.name)
            and not _is_number_column(c)
            and any(w.startswith(tuple(roots)) for w in _comment_stems(c.comment or ""))
        ]
        return found if len(found) == 1 else []

    def _commented(self, table: Table, columns: list[str], before: str) -> list[str]:
        """The time columns a Russian noun phrase ending `before` names by their comments: the noun
        («поверка» -> 'Дата последней поверки', 'Дата следующей поверки'), narrowed by the adjective before
        it when several answer («следующая поверка» -> next_verification_on)."""
        words_ = [t for t in tokenize(before[-60:]) if t.lang != "punct"][-2:]
        if not words_ or words_[-1].lang != "ru" or not words_[-1].parses:
            return columns
        noun, adjective = words_[-1], words_[0] if len(words_) == 2 else None
        comments = {
            c.name: [t for t in tokenize(c.comment or "") if t.lang == "ru"]
            for c in table.columns
            if is_temporal(table, c.name) and not _is_number_column(c)
        }
        found = [n for n, comment in comments.items() if any(t.lemmas & noun.lemmas for t in comment)]
        if len(found) > 1 and adjective is not None and adjective.parses[:1]:
            if adjective.parses[0].pos in ("ADJF", "PRTF"):
                found = [n for n in found if any(t.lemmas & adjective.lemmas for t in comments[n])]
        return found if len(found) == 1 else columns

    def _between_conditions(self, request: Request, table: Table, _: bool) -> Iterable[tuple[int, str, str]]:
        for match in BETWEEN.finditer(request.lower):
            columns = self.grounding._columns_in(table, match.group(1)) or self._measure_of(
                request, table, match.group(1)
            )
            if len(columns) == 1 and not _is_text(table.column(columns[0])):
                low, high = (match.group(i).replace(",", ".") for i in (2, 3))
                yield match.start(), columns[0], f"{columns[0]} BETWEEN {low} AND {high}"

    def _compared_conditions(self, request: Request, table: Table, _: bool) -> Iterable[tuple[int, str, str]]:
        for match in COMPARISON.finditer(request.lower):
            if (
                request.lower[match.end(1)] == ")"
                and request.lower[match.start(1) - 1 : match.start(1)] != "("
            ):
                continue  # only «(credits) больше 4» closes its bracket right after the compared word
            if UNIT_AFTER.match(request.lower, match.end()):
                continue  # «больше 100 км»: a distance, read by the unit rule (or asked about)
            counted = self._counted_column_after(table, request.lower, match.end())
            if counted and self._quantity_named_by(table, match.group(1)) in (None, counted):
                continue  # "refuels over 60 liters": the noun after the number is what is compared
            columns = self._compared_columns(request, table, match.group(1))
            if not table.column(match.group(1)):
                # «Счета за приём от 3000» of appointment_id 'Запись на приём': a key said by words is a
                # reference, never a quantity compared (only its own name says it: "id over 1000")
                columns = [c for c in columns if not _is_key(table, c)]
                if not columns and self._in_table_comment(request, table, match.start(1), match.end(1)):
                    columns = self._money_columns(table)  # «Счета пациентам от 5000»: the rows' own amount
            if not columns and match.group(1) in _PRICE_PREPOSITIONS_EN:
                # "bills for more than 20 000": the rows' own noun before "for" says their one money column
                before = _WORD_BEFORE.search(request.lower, 0, match.start())
                if before and self._names_own_rows(table, before.group(1)):
                    columns = self._money_columns(table)
            if not columns and _names_the_rows_back(request.lower, match.start(1), match.group(1)):
                # "only those over 2,000", «только те, что больше 5000»: the rows themselves compared, their
                # one money column (as "orders over 500"); several stay asked (planner168)
                columns = self._money_columns(table)
            if not columns and (before := _WORD_BEFORE.search(request.lower, 0, match.start())):
                # "declared value above 50k": the two words spell a column's name («value» alone names none)
                spelled = [stem(before.group(1)), stem(match.group(1))]
                columns = [c.name for c in table.columns if name_parts(c.name) == spelled]
            if not columns and match.group(1) in _MEASURE_NOUNS_EN:
                columns = _qualified_measure(table, request.lower, match.start())
            if len(columns) != 1 and (before := _WORD_BEFORE.search(request.lower, 0, match.start())):
                # «с заявленной суммой больше ...» ('Заявленная сумма'): the adjective and the noun name the
                # column together, where the noun alone names none or several
                found = self.grounding._word_column(table, [before.group(1), match.group(1)], fk_words=False)
                if found and found[1] == 2 and (not columns or found[0] in columns):
                    columns = [found[0]]
            if len(columns) != 1:  # «заряд батареи в конце меньше 80» of end_soc 'Заряд батареи в конце, %'
                columns = _measure_by_comment_phrase(table, request.lower[: match.end(1)]) or columns
            bracketed = _bracketed_after(table, request.lower, match.end())
            if bracketed is not None and not table.column(match.group(1)):
                columns = bracketed  # «больше 3000 (approved_amount)»: the brackets say what is compared
            elif (not columns or self._names_own_rows(table, match.group(1))) and (
                by := self._compared_by_phrase(request, table, match.end())
            ):
                columns = by  # «наряды больше 5000 по стоимости работ»: the «по» phrase says what is compared
            if _PIECES_AFTER.match(request.lower, match.end()):
                # «запчасти меньше 5 штук», «на складе меньше 5 штук»: a count of pieces, never the price of
                # one nor a key a place word names (station_id 'Станция (склад)'); the counted rule reads it
                columns = [
                    c
                    for c in columns
                    if not set(name_parts(c)) & MONEY_PARTS and c != "id" and not c.endswith("_id")
                ]
            if len(columns) == 1 and _is_time_column(table.column(columns[0])):
                continue  # a bare number is no date: "refuels over 60" is never refueled_at > 60
            if columns and all(_is_text(table.column(c)) for c in columns):
                columns = self._own_rows_measure(request, table, match.start(1)) or columns
            if len(columns) == 1 and not _is_text(table.column(columns[0])):
                value = match.group(3)
                if THOUSANDS_AFTER.match(request.lower, match.end()):
                    value = str(int(float(value.replace(",", ".")) * 1000))
                thousands = re.fullmatch(r"-?\d{1,3}(?:,\d{3})+", value)
                if thousands and request.language == "en":
                    value = value.replace(",", "")  # "$1,000"
                elif thousands:
                    continue  # «1,000»: a thousand or one? asked about (the safety net quotes it)
                value = value.replace(",", ".")
                counted = _in_counted_unit(request, table.column(columns[0]), match, value)
                if counted is not None:
                    yield match.start(), columns[0], f"{columns[0]} {OPERATORS[match.group(2)]} {counted}"
        for match in POSTFIX_COMPARISON.finditer(request.lower):
            columns = self.grounding._columns_in(table, match.group(1)) or self._measure_of(
                request, table, match.group(1)
            )
            unit = match.group("unit")
            if unit and not set(columns) <= set(self.grounding._columns_in(table, unit)):
                continue  # "calls of 5 minutes or more" on duration_sec: the unit is not the column's, asked
            if len(columns) == 1 and not _is_text(table.column(columns[0])):
                operator = ">=" if POSTFIX_AT_LEAST.search(match.group("cmp")) else "<="
                value = match.group(2).replace(",", ".")
                yield match.start(), columns[0], f"{columns[0]} {operator} {value}"

    def _own_rows_measure(self, request: Request, table: Table, at: int) -> list[str]:
        """ "Products in the books category under 30": the word before the number names a text column (its
        phrase says the kind), so no text is compared; the rows' own noun said earlier in the clause is what
        costs under 30, its one money column, as in "Products under 30" (planner164: asked before). [] when
        the clause names no own noun before, or the table has no single money column."""
        start = max(request.lower.rfind(mark, 0, at) for mark in ",;:.") + 1
        said = re.findall(r"[a-zа-яё_]+", request.lower[start:at])
        return self._money_columns(table) if any(self._names_own_rows(table, w) for w in said[:-1]) else []

    def _equal_measure_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """ "reviews with a rating of 5", "with rating 5", «отзывы с оценкой 5»: a number right after
        «с»/"with" and a noun that names one number column (by name, comment or as the others' base:
        «оценка» of rating) is that column's value. Not a key (unless said by its own name: "with id 5"), a
        time, a unit («с опозданием 5 минут») or a bound said after the number ("5 or more": the postfix
        rule's)."""
        for match in EQUAL_MEASURE.finditer(request.lower):
            if any(a <= match.start("n") < b for a, b in request.schedule_spans):
                continue
            if UNIT_AFTER.match(request.lower, match.end()) or POSTFIX_BOUND.match(
                request.lower, match.end()
            ):
                continue
            word = match.group("word") or match.group("qualified")
            literal = table.column(word)  # "with id 5", «с customer_id 7»: as written
            columns = [literal.name] if literal else self._compared_columns(request, table, word)
            column = table.column(columns[0]) if len(columns) == 1 else None
            if match.group("qualifier"):
                column = _qualified_column(table, match.group("qualifier"), word, column)
                if column is None:
                    phrase = request.text[match.start() : match.end()]
                    request.unsure.append(unread_clause_question(request.language, table, phrase))
                    continue
            if column is None or not _is_quantity_column(column) or _is_time_column(column):
                continue
            keyed = column.name == "id" or column.name.endswith("_id") or column.name in table.primary_key
            if keyed and column is not literal:
                continue  # «с номером 5» of a key: only the key's own name says which key
            request.handled.append(match.span("n"))
            yield match.start(), column.name, f"{column.name} = {match.group('n').replace(',', '.')}"

    def _compared_columns(self, request: Request, table: Table, word: str) -> list[str]:
        """The columns `word` before a comparison names; the table's own noun names its one money column
        ("fines over 5000": amount) even where a text column's name begins with that noun (fine_type,
        ticket_number): no text is compared with a number."""
        named = self.grounding._columns_in(table, word)
        if named and all(_is_text(table.column(n)) for n in named):
            return self._measure_of(request, table, word) or named
        return (
            named
            or self._measure_of(request, table, word)
            or _base_measure(table, word)
            or _worth(table, word)
        )

    def _compared_by_phrase(self, request: Request, table: Table, at: int) -> list[str]:
        """«дороже 50000 по итоговой сумме», «больше 5000 по стоимости работ»: the number columns the «по»
        phrase right after a compared number names (by the comment's naming phrase, else by its first two
        words), [] when it names none (then «по» says something else: «по будням»). Its words are read."""
        by = _BY_PHRASE_AFTER.match(request.lower, at)
        if by is None:
            return []
        said = by.group("words").split()
        found: list[str] = []
        for n in range(len(said), 1, -1):  # the longest phrase a comment says in full
            found = _measure_by_comment_phrase(table, " ".join(said[:n]))
            if found:
                break
        if not found:
            found = sorted({
                name
                for word in said[:2]
                for name in self.grounding._columns_in(table, word)
                if _is_quantity_column(table.column(name) or Column(name, "text"))
                and not _is_time_column(table.column(name))
                and name != "id"
                and not name.endswith("_id")
            })  # fmt: skip
        if found:
            request.handled.append(by.span())
        return found

    def _quantity_named_by(self, table: Table, word: str) -> str | None:
        """The one quantity column `word` names by its name or comment («вместимостью» of capacity
        'Вместимость (мест)'), or None. Before a comparison it says what is compared; the counted noun after
        the number («больше 25 человек») is then its unit, never another column ('Записано человек'). The
        rows' own noun names no quantity («долги от 45 дней просрочки»: the days are compared)."""
        if self._names_rows_or_head(table, word):
            return None
        columns = [
            n
            for n in self.grounding._columns_in(table, word)
            if _is_quantity_column(table.column(n) or Column(n, "text"))
            and n != "id"
            and not n.endswith("_id")
        ]
        return columns[0] if len(columns) == 1 else None

    def _counted_column_after(self, table: Table, lower: str, at: int) -> str | None:
        """The one numeric column the word(s) right after a compared number name («4 зачётных единиц», "60
        liters"): that column is compared (by the counted rule), not the one the word before names; None
        when they name none or several."""
        after = re.match(r"\s+([a-zа-яё_]{3,})(?:\s+([a-zа-яё_]{3,}))?", lower[at:])
        if after is None:
            return None
        for word in (w for w in after.groups() if w):
            columns = [
                n
                for n in self.grounding._columns_in(table, word)
                if _is_quantity_column(table.column(n) or Column(n, "text"))
                and not n.endswith("_id")
                and n != "id"
            ]
            if _PIECES_WORD.fullmatch(word):
                columns = _pieces_columns(table)  # «меньше 5 штук» of 'Остаток, шт.': the pieces column
            if columns:
                return columns[0] if len(columns) == 1 else None
        return None

    def _counted_conditions(self, request: Request, table: Table, _: bool) -> Iterable[tuple[int, str, str]]:
        """«больше 1000 домохозяйств», «больше 4 зачётных единиц», "more than 4 credits", "fewer than 20
        stops": a comparison, a number and the noun (or adjective and noun) that names one number column by
        its name, glossary or comment ('Затронуто домохозяйств') -> that column compared with the number."""
        for match in COUNTED.finditer(request.lower):
            if any(a <= match.start() < b for a, b in request.schedule_spans):
                continue
            before = _WORD_BEFORE.search(request.lower, 0, match.start())
            named = self._quantity_named_by(table, before.group(1)) if before else None
            for word in match.group("w1", "w2"):
                if word is None:
                    continue
                columns = [
                    name
                    for name in self.grounding._columns_in(table, word)
                    if _is_quantity_column(table.column(name) or Column(name, "text"))
                    and name != "id"
                    and not name.endswith("_id")
                    and name not in table.primary_key
                ]
                if _PIECES_WORD.fullmatch(word):  # «больше 20 штук», "fewer than 5 pieces": 'Остаток, шт.',
                    columns = _pieces_columns(table)  # never 'Цена за штуку'
                if word == match.group("w1") and _LEFT_WORD.fullmatch(word):
                    # "fewer than 5 left in stock": no noun counted, the one column of what is left
                    # ('Остаток, шт.'; planner151: asked before)
                    columns = [n for n in _pieces_columns(table) if _holds_left(table, n)]
                if not _is_currency(word):  # «больше трёх упаковок», «больше двух штук»: a count of them,
                    # never the price of one ('Цена за упаковку'): 'Количество, упаковок' or asked
                    columns = [n for n in columns if not set(name_parts(n)) & MONEY_PARTS]
                if not columns and (part := self._part_named_counted(request, table, word)):
                    # "more than 150 seats": seats_total (the word is its name's own part, so no money
                    # column read for a count); "more than 50 000 due": amount_due, never due_date
                    columns = [part]
                if len(columns) == 1 and named not in (None, columns[0]):
                    break  # «с вместимостью больше 25 человек»: the noun before names what is compared
                left = _says_left(request, match, before)
                if len(columns) == 1 and left and not _holds_left(table, columns[0]):
                    # «на которые осталось меньше пяти мест», "fewer than 5 places left": what is left is no
                    # column ('Вместимость (мест)' is all the places, booked or not): asked, not the capacity
                    start = match.start()
                    if before is not None and _LEFT_WORD.fullmatch(before.group(1)):
                        start = before.start(1)
                    request.handled.append((start, match.end()))
                    said = request.written if len(request.written) == len(request.text) else request.text
                    phrase = re.sub(r"\s+", " ", said[start : match.end()])  # «пяти», not the digit read
                    request.unsure.append(unread_clause_question(request.language, table, phrase))
                    break
                if len(columns) == 1:
                    operator = COUNTED_OPERATORS[re.sub(r"\s+", " ", match.group("cmp"))]
                    number = match.group("n").replace(",", ".")
                    yield match.start(), columns[0], f"{columns[0]} {operator} {number}"
                    break
                if columns:
                    break

    @staticmethod
    def _part_named_counted(request: Request, table: Table, word: str) -> str | None:
        """The number column a part of whose name the counted noun is (planning/counted_parts.py)."""
        numeric = [
            c
            for c in table.columns
            if _is_quantity_column(c)
            and not _is_time_column(c)
            and c.name != "id"
            and not c.name.endswith("_id")
            and c.name not in table.primary_key
        ]
        return part_named_quantity(word, request.lower, numeric)

    def _measure_of(self, request: Request, table: Table, word: str) -> list[str]:
        """ "orders over 500": the table's own noun compared to a number means its one money column; the
        head noun of its comment too («операции свыше 10000» of transactions, 'Операции по счетам …')."""
        return self._money_columns(table) if self._names_own_rows(table, word) else []

    @staticmethod
    def _money_columns(table: Table, *, currency: bool = False) -> list[str]:
        """The table's one money column (amount, total, price, cost), [] when it has none or several; of
        several, when the number is said in a currency, the one whose comment is the amount of the row's own
        noun ('Сумма счёта' of 'Счета за приём' beside 'Сумма скидки', planner151). A bare number beside
        several ("Receipts over 5000": total, discount or bonuses?) stays asked (round99)."""
        money = [c.name for c in table.columns if set(name_parts(c.name)) & MONEY_PARTS and not _is_text(c)]
        if len(money) > 1 and currency:
            own = _head_noun(table.comment or "")
            money = [n for n in money if own and _comment_lemmas(table.column(n)) & own]
        return money if len(money) == 1 else []

    def _names_own_rows(self, table: Table, word: str) -> bool:
        """`word` is the table's own noun, by its name or the head noun of its comment («абонентов» of
        subscribers 'Абоненты ...')."""
        if set(name_parts(table.name)) <= self.vocabulary.meanings(word):
            return True
        nouns = {p.lemma for p in analyse(word) if p.pos == "NOUN"}
        return bool(_head_noun(table.comment or "") & nouns)

    def _unit_conditions(self, request: Request, table: Table, _: bool) -> Iterable[tuple[int, str, str]]:
        """ "routes longer than 100 km", «посылки тяжелее 5 кг», "visits over 30 min": a number with a unit
        is compared with the one numeric column measured in that unit (distance_km, weight_kg: by the
        name's last part, else by the comment: «Пробег по маршруту, км»)."""
        matches = [*UNIT_COMPARISON.finditer(request.lower), *ONE_UNIT_COMPARISON.finditer(request.lower)]
        for match in matches:
            unit = _unit_of(match.group("unit"))
            written = match.groupdict().get("n") or "1"
            at = match.start("unit")
            if _FOOT_UNIT.match(request.lower, at):
                continue  # "over 1000 square feet": no column is kept in feet; the safety net asks
            if _AREA_UNIT.match(request.lower, at):  # "over 100 square meters": the one area column
                columns = [c.name for c in table.columns if c.name.split("_")[-1] in AREA_UNIT_NAMES]
                number = written
            elif unit is None and _is_currency(match.group("unit")):  # "over 5k rubles": the money column
                columns, number = self._money_columns(table, currency=True), written
            elif unit is None:  # "longer than 14 days" of a column `days`: the unit word is the column's name
                columns = self._column_named_by_unit(table, match.group("unit"))
                columns = columns or self._state_counter_in(request, table, match.group("unit"))
                number = written
            else:
                columns, number = _in_column_unit(table, unit, written)
                if len(columns) > 1 and number == written:
                    columns = self._unit_column_named_before(request, table, columns, match.start())
            if len(columns) == 1:
                words = match.group("cmp").split()  # «не меньше» is >=, «не более» and "at most" <=
                operator = UNIT_OPERATORS[words[-1] if words[0] == "не" else words[0]]
                if words[0] == "не" or words == ["at", "most"]:
                    operator = {">": "<=", "<": ">=", ">=": "<="}[operator]
                if number != written:  # «длиннее 5 минут» read as 300 seconds: the words are read, not unread
                    request.handled.append(match.span())
                yield (
                    match.start(),
                    columns[0],
                    f"{columns[0]} {operator} {number.replace(',', '.')}",
                )

    def _unit_column_named_before(
        self, request: Request, table: Table, columns: list[str], at: int
    ) -> list[str]:
        """«с ожиданием больше 120 секунд», «с длительностью разговора больше 600 секунд», "with a wait of
        more than 45 seconds": where two columns are kept in the unit (wait_seconds, talk_seconds 'сек'), the
        nearest of the (at most three) words before the comparison in its clause that names one of them says
        which; `columns` unchanged (asked) when none or both are named («звонки больше 120 секунд»)."""
        clause = re.split(r"[,;:()\n\u2014]", request.lower[max(0, at - 60) : at])[-1]
        start = at - len(clause)
        found: list[str] = []
        first = at
        for word in reversed(list(re.finditer(r"[a-zа-яё_]{3,}", clause))[-3:]):
            named = [c for c in self._compared_columns(request, table, word.group()) if c in columns]
            if found and named != found:
                break  # «звонки с ожиданием в очереди»: the phrase naming the column starts after «звонки»
            if len(named) > 1:
                return columns  # a word naming both: still two, asked
            if named:
                found, first = named, start + word.start()
        if not found:
            return columns
        # «с ожиданием в очереди дольше …»: the phrase, its preposition and the words up to the comparison
        # are read (no row phrase left to ask about)
        prep = _SHORT_WORD_BEFORE.search(request.lower, 0, first)
        request.handled.append((prep.start(1) if prep else first, at))
        return found

    def _postfix_unit_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """ "calls of 5 minutes or more", «звонки 5 минут и дольше»: a number and a unit with "or more" (or
        "or less") after them is compared with the column kept in that unit, converted from another time
        unit like «длиннее 5 минут» (duration_sec >= 300). «от 5 минут и дольше» is the prefix rule's."""
        prefixed = {m.start("n") for m in UNIT_COMPARISON.finditer(request.lower)}
        for match in POSTFIX_UNIT_COMPARISON.finditer(request.lower):
            unit = _unit_of(match.group("unit"))
            if unit is None or match.start("n") in prefixed:
                continue
            if any(a <= match.start() < b for a, b in request.schedule_spans):
                continue
            columns, number = _in_column_unit(table, unit, match.group("n"))
            if len(columns) != 1:
                continue  # no column or two in that unit: the unread-condition net asks
            at_least = re.fullmatch(_POSTFIX_UNIT_AT_LEAST, match.group("word"), re.IGNORECASE)
            request.handled.append(match.span())
            operator = ">=" if at_least else "<="
            yield match.start(), columns[0], f"{columns[0]} {operator} {number.replace(',', '.')}"

    def _state_counter_in(self, request: Request, table: Table, unit_word: str) -> list[str]:
        """«просроченные больше чем на 30 дней», "overdue by more than 60 days": the one column counting that
        calendar unit whose name says the state a word of the request names (overdue_days of «просроченные»,
        by the word's English meaning); [] for any other column (term_months is no state)."""
        calendar = _calendar_unit(unit_word)
        if calendar is None:
            return []
        said: set[str] = set()
        for token in tokenize(request.text):
            said |= {stem(token.lower), *self.vocabulary.meanings(token.lower), *value_meanings(token)}
        return [
            c.name
            for c in table.columns
            if _counted_calendar_unit(c) == calendar and set(name_parts(c.name)[:-1]) & said
        ]

    def _column_named_by_unit(self, table: Table, word: str) -> list[str]:
        """The one numeric column whose whole name the unit word after a number says ("days", «дней» ->
        `days`; "minutes" -> `minutes`), not a time, id or text column (planner22)."""
        meanings = self.vocabulary.meanings(word.lower())
        return [
            c.name
            for c in table.columns
            if not _is_text(c)
            and not _is_time_column(c)
            and not c.name.endswith("_id")
            and len(parts := name_parts(c.name)) == 1
            and parts[0] in meanings
        ][:2]

    @staticmethod
    def _negated_meaning_conditions(
        request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """«звонки, по которым не дозвонились» of 'Статус: 3 — не дозвонились': a listed value that opens with
        «не» said word by word is that value; its «не» is the state's own word, never a negation of another
        state (planner136: `status <> 3`, the rows inverted). Read before any rule takes «не» as a negator."""
        words_ = [t for t in tokenize(request.text) if t.lang != "punct"]
        for k, name, value, count in negated_meanings_said(words_, table):
            start, end = words_[k].start, words_[k + count - 1].end
            if request.is_handled(start) or any(a <= start < b for a, b in request.schedule_spans):
                continue
            request.handled.append((start, end))
            yield start, name, f"{name} = {_quote(value)}"

    def _quoted_conditions(self, request: Request, table: Table, _: bool) -> Iterable[tuple[int, str, str]]:
        """ "for the vacancy 'data engineer'", «с вакансией «аналитик»»: a quoted value right after a word
        naming one text column (by name or glossary) is that column's value."""
        for match in QUOTED_VALUE.finditer(request.text):
            columns = self.grounding._columns_in(table, match.group("word"))
            before = re.search(r"([a-zа-яё_]+)\s+$", request.lower[: match.start()])
            if len(columns) != 1 and before:  # «с видом ремонта «…»» of 'Вид ремонта': two words (planner97)
                columns = self.grounding._columns_in(table, f"{before.group(1)} {match.group('word')}")
            if len(columns) != 1 or not _is_text(table.column(columns[0])):
                continue
            value = next(g for g in match.group("a", "b", "c") if g is not None).strip()
            column = table.column(columns[0])
            listed = listed_values(column.comment if column is not None else "")
            unlisted = value.lower() not in {v.lower() for v in listed}
            glossed = re.match(r"\s*\(\s*([\w-]+)\s*\)", request.text[match.end() :])
            spelled = {v.lower(): v for v in listed}
            code = spelled.get(glossed.group(1).lower()) if glossed and unlisted else None
            meant = _quoted_code_meaning(column, value, spelled) if unlisted else None
            if value and meant is not None:
                # «со статусом «ждёт клиента»» of 'Статус: 3 — ждёт клиента': the quote writes the meaning as
                # the comment does, so it is that code (planner137)
                request.handled.append((match.start(), match.end()))
                yield match.start(), columns[0], f"{columns[0]} = {_quote(meant)}"
                continue
            if value and code is not None and glossed is not None:
                # «в статусе «ждём запчасти» (waiting_parts)», 'status "on the way" (in_transit)': the user's
                # words for a value, glossed by the listed code in the bracket right after them (planner117)
                request.handled.append((match.start(), match.end() + glossed.end()))
                yield match.start(), columns[0], f"{columns[0]} = {_quote(code)}"
                continue
            if value and listed and unlisted and CYRILLIC_WORD.search(value.lower()):
                # «в статусе «на проверке»» of 'Статус (ordered, in_transit, ...)': a Russian word the column
                # does not list is the user's wording of some value, not one stored; asked, never guessed
                key = "planner.column_value_not_among"
                request.unsure.append(say(request.language, key, column=columns[0], phrase=value,
                                          values=", ".join(listed)))  # fmt: skip
                request.handled.append((match.start(), match.end()))
                continue
            # a lowercase Russian phrase, not a capitalised label as stored («категорий "Электроника"» of a
            # category column the catalog says nothing about); a column whose comment documents it as a
            # kind and lists no values stores codes the request cannot know: «типа «УЗИ»» of 'Тип процедуры'
            # is asked too (planner100, al-ru-019)
            documented = column is not None and bool(column.comment.strip())
            russian = bool(CYRILLIC_WORD.search(value.lower())) and (value[:1].islower() or documented)
            # «со статусом «собран»» of 'Статус интернет-заказа': the same for a documented state (planner131)
            coded = column is not None and (
                _is_kind(column) or documented and is_state_column(table, column.name)
            )
            if value and column is not None and not listed and russian and coded:
                # «процедуры типа «чистка зубов»» of 'Тип процедуры' (no values listed): the user's words for
                # a kind stored under some code, not the code; asked, never the guessed literal (planner97)
                request.unsure.append(say(request.language, "planner.column_value_unknown",
                                          column=columns[0], phrase=value))  # fmt: skip
                request.handled.append((match.start(), match.end()))
                continue
            if value:
                yield match.start(), columns[0], f"{columns[0]} = {_quote(value)}"

    def _marked_conditions(self, request: Request, table: Table, _: bool) -> Iterable[tuple[int, str, str]]:
        """ "grades marked 'pass'", «с отметкой зачёт», «помеченные как срочные»: the value after a marking
        word is a value of the table's one mark/label/status column, never an event time. A quoted value or
        one the column's comment lists is read; anything else (or two such columns) is asked about."""
        for match in MARKED.finditer(request.lower):
            columns = [c.name for c in table.columns if _is_text(c) and _names_a_mark(c)]
            quoted = QUOTED_AT.match(request.text, match.end())
            value = next((g for g in quoted.group("a", "b", "c") if g), "").strip() if quoted else ""
            if not value:
                bare = re.match(r"[\w-]+", request.lower[match.end() :])
                word = bare.group(0) if bare else ""
                listed = {v.lower().replace("ё", "е"): v for n in columns[:1] for v in listed_values(
                    (table.column(n) or Column(n, "text")).comment)}  # fmt: skip
                value = listed.get(word, "")
            if len(columns) == 1 and value:
                yield match.start(), columns[0], f"{columns[0]} = {_quote(value)}"
            else:  # the question quotes the marking word and the word after it
                after = re.match(r"\S*", request.text[match.end() :])
                request.state_clauses.append((match.start(), match.end() + (after.end() if after else 0)))

    def _hyphen_conditions(self, request: Request, table: Table, _: bool) -> Iterable[tuple[int, str, str]]:
        """ "online-channel appointments", «web-источник»: a value glued by a hyphen to a word naming one
        text column is that column's value."""
        for match in HYPHEN_VALUE.finditer(request.text):
            value, word = match.group("value"), match.group("word")
            columns = self.grounding._columns_in(table, word)
            if len(columns) != 1 or not _is_text(table.column(columns[0])) or table.column(value.lower()):
                continue
            if (
                self.grounding._names_table(value.lower(), table)
                or value.lower() in STOP_WORDS
                or len(value) < 2
            ):
                continue
            if self.grounding._columns_in(table, value + word):
                continue  # "e-mail": one word
            if self._names_own_rows(table, word.lower()):
                continue  # «льготников-абонентов»: the table's own noun with a role word, no name's value
            column = table.column(columns[0])
            if column is None:
                continue
            # the comment's naming words, not the values it lists in brackets ('Уровень (basic, gold)':
            # «gold-уровня» is the value gold)
            naming = re.sub(r"\([^)]*\)", " ", without_listed(column.comment))
            own = set(name_parts(column.name)) | {stem(w) for w in words(naming)}
            if stem(value.lower()) in own or any(
                transliterates(value, part) for part in name_parts(column.name)
            ):
                continue  # «MAC-адреса», «мак-адрес» of mac_address ('MAC-адрес устройства'): its name
            listed = listed_values(column.comment)
            # «эконом-класса» of 'Класс обслуживания (economy, ...)': the listed value the word says, or none
            said = self._said_values(tokenize(value)[0], {column.name: listed}, "", "") if listed else {}
            if listed and column.name not in said:
                continue  # a word the column does not list: the residue rule asks about it
            condition = f"{columns[0]} = {_quote(said.get(column.name, value.lower()))}"
            yield from self._negated_at(request, table, match.start(), columns[0], condition)

    def _apposition_value_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """«преподаватели-доценты», «доцентов-преподавателей», «страхователи-юрлица»: a hyphenated compound of
        the table's own noun and a word that says exactly one value the table's columns list is those rows
        (after a negator, the others). A compound whose other word names nothing listed is asked about by the
        planner's compound-kind rule (planner40)."""
        if request.language != "ru":
            return
        listed = {c.name: listed_values(c.comment) for c in table.columns if self._filterable(table, c)}
        listed = {name: values for name, values in listed.items() if values}
        if not listed:
            return
        tokens = [t for t in tokenize(request.text) if t.lang != "punct"]
        for k, token in enumerate(tokens):
            parts = token.lower.split("-")
            # «VIP-залы», «залы-IMAX»: the kind may be written in Latin letters as the column lists it
            # (planner98); the table's noun is Cyrillic
            if (
                token.lang != "ru"
                or len(parts) != 2
                or not all(re.fullmatch(r"[a-zа-яё]{3,}", p) for p in parts)
                or not any(CYRILLIC_WORD.fullmatch(p) for p in parts)
            ):
                continue
            if request.is_handled(token.start) or any(
                a <= token.start < b for a, b in request.schedule_spans
            ):
                continue
            words_ = [tokenize(part)[0] for part in parts]
            for head, kind in ((words_[0], words_[1]), (words_[1], words_[0])):
                if not self._names_rows_or_head(table, head.lower) or self._names_rows_or_head(
                    table, kind.lower
                ):
                    continue
                said = self._said_values(kind, listed, "", "")
                if len(said) != 1:
                    continue
                ((name, value),) = said.items()
                values, end = self._apposition_list_after(request, tokens, k, listed, name)
                request.handled.append((token.start, end))
                condition = _one_of(name, [value, *values]) if values else f"{name} = {_quote(value)}"
                yield from self._negated_at(request, table, token.start, name, condition)
                break

    def _apposition_list_after(
        self, request: Request, tokens: list[Token], k: int, listed: dict[str, tuple[str, ...]], name: str
    ) -> tuple[list[str], int]:
        """«Читателей-пенсионеров и студентов»: the words joined by «и»/«или»/commas right after the compound
        at `tokens[k]` that each say one more value of the same column (the compound's head is said once);
        those values and where the last ends (planner168: «студентов» was asked as an unread word)."""
        values: list[str] = []
        end = tokens[k].end
        for word in tokens[k + 1 :]:
            gap = request.text[end : word.start]
            if word.lower in ("и", "или") and _LIST_GAP.fullmatch(gap):
                continue
            if not _LIST_JOIN.fullmatch(request.text[end : word.start]) or request.is_handled(word.start):
                break
            said = self._said_values(word, listed, "", "")
            if set(said) != {name}:
                break
            values.append(said[name])
            end = word.end
        return values, end

    def _named_value_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """«товары категории Электроника», «хабы региона Сибирь»: a column's own name said in the genitive and
        right after it a capitalised word in the nominative is an apposition, the value of that column (its
        comment lists none). Other shapes («города Казани») stay with the place rules or are asked."""
        if request.language != "ru":
            return
        tokens = [t for t in tokenize(request.text) if t.lang != "punct"]
        for noun, value in zip(tokens, tokens[1:], strict=False):
            if request.text[noun.end : value.start].strip() or value.lang != "ru" or noun.lang != "ru":
                continue
            # «породы лабрадор», «группы зерновые»: a lower-case label is read only to be asked about by
            # `_unlisted_labels` when its column is a classification one (planner120)
            lower = not value.text[:1].isupper()
            if value.text.isupper() or request.is_handled(value.start):
                continue
            if any(a <= value.start < b for a, b in request.schedule_spans):
                continue
            if re.match(r"\s*(?:,|и\b|или\b|and\b|or\b)\s*[A-ZА-ЯЁ]", request.text[value.end :]):
                continue  # «из города Москва и Казань»: several values, asked by the value-list rule
            # «марки Киа»: a foreign name the dictionary has no parse for is a name too (planner106)
            unknown = not value.parses or value.parses[0].pos is None
            kinds = ("NOUN", "ADJF") if lower else ("NOUN",)
            if not unknown and (value.parses[0].case != "nomn" or value.parses[0].pos not in kinds):
                continue
            if not any(p.pos == "NOUN" and p.case == "gent" for p in noun.parses):
                continue
            meanings = self.vocabulary.meanings(noun.lower)
            named = [
                c
                for c in table.columns
                if self._filterable(table, c)
                and not listed_values(c.comment)
                and len(name_parts(c.name)) == 1
                # «марки Тойота» of brand 'Марка': the column's one-word comment is the noun (planner106)
                and (name_parts(c.name)[0] in meanings or _one_word_comment_lemma(c) in noun.lemmas)
            ]
            if lower and not (len(named) == 1 and _is_kind(named[0])):
                continue
            if len(named) == 1:
                request.handled.append((noun.start, value.end))
                condition = f"{named[0].name} = {_quote(value.text)}"
                yield from self._negated_at(request, table, noun.start, named[0].name, condition)

    def _names_rows_or_head(self, table: Table, word: str) -> bool:
        """`word` names the table's rows: its name, its comment's head noun or the noun the planner grounds
        it by («преподаватели» of 'Преподаватели (ППС)', «билеты» of 'Авиабилеты (...)')."""
        return self._names_rows(table, word) or self.grounding._heads_comment(word, table)

    def _negated_at(
        self, request: Request, table: Table, position: int, column: str, condition: str
    ) -> Iterable[tuple[int, str, str]]:
        """The condition of the word at `position`, turned around when a negator stands right before it
        («не эконом-класса», «кроме доцентов-преподавателей»); nothing when it cannot be negated."""
        negator = self._negator_before(request, request.token_at(position))
        result: str | None = condition
        if negator is not None:
            request.handled.append(request.spans[negator])
            result = self._negated(table, condition)
        if result:
            yield position, column, result

    def _comparative_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        for pattern, operator, concepts in COMPARATIVES:
            for match in pattern.finditer(request.lower):
                if UNIT_AFTER.match(request.lower, match.end()):
                    continue  # "longer than 100 km": a distance, read by the unit rule
                bracketed = _bracketed_after(table, request.lower, match.end())
                if bracketed is None and (by := self._compared_by_phrase(request, table, match.end())):
                    bracketed = by if len(by) == 1 else None
                    if bracketed is None:
                        continue  # «дороже 3000 по сумме» of subtotal and total: which one is asked
                for concept in concepts if bracketed is None else ("",):
                    columns = bracketed or [
                        c.name for c in table.columns if stem(concept) in name_parts(c.name)
                    ]  # «брони дороже 20000 (prepaid_amount)»: the bracketed column, not the first price
                    if len(columns) == 1:
                        yield (
                            match.start(),
                            columns[0],
                            f"{columns[0]} {operator} {match.group(1).replace(',', '.')}",
                        )
                        break

    def _english_meaning_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """ "calls the customer hung up on" of 'Результат: 3 — сброшен клиентом', "second-line specialists"
        of 'Роль: 2 — специалист второй линии': an English phrase covering every word of one Russian meaning a
        coded column lists is that value (planner134: asked, or every row loaded, before)."""
        if request.language != "en":
            return
        for phrase in english_meaning_phrases(request.text, table, request.is_handled):
            request.handled.append((phrase.start, phrase.end))
            yield phrase.position, phrase.column, f"{phrase.column} = {_quote(phrase.value)}"

    def _status_conditions(
        self, request: Request, table: Table, incremental: bool
    ) -> Iterable[tuple[int, str, str]]:
        status = state_column(table)
        if not status:
            return
        listed = {v.lower() for v in listed_values(status.comment)}
        # «в статусе unpaid», "with status unpaid": a code written right after the column word is the value
        # as stored (read by the value rule), unless the column lists its values and this is none of them
        written: set[int] = set()
        for i, column in self._column_values(request, table):
            k = i + 1  # the code and the codes joined to it («со статусом created или lost»)
            while column.name == status.name and k < len(request.tokens) and request.raw[k].isascii():
                if listed and request.tokens[k] not in listed:
                    break
                written.add(k)
                if k + 1 < len(request.tokens) and request.tokens[k + 1] in ("and", "or", "и", "или"):
                    k += 2
                elif (
                    k + 1 < len(request.spans)
                    and "," in request.text[request.spans[k][1] : request.spans[k + 1][0]]
                ):
                    k += 1
                else:
                    break
        for i, token in enumerate(request.tokens):
            value, negated = status_word(token)
            if value is None and (value := _status_idiom(request.tokens, i)) is not None:
                if request.is_handled(request.spans[i][0]):
                    continue  # "that didn't go through": failed, read by the negated idiom (planner164)
                request.handled.append(request.spans[i + 1])  # "went through": the particle is read too
            if value is None or token in request.claimed or i in written:
                continue
            if value == "finished" and value in listed:
                continue  # "finished trips": the listed-value rule reads it, noting finished_at (planner116)
            if self._verb_of_means_value(request, table, i) or self._participle_of_means(request, table, i):
                continue  # "orders paid in cash": how they were paid says which rows, not the status
            if listed and value not in listed:  # "successful" of 'Статус (pending, succeeded, failed)'
                spelled = [v for v in status_spellings(value) if v in listed]
                value = spelled[0] if len(spelled) == 1 else value  # two of done/completed listed: asked
            if listed and value not in listed:
                continue  # «возвращённые» is 'refunded' in a shop; shipments list no such status: asked
            own = _own_negated_value(value, listed) if negated else None
            if own is not None:  # "unpaid" of (unpaid, paid, waived): that value, not every other one (q112)
                value, negated = own, False
            if negated and listed and self._ask_negated_state(request, table, i, value, sorted(listed)):
                return
            said = self._token_of(request, i)
            if not listed and self._flags_named(flags.of_table(table), flags.fused_negation(said) or said):
                continue  # «(не)оплаченные» of is_paid 'Оплачен онлайн': the flag's, not an unlisted status
            if not listed and (status.comment or "").strip():
                # 'Статус доставки' documents the column and lists no values: «неудачные», "failed" may be
                # stored as failed, not_delivered or cancelled; the usual English value would be a guess
                phrase = request.raw[i]
                request.unsure.append(
                    say(request.language, "planner.column_value_unknown", column=status.name, phrase=phrase)
                )
                request.handled.append(request.spans[i])
                return
            if _event_of_time_noun(request, i):
                continue  # «без времени возврата», "without refund time": the event's time, not the state
            if _after_without(request.tokens, i):
                continue  # "without a cancellation (yet)": the event's time, read by the event rules
            if _after_modal_be(request.tokens, i):
                continue  # "orders that can be cancelled": an ability, no state (planner153); asked
            if i == 0 and value != token and value.startswith(token):
                continue  # "ship dorm residents ...": the imperative verb, not the status shipped
            negator = self._negator_before(request, i)
            if negator is None and i and request.tokens[i - 1] == "no":
                negator = i - 1  # "payments daily, no refunds": the refunded rows left out (planner67)
            if negator is None:  # «кроме списанных и утерянных»: the list's exception word (marts110)
                negator = self._negator_before_list(request, i)
            after = self._negator_after(request, table, i + 1) or self._not_shown_after(request, i + 1)
            if negator is None and not after:  # «без возвратов (refunded)»: its noun left out
                negator = self._negator_of_glossed_noun(request, i, value)
            # "run it as a test" is no status; «тестовые заказы», «кроме тестовых», «тестовые не нужны» are
            if value in STATUS_BEFORE_NOUN and not (
                self._row_noun_at(request, table, i + 1) or negator is not None or after
            ):
                continue
            if negator is not None or after:  # "без отменённых", "except cancelled ones", "тестовые убрать"
                span = request.spans[negator] if negator is not None else after
                if span is not None:
                    request.handled.append(span)
                negated = not negated
                particle = negator is not None and request.tokens[negator] in _STATE_NOT
                own = _own_negated_value(value, listed) if negated and particle else None
                if own is not None:
                    value, negated = own, False  # «ещё не оплачены» of (unpaid, paid, waived): 'unpaid'
            condition: str | None = f"{status.name} = '{value}'"
            if negated and condition:
                condition = self._negated(table, condition)
            if condition:
                yield self._position(request, i), status.name, condition
            return

    def _negator_of_glossed_noun(self, request: Request, i: int, value: str) -> int | None:
        """«без возвратов (refunded)», «исключая отмены (cancelled)»: a code alone in brackets right after a
        noun meaning it glosses that noun, so a negation before the noun leaves the code's rows out (marts102:
        the bare code was read as `status = 'refunded'`, the kept rows inverted). A noun not meaning the code
        («без отметки о завершении (open)») leaves the bracket explaining the whole phrase, read as said."""
        if i < 1 or not request.text[request.spans[i][1] :].lstrip().startswith(")"):
            return None
        if request.text[request.spans[i - 1][1] : request.spans[i][0]].strip() != "(":
            return None
        if not self._says_value(self._token_of(request, i - 1), {value}):
            return None
        return self._negator_before(request, i - 1)

    def _ask_negated_state(
        self, request: Request, table: Table, i: int, value: str, listed: list[str]
    ) -> bool:
        """«неоплаченные штрафы», "unpaid fines" where the status lists 'paid' among others and the table
        dates the payment itself (paid_at 'Дата оплаты'): status <> 'paid', the still-open status or
        paid_at IS NULL fit alike, so the word is asked (planner84; the README's two-columns rule). The word
        said without its negation keeps the status, as planner16 has it."""
        said = next((t for t in tokenize(request.text) if t.start == request.spans[i][0]), None)
        if said is None:
            return False
        bare = flags.fused_negation(said)
        if bare is None and said.lang == "en" and said.lower.startswith("un"):
            bare = next(iter(tokenize(said.text[2:])), None)
        if bare is None or self._explained_after(request, table, said):
            return False  # «неоплаченные (paid_at пустой)»: the brackets say which
        events = [n for n in self._event_columns_of(table, bare) if _dates_a_day(table.column(n))]
        if len(events) != 1 or len(listed) < 3:
            return False
        status = state_column(table)
        values = ", ".join(listed_values(status.comment if status is not None else ""))
        key = "planner.negated_state_two_columns"
        request.unsure.append(say(request.language, key, phrase=request.raw[i], event=events[0],
                                  column=state_name(table), value=value, values=values))  # fmt: skip
        request.handled.append(request.spans[i])
        return True

    @staticmethod
    def _verb_of_means_value(request: Request, table: Table, i: int) -> bool:
        """English word `i` governs a preposition of means and a value another column lists ("paid in cash",
        "paid by card" of payment_method): the verb of that phrase, not a status of its own; marked read."""
        tokens = request.tokens
        j = i + 1
        if j < len(tokens) and tokens[i] in _PAYING_VERBS_EN and tokens[j] not in _MEANS_AFTER_VERB:
            j -= 1  # "paid online": a verb of paying takes its means with no preposition (planner170)
        elif j >= len(tokens) or not request.raw[i].isascii() or tokens[j] not in _MEANS_AFTER_VERB:
            return False
        j += int(j + 1 < len(tokens) and tokens[j + 1] in _MEANS_ARTICLES)
        if j + 1 >= len(tokens):
            return False
        others = [c for c in table.columns if not is_state_column(table, c.name)]
        if not any(tokens[j + 1] in {v.lower() for v in listed_values(c.comment)} for c in others):
            return False
        if any(tokens[i] in {v.lower() for v in listed_values(c.comment)} for c in others):
            return False  # "subtitles in IMAX": a value of its own (a language), no participle of paying
        request.handled.append(request.spans[i])  # read: the safety net must not ask about "paid" again
        return True

    def _participle_of_means(self, request: Request, table: Table, i: int) -> bool:
        """Russian participle `i` followed by an instrumental word that a column other than status lists as a
        value («чеки, оплаченные наличными», «оплаченные картой» of 'Способ оплаты (cash, card, sbp)'): the
        verb of that means, as "paid in cash" is (planner88); the listed-value rule reads the means and the
        status ('paid') is no condition. Marked read."""
        tokens = request.tokens
        if request.language != "ru" or i + 1 >= len(tokens) or request.raw[i].isascii():
            return False
        if "," in request.text[request.spans[i][1] : request.spans[i + 1][0]]:
            return False
        said = self._token_of(request, i)
        if not said.parses or said.parses[0].pos not in ("PRTF", "PRTS"):
            return False
        at = i + 1
        if tokens[at] in ("через", "по", "из-за") and at + 1 < len(tokens):
            at += 1  # «оплаченные через СБП», «оплаченные по карте»: the means after its preposition (23a);
            # «остановленные из-за ошибки»: a reason 'Причина остановки (…, error)' lists (marts117)
        else:
            means = self._token_of(request, at)
            if not means.parses or not (
                any(p.case == "ablt" for p in means.parses[:2]) or _paid_by_adverb(said, means)
            ):
                return False
        words, hits, _, _ = self._value_hits(request, table)
        k = next((k for k, w in enumerate(words) if w.start == request.spans[at][0]), None)
        if k is None or not any(not is_state_column(table, name) for name in hits[k]):
            return False
        request.handled.append(request.spans[i])
        return True

    def _state_conditions(self, request: Request, table: Table, _: bool) -> Iterable[tuple[int, str, str]]:
        """«уволенных сотрудников», "fired employees", «отменённые заказы» without a status column: a word
        right before the table's noun that names the event of a time column (уволенный -> fired ->
        fired_at) means that event happened: `fired_at IS NOT NULL`. Not the creation or update time
        (every row has one), not a status word (read by the status rule)."""
        for i, token in enumerate(request.tokens[:-1]):
            if token in request.claimed or status_word(token)[0] and state_column(table):
                continue
            if not self._row_noun_at(request, table, i + 1) or self._pipeline_verb_at(request, i):
                continue  # «потом переносим приёмы»: the load's own verb says nothing about the rows
            if ")" in request.text[request.spans[i][1] : request.spans[i + 1][0]]:
                continue  # «кроме закрытых (status closed) кредиты»: the bracket's value, not the noun's word
            if self._row_noun_at(request, table, i):
                continue  # «приёмы (visits)»: the table's noun and its name, no event of visit_date
            if self._after_state_cue(request, i):
                continue  # «без уволенных сотрудников», "except fired employees": the cued rule negates it
            if re.fullmatch(r"[a-z]+[^s]s", token):
                continue  # "lessons attended": a plural noun (lesson_date) names no event, "fired" does
            meanings = self.vocabulary.meanings(token) - {stem(w) for w in ("created", "updated", "date", "")}
            columns = [
                c.name
                for c in table.columns
                if _is_event_column(c) and set(name_parts(c.name.rsplit("_", 1)[0])) <= meanings
            ]
            if not columns and request.language == "ru":  # «отчисленных студентов»: 'Дата отчисления'
                word = next((t for t in tokenize(request.text) if t.start == request.spans[i][0]), None)
                if word is not None and self.is_state_word(word):
                    columns = self._event_columns_of(table, word)
            if columns and not self._may_name_an_event(request, i):
                continue  # "exam grades", «экзаменационные оценки»: the dated thing, not that it happened
            if len(columns) == 1:
                word = next((t for t in tokenize(request.text) if t.start == request.spans[i][0]), None)
                said = _flags_reading_english(table, word) if word is not None and word.lang == "en" else []
                if len(said) == 1:  # "published reviews": is_public, by its comment's verb ('Опубликован на
                    yield self._position(request, i), said[0], f"{said[0]} = true"  # сайте'), as in Russian
                    continue
                if said:  # two flags read the word: asked
                    self._ask_flag_or_event(request, table, request.spans[i], said, columns)
                    continue
                value = self._ask_if_status_may_hold(request, table, word, columns[0])
                if value is not None:  # «отчисленных студентов»: status = 'expelled' (planner85)
                    condition = f"{state_name(table)} = {_quote(value)}"
                    negator = self._negator_after(request, table, i + 1)  # «отчисленных студентов не грузить»
                    if negator is not None:
                        request.handled.append(negator)
                    reading = str(self._negated(table, condition)) if negator is not None else condition
                    yield self._position(request, i), state_name(table), reading
                    continue
                if self._status_explained_after(request, table, word, columns[0]):
                    continue  # «решённые заявки (код 4)»: the status rules read the word, the code its value
                yield self._position(request, i), columns[0], f"{columns[0]} IS NOT NULL"
            elif not columns:
                # "self-employed couriers": the whole hyphenated word the last part of which is word `i`
                word = next(
                    (t for t in tokenize(request.text) if t.start <= request.spans[i][0] < t.end), None
                )
                flags = self.boolean_columns_of(table, word) if word is not None else []
                if len(flags) == 1:  # "approved vacations", «активных курьеров» -> approved = true
                    if word is not None and word.start < request.spans[i][0]:
                        request.handled.append((word.start, word.end))  # read whole, no qualifier left
                    yield self._position(request, i), flags[0], f"{flags[0]} = true"
                    continue
                opposite = self.opposite_flags_of(table, word) if word is not None and not flags else []
                if len(opposite) == 1:  # «уволенных агентов» of 'Агент работает' -> is_active = false
                    request.handled.append(request.spans[i])  # "open branches": read, no kind left unread
                    yield self._position(request, i), opposite[0], f"{opposite[0]} = false"
                    continue
                ended = self.ended_event_columns(table, word) if word is not None and not flags else []
                if len(ended) == 1 and not opposite and state_column(table) is None:
                    # «работающих сотрудников» of employees (hired_at, fired_at): not fired yet
                    request.handled.append(request.spans[i])
                    yield self._position(request, i), ended[0], f"{ended[0]} IS NULL"

    @staticmethod
    def _after_state_cue(request: Request, index: int) -> bool:
        """Word `index` follows «без», «кроме», «только», "except", "without" (perhaps with "the"/«всех»
        between): `_cued_state_conditions` reads it with its cue; read here, the negation was lost and the
        rows turned around (planner55)."""
        before = index - 1
        while before >= 0 and request.tokens[before] in ("the", "those", "тех", "всех", "все"):
            before -= 1
        return before >= 0 and request.tokens[before] in STATE_CUES

    def _substantive_state_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """«уволенных выгрузить», «отчисленных, т.е. ...»: a plural participle standing for the rows
        themselves (no noun after it) that names the event of one time column ('Дата увольнения' ->
        fired_at) means that event happened: `fired_at IS NOT NULL` (asked when a status may say it too).
        Not a status word on a table with a status column."""
        words_ = [t for t in tokenize(request.text) if t.lang != "punct"]
        for k, word in enumerate(words_):
            if word.lang != "ru" or request.is_handled(word.start) or word.lower in request.claimed:
                continue
            best = word.parses[0] if word.parses else None
            # «только невозвращённые»: a fused «не» before a participle (parsed as an adjective of its own)
            # says the event has not happened (planner88)
            plural_adjective = best is not None and best.pos == "ADJF" and best.number == "plur"
            bare = flags.fused_negation(word) if plural_adjective else None
            if bare is not None and bare.parses[0].pos == "PRTF":
                best = bare.parses[0]
            else:
                bare = None
            if best is None or best.pos != "PRTF" or best.number != "plur":
                continue
            if status_word(word.lower)[0] and state_column(table):
                continue
            i = request.token_at(word.start)
            if self._negator_before(request, i) is not None:
                continue  # «кроме уволенных», «без уволенных»: read (turned around) by the status/state rules
            if bare is None and self._participle_of_means(request, table, i):
                continue  # «взносы, оплаченные через СБП»: says how (payment_method), not that paid_at is set
            negated = self._negator_after(request, table, i + 1)  # «уволенных не грузить»
            if bare is not None and negated:
                continue  # «невозвращённые не грузить»: a double negation, left to the question
            if request.text[word.end :].lstrip().startswith("(") or _EXPLAINING_CLAUSE.match(
                request.lower, word.end
            ):
                continue  # «отчисленных (status = 'expelled')», «уволенных, т.е. ...»: explained after
            nxt = words_[k + 1] if k + 1 < len(words_) else None
            if nxt is not None and not _crosses_clause(request, word, nxt) and nxt.parses:
                if nxt.parses[0].pos in ("NOUN", "ADJF", "PRTF"):
                    continue  # «уволенных сотрудников»: an attribute, read by _state_conditions
            if _status_value_named(request, table, word) or _listed_beside_status_value(request, table, word):
                continue
            columns = self._event_columns_of(table, bare or word)
            if len(columns) == 1:
                value = self._ask_if_status_may_hold(  # «отчисленных»
                    request, table, word, columns[0], fused=bare is not None
                )
                if negated:
                    request.handled.append(negated)
                if bare is not None:
                    request.handled.append(request.spans[i])  # read: no unread «не-» word left to ask about
                happened = not (negated or bare is not None)
                if value is not None:  # «отчисленных не грузить»: status other than 'expelled' (planner85)
                    condition = f"{state_name(table)} = {_quote(value)}"
                    said = condition if happened else str(self._negated(table, condition))
                    yield word.start, state_name(table), said
                    continue
                yield word.start, columns[0], f"{columns[0]} IS {'NOT NULL' if happened else 'NULL'}"

    def _may_name_an_event(self, request: Request, index: int) -> bool:
        """Word `index` may say an event happened: an English participle ("fired", "paid"), a Russian
        participle or qualitative adjective («уволенных», «закрытые»); not a noun or a relative adjective
        naming the thing a time column dates ("exam", «экзаменационные»)."""
        word = next((t for t in tokenize(request.text) if t.start == request.spans[index][0]), None)
        if word is None:
            return True
        if word.lang == "en":
            return self.is_state_word(word) or word.lower in EN_IRREGULAR_PARTICIPLES
        return not (
            word.lang == "ru"
            and all(p.pos == "ADJF" for p in word.parses[:2])
            and any(lemma.endswith(RELATIVE_ADJECTIVE_ENDINGS) for lemma in word.lemmas)
        )

    def _ask_if_status_may_hold(
        self, request: Request, table: Table, word: Token | None, event: str, *, fused: bool = False
    ) -> str | None:
        """«отчисленных студентов» on a table with expelled_on ('Дата отчисления') and a status listing
        (studying, expelled, ...): two columns fit the word. When the status lists the very value the event
        is named after (expelled_on -> 'expelled') and no other column lists it, the status is the row's
        state and the event's time records when: the value is returned (the caller plans `status =
        'expelled'`) and an assumption names the alternative (planner85, the README's convention). Otherwise
        the planner asks instead of picking the time column (planner16); "the expelled ones" names the listed
        value and the event alike. A word of the status rule («оплаченные» = paid) is the status's, as
        before: None, nothing asked."""
        # "finished" (planner116) names a status value only where none is finished itself: here, the event's
        if word is None or status_word(word.lower)[0] not in (None, "finished"):
            return None
        if self._explained_after(request, table, word):
            return None  # «кроме закрытых (status closed)»: the brackets say which (read by _restated)
        if _status_value_named(request, table, word) or _listed_beside_status_value(request, table, word):
            return None
        value = _event_status_value(table, event)
        after = request.token_at(word.end)
        status = state_column(table)
        if (
            after < len(request.tokens)
            and request.tokens[after] in _LIST_JOINERS
            and not _clause_between(request, word.end, after)
        ):
            # «кроме аннулированных и фиолетовых»: a list the other word of is no value: asked; «кроме
            # списанных и утерянных»: the other word is a value the status lists, so both are (marts110)
            value = value if _next_is_listed(request, status, after + 1) else None
        if fused and len(listed_values(status.comment if status is not None else "")) >= 3:
            value = None  # «невозвращённые» among three or more values: the open state too (planner84's rule)
        if value is not None:
            note = assumed_state_note(request.language, word.text, value, event, state_name(table))
            if note not in request.assumed:
                request.assumed.append(note)
            return value
        question = state_two_columns_question(request.language, table, word.text, event)
        if question is not None and question not in request.unsure:
            request.unsure.append(question)
        return None

    def _ask_if_event_may_hold(self, request: Request, table: Table, word: Token, column: str) -> None:
        """A Russian participle or adjective read as a status value («отчисленных не надо» = 'expelled')
        that also names one event's date column (expelled_on 'Дата отчисления'): two columns fit, asked as
        the state rules ask it (planner16); a code written as stored, a noun or a column other than status
        is no such word."""
        if not is_state_column(table, column) or word.lang != "ru" or not word.parses:
            return
        if word.parses[0].pos not in ("PRTF", "PRTS", "ADJF", "ADJS"):
            return  # «возвраты не нужны»: a noun names the status's rows, no event's time (planner67)
        # a time of day ('Время закрытия' of closes_at) dates no event: «закрытые» rows are the status's
        events = [n for n in self._event_columns_of(table, word) if _dates_a_day(table.column(n))]
        if len(events) == 1:
            self._ask_if_status_may_hold(request, table, word, events[0])

    def _status_explained_after(self, request: Request, table: Table, word: Token | None, event: str) -> bool:
        """«решённые заявки (код 4)», "resolved tickets (status 4)": brackets after a state word whose value
        the status lists (resolved_at -> 'resolved') and that name no event column say the state's value
        (planner130's bracket rule), which the listed-value rules read from the word: `resolved_at IS NOT
        NULL` beside it was a second condition nobody asked for (planner142). «(resolved_at)» keeps it."""
        if word is None or _event_status_value(table, event) is None:
            return False
        if not self._explained_after(request, table, word):
            return False
        bracket = re.search(r"\(([^()]*)\)", request.text[word.end :])
        return bracket is not None and event not in bracket.group(1).lower()

    def _explained_after(self, request: Request, table: Table, word: Token) -> bool:
        """Brackets follow the state word, past "ones" and the table's noun: «кроме закрытых (status closed)»,
        "churned subscribers (status churned)"."""
        index = request.token_at(word.end)
        end = word.end
        hyphenated = False
        while index < len(request.tokens):
            if request.tokens[index] in ROW_PRONOUNS_EN or self._row_noun_at(request, table, index):
                pass
            elif end > word.end and request.text[end : request.spans[index][0]] == "-":
                hyphenated = True  # «заказ-наряды»: the second half of the hyphenated noun (planner122)
            else:
                break
            end, index = request.spans[index][1], index + 1
        bracket = re.match(r"\s*\(([^()]*)\)", request.text[end:])
        if bracket is None or not hyphenated:
            return re.match(r"\s*\(", request.text[end:]) is not None
        # past a hyphenated noun only a bracket saying a listed value settles it: «(done)», never «(ready)»
        said = {w.lower() for w in re.findall(r"\w+", bracket.group(1))}
        return any(said & {v.lower() for v in listed_values(c.comment)} for c in table.columns)

    def _pipeline_verb_at(self, request: Request, index: int) -> bool:
        """Word `index` is a load verb in a finite form («переносим», «грузим»), not a participle
        («перенесённые»)."""
        if not PIPELINE_VERBS.fullmatch(request.tokens[index]):
            return False
        word = next((t for t in tokenize(request.text) if t.start == request.spans[index][0]), None)
        return (
            word is not None
            and word.lang == "ru"
            and bool(word.parses)
            and word.parses[0].pos in ("VERB", "INFN")
        )

    @staticmethod
    def _verb_object_flags(table: Table, tokens: list[Token], j: int) -> list[str]:
        """Boolean columns whose comment's predicate and subject the verb `j` and its object say."""
        return [name for name, said in flags.of_table(table) if flags.names_by_verb_object(tokens, j, said)]

    def boolean_columns_of(self, table: Table, word: Token, bracket: bool = False) -> list[str]:
        """Boolean columns whose name (without is_/has_) or comment says `word`: "approved" or
        «одобренные» -> approved, «активных» -> is_active, «занятые» -> occupied, «присутствовавших»
        ('Присутствовал на занятии') -> present. Negated forms («неактивных», "inactive") match none. A
        negated bracket of the comment ('Тариф в архиве (не продаётся)') says the flag's opposite: its words
        are no reading of the flag (planner166: «которые ещё продаются» was is_archived = true); with
        `bracket`, the columns whose negated bracket alone says `word` (by its comment's words)."""
        if word.lang not in ("ru", "en") or len(word.lower) < 4:
            return []
        if word.lang == "ru":
            stems = {m for lemma in word.lemmas for m in STATE_MEANINGS.get(lemma, ())}
        else:
            stems = {stem(word.lower), *WORKING_MEANINGS_EN.get(stem(word.lower), ())}
        # "self-employed" of is_contractor 'Самозанятый (не в штате)': its comment's word (planner128)
        english = set(_flags_reading_english(table, word)) if word.lang == "en" else set()
        said = passive_lemmas(word) if word.lang == "ru" else set()
        found = []
        for column in table.columns:
            if "bool" not in column.type.lower():
                continue
            parts = [p for p in name_parts(column.name) if p not in ("is", "has", "flag")]
            name_hit = any(_same_root(stem(p), s) for p in parts for s in stems) or column.name in english
            negated = flags.NEGATED_BRACKET.search(column.comment or "")
            if bracket and negated is None:
                continue
            own = flags.NEGATED_BRACKET.sub(" ", column.comment or "")
            said_text = negated.group(0)[1:-1] if bracket and negated else own
            name_hit = name_hit and not bracket
            comment = state_words([c for c in tokenize(said_text) if c.lang == word.lang])
            comment_hit = any(c.lemmas & said for c in comment) if word.lang == "ru" else False
            if bracket and word.lang == "en":  # "that are still sold" of '(не продаётся)' (planner169)
                russian = [c for c in tokenize(said_text) if c.lang == "ru"]
                comment_hit = bool(
                    stems & {m for c in russian for x in c.lemmas for m in STATE_MEANINGS.get(x, ())}
                )
            if comment_hit and flags.manner_adverbs(column):
                # «работающие станции» of 'Работает круглосуточно': the verb alone says no state, its adverb
                # does («круглосуточные», «работающие круглосуточно»); 'Работает сейчас' keeps the verb
                comment_hit = any(c.lemmas & word.lemmas for c in comment if c.parses[0].pos != "VERB")
            # «покупатели-пенсионеры» of 'Пенсионер (социальная скидка)': the role noun, not the bracket's
            # adjective that state_words keeps (planner84)
            role_hit = word.lang == "ru" and role_noun_of(column) in word.lemmas
            if name_hit or comment_hit or role_hit:
                found.append(column.name)
        return found

    def _names_state_column(self, table: Table, word: str) -> bool:
        """`word` names the table's state column: by its name ("status") or a word of its comment less the
        values it lists ("account" of 'Статус аккаунта (pending, active, ...)', through the glossary)."""
        column = state_column(table)
        if column is None or word in STOP_WORDS:
            return False
        if any(name == column.name for _, name in self.grounding._column_mentions(table, [word])):
            return True
        meanings = set(self.vocabulary.meanings(word))
        naming = words(without_listed(column.comment))
        return bool(meanings) and any(meanings & set(self.vocabulary.meanings(w)) for w in naming)

    @staticmethod
    def _kind_plural(table: Table, name: str, word: str, value: str) -> bool:
        """`word` is the English plural, not the spelling, of `value` of a kind column ("dogs" of 'Вид
        животного (cat, dog, …)'): it names rows of that kind wherever it stands ("Pets: dogs, daily" loaded
        every pet before, planner161)."""
        column = table.column(name)
        return (
            column is not None
            and _is_kind(column)
            and word != value.lower()
            and _plural_pair(word, value.lower())
            and word in _english_forms(value.lower())
        )

    def _names_state_subject(self, table: Table, word: str) -> bool:
        """ "whose card got blocked" of readers' status 'Статус билета': `word` is a part of the name of
        another column (card_no 'Номер читательского билета') whose comment has the noun the state column's
        comment says the state of («билет»): the state's subject, said by a column's English name
        (planner161)."""
        column = state_column(table)
        if column is None or word in STOP_WORDS or len(word) < 3:
            return False
        subject = _noun_lemmas(without_listed(column.comment)) - _STATE_NOUNS
        return bool(subject) and any(
            c is not column
            and stem(word) in name_parts(c.name)
            and bool(_noun_lemmas(without_listed(c.comment)) & subject)
            for c in table.columns
        )

    @staticmethod
    def _kind_word_conditions(request: Request, table: Table, _: bool) -> Iterable[tuple[int, str, str]]:
        """ "Login events" of an uncommented events.event_type: planning/kind_word.py."""
        return kind_word_conditions(request, table)

    @staticmethod
    def _failed_idiom_conditions(request: Request, table: Table, _: bool) -> Iterable[tuple[int, str, str]]:
        """«оплаты, которые не прошли», "that didn't go through": planning/failed_idiom.py."""
        return failed_idiom_conditions(request, table)

    @staticmethod
    def _entered_state_conditions(request: Request, table: Table, _: bool) -> Iterable[tuple[int, str, str]]:
        """«ушедшие в просрочку», «ожидающие запчастей», «положенные в подарок»: planning/state_verbs.py."""
        return state_verbs.entered_state_conditions(request, table)

    def _clause_rows_noun(self, table: Table, word: Token) -> bool:
        """A Russian noun that names the rows themselves: a noun of the table's comment («книгу» of 'Выдачи
        книг читателям', «аккаунт» of 'Клиенты (аккаунты водителей …)') or the state column's subject
        («аккаунт» of 'Статус аккаунта'). Between a relative pronoun and its verb it is the clause's subject
        or object, and the verb still states the row's state (planner156: the clause was asked)."""
        nouns = {p.lemma for c in tokenize(table.comment or "") for p in c.parses[:1] if p.pos == "NOUN"}
        return bool(nouns & word.lemmas) or self._names_state_column(table, word.lower)

    def _clause_state_conditions(
        self, request: Request, table: Table, incremental: bool
    ) -> Iterable[tuple[int, str, str]]:
        """«книги, которые ещё не вернули», "loans that have not been returned yet": a relative clause
        whose verb names the event of one nullable time column (its comment «Когда книгу вернули» or its
        name returned_at) -> `returned_at IS NULL`; without «не»/"not" -> `IS NOT NULL`. A clause whose
        predicate states one boolean column («которые сейчас не работают»: 'Работает сейчас'; «где пломба не
        цела»: 'Пломба цела', its subject noun first) -> `flag = true/false`."""
        tokens = [t for t in tokenize(request.text) if t.lang != "punct"]
        read_at = -1  # the predicate a clause rule read last
        for i, t in enumerate(tokens):
            where = t.lower == "где" and request.language == "ru"
            reduced = self._reduced_clause_at(request, table, tokens, i)  # "loans not returned yet"
            # "that are overdue and not paid yet": a second predicate joined to the one read is a clause too
            joined_predicate = t.lower in ("and", "и") and read_at >= 0 and i == read_at + 1
            # «которые пришли по рекомендации (referral) и сейчас заморожены»: a state joined to a predicate
            # another rule read is that clause's second condition (planner151: it was dropped)
            second_state = not joined_predicate and _and_in_relative_clause(request, tokens, i)
            # «только кто не уволен» is «которые не уволены» (planner71: «кто не ушёл» was dropped)
            # "customers whose account got deleted": the state column's subject, then the clause (planner150)
            whose = t.lower == "whose" and request.language == "en"
            opener = t.lemma == "который" or t.lower in ("that", "which", "who", "кто")
            if not (opener or where or reduced or whose) and not (joined_predicate or second_state):
                continue
            negated, already, j = False, False, i if reduced else i + 1
            passive = reduced  # "that were returned", «которые были уволены»: a state, as «не вернули» is
            # "that are major or critical and still open": the second state shares the clause's "are"
            passive = passive or (second_state and _shares_copula(tokens, i))
            modal = False  # "that can be topped up": an ability, read only as a yes/no column (planner150)
            agent = False  # «которые студенты не вернули»: the clause says who acted (planner162)
            former = False  # «которые раньше работали»: a state that held once, not now (planner166)
            while j < len(tokens) and j <= i + 5:
                word = tokens[j]
                first = word.parses[0].pos if word.lang == "ru" and word.parses else None
                if word.lower in CLAUSE_NEGATORS or (modal and word.lower == "t"):  # "can't": can + t
                    negated = True
                elif word.lower in _FORMERLY:
                    former = True
                elif word.lower == "no" and tokens[j - 1].lower in ("have", "has", "had"):
                    negated = (
                        True  # "surveys that have no answer yet": the event's noun, not had (planner150)
                    )
                elif word.lower in MODAL_VERBS_EN and request.language == "en":
                    modal = True
                elif (
                    word.lower in CLAUSE_FILLERS
                    or first == "ADVB"
                    or word.lower in IMPERSONAL_SUBJECTS
                    or _never_yet_and(tokens, j)
                ):
                    # «которые сейчас не работают»; «на которые всё распродано»: «всё» is no subject alone
                    # "who have checked out": the perfect states the event happened, as "already" does
                    already = already or word.lower in ("уже", "already", "have", "has")
                    passive = passive or word.lower in BE_WORDS
                elif _with_us(tokens, j):
                    pass  # «которые у нас уже не работают»: «у нас» says where they work, nothing of the rows
                elif where and first == "NOUN" and not negated and j <= i + 2:
                    pass  # «где пломба не цела»: the subject comes before the predicate
                elif (
                    whose
                    and not negated
                    and j <= i + 2
                    and (
                        self._names_state_column(table, word.lower)
                        or self._names_state_subject(table, word.lower)  # "whose card" (planner161)
                    )
                ):
                    pass  # "whose account got deleted" of status 'Статус аккаунта': the state's own subject
                elif (
                    opener
                    and first == "NOUN"
                    and not negated
                    and j == i + 1
                    and self._clause_rows_noun(table, word)
                ):
                    pass  # «по которым книгу вернули», «у которых аккаунт заблокирован»: the rows' own noun
                elif opener and not negated and j == i + 1 and _clause_subject_noun(t, word):
                    agent = True
                    pass  # «которые студенты ещё не вернули»: the one who acted; the verb states the rows
                elif opener and not negated and _english_clause_subject(tokens, i, j):
                    # "that customers haven't answered yet", "that the client has answered": who acted
                    # (planner163: the clause was dropped, every survey loaded); "the" before it is read too
                    agent = agent or word.lower != "the"
                else:
                    break
                j += 1
            progressive = False  # "that are being cooked": the process still going ('cooking', not 'cooked')
            while j < len(tokens) - 1 and tokens[j].lower in (
                "are",
                "is",
                "were",
                "was",
                "been",
                "being",
                "был",
                "были",
                "still",  # "that are still sold": the state holds now (planner169)
            ):
                progressive = progressive or tokens[j].lower == "being"
                j += 1
                passive = True
            if agent and j < len(tokens):
                reading = self._agent_clause_event(request, table, t, tokens[j], negated)
                if reading is not None:
                    read_at = j
                    yield reading
                continue
            predicate = tokens[j] if j < len(tokens) else None
            if predicate is not None and _with_us_en(tokens, j):
                predicate = _WORK_EN  # "agents who are no longer with us": "who work here" (planner166)
            flags = self.boolean_columns_of(table, predicate) if predicate is not None else []
            # «которые ещё продаются» of is_archived 'Тариф в архиве (не продаётся)': the bracket's opposite
            opposite = [] if flags or j >= len(tokens) else self.boolean_columns_of(table, tokens[j], True)
            verb_object = (
                [] if flags or opposite or j + 1 >= len(tokens) else self._verb_object_flags(table, tokens, j)
            )
            if former and (flags or opposite or verb_object):
                if negated or not _past_verb(tokens[j]):
                    # «которые раньше не работали», «раньше работают»: which rows is not said; asked
                    request.state_clauses.append((t.start, tokens[j].end))
                    continue
                negated = True  # «которые раньше работали»: no longer (is_active = false)
            if len(verb_object) == 1 and not _crosses_clause(request, t, tokens[j + 1]):
                # «и включают бассейн» of 'Бассейн включён': the verb and its object, read together
                request.handled.append((t.start, tokens[j + 1].end))
                read_at = j + 1
                yield tokens[j].start, verb_object[0], f"{verb_object[0]} = {'false' if negated else 'true'}"
                continue
            if len(opposite) == 1 and not _crosses_clause(request, t, tokens[j]):
                request.handled.append((t.start, tokens[j].end))
                read_at = j
                yield tokens[j].start, opposite[0], f"{opposite[0]} = {'true' if negated else 'false'}"
                continue
            if len(flags) == 1 and not _crosses_clause(request, t, tokens[j]):
                # "vacations that are approved", «курьеры, которые активны» (planner8)
                # its «не» read too («где пломба не цела»), a phrasal particle ("topped up", planner150), and
                # the rest of the flag's name ("not under warranty" of is_under_warranty: "warranty" alone is
                # no second, un-negated reading)
                phrasal = j + 1 < len(tokens) and tokens[j + 1].lower in _PHRASAL_PARTICLES
                flag = table.column(flags[0])
                named = _flag_name_end(request, tokens, j, flags[0], (flag.comment or "") if flag else "")
                end = max(tokens[j + 1].end if phrasal else 0, named)
                request.handled.append((t.start, end))
                read_at = j
                yield tokens[j].start, flags[0], f"{flags[0]} = {'false' if negated else 'true'}"
                continue
            if modal:
                continue  # "orders that can be cancelled": no state the rows are in; the residue asks
            # «уволены», «заняты», «свободны»: a short participle or adjective states the row's state
            short = j < len(tokens) and any(p.pos in ("PRTS", "ADJS") for p in tokens[j].parses[:1])
            # "jobs that are still open": a value the status column lists said as the predicate (planner130)
            listed = (
                passive and j < len(tokens) and tokens[j].lang == "en" and _listed_status(table, tokens[j])
            )
            # "on shift and aren't fired": an English participle after a be-verb is a stated state too
            # (planner159: dropped beside the flag another rule read)
            english_state = (
                t.lang == "en"
                and (passive or negated)
                and j < len(tokens)
                and _is_english_participle(tokens[j])
            )
            if second_state and not (short or listed or english_state):
                continue  # «и остались»: only a stated state is read after «и», other verbs stay unread
            passive = passive and j < len(tokens) and tokens[j].lower.endswith("ed")
            # «которые сейчас готовятся», «которые убираются»: a present-tense verb of the clause says the
            # process the rows are in (planner82: dropped before, every row loaded); a past one («которые
            # отменили») is an event other rules read
            ongoing = (
                t.lang == "ru"
                and not where
                and j < len(tokens)
                and any(p.pos == "VERB" for p in tokens[j].parses[:1])
                and in_present(tokens[j].lower)
            )
            # "leases that expired", "inspections that failed": an English past verb that is a status the
            # column lists, as written, states the row's state as "that were terminated" does (planner128)
            listed_past = (
                t.lang == "en"
                and j < len(tokens)
                and _is_english_participle(tokens[j])
                and self.is_listed_value(table, tokens[j].lower)
            )
            # «билеты, которые вернули»: a Russian past verb closing the clause is the state the rows are in
            # (planner126: dropped before, every row loaded)
            stated = negated or already or short or passive or ongoing or listed or listed_past
            past = self._closing_past_verb(request, t, tokens, j) and not (
                negated or short or passive or ongoing or listed
            )
            # «которые истекли или отменены»: no closing verb, but the first state of an «или» list
            listed_first = (
                None if where or stated or past else self._or_listed_past_state(request, table, tokens, j)
            )
            if listed_first is not None:
                read_at = j
                yield listed_first
                continue
            if where or j >= len(tokens) or not (stated or past):
                gift = (
                    None
                    if where or j >= len(tokens)
                    else self._clause_head_noun_flag(request, table, t, tokens, j)
                )
                if gift is not None:  # «которые дали в подарок по акции» of is_gift 'Подарок по акции'
                    read_at = j
                    yield gift
                continue  # "candidates who applied for the vacancy X": no state of the row
            verb = tokens[j]
            if (
                incremental
                and says_changed(verb)
                and _closes_clause(request, tokens, j)
                and _updates_kept(table)
            ):
                # "records that have been modified,": the changed-rows cue the incremental rules read (the
                # update time), no state to read or ask (planner172); without that column it is still asked
                request.handled.append((t.start, verb.end))
                continue
            if past:
                reading = self._past_verb_state(request, table, t, verb)
                if reading is not None:
                    read_at = j
                    yield reading
                if reading is not None or request.is_handled(verb.start) or not stated:
                    # «которые отменили» of cancelled_at, "that failed" naming no listed value: the rules
                    # that read them before (the event's verb, the unread clause's question) still do
                    continue
            if verb.lang == "ru" and not any(
                p.pos in ("VERB", "INFN", "PRTF", "PRTS", "ADJS") for p in verb.parses
            ):
                continue
            meaning = None if negated else meaning_said(tokens[j:], table)
            if meaning is not None:  # «которые ждут клиента» of 'ждёт клиента' (planner132)
                said_column, said_value, count = meaning
                request.handled.append((verb.start, tokens[j + count - 1].end))
                yield verb.start, said_column, f"{said_column} = {_quote(said_value)}"
                continue
            columns = self._event_columns_of(table, verb)
            if len(columns) > 1 and j + 1 < len(tokens) and tokens[j + 1].lower in _PHRASAL_PARTICLES:
                # "who have not checked out" of checked_in_on and checked_out_on: the particle names one
                particle = [c for c in columns if tokens[j + 1].lower in c.split("_")[1:]]
                columns = particle if len(particle) == 1 else columns
            joined = j + 1 < len(tokens) and tokens[j + 1].lower in ("or", "and", "или", "и", "либо")
            if columns and joined and _status_value_of(table, verb) is not None:
                continue  # "that are delivered or in transit": a list of status values, read by the list rule
            value = (
                None
                if columns
                else _status_value_of(table, verb, predicate=True, progressive=progressive, ongoing=ongoing)
            )
            if value is not None:  # "cards that are not blocked" ('Статус (active, blocked, expired)')
                # «убираются» is no removal verb here; a negated clause's "not" is read with it ("tickets
                # not closed yet": the mart's residue asked about the "not" left, marts107)
                request.handled.append(((t.start if negated else verb.start), verb.end))
                if negated and (own := _listed_own_negated(table, value)) is not None:
                    value, negated = (
                        own,
                        False,
                    )  # «которые ещё не оплачены» of (unpaid, paid, waived) (marts130)
                condition = f"{state_name(table)} = {_quote(value)}"
                values, last = self._or_joined_states(request, table, tokens, j, value)
                if len(values) > 1 and negated and request.language != "en":
                    # «ещё не проданы или сданы»: «не» over both, or «не проданы» or «сданы»? asked
                    phrase = request.text[t.start : tokens[last].end]
                    request.unsure.append(unread_clause_question(request.language, table, phrase))
                    request.handled.append((t.start, tokens[last].end))
                    continue
                if (
                    len(values) > 1
                ):  # «которые потеряны или повреждены»: either state (23a: the second dropped)
                    request.handled.append((verb.start, tokens[last].end))
                    listing = ", ".join(_quote(v) for v in values)
                    either = f"{state_name(table)} IN ({listing})"
                    # "that haven't been sold or rented yet": neither state (planner166: the second dropped)
                    neither = str(self._negated(table, either))
                    yield verb.start, state_name(table), neither if negated else either
                    continue
                yield (
                    verb.start,
                    state_name(table),
                    str(self._negated(table, condition)) if negated else condition,
                )
                continue
            if len(columns) == 1:
                condition = f"{columns[0]} IS {'NULL' if negated else 'NOT NULL'}"
                around = {w.lower for w in tokens[i + (0 if reduced else 1) : min(len(tokens), j + 3)]}
                # «ещё не закрыты», "not closed yet": the event has not happened, whatever a status says
                if not (negated and (around & NOT_YET_WORDS or NEVER_YET <= around)):
                    value = self._ask_if_status_may_hold(request, table, verb, columns[0])
                    if value is not None:  # "tickets that aren't closed": status <> 'closed' (planner85)
                        condition = f"{state_name(table)} = {_quote(value)}"
                        said = str(self._negated(table, condition)) if negated else condition
                        yield verb.start, state_name(table), said
                        continue
                listed_state = None if negated else _status_value_of(table, verb)
                if listed_state is not None:  # "claims that got paid out": one state, the listed value only,
                    # not its time column too (the marts' convention 5; planner163)
                    yield verb.start, state_name(table), f"{state_name(table)} = {_quote(listed_state)}"
                    continue
                yield verb.start, columns[0], condition
            elif (short_value := _short_status_said(table, verb)) is not None:
                # «заказы, которые оплачены» of an uncommented status: the state «оплаченные» says
                request.handled.append(((t.start if negated else verb.start), verb.end))
                if negated and (own := _listed_own_negated(table, short_value)) is not None:
                    short_value, negated = own, False  # «которые ещё не оплачены»: 'unpaid' (marts130)
                condition = f"{state_name(table)} = {_quote(short_value)}"
                yield (
                    verb.start,
                    state_name(table),
                    str(self._negated(table, condition)) if negated else condition,
                )
            else:  # «которые ещё не сдали»: a condition; asked about unless another rule reads it
                request.state_clauses.append((t.start, verb.end))

    def _agent_clause_event(
        self, request: Request, table: Table, pronoun: Token, verb: Token, negated: bool
    ) -> tuple[int, str, str] | None:
        """«книги, которые студенты ещё не вернули»: a clause naming who acted reads only a verb naming the
        event of one time column (returned_at 'Когда книгу вернули'), which holds whoever acted -> `IS
        NULL`/`IS NOT NULL`. A state value or a flag («карты, которые клиенты заблокировали»: by the client
        or by the bank?) and any other verb are asked, quoting the clause (planner130), never dropped
        (planner162: «табели, которые прораб утвердил» loaded every row)."""
        events = self._event_columns_of(table, verb)
        said = any(p.pos == "VERB" for p in verb.parses[:1]) if verb.lang == "ru" else verb.lang == "en"
        if len(events) != 1 or not said or _status_value_of(table, verb) is not None:
            # "bookings that members have cancelled": a listed state is the status rule's, read once
            request.state_clauses.append((pronoun.start, verb.end))
            return None
        request.handled.append((pronoun.start, verb.end))
        return verb.start, events[0], f"{events[0]} IS {'NULL' if negated else 'NOT NULL'}"

    @staticmethod
    def _clause_head_noun_flag(
        request: Request, table: Table, pronoun: Token, tokens: list[Token], j: int
    ) -> tuple[int, str, str] | None:
        """«позиции, которые дали в подарок»: a Russian relative clause whose verb is followed, in the same
        clause, by the head noun of one boolean column's nouns-only comment ('Подарок по акции') -> `flag =
        true` (planner140: the clause was dropped and every row loaded); None when no noun or two name one."""
        verb = tokens[j]
        if pronoun.lemma != "который" or not any(p.pos == "VERB" for p in verb.parses[:1]):
            return None
        hits = [
            (word, column)
            for word in tokens[j + 1 : j + 5]
            if not _crosses_clause(request, verb, word)
            for column in flags.head_noun_flags(table, word)
        ]
        if len({column for _, column in hits}) != 1 or request.is_handled(hits[0][0].start):
            return None
        word, column = hits[0]
        request.handled.append((pronoun.start, word.end))
        return verb.start, column, f"{column} = true"

    @staticmethod
    def _closing_past_verb(request: Request, pronoun: Token, tokens: list[Token], j: int) -> bool:
        """Word `j` is a past verb right after the relative pronoun `pronoun` (past «уже», "have") and
        closes the clause: «которые (уже) вернули,», "that failed,"; a verb with an object or a place after
        it («которые сделали заказ», "that failed twice") is not, nor a verb other rules read; an English
        verb followed by a window ("that failed in the last 30 days") is."""
        if j >= len(tokens):
            return False
        word = tokens[j]
        closed = _CLAUSE_CLOSES.match(request.text, word.end) is not None
        if not (closed or (word.lang == "en" and _window_follows(request.text, word.end))):
            return False
        if pronoun.lemma == "который":
            return in_past(word.lower) and not any(lexicon_concepts(lemma, "ru") for lemma in word.lemmas)
        english = pronoun.lower in ("that", "which") and word.lang == "en"
        return english and (word.lower.endswith("ed") or word.lower in EN_IRREGULAR_PARTICIPLES)

    def _past_verb_state(
        self, request: Request, table: Table, pronoun: Token, verb: Token
    ) -> tuple[int, str, str] | None:
        """The condition of a past verb closing a relative clause: the one listed value it means, on the
        state column (or the one other column listing it). A clause an explicit bracketed condition
        describes is left to the bracket; a verb naming an event's time column is the status value that
        event is named after, the time reading noted (or the two asked), as a participle is (planner85); a
        Russian verb meaning no listed value or two is asked, quoting the clause; an English one is left to
        the unread-clause question."""
        if bracket_describes(request, table, verb.end):
            request.handled.append((pronoun.start, verb.end))
            return None
        if request.is_handled(verb.start):
            return None
        events = self._event_columns_of(table, verb)
        if events:  # «которые подписали» of signed_on: the status value it is named after, noted, or asked
            value = (
                self._ask_if_status_may_hold(request, table, verb, events[0]) if len(events) == 1 else None
            )
            if value is None:
                return None  # «которые отменили»: a word of the status rule, read there
            request.handled.append((pronoun.start, verb.end))
            return verb.start, state_name(table), f"{state_name(table)} = {_quote(value)}"
        readings = past_state_readings(table, verb)
        if len(readings) == 1:
            column, value = readings[0]
            request.handled.append((pronoun.start, verb.end))
            return verb.start, column, f"{column} = {_quote(value)}"
        if not readings and verb.lemmas & _comment_lemmas(state_column(table)):
            # «которые удовлетворили:» of '3 — удовлетворена': the coded status's word, left to the rule that
            # reads it there (unhandled); the clause is still asked when no condition is read in it (marts126)
            request.state_clauses.append((pronoun.start, verb.end))
            return None
        if verb.lang == "ru" and (readings or not self._event_columns_of(table, verb)):
            request.state_clauses.append((pronoun.start, verb.end))  # «которые продлили»: asked
            request.handled.append((pronoun.start, verb.end))
        return None

    def _two_states_joined(self, request: Request, table: Table, _: bool) -> Iterable[tuple[int, str, str]]:
        """«Полисы, которые отменены и истекли», «которые истекли и отменены»: two predicates of a Russian
        relative clause joined by «и», each saying another value of the one state column, cannot both hold
        of a row; which one is asked, as the English "that expired and were cancelled" is (planner165: the
        first predicate was dropped and only the last state read). Yields no condition itself."""
        state = state_column(table)
        if request.language != "ru" or state is None:
            return ()
        tokens = [t for t in tokenize(request.text) if t.lang != "punct"]
        for k in range(2, len(tokens) - 1):
            first, second = tokens[k - 1], tokens[k + 1]
            if tokens[k].lower != "и" or _crosses_clause(request, first, second):
                continue
            if not any(t.lower in RELATIVE_PRONOUNS for t in tokens[max(0, k - 4) : k - 1]):
                continue
            said = [self._predicate_state(request, table, w) for w in (first, second)]
            values = [v for v in said if v is not None]
            if len(values) < 2 or values[0] == values[1]:
                continue
            self._conflict(request, table, state.name, [f"{state.name} = {_quote(v)}" for v in values])
        return ()

    def _predicate_state(self, request: Request, table: Table, word: Token) -> str | None:
        """The one state value a clause's predicate says: a short participle or an adjective («отменены»),
        or a past verb («истекли»); None when it says none or several."""
        if word.lang != "ru":
            return None
        value = _status_value_of(table, word, predicate=True, ongoing=True)
        if value is None and in_past(word.lower):
            value = self._past_state_value(request, table, word)
        return value

    def _or_listed_past_state(
        self, request: Request, table: Table, tokens: list[Token], j: int
    ) -> tuple[int, str, str] | None:
        """«которые истекли или отменены»: a Russian past verb that does not close the clause because an
        «или» list of states follows is the list's first state; all of them, `state IN (...)` (bb-ru-041:
        the first was dropped and only the last one read)."""
        if j + 2 >= len(tokens) or tokens[j].lang != "ru" or not in_past(tokens[j].lower):
            return None
        if tokens[j + 1].lower not in ("или", "либо") or request.is_handled(tokens[j].start):
            return None
        value = self._past_state_value(request, table, tokens[j])
        if value is None:
            return None
        values, last = self._or_joined_states(request, table, tokens, j, value)
        if len(values) < 2:
            return None
        request.handled.append((tokens[j].start, tokens[last].end))
        listing = ", ".join(_quote(v) for v in values)
        return tokens[j].start, state_name(table), f"{state_name(table)} IN ({listing})"

    def _past_state_value(self, request: Request, table: Table, verb: Token) -> str | None:
        """The one state-column value a Russian past verb means, as `_past_verb_state` reads it («истекли» ->
        'expired'); None when it means none, several, or another column's value."""
        events = self._event_columns_of(table, verb)
        if events:
            return self._ask_if_status_may_hold(request, table, verb, events[0]) if len(events) == 1 else None
        readings = past_state_readings(table, verb)
        if len(readings) != 1 or readings[0][0] != state_name(table):
            return None
        return readings[0][1]

    @staticmethod
    def _or_joined_states(
        request: Request, table: Table, tokens: list[Token], j: int, value: str
    ) -> tuple[list[str], int]:
        """The status values of predicate `j` (`value`) and of the predicates joined to it by «или»/"or"
        («потеряны или повреждены» -> lost, damaged; "cancelled or are still open": a copula or "still"
        between, planner153), and the index of the last one; one value when no listed state follows."""
        values = [value]
        while j + 2 < len(tokens) and tokens[j + 1].lower in ("или", "либо", "or"):
            k = j + 2
            while (
                k + 1 < min(len(tokens), j + 5)
                and tokens[k].lang == "en"
                and tokens[k].lower in _OR_STATE_FILLERS
            ):
                k += 1
            if _crosses_clause(request, tokens[j], tokens[k]):
                break
            following = _status_value_of(table, tokens[k], predicate=True, ongoing=True)
            if following is None or following in values:
                break
            values.append(following)
            j = k
        return values, j

    def _still_state_clauses(self, request: Request, table: Table, _: bool) -> Iterable[tuple[int, str, str]]:
        """ "outages still ongoing", "cards, still valid ones", «сотрудники, ещё работающие»: «still»/«ещё»
        and a word right after the table's noun say which rows, so the clause is asked unless another rule
        reads a condition in it ("still ongoing (ended_at empty)"); before planner38 every row was loaded.
        Yields no condition itself."""
        for index, word in enumerate(request.tokens[1:-1], start=1):
            if word not in STILL_WORDS or not self._noun_before_clause(request, table, index - 1):
                continue
            start, end = request.spans[index][0], request.spans[index + 1][1]
            if any(a <= start < b for a, b in request.schedule_spans):
                continue
            state = next(iter(tokenize(request.text[request.spans[index + 1][0] : end])), None)
            relative = request.tokens[index - 1] in RELATIVE_PRONOUNS  # «которые ещё работают»: a verb too
            verb = relative and state is not None and state.parses[:1] and state.parses[0].pos == "VERB"
            if state is not None and (state.lang == "en" or self.is_state_word(state) or verb):
                request.state_clauses.append((start, end))
        return ()

    def _noun_before_clause(self, request: Request, table: Table, index: int) -> bool:
        """Word `index` is the table's noun, or a relative pronoun right after it: "branches that still
        operate", «отделения, которые ещё работают» (planner78: the state was dropped, every row loaded)."""
        if index > 0 and request.tokens[index] in RELATIVE_PRONOUNS:
            index -= 1
        return self._table_noun_at(request, table, index)

    def _participle_object_flags(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """«тарифы, включающие бассейн» of includes_pool 'Бассейн включён': an active participle of the
        comment's predicate with its subject as the object says the flag holds, as the relative clause
        «которые включают бассейн» does; «не включающие бассейн» says it does not (planner169: asked)."""
        tokens = [t for t in tokenize(request.text) if t.lang in ("ru", "en")]
        table_flags = flags.of_table(table)
        for k, word in enumerate(tokens[:-1]):
            if request.is_handled(word.start) or not word.parses or word.parses[0].pos != "PRTF":
                continue
            named = [
                n for n, said in table_flags if flags.names_by_verb_object(tokens, k, said, participle=True)
            ]
            if len(named) != 1 or _crosses_clause(request, word, tokens[k + 1]):
                continue
            negated = (
                k > 0 and tokens[k - 1].lower == "не" and not _crosses_clause(request, tokens[k - 1], word)
            )
            start = tokens[k - 1].start if negated else word.start
            request.handled.append((start, tokens[k + 1].end))
            yield word.start, named[0], f"{named[0]} = {'false' if negated else 'true'}"

    def _opposite_state_clauses(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """ "branches still open", "branches that are open", «отделения, которые ещё открыты»: a state that
        ends the state of exactly one flag (OPPOSITE_STATES: open -> is_closed 'Отделение закрыто') after
        the table's noun, a relative pronoun or a copula: the flag false; "that are not open": true. Before
        the noun ("open branches") `_state_conditions` reads it."""
        tokens = [t for t in tokenize(request.text) if t.lang in ("ru", "en")]
        for k, word in enumerate(tokens[1:], start=1):
            if request.is_handled(word.start) or any(a <= word.start < b for a, b in request.schedule_spans):
                continue
            before, negated = k - 1, False
            while before > 0 and tokens[before].lower in CLAUSE_FILLERS | NEGATION_PARTICLES:
                negated ^= tokens[before].lower in NEGATION_PARTICLES
                before -= 1
            lead = tokens[before]
            if before == k - 1 and lead.lower not in CLAUSE_FILLERS:
                continue  # «открытые отделения»: no clause; read before the noun or not at all
            if lead.lower not in RELATIVE_PRONOUNS and not self._table_noun_at(
                request, table, request.token_at(lead.start)
            ):
                continue
            flags = self.opposite_flags_of(table, word)
            if len(flags) == 1:
                request.handled.append((word.start, word.end))
                yield word.start, flags[0], f"{flags[0]} = {'true' if negated else 'false'}"

    def _held_in_value_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """ "rooms under maintenance", "aircraft in maintenance": "under"/"in" and a word that exactly one
        text column of the table lists as a value ('Состояние номера (available, ..., maintenance)') is that
        value; before planner78 it was asked about. A word no column lists ("under renovation") stays
        asked. Where rows came from or go by, in the plural too ("tickets from aggregators", "couriers on
        scooters", "bookings via agencies"): the value, never dropped (planner80)."""
        for match in HELD_IN_VALUE.finditer(request.lower):
            start = match.start("value")
            if request.is_handled(start) or any(a <= start < b for a, b in request.schedule_spans):
                continue
            value = match.group("value")
            if match.group("the") and (match.group("prep") != "from" or value in _APPLICATION_NOUNS):
                continue  # "via the website", "a mask on the card number": left to their own rules
            columns = [
                (c.name, v)
                for c in table.columns
                if self._filterable(table, c)
                for v in listed_values(c.comment)
                if value in _english_forms(v.lower())
            ]
            if (
                len(columns) != 1
                or self._names_system(value)
                or self.grounding._names_other_table(value, table)
            ):
                continue  # "payments from bank": the bank's database, not the channel bank
            # the preposition too: "under" of "stations under renovation" is no word of cars.is_under_warranty
            request.handled.append((match.start(), match.end()))
            condition = f"{columns[0][0]} = {_quote(columns[0][1])}"
            cue = self._exception_of(request, table, match.start())
            if cue is not None:  # "except rooms under maintenance": the rows left out
                request.handled.append(cue)
                condition = self._negated(table, condition) or condition
            yield start, columns[0][0], condition

    def _exception_of(self, request: Request, table: Table, at: int) -> tuple[int, int] | None:
        """The span of "except"/"excluding" opening the clause that reaches `at` with only the rows' noun or
        "those"/"ones" between: "except rooms under maintenance", "excluding those in repair"."""
        clause_start = max((m.end() for m in CLAUSE_END.finditer(request.lower, 0, at)), default=0)
        cue = EXCEPTION_LEAD.search(request.lower, clause_start, at)
        if cue is None:
            return None
        between = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", request.lower[cue.end() : at])]
        rows = all(
            word in ("those", "ones", "the", "all", "any")
            or self._table_noun_at(request, table, request.token_at(cue.end() + offset))
            for offset, word in between
        )
        return (cue.start(), cue.end()) if rows and len(between) <= 2 else None

    def _vague_time_clauses(self, request: Request, table: Table, _: bool) -> Iterable[tuple[int, str, str]]:
        """«абонементы, которые скоро истекут», «недавно зарегистрированные клиенты», "memberships ending
        soon", "claims approved recently", «брони, отменённые на днях»: a vague time word says which rows by a
        time no column bound can be read from, so its window is asked, quoting it; before planner64 every row
        was loaded, and until planner83 a state word read in the same clause ("approved" = status 'approved')
        stood for the whole clause and the time was dropped. A window said beside it ("recently (in the last
        7 days)") answers it; "as soon as possible" is how fast the user wants the pipeline. Yields no
        condition itself."""
        tokens = [t for t in tokenize(request.text) if t.lang != "punct"]
        for k, word in enumerate(tokens):
            first = _vague_time_start(tokens, k)
            if first is None or request.is_handled(word.start):
                continue
            if any(a <= word.start < b for a, b in request.schedule_spans):
                continue
            if word.lower == "soon" and k > 0 and tokens[k - 1].lower in ("as", "how"):
                continue  # "as soon as possible", "how soon": about the pipeline, not the rows
            after = tokens[k + 1] if k + 1 < len(tokens) else None
            if after is not None and after.lower in ("after", "before", "после", "перед"):
                continue  # "shortly after midnight", «вскоре после загрузки»: when it runs, not which rows
            if self._rolling_window(request, table).value is not None:
                continue  # "cancelled recently (in the last 7 days)": the window says how recent
            phrase = request.text[tokens[first].start : word.end]
            question = self._vague_time_question(request, table, tokens, first, k, phrase)
            if question not in request.unsure:
                request.unsure.append(question)
        return ()

    def _vague_time_question(
        self, request: Request, table: Table, tokens: Sequence[Token], first: int, last: int, phrase: str
    ) -> str:
        """The window question for a vague time phrase, its example on the time column the word beside it
        names («отменённые на днях»: cancelled_at), else on the table's first event time."""
        beside = [
            tokens[j]
            for j in (first - 1, last + 1)
            if 0 <= j < len(tokens)
            and not _crosses_clause(request, tokens[min(j, first)], tokens[max(j, last)])
        ]
        named = [n for t in beside for n in self._event_columns_of(table, t)]
        future = tokens[last].lower in VAGUE_FUTURE_WORDS
        if not named and future:  # "ending soon": a date the rows end or fall due by
            ends = ("end", "ends", "expires", "due", "valid")
            named = [c.name for c in table.columns if set(name_parts(c.name)) & set(ends) and _is_time(c)]
        column = (named or self.grounding._event_columns(table) or [""])[0]
        ru = request.language == "ru"
        window = (
            ("в ближайшие 7 дней" if ru else "within the next 7 days")
            if future
            else ("за последние 7 дней" if ru else "in the last 7 days")
        )
        return say(
            request.language,
            "planner.vague_time",
            phrase=phrase,
            table=table.qualified_name,
            example=f"{column} {window}".strip(),
        )

    def _with_count_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """«отели с пятью звёздами», «залы со 100 местами», "hotels with five stars": «с»/"with", a number (in
        digits or words) and a noun naming one numeric column (by its name or the root of its comment's word:
        «звёзд» of 'Звёздность') -> `col = N`; «с более чем 100 местами», "with at least 5 halls" -> the
        comparison (planner63). A noun naming no such column leaves the clause asked, never dropped
        (planner59: stars = 5 vanished and every hotel was loaded)."""
        for said in counted_nouns([t for t in tokenize(request.text) if t.lang != "punct"]):
            cue, count, noun = said.cue, said.count, said.noun
            if request.is_handled(count.start) or any(a <= noun.start < b for a, b in request.schedule_spans):
                continue
            adjective = noun.lang == "ru" and bool(noun.parses) and noun.parses[0].pos == "ADJF"
            if noun.lang == "ru" and not (noun.parses and noun.parses[0].pos == "NOUN") and not adjective:
                continue
            columns = self._numeric_columns_named(table, noun)
            if cue.lower in _BOUND_CUES and self._column_word_before(request, table, cue):
                continue  # «вместимостью от 20 человек»: the noun before names what is compared
            if (
                len(columns) == 1
            ):  # «с двумя взрослыми» of 'Взрослых': a substantivised adjective names it too
                end = noun.end
                bound = _BOUND_AFTER.match(request.lower, end)
                if bound is not None:
                    end = bound.end()  # «и выше»: read with the count
                request.handled.append((cue.start, end))
                yield count.start, columns[0], f"{columns[0]} {said.operator} {count.number}"
            elif cue.lower in _BOUND_CUES:
                continue  # «от 5 минут», «до 7 часов»: no column counted, other rules read or ask
            elif (
                (columns or not adjective)
                and noun.lang == "ru"
                and any(p.case in ("ablt", "gent") for p in noun.parses)
            ):
                # any parse: an unknown word («с двумя блорпами») is guessed as an indeclinable noun first
                request.state_clauses.append((cue.start, noun.end))

    def _column_word_before(self, request: Request, table: Table, cue: Token) -> bool:
        """The word right before `cue` (in its clause) names a numeric column of the table («вместимостью от
        20 человек»): the bound is that column's, read by the comparison rules."""
        index = request.token_at(cue.start)
        if index == 0 or CLAUSE_END.search(request.lower, request.spans[index - 1][1], cue.start):
            return False
        before = next(iter(tokenize(request.raw[index - 1])), None)
        if before is None or self._names_rows(table, before.lower):
            return False  # «отели от трёх звёзд»: the table's own noun, the count is the stars'
        return bool(self._numeric_columns_named(table, before))

    def _numeric_columns_named(self, table: Table, noun: Token) -> list[str]:
        """The numeric (not time, not id) columns `noun` names by the grounding, or whose comment has a word
        of the noun's root (a stem of five letters or more that begins it: «звёзд» of 'Звёздность')."""
        numeric = [
            c
            for c in table.columns
            if not _is_text(c) and not _is_time_column(c) and not c.name.endswith("_id")
        ]
        named = set(self.grounding._columns_in(table, noun.text))
        root = stem(noun.lemma)
        found = [
            c.name
            for c in numeric
            if c.name in named
            or (len(root) >= 5 and any(w.startswith(root) for w in _comment_stems(c.comment or "")))
            or (noun.lang == "ru" and noun.lemma in comment_lemmas(c.comment or ""))  # «детьми»: 'Детей'
        ]
        return found

    def _copula_clauses(self, request: Request, table: Table, _: bool) -> Iterable[tuple[int, str, str]]:
        """ "airports that are hubs", «аэропорты, которые являются хабами»: a copula clause names the rows;
        asked unless another rule reads a condition in it ("hotels that are active": is_active = true). A
        word of new rows ("that are new") is the incremental rules' cue. Yields no condition itself."""
        for match in COPULA_CLAUSE.finditer(request.lower):
            start = match.start("word") if match.group("word") else match.start("ru")
            if any(a <= start < b for a, b in request.schedule_spans):
                continue
            word = next(iter(tokenize(request.text[start : match.end()])), None)
            if word is None or says_recent(word) or word.lower in NEGATION_PARTICLES:
                continue
            request.state_clauses.append((match.start(), match.end()))
        return ()

    def _reduced_clause_at(self, request: Request, table: Table, tokens: list[Token], i: int) -> bool:
        """ "loans not returned yet", "loans not yet returned": an English «not» right after the table's noun
        opens a relative clause without its "that are" (the participle check follows in the caller). So does
        a Russian «ещё/пока не» there («заявки ещё не закрыты», «обращения, пока не закрыты»: planner38, the
        state was dropped while «которые ещё не закрыты» was read)."""
        if i == 0 or tokens[i - 1].lang != tokens[i].lang:
            return False
        russian_not_yet = (
            tokens[i].lower in NOT_YET_WORDS
            and i + 1 < len(tokens)
            and tokens[i + 1].lower == "не"
            and tokens[i].lang == "ru"
        )
        if tokens[i].lower != "not" and not russian_not_yet:
            return False
        if self._table_noun_at(request, table, request.token_at(tokens[i - 1].start)):
            return True
        return russian_not_yet and self._table_phrase_ends_at(request, table, tokens, i - 1)

    def _table_phrase_ends_at(self, request: Request, table: Table, tokens: list[Token], end: int) -> bool:
        """«заявки на ремонт, пока не закрыты» of 'Заявки на обслуживание и ремонт машин': the table's noun
        and up to two words of its comment after it (a preposition between) end at word `end` (planner50)."""
        comment = {stem(w) for w in words(table.comment or "")} - STOP_STEMS
        k = end
        while k > 0 and end - k < 3 and tokens[k].lang == "ru" and stem(tokens[k].lower) in comment:
            k -= 1
            if tokens[k].lower in ("на", "по", "для", "о", "об"):
                k -= 1
            if self._table_noun_at(request, table, request.token_at(tokens[k].start)):
                return True
        return False

    def _table_noun_at(self, request: Request, table: Table, index: int) -> bool:
        """Word `index` is the table's noun: a part of its name ("loans" of library_loans, "requests" of
        service_requests) or a row noun (_row_noun_at)."""
        if stem(request.tokens[index]) in {stem(part) for part in name_parts(table.name)}:
            return True
        return self._row_noun_at(request, table, index)

    def _listed_value_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """«посылки в пути», «листки в рублях», «доценты»: a word whose lemma is one of the values a column's
        comment lists in parentheses ('Учёное звание (доцент, профессор)'), or whose meaning is one part of
        a listed code (путь -> in_transit, рубль -> RUB), is a condition on that column. Only when exactly
        one listed value of one column answers."""
        listed = {c.name: listed_values(c.comment) for c in table.columns if self._filterable(table, c)}
        listed = {name: values for name, values in listed.items() if values}
        if not listed:
            return
        yield from self._spelled_code_conditions(request, table, listed)
        previous: tuple[Token, str, list[str], int | None] | None = None
        last: Token | None = None
        words_ = tokenize(request.text)
        for n, t in enumerate(words_):
            # "in euros", "yuan contracts": an English currency word reads as «в евро» does (planner121)
            code = spelled_currency_code(t) if t.lang == "en" else None
            if t.lang != "ru" and code is None or any(a <= t.start < b for a, b in request.schedule_spans):
                continue
            if self.grounding._names_table(t.lower, table) or t.lower in request.claimed:
                continue
            if request.is_handled(t.start) or _event_of_time_noun(request, request.token_at(t.start)):
                continue  # «без времени возврата»: the words of a time column, read, no value 'refunded'
            locative = n > 0 and words_[n - 1].lower in _LOCATIVE_PREPOSITIONS  # «в простое»
            hits = (
                _listed_value_hits(t, listed, locative) if code is None else _listed_code_hits(code, listed)
            )
            fused = _fused_value_hits(t, listed) if code is None and not hits else set()
            if len(fused) == 1:  # «незакрытые заявки»: the one listed value, negated (planner133)
                ((name, value),) = fused
                yield t.start, name, str(self._negated(table, f"{name} = {_quote(value)}"))
                continue
            if hits and _object_of_state_phrase(words_, n, listed):
                request.handled.append((t.start, t.end))  # «снятые с продажи»: withdrawn, one state's words
                continue
            if hits and self._word_of_column_phrase(request, table, words_, n, {name for name, _ in hits}):
                continue  # «стоимость доставки» of delivery_fee: the column's words, no order_type 'delivery'
            if len(hits) > 1 and n and words_[n - 1].lang == "ru":
                hits = _whole_code_hits(words_[n - 1], hits)  # «временно закрытые»: temporarily_closed
            if len(hits) > 1:
                hits = _exactly_meant_hits(t, hits)  # «об аренде»: the kind 'rent', not the status 'rented'
            if len(hits) == 1:
                ((name, value),) = hits
                index = request.token_at(t.start)
                condition: str | None = f"{name} = {_quote(value)}"
                if previous and last and previous[1] == name and _joined(request, last, t):
                    # «социальные и президентские стипендии»: two listed values joined by и/или -> IN;
                    # «кроме списанных и утерянных»: the exception word reaches the second one too
                    values = [*previous[2], value]
                    joined = _one_of(name, values)
                    yield (
                        previous[0].start,
                        name,
                        joined if previous[3] is None else self._negated_list(table, joined),
                    )
                    previous, last = (previous[0], name, values, previous[3]), t
                    continue
                if index and request.tokens[index - 1] in _NEGATED_VALUE_PREPOSITIONS:
                    index -= 1  # «не в пути», «не с порталов»: the negator stands before the preposition
                negator = self._negator_before(request, index)
                if negator is None:  # «кроме номеров на обслуживании»: a noun between (marts110)
                    negator = self._negator_before_located(request, table, request.token_at(t.start))
                if negator is None:  # «кроме утерянных и повреждённых»: the list's exception word (marts110)
                    negator = self._negator_before_list(request, request.token_at(t.start))
                    if negator is not None:  # read into the list's condition, not one of its own
                        request.handled.append((t.start, t.end))
                if negator is not None:
                    request.handled.append(request.spans[negator])
                    condition = self._negated(table, str(condition))
                previous, last = (t, name, [value], negator), t
                if condition:
                    yield t.start, name, condition

    @staticmethod
    def _meaning_phrase_conditions(request: Request, table: Table, _: bool) -> Iterable[tuple[int, str, str]]:
        """«старших смены», «операторов первой линии», «которые клиент сбросил»: a listed value of several
        words said by those words (meaning_phrases); its words are read, so no flag or other table's column
        takes one of them («смены» of is_on_shift, «линии» of tickets.is_escalated)."""
        for first, last, column, value in meaning_phrases(tokenize(request.text), table):
            if request.is_handled(first.start):
                continue
            request.handled.append((first.start, last.end))
            yield first.start, column, f"{column} = {_quote(value)}"

    def _negated_verb_code_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """ "bookings where people didn't show up": a listed code "no_<verb>" said as the verb negated is that
        code (verb_objects.negated_verb_codes); only when one code of one column fits (planner128)."""
        listed = {c.name: listed_values(c.comment) for c in table.columns if self._filterable(table, c)}
        hits = negated_verb_codes(request.lower, {name: values for name, values in listed.items() if values})
        if len(hits) != 1 or request.is_handled(hits[0][0]):
            return
        ((start, verb, end, name, value),) = hits
        request.handled.append((start, end))
        yield verb, name, f"{name} = {_quote(value)}"

    def _word_of_column_phrase(
        self, request: Request, table: Table, words_: list[Token], n: int, columns: set[str]
    ) -> bool:
        """Word `n` and the word before it name together another column than `columns` («стоимость доставки»
        of delivery_fee 'Стоимость доставки, руб.'): the column's phrase, not a value (planner128)."""
        if not n or _crosses_clause(request, words_[n - 1], words_[n]):
            return False
        before, word = words_[n - 1], words_[n]
        for column in table.columns:
            if column.name in columns:
                continue
            said = [t for t in tokenize(without_listed(column.comment or "")) if t.lang != "punct"]
            if any(a.lemmas & before.lemmas and b.lemmas & word.lemmas for a, b in itertools.pairwise(said)):
                return True
        return False

    def _value_hits(
        self, request: Request, table: Table
    ) -> tuple[list[Token], list[dict[str, str]], dict[str, tuple[str, ...]], list[int]]:
        """The request's words, per word the listed values it says ({column: value}), the listed values of
        each filterable column, and the indices of common words read as values (_common_word_values)."""
        listed = {c.name: listed_values(c.comment) for c in table.columns if self._filterable(table, c)}
        listed = {name: values for name, values in listed.items() if values}
        if not listed:
            return [], [], {}, []
        tokens = [t for t in tokenize(request.text) if t.lang != "punct"]
        hits = [self._listed_hits(request, table, tokens, k, listed) for k in range(len(tokens))]
        return tokens, hits, listed, _common_word_values(request, tokens, hits, listed)

    def common_word_value_spans(self, request: Request, table: Table) -> list[tuple[int, int]]:
        """Spans of common words joined to a listed value and read as one («новые» of «только новые и
        in_progress»): values, so no new-rows cue."""
        tokens, _, _, common = self._value_hits(request, table)
        return [(tokens[k].start, tokens[k].end) for k in common]

    def _glossed_value_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """«убытки по пожарам (fire)», «карты (credit)», «заявки с жалобами (complaint)»: one Latin word alone
        in brackets right after a Russian word, a value exactly one column of the table lists, translates
        that word: the rows of that value (after «кроме»/«без», the rows without it). A bracketed word that
        no column lists (a column's or the table's own name: «(ward)», «(beds)») is left to its own rules."""
        for gloss in _LATIN_GLOSS.finditer(request.lower):
            value = gloss.group(1)
            if " " in value or request.is_handled(gloss.start(1)):
                continue
            index = request.token_at(gloss.start(1))
            if index == 0 or index >= len(request.spans) or not CYRILLIC.search(request.tokens[index - 1]):
                continue
            if request.lower[request.spans[index - 1][1] : gloss.start()].strip():
                continue  # «пожаров, (fire)»: the bracket does not follow the word
            columns = [
                (column, listed[value])
                for column in table.columns
                if self._filterable(table, column)
                and value in (listed := {v.lower(): v for v in listed_values(column.comment)})
            ]
            if len(columns) != 1:
                continue
            ((column, spelled),) = columns
            condition: str | None = f"{column.name} = {_quote(spelled)}"
            said = index - 1
            # «кроме выведенных из эксплуатации (decommissioned)»: the code glosses the participle
            if said >= 2 and _state_verb_complement(request.raw[said - 2], request.raw[said]):
                said -= 2
            negator = self._negator_before(request, said)
            if negator is None:  # «кроме номеров на обслуживании (maintenance)» (marts110)
                negator = self._negator_before_located(request, table, said)
            if negator is None and (first := negated_lists.list_start(request, said)) is not None:
                # «без возвращённых и аннулированных (void)»: the code glosses its word only, the last item
                # of a list the negation before its first item leaves out (marts112)
                negator = self._negator_before(request, first)
            if negator is not None and (
                _finite_verb(request.tokens[said]) or _particle_negates(request, negator, said)
            ):
                # «на которые работник не вышел (absent)»: the code glosses the negated verb phrase, the
                # state it names, as it glosses «ещё не оплаченные (disputed)» (planner130, fixreg28); an
                # excepted noun or participle («кроме пожаров (fire)») leaves it out
                request.handled.append(request.spans[negator])
            elif negator is not None:
                request.handled.append(request.spans[negator])
                condition = self._negated(table, str(condition))
            request.handled.append((gloss.start(), gloss.end()))
            if condition:
                yield request.spans[said][0], column.name, condition

    def _value_before_column_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """ "with high priority", "with complaint topic", "in billing or roaming category": in English a value
        stands before its column's word as an adjective does; values the column's comment lists (one, or
        several joined by and/or) are a condition on that column. The status column has its own rule."""
        if request.language != "en":
            return
        for i in range(1, len(request.tokens)):
            column = self._listing_column(table, request.tokens[i])
            if column is None or is_state_column(table, column.name):
                continue
            listed = {v.lower(): v for v in listed_values(column.comment)}
            if self._unlisted_in_format(request, table, i, listed):
                request.unsure.append(_which_value_question(request.language, column, request.raw[i - 1]))
                continue  # "editions in djvu format": no listed format, asked (planner167: dropped)
            first, values = i, list[str]()
            while first > 0 and request.tokens[first - 1] in listed:
                values.insert(0, listed[request.tokens[first - 1]])
                first -= 1
                joined = first > 1 and request.tokens[first - 1] in ("and", "or")
                if joined and request.tokens[first - 2] in listed:
                    first -= 1
                    continue
                break
            if not values or request.is_handled(request.spans[first][0]):
                continue
            condition: str | None = _one_of(column.name, values)
            negator = self._negator_before(request, first)
            if negator is not None:
                request.handled.append(request.spans[negator])
                condition = self._negated(table, str(condition))
            if condition:
                yield request.spans[first][0], column.name, condition

    def _unlisted_in_format(self, request: Request, table: Table, i: int, listed: dict[str, str]) -> bool:
        """ "in djvu format", "in 4DX format": "in", a word and the word of a column that lists its values,
        the word none of them, nor a file's format ("in csv format"), nor a word another rule read."""
        if i < 2 or request.tokens[i - 2] != "in":
            return False
        gaps = (request.text[request.spans[k - 1][1] : request.spans[k][0]] for k in (i - 1, i))
        if any(gap != " " for gap in gaps):
            return False  # "Walk-in appointments (walk_in)": no "in X format" phrase
        word = request.tokens[i - 1]
        if word in listed or word in STOP_WORDS or word in _FILE_SUFFIXES or not word.isalnum():
            return False
        start = request.spans[i - 1][0]
        if request.is_handled(start) or word in request.claimed or lexicon_concepts(word, "en"):
            return False
        return not self.grounding._column_mentions(table, [word]) and not any(
            a <= start < b for a, b in request.schedule_spans
        )

    def _capitalised_before_column_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """ "parts in the Filters category", "cars of the Toyota brand", "drugs by the Bayer manufacturer": a
        capitalised name after the/of/in/by and right before the word of one filterable text column is that
        column's value, as "category Filters" or a quoted one is; planning the table without it loaded every
        row ("filters" is a word the lexicon knows elsewhere, so no unread-word check caught it: planner103).
        Where the column's comment lists values and not this one ("the Fraud category" of 'Категория
        (billing, network, ...)'), which value it means is asked; a listed one is _value_before_column's."""
        if request.language != "en":
            return
        generic = frozenset(FILTER_GENERIC_OK)
        for i in range(2, len(request.tokens)):
            mentions = self.grounding._column_mentions(table, [request.tokens[i]], generic_ok=generic)
            columns = [table.column(n) for _, n in mentions]
            named = [c for c in columns if c is not None and self._filterable(table, c)]
            if not mentions:  # "the Townhouse type": a generic word ending two columns' names names neither
                said = {stem(request.tokens[i]), *self.vocabulary.meanings(request.tokens[i])}
                ends = [c for c in table.columns if name_parts(c.name)[-1] in said and _is_kind(c)]
                named = [c for c in ends if self._filterable(table, c)] if len(ends) > 1 else []
            if not named:
                continue
            column = named[0]
            first = i
            while first > 1 and i - first < 3 and request.raw[first - 1][:1].isupper():
                gap = request.text[request.spans[first - 1][1] : request.spans[first][0]]
                if gap.strip() not in ("", "-") or not request.raw[first - 1].isalpha():
                    break
                first -= 1
            if first == i or request.tokens[first - 1] not in _NAME_BEFORE_COLUMN_EN:
                continue
            start, end = request.spans[first][0], request.spans[i - 1][1]
            if request.is_handled(start) or any(a <= start < b for a, b in request.schedule_spans):
                continue
            if request.text[request.spans[i][0] - 1] != " ":
                continue  # "the Toyota-brand", a quote before the column word: not this shape
            value = request.text[start:end]
            if len(named) > 1:  # "the Townhouse type" of property_type and building_type: which is asked
                if not any(v.lower() == value.lower() for c in named for v in listed_values(c.comment)):
                    request.handled.append((start, request.spans[i][1]))
                    names = " / ".join(c.name for c in named)
                    request.unsure.append(
                        say(request.language, "planner.column_value_unknown", column=names, phrase=value)
                    )
                continue
            listed = listed_values(column.comment)
            if any(v.lower() == value.lower() for v in listed):
                continue  # "the Billing category": _value_before_column_conditions reads it
            request.handled.append((start, request.spans[i][1]))
            if listed:
                request.unsure.append(_which_value_question(request.language, column, value))
                continue
            condition = f"{column.name} = {_quote(value)}"
            yield from self._negated_at(request, table, start, column.name, condition)

    def _relative_value_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """ "policy holders that are companies", "rooms which are not suites": a relative clause whose
        predicate is a value one filterable column lists (singular or plural: the same stem) is the rows of
        that value, read even when the connection's description also has the word (planner44's "company")."""
        if request.language != "en":
            return
        tokens = request.tokens
        for i in range(len(tokens) - 2):
            if tokens[i] not in ("that", "which", "who"):
                continue
            opened = _english_clause_predicate(tokens, i + 1)
            if opened is None:
                continue
            k, negated = opened
            if tokens[k] in ("a", "an") and k + 1 < len(tokens):
                k += 1
            if request.is_handled(request.spans[k][0]):
                continue
            named = self._value_by_stem(table, tokens[k])
            if named is None:
                continue
            column, value = named
            values, last = self._joined_values(table, tokens, k, column)
            values = [value, *values]
            condition: str | None = (
                f"{column.name} = {_quote(value)}"
                if len(values) == 1
                else f"{column.name} IN ({', '.join(_quote(v) for v in values)})"
            )
            if negated:
                condition = self._negated(table, str(condition))
            if last + 1 < len(tokens) and tokens[last + 1] in ("yet", "already"):
                last += 1  # "that haven't been resolved yet": the clause's adverb is read with it
            request.handled.append((request.spans[i][0], request.spans[last][1]))
            if condition:
                yield request.spans[k][0], column.name, condition

    def _joined_values(
        self, table: Table, tokens: list[str], k: int, column: Column
    ) -> tuple[list[str], int]:
        """The values of `column` joined to the one at word `k` by or/and ("resolved or closed"), and the
        index of the last word read; a joined word of another column or none ends the list (planner144)."""
        values: list[str] = []
        while k + 2 < len(tokens) and tokens[k + 1] in ("or", "and"):
            named = self._value_by_stem(table, tokens[k + 2])
            if named is None or named[0].name != column.name:
                break
            values.append(named[1])
            k += 2
        return values, k

    def _value_only_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """ "policy holders, companies only", "claims daily, thefts only": an English word right before
        "only" that is a value one filterable column lists (singular or plural: the same stem, as in "that are
        companies") is that value's rows. A word that names a table or a column is left to their rules."""
        if request.language != "en":
            return
        tokens = request.tokens
        for k in range(len(tokens) - 1):
            if tokens[k + 1] != "only" or request.is_handled(request.spans[k][0]):
                continue
            if self.grounding._names_table(tokens[k], table) or self._negator_before(request, k) is not None:
                continue
            if says_recent(self._token_of(request, k)):  # "new only": the new rows, not status 'new'
                continue
            named = self._value_by_stem(table, tokens[k])
            if named is None:
                continue
            column, value = named
            request.handled.append((request.spans[k][0], request.spans[k + 1][1]))
            yield request.spans[k][0], column.name, f"{column.name} = {_quote(value)}"

    def _column_word_only_value_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """«события только purchase», «лиды только web»: a Russian word naming one text column («события» of
        event_type, as in «события purchase»), «только» and a Latin value that ends the phrase is that
        column's value (planner63: before, «только» between them left the value unread, and the glossary took
        "purchase" for a second table). A value the column's comment does not list, or a column's own word
        («только email»), is left to the rules that ask. English reads the same words the same way ("events,
        only purchase": planner67, before it was asked while the Russian was read), but an English plural no
        comment lists ("just refunds") names rows in words, not a stored code, and is asked."""
        tokens = request.tokens
        for i in range(len(tokens) - 2):
            v = i + 2
            if tokens[i + 1] not in ONLY_WORDS or not re.fullmatch(r"[A-Za-z][\w-]*", request.raw[v]):
                continue
            if request.is_handled(request.spans[v][0]) or self._in_schedule(request, v):
                continue
            if not self.grounding._ends_list(request, v + 1) or table.column(tokens[v]):
                continue
            if self.grounding._word_column(table, [tokens[v]], fk_words=False):
                continue  # «только email»: a column list
            mentions = self.grounding._column_mentions(
                table, [tokens[i]], generic_ok=frozenset(FILTER_GENERIC_OK)
            )
            column = table.column(mentions[0][1]) if len(mentions) == 1 else None
            if column is None or not self._filterable(table, column):
                continue
            value = self.whole_value(request, v)
            if _plain_word_for_number(tokens[i], column, value):
                continue  # "online orders, only zorgly": a plain word is no order number (marts122), asked
            listed = {x.lower() for x in listed_values(column.comment)}
            if (listed and value.lower() not in listed) or not self._is_value(request, table, value):
                continue
            if request.language == "en" and not listed and value.lower().endswith(("s", "ed")):
                # "events, just refunds": an English plural describes rows, no code as stored; "trips, only
                # paused": a participle states them (marts64: trip_code = 'paused'); both asked
                continue
            request.handled.append((request.spans[i + 1][0], request.spans[v][1]))
            yield request.spans[i][0], column.name, f"{column.name} = {_quote(value)}"

    def _the_ones_conditions(self, request: Request, table: Table, _: bool) -> Iterable[tuple[int, str, str]]:
        """ "guest reviews daily, the public ones", "calls, the roaming ones", "claims, not the theft ones":
        "the <word> ones" stands for rows of the table; the word is a value one column lists (by stem) or a
        word of one flag: those rows (after a negator, the others). Any other word is asked about by
        `_unread_ones` when nothing else filters the rows."""
        for start, k in self._ones_phrases(request):
            if says_recent(self._token_of(request, k)):  # "the new ones": the incremental rules' cue
                continue
            # "the flood damage ones": the word of the two that a listed value or a flag reads (wc108)
            # ", economy ones" (no article): the word itself
            first = start + 1 if request.tokens[start] == "the" else start
            read = ((i, self._ones_condition(request, table, i)) for i in range(k, first - 1, -1))
            at, found = next(((i, c) for i, c in read if c), (k, None))
            if found is None:
                continue
            column, condition = found
            negator = self._negator_before(request, start)
            # "the non-original ones": the "non-" split off the flag word turns it around (bb-en-007 read
            # is_original = true); "not the non-original ones" turns it back
            if (negator is not None) != (at > first and request.tokens[at - 1] in ONES_WORD_NEGATIONS):
                result = self._negated(table, condition)
            else:
                result = condition
            # "exclude the corporate ones": the leave-out word was read with its rows (planner50), no
            # unread negation left for the final check to ask about
            first = start if negator is None else negator
            request.handled.append((request.spans[first][0], request.spans[k + 1][1]))
            if result:
                yield request.spans[k][0], column, result

    def _ones_condition(self, request: Request, table: Table, k: int) -> tuple[str, str] | None:
        """(column, condition) word `k` of "the <word> ones" reads: a value one column lists, or one flag."""
        named = self._value_by_stem(table, request.tokens[k])
        if named is not None:
            return named[0].name, f"{named[0].name} = {_quote(named[1])}"
        flagged = self._flags_named(flags.of_table(table), self._token_of(request, k))
        return (flagged[0], f"{flagged[0]} = true") if len(flagged) == 1 else None

    @staticmethod
    def _token_of(request: Request, k: int) -> Token:
        """The lexer's token of the request's word `k` (its parses, for the lexicon)."""
        return tokenize(request.text[slice(*request.spans[k])])[0]

    @staticmethod
    def _ones_phrases(request: Request) -> list[tuple[int, int]]:
        """(first word, word `w`) of each "the w ones" / "the w one" not read yet (English), and of "w ones"
        opening a clause after a comma ("tickets, economy ones, daily": round 54)."""
        if request.language != "en":
            return []
        tokens = request.tokens
        found = []
        for k in range(1, len(tokens) - 1):
            if tokens[k + 1] not in ROW_PRONOUNS_EN or not tokens[k].isalpha():
                continue
            if request.is_handled(request.spans[k][0]):
                continue
            if tokens[k - 1] == "the":
                found.append((k - 1, k))
            elif (
                k > 1
                and tokens[k - 2] == "the"
                and tokens[k - 1].isalpha()
                and tokens[k - 1] not in STOP_WORDS
            ):
                found.append((k - 2, k))  # "the hail damage ones": two words of the kind (wc108)
            elif "," in request.text[request.spans[k - 1][1] : request.spans[k][0]]:
                found.append((k, k))
        return found

    def _unread_ones(self, request: Request, table: Table, conditions: list[str]) -> list[str]:
        """ "guest reviews daily, the published ones" with no filter read: rows of some kind, never all of
        them; asked. Words of when rows came ("the new ones") are the incremental rules' cue."""
        if conditions:
            return []
        for start, k in self._ones_phrases(request):
            token = self._token_of(request, k)
            if says_recent(token) or says_changed(token) or is_(token, "DEDUPE"):
                continue
            phrase = request.text[request.spans[start][0] : request.spans[k + 1][1]]
            return [unread_clause_question(request.language, table, phrase)]
        return []

    def _value_by_stem(self, table: Table, word: str) -> tuple[Column, str] | None:
        """The one (filterable column, listed value) whose value has the stem of the English `word`
        ("companies" -> holder_type 'company'); None when no column or several list it."""
        said = stem(word)
        named = [
            (column, value)
            for column in table.columns
            if self._filterable(table, column)
            for value in listed_values(column.comment)
            if stem(value.lower()) == said
        ]
        return named[0] if len(named) == 1 else None

    def _listing_column(self, table: Table, word: str) -> Column | None:
        """The one filterable column `word` names whose comment lists its values ('Приоритет (low, ...)')."""
        mentions = self.grounding._column_mentions(table, [word], generic_ok=frozenset(FILTER_GENERIC_OK))
        if len(mentions) != 1:
            return None
        column = table.column(mentions[0][1])
        if column is None or not self._filterable(table, column) or not listed_values(column.comment):
            return None
        return column

    def _listed_run_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """«через app или call_center», «картой и через банк», "on topic complaint or recalculation": values
        one column's comment lists ('Канал оплаты (bank, card, post, terminal)'), written as listed or as a
        Russian word meaning one («картой» = card by the glossary, «терминал» spelled by ear), joined by
        commas, и/или, and/or (a preposition may stand before each) -> `col IN (...)`. A single value needs a
        cue that it says how a row came about: a preposition of means before it («через банк», "by card") or
        the instrumental case («картой»). A word that with its neighbour names a column («номер карты», "card
        number") is the column; a list after a negator is left to the rules that read negations."""
        tokens, hits, listed, _common = self._value_hits(request, table)
        if not listed:
            return
        self._ask_unread_channel(request, table, tokens, hits, listed)
        # «кроме отменённых и оплаченных бонусами»: «оплаченных» is the means' verb, no status in the run
        means_verbs = {tokens[k].start for k in means_participles(request.text, table, tokens, hits)}
        hits = [{} if tokens[k].start in means_verbs else hit for k, hit in enumerate(hits)]
        k = 0
        while k < len(tokens):
            if not hits[k]:
                k += 1
                continue
            run, common, last = [k], set(hits[k]), k
            while True:
                nxt = next((j for j in range(last + 1, min(last + 6, len(tokens))) if hits[j]), None)
                if nxt is None or not _RUN_GAP.fullmatch(request.text[tokens[last].end : tokens[nxt].start]):
                    break
                if not common & set(hits[nxt]):
                    break
                common &= set(hits[nxt])
                run.append(nxt)
                last = nxt
            k = last + 1
            if len(common) != 1:
                continue
            (name,) = common
            if _in_mask_clause(request, [tokens[j].start for j in run]):
                continue  # «замаскируй почту и телефон для связи»: the columns masked, no channel values
            unread = _unread_alternative(request, tokens, last, hits) or self._unread_alternative_before(
                request, tokens, run[0], hits
            )
            glossed = _glossed_alternative(request, tokens, unread, hits, name)
            if glossed is not None:  # «просроченные или частично оплаченные (partially_paid)»: its code
                run, unread = [*run, glossed], None
            spelled = _spelled_alternative(tokens, unread, listed[name])
            if spelled is not None:  # "faulted or out of service": a listed code said in words (planner168)
                last = next(j for j, t in enumerate(tokens) if t.end == spelled[1])
                unread, k = None, max(k, last + 1)
            # «через банк или госуслуги»: a value dropped would load too few rows
            if unread is not None and unread.lower not in {v.lower() for v in listed[name]}:
                question = say(
                    request.language, "planner.value_not_listed", value=unread.text,
                    column=f"{table.qualified_name}.{name}", values=", ".join(listed[name]),
                )  # fmt: skip
                request.unsure.append(question)
                continue
            values = list(dict.fromkeys(hits[j][name] for j in run))
            if spelled is not None:
                values = list(dict.fromkeys([*values, spelled[0]]))
            first = tokens[run[0]]
            index = request.token_at(first.start)
            if index and request.tokens[index - 1] in _MEANS_ARTICLES:
                index -= 1  # "not made via the website": the negator stands before the preposition
            if index and request.tokens[index - 1] in ("через", "by", "via", "through", "по", "on"):
                index -= 1
            negator = self._negator_before(request, index)
            if negator is not None and _correction_no(request, negator):
                negator = None  # «по карте, нет, по СБП»: the value said instead, no negation (planner165)
            # «кроме отменённых и оплаченных бонусами»: the exception word before the means' verb's list
            excepted_means = negator is None and index > 0 and request.spans[index - 1][0] in means_verbs
            if excepted_means:
                verb = index - 1
                negator = self._negator_before(request, verb) or self._negator_before_list(request, verb)
                excepted_means = negator is not None and request.tokens[negator] in _EXCEPT_WORDS | {"без"}
                negator = negator if excepted_means else None
                if excepted_means:
                    request.handled.append(request.spans[index - 1])  # read: the means' verb
            if (
                negator is None
                and request.language == "en"
                and index > 1
                and request.tokens[index - 2] == "not"
            ):
                negator = index - 2  # "not made via the website": the verb between, the negation still its
            # "failed ones excluded", "refunded rows left out": the exclusion said after the values (round 29)
            after = request.token_at(
                tokens[last].end
            )  # the word after: past "no-show", two words of the request
            excluded = self._negator_after(request, table, after)
            # "except rejected ones", "except rejected" (a status): one listed value right after an English
            # exception word names rows (planner28); «кроме app» of a source column stays asked (round 14).
            # «отклонённые пропускать»: a status value with a leave-out verb after it (planner40: read as
            # the value itself before)
            excepted = (
                (excluded is not None or negator is not None and request.tokens[negator] in _EXCEPT_WORDS)
                and request.language == "en"
                and (
                    is_state_column(table, name)
                    or _ONES_AFTER.match(request.text, tokens[last].end) is not None
                    # "except mortgages": a listed value's plural names the rows (planner121: dropped)
                    or all(_plural_pair(tokens[j].lower, hits[j][name].lower()) for j in run)
                    and all(tokens[j].lower != hits[j][name].lower() for j in run)
                )
            ) or (
                # a code as stored, «(status = 'expelled') не брать», is turned around by the negation scopes
                excluded is not None
                and negator is None
                and is_state_column(table, name)
                and tokens[run[0]].lang == "ru"
            )
            # «записи, кроме dropped»: a status code as stored after a Russian exception word, as "except
            # dropped" (round 69; before, only codes the status vocabulary knows were read)
            excepted = excepted or (
                negator is not None
                and request.tokens[negator] in _EXCEPT_WORDS
                and is_state_column(table, name)
                and tokens[run[0]].lang == "en"
            )
            excepted = excepted or excepted_means
            if request.language != "en" and not excepted:
                excluded = None  # «картой не платить»: a Russian verb after another column's value, as before
            if excluded is not None and negator is None and (excepted or len(values) > 1):
                request.handled.append(excluded)
            elif excluded is not None:
                excluded = None  # already negated before the values, or not a state: the other rules read it
            if len(values) == 1 and self._verb_of_means_value(request, table, request.token_at(first.start)):
                continue  # "orders paid in cash": the verb of the means phrase; its value says which rows
            if len(values) == 1 and not (
                self._means_cue(request, tokens, run[0])
                or excepted
                or self._beside_table_noun(request, table, tokens, run[0], name)
                and not _of_table_name(table, tokens[run[0]].lower)
                or request.token_at(first.start) in request.kind_indices  # "Dogs, daily" (planner161)
                or self._kind_plural(table, name, tokens[run[0]].lower, values[0])  # "Pets: dogs"
            ):
                continue
            # «брони не через ota», "not via the website": «не»/"not" right before the means preposition
            # turns the one value around here (planner89: no other rule read it, and it was asked); so does
            # «не» before «по» and a means («не по карте») or before the means in the instrumental («не
            # картой»): the means cue above holds for both (planner165: dropped, every row loaded)
            means_negated = (
                negator is not None
                and len(values) == 1
                and negator == index - 1
                and request.tokens[negator] in ("не", "not")
                and (
                    request.tokens[index] in _MEANS_PREPOSITIONS
                    or request.tokens[index] == "по"
                    or request.tokens[negator] == "не"
                    and _instrumental_noun(tokens[run[0]])
                )
            )
            if negator is not None and len(values) == 1 and not excepted and not means_negated:
                continue  # one value after a negator: the rules that read negations
            if means_negated:
                excepted = True
            request.handled.append((first.start, tokens[last].end))
            if len(values) == 1:
                # «отчисленных не надо»: status 'expelled' or expelled_on? asked
                self._ask_if_event_may_hold(request, table, first, name)
                condition = f"{name} = {_quote(values[0])}"
                if excepted and negator is not None:
                    request.handled.append(request.spans[negator])
                if excepted:
                    condition = str(self._negated(table, condition))
                yield first.start, name, condition
                continue
            listed_ = _one_of(name, values)  # two or more: an IN list
            if negator is None and excluded is None:
                yield first.start, name, listed_
                continue
            # «кроме app и ivr»: the rows with neither value (a row whose value is unknown is not excluded)
            if negator is not None:
                request.handled.append(request.spans[negator])
            column = table.column(name)
            kept = f"{name} NOT IN ({listed_.split('IN (', 1)[1]}"
            yield first.start, name, f"({kept} OR {name} IS NULL)" if column and column.nullable else kept

    def _listed_hits(
        self, request: Request, table: Table, tokens: list[Token], k: int, listed: dict[str, tuple[str, ...]]
    ) -> dict[str, str]:
        """column -> listed value that word `k` writes or means; empty when it is a column's word."""
        t = tokens[k]
        if t.lang not in ("ru", "en") or len(t.lower) < 2 or t.lower in NOT_A_NAME:
            return {}
        if any(a <= t.start < b for a, b in request.schedule_spans) or t.lower in request.claimed:
            return {}
        if self.grounding._names_table(t.lower, table) or self._qualifies_own_noun(t, table, tokens, k):
            return {}
        # a neighbour across a comma belongs to another phrase («картой, номер карты скрыть»)
        nxt = (
            tokens[k + 1].lower
            if k + 1 < len(tokens) and not _crosses_clause(request, t, tokens[k + 1])
            else ""
        )
        prev = tokens[k - 1].lower if k and not _crosses_clause(request, tokens[k - 1], t) else ""
        said = self._said_values(t, listed, prev, nxt)
        for pair in ([t.lower, nxt], [prev, t.lower]):
            if all(pair) and (found := self.grounding._word_column(table, pair, fk_words=False)):
                # "presidential kinds", «бизнес класса»: a value of that very column beside its noun
                if found[1] == 2 and found[0] not in said:
                    return {}  # «номер карты», "card number": the column
        return said

    def _qualifies_own_noun(self, t: Token, table: Table, tokens: list[Token], k: int) -> bool:
        """«Зарядные сессии» of charging.sessions 'Сессии зарядки': a Russian word right before the table's
        noun that says the table's own qualifier (a word of its comment past the head, or its schema's name,
        by the glossary) names the rows, as "charging sessions" does; it is no listed value ('charging' of
        'Статус сессии (started, charging, ...)', planner101: every row but the charging ones was lost)."""
        if t.lang != "ru" or k + 1 >= len(tokens):
            return False
        nxt = tokens[k + 1].lower
        if not (self.grounding._names_table(nxt, table) or self.grounding._heads_comment(nxt, table)):
            return False
        own = {
            stem(w) for w in name_parts(table.qualified_name.partition(".")[0]) if table.schema != "public"
        }
        for word in words(table.comment or "")[1:]:
            own |= set(self.vocabulary.meanings(word))
        meanings = set(self.vocabulary.meanings(t.lower)) - set(self.vocabulary.meanings(nxt))
        return bool(meanings & own)

    def _said_values(
        self, t: Token, listed: dict[str, tuple[str, ...]], prev: str, nxt: str
    ) -> dict[str, str]:
        """column -> the listed value word `t` writes or means (its neighbours `prev`, `nxt` complete a
        two-word English code: "in transit"): as listed, by a Russian value's lemma, by a meaning of a code's
        part (VALUE_MEANINGS, the glossary), transliterated or spelled («эконом» = economy)."""
        meanings = value_meanings(t) | set(self.vocabulary.meanings(t.lower)) if t.lang == "ru" else set()
        # "in yuan", "euro accounts": an English currency word is the listed currency code (planner121)
        code = spelled_currency_code(t) if t.lang == "en" else None
        codes = CURRENCY_CODE_ALIASES.get(code, (code,)) if code else ()
        found_: dict[str, str] = {}
        for name, values in listed.items():
            for value in values:
                lower = value.lower()
                if value.upper() in codes:
                    found_[name] = value
                elif t.lang == "en" and lower in (t.lower, f"{t.lower}_{nxt}", f"{prev}_{t.lower}"):
                    found_[name] = value  # "in transit": the two words of in_transit
                elif t.lang == "en" and "-" in t.lower and _as_listed(t.lower, (lower,)):
                    found_[name] = value  # "no-show" of no_show (planner128)
                elif t.lang == "en" and len(t.lower) > 2 and _plural_pair(t.lower, lower):
                    found_[name] = value  # "dogs" of 'dog', "dessert" of 'desserts' (planner97)
                elif t.lang == "ru" and not value.isascii() and t.has(_value_lemmas(value, values)):
                    found_[name] = value
                elif (
                    t.lang == "en" and not value.isascii() and stem(t.lower) in self.vocabulary.glossed(lower)
                ):
                    found_[name] = value  # "the title professor" of 'Учёное звание (доцент, профессор)'
                elif (
                    t.lang == "ru"
                    and value.isascii()
                    and (
                        stem(lower) in meanings
                        or transliterates(t.lower, lower)
                        or _transliterates_pieces(t.lower, lower)
                        or spells_code(t.lower, lower, capitals=t.text.isupper())
                    )
                ):
                    found_[name] = value
        return found_

    def _ask_unread_channel(
        self,
        request: Request,
        table: Table,
        tokens: list[Token],
        hits: list[dict[str, str]],
        listed: dict[str, tuple[str, ...]],
    ) -> None:
        """«транзакции через госуслуги», "payments via paypal": a word after a preposition of means that no
        listed value reads, on a table with one listed channel column, is a channel the rows came through;
        asked (planner32: the rows of every channel were loaded)."""
        channels = [name for name in listed if _CHANNEL_COLUMN.search(name)]
        if len(channels) != 1:
            return
        for k, word in enumerate(tokens):
            if hits[k] or not (
                _after_means_preposition(tokens, k, ("через", "via", "through"))
                or self._after_rows_participle(request, table, tokens, k)
            ):
                continue
            if word.lower in _MEANS_ARTICLES:
                continue  # "through an agency": the article, the word after it is the channel
            if word.lang not in ("ru", "en") or word.lower in request.claimed:
                continue
            if request.is_handled(word.start) or any(a <= word.start < b for a, b in request.schedule_spans):
                continue
            if self.grounding._names_table(word.lower, table) or self.grounding._names_other_table(
                word.lower, table
            ):
                continue  # «проходы через турникеты»: the table's own words
            if word.lower in _ARTICLES or self.grounding._column_mentions(table, [word.lower]):
                continue
            name = channels[0]
            request.unsure.append(
                say(request.language, "planner.value_not_listed", value=word.text,
                    column=f"{table.qualified_name}.{name}", values=", ".join(listed[name]))
            )  # fmt: skip
            return

    def _after_rows_participle(self, request: Request, table: Table, tokens: list[Token], k: int) -> bool:
        """Word `k` follows the table's noun and a participle right after it ("bookings made online"): it says
        how the rows came about, unless another rule reads it (a time, new rows) (planner78: dropped)."""
        if k < 2 or not _is_english_participle(tokens[k - 1]) or tokens[k].lang != "en":
            return False
        word = tokens[k]
        if word.lower in STOP_WORDS or word.lower in _MEANS_PREPOSITIONS or word.lower in ROW_PRONOUNS_EN:
            return False  # "sold at the office", "made via the app", "failed ones": no value said here
        if _crosses_clause(request, tokens[k - 2], tokens[k - 1]):
            return False  # "payments by channel, failed ones excluded": another clause
        if lexicon_concepts(word.lower, "en") or says_recent(word) or word.lower in VAGUE_TIME_WORDS:
            return False
        windows = (*LAST_N.finditer(request.lower), *DAY_WINDOW.finditer(request.lower))
        if any(m.start() <= tokens[k].start < m.end() for m in windows):
            return False  # "bookings made yesterday": the window rule reads the day
        return self.grounding._names_table(tokens[k - 2].lower, table)

    def _unread_alternative_before(
        self, request: Request, tokens: list[Token], first: int, hits: list[dict[str, str]]
    ) -> Token | None:
        """The word an «или»/"or" before the run starting at `tokens[first]` offers as one more value when
        no listed value reads it and it says how a row came about as the run does («наличными или картой»,
        "in cash or by card"); None when nothing unread stands there."""
        # «ушли в просрочку или списаны (written_off)»: the run is a bracketed code glossing the word before
        # it; the «или» before that word offers the alternative, a state dropped if unread (planner159)
        glossed = first >= 2 and bool(
            re.fullmatch(r"\s*\(\s*", request.text[tokens[first - 1].end : tokens[first].start])
        )
        first = first - 1 if glossed else first
        j = first - 1
        while j >= 0 and first - j <= 4 and tokens[j].lower in _ALTERNATIVE_GAP_WORDS:
            j -= 1
        if j < 0 or hits[j] or tokens[j].lower in request.claimed or tokens[j].lang not in ("ru", "en"):
            return None
        word = tokens[j]
        if not _OR_NEXT.fullmatch(request.text[word.end : tokens[first].start]):
            return None
        if any(a <= word.start < b for a, b in request.schedule_spans) or request.is_handled(word.start):
            return None
        instrumental = word.lang == "ru" and any(p.case == "ablt" for p in word.parses)
        instrumental = instrumental or (j > 0 and tokens[j - 1].lower in ("in", "with", "using"))  # "in cash"
        # «в кассе или на сайте»: a place said with a preposition, as the run's value is
        instrumental = instrumental or (j > 0 and tokens[j - 1].lower in _PLACE_PREPOSITIONS)
        return word if glossed or instrumental or self._means_cue(request, tokens, j) else None

    def _means_cue(self, request: Request, tokens: list[Token], k: int) -> bool:
        """Word `k` says which rows: after a preposition of means («через банк», "by card", "via app"), in
        the instrumental case («картой», «терминалом»), or next to only/«только» in its clause ("in GBP
        only", «только gas», "dropped ones only")."""
        t = tokens[k]
        if _after_means_preposition(tokens, k, modifier=True) or _after_participle_in(tokens, k):
            return True
        dative = [p for p in t.parses if p.case == "datv"] if t.lang == "ru" else []
        if k and tokens[k - 1].lower == "по" and dative:
            return dative[0].number == "sing"  # «оплаты по карте»: by card («по картам» may group)
        if k and tokens[k - 1].lower == "по" and not any(p.case for p in t.parses):
            return True  # «платежи по СБП», «по sbp»: a code has no case, «по» before it says the means
        ones = k + 1 < len(tokens) and tokens[k + 1].lower in ROW_PRONOUNS_EN  # "dropped ones only"
        if ones and negation.TAKE_EN.match(request.text[tokens[k + 1].end :].lstrip()):
            return True  # "blocked ones not needed": the rows of that value, left out by the negation rules
        for j in (k - 2, k - 1, k + 1, *([k + 2] if ones else [])):
            if 0 <= j < len(tokens) and tokens[j].lower in ("only", "just", "только", "лишь"):
                if not _crosses_clause(request, *sorted((tokens[j], t), key=lambda w: w.start)):
                    return True
        return _instrumental_noun(t)

    def _beside_table_noun(
        self, request: Request, table: Table, tokens: list[Token], k: int, name: str
    ) -> bool:
        """Word `k`, a value column `name` lists, stands beside the table's noun or its column's noun, so it
        says which rows («полисы ОСАГО», "spa charges", "low priority tickets", "folio charges for parking",
        "the debit direction only": planner40's '<value> <column> only'), or alone in brackets («на уборке
        (cleaning)»: the value the words before it mean). English values before a generic column word ("with
        credit type", "low-priority") are `_value_before_column_conditions`'."""
        t = tokens[k]
        for j in range(k - 1, max(k - BESIDE_NEGATOR_REACH, 0) - 1, -1):  # a few words back: linear planning
            if re.search(r"[,;:]", request.text[tokens[j].end : t.start]):
                break  # another clause (a bracket is not one: «кроме закрытых (closed)»)
            if tokens[j].lower in BESIDE_NEGATORS:
                return False  # «кроме закрытых (status closed)», «без валюты GBP»: the negation rules read it
        if request.text[t.start - 1 : t.start] == "(" and request.text[t.end : t.end + 1] == ")":
            return True
        if t.lang == "en" and (lexicon_concepts(t.lower, "en") or says_recent(t)):
            return False  # "new orders": a word another rule reads (new rows), not a value
        if t.lang == "ru" and not t.text.isupper() and not (t.parses and t.parses[0].pos in ("NOUN", "ADJF")):
            return False  # «отправлений создаётся»: a verb says what happens, not which rows
        # the words of the table's name and comment ("charges" of folio_charges, «страхования» of 'Страховые
        # полисы (договоры страхования)') or the column's own noun ("priority")
        own = set(name_parts(table.name)) | {stem(w) for w in words(table.comment or "")}

        def names_rows(j: int) -> bool:
            if not 0 <= j < len(tokens) or _crosses_clause(
                request, *sorted((tokens[j], t), key=lambda w: w.start)
            ):
                return False
            word = tokens[j].lower
            if word in STOP_WORDS:
                return False
            if request.token_at(tokens[j].start) in request.kind_indices:
                return True  # "Female dogs": the kind word that named the table is the rows' noun, planner161
            mentioned = [c for _, c in self.grounding._column_mentions(table, [word])]
            # «эконом билеты» of 'Авиабилеты (...)': the word that names the table as the planner grounds it
            return (
                bool((self.vocabulary.meanings(word) | comment_jargon(word)) & own)  # "diesel refuelings"
                or mentioned == [name]
                or self._names_rows(table, word)
                or self.grounding._heads_comment(word, table)
            )

        before = k - 1
        if before > 1 and tokens[before].lower in _ARTICLES | {"a", "an"}:
            before -= 1  # "charges for the minibar": the article before the value
        purpose = before > 0 and tokens[before].lower in ("for", "для")
        before -= int(purpose)  # "charges for parking"
        if names_rows(k + 1) or names_rows(before):
            return True
        if (
            purpose
            and t.lang == "en"
            and names_rows(self._before_value_words(request, table, tokens, before))
        ):
            return True  # "claims in review for theft": the rows' noun, its state's words, then "for <kind>"
        if t.lang == "en" and _noun_modifier(tokens, k + 1) and names_rows(k + 2):
            return True  # "declined card transactions": an English noun modifies the table's noun after it
        # «сеансов фильмов 3D»: the noun of another table in the genitive between the table's noun and the
        # value qualifies the rows; the value is still one this table lists (planner63)
        return before > 0 and self._genitive_of_other_table(table, tokens[before]) and names_rows(before - 1)

    def _before_value_words(self, request: Request, table: Table, tokens: list[Token], j: int) -> int:
        """The index of `tokens` before the words ending at `j` that spell a value the table lists ("in
        review" of in_review: planning/listed_phrases), `j` itself when none end there."""
        spelled = listed_phrases.listed_value_indices(request.tokens, table)
        back = j
        while back > 0 and j - back < 3 and request.token_at(tokens[back].start) in spelled:
            back -= 1
        return back

    def _genitive_of_other_table(self, table: Table, word: Token) -> bool:
        """`word` is a Russian noun in the genitive naming another table by its name or by its comment's head
        («фильмов» of movies 'Фильмы (прокатный репертуар)')."""
        genitive = word.lang == "ru" and any(p.pos == "NOUN" and p.case == "gent" for p in word.parses)
        if not genitive:
            return False
        others = [
            other
            for conn in self.grounding._readable("postgres")
            for other in self.grounding.catalog.tables_of(conn.conn_id)
            if other.qualified_name != table.qualified_name
        ]
        return any(
            self.grounding._names_table(word.lower, other) or self.grounding._heads_comment(word.lower, other)
            for other in others
        )

    def _compound_value_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """«электромобили», «электросчётчики»: a compound noun whose first part means the one kind a text
        column of this table lists (fuel_type 'electric', resource 'electricity') names the rows of that
        kind; a kind the column does not list («газомобили» where fuel is petrol, diesel, electric or
        hybrid), or several («водосчётчики»: cold_water, hot_water), is asked, never dropped (planner84;
        another table's kind: `_compound_value_question`). A word of the table's own comment («водителей
        электромобилей») is its name, no condition."""
        own = _comment_stems(table.comment or "")
        for token in tokenize(request.text):
            prefix = next((p for p in COMPOUND_VALUE_PREFIXES if token.lower.startswith(p)), None)
            if prefix is None or token.lang != "ru" or request.is_handled(token.start):
                continue
            noun = any(p.pos == "NOUN" for p in token.parses) and token.parses[0].pos not in ("ADJF", "PRTF")
            if not noun or len(token.lower) - len(prefix) < 4:
                continue  # «электронные»: an adjective; «электрик»: no compound
            if stem(token.lower) in own or any(a <= token.start < b for a, b in request.schedule_spans):
                continue
            values = _compound_values(table, prefix)
            if len(values) == 1:
                name, value = values[0]
                request.handled.append((token.start, token.end))
                yield token.start, name, f"{name} = {_quote(value)}"
            elif values or _kind_column_without(table, prefix):
                request.handled.append((token.start, token.end))
                request.unsure.append(unread_clause_question(request.language, table, token.text))

    def _head_value_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """ "Dogs from the pets table", «Котов из таблицы животных», "Copy comedies from movies": the noun
        that heads the rows before "from"/«из» and the table's word is a kind of row. When it means one value
        a column's comment lists (an English plural or singular of it, a Russian noun by the glossary of
        VALUE_MEANINGS or the value's own spelling), it is that filter; a noun no listed value reads
        ("Hamsters", «Вестерны») is asked. Both were dropped: every row, a confident wrong plan (planner97).
        Words naming the table, a column, another table, the rows in general or the schedule are passed."""
        listed = {c.name: listed_values(c.comment) for c in table.columns if self._filterable(table, c)}
        listed = {name: values for name, values in listed.items() if values}
        tokens = [t for t in tokenize(request.text) if t.lang != "punct"]
        for k, word in enumerate(tokens[:-1]):
            if tokens[k + 1].lower not in ("from", "из") or not self._table_after(table, tokens, k + 2):
                continue
            if not self._heads_the_rows(tokens, k) or self._names_no_kind(request, table, word):
                continue
            prev = tokens[k - 1].lower if k else ""
            hits = self._said_values(word, listed, prev, tokens[k + 1].lower)
            mentions = {name for _, name in self.grounding._column_mentions(table, [word.lower])}
            # «Дома из объектов недвижимости» of 'Тип дома' listing no values: the noun is a kind of the
            # rows, the thing the kind column's comment is of, not that column; asked below (planner104)
            mentions -= self._kinds_of_word(table, word)
            if mentions and not (len(hits) == 1 and mentions <= set(hits)):
                continue  # "emails from the owners table": a column's word ("birds" of species is its value)
            request.handled.append((word.start, word.end))
            if len(hits) == 1:
                ((name, value),) = hits.items()
                yield word.start, name, f"{name} = {_quote(value)}"
            else:
                # «Детективы из каталога книг»: the one kind column listing no values ('Жанр') is named
                unlisted = [c.name for c in table.columns if _is_kind(c) and _holds_unlisted_kind(c)]
                example = f"{unlisted[0]} = '...'" if len(unlisted) == 1 and not hits else None
                request.unsure.append(unread_clause_question(request.language, table, word.text, example))
            return

    @staticmethod
    def _kinds_of_word(table: Table, word: Token) -> set[str]:
        """The kind columns listing no values ('Тип дома', 'Вид ремонта') whose comment says `word` after its
        kind head (the thing a kind is of), not as the head itself («типы»)."""
        if word.lemmas & _KIND_HEADS:
            return set()
        kinds = set()
        for column in table.columns:
            if not _is_kind(column) or listed_values(column.comment):
                continue
            said = [t for t in tokenize(column.comment or "") if t.lang == "ru"][1:]
            if any(t.lemmas & word.lemmas for t in said):
                kinds.add(column.name)
        return kinds

    def _against_value_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """«прививки от бешенства», "vaccinations against rabies": «от»/«против»/"against" and a noun right
        after the table's noun say which kind of row, a value no comment lists ('Название вакцины'). Asked,
        naming the table's one kind or name column whose comment lists no values, never dropped (planner97:
        every vaccination was loaded). A listed value, a table, a column or a number after it is left to the
        rules that read those; yields nothing."""
        tokens = [t for t in tokenize(request.text) if t.lang != "punct"]
        listed = {c.name: listed_values(c.comment) for c in table.columns if self._filterable(table, c)}
        listed = {name: values for name, values in listed.items() if values}
        for k, marker in enumerate(tokens[1:-1], start=1):
            if marker.lower not in ("от", "против", "against"):
                continue
            word, head = tokens[k + 1], tokens[k - 1]
            index = request.token_at(head.start)
            if not (0 <= index < len(request.tokens) and self._table_noun_at(request, table, index)):
                continue
            if word.lang == "ru" and not (word.parses and word.parses[0].pos == "NOUN"):
                continue
            if not word.text.isalpha() or self._names_no_kind(request, table, word):
                continue
            if self._said_values(word, listed, "", "") or self.grounding._column_mentions(
                table, [word.lower]
            ):
                continue  # «убытки от пожара» of 'Тип события (accident, theft, fire, ...)': a listed value
            phrase = request.text[marker.start : word.end]
            kinds = [c.name for c in table.columns if _holds_unlisted_kind(c)]
            request.handled.append((marker.start, word.end))
            if len(kinds) == 1:
                key = "planner.column_value_unknown"
                request.unsure.append(say(request.language, key, column=kinds[0], phrase=phrase))
            else:
                request.unsure.append(unread_clause_question(request.language, table, phrase))
            return
        yield from ()

    def _unlisted_channel_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """ "appointments booked through the call center", «записи, сделанные через сайт»: the words after
        through/via/«через» say the channel a row came through; where the table's one channel column lists
        no values ('Канал записи'), which value they mean is asked, quoting them and naming the column
        (planner97: every appointment was loaded). A listed channel is `_listed_run_conditions`'; a table,
        a column, a system or the schedule after the preposition is no channel; yields nothing."""
        channels = [c for c in table.columns if _CHANNEL_COLUMN.search(c.name) and _is_text(c)]
        if len(channels) != 1 or listed_values(channels[0].comment):
            return
        tokens = [t for t in tokenize(request.text) if t.lang != "punct"]
        for k, marker in enumerate(tokens[:-1]):
            if marker.lower not in ("through", "via", "через") or request.is_handled(marker.start):
                continue
            said: list[Token] = []
            for word in tokens[k + 1 : k + 5]:
                if not said and word.lower in _MEANS_ARTICLES:
                    continue
                if not word.text.isalpha() or word.lower in STOP_WORDS:
                    break
                if _crosses_clause(request, marker, word):
                    break
                if self._names_no_kind(request, table, word) or self._names_system(word.lower):
                    break
                if self.grounding._column_mentions(table, [word.lower]):
                    break
                said.append(word)
            if not said:
                continue
            phrase = request.text[said[0].start : said[-1].end]
            request.handled.append((marker.start, said[-1].end))
            request.unsure.append(
                say(request.language, "planner.column_value_unknown", column=channels[0].name, phrase=phrase)
            )
            return
        yield from ()

    def _table_after(self, table: Table, tokens: list[Token], at: int) -> bool:
        """The words from `at` name `table`: "the pets table", "table pets", «таблицы животных»; or a noun
        of a list holding its rows before it, «из каталога книг», «из списка питомцев», "from the catalog of
        books" (a container noun naming no table, then the table's word in the genitive, wc108)."""
        for k in range(at, min(at + 3, len(tokens))):
            word = tokens[k]
            if word.lower in ("the", "table", "таблицы", "таблица", "табличка", "таблички"):
                continue
            if self._names_this_table(table, word):
                return True
            following = tokens[k + 1 : k + 3]
            if following and following[0].lower == "of" and word.lang == "en":
                following = following[1:]
            elif word.lang == "ru":
                noun = bool(word.parses) and word.parses[0].pos == "NOUN"
                if not noun or not following or not _genitive_noun(following[0]):
                    return False
            if not following or self.grounding._names_other_table(word.lower, table):
                return False
            return word.lang in ("ru", "en") and self._names_this_table(table, following[0])
        return False

    def _names_this_table(self, table: Table, word: Token) -> bool:
        return self.grounding._names_table(word.lower, table) or self.grounding._heads_comment(
            word.lower, table
        )

    @staticmethod
    def _heads_the_rows(tokens: list[Token], k: int) -> bool:
        """Word `k` opens the request or follows a load verb ("copy dogs", «перелить котов»), an article or
        "only": it is the object of the load, a noun of rows; a Russian word must parse as a noun."""
        word = tokens[k]
        if word.lang == "ru" and not (word.parses and word.parses[0].pos == "NOUN"):
            return False
        # «Мастер-классы», "meet-ups": a hyphenated noun is one word of the rows (q112)
        if word.lang not in ("ru", "en") or not all(part.isalpha() for part in word.text.split("-")):
            return False
        j = k - 1
        while j >= 0 and tokens[j].lower in ("the", "all", "only", "just", "только", "все", "всех"):
            j -= 1
        if j < 0:
            return True
        before = tokens[j]
        if before.lang == "ru":
            return bool(before.parses) and before.parses[0].pos in ("INFN", "VERB")
        return before.lower in _LOAD_VERBS_EN

    def _names_no_kind(self, request: Request, table: Table, word: Token) -> bool:
        """`word` says no kind of row: read by another rule, the table's or another table's word, the rows in
        general ("records", «данные»), a stop word or a word of the schedule or the mode."""
        lower = word.lower
        return bool(
            request.is_handled(word.start)
            or lower in request.claimed
            or any(a <= word.start < b for a, b in request.schedule_spans)
            or lower in STOP_WORDS | NOT_A_NAME | heads.GENERIC_EN | _NO_KIND_EN
            or word.lemmas & heads.GENERIC_RU
            or any(lexicon_concepts(lemma, word.lang) for lemma in word.lemmas)
            or self.grounding._names_table(lower, table)
            or self.grounding._heads_comment(lower, table)
            or self.grounding._names_other_table(lower, table)
        )

    def _value_noun_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """ "candidates at the offer stage", "appointments in the online channel", "sales in the north
        region": a preposition, "the", a value and the noun of one text column -> that column's value (the
        English order of «на этапе offer»). The value names no column, table, system or schedule word."""
        for match in VALUE_BEFORE_NOUN.finditer(request.text):
            value, noun = match.group("value"), match.group("noun").lower()
            if any(a <= match.start() < b for a, b in request.schedule_spans) or noun in STOP_WORDS:
                continue
            if _spells_table(request, table, match):
                continue  # "the tracking events table": the table's name, no value 'tracking' (planner151)
            columns = [c for _, c in self.grounding._column_mentions(table, [noun])]
            column = table.column(columns[0]) if len(columns) == 1 else None
            if (
                column is None
                or not self._filterable(table, column)
                or table.column(noun)
                and noun != column.name
            ):
                continue
            # "through the terminal or post channels": a list of values before the plural noun (planner26)
            values = [v for v in re.split(r"\s*,\s*|\s+(?:or|and)\s+", value) if v]
            if not all(self._is_noun_value(request, table, column, v) for v in values):
                continue
            request.handled.append((match.start("value"), match.end("noun")))
            listed = {v.lower() for v in listed_values(column.comment)}
            unlisted = next((v for v in values if listed and v.lower() not in listed), None)
            if request.text[match.end("noun") :].lstrip().startswith("("):
                unlisted = None  # "the resolution kind (code 2)": the bracket says the value (planner136)
            if unlisted is not None:  # "the weekend zone" of 'Зона суток (day, night, peak)' (planner142)
                request.unsure.append(_which_value_question(request.language, column, unlisted))
                continue
            yield match.start("value"), column.name, _one_of(column.name, values)

    def _is_noun_value(self, request: Request, table: Table, column: Column, value: str) -> bool:
        """`value` before the noun of `column` is a value of it: no stop word, column, table or system."""
        lower = value.lower()
        # a value the column's own comment lists names that column ('sbp' of 'Канал оплаты (card, sbp, ...)')
        listed = lower in {v.lower() for v in listed_values(column.comment)}
        mentions = {name for _, name in self.grounding._column_mentions(table, [lower])}
        return not (
            not self._is_value(request, table, value)
            or lower in STOP_WORDS | NOT_A_NAME
            or (mentions and not (listed and mentions == {column.name}))
            or self.grounding._names_table(lower, table)
            or self.grounding._names_other_table(lower, table)
            or self._names_system(lower)
            or self._listed_elsewhere(table, column, value)
        )

    def _state_noun_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """«абонентов-льготников», «льготники-абоненты»: the table's noun glued by a hyphen to a noun that one
        boolean column's comment says ('Льготник (скидка по соцзащите)') -> that flag is true."""
        for match in HYPHEN_PAIR.finditer(request.text):
            pair = [next(iter(tokenize(part)), None) for part in match.group(0).split("-")]
            if len(pair) != 2 or None in pair:
                continue
            head = [t for t in tokenize(table.comment or "") if t.lang == "ru"][:1]
            for own, other in (pair, pair[::-1]):
                assert own is not None and other is not None
                named = self.grounding._names_table(own.lower, table) or bool(
                    head and head[0].lemmas & own.lemmas
                )
                if not named:
                    continue
                fused = flags.fused_negation(other)  # «клиентов-нерезидентов»: the state said not to hold
                columns = self.boolean_columns_of(table, fused or other)
                if len(columns) == 1:
                    request.handled.append(match.span())
                    yield match.start(), columns[0], f"{columns[0]} = {'false' if fused else 'true'}"
                    break

    def _role_noun_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """«льготников», «только льготники», «льготников (is_privileged)»: a noun that is the whole head of
        one boolean column's comment ('Льготник (скидка по соцзащите)', a comment of nouns only) names the
        rows whose flag is set: `is_privileged = true`; after «кроме»/«без» or before «не брать», false.
        A hyphen pair with the table's noun is read above."""
        head = [t.lemma for t in tokenize(table.comment or "") if t.lang == "ru"][:1]
        roles = [
            c
            for c in table.columns
            if "bool" in c.type.lower() and role_noun_of(c) is not None and [role_noun_of(c)] != head
        ]  # a flag named by the table's own noun says nothing about which rows
        if not roles:
            return
        tokens = [t for t in tokenize(request.text) if t.lang != "punct"]
        for k, token in enumerate(tokens):
            if token.lang != "ru" or request.is_handled(token.start) or "-" in token.text:
                continue
            fused = flags.fused_negation(token)  # «нерезидентов»: the role said not to hold
            named = [c.name for c in roles if flags.names_role(fused or token, role_noun_of(c) or "")]
            if len(named) != 1:
                continue
            i = request.token_at(token.start)
            negator = self._negator_before(request, i)
            after = self._negator_after(request, table, i + 1)
            linked = flags.negated_before(tokens, k)  # «не резиденты», «не являющихся резидентами»
            # «кроме льготников», «без льготников», «льготников не брать»; «кроме нерезидентов»: both
            span = request.spans[negator] if negator is not None else after
            if linked is not None and span is None:
                span = (tokens[linked].start, token.end)
            if span is not None:
                request.handled.append(span)
            # the role word itself is read: no later rule (planner97's head-noun value) asks it as a kind
            request.handled.append((token.start, token.end))
            negated = (span is not None) != (fused is not None)
            yield token.start, named[0], f"{named[0]} = {'false' if negated else 'true'}"

    def _subject_state_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """«с целой пломбой», «с нарушенной пломбой», "with a broken seal": an adjective or participle on
        the subject of one boolean column ('Пломба цела'; seal_ok) -> the flag's value. The comment's own
        state word («целой») is true, its negation («неповреждённой» is read as «не» + a negative word) and
        a negative word («нарушенной», "broken") false; any other adjective is left unread (asked). A negation
        before the adjective («без противоугонной системы», «у которых нет детского кресла» of 'Есть
        противоугонная система') turns the value around (planner59: it was lost, a confident wrong plan)."""
        tokens = [t for t in tokenize(request.text) if t.lang != "punct"]
        for k, (adjective, noun) in enumerate(zip(tokens, tokens[1:], strict=False)):
            bools = [c for c in table.columns if "bool" in c.type.lower() and self._subject_of(c, noun)]
            if len(bools) != 1 or adjective.lang != noun.lang:
                continue
            value = _state_value(adjective, bools[0])
            if value is None:
                continue
            # «кроме первых визитов» turns the state around as «не»/«без» do (planner168: is_first_visit =
            # true was planned, the rows the analyst left out)
            negator = flags.negated_before(tokens, k)
            if negator is None:
                negator = flags.excepted_before(tokens, k)
            if negator is not None:
                value = "false" if value == "true" else "true"
            request.handled.append((tokens[negator if negator is not None else k].start, noun.end))
            yield adjective.start, bools[0].name, f"{bools[0].name} = {value}"
        yield from self._subject_predicate_conditions(request, table, tokens)

    def _subject_predicate_conditions(
        self, request: Request, table: Table, tokens: list[Token]
    ) -> Iterable[tuple[int, str, str]]:
        """«где пломба нарушена», «у которых пломба цела», «пломба не нарушена»: the subject of one boolean
        column and a short-form predicate after it say the flag's value as the adjective before it does
        (marts129, mbd-ru-43: the clause was asked). Only a short form (PRTS/ADJS) is a predicate, so «пломба
        нарушенная …» is left to the other rules; a «не» before the predicate turns the value around."""
        for k, noun in enumerate(tokens[:-1]):
            if noun.lang != "ru" or request.is_handled(noun.start):
                continue
            bools = [c for c in table.columns if "bool" in c.type.lower() and self._subject_of(c, noun)]
            if len(bools) != 1:
                continue
            at = k + 2 if tokens[k + 1].lower == "не" and k + 2 < len(tokens) else k + 1
            predicate = tokens[at]
            if predicate.lang != "ru" or not predicate.parses or predicate.parses[0].pos not in _PREDICATES:
                continue
            value = _state_value(predicate, bools[0])
            if value is None:
                continue
            if at == k + 2:
                value = "false" if value == "true" else "true"
            request.handled.append((noun.start, predicate.end))
            yield noun.start, bools[0].name, f"{bools[0].name} = {value}"

    @staticmethod
    def _subject_of(column: Column, noun: Token) -> bool:
        """`noun` is what the boolean `column` is about: a noun of its comment beside a state word
        ('Пломба цела': «пломбой»), or in English a part of its name before ok/valid/intact (seal_ok)."""
        if noun.lang == "en":
            parts = name_parts(column.name)
            return (
                len(parts) == 2
                and parts[1] in ("ok", "valid", "intact")
                and stem(noun.lower) == stem(parts[0])
            )
        comment = [c for c in tokenize(column.comment or "") if c.lang == "ru"]
        states = state_words(comment)
        if states is comment or not noun.parses or noun.parses[0].pos != "NOUN":
            return False
        return any(c.lemmas & noun.lemmas for c in comment if c not in states)

    def _came_from_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """ "leads that came from ads or partner", «лиды, пришедшие из web»: where the rows came from is the
        table's one `source` column; Latin values joined by or/and/commas -> `source IN (...)`."""
        columns = [
            c.name
            for c in table.columns
            if stem("source") in name_parts(c.name) and self._filterable(table, c)
        ]
        if len(columns) != 1:
            return
        schemas = {
            t.schema.lower()
            for c in self.grounding._readable("postgres")
            for t in self.catalog.tables_of(c.conn_id)
        }
        for match in CAME_FROM.finditer(request.text):
            after = words(request.text[match.end() :])[:1]
            if after and (after[0] in SYSTEM_NOUNS or self._names_system(after[0])):
                # "came from the crm schema": a place of the data, no value; read, so no later rule asks
                # about the clause it stands in
                request.handled.append((match.start(), match.end()))
                continue
            if re.search(r"\bthe\s+$", request.text[match.start() : match.start("values")], re.IGNORECASE):
                continue  # "came from the website": a noun with its article describes, no value is named
            values, end = self._came_from_values(request, match)
            if values and all(self._names_system(v.lower()) or v.lower() in schemas for v in values):
                request.handled.append((match.start(), end))  # "came from crm": the schema, read as no value
                continue
            if not values or any(
                not self._is_value(request, table, v)
                or self._names_system(v.lower())
                or self.grounding._names_other_table(v.lower(), table)
                or self.grounding._column_mentions(table, [v.lower()])
                or v.lower() in schemas
                for v in values
            ):
                continue
            request.handled.append((match.start(), end))
            yield match.start(), columns[0], _one_of(columns[0], values)

    def _from_gloss_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """«лиды из рекламы или от партнёров (ads, partner)»: planning/from_gloss.py, on the table's one
        `source` column, as "came from" reads."""
        columns = [
            c for c in table.columns if stem("source") in name_parts(c.name) and self._filterable(table, c)
        ]
        if len(columns) != 1 or not _is_text(columns[0]):
            return
        schemas = {
            t.schema.lower()
            for c in self.grounding._readable("postgres")
            for t in self.catalog.tables_of(c.conn_id)
        }
        listed = {v.lower() for v in listed_values(columns[0].comment)}
        yield from from_list_conditions(
            request,
            columns[0].name,
            listed,
            lambda word: self._names_system(word) or word in schemas or table.column(word) is not None,
        )

    @staticmethod
    def _came_from_values(request: Request, match: re.Match[str]) -> tuple[list[str], int]:
        """The values of a "came from" list and where it ends: a comma before a word the schedule reads
        ("came from web or ads, hourly") closes the list instead of adding "hourly" to it."""
        values: list[str] = []
        end = match.start("values")
        for item in _CAME_FROM_ITEM.finditer(request.text, end, match.end("values")):
            if any(a <= item.start("value") < b for a, b in request.schedule_spans):
                break
            values.append(item.group("value"))
            end = item.end()
        return values, end

    def _plus_mark_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """«фильмы 16+», "movies rated 18+", «16+ и 18+»: a number with a plus sign that one column's comment
        lists ('Возрастной рейтинг (0+, 6+, 12+, 16+, 18+)') is that value; the word list drops the sign, so
        no other rule sees it, and it must not vanish. Marks joined by и/или/and/or/commas make a list."""
        marks = [m for m in _PLUS_MARK.finditer(request.text) if not request.is_handled(m.start())]
        if not marks:
            return
        columns = [
            c
            for c in table.columns
            if self._filterable(table, c) and any(v.endswith("+") for v in listed_values(c.comment))
        ]
        if len(columns) != 1:
            return
        name, listed = columns[0].name, listed_values(columns[0].comment)
        unlisted = [m.group(0) for m in marks if m.group(0) not in listed]
        if unlisted:  # «21+» where the comment lists up to 18+: asked, never dropped
            request.unsure.append(
                say(
                    request.language,
                    "planner.value_not_listed",
                    value=unlisted[0],
                    column=f"{table.qualified_name}.{name}",
                    values=", ".join(listed),
                )  # fmt: skip
            )
            return
        for mark in marks:
            request.handled.append(mark.span())
        yield marks[0].start(), name, _one_of(name, list(dict.fromkeys(m.group(0) for m in marks)))

    def _spelled_code_conditions(
        self, request: Request, table: Table, listed: dict[str, tuple[str, ...]]
    ) -> Iterable[tuple[int, str, str]]:
        """ "students on academic leave", "parcels in transit": a listed code of two or more parts
        (academic_leave, in_transit) written as words is that column's value; only when one code fits."""
        hits = []
        for name, values in listed.items():
            for value in values:
                parts = [p for p in re.split(r"[_\s-]+", value.lower()) if p]
                if not parts or not value.isascii():
                    continue
                # "no-shows": a code of several parts said as an English plural noun of the rows (planner105)
                plural = r"(?:e?s)?" if len(parts) > 1 else ""
                # "waiting for parts", "waiting on parts" of waiting_parts: the preposition a code leaves out
                spelled = r"[\s_-]+(?:(?:for|on|of)\s+)?".join(map(re.escape, parts)) + plural
                found = re.search(r"(?<![\w-])" + spelled + r"(?![\w-])", request.lower)
                if found and len(parts) == 1:  # "overdue charges": one word only before the table's noun
                    index = request.token_at(found.start())
                    nxt = request.tokens[index + 1] if index + 1 < len(request.tokens) else ""
                    if request.language != "en" or not self.grounding._names_table(nxt, table):
                        continue
                    if says_recent(self._token_of(request, index)):
                        continue  # "new claims": the new rows (as «только новые» alone), not status 'new'
                if found and not any(a <= found.start() < b for a, b in request.schedule_spans):
                    hits.append((found, name, value))
        for found, name, value in _lone_spelled_codes(hits):
            condition = self._spelled_code_condition(request, table, found, name, value)
            if condition:
                yield found.start(), name, condition

    def _spelled_code_condition(
        self, request: Request, table: Table, found: re.Match[str], name: str, value: str
    ) -> str | None:
        """The condition of code `value` of column `name` spelled as words at `found`: equal, or not equal
        when negated or excluded; None when a clause's negation leaves it unread (asked)."""
        index = request.token_at(found.start())
        if self._clause_negated(request, index):
            return None  # "reservations that haven't checked in": not the value, nor every other one: asked
        request.handled.append(found.span())
        if index and request.tokens[index - 1] in ("в", "во", "на", "in", "on"):
            index -= 1  # "not on academic leave": the negator stands before the preposition
        negator = self._negator_before(request, index)
        if negator is not None:
            request.handled.append(request.spans[negator])
            return self._negated(table, f"{name} = {_quote(value)}")
        if self._listed_with_excluded(request, index, request.token_at(found.end()) - 1):
            return self._negated(table, f"{name} = {_quote(value)}")
        return f"{name} = {_quote(value)}"

    def _listed_with_excluded(self, request: Request, index: int, last: int) -> bool:
        """Words `index`..`last` (a code said in parts, "no-show") are an item of a two-item English list
        whose exclusion cue stands before the first item ("excluding cancelled and no-show") or after the
        last ("no-show and cancelled excluded"): left out with the other item (marts94: the code was kept
        while its neighbour was left out)."""
        tokens = request.tokens
        if request.language != "en":
            return False
        if index >= 2 and tokens[index - 1] in ("and", "or"):
            if self._negator_before(request, index - 2) is not None:
                return True
        after = last + 3
        return (
            after < len(tokens)
            and tokens[last + 1] in ("and", "or")
            and _EXCLUDED_AFTER.match(request.lower, request.spans[after][0]) is not None
        )

    @staticmethod
    def _clause_negated(request: Request, index: int) -> bool:
        """Word `index` is the verb of an English relative clause negated before it ("that haven't checked
        in", "who have not checked in yet"): a listed code of a progression said not to be reached yet; the
        other values are not all "not yet" (checked_out is past checked_in), so no rule may plan it
        (planner88: the negation was lost and the value itself loaded)."""
        j = index - 1
        while j >= 0 and request.tokens[j] in CLAUSE_FILLERS and request.tokens[j] not in CLAUSE_NEGATORS:
            j -= 1
        if j < 0 or request.tokens[j] not in CLAUSE_NEGATORS or request.language != "en":
            return False
        while j >= 0 and request.tokens[j] in CLAUSE_NEGATORS | CLAUSE_FILLERS:
            j -= 1
        return j >= 0 and request.tokens[j] in ("that", "which", "who")

    def _comment_flag_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """«звонки в роуминге» ('Звонок в роуминге'), «тарифы не в архиве», «архивные тарифы», «только
        eSIM-ки» ('Электронная SIM (eSIM)'), "calls in roaming", "tariffs not archived": a word of one boolean
        column's comment or name (not of the table's own noun) is `flag = true`; after «не»/"not"/«без»,
        `flag = false` (planner22, flags.py)."""
        flag_words = flags.of_table(table)
        if not flag_words:
            return
        tokens = [t for t in tokenize(request.text) if t.lang != "punct"]
        read_at: dict[str, int] = {}  # flag -> the index of the word that said it
        for k, token in enumerate(tokens):
            if request.is_handled(token.start) or any(
                a <= token.start < b for a, b in request.schedule_spans
            ):
                continue
            named = self._flags_named(flag_words, token)  # "e-sim cards": the compound is the flag's word
            kind = None if named else self._compound_kind(table, token)
            if kind is not None:  # «аэропорты-хабы», "hub-airports": the word beside the table's noun
                named = self._flags_named(flag_words, kind)
            if not named:  # «только те, что работают»: 'Отель работает'
                named = [name for name, said in flag_words if flags.names_by_verb(tokens, k, said)]
            # «с просрочкой», «нет просрочки»: 'просрочен'; «где есть подозрение на мошенничество»
            cued = k and (tokens[k - 1].lower in STATE_NOUN_CUES or _cue_carried(request, tokens, k))
            if not named and cued:
                named = [name for name, said in flag_words if flags.names_state_noun(token, said)]
                named = named or self._flags_by_synonym(flag_words, token)  # «с задержкой»: is_late
            fused = flags.fused_negation(token) if not named else None
            if fused is not None:  # «неархивные тарифы»: the flag said not to hold
                named = [name for name, said in flag_words if flags.names_flag(fused, said)]
            negated_flags = flags.negated_of_table(table) if not named else ()
            opposite = [name for name, said in negated_flags if flags.names_negated_state(token, said)]
            absence = {stem(token.lower), *token.lemmas} & flags.ABSENCE_WORDS
            if not opposite and not named and absence:  # "the student was absent" of present
                opposite = self.opposite_flags_of(table, token)
            flipped = len(opposite) == 1  # «блюда из стоп-листа» of 'Доступно для заказа (не в стоп-листе)'
            named = opposite if flipped else named
            around = {tokens[j].lower for j in (k - 1, k + 1) if 0 <= j < len(tokens)}
            if len(named) != 1 or around & COLUMN_NOUNS:
                continue  # "only the present column": the column itself, not its rows
            if read_at.get(named[0]) == k - 2 and tokens[k - 1].lower in _FLAG_PHRASE_PREPOSITIONS:
                request.handled.append((token.start, token.end))
                continue  # «недоступные для заказа» ('Доступно для заказа'): the phrase's rest
            column = table.column(named[0])
            rest = flag_phrases.phrase_rest(column.comment or "", tokens, k) if column is not None else []
            if rest is None:
                continue  # «согласием на звонки»: not the flag's 'Согласие на SMS-рассылку'
            read_at[named[0]] = k
            if fused is not None:
                request.handled.append((token.start, token.end))
                yield token.start, named[0], f"{named[0]} = false"
                continue
            negator = flags.negated_before(tokens, k)
            if negator and tokens[negator - 1].lower in NEGATION_PARTICLES:
                continue  # «не без стерилизации»: two negations, left unread and asked (planner158)
            if negator is None:
                i = request.token_at(token.start)
                before = self._negator_before(request, i) if i < len(request.tokens) else None
                negator_span = request.spans[before] if before is not None else None
            else:
                negator_span = (tokens[negator].start, tokens[negator].end)
            negated = (negator_span is not None) != flipped
            end = token.end
            predicate = _english_predicate(tokens, k)  # "the seal is not intact", "the seal is broken"
            if predicate is not None:
                end, flips = tokens[predicate[0]].end, predicate[1]
                negated = negated != flips
            request.handled.append((negator_span[0] if negator_span else token.start, end))
            request.read_at.extend(w.start for w in rest)  # «согласием на смс»: read with the flag
            yield token.start, named[0], f"{named[0]} = {'false' if negated else 'true'}"

    def _in_table_comment(self, request: Request, table: Table, start: int, end: int) -> bool:
        """The word before `start` and the words from `start` to `end` follow each other, by lemma, in the
        table's comment («операции с милями» of 'Операции с милями (программа лояльности)'): they name the
        table, they say no condition (planner63)."""
        index = request.token_at(start)
        if index == 0 or index > len(request.spans):
            return False
        said = [t for t in tokenize(request.text[request.spans[index - 1][0] : end]) if t.lang != "punct"]
        comment = [t for t in tokenize(table.comment or "") if t.lang != "punct"]
        return any(
            all(a.lower == b.lower or a.lemmas & b.lemmas for a, b in zip(said, comment[k:], strict=False))
            for k in range(len(comment) - len(said) + 1)
        )

    def _compound_kind(self, table: Table, token: Token) -> Token | None:
        """«аэропорты-хабы», «пассажиров-VIP», "hub-airports": in a hyphenated compound of two words, one the
        table's own noun, the other word, which says which of its rows (planner63: the compound hid the flag
        word, so «аэропорты-хабы» was asked and «пассажиров-VIP» loaded every passenger). None for any other
        token, and for a compound the catalog writes itself («SIM-карты»: both words name the table)."""
        parts = token.text.split("-")
        if len(parts) != 2 or not all(parts):
            return None
        pair = [word for part in parts for word in tokenize(part)[:1]]
        if len(pair) != 2:
            return None
        own = set(name_parts(table.name)) | {stem(w) for w in words(table.comment or "")}
        # «звонки» of 'Детализация звонков (CDR)': a word of the table's comment names its rows too
        rows = [
            self._names_rows_or_head(table, word.lower) or bool(self.vocabulary.meanings(word.lower) & own)
            for word in pair
        ]
        return pair[rows.index(False)] if rows.count(True) == 1 else None

    def _unit_count_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """«долги без просрочки», "debts without delay" of a column counting units of that noun
        (overdue_days 'Дней просрочки'): none of them, `col = 0`; on a nullable column 0 or no value is
        asked. «кредиты с просрочкой», "loans with a delay": `col > 0`. A comparison after the noun («с
        просрочкой больше 90 дней») is read by the comparison rules."""
        for match in _COUNT_CUE.finditer(request.lower):
            if any(a <= match.start() < b for a, b in request.schedule_spans) or request.is_handled(
                match.start()
            ):
                continue
            named = self.grounding._columns_in(table, match.group("word"))
            columns = [n for n in named if counts_units(table.column(n) or Column(n, "text"))]
            if _COMPARED_NEXT.match(request.lower, match.end()):
                continue
            if len(columns) == 1 and _COMPARED_NEXT.match(
                request.lower, _comment_words_end(request, table.column(columns[0]), match.end())
            ):
                continue  # «с числом продлений не меньше двух»: the comparison after the comment's words
            if self._in_table_comment(request, table, match.start(), match.end()):
                continue  # «операции с милями» of 'Операции с милями (...)': the table's name, no condition
            if len(columns) != 1:
                if self._counted_by(table, match.group("word")):  # "loans with a delay": status 'overdue'
                    phrase = request.text[match.start() : match.end()]  # or overdue_days? asked
                    request.unsure.append(unread_clause_question(request.language, table, phrase))
                continue
            column = table.column(columns[0]) or Column(columns[0], "int")
            request.handled.append(match.span())
            states = [
                (c.name, v)
                for c in table.columns
                if _is_text(c)
                for v in listed_values(c.comment)
                if column.name in self._counters_of_value(table, v)
            ]
            with_some = match.group("cue") in ("с", "со", "есть", "with")  # «по которым есть просрочка»
            if with_some and len(states) == 1:  # «кредиты с просрочкой»: overdue_days > 0 or the status?
                phrase = request.text[match.start() : match.end()]
                column_name, value = states[0]
                request.unsure.append(
                    say(
                        request.language,
                        "planner.state_or_count",
                        phrase=phrase,
                        column=column_name,
                        value=value,
                        counter=column.name,
                        table=table.qualified_name,
                    )
                )
                continue
            if with_some:
                yield match.start(), column.name, f"{column.name} > 0"
            elif not column.nullable:
                yield match.start(), column.name, f"{column.name} = 0"
            else:
                phrase = request.text[match.start() : match.end()]
                name = f"{table.qualified_name}.{column.name}"
                request.unsure.append(
                    say(request.language, "planner.zero_or_null", phrase=phrase, column=name)
                )

    def _counted_by(self, table: Table, word: str) -> list[str]:
        """The columns counting units of `word` by their name or comment, even when another column's words
        name it too (status 'Статус (active, overdue, ...)' beside overdue_days)."""
        meanings = self.vocabulary.meanings(word)
        return [
            c.name
            for c in table.columns
            if counts_units(c) and meanings & (set(name_parts(c.name)) | _comment_stems(c.comment or ""))
        ]

    def names_unit_count(self, table: Table, word: str) -> bool:
        """`word` names one column counting units of it (overdue_days 'Дней просрочки'), so after «без» it
        says which rows, not which column to leave out."""
        counted = [
            n
            for n in self.grounding._columns_in(table, word)
            if counts_units(table.column(n) or Column(n, "text"))
        ]
        return len(counted) == 1

    def _bracketed_flag_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """«счётчики (is_smart)», «курьеры (is_active) в клик»: a boolean column's bare name in brackets after
        the words naming the rows is `flag = true`; after «кроме»/«без» or before «не брать», false. After a
        column noun («колонку (is_smart) не грузить») it is the column, not rows."""
        for bracket in BARE_NAME_IN_BRACKETS.finditer(request.text):
            column = table.column(bracket.group(1))
            if column is None or "bool" not in column.type.lower() or request.is_handled(bracket.start(1)):
                continue
            i = request.token_at(bracket.start(1))
            if i == 0 or i >= len(request.tokens) or request.tokens[i - 1] in COLUMN_NOUNS:
                continue
            negated = self._negator_before(request, i - 1, table) is not None
            negated = negated or self._negator_after(request, table, i + 1) is not None
            yield bracket.start(1), column.name, f"{column.name} = {'false' if negated else 'true'}"

    def _flags_named(self, flag_words: tuple[tuple[str, flags.FlagWords], ...], token: Token) -> list[str]:
        """The boolean columns `token` names by a flag word, or (English) by a glossary synonym of a part of
        the column's name ("delay", "delayed" of is_late)."""
        named = [name for name, said in flag_words if flags.names_flag(token, said)]
        if named or token.lang != "en":
            return named
        return self._flags_by_synonym(flag_words, token)

    def _flags_by_synonym(
        self, flag_words: tuple[tuple[str, flags.FlagWords], ...], token: Token
    ) -> list[str]:
        """The boolean columns a glossary synonym of `token` names by a part of their name ("delayed",
        «задержка» of is_late)."""
        meanings = self.vocabulary.meanings(token.lower) - {stem(token.lower)}
        return [name for name, said in flag_words if meanings & said.parts]

    def names_one_listed_value(self, table: Table, word: str) -> bool:
        """`word` means exactly one value a column's comment lists («закрытых» of 'Статус (active, closed)'),
        so after «кроме»/«без» it says which rows, not which column to leave out (planner32)."""
        token = next(iter(tokenize(word)), None)
        if token is None or token.lang != "ru" or table.column(word.lower()):
            return False
        listed = {c.name: listed_values(c.comment) for c in table.columns if self._filterable(table, c)}
        return (
            len(_listed_value_hits(token, {name: values for name, values in listed.items() if values})) == 1
        )

    def names_one_flag(self, table: Table, word: str) -> bool:
        """`word` is a word of exactly one boolean column's comment or name («роуминга», "eSIM"), so after
        «без»/"except" it says which rows, not which column to leave out (planner22)."""
        token = next(iter(tokenize(word)), None)
        if token is None or table.column(word.lower()):
            return False
        named = self._flags_named(flags.of_table(table), token)
        if not named:  # «без просрочки» of 'Платёж просрочен': the state's noun (planner28)
            named = [n for n, said in flags.of_table(table) if flags.names_state_noun(token, said)]
        if not named:  # «без задержки» of is_late: the noun «с задержкой» names the flag by (round 69)
            named = self._flags_by_synonym(flags.of_table(table), token)
        return len(named) == 1

    def _cued_state_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """«только отчисленные», «кроме отчисленных», "except the expelled ones": a participle after
        only/except standing for the rows names the event of a time column (its comment or name): only ->
        IS NOT NULL, except -> IS NULL. Several such columns: asked about."""
        tokens = [t for t in tokenize(request.text) if t.lang != "punct"]

        def stated(word: Token) -> bool:  # "present only": an English word naming a boolean column too
            flag = word.lang == "en" and bool(self.boolean_columns_of(table, word))
            return self.is_state_word(word) or flag

        negated_ones = _negated_english_ones(request.text, tokens)
        for i, cue in enumerate(tokens):
            # «нет даты расторжения», «даты расторжения нет»: the date is absent, as «без даты расторжения»
            dated = i + 1 < len(tokens) and tokens[i + 1].lower in EVENT_DATE_NOUNS and cue.lower == "нет"
            postfix = cue.lower in EVENT_DATE_NOUNS and i + 2 < len(tokens) and tokens[i + 2].lower == "нет"
            # "the finished ones are not needed": read as "except the finished ones"
            negation_span = negated_ones.get(i)
            if cue.lower not in STATE_CUES and not (dated or postfix or negation_span):
                continue
            if continues_column_list(request.lower, cue.start):
                continue  # «без колонки email и без даты рождения»: a column left out, not rows
            kind = "без" if dated or postfix else "except" if negation_span else cue.lower
            j = i if postfix or negation_span else i + 1
            while j < len(tokens) - 1 and tokens[j].lower in ("the", "those", "тех", "всех", "все"):
                j += 1
            if cue.lower in ("only", "just") and i > 0 and (j >= len(tokens) or not stated(tokens[j])):
                # "privileged ones only", "active rows only": the English cue after its word
                j = i - 1 - (i > 1 and tokens[i - 1].lower in ("ones", "rows", "records", "one"))
                if tokens[j].lang != "en" or not stated(tokens[j]):
                    continue
                if request.is_handled(tokens[j].start):
                    continue  # "broken seals only": «broken seals» read (seal_ok = false); «seals» no more
            elif j >= len(tokens):
                continue
            word = tokens[j]
            if j + 1 < len(tokens) and tokens[j + 1].lower in COLUMN_NOUNS:
                continue  # "only the present column": the column list, not the rows
            date_said = kind in ("без", "without") and j < len(tokens) - 1 and word.lower in EVENT_DATE_NOUNS
            if date_said and _right_after_schedule(request, cue.start):
                # «билеты ежедневно без времени возврата»: the column left out, no rows (planner67); its words
                # are no listed value either («возврата» of 'refunded'). A table with no such column is asked
                # (planner71: airline tickets had it read as status = 'refunded', the opposite)
                named = self.grounding._word_column(table, [word.lower, tokens[j + 1].lower], False)
                if named is not None and named[1] == 2:
                    request.handled.append((cue.start, tokens[j + 1].end))
                else:
                    request.state_clauses.append((cue.start, tokens[j + 1].end))
                continue
            if date_said:
                word = tokens[j + 1]  # «без даты увольнения», "without a fire date" read as «без увольнения»
            event_noun = kind in ("без", "without") and word.lang == "ru" and word.parses[:1] != []
            event_noun = event_noun and word.parses[0].pos == "NOUN" and word.parses[0].case == "gent"
            if not (stated(word) or event_noun) or (status_word(word.lower)[0] and state_column(table)):
                continue  # «только оплаченные счета»: the status rule reads it
            if _status_value_named(request, table, word) or _status_value_in_brackets(request, table, word):
                continue  # "status closed only", «кроме ушедших (churned)»: the status rule reads it
            if _listed_beside_status_value(request, table, word):
                continue  # «кроме аннулированных и черновиков»: a list of status values, read as one
            columns = self._event_columns_of(table, word)
            negated = kind in ("кроме", "без", "except", "excluding", "without", "исключением")
            if columns and word.lang == "en" and (said := _flags_reading_english(table, word)):
                if len(said) == 1:  # "only the published ones": is_public, as «только опубликованные» reads:
                    request.handled.append((cue.start, word.end))  # the comment's verb names the flag
                    if negation_span is not None:
                        request.handled.append(negation_span)
                    yield word.start, said[0], f"{said[0]} = {'false' if negated else 'true'}"
                    continue
                else:
                    span = (min(cue.start, word.start), max(cue.end, word.end))
                    self._ask_flag_or_event(request, table, span, said, columns)
                    continue
            if negation_span is not None:
                if not columns:
                    continue  # a flag or a status value: the negation rules read "the X ones are not needed"
                request.handled.append(negation_span)  # the rows left out here, never turned around again
            flags = [] if columns else self.boolean_columns_of(table, word)
            opposite = [] if columns or flags else self.opposite_flags_of(table, word)
            if len(opposite) == 1:  # «кроме уволенных» of 'Работает сейчас' -> is_active = true
                request.handled.append((cue.start, word.end))
                yield word.start, opposite[0], f"{opposite[0]} = {'true' if negated else 'false'}"
            elif negated and not columns and not flags and self._unread_participle(request, word):
                request.state_clauses.append((cue.start, word.end))  # «кроме уволенных»: asked, never dropped
            if len(flags) == 1:  # «только присутствовавших» -> present = true
                request.handled.append((cue.start, word.end))
                yield word.start, flags[0], f"{flags[0]} = {'false' if negated else 'true'}"
            elif len(columns) == 1:
                request.handled.append((cue.start, tokens[i + 2].end if postfix else word.end))
                if not (dated or postfix or date_said):  # «нет/без даты расторжения»: the date is named
                    value = self._ask_if_status_may_hold(request, table, word, columns[0])
                    if value is not None:  # «без ушедших»: status other than 'churned' (planner85)
                        condition = f"{state_name(table)} = {_quote(value)}"
                        reading = str(self._negated(table, condition)) if negated else condition
                        yield word.start, state_name(table), reading
                        continue
                yield word.start, columns[0], f"{columns[0]} IS {'NULL' if negated else 'NOT NULL'}"
            elif len(columns) > 1:
                request.state_clauses.append((cue.start, word.end))

    def _adjective_genitive_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """«пациентов женского пола», «сотрудников мужского пола»: an adjective and a genitive noun that names
        one column (by its name, comment or GENITIVE_COLUMNS) -> the value the column comment lists for the
        adjective (by lemma or ADJECTIVE_VALUES); no such value: asked, never every row."""
        tokens = [t for t in tokenize(request.text) if t.lang != "punct"]
        for k, (adj, noun) in enumerate(zip(tokens, tokens[1:], strict=False)):
            if adj.lang != "ru" or noun.lang != "ru" or not adj.parses or not noun.parses:
                continue
            # planner140: «на третьем этаже» of floor: an ordinal and its noun in the locative after «на»/«в»
            place = adj.ordinal and k > 0 and tokens[k - 1].lower in ("на", "в")
            case = "loct" if place and adj.parses[0].case == "loct" else "gent"
            if adj.parses[0].pos != "ADJF" or adj.parses[0].case != case or noun.parses[0].case != case:
                continue
            if any(a <= noun.start < b for a, b in request.schedule_spans):
                continue
            own = [t for t in tokenize(table.comment or "") if t.lang == "ru"]
            if any(t.lemmas & noun.lemmas for t in own):
                continue  # «результаты лабораторных анализов»: the table's own name goes on
            names = {n for lemma in noun.lemmas for n in GENITIVE_COLUMNS.get(lemma, ())}
            if case == "loct":  # «этаже» of floor by the glossary, a number column only
                names = set(self.vocabulary.meanings(noun.lower))
            columns = [
                c
                for c in table.columns
                if (self._filterable(table, c) or (adj.ordinal and _is_number_column(c)))
                and (case == "gent" or _is_number_column(c))
                and (c.name in names or self._comment_head_is(c, noun))
            ]
            if len(columns) != 1:
                continue
            column = columns[0]
            if adj.ordinal and adj.number is not None and _is_number_column(column):
                if case == "loct":  # the place's «на»/«в» read with it
                    request.handled.append((tokens[k - 1].start, noun.end))
                yield adj.start, column.name, f"{column.name} = {adj.number}"  # «первого семестра»
                continue
            meanings = {m for lemma in _adjective_lemmas(adj) for m in ADJECTIVE_VALUES.get(lemma, ())}
            listed = listed_values(column.comment)
            if _names_column_before_value(adj, tokens[k + 2 : k + 3], column, listed):
                continue  # «карты платёжной системы mir»: the column's own name, then its value (planner156)
            values = [
                v
                for v in listed
                if v.lower() in meanings or (not v.isascii() and adj.has(_value_lemmas(v, listed)))
            ]
            # «золотого уровня», «премиального сегмента»: by the adjective's meaning (VALUE_MEANINGS)
            values = values or sorted(v for _, v in _listed_value_hits(adj, {column.name: listed}))
            values = values if len(values) == 1 else _bracketed_listed_value(request.text, noun.end, column)
            if len(values) == 1:
                if adj.ordinal:  # «второй категории» of 'first, second': the value's number, not a count
                    request.handled.append((adj.start, noun.end))
                yield adj.start, column.name, f"{column.name} = {_quote(values[0])}"
            elif re.match(rf"\s*\(\s*{re.escape(column.name)}\b", request.text[noun.end :], re.IGNORECASE):
                continue  # «ночной зоны (zone = night)»: the bracket says the value; its own rule reads it
            else:
                phrase = request.text[adj.start : noun.end]
                request.unsure.append(_which_value_question(request.language, column, phrase))
                yield adj.start, column.name, f"{column.name} IS NOT NULL"  # never used: asked about

    def _ordinal_conditions(self, request: Request, table: Table, _: bool) -> Iterable[tuple[int, str, str]]:
        """ "second-semester courses", "courses of the second semester": an English ordinal before a word
        naming one number column -> `column = n`; the word names several columns: asked, never every row."""
        tokens = [t for t in tokenize(request.text) if t.lang == "en"]
        for k, word in enumerate(tokens):
            number, noun = (
                word.number if word.ordinal else None,
                tokens[k + 1].lower if k + 1 < len(tokens) else "",
            )
            if "-" in word.lower:  # "second-semester" is one word
                head, _dash, noun = word.lower.partition("-")
                number = EN_ORDINALS.get(head)
            if number is None or not noun or any(a <= word.start < b for a, b in request.schedule_spans):
                continue
            columns = [table.column(name) for _, name in self.grounding._column_mentions(table, [noun])]
            numbers = [c for c in columns if c is not None and _is_number_column(c)]
            if len(numbers) == 1 and len(columns) == 1:
                yield word.start, numbers[0].name, f"{numbers[0].name} = {number}"
            elif numbers:
                request.unsure.append(_which_value_question(request.language, numbers[0], noun))

    def _numbered_reference_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """ "employees of department 5", «сотрудники отдела 5», «из отдела № 7»: the noun of the table a
        one-column foreign key references, then a whole number: that key equals the number (the referenced
        row's id). The noun of another table with no such key is asked about, never dropped."""
        for match in NUMBERED_REFERENCE.finditer(request.lower):
            if any(a <= match.start("n") < b for a, b in request.schedule_spans):
                continue
            word = match.group("word")
            if not self.grounding._names_other_table(word, table):
                continue
            keys = [
                fk.columns[0]
                for fk in table.foreign_keys
                if len(fk.columns) == 1
                and (ref := self._table_named(fk.ref_table)) is not None
                and self.grounding._names_table(word, ref)
                and not any({"number", "code", "no", "num"} & set(c.name.split("_")) for c in ref.columns)
            ]  # a table with its own number or code column («отдел 5» = code 5?) is asked about
            if len(keys) == 1:
                yield match.start(), keys[0], f"{keys[0]} = {int(match.group('n'))}"
            else:
                request.state_clauses.append((match.start(), match.end()))

    def _table_named(self, qualified: str) -> Table | None:
        return next(
            (t for ts in self.catalog.tables.values() for t in ts if t.qualified_name == qualified), None
        )

    def _comment_head_is(self, column: Column, noun: Token) -> bool:
        """The column comment's first noun is `noun` ('Пол пациента' for «пола», 'Квалификационная категория'
        for «категории»: the adjectives before it qualify it, planner137)."""
        words = [t for t in tokenize(column.comment or "") if t.lang == "ru"]
        head = next((t for t in words if t.parses and t.parses[0].pos != "ADJF"), None)
        return head is not None and bool(head.lemmas & noun.lemmas)

    def is_state_word(self, word: Token) -> bool:
        """A participle or adjective of an event («отчисленные», «уволенных», "expelled"), not a noun."""
        if word.lang == "ru":
            return any(p.pos in ("PRTF", "PRTS", "ADJF") for p in word.parses[:2])
        return word.lang == "en" and word.lower.endswith("ed") and len(word.lower) > 4

    def _unread_participle(self, request: Request, word: Token) -> bool:
        """A participle of an event («уволенных», "dismissed") no rule read and outside the schedule: after
        «кроме»/"except" it says which rows («без персональных данных», «кроме выходных» are no event)."""
        if request.is_handled(word.start) or any(a <= word.start < b for a, b in request.schedule_spans):
            return False
        if word.lang == "ru":
            return bool(word.parses) and word.parses[0].pos in ("PRTF", "PRTS")
        return self.is_state_word(word)

    def opposite_flags_of(self, table: Table, word: Token) -> list[str]:
        """Boolean columns whose comment or name states what `word` ends (OPPOSITE_STATES): «уволенных»,
        "fired" -> is_active ('Работает сейчас'); the rows `word` names have the flag false."""
        said = word.lemmas if word.lang == "ru" else {stem(word.lower)}
        opposite = {o for key in said for o in OPPOSITE_STATES.get(key, ())}
        if not opposite:
            return []
        return [c.name for c in table.columns if "bool" in c.type.lower() and state_names(c) & opposite]

    @staticmethod
    def ended_event_columns(table: Table, word: Token) -> list[str]:
        """Event time columns whose event ends the state `word` says, OPPOSITE_STATES read the other way:
        «работающих», "working", "employed" of employees with fired_at (firing ends working); the rows in
        that state have the column NULL. Only a participle or an adjective says a state («работа» no)."""
        if word.lang == "ru" and not any(p.pos in ("PRTF", "ADJF") for p in word.parses[:1]):
            return []
        if word.lang == "en" and not word.lower.endswith(("ing", "ed")):
            return []
        said = word.lemmas if word.lang == "ru" else {stem(word.lower)}
        found = []
        for column in table.columns:
            if not _is_event_column(column) or column.name.startswith(("created", "updated")):
                continue
            event = name_parts(column.name)[:1]
            if {o for key in event for o in OPPOSITE_STATES.get(key, ())} & said:
                found.append(column.name)
        return found

    def _no_event_yet_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """ "surveys without an answer yet", "loans with no return yet": "yet" after the event's noun says the
        rows the event has not happened to, so the one time column of that event is empty (`answered_at IS
        NULL`); without "yet" the words may leave the column out and are asked (planner150: "without an
        answer yet" was dropped, every survey loaded)."""
        if request.language != "en":
            return
        tokens = [t for t in tokenize(request.text) if t.lang != "punct"]
        for k, cue in enumerate(tokens[:-2]):
            opener = cue.lower == "without" or (cue.lower == "with" and tokens[k + 1].lower == "no")
            if not opener:
                continue
            n = k + (2 if cue.lower == "with" else 1)
            n += int(n < len(tokens) and tokens[n].lower in ("a", "an", "any"))
            if n + 1 >= len(tokens) or tokens[n + 1].lower != "yet":
                continue
            columns = self._event_columns_of(table, tokens[n])
            if len(columns) != 1:
                continue
            request.handled.append((cue.start, tokens[n + 1].end))
            yield cue.start, columns[0], f"{columns[0]} IS NULL"

    def _have_clause_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """«у которых есть паспорт», «у кого нет чипа», "that have a chip", "who have no passport": a relative
        clause of having whose words up to the clause's end name one nullable text column (by its comment:
        «чип» of 'Номер чипа') says the rows where it is filled in or empty (`_null_check`); a number or a
        yes/no column is left to the other rules (a debt of 0 is no «нет долга» by NULL) (planner154)."""
        tokens = [t for t in tokenize(request.text) if t.lang != "punct"]
        for k, cue in enumerate(tokens[:-2]):
            at = _have_clause_at(tokens, k)
            if at is None:
                continue
            missing, n = at
            phrase: list[Token] = []
            for word in tokens[n : n + 3]:
                if _HAVE_CLAUSE_END.search(
                    request.text[(phrase[-1] if phrase else tokens[n - 1]).end : word.start]
                ):
                    break
                phrase.append(word)
            names = {name for _, name in self.grounding._column_mentions(table, [w.lower for w in phrase])}
            column = table.column(next(iter(names))) if len(names) == 1 else None
            if column is None or not column.nullable or not _is_text(column) or not phrase:
                continue
            request.handled.append((cue.start, phrase[-1].end))
            yield cue.start, column.name, _null_check(table, column.name, missing, null_only=False)

    def _event_columns_of(self, table: Table, verb: Token) -> list[str]:
        """Nullable time columns (not the creation or update time) whose comment has a word of the verb's
        lemma or stem, or whose name starts with the verb's stem (returned -> returned_at)."""
        own = stem(verb.lower)
        found = []
        for column in table.columns:
            kind = column.type.lower()
            if not ("time" in kind or "date" in kind) or not column.nullable or _time_of_day(column):
                continue
            if column.name in ("created_at", "updated_at") or column.name.startswith(("created", "updated")):
                continue
            comment = [c for c in tokenize(column.comment or "") if c.lang == verb.lang]
            lemma_hit = any(c.lemmas & verb.lemmas for c in comment if c.lang == "ru")
            stem_hit = any(_same_root(stem(c.lower), own) for c in comment)  # выселились ~ выселения
            # «закрытые» and closed_on ('Дата погашения'): the column's English name says the same state
            named = {own} | self.vocabulary.meanings(verb.lower) | value_meanings(verb)
            name_hit = name_parts(column.name)[0] in named
            if lemma_hit or stem_hit or name_hit:
                found.append(column.name)
        # «вернули» in 'Когда книгу вернули' and 'Вернуть до': the same word form decides
        comments = {n: (col.comment if (col := table.column(n)) else None) or "" for n in found}
        exact = [n for n in found if verb.lower in {c.lower for c in tokenize(comments[n])}]
        return exact if len(found) > 1 and len(exact) == 1 else found

    def _row_noun_at(self, request: Request, table: Table, index: int) -> bool:
        """Word `index` says rows: "rows", "записи" or the table's own noun ("test orders")."""
        if index >= len(request.tokens):
            return False
        token = request.tokens[index]
        if re.fullmatch(ROW_NOUNS, token) or self.grounding._names_table(token, table):
            return True
        head = words(table.comment or "")[:1]  # 'Студенты (контингент)': the comment's head noun
        if head and self.vocabulary.meanings(token) & self.vocabulary.meanings(head[0]):
            return True
        if head and stem(head[0]) in comment_jargon(token):  # "refuelings" of 'Заправки …' (planner128)
            return True
        # 'Банковские счета клиентов': an adjective first, the head is the first noun («закрытые счета»)
        return bool(_head_noun(table.comment or "") & {p.lemma for p in analyse(token) if p.pos == "NOUN"})

    def _negator_after(self, request: Request, table: Table, index: int) -> tuple[int, int] | None:
        """Span of a negating verb after word `index` and the row nouns there: "тестовые строки убрать",
        "отменённые заказы не грузить", "failed ones excluded" (not past a comma: "оплаченные заказы,
        пропускать строки, где ...")."""
        while index < len(request.tokens) and (
            self._row_noun_at(request, table, index) or request.tokens[index] in ROW_PRONOUNS_EN
        ):
            index += 1
        if index >= len(request.tokens) or self._starts_clause(request, index):
            return None
        at = request.spans[index][0]
        match = NEGATING_VERB.match(request.lower, at) or _EXCLUDED_AFTER.match(request.lower, at)
        return match.span() if match else None

    @staticmethod
    def _not_shown_after(request: Request, index: int) -> tuple[int, int] | None:
        """Span of a negated verb of showing right after word `index`: «тестовые не показывать», "test ones
        not shown" — rows not shown are rows left out (wc108), as «не нужны» are (planner109)."""
        while index < len(request.tokens) and request.tokens[index] in ROW_PRONOUNS_EN | {"rows", "records"}:
            index += 1
        if index >= len(request.tokens):
            return None
        match = NOT_SHOWN_AFTER.match(request.lower, request.spans[index][0])
        return match.span() if match else None

    def _negator_before(self, request: Request, index: int, table: Table | None = None) -> int | None:
        """Index of a negating word right before word `index` ("except the cancelled ones"); with a table,
        its own noun may come between ("кроме клиентов из Москвы", "without customers from Berlin")."""
        for back in (1, 2, 3) if table else (1, 2):
            before = index - back
            if before < 0:
                return None
            token = request.tokens[before]
            if token in NEGATORS or token == "out" and before and request.tokens[before - 1] in _LEAVE:
                return before  # "leave out the lost ones": the phrasal verb's particle
            if token == "t" and before and request.tokens[before - 1] in _CLAUSE_NEGATORS_EN:
                return before  # planner144: "that haven't been cancelled", "weren't approved": the n't
            noun = table is not None and self._row_noun_at(request, table, before)
            if (
                token not in {"the", "all", "все", "those", "any", "тех", "for", "been", "уже", "already"}
                and not noun
            ):
                return None
        return None

    def _negator_before_located(self, request: Request, table: Table, index: int) -> int | None:
        """Index of the exception word of «кроме номеров на обслуживании», "except rooms under maintenance":
        value word `index` in a place phrase right after the noun of the rows left out (any noun: «номеров»
        of 'Номерной фонд' is no row noun the table's words know), that noun right after the exception
        word."""
        if index < 3 or request.tokens[index - 1] not in _STATE_PREPOSITIONS:
            return None
        noun = index - 2
        token = request.tokens[noun]
        if not (self._row_noun_at(request, table, noun) or any(p.pos == "NOUN" for p in analyse(token))):
            return None
        return self._negator_before(request, noun)

    def _negator_before_list(self, request: Request, index: int) -> int | None:
        """Index of the exception word before the first item of a list that word `index` ends: «кроме
        утерянных и повреждённых», "except lost or damaged" (any rule may have read the first item)."""
        first = _those_item_start(request, index)  # «кроме закрытых и тех, что на обслуживании» (planner171)
        if first != index:  # «тех, что»: the item's pronoun and relative word, read with its state
            request.handled.append((request.spans[first][0], request.spans[first + 1][1]))
        while first >= 2 and request.tokens[first - 1] in _LIST_JOINERS:
            first = _glossed_word(request, first - 2)  # «кроме закрытых (done) и отменённых» (planner171)
        if first == index:
            return None
        negator = self._negator_before(request, first)
        if negator == first - 1 and state_verbs.says_not_done(request.tokens[first]):
            return None  # «не пришёл или отменил»: «не пришёл» is one state (no_show); its «не» stops there
        return negator

    def _kind_noun_before_values(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """«Залы формата imax и vip», "halls of the imax format": a kind noun (_KIND_NOUNS) beside values one
        column of the table lists says which kind the values are, so it is read with them (the values are read
        by the value rules, a single one here); a value no column lists («формата dolby») leaves the noun
        unread, asked."""
        words = [t for t in tokenize(request.text) if t.lang != "punct"]
        for k, word in enumerate(words):
            kind = bool(word.lemmas & _KIND_NOUNS or word.lower in _KIND_NOUNS)
            level = bool(word.lemmas & _LEVEL_NOUNS or word.lower in _LEVEL_NOUNS)
            # «не уровня junior», «кроме уровня junior»: a level said not to hold is left to the rules that
            # read the negation, or asked (planner158: read here it was grade = 'junior')
            level = level and not (k and words[k - 1].lower in NEGATION_PARTICLES | STATE_CUES)
            if not (kind or level) or request.is_handled(word.start):
                continue
            beside = words[k + 1] if word.lang == "ru" and k + 1 < len(words) else words[k - 1] if k else None
            if beside is None:
                continue
            listing = [
                (c, v) for c in table.columns for v in listed_values(c.comment) if v.lower() == beside.lower
            ]
            if len(listing) == 1 and (kind and _is_kind(listing[0][0]) or level and _is_level(listing[0][0])):
                request.handled.append((word.start, word.end))
                yield beside.start, listing[0][0].name, f"{listing[0][0].name} = {_quote(listing[0][1])}"

    def _column_word_before_its_value(self, request: Request, table: Table, column: Column, at: int) -> bool:
        """Word `at` names another column of `table` and a value that column lists follows it («обращения
        в поддержку категории sim»: «категории» of 'Категория (billing, network, sim, ...)'): the word says
        which column the next value is of; it is no value of `column` (operator_name 'ФИО оператора
        поддержки')."""
        if at + 1 >= len(request.tokens):
            return False
        following = request.tokens[at + 1].lower()
        for name in self.grounding._columns_in(table, request.tokens[at]):
            other = table.column(name)
            if name != column.name and other is not None:
                if following in {v.lower() for v in listed_values(other.comment)}:
                    return True
        return False

    def _value_conditions(self, request: Request, table: Table, _: bool) -> Iterable[tuple[int, str, str]]:
        for i, column in self._column_values(request, table):
            if request.is_handled(request.spans[i][0]):
                continue  # «login не нужен», "region column not needed": a column left out, no value
            if self._participle_of_means(request, table, i):
                continue  # «оплаченные наличными»: the means is the payment method's value, no status word
            if request.tokens[i] in {v.lower() for v in listed_values(column.comment)} and (
                i + 1 < len(request.tokens)
                and (
                    request.tokens[i + 1] in _NOUNS_OF_VALUE_ROWS_EN
                    or self._row_noun_at(request, table, i + 1)
                    # "cancelled classes" of group_classes: the last part of the table's name
                    or stem(request.tokens[i + 1]) == name_parts(table.name)[-1]
                )
            ):
                continue  # "sick days", "absent ones": a listed value before the rows' noun, no column word
            if request.tokens[i] in {v.lower() for v in listed_values(column.comment)} and (
                i + 1 < len(request.tokens) and request.tokens[i + 1] in RELATIVE_PRONOUNS
            ):
                continue  # "jobs for tires that are open": the listed value, then a clause (planner130)
            if self._column_word_before_its_value(request, table, column, i + 1):
                continue  # «в поддержку категории sim»: «категории» is category's word, no name (planner159)
            value: str | None = self.whole_value(request, i + 1)
            if _plain_word_for_number(request.tokens[i], column, str(value)):
                continue  # "online orders, unpaid only": the rows' noun, no order number 'unpaid' (marts122)
            glossed = glossing_code(request, i + 1, self.vocabulary.meanings)
            if glossed is not None:  # «события покупок (purchase)»: the code the word glosses is the value
                value = glossed
            if _russian_cause(request, column, i, value):
                continue  # «по причине брака»: a cause in words, asked (planner151: was `reason = 'брака'`)
            if str(value).lower() in NEGATION_PARTICLES | BE_WORDS or _event_of_time_noun(request, i):
                continue  # «валюту не отдавать», "region not needed", "refunds are not needed": never a value
            if _EXCLUDED_AFTER.match(request.lower, request.spans[i + 1][0]):
                continue  # "cancelled excluded": a value left out (the status rule), no value 'excluded'
            if self._refresh_word(request, i + 1):
                continue  # «(ward), апдейт каждый час», "(ward), refresh hourly": the schedule's noun
            if self.grounding._generic_head_of_genitive(
                table, request.tokens, i, len(request.tokens), (column.name, 1), False
            ):
                continue  # «по номеру телефона»: the number of another column (phone), no value 'телефона'
            if i + 1 < len(request.tokens) and self.grounding._table_possessor_width(request, table, i + 1):
                continue  # «по госномеру машины» of cars: whose column (the table's own noun), no value
            if self._owner_in_comment(request, table, i + 1):
                continue  # «оценка отзывов гостей» of 'Отзывы гостей': whose rows they are, no value 'гостей'
            names = self._plural_names(request, table, i)
            if names:  # «в городах Новосибирск и Омск»: names after a plural column word, in the nominative
                yield (
                    self._position(request, i),
                    column.name,
                    f"{column.name} IN ({', '.join(map(_quote, names))})",
                )
                continue
            linked = i > 0 and self._links_value(request, i)
            if not linked and self._listed_elsewhere(table, column, str(value)):
                continue  # «тарифы day и night»: the table's noun, then a value of zone ('Зона суток (day)')
            if column.name in self._place_columns(table):
                value = self._place_value(request, table, i, column.name)
            if value is None:
                continue  # asked about
            if spells_initials(str(value), column.comment):
                continue  # «номер ВУ» of 'Номер водительского удостоверения': the column's own name, no value
            listed = listed_values(column.comment)
            if not listed and _in_own_description(str(value), column):
                continue  # «последние четыре цифры карты» of 'Последние 4 цифры карты': its name, no value
            said = request.raw[i + 1]
            # "in status scheduled" of a code listed as planned; not in "scheduled or missed" (asked)
            coded = lists_code_meanings(column) and not joined_to_unread(
                request.text, request.spans[i + 1][0], listed
            )
            meant = _listed_meaning(said, listed, coded) if str(value) == said else None
            if meant is not None:  # «в форме сиропа» of 'Лекарственная форма (tablets, syrup, ...)': syrup
                value = meant
            if listed and str(value).lower().replace("ё", "е") not in {
                v.lower().replace("ё", "е") for v in listed
            }:
                # «по теме возвраты» of 'Тема (meter_replacement, complaint, ...)': no such value, asked
                name = f"{table.qualified_name}.{column.name}"
                question = say(
                    request.language, "planner.value_not_listed", value=str(value), column=name,
                    values=", ".join(listed),
                )  # fmt: skip
                request.unsure.append(question)
                continue
            if self._more_values(request, table, i, column.name, str(value)):
                continue  # asked about
            if self._bare_name_after_rows_noun(request, table, column, i, str(value)):
                # «Фильмы Marvel», «книги Penguin»: the table's noun, no column word; a studio, a publisher,
                # a brand no column lists is a guess as the title: asked, quoting the word
                example = f"{column.name} = {_quote(value)}"
                request.unsure.append(unread_clause_question(request.language, table, str(value), example))
                request.handled.append(request.spans[i + 1])
                continue
            condition: str | None = f"{column.name} = {_quote(value)}"
            negator = self._negator_before(request, i)
            if negator is None and i > 1 and request.tokens[i - 1] in _COLUMN_PREPOSITIONS:
                negator = self._negator_before(request, i - 1)  # «не в статусе closed», "not in status X"
                if negator is not None and request.tokens[negator] not in ("не", "not"):
                    negator = None  # «кроме как в статусе»: other words, read by other rules
            if negator is not None:
                request.handled.append(request.spans[negator])
                # «не в статусе resolved или closed»: the list read on from the value, all of it turned around
                condition = self._negated_list(table, self._value_list(request, table, str(condition)))
            if condition:
                yield self._position(request, i), column.name, condition

    def _bare_name_after_rows_noun(
        self, request: Request, table: Table, column: Column, index: int, value: str
    ) -> bool:
        """A capitalised Latin name right after the word naming the table's rows («Фильмы Marvel», "Nike
        products", «книги Penguin»), read as a value of a column only because that column's comment holds
        the table's noun ('Название фильма'): no column word is said ("titled", «с названием», «студии»), so
        which column holds the name is asked (README, planner118). A column listing it is read elsewhere."""
        word = request.tokens[index]
        if not re.fullmatch(r"[A-Z][a-z]{2,}", value):
            return False  # a proper name as written; a code («тариф T1», 'CHAdeMO') is read as a value
        if index > 0 and request.tokens[index - 1] in _NAME_LINKS:
            return False  # «с разъёмом CHAdeMO», "with the brand Nike": a column word said with its link
        if stem(word) in {stem(p) for p in name_parts(column.name)}:
            return False  # "title Dune": the column's own word
        if stem(word) in {stem(lemma) for lemma in _head_noun(column.comment or "")}:
            return False  # «с названием Marvel»: the comment's head noun is the column's word
        return self._names_rows(table, word)

    def _owner_in_comment(self, request: Request, table: Table, index: int) -> bool:
        """Word `index` is a Russian genitive noun of the table's own comment, not its head: «отзывов гостей»
        of 'Отзывы гостей', «обращений абонентов» of 'Заявки и обращения абонентов' say whose rows the
        table's are (its owner), never a value of the text column whose word comes before."""
        if index >= len(request.tokens) or not CYRILLIC.search(request.tokens[index]):
            return False
        if request.text[request.spans[index - 1][1] : request.spans[index][0]].strip():
            return False  # «по каналу, гостей»: punctuation between, no genitive of the word before
        word = request.tokens[index]
        if not any(p.case == "gent" and p.pos == "NOUN" for p in analyse(word)):
            return False
        return self.grounding._in_own_comment(request, table, index) and not self.grounding._heads_comment(
            word, table
        )

    def _refresh_word(self, request: Request, index: int) -> bool:
        """Word `index` names the refresh itself («апдейт», «обновление», "refresh"; lexicon REFRESH)."""
        if index >= len(request.spans):
            return False
        start = request.spans[index][0]
        word = next((t for t in tokenize(request.text[start : request.spans[index][1]])), None)
        return word is not None and is_(word, "REFRESH")

    def _code_list_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """ "deposits in USD or EUR", «операции в EUR»: upper-case codes after in/в (one, or several joined by
        commas and and/or/и/или) are values of the one text column that can hold them: one whose comment
        lists them, or (no list, or an open one '(RUB, GBP, ...)') one whose namesake in another table lists
        them, or, for currency codes, the column whose name or comment says currency. With no such column,
        or several, the words are asked about: never dropped (planner28)."""
        runs = [*_CODE_RUN.finditer(request.text), *_EXPLAINED_CODE_RUN.finditer(request.text)]
        for run in runs:
            if any(a <= run.start() < b for a, b in request.schedule_spans) or request.is_handled(
                run.start("codes")
            ):
                continue
            codes = list(dict.fromkeys(_CODE.findall(run.group("codes"))))
            if any(self._names_system(c.lower()) or self._known_code(table, c) for c in codes):
                continue  # "в DWH", "in UTC", "в PG": an engine, a zone or a name of the catalog
            columns = [
                c for c in table.columns if self._filterable(table, c) and self._holds(table, c, codes)
            ]
            if len(columns) == 1:
                column = columns[0]
                listed = {v.lower(): v for v in listed_values(column.comment)}
                values = [listed.get(c.lower(), c) for c in codes]
                explained = run.re is _EXPLAINED_CODE_RUN  # the words the codes in brackets explain are read
                request.handled.append((run.start() if explained else run.start("codes"), run.end("codes")))
                yield run.start("codes"), column.name, _one_of(column.name, values)
            elif len(codes) > 1 or set(codes) <= CURRENCY_CODES:
                phrase = run.group(0).strip()
                question = unread_clause_question(request.language, table, phrase)
                if question not in request.unsure:
                    request.unsure.append(question)

    def _known_code(self, table: Table, code: str) -> bool:
        """An upper-case word the catalog knows as a name: a table, a column or a schema word."""
        lower = code.lower()
        return bool(
            lower in STOP_WORDS | NOT_A_NAME
            or table.column(lower)
            or self.grounding._names_table(lower, table)
            or self.grounding._names_other_table(lower, table)
            or parse_schedule(code) is not None
        )

    def _holds(self, table: Table, column: Column, codes: list[str]) -> bool:
        """Column `column` can hold every code: its comment lists them, or (no list, or an open one) a
        column of the same name in another table lists them, or they are currency codes and the column's
        name or comment says currency."""
        lowered = {c.lower() for c in codes}
        listed = {v.lower() for v in listed_values(column.comment)}
        if listed and lowered <= listed:
            return True
        if listed and not re.search(r"\.\.\.|…", column.comment or ""):
            return False  # 'Валюта счёта (RUB, USD, EUR, CNY)' and "in GBP": no such value, asked
        elsewhere = any(
            lowered <= {v.lower() for v in listed_values(other.comment)}
            for conn_id in self.catalog.connections
            for t in self.catalog.tables_of(conn_id)
            for other in t.columns
            if other.name == column.name and t.qualified_name != table.qualified_name
        )
        if elsewhere:
            return True
        meanings = set(name_parts(column.name)) | {
            m for w in words(column.comment) for m in self.vocabulary.meanings(w)
        }
        return set(codes) <= CURRENCY_CODES and stem("currency") in meanings

    def _plural_names(self, request: Request, table: Table, index: int) -> list[str]:
        """«в городах Новосибирск и Омск», «из регионов Сибирь, Урал или Поволжье»: capitalised Russian names
        joined by commas and и/или after a plural column word stand in the nominative (a name in apposition
        to a plural noun does not agree with it), so the list is read as written; a singular column word
        («из города Москвы и Твери») leaves the case of each name unsure (asked elsewhere)."""
        word = next((t for t in tokenize(request.raw[index]) if t.lang == "ru"), None)
        if word is None or not word.parses or word.parses[0].pos != "NOUN" or word.parses[0].number != "plur":
            return []
        if any(t in NEGATORS for t in request.tokens[max(0, index - 3) : index]):
            return []  # «не из городов Москва и Тверь», «кроме городов ...»: left to the rules that negate
        start = request.spans[index][1]
        run = _NAME_LIST.match(request.text, start)
        if run is None:
            return []
        names = [n.strip() for n in re.split(r"\s*(?:,|\bили\b|\bи\b|\bлибо\b)\s*", run.group("names"))]
        if len(names) < 2 or any(
            not n or self._not_a_place(request, table, n.split()[0], named_on=" " in n) for n in names
        ):
            return []
        request.handled.append((run.start("names"), run.end("names")))
        return names

    def is_listed_value(self, table: Table, word: str) -> bool:
        """`word` is a value some column's comment lists ('Способ передачи (app, call_center, ...)') and
        no column's name."""
        lower = word.lower()
        return table.column(lower) is None and any(
            lower in {v.lower() for v in listed_values(c.comment)} for c in table.columns
        )

    def _listed_elsewhere(self, table: Table, column: Column, value: str) -> bool:
        """`value` is no value `column` lists, but another column's comment lists it."""
        lower = value.lower()
        if lower in {v.lower() for v in listed_values(column.comment)}:
            return False
        return any(
            lower in {v.lower() for v in listed_values(other.comment)}
            for other in table.columns
            if other.name != column.name and self._filterable(table, other)
        )

    def _column_values(self, request: Request, table: Table) -> Iterable[tuple[int, Column]]:
        """(index, column) of each column word followed by a value of it: "for region north", ", region
        north only"; in Russian also a bare genitive before a Latin value ("типа purchase"); after a negator
        these are rows NOT to load ("без категории food")."""
        if table.qualified_name not in request.value_columns:
            request.value_columns[table.qualified_name] = list(self._find_column_values(request, table))
        return request.value_columns[table.qualified_name]

    def _find_column_values(self, request: Request, table: Table) -> Iterable[tuple[int, Column]]:
        tokens = request.tokens
        for i in range(len(tokens) - 1):
            glossed = self._glossed_code_column(request, table, i)
            if glossed is not None:  # «события покупок (purchase)»: the column word, its value glossed
                yield i, glossed
                continue
            linked = i > 0 and self._links_value(request, i)
            numbered = _is_numbered_code(self.whole_value(request, i + 1))
            # «типа purchase», «группы ИВТ-21»: a bare genitive before a Latin value or a code; in either
            # language a code with digits right after a column word ("branch B12", «дисциплина CS101»)
            bare = numbered or (
                request.language == "ru"
                and (request.raw[i + 1].isascii() or _is_code(self.whole_value(request, i + 1)))
            )
            if not (linked or bare) or tokens[i].isdigit():
                continue  # «в 10 минут»: a number names no column, and the unit after it is no value
            if ")" in request.text[request.spans[i][1] : request.spans[i + 1][0]]:
                continue  # «по пожарам (fire), где ...»: a closing bracket parts a word from the next one
            if bare and {stem(tokens[i]), stem(tokens[i + 1])} <= _comment_stems(table.comment):
                continue  # «Курсы валют ЦБ» of 'Курсы валют ЦБ': the table's own name, no currency 'ЦБ'
            value = request.raw[i + 1]
            abbreviation = _is_abbreviation(value) and not self.is_listed_value(table, value)
            if bare and not linked and abbreviation and self._names_rows(table, tokens[i]):
                continue  # «тарифы ЖКХ»: the rows' own noun before an abbreviation, no 'Код тарифа' = 'ЖКХ'
            mentions = self.grounding._column_mentions(
                table, [tokens[i]], generic_ok=frozenset(FILTER_GENERIC_OK)
            )
            if len(mentions) != 1 and numbered and self._names_rows(table, tokens[i]):
                mentions = [(i, name) for name in _row_code_columns(table)]  # "branch B12": its code column
            if not mentions and (state := self._state_column_named(table, tokens[i])) is not None:
                mentions = [(i, state)]  # "with status done" of phase 'Состояние заявки' (planner126)
            if len(mentions) != 1:
                continue
            column = table.column(mentions[0][1])
            if (
                column
                and self._filterable(table, column)
                and tokens[i + 1] not in ONLY_WORDS  # «сливать по order_ref, только изменённые»: no value
                and (
                    self._is_value(request, table, request.raw[i + 1])
                    or _listed_kind_code(column, request.raw[i + 1])
                )
                and not self._continues_column_name(column, tokens[i + 1])
                and not self._next_list_column(request, table, i)
                and not self._in_schedule(request, i + 1)
                and not _table_gloss_at(request, table, i + 1)
                and not _qualifies_next_noun(request, i + 1)
                and not _listed_before_unit(column, request.raw[i], request.raw[i + 1])
                and not _participle_before_listed(column, request.raw[i + 1 : i + 4])
                and not _listed_value_ends_clause(column, request, i)
            ):
                yield i, column

    def _glossed_code_column(self, request: Request, table: Table, i: int) -> Column | None:
        """The one column word `i` names when the next word is glossed by a code in brackets («события
        покупок (purchase)» of event_type): the code is that column's value, as in «события (purchase)»."""
        code = glossing_code(request, i + 1, self.vocabulary.meanings)
        if code is None or not self._is_value(request, table, code):
            return None
        mentions = self.grounding._column_mentions(
            table, [request.tokens[i]], generic_ok=frozenset(FILTER_GENERIC_OK)
        )
        column = table.column(mentions[0][1]) if len(mentions) == 1 else None
        return column if column is not None and self._filterable(table, column) else None

    def _state_column_named(self, table: Table, word: str) -> str | None:
        """The table's state column when `word` is a word of state ("status", «статус», «состояние») and no
        column is named so: 'Состояние заявки (new, done)' of phase is the column «со статусом done» names."""
        state = state_column(table)
        if state is None or not self.vocabulary.meanings(word) & set(STATE_COLUMN_NAMES):
            return None
        return state.name

    def _names_rows(self, table: Table, word: str) -> bool:
        """`word` names the table's rows: its name, or the head of its comment («тарифы» of 'Тарифы на
        электроэнергию'), so a column whose comment has the noun only in a genitive ('Код тарифа') is not
        it."""
        said = stem(word)
        comment = table.comment
        own_head = said in heads.comment_head_stems(comment) or said == heads.comment_noun_stem(comment)
        return own_head or self.grounding._names_table(word, table)

    @staticmethod
    def _in_schedule(request: Request, index: int) -> bool:
        """Word `index` is one the schedule read: «дедуп по vin, раз в сутки» ends the key list with the
        schedule, whose first word («раз», «каждый», "once") is no value of the key column."""
        return any(a <= request.spans[index][0] < b for a, b in request.schedule_spans)

    def _next_list_column(self, request: Request, table: Table, i: int) -> bool:
        """«только код, название и ...»: after a comma the next word is another column of a list, no value."""
        gap = request.text[request.spans[i][1] : request.spans[i + 1][0]]
        return "," in gap and bool(self.grounding._column_mentions(table, [request.tokens[i + 1]]))

    def whole_value(self, request: Request, index: int) -> str:
        """Word `index` with what a hyphen or a slash joins to it: "ИВТ-21", "B-12/3", «Санкт-Петербург» are
        one value (the word list splits them at the hyphen)."""
        joined = _JOINED_VALUE.match(request.text, request.spans[index][0])
        if joined and len(request.raw[index]) > len(joined.group(0)) and "." in request.raw[index]:
            return request.raw[index]  # "internet.mts": a dotted code is one word of the request (planner22)
        return joined.group(0) if joined else request.raw[index]

    def _continues_column_name(self, column: Column, word: str) -> bool:
        """«номер счёта» of bank_account ('Номер счёта в банке'): the next word is part of the column's own
        name or comment, not a value of it."""
        # «Статус (created, in_transit, delivered, lost)», 'Статус: planned, done': the values a comment lists
        # are no name words
        comment = re.sub(r"\([^)]*\)", " ", without_listed(column.comment))
        own = set(name_parts(column.name)) | {stem(w) for w in words(comment)}
        return bool(self.vocabulary.meanings(word) & own)

    def _more_values(self, request: Request, table: Table, index: int, column: str, value: str) -> bool:
        """ "for region north and south", "из города Москва и Казань": a list of values after a column word
        is asked about (one value per filter), not cut to its first value. A word after "and" that is a
        column, a table or no value starts another condition ("with status paid and total over 100")."""
        start = request.spans[index + 1][0]
        phrase = self._place_phrase(request, table, index) if value[:1].isupper() else value
        if len(value) > len(phrase):
            phrase = value  # "ИВТ-21 и ПИ-22": the whole code, then the list
        more = re.match(
            r"\s*(?:,|\b(?:and|or|и|или)\b)\s*([A-Za-zА-Яа-яЁё][\w-]*)", request.text[start + len(phrase) :]
        )
        if more is None or starts_new_rows(request.lower, start + len(phrase) + more.start(1)):
            return False  # "status done, new rows by created_at": the value ends where the new rows start
        if self._list_word_fits(request, table, column, value, more.group(1)):
            return False  # "J45 и E11": read on into `col IN (...)` by _value_list
        word = more.group(1).lower().replace("ё", "е")
        if value.isascii() != word.isascii():
            return False  # "status new, только id ...": a Russian word after a Latin value starts a clause
        meanings = set(self.vocabulary.meanings(word))
        if (
            word in STOP_WORDS | CLAUSE_WORDS | ONLY_WORDS
            or not self._is_value(request, table, more.group(1))
            or self.grounding._column_mentions(table, [word], generic_ok=frozenset(FILTER_GENERIC_OK))
            or self.grounding._names_a_column_anywhere(word, meanings)
            or self._names_system(word)
            or self.grounding._names_table(word, table)
            or self.grounding._names_other_table(word, table)
            or NEGATING_VERB.match(word)
            or is_destroy_word(word)
        ):
            return False
        request.unsure.append(
            say(
                request.language,
                "planner.filter_one_value",
                column=f"{table.qualified_name}.{column}",
                name=column,
                phrase=request.text[start : start + len(phrase) + more.end()],
            )
        )
        return True

    def _place_phrase(self, request: Request, table: Table, index: int) -> str:
        """The whole place name after column word `index`: "New York" in "for city New York"."""
        name = re.match(
            rf"{PLACE_NAME_WORD}(?:\s+{PLACE_NAME_WORD})*", request.text[request.spans[index + 1][0] :]
        )
        kept = []
        for i, word in enumerate(name.group(0).split() if name else []):
            if i and self._not_a_place(request, table, word, named_on=False):
                break
            kept.append(word)
        return " ".join(kept) or request.raw[index + 1]

    def _place_value(self, request: Request, table: Table, index: int, column: str) -> str | None:
        """The place after column word `index` ("из города Санкт-Петербурга", "for city New York"), in the
        nominative by the case the preposition before the column word puts it in; None (and a question)
        when its ending does not say which name is meant."""
        phrase = self._place_phrase(request, table, index)
        link = request.tokens[index - 1] if index else ""
        nominative = apposition_nominative(phrase, link)
        if nominative is None:
            written = request.text[
                request.spans[max(index - 1, 0)][0] : request.spans[index + 1][0] + len(phrase)
            ]
            guess = place_nominative(phrase, link)  # "из города Москвы": Москва, or a city named Москвы?
            options = f": {guess!r} or {phrase!r}" if guess and guess != phrase else ""
            request.unsure.append(
                f"Which {column} of {table.qualified_name} do you mean by {written!r}{options}? Write the "
                f"name as it is stored, for example \"{column} = 'Санкт-Петербург'\"."
            )
        return nominative

    def _links_value(self, request: Request, index: int) -> bool:
        """Word `index` may be a column word followed by its value: after a link word ("for", "со"), a
        negator ("без"), "only", or at the start of a clause (", region north only")."""
        before = request.tokens[index - 1]
        return before in VALUE_LINKS | NEGATORS | {"only", "только"} or self._starts_clause(request, index)

    # --- places ("клиенты из Москвы", "customers from Berlin") ----------------------------------

    def _places(self, request: Request, table: Table) -> list[Place]:
        """Capitalised names after from/in/из/в that name no connection, engine, table, column, schedule
        word or system: "из PostgreSQL", "from the orders table", "в ClickHouse", "from Shop database" are
        sources and targets; "из Москвы", "from New York" are places."""
        if request.places is not None:
            return request.places
        places = []
        for match in PLACE.finditer(request.text):
            if request.is_handled(match.start("name")):
                continue  # "в 9 по Europe/Moscow": part of the schedule
            names = match.group("name").split()
            kept = []
            for i, word in enumerate(names):
                if self._not_a_place(request, table, word, named_on=i < len(names) - 1):
                    break
                kept.append(word)
            after = words(request.text[match.end() :])[:1]
            if not kept or (len(kept) == len(names) and after and self._names_system(after[0])):
                continue  # "from Analytics database", "в Berlin DWH"
            name = " ".join(kept)
            dative = match.group("prep").lower() == "по"
            if dative and (not CYRILLIC.search(name) or match.group("town") or len(name) < 4):
                continue  # «по Visa», «по Пн»: a place after «по» is a Russian name in the dative
            if dative and self._in_time_zone(request, match.start("name")):
                continue  # «ежедневно в 7:30 по Москве» read without the planner's schedule (a mart's rest)
            russian = match.group("prep").lower() in ("из", "в", "во")
            phrase = request.text[match.start() : match.start("name") + len(name)]
            prep = request.token_at(match.start())
            more = MORE_PLACES.match(request.text, match.start("name") + len(name))
            places.append(
                Place(
                    match.start(),
                    match.start("name") + len(name),
                    phrase,
                    # "из г. Москва" or "из г. Москвы": after "г." either form is written; not guessed
                    (None if match.group("town") else place_nominative(name, match.group("prep")))
                    if russian
                    else dative_place_nominative(name)
                    if dative
                    else name,
                    self._negator_before(request, prep, table),
                    more is not None and not self._not_a_place(request, table, more.group("name"), False),
                )
            )
        request.places = places
        return places

    @staticmethod
    def _in_time_zone(request: Request, at: int) -> bool:
        """Offset `at` is inside the time zone phrase the request's schedule names («в 7 утра по Москве»)."""
        schedule = parse_schedule(request.text)
        return bool(schedule and schedule.timezone and any(a <= at < b for a, b in schedule.spans))

    def _not_a_place(self, request: Request, table: Table, word: str, named_on: bool) -> bool:
        """A word of a capitalised name that is no place; a common word ("New") counts when the name goes on
        ("New York")."""
        lower = word.lower().replace("ё", "е")
        return (
            (lower in STOP_WORDS | NOT_A_NAME | SOURCE_PLACES and not named_on)
            or lower in request.claimed
            or stem(lower) in SOFTWARE_STEMS | NOT_PLACE_STEMS
            or self._names_system(lower)
            or bool(MONTHS.match(lower) or DAY_WINDOW.fullmatch(lower) or status_word(lower)[0])
            or parse_schedule(word) is not None  # "from Monday"
            or self.grounding._names_a_column_anywhere(lower, set(self.vocabulary.meanings(lower)))
            or self.grounding._names_table(lower, table)
            or self.grounding._names_other_table(lower, table)
        )

    def _names_system(self, token: str) -> bool:
        """A word of an engine, a connection's id or description ("Analytics warehouse"), or a system noun."""
        return (
            token in SYSTEM_NOUNS or token in self._connection_words or self.grounding._is_engine_word(token)
        )

    def _describes_connection(self, token: str) -> bool:
        """A word of some connection's description in any language ("магазина" for "Shop database")."""
        meanings = self.vocabulary.meanings(token)
        return any(meanings & self.grounding._description_stems(c) for c in self.catalog.connections.values())

    @functools.cached_property
    def _connection_words(self) -> set[str]:
        named = {c.conn_id.lower() for c in self.catalog.connections.values()}
        for c in self.catalog.connections.values():
            named.update(words(f"{c.conn_id.replace('_', ' ')} {c.description} {c.database}"))
        return named

    def _place_columns(self, table: Table) -> list[str]:
        """Text columns that hold a place: city, region, country... by name or by comment ("Город")."""
        return [
            c.name
            for c in table.columns
            if _is_text(c)
            and (set(name_parts(c.name)) | {m for w in words(c.comment) for m in self.vocabulary.meanings(w)})
            & PLACE_COLUMN_PARTS
        ]

    def _country_columns(self, table: Table) -> list[str]:
        """The place columns that hold a country ('country', 'Страна'): the only ones a country fits."""
        country = {stem("country")}
        return [
            c.name
            for c in table.columns
            if c.name in self._place_columns(table)
            and (set(name_parts(c.name)) | {m for w in words(c.comment) for m in self.vocabulary.meanings(w)})
            & country
        ]

    def _country_in_no_column(self, table: Table, place: Place) -> bool:
        """«станции в Белоруссии» over a table whose place column holds cities ('Город'): the country fits no
        column, so `city = 'Белоруссия'` would load nothing meant (planner127): asked instead."""
        return names_a_country(place.name) and not self._country_columns(table)

    def _place_conditions(self, request: Request, table: Table, _: bool) -> Iterable[tuple[int, str, str]]:
        columns = self._place_columns(table)
        for place in self._places(request, table):
            if len(columns) != 1 or place.name is None or place.several:
                continue  # asked in _place_questions
            if self._country_in_no_column(table, place):
                continue  # asked in _place_questions
            if place.negator is not None:
                request.handled.append(request.spans[place.negator])
            yield place.position, columns[0], self._place_condition(table, place, columns[0])

    def _place_condition(self, table: Table, place: Place, column: str) -> str:
        condition = f"{column} = {_quote(str(place.name))}"
        return str(self._negated(table, condition)) if place.negator is not None else condition

    def _place_questions(self, request: Request, table: Table, conditions: list[str]) -> list[str]:
        """A place with no column to filter by, several candidate columns, an unsure name form or another
        condition on its column ("from Berlin where city is empty") is asked about: loading every row
        would ignore it."""
        columns = self._place_columns(table)
        for place in self._places(request, table):
            if not columns:
                return [f"{table.qualified_name} has no city, region or country column to filter by "
                        f"{place.phrase!r}; which rows should be loaded? Columns: "
                        f"{', '.join(table.column_names)}."]  # fmt: skip
            name, column, value = table.qualified_name, columns[0], place.name or place.phrase
            if self._country_in_no_column(table, place):
                return [say(request.language, "planner.country_no_column", table=name, phrase=place.phrase,
                            columns=", ".join(columns))]  # fmt: skip
            if len(columns) > 1:
                return [f"Which column of {name} should equal {value!r}: {', '.join(columns)}?"]
            if place.several:
                return [f"I can filter {name} by one {column}; which one do you mean by {place.phrase!r} and "
                        "the places after it?"]  # fmt: skip
            if place.name is None:
                return [f"Which {column} of {name} do you mean by {place.phrase!r}? Write the name as it is "
                        f"stored, for example \"{column} = 'Санкт-Петербург'\"."]  # fmt: skip
            restated = any(s <= place.position < e for s, e in request.handled)
            if self._place_condition(table, place, column) not in conditions and not restated:
                return [f"The request names {place.phrase!r} and another condition on {name}.{column}; "
                        "which should the rows meet?"]  # fmt: skip
        return []

    def _lowercase_place_questions(self, request: Request, table: Table) -> list[str]:
        """ "клиентов из москвы", "customers from berlin": a lower-case word after из/from that names no
        table, column, connection, engine, system, schedule or business word may be a place written
        without its capital. With a place column to filter by, it is asked about: loading every row would
        ignore it. ("в"/"in" + a lower-case word is too common to ask about: "in batches", "в режиме".)"""
        columns = self._place_columns(table)
        schedule_words: set[str] | None = None
        for i in range(1, len(request.tokens)):
            token, raw = request.tokens[i], request.raw[i]
            if (
                request.tokens[i - 1] not in ("из", "from")
                or not columns
                or not re.fullmatch(r"[a-zа-яё]{3,}", raw)
            ):
                continue
            if schedule_words is None:
                schedule = parse_schedule(request.text)
                schedule_words = set(words(schedule.phrase)) if schedule else set()
            after = request.tokens[i + 1 : i + 2]
            known = (
                token in STOP_WORDS | NOT_A_NAME | SOURCE_PLACES | NOT_PLACE_WORDS | schedule_words
                or token in request.claimed | request.values
                or stem(token) in SOFTWARE_STEMS | NOT_PLACE_STEMS
                or self._names_system(token)
                or any(  # "из аналитической базы", "из интернет-магазина"
                    self._names_system(t) or t in SOURCE_PLACES or self._describes_connection(t)
                    for t in after
                )
                # «из каталога фильмов», «из списка клиентов»: a list holding the table's rows (wc108)
                or any(
                    self.grounding._names_table(t, table) or self.grounding._heads_comment(t, table)
                    for t in after
                )
                or self.vocabulary.meanings(token) - {stem(token)}  # a glossary word: "из клиники"
                or any(
                    token == t.schema.lower()
                    for c in self.grounding._readable("postgres")
                    for t in self.catalog.tables_of(c.conn_id)
                )
                or self.grounding._is_source_table_name(token)
                or self.grounding._names_table(token, table)
                or _in_comment(token, table.comment)  # «фильмы из репертуара»: 'Фильмы (прокатный репертуар)'
                or self.grounding._names_other_table(token, table)
                or self.grounding._names_a_column_anywhere(token, set(self.vocabulary.meanings(token)))
                or bool(MONTHS.match(token) or DAY_WINDOW.fullmatch(token) or status_word(token)[0])
                or parse_schedule(token) is not None
                or PIPELINE_VERBS.fullmatch(token)
                or (i >= 2 and _state_verb_complement(request.raw[i - 2], raw))
            )
            if known:
                continue
            phrase, column = f"{request.raw[i - 1]} {raw}", columns[0]
            return [f"What is {raw!r} in {phrase!r}? If it is a {column} of {table.qualified_name}, write it "
                    f"as stored (for example \"{column} = 'Москва'\"); if it is a connection or a table, "
                    "name it as the catalog does."]  # fmt: skip
        return []

    def _other_table_flags(self, request: Request, table: Table, conditions: list[str]) -> list[str]:
        """ "inspections where … the meter is smart", «показания умных счётчиков»: a word of a yes/no column
        of ANOTHER table of the connection (meters.is_smart 'Умный счётчик') that no rule read on this one
        is a condition this load cannot apply: asked, never dropped."""
        named = self._other_table_flag(request, table, conditions)
        if named is None:
            return []
        token, other, name = named
        request.other_table_conditions.append(
            (token.start, token.end, other.qualified_name, f"{name} = true")
        )
        return [say(request.language, "planner.other_table_flag", phrase=token.text,
                    column=f"{other.qualified_name}.{name}", table=table.qualified_name)]  # fmt: skip

    def _joined_table_flags(
        self, request: Request, table: Table, found: list[tuple[int, str]]
    ) -> list[tuple[int, str]]:
        """ "policies of VIP holders", «долг … только льготники»: a mart joins the table whose yes/no column
        the word names (a load of one table cannot: _other_table_flags asks), so the flag is the mart's
        condition, by the column's bare name, which only that table of the ones the fact reaches holds
        (marts105). The word is handled: no other rule reads or asks it again."""
        named = self._other_table_flag(request, table, [c for _, c in found], sole_nouns=True)
        if named is None or not joined_flags.joins_alone(self.catalog, table, named[1], named[2]):
            return []
        token, other, name = named
        if not (joined_flags.says_state(token) or joined_flags.is_sole_noun(token, other.column(name))):
            return []  # "bonus points" of has_pickup_point ('point'): a noun of its own, no state said
        if not joined_flags.is_sole_noun(token, other.column(name)) and not self._qualifies_other_noun(
            request, table, token
        ):
            return []  # «сессии …, только быстрые»: said of the fact's own rows, no joined table's (asked)
        request.handled.append((token.start, token.end))
        return [(token.start, f"{name} = true")]

    def _qualifies_other_noun(self, request: Request, table: Table, token: Token) -> bool:
        """The state word is followed by a noun that does not name `table` ("VIP holders", «веганских блюд»):
        it qualifies another table's rows, not the fact's own («только быстрые» of sessions)."""
        words = [t for t in tokenize(request.text) if t.lang != "punct"]
        after = next((words[i + 1] for i, t in enumerate(words[:-1]) if t.start == token.start), None)
        if after is None or after.lang not in ("ru", "en") or after.lower in ("ones", "only"):
            return False
        names_fact = self.grounding._names_table(after.lower, table)
        return not (names_fact or self.grounding._heads_comment(after.lower, table))

    def _other_table_flag(
        self, request: Request, table: Table, conditions: list[str], sole_nouns: bool = False
    ) -> tuple[Token, Table, str] | None:
        """The first word that names a yes/no column of another table of the connection and no rule read
        on `table`: the word, that table and the column's name (None when no word does). With `sole_nouns`,
        also the one noun a flag's comment is (a mart's «льготники» of 'Льготник (…)'; joined_flags)."""
        conn = next((c for c, ts in self.catalog.tables.items() if table in ts), None)
        other_flags = [
            (t, flags.of_table(t))
            for t in self.catalog.tables_of(conn or "")
            if t.qualified_name != table.qualified_name
        ]
        own = flags.of_table(table)
        read = {stem(v.lower()) for c in conditions for v in re.findall(r"'([^']*)'", c)}
        own_stems, own_head = _comment_stems(table.comment or ""), _head_noun(table.comment or "")
        for token in tokenize(request.text):
            if (
                token.lang not in ("ru", "en")
                or request.is_handled(token.start)
                or token.lower in request.claimed
            ):
                continue
            named = [
                (t, n, said)
                for t, said_of in other_flags
                for n, said in said_of
                if flags.names_flag(token, said)
                or (sole_nouns and joined_flags.is_sole_noun(token, t.column(n)))
            ]
            if len(named) != 1 or any(a <= token.start < b for a, b in request.schedule_spans):
                continue
            if self._flags_named(own, token) or self.grounding._column_mentions(table, [token.lower]):
                continue  # a word of this table's own columns
            said = value_meanings(token) | {stem(v) for v in (status_word(token.lower)[0],) if v}
            if said & read:
                continue  # «закрытые вклады», «доставленных заказов»: this table's status value was read
            if token.lang == "en" and self._own_state_word(table, token):
                continue  # "loans not closed yet": closed_on or status 'closed' here, not branches.is_closed
            halves = [stem(half) for half in token.lower.split("-")]
            if self.grounding._names_table(token.lower, table) or stem(token.lower) in own_stems:
                continue  # «телеметрию умных счётчиков» of 'Телеметрия умных счётчиков': the table's own name
            if token.lemmas & own_head:
                continue  # «доставок» of 'Доставки заказов курьерами', not restaurants.has_delivery
            if token.lang == "en" and russian_lemmas(token.lower) & comment_lemmas(table.comment or ""):
                continue  # "delivery customers" of 'Клиенты доставки': its own name, not has_delivery
            if stem(token.lower) in heads.apposition_stems(table.comment):
                continue  # «зрителей с бонусной картой» of '… (зрители с бонусной картой)': its other name
            if len(halves) > 1 and all(half in own_stems for half in halves):
                continue  # «интернет-заказы» of 'Интернет-заказы (...)': the compound names this table
            if named[0][2].adjectives & {lemma for t in tokenize(table.comment or "") for lemma in t.lemmas}:
                request.handled.append((token.start, token.end))  # read: a word of this table's own name
                continue  # "smart meter telemetry" of 'Телеметрия умных счётчиков': its comment's state
            other, name, _ = named[0]
            return token, other, name
        return None

    def _other_table_values(
        self, request: Request, table: Table, conditions: list[str], incremental: bool = False
    ) -> list[str]:
        """«убытки по полисам каско», "claims on kasko policies": beside a noun of ANOTHER table of the
        connection, a word that is a value only that table's column lists (policies.product 'kasko') is a
        condition this load cannot apply: asked, never dropped (planner40; flags: _other_table_flags)."""
        conn = next((c for c, ts in self.catalog.tables.items() if table in ts), None)
        others = [t for t in self.catalog.tables_of(conn or "") if t.qualified_name != table.qualified_name]
        read = " ".join(conditions).lower()
        tokens = [t for t in tokenize(request.text) if t.lang != "punct"]
        own_head = _head_noun(table.comment or "")
        for k, token in enumerate(tokens):
            if token.lang not in ("ru", "en") or request.is_handled(token.start):
                continue
            if token.lower in request.claimed:
                continue
            if any(a <= token.start < b for a, b in request.schedule_spans) or self._listed_in(table, token):
                continue
            if incremental and NEW_NOUN.fullmatch(token.text):
                continue  # "append new order items by added_at": new rows of this load, not orders.status
            if token.lemmas & own_head:
                continue  # «доставки заказов» of 'Доставки заказов курьерами': the loaded rows, no order_type
            near = [w.lower for w in tokens[max(0, k - 2) : k + 3] if w is not token]
            named = [
                (other, column.name, value)
                for other in others
                if any(self.grounding._names_table(w, other) for w in near)
                for column in other.columns
                for value in self._listed_in(other, token, column)
            ]
            if len(named) != 1 or named[0][2].lower() in read:
                continue
            other, name, value = named[0]
            condition = f"{name} = {_quote(value)}"
            request.other_table_conditions.append((token.start, token.end, other.qualified_name, condition))
            return [say(request.language, "planner.other_table_flag", phrase=token.text,
                        column=f"{other.qualified_name}.{name}", table=table.qualified_name)]  # fmt: skip
        return []

    def _head_state_noun_conditions(
        self, request: Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        """«Неявки на показы» of 'Статус показа (scheduled, done, cancelled, no_show)': a Russian noun heading
        the rows ahead of the table's own word that means one value one column of this table lists (by the
        glossary: «неявка» = no_show) is that value; no rule read it, so every viewing was loaded
        (planner103). Another table's value is asked by _other_table_state_noun."""
        if request.language != "ru":
            return
        tokens = [t for t in tokenize(request.text) if t.lang != "punct"]
        for k, token in enumerate(tokens):
            if not (
                (k + 1 < len(tokens) and self._heads_rows_ahead(request, table, tokens, k))
                or self._apposed_to_rows(request, table, tokens, k)
                or self._excluded_state_noun(request, table, tokens, k)
                or self._state_noun_not_counted(request, tokens, k)
            ):
                continue
            named = {
                (column.name, value)
                for column in table.columns
                if self._filterable(table, column)
                for value in self._listed_in(table, token, column)
            }
            if len(named) != 1:
                continue
            ((name, value),) = named
            listed = {c.name: listed_values(c.comment) for c in table.columns if self._filterable(table, c)}
            if _object_of_state_phrase(tokens, k, listed):
                request.handled.append((token.start, token.end))  # «снятые с продажи»: the state's words
                continue
            if self._word_of_column_phrase(request, table, tokens, k, {name}):
                continue  # «стоимость доставки скрыть»: delivery_fee's words (planner128)
            request.handled.append((token.start, token.end))
            yield from self._negated_at(request, table, token.start, name, f"{name} = {_quote(value)}")

    def _excluded_state_noun(self, request: Request, table: Table, tokens: list[Token], k: int) -> bool:
        """Token `k` is a Russian noun in the genitive no rule read, right after «без», «кроме» or «исключая»:
        the rows left out named by their state («без неявок», «кроме неявок»; marts94), as «кроме отменённых
        и неявок» is read as a list; the value is the caller's (one column's listed value, else nothing).
        Joined to a word no value of the table answers («без неявок и опозданий») it is not read alone: the
        phrase is asked whole."""
        token = tokens[k]
        if k == 0 or token.lang != "ru" or not token.parses or token.parses[0].pos != "NOUN":
            return False
        if tokens[k - 1].lower not in _EXCLUDING_PREPS_RU:
            return False
        if not any(p.pos == "NOUN" and p.case == "gent" for p in token.parses):
            return False
        if request.is_handled(token.start) or token.lower in request.claimed:
            return False
        if k + 2 < len(tokens) and tokens[k + 1].lower in ("и", "или"):
            other = tokens[k + 2]
            return bool(status_word(other.lower)[0] or self._listed_in(table, other))
        return True

    @staticmethod
    def _state_noun_not_counted(request: Request, tokens: list[Token], k: int) -> bool:
        """Token `k` is a Russian noun no rule read opening a clause that a negated verb closes right after it
        («…, неявки не считать», «неявки не берём»): the rows left out named by their state, as «без неявок»
        is (marts97: the clause was asked); the value is the caller's, its negation the closing verb's."""
        token = tokens[k]
        if k == 0 or k + 2 >= len(tokens) or token.lang != "ru" or not token.parses:
            return False
        if token.parses[0].pos != "NOUN" or not any(p.case in ("nomn", "accs") for p in token.parses):
            return False
        if tokens[k + 1].lower != "не" or not any(
            p.pos in ("VERB", "INFN") for p in tokens[k + 2].parses[:1]
        ):
            return False
        if request.is_handled(token.start) or token.lower in request.claimed:
            return False
        return bool(_APPOSITION_MARK.search(request.text[tokens[k - 1].end : token.start]))

    def _apposed_to_rows(self, request: Request, table: Table, tokens: list[Token], k: int) -> bool:
        """Token `k` is a Russian noun no rule read, set off by commas (or dashes) right after the words of
        the table's own noun: a kind of the rows said in apposition («Записи на занятия, неявки, в клик»,
        «Показы, неявки, ежедневно»; planner105)."""
        token = tokens[k]
        if token.lang != "ru" or not token.parses or token.parses[0].pos != "NOUN" or k == 0:
            return False
        if not any(p.pos == "NOUN" and p.case in ("nomn", "accs") for p in token.parses):
            return False
        if request.is_handled(token.start) or token.lower in request.claimed:
            return False
        if any(a <= token.start < b for a, b in request.schedule_spans):
            return False
        index = request.token_at(token.start)
        if not 0 <= index < len(request.tokens) or self._table_noun_at(request, table, index):
            return False
        before = request.text[tokens[k - 1].end : token.start]
        after = request.text[token.end : tokens[k + 1].start] if k + 1 < len(tokens) else "."
        if not (_APPOSITION_MARK.search(before) and _APPOSITION_MARK.search(after)):
            return False
        if k + 1 < len(tokens) and tokens[k + 1].lower in _LIST_JOINERS:
            return False  # «..., тел. и email скрыть»: an item of a list of columns, no kind of rows
        for j in range(k - 1, max(-1, k - 5), -1):  # the table's words, right before the comma
            if any(a <= tokens[j].start < b for a, b in request.schedule_spans):
                return False  # «кандидатов в клик ежедневно, тел. ...»: the schedule ended the table's words
            at = request.token_at(tokens[j].start)
            if not 0 <= at < len(request.tokens) or request.tokens[at] in request.claimed:
                return False  # «..., в клик, ...»: the target, not the table's phrase
            if self._table_noun_at(request, table, at):
                return True
            if j and _APPOSITION_MARK.search(request.text[tokens[j - 1].end : tokens[j].start]):
                return False
        return False

    def _unread_apposed_noun(self, request: Request, table: Table) -> list[str]:
        """«Записи на приём, опоздания, в клик»: a noun set off by commas after the table's words that no
        rule read and that names no column or table is a kind of rows the catalog does not list: asked,
        quoting it, never every row (planner105)."""
        tokens = [t for t in tokenize(request.text) if t.lang != "punct"]
        for k, token in enumerate(tokens):
            if not self._apposed_to_rows(request, table, tokens, k):
                continue
            if self.grounding._column_mentions(table, [token.lower]) or self.grounding._names_table(
                token.lower, table
            ):
                continue
            if self.grounding._names_other_table(token.lower, table) or token.lower in ROW_WORDS:
                continue
            return [unread_clause_question(request.language, table, token.text)]
        return []

    def _heads_rows_ahead(self, request: Request, table: Table, tokens: list[Token], k: int) -> bool:
        """Token `k` is a Russian noun no rule read, not the table's own word, with the table's word in the
        three words after it: the noun heading the rows («неявки на занятия», planner103)."""
        token = tokens[k]
        if token.lang != "ru" or not token.parses or token.parses[0].pos != "NOUN":
            return False
        if request.is_handled(token.start) or token.lower in request.claimed:
            return False
        if any(a <= token.start < b for a, b in request.schedule_spans):
            return False
        index = request.token_at(token.start)
        if 0 <= index < len(request.tokens) and self._table_noun_at(request, table, index):
            return False
        ahead = [request.token_at(t.start) for t in tokens[k + 1 : k + 4]]
        if any(0 <= i < len(request.tokens) and self._table_noun_at(request, table, i) for i in ahead):
            return True
        # «Неявки на приём» of 'Записи на приём': a noun of the table's comment after a preposition names
        # the rows too (planner105)
        said = comment_lemmas(table.comment or "")
        return (
            k + 2 < len(tokens)
            and any(p.pos == "PREP" for p in tokens[k + 1].parses[:1])
            and any(p.pos == "NOUN" and p.lemma in said for p in tokens[k + 2].parses)
        )

    def _other_table_state_noun(self, request: Request, table: Table, conditions: list[str]) -> list[str]:
        """«Неявки на занятия» loaded from group_classes: a noun heading the rows ahead of the table's own
        word that means a value no column of this table lists, but one column of ANOTHER table of the
        connection does (bookings.status 'no_show' by the glossary's «неявка»), is that table's state, which
        this load cannot apply: asked, never dropped (planner103: every class was loaded). Only the noun
        before the table's word: a state noun elsewhere is left to the rules that read it."""
        conn = next((c for c, ts in self.catalog.tables.items() if table in ts), None)
        others = [t for t in self.catalog.tables_of(conn or "") if t.qualified_name != table.qualified_name]
        read = " ".join(conditions).lower()
        tokens = [t for t in tokenize(request.text) if t.lang != "punct"]
        for k, token in enumerate(tokens[:-1]):
            if not self._heads_rows_ahead(request, table, tokens, k) or self._listed_in(table, token):
                continue
            named = [
                (other, column.name, value)
                for other in others
                for column in other.columns
                for value in self._listed_in(other, token, column)
            ]
            if len({(o.qualified_name, n) for o, n, _ in named}) != 1 or named[0][2].lower() in read:
                continue
            other, name, value = named[0]
            if len({v for _, _, v in named}) == 1:  # a mart may join the table and filter there (marts129)
                said = (token.start, token.end, other.qualified_name, f"{name} = {_quote(value)}")
                request.other_table_conditions.append(said)
            return [say(request.language, "planner.other_table_flag", phrase=token.text,
                        column=f"{other.qualified_name}.{name}", table=table.qualified_name)]  # fmt: skip
        return []

    def _other_table_glosses(self, request: Request, table: Table, conditions: list[str]) -> list[str]:
        """«Занятия (no_show)», «Неявки на занятия (no_show)» loaded from group_classes: a Latin word alone in
        brackets after Russian words that no column of this table lists, but one column of ANOTHER table of
        the connection does (bookings.status 'no_show'), is that table's condition, which this load cannot
        apply: asked, never dropped (planner100; _glossed_value_conditions reads this table's own)."""
        conn = next((c for c, ts in self.catalog.tables.items() if table in ts), None)
        others = [t for t in self.catalog.tables_of(conn or "") if t.qualified_name != table.qualified_name]
        read = " ".join(conditions).lower()
        for gloss in _LATIN_GLOSS.finditer(request.lower):
            value = gloss.group(1).split()[-1]
            if request.is_handled(gloss.start(1)) or f"'{value}'" in read:
                continue
            if not CYRILLIC.search(request.lower[max(0, gloss.start() - 40) : gloss.start()]):
                continue  # a bracket after no Russian words glosses nothing of a Russian request
            if any(value in {v.lower() for v in listed_values(c.comment)} for c in table.columns):
                continue
            named = [
                (other, column.name)
                for other in others
                for column in other.columns
                if value in {v.lower() for v in listed_values(column.comment)}
            ]
            if len(named) != 1:
                continue
            other, name = named[0]
            phrase = request.text[gloss.start() : gloss.end()]
            return [say(request.language, "planner.other_table_flag", phrase=phrase,
                        column=f"{other.qualified_name}.{name}", table=table.qualified_name)]  # fmt: skip
        return []

    def _compound_value_question(self, request: Request, table: Table, conditions: list[str]) -> list[str]:
        """«показания электросчётчиков», «водосчётчики»: a compound whose first part means a value a column of
        the table its second part names lists (meters.resource 'electricity') is a condition; none read, it
        is asked, never dropped (planner43). On another table a load cannot apply it anyway."""
        conn = next((c for c, ts in self.catalog.tables.items() if table in ts), None)
        read = " ".join(conditions).lower()
        for token in tokenize(request.text):
            prefix = next((p for p in COMPOUND_VALUE_PREFIXES if token.lower.startswith(p)), None)
            if prefix is None or token.lang != "ru" or request.is_handled(token.start):
                continue
            rest = stem(token.lower[len(prefix) :])
            for other in self.catalog.tables_of(conn or ""):
                if len(rest) < 4 or rest not in {stem(w) for w in words(other.comment or "")}:
                    continue
                values = _compound_values(other, prefix)
                if not values:  # «теплосчётчики» where meters list electricity, water and gas only
                    values = _kind_column_without(other, prefix)
                if not values or any(f"'{v.lower()}'" in read for _, v in values):
                    continue
                here = table.qualified_name
                if other.qualified_name == here:
                    return [unread_clause_question(request.language, table, token.text)]
                column = f"{other.qualified_name}.{values[0][0]}"
                return [say(request.language, "planner.other_table_flag", phrase=token.text, column=column,
                            table=here)]  # fmt: skip
        return []

    def _other_table_adjective_value(self, request: Request, table: Table) -> list[str]:
        """«звонки абонентов из Московского региона»: an adjective and a noun naming a text column of ANOTHER
        table (subscribers.region), right after that table's noun, is a value of it this load cannot apply:
        asked, never dropped (planner43; listed values: _other_table_values)."""
        conn = next((c for c, ts in self.catalog.tables.items() if table in ts), None)
        others = [t for t in self.catalog.tables_of(conn or "") if t.qualified_name != table.qualified_name]
        tokens = [t for t in tokenize(request.text) if t.lang != "punct"]
        for k in range(2, len(tokens)):
            adjective, noun = tokens[k - 1], tokens[k]
            if noun.lang != "ru" or not adjective.parses or adjective.parses[0].pos != "ADJF":
                continue
            if self.grounding._columns_in(table, noun.lower):
                continue  # a column of this table: its own rules read it
            near = [w.lower for w in tokens[max(0, k - 4) : k - 1]]
            named = [
                (other, name)
                for other in others
                if any(self._names_own_rows(other, w) for w in near)
                for name in self.grounding._columns_in(other, noun.lower)
                if _is_text(column := other.column(name))
                and column is not None
                and not listed_values(column.comment)
            ]
            if len(named) == 1:
                other, name = named[0]
                phrase = f"{adjective.text} {noun.text}"
                return [say(request.language, "planner.other_table_flag", phrase=phrase,
                            column=f"{other.qualified_name}.{name}", table=table.qualified_name)]  # fmt: skip
        return []

    @staticmethod
    def _listed_in(table: Table, token: Token, only: Column | None = None) -> list[str]:
        """The values the comments of `table`'s columns (or of `only`) list that `token` writes or means."""
        meant = value_meanings(token)
        return [
            value
            for column in ([only] if only is not None else table.columns)
            for value in listed_values(column.comment)
            if value.lower() == token.lower or stem(value.lower()) in meant
        ]

    def _ask_flag_or_event(
        self, request: Request, table: Table, span: tuple[int, int], flags_: list[str], columns: list[str]
    ) -> None:
        """A state word both a yes/no column and an event's time column read: asked, quoting both; the
        words count as read so no other rule asks about them again."""
        request.handled.append(span)
        phrase = request.text[span[0] : span[1]]
        request.unsure.append(say(request.language, "planner.flag_or_event", phrase=phrase, flag=flags_[0],
                                  column=columns[0], table=table.qualified_name))  # fmt: skip

    def _own_state_word(self, table: Table, word: Token) -> bool:
        """`word` names a state of `table`'s own columns: an event's time column or a listed value."""
        return bool(self._event_columns_of(table, word)) or self.is_listed_value(table, word.lower)

    def _foreign_filters(self, request: Request, table: Table) -> list[str]:
        """ "customers for region north": a value filter on a column this table does not have is asked
        about, not dropped silently."""
        tokens = request.tokens
        for i in range(1, len(tokens) - 1):
            if not self._links_value(request, i) or tokens[i] in request.claimed:
                continue
            meanings = self.vocabulary.meanings(tokens[i])
            if not meanings & VALUE_COLUMN_WORDS or self.grounding._names_table(tokens[i], table):
                continue
            if self.grounding._column_mentions(table, [tokens[i]], generic_ok=frozenset(FILTER_GENERIC_OK)):
                continue
            if self._state_column_named(table, tokens[i]) is not None:
                continue  # "status done" of phase 'Состояние заявки': the state column, read as its value
            if self._is_value(request, table, request.raw[i + 1]):
                phrase, columns = f"{tokens[i]} {request.raw[i + 1]}", ", ".join(table.column_names)
                return [f"{table.qualified_name} has no column {tokens[i]!r} to filter on ({phrase}); "
                        f"columns: {columns}."]  # fmt: skip
        return []

    def _unplaced_only_value(self, request: Request, table: Table, conditions: list[str]) -> list[str]:
        """ "лиды ежедневно, только web": a lone value after "only" that no rule placed in a column is
        asked about; loading every row would ignore it."""
        schedule = parse_schedule(request.text)
        schedule_words = words(schedule.phrase) if schedule else []
        for at, token in enumerate(request.tokens[:-1]):
            i = at  # "only the fluffy ones": the article before the word and "ones" after it (planner22)
            while (
                token == "only" and i + 2 < len(request.tokens) and request.tokens[i + 1] in ("the", "those")
            ):
                i += 1
            end = i + 2
            if token == "only" and end < len(request.tokens) and request.tokens[end] in ROW_PRONOUNS_EN:
                end += 1
            if token not in ("only", "только") or not self.grounding._ends_list(request, end):
                continue
            if token == "only" and _comma_between(request, i, i + 1):
                continue  # "night shifts only, rebuilt every Monday": "only" closed its phrase (marts101)
            word, raw = request.tokens[i + 1], request.raw[i + 1]
            after = request.spans[end - 1][1]  # the end of the phrase: "only big ones|, where …"
            known = (
                word in schedule_words
                or request.is_handled(request.spans[i + 1][0])  # «только занятые»: read as a flag (planner22)
                or DAY_WINDOW.fullmatch(word)
                or table.column(word)
                or status_word(word)[0]
                or NEW_NOUN.fullmatch(word)
                or INCREMENTAL.fullmatch(word)
                or self.grounding._names_table(word, table)
                or self.grounding._heads_comment(word, table)  # «только билеты» of 'Авиабилеты' (planner51)
                or self.grounding._names_other_table(word, table)
                or self.vocabulary.meanings(word)
                & set(name_parts(table.name))  # «только платежи» (tuition_payments)
                or any(_quote(raw) in c or _quote(word) in c for c in conditions)
                or self.grounding._word_column(table, [word], fk_words=False)  # «только ФИО и email»
                # «только действующие (без даты увольнения)»: the brackets, read as a condition, explain it
                or (bool(conditions) and request.text[after:].lstrip().startswith("("))
                # «только пропуски, где present = false», "only absences, i.e. present = false": the clause
                # after the value says which rows it means, and a rule read a condition there
                or (bool(conditions) and _EXPLAINING_CLAUSE.match(request.lower, after))
                # «только работающие — fired_at пустой», "only active: ended_at empty": a dash or colon and a
                # column of the table's own with a condition read there gloss the word (marts69)
                or (bool(conditions) and _glossed_by_column(request, table, after, conditions))
                # «только проведённые, в статусе done», "only held ones, status done": the status value after
                # the word, read into the WHERE, says which rows it means (planner105)
                or status_gloss_after(request, table, after, " ".join(conditions))
                or _starts_a_run(raw)  # "only run on weekdays at 5": when it runs, no value 'run'
                # «только те, что работают»: the pronoun stands for the rows the clause after it describes
                or (word in DEMONSTRATIVE_ROWS and bool(conditions))
            )
            if known or not self._is_value(request, table, raw):
                continue
            text_columns = sorted(
                (c.name for c in table.columns if self._filterable(table, c)),
                key=lambda name: not set(name_parts(name)) & VALUE_COLUMN_WORDS,  # category before sku
            )
            example = ""
            if text_columns:
                example = (
                    f" (например, {text_columns[0]} = {_quote(raw)})"
                    if request.language == "ru"
                    else f" (for example {text_columns[0]} = {_quote(raw)})"
                )
            question = say(
                request.language,
                "planner.which_column_for_value",
                table=table.qualified_name,
                value=raw,
                example=example,
            )
            return [question]
        return []

    def _starts_clause(self, request: Request, index: int) -> bool:
        """Word `index` follows punctuation: ", region north only" states a condition of its own."""
        gap = request.text[request.spans[index - 1][1] : request.spans[index][0]] if index else ""
        return bool(re.search(r"[,;:(—–]", gap))

    def _filterable(self, table: Table, column: Column) -> bool:
        personal = any(parts <= set(name_parts(column.name)) for parts in PII_COLUMN_PARTS)
        return _is_text(column) and not personal and column.name != "id" and not column.name.endswith("_id")

    def _is_value(self, request: Request, table: Table, value: str) -> bool:
        lower = value.lower()
        if lower in STATUS_VALUES:
            return True
        if not (VALUE_TOKEN.match(value) or self._dotted_value(lower)):
            return False
        if lower in request.values and lower in ZONE_VALUE_WORDS:
            return True  # "only warehouse msk": a zone's abbreviation standing as a value (see the planner)
        if lower in NOT_A_NAME or lower in OPERATORS or table.column(lower):
            return False
        if lower in NEGATORS:
            return False  # «в поддержку, кроме закрытых»: «кроме» opens an exception, it is no value
        if lower == table.name.lower():
            return False  # «остатки по складам (inventory)»: the table's own name, given in brackets
        if lower in ("номер", "number", "no", "№"):
            return False  # «в общежитии номер 3»: the value is the number after it, not the word
        if lower in request.claimed and not self.is_listed_value(table, lower):
            return False  # "the insurance company database"; but 'Тип (person, company)' lists "company"
        if PIPELINE_VERBS.fullmatch(lower) or is_mask_word(lower):
            return False
        if NULL_WORDS.match(lower) or NULL_AFTER.fullmatch(lower):
            return False  # "где город пустой" is a null check
        if parse_schedule(f"every day {value}") is None and parse_schedule(value) is not None:
            return False
        if value.islower() and _only_verb(lower):
            return False  # «в общежитии перелей в клик»: the imperative starts the next clause, no value
        if _sentence_word(lower):
            return False  # «из отзывов нужны только ...», «в поддержку апсертом»: the sentence, no value
        return lower not in VALUE_NOISE and not re.search(r"(ть|ться|ти)$", lower)

    def _dotted_value(self, lower: str) -> bool:
        """«с точкой доступа internet.mts», "apn iot.corp": a dotted Latin code is a value, unless it is a
        table of the catalog (network.calls) or a file name (orders.csv) (planner22)."""
        if not _DOTTED_VALUE.fullmatch(lower) or lower.rsplit(".", 1)[1] in _FILE_SUFFIXES:
            return False
        return not any(
            lower in (t.qualified_name.lower(), t.name.lower())
            for conn_id in self.catalog.connections
            for t in self.catalog.tables_of(conn_id)
        )

    def _position(self, request: Request, index: int) -> int:
        """Character offset of the index-th word (for ordering conditions as written)."""
        return request.spans[index][0] if index < len(request.spans) else len(request.text)


# «без просрочки», «с просрочкой», "without delay", "with a delay", «по которым нет просрочки»: the noun a
# counting column counts units of
_COUNT_CUE = re.compile(
    r"(?<![a-zа-яё])(?P<cue>без|нет|с|со|есть|without|with|no)\s++(?:(?:an?|any|the)\s++)?(?P<word>[a-zа-яё]{4,})(?![\w-])"
)
# A comparison or a number right after that noun: the comparison rules read it («с просрочкой больше 90»).
_COMPARED_NEXT = re.compile(
    r"\s*+(?:(?:не|no|not)\s++)?(?:больше|меньше|более|менее|свыше|от|до|over|more|less|above|below|under|at\s+least|at\s+most|of|"
    r">|<|=|\d)(?![a-zа-яё])"
)
# The first word of a counting column's comment: «Дней просрочки», «Количество попыток», «Число визитов».
_COUNT_HEADS = frozenset({"дней", "часов", "минут", "месяцев", "лет", "количество", "число", "кол-во"})


def counts_units(column: Column) -> bool:
    """A whole-number column counting units of something ('Дней просрочки', `overdue_days`, `retry_count`):
    «без» its noun is none of them, «с» its noun more than none."""
    kind = column.type.lower()
    if not any(k in kind for k in ("int", "serial")) or column.name.endswith("_id") or column.name == "id":
        return False
    first = words(column.comment or "")[:1]
    return bool(first and first[0] in _COUNT_HEADS) or column.name.endswith(("_days", "_count", "_hours"))


# «в таблицу X», «в табличку X», "into table X": the target's table word after a to-word
TABLE_WORD = re.compile(r"табли(?:ц|чк)\w*|tables?")


def measured_in_unit(column: Column) -> bool:
    """A numeric column kept in a unit of measure (distance_km 'Пробег, км', duration_sec, weight_kg): a
    quantity with about as many values as rows, never a category to group by as it stands."""
    if _is_text(column) or column.name == "id" or column.name.endswith(("_at", "_id", "date")):
        return False
    # the unit after the comment's comma ('Вес, кг'), not a unit noun inside it ('Пакет минут': a package)
    unit_said = (
        set(words(column.comment.lower().rpartition(",")[2]))
        if column.comment and "," in column.comment
        else set()
    )
    return any(column.name.split("_")[-1] == unit or unit_said & set(forms) for unit, forms in _UNITS.items())


# Words between «которые»/"that" and the verb: «ещё не вернули», "have not been returned yet".
@functools.lru_cache(maxsize=512)
def _comment_stems(comment: str) -> frozenset[str]:
    """Stems of the words of a table comment (outside brackets)."""
    return frozenset(stem(w) for w in words(re.sub(r"\([^()]*\)", " ", comment)))


@functools.lru_cache(maxsize=1024)
def comment_lemmas(comment: str) -> frozenset[str]:
    """The lemmas of a comment's Russian words (outside brackets): «ребёнок» of 'Детей'."""
    return frozenset(
        lemma for t in tokenize(re.sub(r"\([^()]*\)", " ", comment)) if t.lang == "ru" for lemma in t.lemmas
    )


@functools.lru_cache(maxsize=512)
@functools.lru_cache(maxsize=1024)  # asked per column for every request (the year rule): comments are fixed
def _head_noun(comment: str) -> frozenset[str]:
    """The lemmas of a Russian table comment's first noun ('Банковские счета клиентов' -> «счёт»), the thing
    each row is; empty when the comment starts otherwise."""
    for word in tokenize(re.sub(r"\([^()]*\)", " ", comment)):
        if word.lang != "ru" or not word.parses:
            return frozenset()
        if any(p.pos == "NOUN" for p in word.parses[:2]):
            return frozenset(p.lemma for p in word.parses if p.pos == "NOUN")
    return frozenset()


# "worth more than 1 000 000", "valued at least ...": what a thing is worth, the column keeping its value by
# name (market_value, estimated_value) or by its comment's noun ('Рыночная стоимость', 'Оценочная стоимость')
_WORTH_WORDS = frozenset({"worth", "valued"})
_VALUE_NAME_PARTS = frozenset({stem("value"), stem("valuation")})
_VALUE_COMMENT_STEMS = frozenset({stem("стоимость")})


def _worth(table: Table, word: str) -> list[str]:
    """The one number column keeping a thing's value, for "worth" before a comparison (planner160:
    bc-en-018 "vehicles worth at least 3 000 000" of market_value); [] for any other word, or when none or two
    value columns fit (asked)."""
    if word.lower() not in _WORTH_WORDS:
        return []
    found = [
        c.name
        for c in table.columns
        if _is_quantity_column(c)
        and not _is_time_column(c)
        and (
            set(name_parts(c.name)) & _VALUE_NAME_PARTS
            or _comment_head_stem(c.comment or "") in _VALUE_COMMENT_STEMS
        )
    ]
    return found if len(found) == 1 else []


def _comment_head_stem(comment: str) -> str | None:
    """The stem of the last word of a comment's first phrase: 'Рыночная стоимость, руб' -> стоимост, while
    'Стоимость доставки' ends on доставк (the cost of something else, not what the row is worth)."""
    said = words(re.split(r"[,;(]", comment, maxsplit=1)[0])
    return stem(said[-1]) if said else None


def _base_measure(table: Table, word: str) -> list[str]:
    """The one number column a noun's comment word names when several comments have it and the others only
    qualify it: «с оценкой ниже 3» of rating 'Общая оценка', food_rating 'Оценка еды', delivery_rating
    'Оценка доставки' is `rating`, whose name every other one extends (as "rating" names it in English).
    [] when no such column or the names do not nest."""
    said = stem(word.lower())
    numbers = [
        c
        for c in table.columns
        if c.comment
        and said in _comment_stems(c.comment)
        and _is_quantity_column(c)
        and not _is_time_column(c)
    ]
    if len(numbers) < 2:
        return []
    base = [
        c.name
        for c in numbers
        if all(set(name_parts(c.name)) < set(name_parts(o.name)) for o in numbers if o is not c)
    ]
    return base if len(base) == 1 else []


def _measure_by_comment_phrase(table: Table, before: str) -> list[str]:
    """The one number column whose comment's naming phrase (before a comma or bracket: the unit and listed
    values are not said) the words ending `before` say in full, any case form: «где заряд батареи в конце
    меньше 80» of end_soc 'Заряд батареи в конце, %' (start_soc is 'Заряд батареи в начале, %'). Phrases of
    two words at least; [] when none or several columns fit."""
    said = [stem(w.lower()) for w in words(before[-120:])]
    found = []
    for column in table.columns:
        if not column.comment or not _is_quantity_column(column) or _is_time_column(column):
            continue
        phrase = [stem(w.lower()) for w in words(re.split(r"[,(;]", without_listed(column.comment))[0])]
        if 2 <= len(phrase) <= len(said) and said[-len(phrase) :] == phrase:
            found.append(column.name)
    return found if len(found) == 1 else []


def _is_year_column(column: Column) -> bool:
    """A column holding a calendar year: `year` in its name (manufactured_year, year_built) or a comment
    whose first noun is «год» ('Год выпуска')."""
    return "year" in column.name.lower().split("_") or "год" in _head_noun(column.comment or "")


def _dates_a_day(column: Column | None) -> bool:
    """A date or a timestamp, not a time of day ('Время закрытия' of a restaurant's closes_at)."""
    kind = column.type.lower() if column is not None else ""
    return "date" in kind or "timestamp" in kind


def _is_event_column(column: Column) -> bool:
    """A nullable time column named for its event: `*_at`, `*_date`, `*_on` ("closed loans" and closed_on).
    One every row has (expires_on of a card, issued_at of a ticket, declared NOT NULL) says no event happened:
    "issued tickets" is then a status value, never `issued_at IS NOT NULL`, true of every row."""
    return column.nullable and column.name.endswith(("_at", "_date", "_on")) and not _time_of_day(column)


def _time_of_day(column: Column) -> bool:
    """A `time` column (closes_at 'Время закрытия' of a restaurant) holds an hour of each day, no event that
    happened: «закрытые рестораны» is never `closes_at IS NOT NULL` (planner82)."""
    kind = column.type.lower()
    return kind.startswith("time") and "stamp" not in kind


def ends_in_exception(words_: str) -> bool:
    """The words end in an exception of one word («обращения кроме закрытых», "except rejected ones"), whose
    object are the rows left out; not «без»/"without" + a noun («без отметки о завершении»), which a bracket
    may explain whole."""
    return _EXCEPT_TAIL.search(words_) is not None


# "rejected ones": the pronoun of the rows after a value
_ONES_AFTER = re.compile(r"\s+(?:ones|one)\b")
# Exception words: their object are the rows left out («кроме закрытых», "except rejected ones"); an English
# leave-out verb before a listed value is one too ("exclude the rejected ones", planner37)
_EXCEPT_WORDS = frozenset(
    {"кроме", "исключая", "except", "excluding", "exclude", "omit", "skip", "out", "without"}
)
# «не в статусе closed», "not in status closed", «не со статусом»: the preposition between a negation and the
# column word whose value follows
_COLUMN_PREPOSITIONS = frozenset({"в", "во", "со", "с", "in", "with"})
# "leave out the lost ones": the verb whose particle «out» (one of _EXCEPT_WORDS) negates the value after it
_LEAVE = frozenset({"leave", "leaving"})
# "failed ones excluded", "refunded rows left out": an exclusion said after the rows it leaves out
EXCLUDED_EN = frozenset({"excluded", "omitted"})
# "refunds not needed", "refunds are not wanted": the English of «возвраты не нужны» (planner67)
# «тестовые не показывать», «тестовые не светить», "test ones not shown" (planner109; the Russian verbs:
# vocabulary.SHOW_FORMS_RU)
NOT_SHOWN_AFTER = re.compile(
    rf"не\s+(?:{SHOW_FORMS_RU}|выводи\w*)|(?:(?:are|is|be)\s+)?not\s+(?:shown|displayed)\b",
    re.IGNORECASE,
)
_EXCLUDED_AFTER = re.compile(
    r"(?:"
    + "|".join(sorted(EXCLUDED_EN))
    + r"|left\s+out|(?:(?:are|is)\s+)?not\s+(?:needed|wanted|required))\b"
)
# «кроме закрытых», "except the rejected ones", «кроме онлайн-продаж», "except online sales" (up to three
# words, hyphenated ones too) right before an explanation in brackets
_EXCEPT_TAIL = re.compile(
    r"(?<!\w)(?:кроме|исключая|except|excluding)\s+(?:(?:the|those|тех|всех)\s+)?\w+(?:-\w+)*"
    r"(?:\s+\w+(?:-\w+)*){0,2}?(?:\s+(?:ones|one|rows|records))?[\s,\u2014\u2013:-]*$"
    # «без закрытых (status closed)»: «без» and one adjective or participle in the genitive plural says the
    # rows left out as «кроме» does (planner52); «без отметки о завершении» stays a noun the bracket explains
    r"|(?<!\w)без\s+\w+[ыи]х[\s,\u2014\u2013:-]*$"
)


def starts_new_rows(lower: str, at: int) -> bool:
    """The words at `at` open the new-rows clause: "new rows", «новые записи» (INCREMENTAL), or a new-word
    followed by the column it goes by ("new ones by created_at", «новые по created_at»). A list of values
    ends there: "status final, new rows by reported_at" holds the one value 'final'."""
    if INCREMENTAL.match(lower, at):
        return True
    new = NEW_NOUN.match(lower, at)
    return new is not None and _NEW_BY.match(lower, new.end()) is not None


# "in USD or EUR", «в EUR и CNY»: upper-case codes after in/в, joined by commas and and/or/и/или.
# An upper-case code, digits allowed beside a letter ("USD", "3D", "CCS2"); a bare number is no code.
_CODE_ATOM = r"(?=\d*[A-Z])[A-Z\d]{2,5}"
_CODE = re.compile(r"\b" + _CODE_ATOM + r"\b")
_CODE_RUN = re.compile(
    r"(?<![\w-])(?:in|в|во)\s+(?P<codes>"
    + _CODE_ATOM
    + r"(?:\s*(?:,|\b(?:and|or|и|или)\b)\s*"
    + _CODE_ATOM
    + r")*)(?![\w-])"
)
# «в долларах и евро (USD, EUR)», "in dollars or euros (USD, EUR)": the codes in brackets say what the
# words mean
_EXPLAINED_CODE_RUN = re.compile(
    r"(?<![\w-])(?:in|в|во)\s+(?:[^\W\d_]+\s+){0,3}[^\W\d_]+\s*"
    r"\((?P<codes>[A-Z]{2,5}(?:\s*(?:,|\b(?:and|or|и|или)\b)\s*[A-Z]{2,5})*)\)"
)
# After a new-word: the column the new rows go by ("new by created_at", «новые по created_at»).
_NEW_BY = re.compile(r"\s+(?:(?:ones|rows|records|entries|строки|записи)\s+)?(?:by|по|since|after|с|после)\b")


def _prev_boundary(request: Request, marker: re.Match[str]) -> int:
    """Where the words a restatement marker explains end: before the comma, dash or bracket that opens
    the explanation («счета, то есть ...»)."""
    at = marker.start()
    while at > 0 and request.lower[at - 1] in " ,(\u2014\u2013-:":
        at -= 1
    return at


# «ещё не закрыты», «пока не вернули», "not closed yet": the words say the event has not happened yet, so
# the event's time column is empty; a status the table also has is not what they ask about.
NOT_YET_WORDS = frozenset({"еще", "ещё", "пока", "yet"})
# «которые так и не вернули»: "never did", the event has not happened yet, as «ещё не» (marts126)
NEVER_YET = frozenset({"так", "и"})
# "still ongoing", «ещё работающие»: the rows in a state that has not ended (_still_state_clauses)
STILL_WORDS = frozenset({"still", "еще", "ещё"})
# A state a row is held in, said by a preposition and a listed value: "under maintenance", "in repair"; where
# it came from or goes by, the value in an English plural: "orders from aggregators", "couriers on bikes"
HELD_IN_VALUE = re.compile(
    r"\b(?P<prep>under|in|from|via|through|on)\s+(?:(?P<the>the)\s+)?(?P<value>[a-z][a-z_]*)\b"
)
# "orders from the app", "bookings from the website": an application can also be the system the rows are read
# from, so after "from the" it is asked (round 80); a party ("from the aggregator", "the agency") is the value
_APPLICATION_NOUNS = frozenset(
    {"app", "application", "website", "site", "web", "portal", "api", "crm", "erp"}
)
# An exception cue whose object is the rows themselves ("except rooms under maintenance")
EXCEPTION_LEAD = re.compile(r"\b(?:except(?:\s+for)?|excluding|but\s+not)\b")
# Pronouns opening a relative clause right after the table's noun: "branches that ...", «отделения, которые»
RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "который", "которые", "которая", "которое"})
CLAUSE_FILLERS = {"еще", "уже", "пока", "так", "have", "has", "had", "been", "yet", "already", "be", "were",
                  "was", "are", "is", "t", "got", "get", "currently", "still", "now"}  # fmt: skip
COLUMN_NOUNS = {"column", "columns", "field", "fields", "колонку", "колонки", "столбец", "столбцы", "поле",
                "поля"}  # fmt: skip


# «которые раньше работали», "who previously worked here": the state held before, no longer
_FORMERLY = frozenset({"раньше", "прежде", "ранее", "когда-то", "previously", "formerly"})


def _past_verb(token: Token) -> bool:
    """A Russian verb in the past tense or an English "-ed" form."""
    return in_past(token.lower) if token.lang == "ru" else token.lower.endswith("ed")


# «у нас», «у вас»: the organisation the clause's subject belongs to («которые у нас не работают»)
_WITH_US_RU = frozenset({"нас", "вас"})


def _with_us(tokens: list[Token], j: int) -> bool:
    """Word `j` is «у» before «нас»/«вас», or that pronoun after «у»."""
    if tokens[j].lower == "у":
        return j + 1 < len(tokens) and tokens[j + 1].lower in _WITH_US_RU
    return tokens[j].lower in _WITH_US_RU and j > 0 and tokens[j - 1].lower == "у"


# English verbs of working -> the stems of the flag of a person who works here ("who no longer work here")
WORKING_MEANINGS_EN = {"work": ("activ",), "employ": ("activ",)}
_WORK_EN = tokenize("work")[0]


def _with_us_en(tokens: list[Token], j: int) -> bool:
    """ "with us", "with the company" at word `j`: still employed, as "who work here"."""
    if tokens[j].lower != "with" or j + 1 >= len(tokens):
        return False
    rest = tokens[j + 1].lower
    return (
        rest == "us" or rest == "the" and j + 2 < len(tokens) and tokens[j + 2].lower in ("company", "team")
    )


_TURNED_AROUND = re.compile(r"\w+ (?:<>|IS DISTINCT FROM|NOT IN) |\(\w+ NOT IN |\w+ = false$")


def _excepted_already(request: Request, cue: int, first: tuple[int, str]) -> bool:
    """The exception word at `cue` («кроме доставленных, с …») was read by the rule that read the word right
    after it, and turned around (`status IS DISTINCT FROM 'delivered'`): the scope that runs past the comma
    would turn it back and take the next clause's condition for one left out too (planner166: asked)."""
    if not request.is_handled(cue):
        return False
    index = request.token_at(cue)
    position, condition = first
    return (
        index + 1 < len(request.spans)
        and request.spans[index + 1][0] == position
        and _TURNED_AROUND.match(condition) is not None
    )


def _flags_reading_english(table: Table, word: Token) -> list[str]:
    """Boolean columns whose name or Russian comment an English state word says: "published" of is_public
    'Опубликован на сайте' (the comment's lemma «опубликовать» means "publish", STATE_MEANINGS)."""
    said = stem(word.lower)
    found = []
    for column in table.columns:
        if "bool" not in column.type.lower():
            continue
        parts = [p for p in name_parts(column.name) if p not in ("is", "has", "flag")]
        # a negated bracket says the flag's opposite ('Тариф в архиве (не продаётся)'): no reading of it
        own = flags.NEGATED_BRACKET.sub(" ", column.comment or "")
        comment = [c for c in tokenize(own) if c.lang == "ru"]
        meanings = {m for c in comment for lemma in c.lemmas for m in STATE_MEANINGS.get(lemma, ())}
        if any(_same_root(stem(p), said) for p in parts) or said in meanings:
            found.append(column.name)
    return found


def _negated_english_ones(text: str, tokens: list[Token]) -> dict[int, tuple[int, int]]:
    """Index of each English word before "ones"/"one" inside a clause an English negation closes or opens
    ("the finished ones are not needed", "we don't need the finished ones") -> the negation's span."""
    clauses = [c for c in negation.negated_clauses(text) if text[c[2] : c[3]].isascii()]
    out = {}
    for k, token in enumerate(tokens[:-1]):
        if token.lang != "en" or tokens[k + 1].lower not in ROW_PRONOUNS_EN:
            continue
        for start, end, neg_start, neg_end in clauses:
            if start <= token.start < end and not neg_start <= token.start < neg_end:
                out[k] = (neg_start, neg_end)
    return out


# Words before a noun of a yes/no column's state: «с просрочкой», «без/нет просрочки»; «есть/имеется
# подозрение на мошенничество» says the state holds, as «с подозрением» does.
# Negations before a value in its clause: the rules that read negations place it, not the beside-noun cue.
BESIDE_NEGATOR_REACH = 5  # words looked back for one: «кроме закрытых (status closed)»
BESIDE_NEGATORS = frozenset({"не", "без", "кроме", "except", "without", "not", "no", "excluding"})
DEMONSTRATIVE_ROWS = frozenset({"те", "тех", "those"})  # «только те, что ...»: rows a clause describes
STATE_NOUN_CUES = frozenset({"с", "со", "без", "нет", "есть", "имеется", "имеются"})
# The case a cue governs, so it carries over «и» to the next noun of its list: «с уровнем gold и согласием»
_CUE_CASES = {"с": "ablt", "со": "ablt", "без": "gent"}


def _cue_carried(request: Request, tokens: list[Token], k: int) -> bool:
    """Word `k` follows «и»/«или» in a list whose first item a preposition of STATE_NOUN_CUES opened, in the
    case that preposition governs: «с уровнем gold и согласием на смс» is «с согласием на смс» too, so the
    list's second item is read, not dropped. Only within the clause (no ; . — between)."""
    if k < 2 or tokens[k - 1].lower not in ("и", "или"):
        return False
    for j in range(k - 2, max(-1, k - 7), -1):
        if re.search(r"[;.!?—–:]", request.text[tokens[j].end : tokens[k].start]):
            return False
        case = _CUE_CASES.get(tokens[j].lower)
        if case is not None:
            return tokens[k].lang == "ru" and any(p.case == case for p in tokens[k].parses[:2])
    return False


def _right_after_schedule(request: Request, start: int) -> bool:
    """The word at `start` follows the schedule's words with nothing but spaces between («ежедневно без
    времени возврата»): it goes on the load's description (which columns), not on the rows' noun."""
    return any(b <= start and not request.text[b:start].strip() for _, b in request.schedule_spans)


EVENT_DATE_NOUNS = {"даты", "дата", "времени", "date"}  # «без даты увольнения»: the event's time column
# "refund time", "cancellation date": the English event noun before its time noun
_TIME_NOUNS_AFTER_EN = {"time", "date", "timestamp", "datetime"}


def _event_of_time_noun(request: Request, index: int) -> bool:
    """Word `index` names the event of a time noun beside it («времени возврата», "refund time"): the time
    column's words, never the rows' state."""
    tokens = request.tokens
    if index and tokens[index - 1] in EVENT_DATE_NOUNS and not request.raw[index].isascii():
        return True
    english = request.raw[index].isascii()
    return english and index + 1 < len(tokens) and tokens[index + 1] in _TIME_NOUNS_AFTER_EN


# "that can still be cancelled", "that can't be returned": words between a modal and its "be"
_MODAL_FILLERS_EN = frozenset({"still", "also", "not", "t", "no", "longer", "yet", "only"})


def _after_without(tokens: Sequence[str], i: int) -> bool:
    """Word `i` is the noun after "without (a)" or "with no" ("policies without a cancellation yet"): the
    event has not happened, never the state it leads to (planner153: read as status = 'cancelled' too).
    "without test rows" is no event: a value before a rows noun says which rows to leave out."""
    if i + 1 < len(tokens) and tokens[i + 1] in _NOUNS_OF_VALUE_ROWS_EN:
        return False
    k = i - 1 - int(i > 1 and tokens[i - 1] in ("a", "an", "any"))
    return k >= 0 and (tokens[k] == "without" or (k > 0 and tokens[k] == "no" and tokens[k - 1] == "with"))


def _after_modal_be(tokens: Sequence[str], i: int) -> bool:
    """Word `i` is the participle of a modal passive ("orders that can be cancelled", "can't be returned"):
    an ability the rows have, never the state they are in (planner153: read as status = 'cancelled')."""
    if i < 2 or tokens[i - 1] != "be":
        return False
    k = i - 2
    while k > 0 and i - k <= 4 and tokens[k] in _MODAL_FILLERS_EN:
        k -= 1
    return tokens[k] in MODAL_VERBS_EN or tokens[k] == "cannot"


# planner144: the auxiliaries between "that" and a listed value's participle ("that got fixed", "that have
# been accepted already", "that haven't been resolved yet"); a clause of "has"/"have" alone is possession
_CLAUSE_AUXILIARIES_EN = frozenset({"have", "has", "had", "been", "still", "already", "currently", "now"})
# marts130: the particle that says a state does not hold («которые ещё не оплачены», "not paid yet", "haven't
# been paid"), read as «неоплаченные» is: the status's own un-/not_ value where it lists one (q112). An
# exception word («кроме оплаченных», "except paid") leaves the named rows out and keeps `<>`.
_STATE_NOT = frozenset({"не", "not", "t", "never"})
_CLAUSE_NEGATORS_EN = frozenset(
    {"not", "never", "haven", "hasn", "hadn", "weren", "wasn", "aren", "isn", "t"}
)


def _english_clause_predicate(tokens: list[str], k: int) -> tuple[int, bool] | None:
    """The index of the predicate's word after a relative word's auxiliaries at `k` and whether a negation
    stood among them: "that are X", "that got X", "that haven't been X" (-> X, True), "that have departed";
    None when no form of "be"/"get" opens the predicate (planner144: only "are"/"is" were read)."""
    copula, negated, perfect = False, False, False
    while k < len(tokens) and (
        tokens[k] in BE_WORDS or tokens[k] in _CLAUSE_AUXILIARIES_EN or tokens[k] in _CLAUSE_NEGATORS_EN
    ):
        copula = copula or tokens[k] in BE_WORDS or tokens[k] in ("aren", "isn", "weren", "wasn")
        negated = negated or tokens[k] in _CLAUSE_NEGATORS_EN
        perfect = perfect or tokens[k] in ("have", "has", "had", "haven", "hasn", "hadn")
        k += 1
    # "that haven't departed yet": a perfect of a past participle says the state too
    copula = copula or (perfect and k < len(tokens) and tokens[k].endswith("ed"))
    return (k, negated) if copula and k < len(tokens) else None


# planner140: «сеансы, на которые всё распродано»: the impersonal «всё» (lexed «все») before a clause's short
# participle is the whole of what the rows offer, the state still the participle's
IMPERSONAL_SUBJECTS = frozenset({"все"})
# "deposits that can be topped up": a modal before a clause's predicate says an ability (planner150)
MODAL_VERBS_EN = frozenset({"can", "could", "may"})
CLAUSE_NEGATORS = {"не", "not", "never", "haven", "hasn", "weren", "wasn", "didn", "aren", "isn", "cannot"}
BE_WORDS = {"were", "was", "is", "are", "been", "be", "got", "get"}  # "that were returned": a passive state


# Russian common words that are literally an English listed code: a value only when joined by и/или to another
# value of the same column («только новые и in_progress»); alone «новые» keeps meaning new rows.
COMMON_VALUE_WORDS = {"новый": "new"}


def _event_status_value(table: Table, event: str) -> str | None:
    """The value of `table`'s status the event time column `event` is named after (expelled_on: 'expelled',
    closed_at: 'closed') when the status's comment lists it and no other column's comment does; None
    otherwise (a value not listed, or two status-like columns holding it: asked)."""
    column = state_column(table)
    values = listed_values(column.comment) if column is not None else ()
    parts = event.rsplit("_", 1)
    if column is None or len(values) < 2 or len(parts) != 2 or parts[1] not in ("at", "on", "date"):
        return None
    value = parts[0] if parts[0] in values else _lapsed_value(table, event, values)
    if value is None:
        return None
    if any(c.name != column.name and value in listed_values(c.comment) for c in table.columns):
        return None
    return value


def _lapsed_value(table: Table, event: str, values: Sequence[str]) -> str | None:
    """The listed value a deadline column's verb says in the past: expires_on ('Бронь действует до') and a
    status listing 'expired' («истёкшие брони», "holds that expired"). A deadline is no event that happened:
    `expires_on IS NOT NULL` is every hold given a term, so the status is the state meant (planner135)."""
    from airflow_ai_etl.planning.marts.grain import _deadline_time  # the mart rules import this module

    column = table.column(event)
    if column is None or not _deadline_time(column):
        return None
    root = stem(event.rsplit("_", 1)[0])
    found = [v for v in values if v.isalpha() and stem(v) == root]
    return found[0] if len(found) == 1 else None


def assumed_state(language: str, table: Table, phrase: str, event: str) -> tuple[str, str] | None:
    """A state word the status lists while the event's time column dates it («отчисленных» beside expelled_on
    and a status listing expelled): the condition the README's convention plans (`status = 'expelled'`) and
    the assumption naming the other reading (`expelled_on IS NOT NULL`); None when the status does not list
    the value the event is named after, or another column lists it too (asked). Loads and marts alike."""
    value = _event_status_value(table, event)
    if value is None:
        return None
    return f"{state_name(table)} = {_quote(value)}", assumed_state_note(
        language, phrase, value, event, state_name(table)
    )


def assumed_state_note(language: str, phrase: str, value: str, event: str, column: str = "status") -> str:
    """The plan's assumption for a state word read as the state column's value, naming the event's time
    reading."""
    key = "planner.assumed_state_value"
    return say(language, key, phrase=phrase, column=column, value=value, event=event)


def state_two_columns_question(language: str, table: Table, phrase: str, event: str) -> str | None:
    """The question a state word both the event's time column and a status listing could say gets
    («закрытые»: closed_at IS NOT NULL or status (open, frozen, closed)); None with no such listing. Loads
    and marts ask it alike."""
    column = state_column(table)
    values = listed_values(column.comment) if column is not None else ()
    if len(values) < 2 or column is None:
        return None
    listed = ", ".join(values)
    key = "planner.state_two_columns"
    return say(language, key, phrase=phrase, event=event, column=column.name, values=listed)


# The first part of a Russian compound noun that means a kind of resource -> the English stems a listed value
# of that kind is made of («электросчётчик»: 'electricity'; «водосчётчик»: 'cold_water', 'hot_water').
COMPOUND_VALUE_PREFIXES = {
    "электро": frozenset({"electr"}), "водо": frozenset({"water"}), "газо": frozenset({"gas"}),
    "тепло": frozenset({"heat"}),
}  # fmt: skip


def _kind_column_without(table: Table, prefix: str) -> list[tuple[str, str]]:
    """The text columns of `table` listing the kinds other compound prefixes mean ('Ресурс (electricity,
    cold_water, hot_water, gas)') when none is the kind `prefix` means: «теплосчётчики» names a kind the
    column does not list, so it is asked, never read as every meter (planner50)."""
    others = frozenset().union(*(m for p, m in COMPOUND_VALUE_PREFIXES.items() if p != prefix))
    return [
        (column.name, value)
        for column in table.columns
        if _is_text(column)
        for value in listed_values(column.comment)
        if set(name_parts(value)) & others
    ]


def _english_forms(value: str) -> set[str]:
    """A listed value and its English plural ("aggregator": "aggregators", "agency": "agencies", "bus":
    "buses"): an exact spelling, not a stem, so "online" never reads "onlin" of another word."""
    plural = value[:-1] + "ies" if value.endswith("y") and value[-2:-1] not in "aeiou" else value + "s"
    irregular = IRREGULAR_PLURALS_EN.get(value)  # "children" of 'child' (planner161)
    return {value, plural, value + "es", *([irregular] if irregular else [])} if value.isalpha() else {value}


# Lemmas heading the comment of a column that holds kinds of rows as codes ('Тип процедуры', 'Вид ремонта').
_KIND_HEADS = frozenset(
    {
        "тип",
        "вид",
        "категория",
        "класс",
        "жанр",
        "канал",
        "источник",
        "способ",
        "разновидность",
        "порода",
        "группа",
        "формат",  # 'Формат аптеки' (planner159): the shop's kind under codes the comment does not list
    }
)
# Nouns that say a value is a kind of row («залы формата imax», "halls of the imax format"), whichever word
# the kind column's comment uses ('Тип зала').
_KIND_NOUNS = frozenset(
    {"тип", "вид", "формат", "категория", "класс", "разновидность"}
    | {"type", "kind", "format", "category", "class"}
)
# Prepositions between a negator and a listed value it negates: «не в пути», "not in transit"; planner158:
# «не с порталов», «не по поминутному тарифу», «не для детей», «не из приложения» (the negation was lost)
_NEGATED_VALUE_PREPOSITIONS = frozenset(
    {"в", "во", "на", "in", "on", "с", "со", "по", "из", "от", "через", "для"}
)
# planner158: Russian nouns that say a value is a level or a grade of the rows («агенты уровня senior и lead»)
# before values a level column lists, whichever word its comment uses ('Грейд агента (junior, middle, senior,
# lead)'). English ones stay out: "except gold level" says the value first, and the exception rule reads it
_LEVEL_NOUNS = frozenset({"уровень", "грейд", "разряд"})
_LEVEL_NAME = re.compile(r"(?:^|_)(?:level|grade|tier|rank)$")
_LEVEL_HEADS = frozenset({"уровень", "грейд", "разряд", "ранг"})
_KIND_NAME = re.compile(
    r"(?:^|_)(?:type|kind|category|class|genre|channel|source|method|breed|group|format)$"
)


def _listed_own_negated(table: Table, value: str) -> str | None:
    """The value the table's status lists for `value` negated ('unpaid' beside 'paid'), or None."""
    status = state_column(table)
    listed = {v.lower() for v in listed_values(status.comment)} if status is not None else set()
    return _own_negated_value(value, listed) if listed else None


def _own_negated_value(value: str, listed: set[str]) -> str | None:
    """The value the status lists for the negated word itself ('unpaid' beside 'paid', 'non_refundable',
    'not_delivered'), or None: «неоплаченные», "unpaid" then mean that value, not the others."""
    spellings = status_spellings(value)
    own = [v for v in listed if any(v in (f"un{s}", f"non{s}", f"non_{s}", f"not_{s}") for s in spellings)]
    return own[0] if len(own) == 1 else None


def _genitive_noun(word: Token) -> bool:
    """A Russian noun that may be genitive («книг», «питомцев»)."""
    return word.lang == "ru" and any(p.pos == "NOUN" and p.case == "gent" for p in word.parses)


# The nouns a state column's comment opens with ('Статус билета'): the state itself, not whose state it is.
_STATE_NOUNS = frozenset({"статус", "состояние", "стадия", "этап"})


def _noun_lemmas(text: str | None) -> set[str]:
    """The lemmas of the Russian nouns of `text`, by each word's likeliest reading."""
    return {p.lemma for t in tokenize(text or "") for p in t.parses[:1] if p.pos == "NOUN"}


def _is_kind(column: Column) -> bool:
    """`column` holds kinds of rows under codes: its name ends in type/kind/category..., or its comment opens
    with «Тип», «Вид», «Категория» ... (planner97)."""
    first = next((t for t in tokenize(column.comment or "") if t.lang == "ru"), None)
    return bool(_KIND_NAME.search(column.name)) or (first is not None and bool(first.lemmas & _KIND_HEADS))


def _is_level(column: Column) -> bool:
    """`column` holds levels of rows under codes: its name ends in level/grade/tier/rank, or its comment opens
    with «Уровень», «Грейд», «Разряд» (planner158)."""
    first = next((t for t in tokenize(column.comment or "") if t.lang == "ru"), None)
    return bool(_LEVEL_NAME.search(column.name)) or (first is not None and bool(first.lemmas & _LEVEL_HEADS))


def _holds_unlisted_kind(column: Column) -> bool:
    """A text column naming the kind of a row under values its comment does not list: a kind column
    ('Тип процедуры') or a name of a thing ('Название вакцины'; never a person's full name)."""
    if not _is_text(column) or listed_values(column.comment):
        return False
    person = column.name.endswith(("full_name", "first_name", "last_name"))
    named = column.name.endswith("_name") and not person
    return _is_kind(column) or named


_FROM_PREPOSITIONS = frozenset({"с", "со", "из", "от"})


def _object_of_state_phrase(words_: Sequence[Token], n: int, listed: dict[str, tuple[str, ...]]) -> bool:
    """Word `n` is the object of a state word two words before it that says a listed value, a preposition of
    "from" between («снятые с продажи» = withdrawn): the phrase says one state, its noun no second value."""
    return (
        n >= 2
        and words_[n - 1].lower in _FROM_PREPOSITIONS
        and words_[n - 2].lang == "ru"
        # a participle or an adjective («снятые»), never a value's noun («на самовывоз из приложения»)
        and bool(words_[n - 2].parses)
        and words_[n - 2].parses[0].pos in ("PRTF", "ADJF")
        and bool(_listed_value_hits(words_[n - 2], listed))
    )


def _as_listed(word: str, listed: Iterable[str]) -> str | None:
    """The listed value `word` writes, its parts joined by a hyphen or a space where the code has an
    underscore ("no-show" of no_show: planner128), as the comment spells it; None when it writes none."""
    spelled = re.sub(r"[\s-]+", "_", word.lower())
    return next((v for v in listed if v.lower() in (word.lower(), spelled)), None)


def _plural_pair(word: str, value: str) -> bool:
    """`word` is the English plural of the listed `value` ("dogs", "comedies") or its singular ("dessert" of
    'desserts'): the same kind said as a noun of the rows (planner97)."""
    if not (value.isalpha() and word.isalpha()):
        return False
    return word in _english_forms(value) or value in _english_forms(word)


def value_meanings(
    word: Token, predicate: bool = False, verb: bool = False, locative: bool = False
) -> set[str]:
    """Stems of the English words a listed code is made of that a Russian word means (VALUE_MEANINGS), by
    its noun, full adjective and participle readings: «закрытые» -> closed; never the verb «закрыть» (a mask
    verb), nor a predicate «(ещё не) закрыты», read by the clause rules as the event's time column. With
    `predicate` (a clause rule asking after no event column fits) the short forms count too: «заняты». With
    `locative` (the word follows «в»/«на») any locative noun reading counts, not only the likeliest: «в
    простое» is the noun «простой» (idle), which the adjective «простое» outranks alone (planner135)."""
    kinds = (
        ("NOUN", "ADJF", "PRTF", None) + (("ADJS", "PRTS") if predicate else ()) + (("VERB",) if verb else ())
    )
    lemmas = {p.lemma for p in word.parses if p.pos in kinds}
    found = {stem(m) for lemma in lemmas for m in VALUE_MEANINGS.get(lemma, ())}
    if predicate:  # «которые проданы»: a predicate's meaning no attribute has (planner156)
        found |= {stem(m) for lemma in lemmas for m in PREDICATE_VALUE_MEANINGS.get(lemma, ())}
    readings = word.parses if locative else word.parses[:1]
    places = [p for p in readings if p.pos == "NOUN" and p.case in ("loct", "loc2")]
    found |= {stem(m) for p in places for m in LOCATIVE_VALUE_MEANINGS.get(p.lemma, ())}
    return found


# Lemmas of state adjectives and participles -> English stems of the boolean columns they answer
# ("approved", "is_active"); the column's own Russian comment is read by lemma without this table.
STATE_MEANINGS = {
    "одобрить": ("approv",), "одобренный": ("approv",), "утвердить": ("approv",), "активный": ("activ",),
    "согласовать": ("approv",), "согласованный": ("approv",),  # «согласованные отпуска»: approved
    # planner169: "that are still sold" of is_archived 'Тариф в архиве (не продаётся)': the bracket's verb
    "продаваться": ("sold", "sell"),
    "действующий": ("activ",), "занятый": ("occupi", "busi"), "занять": ("occupi", "busi"),
    "свободный": ("free", "vacant"), "присутствовать": ("present",), "подтвердить": ("confirm",),
    "подтверждённый": ("confirm",), "подтвержденный": ("confirm",), "проверить": ("verifi", "check"),
    "заблокировать": ("block",), "удалить": ("delet",), "опубликовать": ("publish",),
    "архивный": ("archiv",), "включить": ("enabl",), "оплатить": ("paid",), "прочитать": ("read",),
    # planner128: "couriers who are self-employed" of is_contractor 'Самозанятый (не в штате)'
    "самозанятый": ("self-employ", "selfemploy"),
    # planner164/166: "agents who are still working" of is_active 'Агент работает' (its verb, said in
    # English), «курьеры, которые у нас уже не работают» of an uncommented is_active: a person who works here
    # is an active one ('Работает сейчас' says so in the comments that have one)
    "работать": ("work", "activ"), "работающий": ("activ",),
    # planner150: "charges that weren't reversed" of is_refunded 'Начисление сторнировано'; "deposits that
    # can be topped up" of is_replenishable 'Вклад пополняемый'
    "сторнировать": ("revers",), "пополнять": ("top", "replenish"), "пополнить": ("top", "replenish"),
}  # fmt: skip


# An abbreviation in capitals after a comment's noun: 'Резидент РФ', 'Налоговый резидент США'.
_ABBREVIATION = re.compile(r"[A-ZА-ЯЁ]{2,5}")


def _negative(condition: str) -> bool:
    """`condition` leaves values out (<>, NOT IN, IS DISTINCT FROM)."""
    return bool(re.search(r"<>| NOT IN | IS DISTINCT FROM ", condition))


@functools.lru_cache(maxsize=1024)
def role_noun_of(column: Column) -> str | None:
    """The lemma of the noun a boolean column's comment consists of ('Льготник (скидка по соцзащите)' ->
    «льготник», 'Резидент РФ' -> «резидент»): outside brackets and abbreviations the comment is that one
    nominative noun ('Звонок в роуминге' names a
    state of a call, not a kind of person, and has none)."""
    outside = re.sub(r"\([^()]*\)", " ", column.comment or "")
    comment = [c for c in tokenize(outside) if c.lang != "punct"]
    while len(comment) > 1 and _ABBREVIATION.fullmatch(comment[-1].text):
        comment.pop()  # 'Резидент РФ': an abbreviation after the noun says of what, not another state
    if len(comment) != 1 or comment[0].lang != "ru":
        return None
    first = comment[0].parses[0] if comment[0].parses else None
    return first.lemma if first is not None and first.pos == "NOUN" and first.case == "nomn" else None


# A value written as a code is stored: lowercase Latin, digits, "_" or "-" ('brake_pads', 'oil_change')
_CODE_AS_STORED = re.compile(r"[a-z0-9][a-z0-9_\-]*")


def _code_as_stored(request: Request, value: str) -> bool:
    """`value` is a code as the column stores it: lowercase Latin in a Russian request, and in an English one
    only quoted or spelled as a code ('brake_pads', 'sandy'); a bare English word ("sandy-soil fields", "the
    beagle breed") is a word of the sentence, a label to ask about (planner120)."""
    if not _CODE_AS_STORED.fullmatch(value):
        return False
    if request.language != "en" or re.search(r"[_\d]", value):
        return True
    return bool(re.search(r"['\"«‘“]" + re.escape(value) + r"['\"»’”]", request.text, re.IGNORECASE))


def _equality_literals(name: str, condition: str) -> list[str]:
    """The string literals `condition` compares column `name` with by = or IN; [] for any other shape."""
    shape = re.fullmatch(rf"{re.escape(name)} (?:= '((?:[^']|'')*)'|IN \((.*)\))", condition)
    if shape is None:
        return []
    if shape.group(1) is not None:
        return [shape.group(1).replace("''", "'")]
    return [v.replace("''", "'") for v in re.findall(r"'((?:[^']|'')*)'", shape.group(2))]


def _one_word_comment_lemma(column: Column) -> str | None:
    """The lemma of a column's comment that is one Russian noun ('Марка' -> марка), else None."""
    words = [t for t in tokenize(column.comment or "") if t.lang != "punct"]
    if len(words) != 1 or words[0].lang != "ru" or not words[0].parses:
        return None
    return words[0].parses[0].lemma if words[0].parses[0].pos == "NOUN" else None


def _quoted_code_meaning(column: Column | None, value: str, spelled: dict[str, str]) -> str | None:
    """The listed meaning of an integer column's code map a quoted phrase writes as the comment does (quoted
    «ждёт клиента» -> 'ждёт_клиента', «решена» -> resolved), else None; a text column's listed values are
    stored as written, so a quote that is none of them is still asked."""
    if column is None or not is_integer_type(column.type):
        return None
    return spelled.get(listed_as(value.strip()).lower())


def _which_value_question(language: str, column: Column, phrase: str) -> str:
    """Which value of `column` `phrase` means: the values its comment lists named, else said unlisted."""
    values = listed_values(column.comment)
    if values:
        return say(language, "planner.column_value_not_among", column=column.name, phrase=phrase,
                   values=", ".join(values))  # fmt: skip
    return say(language, "planner.column_value_unknown", column=column.name, phrase=phrase)


# Adjectives and participles that say a thing is not in its good state: «с нарушенной пломбой» is
# seal_ok = false ('Пломба цела'), never true.
NEGATIVE_STATES_RU = {
    "нарушенный", "нарушить", "повреждённый", "поврежденный", "повредить", "сломанный", "сломать",
    "неисправный", "сорванный", "сорвать", "испорченный", "испортить", "вскрытый", "вскрыть", "битый",
    "разбитый", "разбить", "нерабочий", "неработающий", "дефектный", "недействительный", "просроченный",
}  # fmt: skip
NEGATIVE_STATES_EN = {
    "broken", "failed", "damaged", "faulty", "torn", "tampered", "missing", "invalid", "defective", "bad",
}  # fmt: skip
POSITIVE_STATES_EN = {"intact", "unbroken", "ok", "good", "valid", "undamaged", "whole"}
# State words of a comment the negative words above are the opposite of ('Пломба цела', 'Счётчик исправен');
# «неисправный счётчик» says nothing about 'Умный счётчик' (is_smart).
INTACT_STATES_RU = {
    "целый", "цел", "исправный", "исправен", "рабочий", "работать", "работающий", "действительный",
    "годный", "невредимый", "неповреждённый", "неповрежденный", "целостный",
}  # fmt: skip


# A copula and negation between an English subject and its state: "is not", "isn't", "was", "not".
_EN_COPULAS = frozenset({"is", "are", "was", "were", "be", "been", "isn", "aren", "wasn", "weren"})
_EN_NOT = frozenset({"not", "t", "never"})


def _english_predicate(tokens: list[Token], index: int) -> tuple[int, bool] | None:
    """(index of the state word, whether it turns the flag around) of a predicate after the English subject
    `tokens[index]` of a boolean column: "seal is not intact", "seal isn't ok", "seal is broken" (a
    negative state) turn seal_ok around, "seal is intact" and "seal is not broken" do not; None when no
    state word follows (the flag read as the subject names it)."""
    k, negations = index + 1, 0
    while k < len(tokens) and k - index <= 4 and tokens[k].lang == "en":
        word = tokens[k].lower
        if word in _EN_COPULAS or word in _EN_NOT:
            negations += word in _EN_NOT  # "isn't" is lexed isn ' t: the t negates
            k += 1
            continue
        if word in NEGATIVE_STATES_EN or word in POSITIVE_STATES_EN:
            return k, (word in NEGATIVE_STATES_EN) != (negations % 2 == 1)
        return None
    return None


def _state_value(adjective: Token, column: Column) -> str | None:
    """'true'/'false' for an adjective on the subject of boolean `column`, None when it says neither."""
    if adjective.lang == "en":
        word = adjective.lower
        return "false" if word in NEGATIVE_STATES_EN else ("true" if word in POSITIVE_STATES_EN else None)
    if not adjective.parses or adjective.parses[0].pos not in ("ADJF", "ADJS", "PRTF", "PRTS"):
        return None
    comment = [c for c in tokenize(column.comment or "") if c.lang == "ru"]
    states = {lemma for c in state_words(comment) for lemma in c.lemmas}
    negative = bool(adjective.lemmas & NEGATIVE_STATES_RU) and bool(states & INTACT_STATES_RU)
    if adjective.lemmas & states and not negative:
        return "true"
    if adjective.lower.startswith("не") and len(adjective.lower) > 5:
        rest_lemmas = {parse.lemma for parse in analyse(adjective.lower[2:])}
        if rest_lemmas & states:
            return "false"  # «нецелой»
        if rest_lemmas & NEGATIVE_STATES_RU and states & INTACT_STATES_RU:
            return "true"  # «неповреждённой»: not damaged
    return "false" if negative else None


# Short forms that are a Russian clause's predicate: «(пломба) нарушена», «(пломба) цела».
_PREDICATES = frozenset({"PRTS", "ADJS"})


# Genitive nouns that name a column the stemmer cannot find («пол» stems like «поле»): by lemma.
GENITIVE_COLUMNS = {"пол": ("gender", "sex"), "возраст": ("age",), "гражданство": ("citizenship",)}
# Adjectives -> the codes a column comment may list for them: 'Пол (male, female)', 'Пол (M, F)'.
ADJECTIVE_VALUES = {
    "женский": ("female", "f", "w", "woman", "ж", "жен"), "мужской": ("male", "m", "man", "м", "муж"),
    # parts of the day a listed value names in English ('Зона суток (day, night, peak)'): «ночной зоны»
    "ночной": ("night",), "дневной": ("day",), "пиковый": ("peak",), "утренний": ("morning",),
    "вечерний": ("evening",),
    # ranks a column lists in English ('Квалификационная категория (first, second, highest)'): «высшей
    # категории», «второй категории» (planner137)
    "высший": ("highest", "top"), "низший": ("lowest",),
    "первый": ("first",), "второй": ("second",), "третий": ("third",),
}  # fmt: skip


# Superlatives the morphology lemmatises to their positive degree («высшей» -> высокий, meaning high): the
# stem of the form -> the lemma ADJECTIVE_VALUES knows it by (planner137)
_SUPERLATIVE_STEMS = {"высш": "высший", "низш": "низший"}


def _adjective_lemmas(adj: Token) -> set[str]:
    """The lemmas of `adj`, a superlative's own one added («высшей» -> высший as well as высокий)."""
    own = {lemma for stem_, lemma in _SUPERLATIVE_STEMS.items() if adj.lower.startswith(stem_)}
    return set(adj.lemmas) | own


# Between two values of a list: a comma, и/или/and/or, and a preposition before the next value
_PLACE_PREPOSITIONS = frozenset({"в", "во", "на", "из", "через", "on", "at", "via", "through", "from"})
# «через приложение или на сайте»: after a joint, a place preposition may open the next value too
_RUN_GAP = re.compile(  # planner144: "under renovation plus the closed ones", «плюс» alike: one more value
    r"\s*(?:,\s*)?(?:(?:и|или|либо|плюс|and|or|plus)\s+(?:(?:на|в|во|с|со|из)\s+)?)?"
    r"(?:(?:через|по|by|via|through|on|at|in)\s+)?(?:(?:a|an|the)\s+)?",
    re.I,
)


# An alternative after a run of listed values: «..., или через почту», "or by post".
_OR_NEXT = re.compile(
    r"\s*(?:,\s*)?(?:или|либо|or)\s+(?:(?:через|по|на|в|во|с|со|из|by|via|through|on|at|in)\s+)?"
    r"(?:(?:a|an|the)\s+)?$",
    re.I,
)


# A column of the channel a row came through (transactions.channel, payments.channel).
_CHANNEL_COLUMN = re.compile(r"(?:^|_)channel(?:$|_)")

# English load verbs before the noun of the rows ("copy dogs from the pets table"), and words before "from"
# that name no kind of row ("everything from the pets table") (planner97).
_LOAD_VERBS_EN = frozenset(
    {"copy", "load", "sync", "move", "send", "ship", "replicate", "push", "export", "import", "transfer",
     "stream", "mirror", "dump", "put", "get", "take", "pull", "bring", "upload", "migrate", "extract",
     "ingest", "feed", "pipe", "deliver", "refresh", "reload", "save", "store", "want", "need"}
)  # fmt: skip
_NO_KIND_EN = frozenset({"everything", "anything", "all", "whatever", "it", "them", "each", "every", "new"})

# Words between a listed value and the alternative an «или»/"or" offers beside it.
_ALTERNATIVE_GAP_WORDS = frozenset(
    # «через приложение или на сайте», "via app or on the website": a place preposition is no value either
    {"через", "по", "на", "в", "во", "с", "со", "by", "via", "through", "on", "at", "from", "a", "an", "the",
     "или", "либо", "or"}
)  # fmt: skip


# Prepositions whose noun may stand in the locative: «в простое», «на ремонте».
_LOCATIVE_PREPOSITIONS = frozenset({"в", "во", "на"})
_LIST_JOINERS = frozenset({"и", "или", "and", "or"})
# Prepositions of a state a row is in: «номера на обслуживании», "rooms under maintenance" (marts110)
_STATE_PREPOSITIONS = _LOCATIVE_PREPOSITIONS | {"in", "on", "under"}


# the particle that negates the one word after it («не оплаченные»), no exception word («кроме», «без»)
_NEGATION_PARTICLES = frozenset({"не", "not"})


def _particle_negates(request: Request, negator: int, word: int) -> bool:
    """The negator is «не»/"not" right before word `word`: «ещё не оплаченные (disputed)» names a state, the
    bracket glosses it (README planner130), it leaves no rows out (fixreg28)."""
    return negator == word - 1 and request.tokens[negator] in _NEGATION_PARTICLES


def _next_is_listed(request: Request, status: Column | None, index: int) -> bool:
    """Word `index` names a value `status` lists («утерянных» of 'lost')."""
    if status is None or index >= len(request.tokens):
        return False
    values = listed_values(status.comment)
    said, _ = status_word(request.tokens[index])  # «утерянных»: lost, a word of the status rule
    if said is not None and any(v in values for v in status_spellings(said)):
        return True
    word = next((t for t in tokenize(request.text) if t.start == request.spans[index][0]), None)
    return word is not None and bool(values) and bool(_listed_value_hits(word, {status.name: values}))


def _those_item_start(request: Request, index: int) -> int:
    """The «тех» of an item said as «тех, что на обслуживании», «тех, которые в ремонте» that word `index`
    ends (the rows named again by the pronoun, then their state), or `index` itself."""
    start = index - 1 if index >= 1 and request.tokens[index - 1] in _STATE_PREPOSITIONS else index
    if start >= 2 and request.tokens[start - 1] in _THOSE_RELATIVES and request.tokens[start - 2] == "тех":
        return start - 2
    return index


_THOSE_RELATIVES = frozenset({"что", "которые"})


def _glossed_word(request: Request, index: int) -> int:
    """The word a bracket holding word `index` glosses («закрытых (done)»: «закрытых»), or `index` itself when
    the word stands in no bracket right after another word."""
    if index < 1 or ")" not in request.text[request.spans[index][1] : request.spans[index][1] + 2]:
        return index
    if "(" in request.text[request.spans[index - 1][1] : request.spans[index][0]]:
        return index - 1
    return index


def _listed_value_hits(
    token: Token, listed: dict[str, tuple[str, ...]], locative: bool = False
) -> set[tuple[str, str]]:
    """(column, value) of each listed value a Russian word names: by the lemma of a Russian value, or by a
    meaning that is one part of a listed code (путь -> in_transit, закрытый -> closed); `locative`: the word
    follows «в»/«на» (see `value_meanings`)."""
    meanings = value_meanings(token, locative=locative)
    return {
        (name, value)
        for name, values in listed.items()
        for value in values
        if (not value.isascii() and token.has(_value_lemmas(value, values)))
        or (meanings and meanings & (set(name_parts(value)) - {"in", "on", "at", "to"}))
        or _transliterates_pieces(token.lower, value.lower())  # «из колл-центра»: call_center
    }


def _fused_value_hits(token: Token, listed: dict[str, tuple[str, ...]]) -> set[tuple[str, str]]:
    """(column, value) of each listed value a Russian adjective or participle with a fused «не» names
    without it («незакрытые» -> closed, «нерешённые» -> resolved): the rows not in that state (planner133).
    A word the dictionary knows whole as another lemma («неделя») is no fused negation (flags.fused_negation
    needs the rest to be a word of its own), and a noun («неявка») keeps its own meaning."""
    if not token.parses or token.parses[0].pos not in ("ADJF", "PRTF"):
        return set()
    bare = flags.fused_negation(token)
    if bare is None or any(lemma in VALUE_MEANINGS for lemma in token.lemmas):
        return set()
    return _listed_value_hits(bare, listed)


def _names_listed_value(word: str, column: Column) -> bool:
    """`word` is (by lemma or meaning) a value `column`'s comment lists: «высоким» of 'Приоритет (низкий,
    высокий)' (planner129: a Russian listed value is a word of the comment too, never its name)."""
    token = next(iter(tokenize(word)), None)
    listed = listed_values(column.comment)
    return token is not None and bool(listed) and bool(_listed_value_hits(token, {column.name: listed}))


def names_read_value(word: str, table: Table, read: str) -> bool:
    """`word` is (by lemma or meaning) a meaning a coded integer column lists that the condition `read`
    compares with: «выполненные» of `status = 'выполнена'` (planner129). Only a code map's meanings: a text
    column's status word keeps the older rules (a state beside its event's time column is asked there)."""
    token = next(iter(tokenize(word)), None)
    if token is None or "'" not in read:
        return False
    listed = {c.name: listed_values(c.comment) for c in table.columns if lists_code_meanings(c)}
    return any(f"'{value}'" in read for _, value in _listed_value_hits(token, listed))


def _listed_code_hits(code: str, listed: dict[str, tuple[str, ...]]) -> set[tuple[str, str]]:
    """(column, value) of each listed currency code (or its alias: RUB and RUR) a currency word says."""
    codes = CURRENCY_CODE_ALIASES.get(code, (code,))
    return {(name, value) for name, values in listed.items() for value in values if value.upper() in codes}


# Prepositions inside a flag's comment phrase: 'Доступно для заказа', 'Звонок в роуминге'.
_FLAG_PHRASE_PREPOSITIONS = flag_phrases.PHRASE_PREPOSITIONS


def _whole_code(request: Request, table: Table, position: int, condition: str) -> str:
    """`col = 'closed'` read from a word the word before qualifies as another listed code of the same column
    that contains it («временно закрытые», "temporarily closed": 'temporarily_closed'): that code; the
    condition unchanged otherwise (planner82: the list of both, or the shorter code, was planned)."""
    values = _values_of(condition)
    if values is not None and len(values[1]) > 1:  # "temporarily closed": one code said in its words
        spelled = [v for v in values[1] if "_" in v and v.replace("_", " ") in request.lower]
        inside = [v for v in values[1] for w in spelled if v != w and set(name_parts(v)) < set(name_parts(w))]
        if inside:
            return _one_of(values[0], [v for v in values[1] if v not in inside])
    match = re.fullmatch(r"(\w+) (=|<>) '([a-z0-9_]+)'", condition)
    index = request.token_at(position)
    if match is None or not 0 < index < len(request.spans):
        return condition
    column = table.column(match.group(1))
    if column is None:
        return condition
    before = next(iter(tokenize(request.text[slice(*request.spans[index - 1])])), None)
    if before is None or before.lang not in ("ru", "en"):
        return condition
    said = {stem(before.lower)} | {stem(m) for p in before.parses for m in VALUE_MEANINGS.get(p.lemma, ())}
    value = match.group(3)
    longer = [
        v
        for v in listed_values(column.comment)
        if v != value
        and set(name_parts(value)) < set(name_parts(v))
        and set(name_parts(v)) - set(name_parts(value)) <= said
    ]
    if len(longer) != 1:
        return condition
    request.handled.append(request.spans[index - 1])
    return f"{match.group(1)} {match.group(2)} {_quote(longer[0])}"


def _exactly_meant_hits(word: Token, hits: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """Of the listed codes a word's meaning shares a stem with ('rent', 'rented' of «аренда» -> rent), the one
    that is the meaning itself (VALUE_MEANINGS), when exactly one is; else `hits` unchanged (planner135)."""
    exact = {m for p in word.parses for m in VALUE_MEANINGS.get(p.lemma, ())}
    kept = {(name, value) for name, value in hits if value.lower() in exact}
    # «в пути»: 'in_transit' by its word transit as written, not 'delivered' by a stem (planner168)
    if not kept:
        kept = {(name, value) for name, value in hits if exact & set(value.lower().split("_"))}
    return kept if len(kept) == 1 else hits


def _whole_code_hits(before: Token, hits: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """Of the listed codes a word names one part of (closed: 'closed', 'temporarily_closed'), the one whose
    other part the word before it means («временно закрытые» -> temporarily_closed); `hits` unchanged when
    the word before means no other part of exactly one of them."""
    said = {stem(m) for p in before.parses for m in VALUE_MEANINGS.get(p.lemma, ())}
    whole = {(name, value) for name, value in hits if said & set(name_parts(value))}
    return whole if len(whole) == 1 else hits


def _unread_alternative(
    request: Request, tokens: list[Token], last: int, hits: list[dict[str, str]]
) -> Token | None:
    """The word an «или»/"or" after the run ending at `tokens[last]` offers as one more value when no
    listed value reads it («через банк или госуслуги»); None when nothing follows or it is read (a value,
    a table, a time)."""
    following = next((j for j in range(last + 1, min(last + 4, len(tokens))) if tokens[j].lang in ("ru", "en")
                      and tokens[j].lower not in _ALTERNATIVE_GAP_WORDS), None)  # fmt: skip
    if following is None or hits[following] or tokens[following].lower in request.claimed:
        return None  # a value, or a word another rule reads ("or post channels")
    word = tokens[following]
    if not _OR_NEXT.fullmatch(request.text[tokens[last].end : word.start]):
        return None
    if word.lang == "en" and word.lower in _OR_STATE_FILLERS:
        return None  # "cancelled or are still open", "or under maintenance": a state's clause, read by others
    glossed = following + 1 < len(tokens) and hits[following + 1]
    if glossed and re.fullmatch(r"\s*\(\s*", request.text[word.end : tokens[following + 1].start]):
        return None  # «или списаны (written_off)»: the bracket's listed code reads it (planner159)
    if any(a <= word.start < b for a, b in request.schedule_spans) or request.is_handled(word.start):
        return None
    return word


def _spelled_alternative(
    tokens: list[Token], word: Token | None, values: tuple[str, ...]
) -> tuple[str, int] | None:
    """ "faulted or out of service": the unread alternative `word` and the words after it spell one listed
    code of the run's column with spaces for its underscores (out_of_service); (that code, the end of its
    last word), None otherwise (planner168: "out" was asked as an unlisted value)."""
    if word is None:
        return None
    at = next(j for j, t in enumerate(tokens) if t is word)
    for value in values:
        parts = [w for w in re.split(r"[_\-\s]+", value.lower()) if w]
        said = [t.lower for t in tokens[at : at + len(parts)]]
        adjacent = all(
            b.start - a.end <= 1
            for a, b in zip(tokens[at : at + len(parts)], tokens[at + 1 : at + len(parts)], strict=False)
        )
        if len(parts) > 1 and said == parts and adjacent:
            return value, tokens[at + len(parts) - 1].end
    return None


def _glossed_alternative(
    request: Request, tokens: list[Token], word: Token | None, hits: list[dict[str, str]], column: str
) -> int | None:
    """«просроченные или частично оплаченные (partially_paid)»: the alternative an «или» offers is a phrase
    of up to three words glossed by a value of the same column in brackets right after it; the index of that
    bracketed value (planner162: «частично» was asked as an unlisted value), None otherwise."""
    if word is None:
        return None
    start = tokens.index(word)
    for k in range(start + 1, min(start + 4, len(tokens))):
        gap = request.text[tokens[k - 1].end : tokens[k].start]
        if gap.strip() == "(":
            return k if column in hits[k] and tokens[k].lang == "en" else None
        if gap.strip():
            return None  # a comma or a dash ends the phrase before any bracket
    return None


def _values_of(condition: str) -> tuple[str, list[str]] | None:
    """(column, values) of `col = 'v'` or `col IN ('a', 'b')`; None for any other condition."""
    match = re.fullmatch(r"(\w+) (?:= ('(?:[^']|'')*')|IN \((.*)\))", condition)
    if match is None:
        return None
    items = re.findall(r"'((?:[^']|'')*)'", match.group(2) or match.group(3) or "")
    return match.group(1), items


def _excluded_values(condition: str) -> tuple[str, list[str]] | None:
    """(column, values) of `col <> 'v'` or `col NOT IN ('a', 'b')`; None for any other condition (a nullable
    column's `IS DISTINCT FROM` form is left to the question)."""
    match = re.fullmatch(r"(\w+) (?:<> ('(?:[^']|'')*')|NOT IN \((.*)\))", condition)
    if match is None:
        return None
    items = re.findall(r"'((?:[^']|'')*)'", match.group(2) or match.group(3) or "")
    return match.group(1), items


def _both_excluded(kept: str, kept_at: int, rival: str, position: int) -> str | None:
    """`col NOT IN (...)` of two conditions that each leave values of one NOT NULL column out ("cancelled and
    no-show excluded": `status <> 'cancelled'`, `status <> 'no_show'`), the values in the order said: leaving
    out both is the one reading, nothing to ask (marts94). None for any other pair."""
    first, second = _excluded_values(kept), _excluded_values(rival)
    if first is None or second is None or first[0] != second[0]:
        return None
    ordered = (first[1], second[1]) if kept_at <= position else (second[1], first[1])
    values = list(dict.fromkeys([*ordered[0], *ordered[1]]))
    if len(values) == 1:
        return f"{first[0]} <> {_quote(values[0])}"
    return f"{first[0]} NOT IN ({', '.join(map(_quote, values))})"


# words between two states of an or-list besides the "or": a copula, a still/now, the preposition of a state
# ("full or under maintenance", "cancelled or are still open")
_OR_STATE_FILLERS = frozenset(
    {"are", "is", "were", "was", "be", "been", "being", "still", "currently", "now", "already", "under", "on",
     "in", "at", "either"}
)  # fmt: skip


def _either_value(request: Request, kept: str, kept_at: int, rival: str, position: int) -> str | None:
    """`col IN (...)` of two value conditions on one column that two rules read from words joined by "or"
    and only a copula or a state's preposition ("that are full or under maintenance", "that were cancelled
    or are still open"): the rows in either state, nothing to ask (planner153: asked "or both?"). None for
    any other pair."""
    first, second = _values_of(kept), _values_of(rival)
    if first is None or second is None or first[0] != second[0]:
        return None
    (a, left), (b, right) = sorted([(kept_at, first[1]), (position, second[1])])
    between = request.text[request.spans[request.token_at(a)][1] : b].lower().split()
    if not between or between[0] not in ("or", "или") or not set(between[1:]) <= _OR_STATE_FILLERS:
        return None
    values = list(dict.fromkeys([*left, *right]))
    return f"{first[0]} IN ({', '.join(map(_quote, values))})" if len(values) > 1 else None


def _qualified_column(table: Table, qualifier: str, word: str, named: Column | None) -> Column | None:
    """The column "<qualifier> <word>" names: the one its two words spell ("food rating" of food_rating),
    else the one `word` names when the glossary's Russian words for the qualifier are words of its comment
    ("overall rating" of rating 'Общая оценка от 1 до 5'); None when neither (the phrase is asked)."""
    spelled = [c for c in table.columns if name_parts(c.name) == [stem(qualifier), stem(word)]]
    if len(spelled) == 1:
        return spelled[0]
    glossed = {lemma for w in BUILTIN_GLOSSARY.get(qualifier, ()) for t in tokenize(w) for lemma in t.lemmas}
    return named if named is not None and glossed & _comment_lemmas(named) else None


def _qualified_measure(table: Table, lower: str, at: int) -> list[str]:
    """ "net pay under 50 000": the number column the word before a generic measure noun spells by its whole
    name (net), [] when it spells none or a text column."""
    before = _WORD_BEFORE.search(lower, 0, at)
    column = table.column(before.group(1)) if before else None
    return [column.name] if column is not None and _is_quantity_column(column) else []


def _compound_first_item(request: Request, kept: str, kept_at: int, rival: str, position: int) -> str | None:
    """`col IN (...)` of a list whose first item a longer value names ("senior librarians or managers" of
    '(librarian, senior_librarian, manager)': one rule read senior_librarian, the list rule 'librarian' and
    'manager'): the item said by the longer value's words is that value, nothing to ask (planner157). None
    unless the one value ends with the item's name and the words between them are the value's own."""
    (one_at, one), (many_at, many) = sorted([(kept_at, _values_of(kept)), (position, _values_of(rival))],
                                            key=lambda pair: len(pair[1][1]) if pair[1] else 0)  # fmt: skip
    if one is None or many is None or one[0] != many[0] or len(one[1]) != 1 or len(many[1]) < 2:
        return None
    value, first = one[1][0], many[1][0]
    if not value.endswith(f"_{first}") or not one_at <= many_at:
        return None
    said = request.text[one_at:many_at].lower().replace("-", " ").split()
    if len(said) > len(name_parts(value)):
        return None  # words beyond the value's own stand between: another phrase, still asked
    values = list(dict.fromkeys([value, *many[1][1:]]))
    return f"{one[0]} IN ({', '.join(map(_quote, values))})"


def _compound_joined_value(
    request: Request, kept: str, kept_at: int, rival: str, position: int
) -> str | None:
    """`col IN (...)` of two value conditions on one column read from a hyphenated compound and the word
    joined right after it by «и»/«или» («Сотрудники-техники и библиотекари», «клиенты-арендаторы или
    покупатели»): the list's items are kinds of the compound's head, the rows of either (planner158: asked
    "or both?"). None for any other pair."""
    first, second = _values_of(kept), _values_of(rival)
    if first is None or second is None or first[0] != second[0] or not kept_at < position:
        return None
    between = request.text[kept_at:position]
    compound = re.match(r"[^\W\d_]+-[^\W\d_]+", between)
    if compound is None or between[compound.end() :].strip().lower() not in ("и", "или", "либо"):
        return None
    values = list(dict.fromkeys([*first[1], *second[1]]))
    return f"{first[0]} IN ({', '.join(map(_quote, values))})" if len(values) > 1 else None


def _merged_values(kept: str, new: str) -> str | None:
    """The larger of two value conditions on one column when one's values hold all the other's (the same
    list read by two rules); None when they differ otherwise."""
    first, second = _values_of(kept), _values_of(new)
    if first is None or second is None or first[0] != second[0] or kept == new:
        return None
    small, large = sorted((first, second), key=lambda pair: len(pair[1]))
    if not set(small[1]) <= set(large[1]):
        return None
    return kept if large is first else new


def _common_word_values(
    request: Request, tokens: list[Token], hits: list[dict[str, str]], listed: dict[str, tuple[str, ...]]
) -> list[int]:
    """ "only new and in_progress", «done или new»: a common word («new», "open") that is literally a value
    the comment lists counts as that value when a list joins it to another value of the same column (the
    word alone stays a common word: "only new" rows); fills `hits` in place, one pass over the words. A
    Russian common word meaning one («новые» = new, COMMON_VALUE_WORDS) counts the same way («только новые
    и in_progress»: before planner38, new rows by created_at and status = 'in_progress'). Returns the
    indices of the words it read."""
    read: list[int] = []
    for k, t in enumerate(tokens):
        literal = t.lower if t.lower in NOT_A_NAME else COMMON_VALUE_WORDS.get(t.lemma or "")
        if hits[k] or literal is None or any(a <= t.start < b for a, b in request.schedule_spans):
            continue
        if starts_new_rows(request.lower, t.start):
            continue  # "status done and new rows by created_at": the new-rows clause, no value
        own = {name: value for name, values in listed.items() for value in values if value.lower() == literal}
        before = next((j for j in range(k - 1, max(k - 4, -1), -1) if hits[j]), None)
        after = next((j for j in range(k + 1, min(k + 4, len(tokens))) if hits[j]), None)
        for j in (before, after):
            if j is None or not own.keys() & hits[j].keys():
                continue
            left, right = sorted((t, tokens[j]), key=lambda token: token.start)
            gap = request.text[left.end : right.start]
            if _RUN_GAP.fullmatch(gap) and re.search(r"\b(?:и|или|либо|and|or)\b", gap, re.IGNORECASE):
                hits[k] = {name: own[name] for name in own.keys() & hits[j].keys()}
                read.append(k)
                break
    return read


def _left_out_values(condition: str) -> tuple[str, list[str]] | None:
    """(column, values) of a condition that leaves values out: `col <> 'v'`, `col IS DISTINCT FROM 'v'`,
    `col NOT IN (...)`, `(col NOT IN (...) OR col IS NULL)`; None for any other condition."""
    match = re.fullmatch(
        r"\(?(\w+) (?:(?:<>|IS DISTINCT FROM) ('(?:[^']|'')*')|NOT IN \((.*?)\))(?: OR \1 IS NULL\))?",
        condition,
    )
    if match is None:
        return None
    items = re.findall(r"'((?:[^']|'')*)'", match.group(2) or match.group(3) or "")
    return match.group(1), items


# «или»/"or" between two values of one column, and no comma or other clause word: one list of states
_OR_BETWEEN = re.compile(r"^[^,;:.]*\b(?:или|либо|or)\b[^,;:.]*$")


def _is_part_of(short: str, long: str) -> bool:
    """Whether the words of value `short` are a proper run of the words of value `long` ('paid' of
    'partially_paid', 'in_progress' of 'not_in_progress')."""
    parts, whole = short.split("_"), long.split("_")
    return len(parts) < len(whole) and any(
        whole[i : i + len(parts)] == parts for i in range(len(whole) - len(parts) + 1)
    )


def _without_part_readings(yielded: list[tuple[int, str, str]], found: dict[str, tuple[int, str]]) -> None:
    """«просроченные или частично оплаченные (partially_paid)»: one rule read «оплаченные» alone as 'paid'
    where another read the same words as the longer value 'partially_paid'; the shorter value is the same
    words read again, so the longer one stands for it (planner164: bc-ru-025 planned `status IN ('overdue',
    'partially_paid', 'paid')` once the or-joined readings merged it in). A value also read at a position
    of its own («оплаченные или частично оплаченные») stays."""
    for column, (position, condition) in list(found.items()):
        kept = _values_of(condition)
        if kept is None:
            continue
        readings: dict[int, set[str]] = {}
        for at, name, said in yielded:
            one = _values_of(said) if name == column else None
            if one is not None and len(one[1]) == 1:
                readings.setdefault(at, set()).add(one[1][0])
        values = list(dict.fromkeys(_longer_reading(value, readings) for value in kept[1]))
        if values != kept[1]:
            quoted = ", ".join(_quote(value.replace("''", "'")) for value in values)
            found[column] = (
                position,
                f"{column} IN ({quoted})" if len(values) > 1 else f"{column} = {quoted}",
            )


def _longer_reading(value: str, readings: dict[int, set[str]]) -> str:
    """The longer value read wherever `value` was read, when there is one at each of its positions and it is
    the same one ('partially_paid' for 'paid'); else `value` itself."""
    longer = {
        other
        for at_values in readings.values()
        if value in at_values
        for other in at_values
        if _is_part_of(value, other)
    }
    said_alone = any(value in at_values and not longer & at_values for at_values in readings.values())
    return next(iter(longer)) if len(longer) == 1 and not said_alone else value


def _or_joined_values(request: Request, kept: tuple[int, str], new: tuple[int, str]) -> str | None:
    """«которые ушли в просрочку или списаны (written_off)»: two values of one column read by two rules at
    the two ends of one «или» are one list, `status IN ('overdue', 'written_off')` (planner159: the first was
    dropped beside the bracketed second); None when anything but the words of one clause stands between."""
    first, second = _values_of(kept[1]), _values_of(new[1])
    if first is None or second is None or first[0] != second[0] or kept[1] == new[1]:
        return None
    (left, left_values), (right, right_values) = sorted(((kept[0], first[1]), (new[0], second[1])))
    if not _OR_BETWEEN.match(request.lower[left:right]):
        return None
    values = list(dict.fromkeys(v.replace("''", "'") for v in left_values + right_values))
    return f"{first[0]} IN ({', '.join(_quote(v) for v in values)})"


def _carried_negation(kept: tuple[int, str], new: tuple[int, str]) -> str | None:
    """«кроме черновиков и оплаченных», "except drafts and paid ones": a negation carries across its value
    list, so a rule that read one later item of the list alone (`status = 'paid'`) or its first item negated
    (`status <> 'draft'`) restates part of the whole negated list, which is kept; None when the two
    differ otherwise (a positive value outside the list, or one said before the negation)."""
    (kept_at, kept_condition), (new_at, new_condition) = kept, new
    for (list_at, whole), (part_at, part) in (
        ((kept_at, kept_condition), new),
        ((new_at, new_condition), kept),
    ):
        left_out = _left_out_values(whole)
        if left_out is None or len(left_out[1]) < 2:
            continue
        said = _values_of(part) or _left_out_values(part)
        if said and said[0] == left_out[0] and set(said[1]) <= set(left_out[1]) and part_at >= list_at:
            return whole
    return None


def _joined_negations(kept: tuple[int, str], new: tuple[int, str]) -> str | None:
    """«кроме утерянных и повреждённых» read by two rules as `status <> 'lost'` and `status <> 'damaged'`:
    both left out, so one list leaves out both (AND of two exclusions), in the order said; None unless both
    leave values of one column out (marts110)."""
    (_, earlier), (_, later) = sorted((kept, new))
    first, second = _left_out_values(earlier), _left_out_values(later)
    if first is None or second is None or first[0] != second[0] or earlier == later:
        return None
    name, items = first[0], [*first[1], *(v for v in second[1] if v not in first[1])]
    quoted = ", ".join(_quote(v.replace("''", "'")) for v in items)
    kept_list = f"{name} NOT IN ({quoted})"
    return f"({kept_list} OR {name} IS NULL)" if f"{name} IS NULL" in earlier + later else kept_list


# "at the offer stage", "in the online channel": a preposition, "the", a value, a column's noun
_VALUE = r"[a-z][a-z0-9_-]*"
VALUE_BEFORE_NOUN = re.compile(
    rf"\b(?:at|in|on|from|of|for|with|through|via)\s+the\s+(?P<value>{_VALUE}(?:(?:\s*,\s*|\s+(?:or|and)\s+){_VALUE})*)"
    r"\s+(?P<noun>[a-z][a-z_]+)\b(?!\s+(?:of|from)\b)"
)
HYPHEN_PAIR = re.compile(r"(?<![\w-])[а-яё]{4,}-[а-яё]{4,}(?![\w-])", re.IGNORECASE)
# "came from ads or partner", «пришедшие из web или partner»: where the rows came from
CAME_FROM = re.compile(
    r"\b(?:came|come|comes|coming|пришедш\w*|пришл\w*|приходящ\w*)\s+(?:from|из|с|со)\s+(?:the\s+)?"
    r"(?P<values>[A-Za-z][\w-]*(?:\s*(?:,|\bor\b|\band\b|\bили\b|\bи\b)\s*[A-Za-z][\w-]*)*)",
    re.IGNORECASE,
)
# One value of a "came from" list with the joint before it: ", ads", " or partner"
_CAME_FROM_ITEM = re.compile(r"(?:\s*(?:,|\bor\b|\band\b|\bили\b|\bи\b)\s*)?(?P<value>[\w-]+)")
# Capitalised Russian names joined by commas and и/или: «Новосибирск и Омск», «Нижний Новгород, Казань»
_NAME = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*(?:\s+[А-ЯЁ][а-яё]+)?"
_NAME_LIST = re.compile(
    rf"\s+(?P<names>{_NAME}(?:\s*(?:,\s*(?:(?:и|или|либо)\s+)?|\s+(?:и|или|либо)\s+){_NAME})+)"
)
# The next quoted value of a list: «, «Игрушки»», « и "Бытовая техника"», " or 'Books'"
_QUOTED_NEXT = re.compile(
    r"\s*(?:,\s*)?(?:(?:и|или|либо|and|or)\s+)?"
    r"(?:'(?P<a>[^'\n]{1,200})'|«(?P<b>[^»\n]{1,200})»|\"(?P<c>[^\"\n]{1,200})\")",
    re.IGNORECASE,
)


def continues_a_comment(columns: Iterable[Column | Table], text: str, at: int) -> bool:
    """The preposition at `at`, the word before it and the word after it follow each other in the comment
    of one of `columns` («ставки за час» of 'Ставка за час', «счёта в банке» of 'Номер счёта в банке'), so
    the phrase names that column, not a window or a place (or of a table given among them: its name)."""
    words_of_text = [t for t in tokenize(text) if t.lang != "punct"]
    k = next((n for n, t in enumerate(words_of_text) if t.start <= at < t.end), None)
    if k is None or k == 0 or k + 1 >= len(words_of_text):
        return False
    before, prep, noun = words_of_text[k - 1], words_of_text[k], words_of_text[k + 1]
    for column in columns:
        words_of = [w for w in tokenize(column.comment or "") if w.lang != "punct"]
        for a, b, c in zip(words_of, words_of[1:], words_of[2:], strict=False):
            if b.lower == prep.lower and a.lemmas & before.lemmas and c.lemmas & noun.lemmas:
                return True
    return False


def _vague_time_start(tokens: Sequence[Token], k: int) -> int | None:
    """The index of the first word of a vague time phrase ending at word `k` («недавно», «на днях», "the
    other day", «недавние»), or None."""
    word = tokens[k]
    if word.lower in VAGUE_TIME_WORDS or (word.lang == "ru" and word.lemmas & VAGUE_TIME_LEMMAS):
        return k
    for phrase in VAGUE_TIME_PHRASES:
        start = k - len(phrase) + 1
        if start >= 0 and tuple(t.lower for t in tokens[start : k + 1]) == phrase:
            return start
    return None


def _is_time(column: Column) -> bool:
    kind = column.type.lower()
    return "time" in kind or "date" in kind


def _lone_spelled_codes(
    hits: list[tuple[re.Match[str], str, str]],
) -> list[tuple[re.Match[str], str, str]]:
    """The spelled codes that are the only one of their column and share no words with another: "meter
    replacement that are still in progress" says topic's meter_replacement and status's in_progress, one
    each (planner150: two codes of two columns were both dropped); two codes of one column, or words
    spelling two codes, fit several readings and are left to the other rules."""
    columns = [name for _, name, _ in hits]
    return [
        (found, name, value)
        for found, name, value in hits
        if columns.count(name) == 1
        and not any(
            other is not found and other.start() < found.end() and found.start() < other.end()
            for other, _, _ in hits
        )
    ]


# "the tracking events table": a word after the words that names them a table
_TABLE_WORD_AFTER = re.compile(r"\s+tables?\b", re.IGNORECASE)


def _spells_table(request: Request, table: Table, match: re.Match[str]) -> bool:
    """The value and noun of a `VALUE_BEFORE_NOUN` match are the table's own name ("the tracking events" of
    tracking_events) or are followed by "table": words that name the table, never a value of its column."""
    words = f"{match.group('value')} {match.group('noun')}".lower().split()
    own = table.name.lower().rsplit(".", 1)[-1]
    return "_".join(words) == own or bool(_TABLE_WORD_AFTER.match(request.text, match.end("noun")))


_NEXT_WORD = re.compile(r"\s+([a-zа-яё]+)")
_NEXT_WORD_IN = re.compile(r"[a-zа-яё]+")


def _comment_words_end(request: Request, column: Column | None, at: int) -> int:
    """Where the words right after `at` that continue the column's comment end («с числом| продлений» of
    'Число продлений'); `at` when none does."""
    said = {stem(w) for w in _NEXT_WORD_IN.findall((column.comment or "").lower())} if column else set()
    for _ in range(3):
        word = _NEXT_WORD.match(request.lower, at)
        if word is None or stem(word.group(1)) not in said:
            break
        at = word.end()
    return at


def _is_key(table: Table, name: str) -> bool:
    """Column `name` is the table's key or a reference to another table's (id, *_id)."""
    return name == "id" or name.endswith("_id") or name in table.primary_key


def _comment_lemmas(column: Column | None) -> set[str]:
    """The lemmas of the words of the column's comment."""
    if column is None:
        return set()
    return {lemma for word in tokenize(column.comment or "") for lemma in word.lemmas}


def _flag_name_end(request: Request, tokens: list[Token], j: int, flag: str, comment: str = "") -> int:
    """The end of word `j` and of the English words right after it that are parts of the flag's name
    ("under warranty" of is_under_warranty), in the same clause; or of the Russian words after it that its
    comment says («не опубликованы на сайте» of 'Опубликован на сайте': planner156, «на сайте» was read
    again alone as the flag's true)."""
    parts = set(name_parts(flag))
    said = {lemma for c in tokenize(comment) for lemma in c.lemmas}
    end = j
    while (
        end + 1 < len(tokens)
        and (
            (tokens[end + 1].lang == "en" and stem(tokens[end + 1].lower) in parts)
            or (tokens[end + 1].lang == "ru" and bool(tokens[end + 1].lemmas & said))
        )
        and not _crosses_clause(request, tokens[end], tokens[end + 1])
    ):
        end += 1
    return tokens[end].end


def _russian_cause(request: Request, column: Column, i: int, value: str | None) -> bool:
    """«по причине брака»: the column word closes a cause cue and a Russian word its comment does not list
    follows: an inflected noun of the cause, no stored code (README planner142: a cause no rule reads is
    asked); «по причине slow_response» names a code and stays a value."""
    if value is None or not follows_cause_cue(request.tokens, i) or not CYRILLIC.search(value):
        return False
    return value.lower() not in {v.lower() for v in listed_values(column.comment)}


def _and_in_relative_clause(request: Request, tokens: list[Token], i: int) -> bool:
    """Token `i` is «и»/"and" inside a relative clause: a relative pronoun before it with no comma or
    semicolon between (a bracketed gloss «(referral)» may stand there)."""
    if tokens[i].lower not in ("и", "and"):
        return False
    for k in range(i - 1, max(-1, i - 9), -1):
        if re.search(r"[,;:]", request.text[tokens[k].end : tokens[i].start]):
            return False
        if tokens[k].lemma == "который" or tokens[k].lower in ("that", "which", "who"):
            return True
    return False


def _shares_copula(tokens: list[Token], i: int) -> bool:
    """The English relative clause whose "and" is word `i` opens with a be-verb ("that are major or critical
    and still open"): the second predicate is a state said through it too (planner164: bd-en-010 asked)."""
    for k in range(i - 1, max(-1, i - 9), -1):
        if tokens[k].lower in ("that", "which", "who"):
            return k + 1 < i and tokens[k + 1].lower in ("are", "is", "were", "was")
    return False


def _never_yet_and(tokens: Sequence[Token], j: int) -> bool:
    """Word `j` is the «и» of «так и не …» (NEVER_YET): a filler of the clause, no list of its predicates."""
    return tokens[j].lower == "и" and j > 0 and tokens[j - 1].lower == "так"


def _clause_between(request: Request, end: int, index: int) -> bool:
    """A clause's mark stands between offset `end` and word `index`: «Штрафы, которые клиенты уже оплатили:
    сумма и количество …» (a mart's measures blanked, marts126) is no «оплатили и …» list."""
    return bool(re.search(r"[,;:()]", request.text[end : request.spans[index][0]]))


def _crosses_clause(request: Request, first: Token, second: Token) -> bool:
    """A comma, a semicolon or a bracket stands between two words: they are in different clauses."""
    return bool(re.search(r"[,;:()]", request.text[first.end : second.start]))


def _joined(request: Request, first: Token, second: Token) -> bool:
    """Only a comma or и/или/and/or stands between two words."""
    gap = request.text[first.end : second.start]
    return bool(re.fullmatch(r"\s*(?:,|\b(?:и|или|and|or)\b|,\s*(?:и|или|and|or)\b)\s*", gap))


def _comma_between(request: Request, left: int, right: int) -> bool:
    """A comma or semicolon stands between words `left` and `right`: a postposed "only" ("night shifts only,
    …") ends its phrase there, the word after it begins another."""
    return bool(re.search(r"[,;]", request.text[request.spans[left][1] : request.spans[right][0]]))


def _starts_a_run(word: str) -> bool:
    """ "run", "start", "trigger", «запускать»: a verb of starting the pipeline (triggers.START_VERBS)."""
    from airflow_ai_etl.planning.triggers import START_VERBS  # triggers imports the planner: lazily

    tokens = tokenize(word)
    return len(tokens) == 1 and tokens[0].has(START_VERBS)


def _only_verb(word: str) -> bool:
    """A Russian word every reading of which is a verb («перелей», «гони», «выгружай»)."""
    parses = analyse(word) if re.fullmatch(r"[а-яё]+", word) else ()
    return bool(parses) and all(p.pos in ("VERB", "INFN") for p in parses)


# Lexicon concepts of how the pipeline loads: a word of one says the load mode or its refresh, never a value.
_MODE_CONCEPTS = frozenset(
    {
        "MERGE",
        "DEDUPE",
        "APPEND_ONLY",
        "REPLACE",
        "INCREMENTAL",
        "MASK",
        "CDC",
        "REFRESH",
        "DESTROY_VERB",
        "WIPE",
    }
)


def _sentence_word(word: str) -> bool:
    """A word of the sentence itself, no value of a text column: a Russian predicate every reading of which is
    a short adjective or a predicative («нужны», «нужно», «надо»), or a word of a load-mode concept
    («апсертом», «мержем», «инкрементом», "upsert")."""
    tokens = tokenize(word)
    if len(tokens) != 1:
        return False
    token = tokens[0]
    if token.lang == "ru" and token.parses and all(p.pos in ("ADJS", "PRED", "PREP") for p in token.parses):
        return True
    return any(is_(token, concept) for concept in _MODE_CONCEPTS)


# «Ростов-на-Дону» has three joins; a bound keeps a 16 kB «а-а-а-…» linear (every word's value is read).
_JOINED_VALUE = re.compile(r"\w+(?:[-/]\w+){0,6}(?:(?<=\d)\+(?![\w+]))?")  # "ИВТ-21", "B-12/3", "16+"
# An age mark as a comment lists it: "16+", "0+"
_PLUS_MARK = re.compile(r"(?<![\w+])\d+\+(?![\w+])")


def _is_code(value: str) -> bool:
    """A code, not a word: letters with digits ("ИВТ-21", "К3"), or two or more capitals ("ИВТ")."""
    letters = re.sub(r"[^A-Za-zА-Яа-яЁё]", "", value)
    has_digit = any(c.isdigit() for c in value)
    return bool(letters) and (has_digit or (len(letters) >= 2 and letters.isupper()))


# a code that starts with its digits: «4DX», "3D", «5G» (a number, then letters)
_DIGIT_LED_CODE = re.compile(r"\d{1,3}[A-Za-z][A-Za-z0-9]{0,7}")


def _listed_kind_code(column: Column, value: str) -> bool:
    """«в формате 4DX» of 'Формат показа (2D, 3D, IMAX)': a digit-led code after the word of a column
    whose comment lists its values is a value of it (listed, or asked), never dropped (planner167:
    VALUE_TOKEN wants a letter first, so «4DX» was no value and the rows of every format were loaded)."""
    return bool(listed_values(column.comment)) and _DIGIT_LED_CODE.fullmatch(value) is not None


def _is_numbered_code(value: str) -> bool:
    """A code with digits and letters ("B12", «ИВТ-21»): it names one row's identifier, never a word."""
    return _is_code(value) and any(c.isdigit() for c in value)


# Name parts of a column that holds a row's own code: code, trip_code, ticket_number, account_no.
_IDENTIFIER_PARTS = frozenset(stem(w) for w in ("code", "number", "no"))


def _row_code_columns(table: Table) -> list[str]:
    """The text columns that hold the table's own rows' code: `code`, or `<row noun>_code/_number`
    (trip_code of trips, ticket_number of tickets); a passport or card number is a code of something else."""
    own = set(name_parts(table.name.split(".")[-1]))
    found = []
    for column in table.columns:
        parts = name_parts(column.name)
        if not parts or parts[-1] not in _IDENTIFIER_PARTS or not _is_text(column) or column.name == "id":
            continue
        if len(parts) == 1 or set(parts[:-1]) <= own:
            found.append(column.name)
    return found


def _is_abbreviation(word: str) -> bool:
    """Capitals only («ЖКХ», "VIP"): an abbreviation of words; a code has digits too ("T1", «ИВТ-21»)."""
    return len(word) >= 2 and word.isalpha() and word.isupper()


@functools.lru_cache(maxsize=1024)
def _lemmas_of(value: str) -> frozenset[str]:
    """The lemmas of a listed value's words; of a value of several words joined by '_' (a code's meaning
    'в работе' listed as 'в_работе', planner129) those of its content words, never its preposition."""
    if "_" in value and not value.isascii():
        return frozenset(lemma for t in _content_words(value) for lemma in t.lemmas)
    return frozenset(lemma for t in tokenize(value) for lemma in t.lemmas)


def _value_lemmas(value: str, values: Iterable[str]) -> frozenset[str]:
    """The lemmas a word says `value` by: of a value of several words ('в_работе', a code's meaning) those
    of its first content word, when no other value of its list has that word too («в работе» says
    'в_работе'; «ждущие» says neither 'ждёт_запчастей' nor 'ждёт_жителя', and «жителей» of the table's own
    'Заявки жителей' never says 'ждёт_жителя'), so a shared or trailing word never reads as a value."""
    if "_" not in value or value.isascii():
        return _lemmas_of(value)
    if opens_with_negation(value):
        return frozenset()  # «доставленные» never says 'не_доставлен': it is said whole (planner136)
    content = _content_words(value)
    first = frozenset(content[0].lemmas) if content else frozenset()
    return first.difference(*(_lemmas_of(v) for v in values if v != value))


# Parts of speech that name nothing: a meaning's preposition or conjunction («в» of 'в работе').
_FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL"})


def _content_words(value: str) -> list[Token]:
    """The words of a value listed as several joined by '_' that name something ('в_работе': «работе»)."""
    return [t for t in tokenize(value.replace("_", " ")) if t.parses and t.parses[0].pos not in _FUNCTION_POS]


def _state_verb_complement(verb: str, noun: str) -> bool:
    """`noun` is the fixed complement of the state verb `verb` before its preposition: «выведенных из
    эксплуатации» (STATE_VERB_COMPLEMENTS), a part of the state the participle says, not a place
    (planner152)."""
    verb_lemmas = {p.lemma for p in analyse(verb.lower()) if p.pos in ("PRTF", "PRTS", "VERB", "INFN")}
    wanted = set().union(*(STATE_VERB_COMPLEMENTS.get(lemma, frozenset()) for lemma in verb_lemmas))
    return bool(wanted) and any(p.lemma in wanted for p in analyse(noun.lower()))


def _same_root(first: str, second: str) -> bool:
    """Two stems of one root: equal, or one a prefix of the other of at least five letters."""
    short, long = sorted((first, second), key=len)
    return first == second and len(short) >= 4 or len(short) >= 5 and long.startswith(short)


def _says_null(match: re.Match[str]) -> bool:
    """Whether a NULL_AFTER phrase asks for missing values ("is empty", "не заполнен") or present ones."""
    if match.group("op"):
        return match.group("op") == "="
    if match.group("bare"):
        return True
    if match.group("ru"):
        word = match.group("ru")
        fused = word.startswith("не")  # "непустой", "незаполнен"
        return word.removeprefix("не").startswith("пуст") != (bool(match.group("ru_not")) != fused)
    empty = match.group("word") in ("null", "empty", "blank", "missing")
    return empty != bool(match.group("not"))


# «за двое суток», «за последние трое суток»: a collective numeral counts days as a cardinal does
COLLECTIVE_NUMERALS = {"двое": 2, "трое": 3, "четверо": 4, "пятеро": 5}


def _last_n_template(match: re.Match[str]) -> str | None:
    """`{c} >= now() - interval '7 days'` for "last 7 days"; None when the count or unit is unclear."""
    count = match.group("n") or match.group("n_ru") or match.group("n_za")
    unit_word = next(match.group(g) for g in ("unit", "unit_ru", "unit_za", "unit_one") if match.group(g))
    unit = next((name for pattern, name in WINDOW_UNITS if pattern.match(unit_word)), None)
    n = (COLLECTIVE_NUMERALS.get(count.lower()) or number_of(count)) if count else 1
    if unit is None or n is None or n <= 0:
        return None
    if match.group("en") == "last" and not count and unit in CALENDAR_UNITS:
        return None  # "last week": the calendar week or the last seven days?
    if not count and _plural_units_uncounted(match, unit_word):
        return None  # «за последние дни», "the last hours": some units, how many unsaid (planner159)
    return "{c} >= now() - interval '" + f"{n} {unit}{'s' if n != 1 else ''}'"


# «последние/последних/последними» before a unit: the plural adjective of a window that counts several units
_PLURAL_LAST_RU = re.compile(r"последн(?:ие|их|ими)\b", re.IGNORECASE)


def _plural_units_uncounted(match: re.Match[str], unit_word: str) -> bool:
    """A window of several units with no count said («за последние дни», «последних недель», "the last
    hours"): a vague window, never one unit. «Сутки» is plural in form only (one day); a count before the
    adjective («3 последние недели») is said, so it is not this."""
    if match.group("unit_za") or match.group("unit_one"):
        return False
    if match.group("en"):
        return unit_word.lower().endswith("s")
    if unit_word.lower().startswith("сут") or not _PLURAL_LAST_RU.search(match.group(0)):
        return False
    before = match.string[max(0, match.start() - 24) : match.start()].split()
    return not (before and (before[-1].isdigit() or number_of(before[-1]) is not None))


def _money_amount(column: Column) -> bool:
    """`column` is an amount of money: a decimal whose name says money (refund_rub, deposit_amount), the
    marts' reading of a money name (planner131)."""
    from airflow_ai_etl.planning.marts.words import MONEY_NAME_PARTS  # words imports this module

    parts = name_parts(column.name)
    decimal = column_kind(column.type).family == "decimal"
    return decimal and bool(set(parts) & MONEY_NAME_PARTS or parts[-1:] in (["rub"], ["usd"], ["eur"]))


def _null_check(table: Table, name: str, missing: bool, null_only: bool) -> str:
    """`name IS [NOT] NULL`; for a text column said to be empty, missing or filled in (any word but
    "null") an empty string is no value either: `(city IS NULL OR city = '')`, `city IS NOT NULL AND
    city <> ''`."""
    if null_only or not _is_text(table.column(name)):
        return f"{name} {'IS NULL' if missing else 'IS NOT NULL'}"
    return f"({name} IS NULL OR {name} = '')" if missing else f"{name} IS NOT NULL AND {name} <> ''"


def bracketed_no_event(text: str, start: int, column: Column | None) -> bool | None:
    """ "(no ended_at)" after a state ("still ongoing"): in brackets, «no» before a time column says the event
    has not happened (rows where it is NULL); True then, False for another column ("(no passport_number)"
    leaves that column out), None when the «no» at `start` is not the first word in brackets."""
    if not text[:start].endswith("("):
        return None
    return _is_time_column(column)


# «премиального сегмента (premium)», «электрического типа топлива (electric)»: a value in brackets after the
# adjective's noun (and at most one genitive word of it)
_BRACKETED_VALUE_AFTER_NOUN = re.compile(r"(?:\s+[а-яё]+)?\s*\(\s*([a-z0-9_]+)\s*\)", re.IGNORECASE)


def _bracketed_listed_value(text: str, end: int, column: Column) -> list[str]:
    """[the value] when a value `column`'s comment lists stands in brackets right after the phrase ending at
    `end` («клиентов премиального сегмента (premium)»: the adjective's Russian word for it is read by the
    brackets); [] otherwise (a word the comment does not list is still asked about)."""
    bracket = _BRACKETED_VALUE_AFTER_NOUN.match(text, end)
    if bracket is None:
        return []
    said = bracket.group(1).lower()
    return [v for v in listed_values(column.comment) if v.lower() == said][:1]


_BRACKETED_NAME_AFTER = re.compile(r"\s*\(\s*([a-z_][a-z0-9_]*)\s*\)")


def _bracketed_after(table: Table, lower: str, end: int) -> list[str] | None:
    """A column named in brackets right after a compared number («больше 3000 (approved_amount)», "over 5000
    (claimed_amount)"): it is the compared column, whatever the words before the comparison name. None when no
    name in brackets follows (or a plain word: "(usd)"); [] when the name is a column no number compares (a
    text or time column) or a snake_case name the table lacks: nothing is compared, the safety net asks."""
    bracket = _BRACKETED_NAME_AFTER.match(lower, end)
    if bracket is None:
        return None
    column = table.column(bracket.group(1))
    if column is None:
        return [] if "_" in bracket.group(1) else None
    return [] if _is_text(column) or _is_time_column(column) else [column.name]


def _is_time_column(column: Column | None) -> bool:
    kind = column.type.lower() if column is not None else ""
    return "time" in kind or "date" in kind or kind == "interval"


# the last name part of a column numbering its rows: order_no, receipt_number, policy_num
_ROW_NUMBER_PARTS = frozenset({"no", "number", "num"})


def _plain_word_for_number(said: str, column: Column, value: str) -> bool:
    """A word with no digit after a noun that only names a numbering column by its words ("orders" of order_no
    'Номер заказа'): the rows' noun and a word about them, never a row number (one is a code with digits);
    the column's own name written out (order_no zorgly) is left to the value rules."""
    parts = name_parts(column.name)
    if len(parts) < 2 or parts[-1] not in _ROW_NUMBER_PARTS or said == column.name.lower():
        return False
    return not any(ch.isdigit() for ch in value)


def _listed_value_ends_clause(column: Column, request: Request, i: int) -> bool:
    """«только credit, отклонённые не берём»: word `i` is a value the column lists (it names the column only
    as its value does) and a comma follows it: the next word opens another condition, no value of the column
    (marts122: «отклонённые» was asked as a direction)."""
    if "," not in request.text[request.spans[i][1] : request.spans[i + 1][0]]:
        return False
    return request.tokens[i] in {v.lower() for v in listed_values(column.comment)}


def _is_text(column: Column | None) -> bool:
    """A text column: a text type, or one whose schema declares string values (a PostgreSQL enum type)."""
    return column is not None and (
        bool(column.values) or any(column.type.lower().startswith(t) for t in TEXT_TYPES)
    )


_DATE = r"(?:(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})|(?P<d2>\d{2})\.(?P<m2>\d{2})\.(?P<y2>\d{4}))(?![\d.-]\d)"
DATE_AFTER = re.compile(rf"['\"]?{_DATE}")
DATE_COMPARISON = re.compile(
    r"(?<![a-zа-яё0-9_])(?P<word>[a-zа-яё_][a-zа-яё0-9_]*+)(?:\s*+,)?\s++(?P<prep>after|since|before|until|from|после|позже|до|раньше|с|от)\s+"
    + rf"['\"«]?{_DATE}",
    re.IGNORECASE,
)
# A comparison, a number and a unit: "longer than 100 km", «тяжелее 5 кг», "over 30 minutes".
_CMP = (
    r"longer than|shorter than|heavier than|lighter than|more than|less than|greater than|larger than|"
    r"bigger than|smaller than|over|above|under|"
    r"below|exceeding|exceeds|at least|at most|больше|более|свыше|превышает|сверх|меньше|менее|дольше|"
    r"длиннее|короче|тяжелее|легче|дальше|ближе|не менее|не более|не меньше|не больше|не ниже|не выше|"
    r"выше|ниже|от|до"
)
# «больше, чем на 30 дней», «более чем на 90 минут»: Russian "by more than" puts «чем» and «на» before the
# number
UNIT_COMPARISON = re.compile(
    rf"(?<![a-zа-яё])(?P<cmp>{_CMP})(?:,?\s++чем)?(?:\s++на)?\s++(?P<n>\d++(?:[.,]\d+)?+)\s*+"
    r"(?P<unit>[a-zа-яё]++)",
    re.IGNORECASE,
)
# A number, a unit and an "or more" after them: "calls of 5 minutes or more", "5 minutes and longer", «5 минут
# и дольше» (planner43): the number compared with the column kept in that unit, or converted to it.
_POSTFIX_UNIT_AT_LEAST = r"more|longer|over|above|greater|higher|up|больше|более|дольше|длиннее|выше"
POSTFIX_UNIT_COMPARISON = re.compile(
    r"(?<![\w.,])(?P<n>\d++(?:[.,]\d+)?+)\s*+(?P<unit>[a-zа-яё]++)\s++(?P<cmp>(?:or|and|и|или)\s++"
    rf"(?P<word>{_POSTFIX_UNIT_AT_LEAST}|less|shorter|fewer|under|below|lower|меньше|менее|короче|ниже))(?![a-zа-яё])",
    re.IGNORECASE,
)
# A comparison, a number and the noun counted: «больше 1000 домохозяйств», "more than 4 credits".
COUNTED_OPERATORS = {
    "more than": ">", "over": ">", "above": ">", "greater than": ">", "fewer than": "<", "less than": "<",
    "under": "<", "below": "<", "at least": ">=", "at most": "<=", "no more than": "<=", "no less than": ">=",
    "exceeding": ">", "exceeds": ">", "превышает": ">", "сверх": ">",
    "больше": ">", "более": ">", "свыше": ">", "меньше": "<", "менее": "<", "не менее": ">=",
    "не более": "<=", "не меньше": ">=", "не больше": "<=", "от": ">=", "до": "<=",
}  # fmt: skip


@dataclass(frozen=True)
class CountedNoun:
    """«с более чем 100 местами»: the cue («с», "with"), the number, the noun counted and the comparison."""

    cue: Token
    count: Token
    noun: Token
    operator: str


_COUNT_CUES = frozenset({"с", "со", "with"})
_BOUND_AFTER = re.compile(
    r"\s+(?:и|или|or|and)\s+(?:выше|больше|более|ниже|меньше|менее|more|above|higher|over|up|less|fewer|below"
    r"|lower|under)(?![a-zа-яё])"
)
# «от четырёх звёзд», «до 3 звёзд»: a bound said by the preposition itself (read only where the noun names
# one numeric column: «от 5 минут» and «до 7 часов» are other rules')
_BOUND_CUES = {"от": ">=", "до": "<="}
# «с 4 звёздами и выше», «от 4 звёзд и выше»: a bound said after the noun
_OR_ABOVE_AFTER = {
    "выше": ">=", "больше": ">=", "более": ">=", "ниже": "<=", "меньше": "<=", "менее": "<=",
    "more": ">=", "above": ">=", "higher": ">=", "over": ">=", "up": ">=", "less": "<=", "fewer": "<=",
    "below": "<=",
    "lower": "<=", "under": "<=",
}  # fmt: skip
_OR_MORE = {
    "более": ">=",
    "больше": ">=",
    "more": ">=",
    "менее": "<=",
    "меньше": "<=",
    "less": "<=",
    "fewer": "<=",
}


def counted_nouns(tokens: Sequence[Token]) -> Iterable[CountedNoun]:
    """«с 100 местами», «со 100 местами», «с более чем 100 местами», «с 100 и более местами», "with at least
    5 halls", "with 100 or more seats" (`tokens` without punctuation): a count of a noun after «с»/"with",
    with the comparison said before the number or after it (`=` when none is)."""
    for k, cue in enumerate(tokens):
        if cue.lower not in _COUNT_CUES and cue.lower not in _BOUND_CUES:
            continue
        j, operator = k + 1, _BOUND_CUES.get(cue.lower, "=")
        for width in (3, 2, 1):  # «не менее чем», "more than", «более»: the longest comparison first
            said = " ".join(t.lower for t in tokens[k + 1 : k + 1 + width]).removesuffix(" чем")
            if (
                cue.lower in _COUNT_CUES
                and k + 1 + width < len(tokens)
                and said in COUNTED_OPERATORS
                and said not in ("от", "до")
            ):
                j, operator = k + 1 + width, COUNTED_OPERATORS[said]
                break
        if j + 1 >= len(tokens) or tokens[j].number is None or tokens[j].ordinal:
            continue
        noun_at = j + 1
        postfix = tokens[j + 1 : j + 3]
        if operator == "=" and len(postfix) == 2 and postfix[0].lower in ("и", "или", "or", "and"):
            if postfix[1].lower in _OR_MORE and j + 3 < len(tokens):  # «с 100 и более местами»
                operator, noun_at = _OR_MORE[postfix[1].lower], j + 3
        after = tokens[noun_at + 1 : noun_at + 3]
        if operator in ("=", ">=") and len(after) == 2 and after[0].lower in ("и", "или", "or", "and"):
            bound = _OR_ABOVE_AFTER.get(after[1].lower)  # «с 4 звёздами и выше», «от 4 звёзд и выше»
            if bound is not None and (operator == "=" or bound == ">="):
                operator = bound
        yield CountedNoun(cue, tokens[j], tokens[noun_at], operator)


# A count of pieces: «штук», "pieces"; the column counting them is the table's one pieces column.
_PIECES_WORD = re.compile(r"шт|штук[аи]?|pieces?|pcs")
_PIECES_AFTER = re.compile(r"\s+(?:шт\b|штук|pieces?\b|pcs\b)")
# Only a column that says it counts pieces: 'Количество' alone may count packs (planner89: asked).
_PIECES_PARTS = {stem(w) for w in ("pieces", "pcs")}
_PIECES_COMMENT = {stem(w) for w in ("шт", "штук", "штуки")}


def _pieces_columns(table: Table) -> list[str]:
    """The whole-number columns that say they count pieces, by comment ('Остаток, шт.') or name (pieces);
    never a key, a time or money."""
    return [
        c.name
        for c in table.columns
        if re.match(r"(?:small|big)?int|integer|u?int\d+|serial", c.type.lower())
        and not _is_time_column(c)
        and c.name != "id"
        and not c.name.endswith("_id")
        and c.name not in table.primary_key
        and not set(name_parts(c.name)) & MONEY_PARTS
        and bool(
            set(name_parts(c.name)) & _PIECES_PARTS
            or {stem(w) for w in words(c.comment or "")} & _PIECES_COMMENT
        )
    ]


# «по итоговой сумме» right after a compared number (and its currency): the phrase naming the compared column.
_BY_PHRASE_AFTER = re.compile(r"(?:\s+(?:руб\w*|р\.|₽))?\s+по\s+(?P<words>[а-яё]+(?:\s+[а-яё]+){0,2})")
COUNTED = re.compile(
    r"(?<![a-zа-яё0-9_])(?P<cmp>"
    + "|".join(sorted((c.replace(" ", r"\s+") for c in COUNTED_OPERATORS), key=len, reverse=True))
    + r")\s+(?P<n>\d++(?:[.,]\d+)?+)\s+(?P<w1>[a-zа-яё_]{3,}+)(?:\s+(?P<w2>[a-zа-яё_]{3,}+))?",
    re.IGNORECASE,
)
UNIT_AFTER = re.compile(
    r"\s*+(?:km|kg|км|кг|километр|килограмм|mi|miles?|метр|meters?|тонн[аы]?|tons?|tonnes?|t|т|hours?|hrs?|час(?:а|ов)?"
    r"|minutes?|mins?|минут[аы]?|мин|seconds?|secs?|секунд[аы]?|сек)(?![a-zа-яё])",
    re.I,
)
# Every comparison word of _CMP has its operator here (no default: an unlisted word must not read as ">").
UNIT_OPERATORS = {
    "longer": ">", "heavier": ">", "more": ">", "greater": ">", "over": ">", "above": ">", "больше": ">",
    "larger": ">", "bigger": ">", "smaller": "<",
    "exceeding": ">", "exceeds": ">", "превышает": ">", "сверх": ">",
    "более": ">", "свыше": ">", "дольше": ">", "длиннее": ">", "тяжелее": ">", "дальше": ">",
    "shorter": "<", "lighter": "<", "less": "<", "under": "<", "below": "<", "меньше": "<", "менее": "<",
    "короче": "<", "легче": "<", "ближе": "<", "at": ">=", "не": ">=", "от": ">=", "до": "<=",
    "выше": ">", "ниже": "<",
}  # fmt: skip
_UNITS = {
    "km": ("km", "км", "километр"), "kg": ("kg", "кг", "килограмм"), "min": ("min", "мин", "minute", "минут"),
    "m": ("m", "meter", "метр"), "t": ("t", "т", "ton", "tonne", "тонн"), "mi": ("mi", "mile"),
    "sec": ("sec", "secs", "second", "сек", "секунд"),
    "h": ("h", "hr", "hrs", "hour", "час", "часа", "часов"),
    "kw": ("kw",),  # "connectors over 50 kW" of power_kw; «кВт» is read by its comment ('Мощность, кВт')
}  # fmt: skip
# Seconds in each time unit: a duration written in one unit is compared with a column kept in another
# («звонки длительностью больше двух часов» on duration_sec is `duration_sec > 7200`).
_TIME_UNIT_SECONDS = {"sec": 1, "min": 60, "h": 3600}
# A strict comparison, a number and a time unit: a duration a filter compares, never a schedule's hours
# («больше 2 часов», "longer than 2 hours"; not «до 7 часов», a time of day).
_DURATION_CMP = (
    r"longer than|shorter than|more than|less than|over|at least|at most|больше|более|свыше|меньше|менее|"
    r"дольше|короче|длиннее|не менее|не более|не меньше|не больше"
)
DURATION_COMPARISON = re.compile(
    rf"(?<![a-zа-яё])(?:{_DURATION_CMP})\s++(?:\d++(?:[.,]\d+)?+\s*+|an?\s++)?"
    r"(?:hours?|hrs?|minutes?|mins?|seconds?|secs?|час(?:а|ов)?|минут[аы]?|мин|секунд[аы]?|сек)(?![a-zа-яё])",
    re.IGNORECASE,
)
# «дольше часа», "longer than an hour": one unit with no number is one of it.
ONE_UNIT_COMPARISON = re.compile(
    rf"(?<![a-zа-яё])(?P<cmp>{_DURATION_CMP})\s++(?:an?\s++)?(?P<unit>часа|минуты|секунды|hour|minute|second)"
    r"(?![a-zа-яё])",
    re.IGNORECASE,
)
QUOTED_VALUE = re.compile(
    r"(?<![a-zа-яё0-9_])(?P<word>[a-zа-яё_][a-zа-яё0-9_]*+)\s++(?:(?:is|=)\s*+)?"
    r"(?:'(?P<a>[^'\n]{1,200})'|«(?P<b>[^»\n]{1,200})»|\"(?P<c>[^\"\n]{1,200})\")",
    re.IGNORECASE,
)


# "parts in the Filters category", "cars of the Toyota brand": the words a capitalised value of the column
# named right after it may follow (planner103)
_NAME_BEFORE_COLUMN_EN = frozenset({"the", "of", "in", "from", "by", "for", "with", "under", "within"})

THOUSANDS_AFTER = re.compile(r"[kк]\b")  # "above 50k", «больше 10к»: right after a compared number


# The words naming a state column right before its value: "status closed", «в состоянии shipped»
_STATE_COLUMN_WORDS = (
    "status",
    "state",
    "статус",
    "статусом",
    "статусе",
    "состоянии",
    "состоянием",
    "состояние",
)


def _status_value_named(request: Request, table: Table, word: Token) -> bool:
    """ "status closed only", «статус closed»: the status column is named right before one of its listed
    values, so the word is that value, not the event of a time column (closed_at)."""
    column = state_column(table)
    values = listed_values(column.comment) if column is not None else ()
    before = request.lower[: word.start].rstrip()
    return word.lower in values and before.endswith(_STATE_COLUMN_WORDS)


def _listed_beside_status_value(request: Request, table: Table, word: Token) -> bool:
    """«кроме аннулированных и черновиков», "cancelled or draft ones": the word is a listed status value and
    is joined by and/or to another one, so the list is of status values, not the event of a time column
    (cancelled_at) the word alone could also say (planner37)."""
    if _status_value_of(table, word) is None:
        return False
    words_ = [t for t in tokenize(request.text) if t.lang != "punct"]
    k = next((n for n, t in enumerate(words_) if t.start == word.start), None)
    if k is None:
        return False
    for conj, other in ((k + 1, k + 2), (k - 1, k - 2)):
        if not (0 <= other < len(words_) and words_[conj].lower in _LIST_JOINERS):
            continue
        first, second = sorted((word, words_[other]), key=lambda t: t.start)
        if not _crosses_clause(request, first, second) and _status_value_of(table, words_[other]) is not None:
            return True
    return False


# Words joining two values of one list: «кроме отменённых и черновиков», "rejected or draft ones"
_LIST_JOINERS = frozenset({"и", "или", "and", "or"})


def _short_status_said(table: Table, verb: Token) -> str | None:
    """The status value a clause's short participle says by the status words («которые оплачены» -> 'paid'),
    where the table has a state column that lists no values or lists that one; None otherwise (an event
    column or a listed value of the clause is read before this)."""
    column = state_column(table)
    if column is None or verb.lang != "ru" or not any(p.pos == "PRTS" for p in verb.parses[:1]):
        return None
    value = short_participle_status(verb.lower)
    listed = listed_values(column.comment)
    return value if value is not None and (not listed or value in listed) else None


def _status_value_of(
    table: Table, verb: Token, predicate: bool = False, progressive: bool = False, ongoing: bool = False
) -> str | None:
    """The one value the status column's comment lists that a clause's participle says: "blocked",
    «заблокированы» (VALUE_MEANINGS) -> 'blocked'; None when the table has no such listed value. With
    `predicate` a short form or a present-tense verb says it too («которые сейчас заняты» -> 'occupied',
    «которые готовятся» -> 'cooking'), and an English participle by its stem ("that are being cleaned" ->
    'cleaning'; `progressive`, "being", picks the -ing value of two sharing the stem, else the -ed one)."""
    column = state_column(table)
    found = _listed_values_meant(column, verb, predicate, progressive, ongoing) if column is not None else []
    return found[0] if len(found) == 1 else None


def _listed_values_meant(
    column: Column, verb: Token, predicate: bool = False, progressive: bool = False, ongoing: bool = False
) -> list[str]:
    """The values `column`'s comment lists that a clause's word says (see `_status_value_of`): the word as
    stored, an English participle by its stem, a Russian word by its lemma's meanings; two or more when the
    word fits several («вернули» of (returned, refunded)), [] when it fits none."""
    values = listed_values(column.comment)
    if verb.lower in values:
        return [verb.lower]
    if verb.lang == "en" and predicate and len(verb.lower) >= 4:
        found = [v for v in values if v.isalpha() and stem(v) == stem(verb.lower)]
        if len(found) > 1:
            found = [v for v in found if v.endswith("ing" if progressive else "ed")]
        return found
    meant = value_meanings(verb, predicate, ongoing) if verb.lang == "ru" else set()
    found = [v for v in values if stem(v) in meant]
    if len(found) > 1:  # «доставляются»: 'delivering', not 'delivered' sharing its stem
        exact = {m for p in verb.parses for m in _value_meanings_of(p.lemma, predicate)}
        found = [v for v in found if v in exact]
    return found


def _names_column_before_value(adj: Token, after: list[Token], column: Column, listed: Sequence[str]) -> bool:
    """The adjective is a word of the column's own name ('Платёжная система (mir, visa, …)') and a value the
    column lists comes right after its noun: «платёжной системы mir» names the column and says the value,
    which the value rules read; it is no value of its own to ask about."""
    comment = {lemma for c in tokenize(without_listed(column.comment)) for lemma in c.lemmas}
    return bool(after) and after[0].lower in listed and bool(adj.lemmas & comment)


def passive_lemmas(word: Token) -> set[str]:
    """A Russian word's lemmas, and a reflexive verb's lemma without «-ся» too: «(не) орошаются» is the
    passive of «орошать», the verb of 'Орошаемое поле' (is_irrigated), «пополняются» of 'Вклад пополняемый'
    (planner156: the clause was asked). The dictionary files «орошаться» as a verb of its own."""
    reflexive = {
        p.lemma[:-2] for p in word.parses if p.pos in ("VERB", "INFN") and p.lemma.endswith(("ся", "сь"))
    }
    return word.lemmas | reflexive


def _value_meanings_of(lemma: str, predicate: bool) -> tuple[str, ...]:
    """The English words a lemma means as a listed value; a predicate's own meanings too (planner156)."""
    own = PREDICATE_VALUE_MEANINGS.get(lemma, ()) if predicate else ()
    return VALUE_MEANINGS.get(lemma, ()) + own


def past_state_readings(table: Table, verb: Token) -> list[tuple[str, str]]:
    """(column, value) pairs a past verb closing a relative clause may mean («которые вернули» -> status
    'returned'; «которые провалили» -> result 'failed' where no state column lists it): the state column's
    values first; only when it lists none of them, every other column listing values."""
    state = state_column(table)
    found = [(state.name, v) for v in _listed_values_meant(state, verb, True, ongoing=True)] if state else []
    if found:
        return found
    return [
        (c.name, v)
        for c in table.columns
        if listed_values(c.comment)
        for v in _listed_values_meant(c, verb, True, ongoing=True)
    ]


# The end of a clause right after a word: a punctuation mark or the end of the request; a mart's colon before
# its measures too («Штрафы, которые клиенты уже оплатили: сумма …», marts126)
_CLAUSE_CLOSES = re.compile(r"\s*(?:[,;:.!?)\u2014\u2013]|$)")
_SPACES = re.compile(r"\s*+")


def _clause_subject_noun(pronoun: Token, word: Token) -> bool:
    """«которые студенты не вернули», «которые прораб утвердил»: a nominative noun right after «который»
    read as the object is the clause's subject, the one who acted, and names no row condition
    (planner162: the first was asked, the second loaded every row with its clause dropped)."""
    if pronoun.lemma != "который" or not any(p.case == "accs" for p in pronoun.parses):
        return False
    first = word.parses[0] if word.lang == "ru" and word.parses else None
    return first is not None and first.pos == "NOUN" and first.case == "nomn"


# After an English clause's subject: the auxiliary or adverb that shows the word before it acted
_AFTER_ENGLISH_SUBJECT = frozenset({"haven", "hasn", "didn", "have", "has", "had", "did", "never", "already"})


def _updates_kept(table: Table) -> bool:
    """The table keeps an update time (updated_at …): changed rows have a column saying when they changed."""
    return any(table.column(name) for name in UPDATE_COLUMNS)


def _closes_clause(request: Request, tokens: Sequence[Token], j: int) -> bool:
    """Word `j` is the clause's last: the request ends or punctuation follows it ("that have changed, …")."""
    if j + 1 >= len(tokens):
        return True
    return any(c in ",;:.—–()" for c in request.text[tokens[j].end : tokens[j + 1].start])


def _english_clause_subject(tokens: list[Token], pronoun: int, j: int) -> bool:
    """ "surveys that customers haven't answered yet", "that the client has answered": an English noun (or
    "the" before it) right after "that"/"which" and followed by an auxiliary is the clause's subject, who
    acted, as «которые студенты не вернули» is in Russian (planner162); never a row condition itself."""
    if tokens[pronoun].lower not in ("that", "which") or j + 1 >= len(tokens) or tokens[j].lang != "en":
        return False
    if tokens[j].lower == "the":
        return j == pronoun + 1 and _english_clause_subject(tokens, pronoun, j + 1)
    first = j == pronoun + 1 or (j == pronoun + 2 and tokens[pronoun + 1].lower == "the")
    return first and tokens[j + 1].lower in _AFTER_ENGLISH_SUBJECT


def _window_follows(text: str, at: int) -> bool:
    """ "inspections that failed in the last 30 days", "that failed yesterday": a rolling window or a day
    word right after an English past verb ends its clause as a comma does; the window rule reads it
    (planner162: "in" after the verb looked like a place, and the clause was asked)."""
    start = _SPACES.match(text, at)
    at = start.end() if start else at
    return LAST_N.match(text, at) is not None or DAY_WINDOW.match(text, at) is not None


# An explicit condition in brackets: «(где churned_on заполнен)», "(where returned_at is set)"; or a bracket
# whose words the mart planner read and blanked before the filter rules see the text («(   »)
_BRACKETED_CONDITION = re.compile(
    r"\((?:где|where)\s[^()]*\)|\(([a-z_][a-z0-9_]*)\b[^()]*\)|\(\s*(?:\)|$)", re.IGNORECASE
)


def bracket_describes(request: Request, table: Table, at: int) -> bool:
    """After `at` the request has a condition in brackets, opening with «где»/"where" or with a column of
    `table`: «абонентов, которые ушли, … (где churned_on заполнен)». It says which rows the clause before it
    means, so that clause adds no reading of its own (marts round 64)."""
    for found in _BRACKETED_CONDITION.finditer(request.text, at):
        if found.group(1) is None or table.column(found.group(1)) is not None:
            return True
    return False


# a bracket right after a state phrase: «ещё не оплаченные (issued)», "not paid yet (issued)"
_BRACKET_AFTER_STATE = re.compile(r"[^,;()]{0,40}?\(\s*([a-z][a-z0-9_]*)\s*\)")


def _said_by_bracketed_value(request: Request, table: Table, found: dict[str, tuple[int, str]]) -> None:
    """«Штрафы, ещё не оплаченные (issued)»: a value one column lists, in brackets right after the words the
    conditions were read from, says the value meant (README: a bracketed listed value says the value):
    `status = 'issued'`, not `status <> 'paid'` nor `paid_at IS NULL`, which disputed rows pass too
    (planner130)."""
    _drop_negated_glosses(request, found)
    for position, _ in list(found.values()):
        bracket = _BRACKET_AFTER_STATE.match(request.lower, position)
        if bracket is None:
            continue
        columns = [c for c in table.columns if bracket.group(1) in listed_values(c.comment)]
        if len(columns) != 1:
            continue
        said = f"{columns[0].name} = {_quote(bracket.group(1))}"
        opens = _glossed_phrase_start(request.lower, position, bracket.start(1))
        own = found.get(columns[0].name)
        if own is not None and own[1] == said and own[0] != position:
            # «Оспоренные штрафы за парковку (parking)»: the value is read already (from the bracket or the
            # words right before it), so the bracket glosses those, not the words read at `position`:
            # «Оспоренные» keeps its condition (planner149: the status was replaced)
            continue
        kept = [
            _read_to(request, at)
            for at, _ in found.values()
            if opens <= at < bracket.start(1) and _other_words_glossed(request, table, at, bracket.start(1))
        ]
        opens = max([opens, *kept])  # «Номера для курящих на уборке (cleaning)»: the gloss opens after
        explained = [
            name
            for name, (at, condition) in found.items()
            if opens <= at < bracket.start(1)
            and not _value_written(request.lower[at : bracket.start(1)], condition, name, columns[0].name)
        ]
        if found.get(columns[0].name, (0, ""))[1].startswith(f"{columns[0].name} IN ("):
            continue  # «(issued, overdue)» is a list, read by the list rules
        opens = _but_clause_start(request.lower, opens)  # «которые выставлены, но ещё не оплачены (issued)»
        if found.get(columns[0].name, (0, ""))[1] == said and opens <= found[columns[0].name][0]:
            # «которые ещё не оплачены (issued)»: the bracket's own value is read; the other readings of the
            # glossed words (`paid_at IS NULL`) are what it explains, not more conditions (planner168)
            for name in explained:
                if name != columns[0].name:
                    del found[name]
            found[columns[0].name] = (opens, said)
            request.handled.append((opens, bracket.end()))
            continue
        if any(_quote(bracket.group(1)) in found[name][1] for name in explained):
            # «кроме погашенных (closed)»: `status <> 'closed'` already says the value, negated; «без
            # возвращённых и аннулированных (void)» merged into one NOT IN (marts110): the glossed words are
            # read too, or a mart's residue asks «аннулированных» (fixreg28)
            request.handled.append((opens, bracket.end()))
            continue
        if any(
            name == columns[0].name and opens <= at < bracket.start(1) and _quote(bracket.group(1)) in rival
            for at, name, rival, _ in request.rival_conditions
        ):
            # «без возвращённых и аннулированных (void)»: its own word read it, a list's last (marts112)
            request.handled.append((opens, bracket.end()))
            continue
        listing = _list_ending_in_bracket(request, columns[0].name, bracket.group(1), bracket.start(1))
        if listing is not None:  # «просроченные или частично оплаченные (partially_paid)»: the whole list
            opens, said = listing
        for name in explained:
            del found[name]
        found[columns[0].name] = (opens, said)
        request.handled.append((opens, bracket.end()))  # «оплаченные» read: the bracket says how


# Between two items of a list: a comma and/or «и»/«или» (_apposition_list_after)
_LIST_GAP = re.compile(r"\s*,?\s*")
_LIST_JOIN = re.compile(r"\s*,\s*|\s*,?\s*(?:и|или)\s+", re.IGNORECASE)


# A relative clause's first predicate and «, но»/", but" before the glossed words: «которые выставлены, но ещё
# не оплачены (issued)» is one state said twice, glossed by one bracket
_BUT_CLAUSE_BEFORE = re.compile(
    r"(?<![a-zа-яё])(?:которые|который|которая|которое|that|which)\s[^,;()]{1,40},\s*(?:но|а|but)\s+"
    r"(?:(?:ещё|еще|уже|пока|не|not|yet|still|are|is)\s+)*$"
)


def _drop_negated_glosses(request: Request, found: dict[str, tuple[int, str]]) -> None:
    """«которые забронированы, но ещё не оплачены (reserved)»: the clause's first predicate read the value the
    bracket after its second one says, so the «не» negates the words the bracket glosses, not its value; the
    rival reading `status <> 'reserved'` of those words is no condition (planner171)."""

    def glossed_again(rival: tuple[int, str, str, int]) -> bool:
        at, column, condition, _ = rival
        bracket = _BRACKET_AFTER_STATE.match(request.lower, at)
        own = found.get(column)
        if bracket is None or own is None or own[1] != f"{column} = {_quote(bracket.group(1))}":
            return False
        return (
            condition == f"{column} <> {_quote(bracket.group(1))}"
            and _but_clause_start(request.lower, at) <= own[0] < at
        )

    request.rival_conditions[:] = [r for r in request.rival_conditions if not glossed_again(r)]


def _but_clause_start(text: str, opens: int) -> int:
    """Where the relative clause begins whose second predicate, after «, но»/", but", the glossed phrase at
    `opens` is (planner168: its first predicate «которые выставлены» was asked as unread); `opens` when the
    phrase follows no such clause."""
    found = _BUT_CLAUSE_BEFORE.search(text, max(0, opens - 80), opens)
    return found.start() if found else opens


def _list_ending_in_bracket(
    request: Request, column: str, value: str, bracket: int
) -> tuple[int, str] | None:
    """(position, condition) of an `IN` list on `column` whose last item is the phrase the bracketed `value`
    glosses, read in the same clause before the bracket («просроченные или частично оплаченные
    (partially_paid)»: `status IN ('overdue', 'partially_paid')`); another rule read the glossed words as a
    rival value («оплаченные»: paid), which the bracket replaces, not the list (planner162)."""
    for at, name, rival, _ in request.rival_conditions:
        if name != column or not rival.startswith(f"{column} IN (") or _quote(value) not in rival:
            continue
        if at < bracket and not re.search(r"[,;:()—–]", request.text[at:bracket].rstrip().rstrip("(")):
            return at, rival
    return None


# «кроме», «без», "except": the words after it are the rows left out, a phrase of its own (planner135)
_EXCEPTION_OPENER = re.compile(r"(?<!\w)(?:кроме|без|исключая|except|excluding|without)(?!\w)")


def _glossed_phrase_start(text: str, start: int, bracket: int) -> int:
    """Where the phrase a bracket glosses begins, searching from `start`: at the last exception word before
    the bracket («полисы ОСАГО кроме расторгнутых (cancelled)»: the bracket says «расторгнутых», and «ОСАГО»
    before «кроме» keeps its own condition), else at `start` (planner135)."""
    openers = list(_EXCEPTION_OPENER.finditer(text, start, bracket))
    return openers[-1].start() if openers else start


def _transliterates_pieces(word: str, value: str) -> bool:
    """A hyphenated Cyrillic word spelling a two-part code by ear, piece by piece: «колл-центра» ~ call_center
    (planner139: «Заказы из колл-центра» loaded every channel)."""
    pieces, parts = word.split("-"), value.split("_")
    return len(pieces) == len(parts) > 1 and all(map(transliterates, pieces, parts))


def _read_to(request: Request, at: int) -> int:
    """Where the words read from offset `at` end (`at` itself when no rule marked them read)."""
    return max((end for start, end in request.handled if start <= at < end), default=at)


def _other_words_glossed(request: Request, table: Table, at: int, bracket: int) -> bool:
    """Between the words the condition at `at` was read from and the bracket stand other words, not the
    rows' noun: the bracket glosses those («Номера для курящих на уборке (cleaning)»: «на уборке», not the
    smoking flag, which stays; planner139). A condition read right up to the bracket («не оплаченные
    (issued)») is glossed."""
    read_to = _read_to(request, at)
    if read_to <= at or read_to >= bracket:
        return False
    own = _comment_stems(table.comment or "") | {stem(w) for w in name_parts(table.name.split(".")[-1])}
    between = [t for t in tokenize(request.text[read_to:bracket]) if t.lang in ("ru", "en")]
    return any(
        len(t.lower) > 3 and t.lower not in STOP_WORDS | ROW_PRONOUNS_EN and stem(t.lower) not in own
        for t in between
    )  # "except closed ones (status closed)": "ones" is the rows the words said, glossed with them


def _value_written(said: str, condition: str, name: str, bracketed: str) -> bool:
    """`condition` on another column than the bracket's is an equality whose value is written as is after the
    first word of `said` («категории roaming с высоким приоритетом (high)»): read from a column's noun and its
    value, no state the bracket explains (planner131); "not paid yet (paid_at is null)" is explained."""
    value = re.fullmatch(rf"{re.escape(name)} = '([^']+)'", condition)
    rest = said.split(maxsplit=1)[1] if len(said.split(maxsplit=1)) > 1 else ""
    written = value is not None and re.search(rf"(?<!\w){re.escape(value.group(1).lower())}(?!\w)", rest)
    return name != bracketed and bool(written)


def _in_mask_clause(request: Request, starts: list[int]) -> bool:
    """Every offset of `starts` lies in the clause of the request's masking word (planner130)."""
    from airflow_ai_etl.planning.heads import _mask_clause  # heads imports the planner, which imports this

    start, end, cue = _mask_clause(request)
    return cue >= 0 and all(start <= s < end for s in starts)


def _listed_status(table: Table, word: Token) -> bool:
    """`word` is, as written, a value the state column's comment lists ("open" of 'Статус (open, done)')."""
    column = state_column(table)
    return column is not None and word.lower in listed_values(column.comment)


def _finite_verb(word: str) -> bool:
    """A Russian finite verb form («вышел», «пришли»): a predicate, not a noun, adjective or participle."""
    parses = analyse(word) if CYRILLIC.search(word) else ()
    return bool(parses) and parses[0].pos == "VERB"


_BRACKETED_VALUE = re.compile(r"\s*\((?:status\s+)?([a-z][a-z0-9_]*)\)")
# Up to three Latin words alone in brackets: «анализы (lab results)», «койки (beds)», «карты (credit)».
_LATIN_GLOSS = re.compile(r"\(\s*([a-z][a-z0-9_]*(?:\s+[a-z][a-z0-9_]*){0,2})\s*\)")


def _table_gloss_at(request: Request, table: Table, index: int) -> bool:
    """Word `index` opens a bracket of Latin words that name `table` itself («анализы (lab results)» of
    lab.results, «оценки (exam grades)» of grades): they translate the table's noun before them, so the
    first of them is no value of a column that noun also names ('Код анализа' -> not test_code = 'lab')."""
    start = request.spans[index][0]
    opening = request.lower.rfind("(", 0, start)
    if opening < 0 or request.lower[opening + 1 : start].strip():
        return False
    gloss = _LATIN_GLOSS.match(request.lower, opening)
    return gloss is not None and set(name_parts(table.name)) <= set(name_parts(gloss.group(1)))


def _status_value_in_brackets(request: Request, table: Table, word: Token) -> bool:
    """«кроме ушедших (churned)»: one listed value of the status column in brackets right after the word
    says the word is that value, not the event of a time column (churned_on)."""
    column = state_column(table)
    found = _BRACKETED_VALUE.match(request.lower, word.end)
    return column is not None and found is not None and found.group(1) in listed_values(column.comment)


# What sets a word off in apposition: a comma, a dash, a colon, or the end of the sentence
_APPOSITION_MARK = re.compile(r"[,\u2014\u2013:;.!?]|\s-\s")
# Russian prepositions leaving rows out: «без неявок», «кроме неявок», «исключая неявки» (genitive).
_EXCLUDING_PREPS_RU = frozenset({"без", "кроме", "исключая"})
_EXCLUDING_PREPS_EN = frozenset({"except", "excluding", "without"})
# English nouns that, after a listed value, name its rows ("sick days", "absent ones"), never the value itself
_NOUNS_OF_VALUE_ROWS_EN = frozenset({"ones", "one", "rows", "records", "entries", "days"})
# Words passed over inside an English list of excluded values: "except the drafts and the blue ones"
_EXCLUDED_LIST_FILLERS_EN = frozenset({"the", "ones", "one", "rows", "records"})
# The status column and one value after a state word: «проведённые, в статусе done», «отменённые (статус
# cancelled)», «посещённые: статус attended», "completed ones, status checked_out", "held ones, with status
# done"
_STATUS_GLOSS = re.compile(
    r"(?:\s+(?:ones?|rows|records|entries))?\s*(?:[,:(\u2014\u2013]|\s-)\s*(?:(?:в|во|со?|with|in|of)\s+)?"
    r"(?:(?:the|a)\s+)?(?:статус(?:е|ом|а)?|status)\s*(?:[=:]\s*)?['\"«]?([a-z][a-z0-9_]*)",
    re.IGNORECASE,
)


def status_gloss_after(request: Request, table: Table, at: int, read: str) -> bool:
    """A state word ending at `at` is followed by the status column and one value its comment lists, and the
    WHERE `read` holds that value: the words name the rows the word means («только проведённые, в статусе
    done» of 'Статус показа (scheduled, done, ...)'), so the word is read, not a value of some column. A
    value no comment lists, or not read, glosses nothing."""
    found = _STATUS_GLOSS.match(request.lower, at)
    column = state_column(table)
    if found is None or column is None:
        return False
    if found.group(1) not in {v.lower() for v in listed_values(column.comment)}:
        return False
    name = re.escape(column.name.lower())
    return re.search(rf"\b{name}\b[^;]*'{re.escape(found.group(1))}'", read.lower()) is not None


# A clause right after a word that says which rows the word means: «, где ...», «— у которых ...»,
# ", where ...", «, т.е. ...».
_GLOSS_DASH = re.compile(r"\s*(?:[\u2014\u2013:]|\s-)\s*([a-z_][a-z0-9_]*)")


def _glossed_by_column(request: Request, table: Table, at: int, conditions: list[str]) -> bool:
    """A dash or colon at `at` followed by a column of `table` that one of `conditions` is on: the words
    before it name the rows that condition keeps («работающие — fired_at пустой»)."""
    found = _GLOSS_DASH.match(request.lower, at)
    if found is None or table.column(found.group(1)) is None:
        return False
    column = found.group(1)
    return any(re.match(rf"\(?{re.escape(column)}\b", c) for c in conditions)


_EXPLAINING_CLAUSE = re.compile(
    r"\s*[,\u2014\u2013:-]?\s*(?:где|у\s+которых|в\s+которых|у\s+кого|кто|которые|where|whose|who|with|т\.\s?е\.?|то\s+есть|i\.\s?e\.?|"
    r"that\s+is|meaning|а\s+именно)(?!\w)"
)
# What may follow a one-word value written after "=" so that the word is the whole value: the end of the
# clause or a conjunction ("direction = in, ...", "door = A and ...").
_CLOSES_VALUE = re.compile(
    r"\s*(?:$|[,;)]|\.(?!\w)|\s(?:and|or|и|или|but|а)\b|\s[\u2014\u2013-]\s)", re.IGNORECASE
)
_EXPLANATION_END = re.compile(r"[,;!?\n)]|\.(?!\d)")
# An English preposition between a row's noun and the amount it is for ("bills for more than 20 000",
# "orders worth over 500"): the compared word is the noun before it (planner157)
_PRICE_PREPOSITIONS_EN = frozenset({"for", "worth", "totalling", "totaling"})
# English nouns of a measure a column word before them qualifies ("net pay", "gross amount" of net, gross):
# they name no column of their own (planner157)
_MEASURE_NOUNS_EN = frozenset({"pay", "amount", "sum", "value", "figure"})
_WORD_BEFORE = re.compile(r"([a-zа-яё_][a-zа-яё0-9_]*)\s+$")
# "those"/"the ones" before a comparison, «те, что»/«те, которые»: the rows already named (planner168)
_ROWS_BACK_EN = frozenset({"those", "ones"})
_ROWS_BACK_RU = re.compile(r"(?<![a-zа-яё])те,?\s+$")


def _names_the_rows_back(lower: str, start: int, word: str) -> bool:
    """`word` (at `start`, right before a comparison) names the request's rows again: "those", "the ones", the
    «что»/«которые» of «те, что»."""
    if word in _ROWS_BACK_EN:
        return True
    return word in ("что", "которые") and bool(_ROWS_BACK_RU.search(lower, 0, start))


# A preposition right before a word: «с» of «с ожиданием», "with" of "with wait"
_SHORT_WORD_BEFORE = re.compile(r"(?<![a-zа-яё])(с|со|по|with|of)\s+$")
# English words of a working place's verb ('Работает круглосуточно'): "open round the clock", "operating 24/7"
_WORKING_VERBS_EN = frozenset(
    {"open", "opened", "working", "works", "work", "operating", "operates", "running"}
)
# What is left of a counted thing: «осталось меньше пяти мест», "fewer than 5 places left" (planner101)
_LEFT_WORD = re.compile(r"остал[оа]?сь|остаются|остаётся|остается|left|remaining")
# A column that holds what is left ('Остаток, шт.', 'Свободных мест', free_seats, seats_left)
_LEFT_COLUMN = re.compile(r"остат|остал|свобод|remain|left|free|avail", re.IGNORECASE)


def _says_left(request: Request, match: re.Match[str], before: re.Match[str] | None) -> bool:
    """The counted comparison `match` is said of what is left: «осталось» right before it, or "left" /
    "remaining" right after its noun."""
    if before is not None and _LEFT_WORD.fullmatch(before.group(1)):
        return True
    after = re.match(r"\s+([a-zа-яё]+)", request.lower[match.end() :])
    return match.group("w2") in ("left", "remaining") or bool(after and _LEFT_WORD.fullmatch(after.group(1)))


def _holds_left(table: Table, name: str) -> bool:
    """Column `name` holds what is left of something, by its name or comment ('Остаток, шт.')."""
    column = table.column(name)
    return column is not None and bool(_LEFT_COLUMN.search(f"{column.name} {column.comment or ''}"))


# A noun and a whole number after it ("department 5", «отдела № 7», "department #3"): a row of the table
# the noun names, by its id. Not a decimal, a date, a time or a range ("5.5", "5:00", "5-7").
NUMBERED_REFERENCE = re.compile(
    r"(?<![\w-])(?P<word>[a-zа-яё]{3,})\s+(?:no\.?\s*|number\s+|№\s*|#\s*)?(?P<n>\d{1,9})(?![\w.,:/-]?\d|[\w%-])"
)
# An English participle by its ending: "specializing", "priced", "enrolled".
EN_PARTICIPLE = re.compile(r"[a-z]{3,}(?:ed|ing)")
# English participles not ending in -ed: "paid invoices", "lost parcels" say the event happened.
EN_IRREGULAR_PARTICIPLES = frozenset(
    {"paid", "sent", "sold", "lost", "done", "spent", "held", "taken", "given", "written", "broken", "won",
     "bought", "built", "shut", "begun", "hidden", "chosen", "frozen", "stolen", "withdrawn", "drawn", "run",
     "made"}
)  # fmt: skip
# Russian relative adjectives made from the noun a time column dates («экзаменационные оценки» are grades
# of exams, not graded ones): no event is said to have happened.
RELATIVE_ADJECTIVE_ENDINGS = ("ционный", "онный", "ческий", "альный")
# A marking word before a value: "marked/labelled/tagged/flagged (as)", «с отметкой/пометкой/меткой»,
# «помеченные/отмеченные (как)». Not «отметка о завершении»: a mark OF an event is that event's time.
MARKED = re.compile(
    r"(?<![\w-])(?:(?:marked|label+ed|tagged|flagged)(?:\s+(?:as|with))?|"
    r"с\s+(?:отметк|пометк|метк)(?:ой|ами)|(?:по|от)меченн\w*(?:\s+как)?)\s+(?!(?:о|об|про)\s)"
)
QUOTED_AT = re.compile(r"'(?P<a>[^'\n]{1,200})'|«(?P<b>[^»\n]{1,200})»|\"(?P<c>[^\"\n]{1,200})\"")
# What a column holding marks is called, by its name or its comment's first word.
MARK_COLUMN_WORDS = frozenset({"mark", "marks", "label", "labels", "tag", "tags", "flag", "status", "marker"})
MARK_COMMENT_LEMMAS = frozenset({"отметка", "пометка", "метка", "ярлык", "тег", "статус", "оценка"})


def _names_a_mark(column: Column) -> bool:
    if name_parts(column.name)[0] in MARK_COLUMN_WORDS or column.name in MARK_COLUMN_WORDS:
        return True
    head = next((t for t in tokenize(column.comment or "") if t.lang == "ru"), None)
    return head is not None and bool(head.lemmas & MARK_COMMENT_LEMMAS)


def _is_currency(word: str) -> bool:
    """A money unit: «рублей» (by lemma), "rubles", "usd"."""
    if word.lower() in CURRENCY_EN:
        return True
    return any(t.lemma in CURRENCY_RU for t in tokenize(word) if t.lang == "ru")


# A participle said after a measured amount ("40 kWh delivered") and the stems of the Russian comments that
# name that event of the measure ('Отпущено энергии'): read with the comparison, not as a condition of its own
_MEASURE_PARTICIPLES = {
    "delivered": ("отпущ", "отпуск", "поставл", "доставл"), "dispensed": ("отпущ", "отпуск"),
    "supplied": ("отпущ", "поставл"), "consumed": ("потребл",), "used": ("потребл", "израсход"),
}  # fmt: skip
# Units said by a colloquial word read only whole («кило» is kg; «киловатт», «километров» are not)
_WHOLE_WORD_UNITS = {"кило": "kg"}


# The last part of a column's name that keeps it in square meters (area_m2, area_sqm)
AREA_UNIT_NAMES = frozenset({"m2", "sqm", "sqm2"})
# A unit of area right after a compared number: "100 square meters", "120 sq m", "100 m2", «100 кв. м»,
# «сто квадратов», «80 квадратных метров»; square feet are another unit (asked, never read as meters)
_AREA_UNIT = re.compile(
    r"(?:square\s+(?:meters?|metres?)|sq\.?\s*m\b|sqm\b|m2\b|m²|кв\.?\s*м\b|м²|м2\b|квадратн\w*\s+метр\w*"
    r"|квадрат(?:ов|а)?\b)",
    re.IGNORECASE,
)
_FOOT_UNIT = re.compile(r"(?:square\s+(?:feet|foot)|sq\.?\s*(?:ft|feet)\b|sqft\b)", re.IGNORECASE)


def _unit_of(word: str) -> str | None:
    word = word.lower()
    if word in _WHOLE_WORD_UNITS:
        return _WHOLE_WORD_UNITS[word]
    for unit, forms in _UNITS.items():
        if word in forms or any(len(f) > 3 and word.startswith(f) for f in forms):
            return unit
    return None


def _comment_kind_roots(table: Table) -> set[str]:
    """The first four letters of each Russian word the table's comment lists in brackets («сев», «обработка»,
    «уборка» of 'Полевые работы (сев, обработка, уборка)'): an adjective on one of those roots («уборочные»)
    says the kind a bracket then names."""
    inside = " ".join(re.findall(r"\(([^()]*)\)", table.comment or ""))
    return {lemma[:4] for t in tokenize(inside) if t.lang == "ru" for lemma in t.lemmas if len(lemma) > 4}


# a preposition joining a table's noun to the noun of what its rows are for: «заявки на ремонт», "requests for
# repair"
_NOUN_OBJECT_PREPS = frozenset({"на", "для", "о", "об", "for", "of"})


def window_spans(text: str) -> list[tuple[int, int]]:
    """Where a request names a rolling window by a count of units («за последние 24 часа», «за 12 часов»,
    "the last twenty four hours"): filter words, which the schedule reads neither as its clock hours nor as
    words it left unread (planner122). Never one whole unit («дважды за сутки» is how often it runs) nor
    «за 2 часа до …» (a time before an event)."""
    spans = []
    for m in LAST_N.finditer(text):
        count = m.group("n") or m.group("n_ru") or m.group("n_za")
        if not count or re.match(r"\s+до\b", text[m.end() :]):
            continue
        if (COLLECTIVE_NUMERALS.get(count.lower()) or number_of(count)) is None:
            continue  # "at 5 past every hour": no count, the schedule's words
        spans.append(m.span())
    return spans


def duration_spans(text: str) -> list[tuple[int, int]]:
    """Where a request compares a duration ("longer than 2 hours", «больше 2 часов»): filter words, which
    the schedule reads neither as its hours nor as words it left unread; «1 час и дольше» too."""
    postfix = [
        m.span()
        for m in POSTFIX_UNIT_COMPARISON.finditer(text)
        if _unit_of(m.group("unit")) in _TIME_UNIT_SECONDS
    ]
    return [m.span() for m in DURATION_COMPARISON.finditer(text)] + postfix


def _in_column_unit(table: Table, unit: str, number: str) -> tuple[list[str], str]:
    """The columns measured in `unit`, and `number` as written; a time unit no column is kept in is
    converted to the one column kept in another time unit (2 hours on duration_sec: 7200)."""
    columns = _columns_in_unit(table, unit)
    if columns or unit not in _TIME_UNIT_SECONDS:
        return columns, number
    kept = [
        (c, other) for other in _TIME_UNIT_SECONDS if other != unit for c in _columns_in_unit(table, other)
    ]
    if len(kept) != 1:
        return [c for c, _ in kept], number
    column, other = kept[0]
    value = float(number.replace(",", ".")) * _TIME_UNIT_SECONDS[unit] / _TIME_UNIT_SECONDS[other]
    return [column], str(int(value)) if value == int(value) else str(round(value, 4))


# A column counting days compares weeks exactly (7 days) but not months or years (28-31 days, 365-366): those
# are asked. A column counting months compares years exactly (12). Approximate lengths only for the example
# a question offers.
_CALENDAR_FACTORS = {"day": {"day": 1, "week": 7}, "week": {"week": 1}, "month": {"month": 1, "year": 12},
                     "year": {"year": 1}}  # fmt: skip
_APPROXIMATE_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
_CALENDAR_STEMS = (("day", ("day", "дн", "день", "сут")), ("week", ("week", "недел")),
                   ("month", ("month", "месяц")), ("year", ("year", "год", "лет")))  # fmt: skip


def _calendar_unit(word: str) -> str | None:
    """day, week, month or year for a word of that unit («недель», "months", «лет»)."""
    word = word.lower()
    return next((unit for unit, stems in _CALENDAR_STEMS if word.startswith(stems)), None)


def _counted_calendar_unit(column: Column | None) -> str | None:
    """The calendar unit a whole-number column counts: by its name (overdue_days, term_months) or its
    comment's first word ('Дней просрочки'); None for any other column."""
    if column is None or _is_text(column) or _is_time_column(column):
        return None
    last = column.name.split("_")[-1]
    if last in ("days", "weeks", "months", "years"):
        return _calendar_unit(last)
    first = words(column.comment or "")[:1]
    counted = first and first[0].lower() in ("дней", "недель", "месяцев", "лет")
    return _calendar_unit(first[0]) if counted else None


def _in_counted_unit(request: Request, column: Column | None, match: re.Match[str], value: str) -> str | None:
    """`value` of a comparison in the unit `column` counts when a calendar unit follows the number («больше
    3 недель» on overdue_days: 21); None, with a question, when the units do not convert exactly («от 2
    месяцев» on a column in days: before planner38, `overdue_days >= 2`). Any other number stays as
    written."""
    after = CALENDAR_UNIT_AFTER.match(request.lower, match.end())
    if after is None or column is None:
        return value
    counted = _counted_calendar_unit(column)
    unit = _calendar_unit(after.group("unit"))
    if counted is None or unit is None:
        return value
    factor = _CALENDAR_FACTORS[counted].get(unit)
    if factor is not None:
        number = float(value) * factor
        request.handled.append((match.start(2), after.end()))  # «больше 3 недель»: read, 3 is not in 21
        return str(int(number)) if number == int(number) else str(round(number, 4))
    example = max(1, round(float(value) * _APPROXIMATE_DAYS[unit] / _APPROXIMATE_DAYS[counted]))
    phrase = " ".join(request.text[match.start(2) : after.end()].split())  # a number in words leaves spaces
    request.unsure.append(
        say(request.language, "planner.calendar_unit", phrase=phrase, column=column.name, example=example)
    )
    return None


def _columns_in_unit(table: Table, unit: str) -> list[str]:
    numeric = [c for c in table.columns if not _is_text(c) and not c.name.endswith(("_at", "_id", "date"))]
    # price_per_t is a rate per tonne, never an amount kept in tonnes (volume_t): planner170
    numeric = [c for c in numeric if c.name.split("_")[-2:-1] != ["per"]]
    named = [c.name for c in numeric if c.name.split("_")[-1] == unit]
    if named:
        return named
    forms = _UNITS[unit]
    return [c.name for c in numeric if c.comment and any(w in forms for w in words(c.comment.lower()))]


_DOTTED_VALUE = re.compile(r"[a-z][a-z0-9_-]*(?:\.[a-z0-9][a-z0-9_-]*)+")
_FILE_SUFFIXES = frozenset(
    {"csv", "tsv", "json", "jsonl", "parquet", "xlsx", "xls", "txt", "gz", "zip", "sql", "py"}
)
HYPHEN_VALUE = re.compile(
    r"(?<![\w-])(?P<value>[a-zа-яё][a-zа-яё0-9]*+)-(?P<word>[a-zа-яё_][a-zа-яё0-9_]*+)(?![\w-])",
    re.IGNORECASE,
)
ROW_WORDS = {"rows", "records", "data", "строки", "записи", "данные"}
# «заказы из агрегаторов начиная с 1 января 2026», "orders starting from 2024-01-01": a start word names no
# column, so the date bounds the rows' own event time, as after the table's noun
START_WORDS = {"начиная", "начинать", "starting", "beginning"}
# A year after a before/after word: «до 2010 года», «после 2015 г.», "before 2010", "since 2015" (a date
# «до 2010-05-01», a decimal «до 2010,5» and a number with a unit are other rules'); a comma or full stop
# that ends the clause ("built before 2010, weekly") ends the year too (planner146: the year was dropped)
YEAR_COMPARISON = re.compile(
    r"(?<![\w-])(?P<prep>до|после|раньше|позже|с|со|before|after|since|prior\s+to)\s+(?P<year>(?:19|20)\d\d)"
    r"(?:\s*(?P<unit>года|году|г\.|г(?![\w]))|(?![\w/-]|[.,]\w))",
    re.IGNORECASE,
)
# "with a rating of 5", "with rating 5", «с оценкой 5»: a link, a noun and a whole number (no date, time or
# range, no glued letter or percent sign).
# planner157: one English qualifier may stand before the noun ("with an overall rating of 5", "with a food
# rating of 4"): the number is that column's only when the two words spell its name or the qualifier glosses
# a word of its comment; else asked (the number was dropped and every row loaded)
EQUAL_MEASURE = re.compile(
    r"(?<![\w-])(?:with|having|с|со)\s+(?:an?\s+|the\s+)?"
    r"(?:(?P<qualifier>[a-z]{3,})\s+(?P<qualified>[a-z_]{2,})\s+(?:of\s+|=\s*)"
    r"|(?P<word>[a-zа-яё_]{2,})\s+(?:of\s+|=\s*)?)"
    r"(?P<n>-?\d+(?:[.,]\d+)?)(?![\w.,:/%-]?\d|[\w%-])",
    re.IGNORECASE,
)
# A bound said after the number: "5 or more", «5 и выше» (the postfix comparison rule reads it).
POSTFIX_BOUND = re.compile(
    r"\s+(?:or|and|и|или)\s+(?:more|less|above|below|higher|lower|over|under|greater|fewer|up|"
    r"больше|меньше|выше|ниже|более|менее)(?![a-zа-яё])",
    re.IGNORECASE,
)
# "opened in 2024", «открытые в 2024 году»: a word, «в»/"in" (and "during") and a year, «году» after it.
YEAR_OF_EVENT = re.compile(
    r"(?<![\w-])(?P<word>[a-zа-яё_]{3,})(?:\s*,)?\s+(?:in|during|в|во\s+время)\s+(?P<year>(?:19|20)\d\d)"
    r"(?:\s*(?:году|г\.|г(?!\w)))?(?![\w.,/:-]?\d)",
    re.IGNORECASE,
)
# A preposition before a word that makes it a column's word, not the rows' noun («с разъёмом CHAdeMO»)
_NAME_LINKS = frozenset({"с", "со", "по", "под", "with", "by", "under"})
# A year said as a value: «сезона 2025 года», «2019 года выпуска», "the 2025 season", "model year 2018",
# "season 2025": the word before or after it names the year column (read by _year_equal_conditions).
YEAR_EQUAL = re.compile(
    r"(?<![\w-])(?:(?P<before>[a-zа-яё_]{3,})\s+)?(?P<year>(?:19|20)\d\d)(?![\w.,/:-]?\d)"
    r"(?:\s*(?:года|году|год|г\.|г(?!\w)))?(?:\s+(?P<after>(?!года\b|году\b)[a-zа-яё_]{3,}))?",
    re.IGNORECASE,
)
YEAR_OPERATORS = {
    "до": "<", "раньше": "<", "before": "<", "prior to": "<", "после": ">", "позже": ">", "after": ">",
    "с": ">=", "со": ">=", "since": ">=",
}  # fmt: skip
DATE_OPERATORS = {
    "after": ">", "после": ">", "позже": ">", "since": ">=", "с": ">=", "от": ">=", "from": ">=",
    "before": "<", "до": "<", "раньше": "<", "until": "<=",
}  # fmt: skip


def _iso_date(match: re.Match[str]) -> str:
    if match.group("y"):
        return f"{match.group('y')}-{match.group('m')}-{match.group('d')}"
    return f"{match.group('y2')}-{match.group('m2')}-{match.group('d2')}"


def _of_table_name(table: Table, word: str) -> bool:
    """«сессии зарядки» of 'Сессии зарядки': a word of the table's own name beside its noun is that name,
    never a listed value it resembles (status 'charging'): a state after it («на паузе») is asked."""
    return stem(word) in {stem(w) for w in words(table.comment or "")}


def _or_state_after_gloss(request: Request, table: Table, found: dict[str, tuple[int, str]]) -> None:
    """«которые выставлены (issued) или просрочены», «заблокированы (blocked) или истекли»: a state read as
    one listed value, glossed by it in brackets, then «или»/«либо»/"or" and a word saying another value the
    status lists: either state, `status IN ('issued', 'overdue')` (heldout 28b: the second state after the
    bracket was dropped silently)."""
    status = state_column(table)
    if status is None or status.name not in found:
        return
    position, condition = found[status.name]
    said = re.fullmatch(rf"{re.escape(status.name)} = '([\w-]+)'", condition)
    if said is None:
        return
    gloss = re.compile(rf"\(\s*{re.escape(said.group(1))}\s*\)\s*(?:или|либо|or)\s+")
    # the condition may have been read from the words before the bracket or from the bracket's value itself
    joined = next((m for m in gloss.finditer(request.lower) if m.end() > position), None)
    if joined is None or CLAUSE_END.search(request.lower[position : max(position, joined.start())]):
        return
    word = next((t for t in tokenize(request.text[joined.end() :]) if t.lang != "punct"), None)
    if word is None:
        return
    value = _status_value_of(table, word, predicate=True, ongoing=True) or _short_status_said(table, word)
    if value is None or value == said.group(1):
        return
    request.handled.append((joined.end() + word.start, joined.end() + word.end))
    found[status.name] = (position, _one_of(status.name, [said.group(1), value]))


def _quote(value: str) -> str:
    """A SQL string literal: single quotes doubled, nothing else allowed to break out."""
    return "'" + value.replace("'", "''") + "'"


def _one_of(name: str, values: Sequence[str]) -> str:
    """`name` = the one value, or `name` IN the several (in the order they were said)."""
    if len(values) == 1:
        return f"{name} = {_quote(values[0])}"
    return f"{name} IN ({', '.join(map(_quote, values))})"


_ARTICLES = {"the", "those", "these"}
# Articles between a preposition of means and the value it introduces: "made via the website", "through an
# agency" say the channel as "via website" does (round 54)
_MEANS_ARTICLES = frozenset({"the", "a", "an"})
_MEANS_PREPOSITIONS = ("через", "by", "via", "through")


def _correction_no(request: Request, i: int) -> bool:
    """Word `i` is «нет»/"no" set off by commas (or after «а» set off so) inside a sentence: a speaker
    taking the value before it back («по карте, нет, по СБП», "by card, no, by sbp"), never a negation of
    the value after it."""
    if request.tokens[i] not in ("нет", "no") or not 0 < i < len(request.tokens) - 1:
        return False
    first = i - 1 if request.tokens[i - 1] == "а" and i > 1 else i
    before = request.text[request.spans[first - 1][1] : request.spans[first][0]]
    after = request.text[request.spans[i][1] : request.spans[i + 1][0]]
    return "," in before and "," in after


def _instrumental_noun(word: Token) -> bool:
    """A Russian noun whose likeliest reading is instrumental («картой», «наличными»): the means itself."""
    return (
        word.lang == "ru"
        and bool(word.parses)
        and word.parses[0].case == "ablt"
        and word.parses[0].pos == "NOUN"
    )


# The prepositions an English participle takes before how a row came about ("paid in cash", "paid by card").
# The particle of an English phrasal verb that a time column's name repeats: "checked out" -> checked_out_on.
_PHRASAL_PARTICLES = frozenset({"in", "out", "up", "off", "down", "over"})
_MEANS_AFTER_VERB = frozenset({"in", "with", "by", "via", "through"})
# verbs of paying: their adverb of means («оплаченные онлайн») says how, as an instrumental does (planner170)
_PAYING_VERBS = frozenset({"оплатить", "оплачивать", "заплатить", "платить"})
_PAYING_VERBS_EN = frozenset({"paid", "prepaid"})


def _paid_by_adverb(participle: Token, means: Token) -> bool:
    """«оплаченные онлайн»: a participle of paying before an adverb (an indeclinable means word has no
    instrumental to show it); the listed-value check after says which column lists it. Other verbs keep
    their state («отменённые онлайн» is cancelled, and online)."""
    return means.parses[0].pos == "ADVB" and participle.parses[0].lemma in _PAYING_VERBS


def _after_means_preposition(
    tokens: Sequence[Token],
    k: int,
    prepositions: tuple[str, ...] = _MEANS_PREPOSITIONS,
    *,
    modifier: bool = False,
) -> bool:
    """Word `k` follows a preposition of means, an English article allowed between ("via the website"); with
    `modifier`, where `k` is a listed value, one English noun modifier too ("by bank transfer" of 'Способ
    оплаты (cash, card, transfer)': the kind of transfer said as the value's own noun phrase, planner157)."""
    j = k - 1 - int(k > 1 and tokens[k - 1].lower in _MEANS_ARTICLES)
    if j >= 0 and tokens[j].lower in prepositions:
        return True
    modified = modifier and tokens[k].lang == "en" and j == k - 1 and _noun_modifier(tokens, j)
    return modified and j >= 1 and tokens[j - 1].lower in prepositions and tokens[j - 1].lang == "en"


def _noun_modifier(tokens: Sequence[Token], k: int) -> bool:
    """Token `k` is an English word that may modify the noun after it ("card" of "card transactions")."""
    return 0 <= k < len(tokens) and tokens[k].lang == "en" and tokens[k].lower not in STOP_WORDS


# The prepositions between an English participle and the value saying how its row came about: "paid in cash",
# "sold at the office", "paid with the card", "sold on the website", "bought from the app" (planner157 added
# "on" and "from": a listed value after them is still the place or means of the event)
_PARTICIPLE_PREPOSITIONS = frozenset({"in", "at", "with", "on", "from"})


def _after_participle_in(tokens: Sequence[Token], k: int) -> bool:
    """Word `k` follows an English participle, right after it or after "in", "at" or "with" ("sold online",
    "paid in cash", "sold at the office", "specializing in yoga", "paid with the card"): the participle says
    how the rows came about, the value which ones (planner78 added "sold online" and "at")."""
    j = k - 1 - int(k > 1 and tokens[k - 1].lower in _MEANS_ARTICLES)
    if j >= 1 and tokens[j].lower in _PARTICIPLE_PREPOSITIONS:
        j -= 1
    elif j != k - 1:
        return False  # an article alone before the value: "sold the office" is no phrase of means
    return j >= 0 and _is_english_participle(tokens[j])


def _is_english_participle(word: Token) -> bool:
    """ "sold", "made", "cancelled", "specializing": a participle, regular or irregular."""
    return word.lang == "en" and (
        EN_PARTICIPLE.fullmatch(word.lower) is not None or word.lower in EN_IRREGULAR_PARTICIPLES
    )


def _listed_meaning(word: str, listed: Sequence[str], coded: bool = False) -> str | None:
    """The one listed value a Russian word means by VALUE_MEANINGS («сиропа» -> syrup of '(tablets, syrup,
    ...)'), or an English word by the bilingual lexicon ("new" -> 'новая'; "scheduled" -> 'planned' of a
    `coded` column), None when it means none or several of them."""
    if not CYRILLIC.search(word):
        return english_meaning(word, listed, coded)  # "in status new" of 'Статус: 1 — новая' (planner134)
    meanings = set().union(*(value_meanings(t) for t in tokenize(word) if t.lang == "ru"))
    hits = [v for v in listed if stem(v.lower()) in meanings]
    return hits[0] if len(hits) == 1 else None


def _qualifies_next_noun(request: Request, index: int) -> bool:
    """Word `index` is a lower-case Russian adjective agreeing in case with the noun right after it: «в
    поддержку высокого приоритета», «поддержку важного оператора» say what kind of rows, the adjective is no
    value of the text column whose word comes before (planner89: operator_name = 'важного')."""
    if index + 1 >= len(request.tokens) or not request.raw[index].islower():
        return False
    word, noun = request.tokens[index], request.tokens[index + 1]
    if not (CYRILLIC.search(word) and CYRILLIC.search(noun)):
        return False
    adjective = {p.case for p in analyse(word) if p.pos in ("ADJF", "PRTF")}
    nouns = {p.case for p in analyse(noun) if p.pos == "NOUN"}
    best = analyse(word)
    return bool(best) and best[0].pos in ("ADJF", "PRTF") and bool(adjective & nouns)


def _is_quantity_column(column: Column) -> bool:
    """A column holding a count or a measure ("60 liters" of a decimal(8, 2) column, «4 зачётных единиц»)."""
    return (
        _is_number_column(column) or re.match(r"decimal|real|double|float", column.type.lower()) is not None
    )


def _is_number_column(column: Column) -> bool:
    """An integer column a number in words can equal («первого семестра» -> semester = 1)."""
    return re.match(r"(?:small|big)?int|integer|u?int\d+|numeric|serial", column.type.lower()) is not None


def _in_comment(word: str, comment: str | None) -> bool:
    """``word`` is a word of the comment (by stem): «из репертуара», «из штата», «из мобильной связи» name the
    table's own rows as its owner describes them, never a place to filter by."""
    return stem(word) in {stem(w) for w in words(comment or "")}


def _in_own_description(word: str, column: Column) -> bool:
    """The numeral after a column's word is the number its own comment holds («четыре»/«4» of 'Последние 4
    цифры карты'): one more word of the column's description, not a value it holds."""
    number = number_of(word)
    return number is not None and str(number) in re.findall(r"\d+", column.comment or "")


def _compound_values(table: Table, prefix: str) -> list[tuple[str, str]]:
    """(column, value) of every listed value of `table`'s text columns that a compound's prefix means
    («электро-» of «электромобили»: fuel_type 'electric')."""
    return [
        (column.name, value)
        for column in table.columns
        if _is_text(column)
        for value in listed_values(column.comment)
        if set(name_parts(value)) & COMPOUND_VALUE_PREFIXES[prefix]
    ]


def _own_event_time(table: Table) -> str | None:
    """The one time column commented as the time of the event the table's comment names (paid_at 'Время
    оплаты' of 'Оплаты штрафов и платных услуг', exam_date 'Дата экзамена' of 'Оценки за экзамены'; created_at
    when its own comment dates that event); None when none or several do (claims' reported_at, paid_at)."""
    from airflow_ai_etl.planning.marts.grain import _dated_event_columns
    from airflow_ai_etl.planning.marts.ground import _time_columns

    dated = _dated_event_columns(table, _time_columns(table), written_too=True)
    return dated[0].name if len(dated) == 1 else None


# Nouns counting what a listed value is paid in ("bonus points", "loyalty miles"); any other noun after
# a listed value ("bonus coupons") is still the value's question
_VALUE_UNIT_NOUNS = frozenset({"point", "points", "mile", "miles", "credit", "credits"})


def _status_idiom(tokens: Sequence[str], i: int) -> str | None:
    """ "payments that went through", "bookings that fell through": an English phrasal verb saying a state
    (STATUS_IDIOMS_EN, a STATUS_WORDS value), read as that state's one word would be (marts117)."""
    if i + 1 >= len(tokens):
        return None
    return STATUS_IDIOMS_EN.get((tokens[i], tokens[i + 1]))


def _participle_before_listed(column: Column, words: Sequence[str]) -> bool:
    """ "payments made online", "payments made by card" of 'Способ оплаты (cash, card, online)': an English
    participle the comment does not list, then (after a preposition) a value it lists, is the verb of that
    value's event, no value 'made' of the column; the listed-value rules read "online" (marts117)."""
    listed = {v.lower() for v in listed_values(column.comment)}
    if len(words) < 2 or not listed or words[0].lower() in listed:
        return False
    participle = words[0].lower()
    if participle not in EN_IRREGULAR_PARTICIPLES and not EN_PARTICIPLE.fullmatch(participle):
        return False
    linked = words[1].lower() in ("by", "with", "via", "in", "through") and len(words) > 2
    return (words[2] if linked else words[1]).lower() in listed


def _listed_before_unit(column: Column, word: str, following: str) -> bool:
    """ "paid with bonus points" of 'Способ оплаты (card, cash, sbp, bonus)': a word its comment lists
    as a value is that value (read by the listed-value rules), not the column's name before another value; the
    unit noun after it ("points") counts it."""
    listed = {v.lower() for v in listed_values(column.comment)}
    return word.lower() in listed and following.lower() in _VALUE_UNIT_NOUNS


# the end of a clause of having: a comma, a bracket or a dash
_HAVE_CLAUSE_END = re.compile(r"[,;:()\[\]!?—–]|\s-\s")
_HAVE_ARTICLES_EN = frozenset({"a", "an", "any"})


def _have_clause_at(tokens: list[Token], k: int) -> tuple[bool, int] | None:
    """(missing, index of the first word of the thing had) of a clause of having opened at `k`: «у которых/
    кого есть|нет X», "that/who/which have (a|an|no) X"; None when none opens there."""
    cue, nxt = tokens[k], tokens[k + 1]
    if cue.lower == "у" and nxt.lower in ("которых", "кого") and tokens[k + 2].lower in ("есть", "нет"):
        return tokens[k + 2].lower == "нет", k + 3
    if cue.lower in ("that", "who", "which") and nxt.lower == "have" and k + 2 < len(tokens):
        word = tokens[k + 2].lower
        if word == "no":
            return True, k + 3
        return False, k + 2 + (word in _HAVE_ARTICLES_EN)
    return None
