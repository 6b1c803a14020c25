"""The catalog a mart is grounded in: the _Ground context, the table names a mart prints and the
connections that hold its fact."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from airflow_ai_etl.catalog import Column, Table, listed_values, without_listed
from airflow_ai_etl.marts.resolve import column_kind
from airflow_ai_etl.planning.colloquial import diminutive_bases, transliterates
from airflow_ai_etl.planning.filters import value_meanings
from airflow_ai_etl.planning.lexer import Token, tokenize
from airflow_ai_etl.planning.lexicon import QUANTITY_UNIT_PREFIXES, RATE_COMMENT_PREFIXES, RATE_NAME_PARTS
from airflow_ai_etl.planning.marts.phrase import MartPhrase
from airflow_ai_etl.planning.marts.words import (
    _BRACKETED,
    _COUNTING_HEADS,
    _PER_UNIT_WORD,
    ALREADY_WORDS,
    CLICKHOUSE_WORDS,
    COLUMN_WORDS,
    DATE_NOUNS,
    DIM_PREPS_EN,
    DIM_WORDS,
    FILLER_EN,
    FILLER_RU,
    FROM_WORDS,
    GRAIN_ADVERBS_EN,
    GRAIN_ADVERBS_RU,
    GRAIN_LINKS,
    HOW_MANY_IN_ALL,
    MONEY_NAME_PARTS,
    PAY_VERBS_RU,
    PAYMENT_NOUNS_RU,
    TABLE_NOUNS,
    THERE_WORDS,
    TIME_WORDS,
    UPDATE_COLUMNS,
    MeasureWord,
    _adverb,
    _comment_head,
    _comment_lemmas,
    _comment_stems,
    _comment_words,
    _en,
    _exchange_rate_comment,
    _grain_adjective,
    _grain_noun,
    _is_measure,
    _key_name,
    _ru,
    _spelled_name,
    _time_word,
    _verb_times,
)
from airflow_ai_etl.planning.vocabulary import comment_jargon, name_parts, stem
from airflow_ai_etl.relations import relations_of

if TYPE_CHECKING:
    from airflow_ai_etl.planning.offline import OfflinePlanner


def _state_participle_value(token: Token, ground: _Ground, fact: Table) -> tuple[Column, str] | None:
    """The listed value an English participle on a measured noun says (:func:`_listed_value_of_participle`),
    unless the participle is a word of a column's name ("approved amount": approved_amount) or names the
    time of the rows' event ("fines issued", "weight delivered": issued_at, delivered_at; the grain or the
    event rules read those)."""
    root = stem(token.lower)
    if ground.columns_named(fact, [token]) or any(root in name_parts(c.name) for c in fact.columns):
        return None
    if _names_event_time(token, fact) or any(
        _part_match(p, c) for p in _verb_times(token) for c in _time_columns(fact)
    ):
        return None
    return _listed_value_of_participle(token, fact)


def _listed_value_of_participle(token: Token, fact: Table) -> tuple[Column, str] | None:
    """ "redeemed" ~ 'redemption', "accrued" ~ 'accrual', "refunded" ~ 'refunded': the (column, value) of the
    one listed value of the fact whose word shares the English participle's root (four letters or more, at
    most two short of the shorter word); None when none or several do."""
    root = stem(token.lower.removesuffix("ed")) if token.lang == "en" else ""
    if len(root) < 4:
        return None
    found = []
    for column, value in _listed_text_values(fact):
        for part in re.split(r"[_\s-]+", value.lower()):
            common = len(os.path.commonprefix([root, part]))
            if common >= 4 and common >= min(len(root), len(part)) - 2:
                found.append((column, value))
                break
    return found[0] if len(found) == 1 else None


def _how_many_of_nothing(ph: MartPhrase) -> bool:
    """Every measure is the question «сколько (всего)»/"how many (in total)" with no counted noun and no
    column: rows of some table or a summed quantity may be meant, which only the user can say."""
    tokens = ph.tokens
    if any(w.lang == "ru" and w.parses and w.parses[0].pos in ("VERB", "INFN") for w in tokens):
        return False  # «сколько раз выдавали книги»: the verb's event says what is counted
    return bool(ph.measures) and all(
        m.func == "count"
        and not m.column_ref
        and (_ru(tokens[m.index], {"сколько"}) or tokens[m.index].lower == "many")
        and all(tokens[k].lower in HOW_MANY_IN_ALL for k in m.object)
        for m in ph.measures
    )


# --- grounding in the catalog ----------------------------------------------------------------------


@dataclass
class _Ground:
    planner: OfflinePlanner
    conn_id: str
    tables: list[Table]
    _memo: dict[tuple[str, tuple[str, ...]], list[Column]] = field(default_factory=dict)
    _tables_memo: dict[str, Table | None] = field(default_factory=dict)

    def meanings(self, word: str) -> set[str]:
        """The glossary meanings of a word, plus the stems of its noun lemmas (a fleeting vowel: «посылок»
        ~ 'посылки', «остановок» ~ stops) and the mart's own column words (литры -> liters)."""
        found = set(self.planner.vocabulary.meanings(word))
        if re.search(r"[а-яё]", word):
            from airflow_ai_etl.planning.vocabulary import _noun_lemmas

            for lemma in _noun_lemmas(word):
                found.add(stem(lemma))
                found |= COLUMN_WORDS.get(lemma, set())
            found |= COLUMN_WORDS.get(stem(word.lower()), set())  # «хаба» (pymorphy: хаба?) ~ хаб
        else:
            found |= COLUMN_WORDS.get(word.lower(), set())
            found |= comment_jargon(word)  # "top-ups": 'пополнение баланса' of the payments' comment
        return found

    def table_of(self, token: Token) -> Table | None:
        """The table a word names (exact name, glossary or comment), when exactly one (memoised)."""
        if token.lower not in self._tables_memo:
            self._tables_memo[token.lower] = self._table_of(token)
        return self._tables_memo[token.lower]

    def _table_of(self, token: Token) -> Table | None:
        low = token.lower.replace("-", "") if token.lang == "en" else token.lower  # "Wi-Fi" ~ wifi
        exact = [t for t in self.tables if low in (t.name.lower(), t.qualified_name.lower())]
        if exact:
            return exact[0]
        if token.lang == "en" and len(low) <= 2:
            return None
        meanings = self.meanings(low)
        found = [t for t in self.tables if set(name_parts(t.name)) <= meanings]
        if len(found) == 1:
            if token.lang == "ru" and (headed := self._glossed_elsewhere(found[0], meanings)) is not None:
                return headed  # «бронирований» of the library: holds 'Бронирования книг', not books
            return found[0]
        if not found:
            from airflow_ai_etl.planning.offline import name_parts_of_text
            from airflow_ai_etl.planning.patterns import STOP_STEMS

            by_comment = [
                t
                for t in self.tables
                if meanings & (set(name_parts_of_text(t.comment)) - STOP_STEMS) and t.comment
            ]
            if (compound := _compound_head_table(self.tables, by_comment, meanings)) is not None:
                return compound  # «билетов»: 'Авиабилеты', not 'Бронирования (заказы билетов)'
            if len(by_comment) == 1:
                return by_comment[0]
            # «отправлений»: 'Отправления (посылки)', not 'Возвраты отправлений' (a qualifier there)
            heads = [
                t for t in by_comment if (parts := name_parts_of_text(t.comment)) and parts[0] in meanings
            ]
            if len(heads) == 1:
                return heads[0]
            # «дисциплинам»: 'Учебные дисциплины' (its head noun), not 'Записи студентов на дисциплины'
            nouns = [t for t in by_comment if _comment_head(t.comment) in meanings]
            if len(nouns) == 1:
                return nouns[0]
            if (synonym := _bracket_synonym_table(by_comment, meanings)) is not None:
                return synonym  # «счётчикам»: 'Приборы учёта (счётчики)'
        if not found:  # «платежи» of finance.tuition_payments: the head (last part) of one compound name
            heads = [t for t in self.tables if len(parts := name_parts(t.name)) > 1 and parts[-1] in meanings]
            if len(heads) == 1:
                return heads[0]
        if token.lang == "en" and not found:  # "Wi-Fi", "fuel": the first part of one table's compound name
            firsts = [
                t
                for t in self.tables
                if len(parts := name_parts(t.name)) > 1 and parts[0] in meanings | {stem(low)}
            ]
            if len(firsts) == 1:
                return firsts[0]
        if token.lang == "ru" and "-" in low and not found:  # «интернет-сессий»: 'Интернет-сессии'
            words = tokenize(low.replace("-", " "))
            named = {t for t in (self.table_of(w) for w in words) if t is not None}
            if not named:  # «вай-фаю»: one English word spelled by ear in two halves (wifi_sessions' wifi)
                return self._table_by_ear(low.replace("-", ""), any_part=True)
            if len(named) != 1:
                return None
            table = named.pop()
            rest = [w for w in words if self.table_of(w) is None]
            if self.table_of(words[-1]) is not None or all(self.columns_named(table, [w]) for w in rest):
                # every part that names a table names this one, and the head noun too, or the other parts
                # are words of its columns («абонентов-льготников»: 'Льготник' of is_privileged)
                return table
        if token.lang == "ru" and not found:
            return self._table_by_ear(low)
        return None

    def _glossed_elsewhere(self, table: Table, meanings: set[str]) -> Table | None:
        """The one other table whose comment is headed by the Russian word that reached `table`'s English
        name only through the glossary's English key («бронирование» -> "booking", stemmed "book" of books
        'Книги (произведения) каталога'; holds 'Бронирования книг' heads with it), when `table`'s own comment
        shares no meaning with the word: the catalog owner's comment decides, as a load reads it
        (OfflinePlanner._glossed_elsewhere). None when no other comment or two are headed so."""
        from airflow_ai_etl.planning.heads import comment_head_stems
        from airflow_ai_etl.planning.offline import name_parts_of_text

        if not table.comment:
            return None
        own = set(name_parts_of_text(table.comment)) | self.planner._comment_head_synonyms(table)
        if meanings & own:
            return None
        part = meanings & set(name_parts(table.name))
        headed = [
            t
            for t in self.tables
            if t is not table
            and part & (comment_head_stems(t.comment) | self.planner._comment_head_synonyms(t))
        ]
        return headed[0] if len(headed) == 1 else None

    def _table_by_ear(self, word: str, any_part: bool = False) -> Table | None:
        """The one table a colloquial Russian word names as it names a load's table (planner22): the base of
        a diminutive or clipped «-ка» noun («симок» of sim_cards, «звоночков» of 'Детализация звонков',
        «платёжек» of payments) or the English name spelled by ear («инспекторам» of ops.inspectors)."""
        bases = diminutive_bases(word)
        named = []
        for table in self.tables:
            parts = [p for p in re.split(r"[_.]", table.name.lower()) if p]
            spelled = parts if any_part else parts[-1:]  # any part: a compound's first word ("wifi")
            if any(transliterates(word, part) for part in spelled) or any(
                self.planner._base_names_table(base, table, parts) for base in bases
            ):
                named.append(table)
        return named[0] if len(named) == 1 else None

    def columns_named(self, table: Table, words: Sequence[Token]) -> list[Column]:
        """Columns of `table` the words name: exact name, else the glossary/comment match of all words,
        else of the first word (memoised: a long request repeats its words)."""
        key = (table.qualified_name, tuple(w.text for w in words))
        if key not in self._memo:
            self._memo[key] = self._columns_named(table, words)
        return self._memo[key]

    def _named_by_every_word(self, columns: Sequence[Column], words: Sequence[Token]) -> list[Column]:
        """The one column of `columns` that each of the words names by its name or comment («цена литра»:
        price_per_liter 'Цена за литр' is said by both words, liters 'Объём, л' by «литра» alone), as a list;
        empty when none or several are. A price of a unit is the price, never the unit's own quantity. The
        values a comment lists name no column here («началу сессии» is no status listing 'started')."""
        from airflow_ai_etl.planning.offline import name_parts_of_text  # offline imports this module

        said = [self.meanings(w.lower) for w in words]
        every = [
            c
            for c in columns
            if all(m & (set(name_parts(c.name)) | set(name_parts_of_text(_label(c)))) for m in said)
        ]
        return every if len(every) == 1 else []

    def _columns_named(self, table: Table, words: Sequence[Token]) -> list[Column]:
        for w in words:
            # "check-in" of check_in: an English hyphenated word spells the column's underscore name
            spelled = w.lower.replace("-", "_") if w.lang == "en" else w.lower
            exact = table.column(w.text) or table.column(w.lower) or table.column(spelled)
            if exact:
                return [exact]
        if words and (commented := self._commented_head(table, words[0])) is not None:
            return [commented]
        if len(words) > 1 and (every := self._named_by_every_word(table.columns, words)):
            return every  # «цена литра»: price_per_liter 'Цена за литр', not liters 'Объём, л' (marts130)
        for group in (list(words), list(words[:1])):
            names = [w.lower for w in group]
            meanings: set[str] = set()
            for name in names:
                meanings |= self.meanings(name)
            found = [c for c in table.columns if self.planner._names_column(c, meanings, table, frozenset())]
            if len(found) == 1:
                return found
            if len(found) > 1:
                exact_parts = [c for c in found if set(name_parts(c.name)) <= meanings]
                if len(exact_parts) == 1:
                    return exact_parts
        if words:  # «по типам» -> event_type: the one column a word's meaning is part of
            meanings = self.meanings(words[0].lower)
            parts = [
                c for c in table.columns if set(name_parts(c.name)) & meanings and not c.name.endswith("_id")
            ]
            if len(parts) == 1:
                return parts
        if (
            words and words[0].lang == "ru"
        ):  # «по операциям» of operation 'Тип операции': the name said by ear
            heard = [
                c
                for c in table.columns
                if column_kind(c.type).family == "text"  # a grouping's label, never «мили» of miles
                and not c.name.endswith("_id")
                and transliterates(words[0].lower, c.name.lower())
            ]
            if len(heard) == 1:
                return heard
        return []

    def _commented_head(self, table: Table, head: Token) -> Column | None:
        """The one column among those the head word's meanings name whose comment that word heads: «срок» ->
        term_months 'Срок кредита, мес.', not overdue_days reached by a synonym's "day"; «по оценкам» ->
        mark 'Оценка (…)', not score ('Балл') by the glossary. None when the comment decides nothing."""
        meanings = self.meanings(head.lower)
        found = [c for c in table.columns if self.planner._names_column(c, meanings, table, frozenset())]
        if len(found) < 2:
            return None
        stems = {stem(head.lower), *(stem(lemma) for lemma in head.lemmas)}
        # the comment's own head noun, not a word after its preposition ('Пробег по маршруту' is no «маршрут»)
        commented = [c for c in found if c.comment and _comment_head(c.comment) in stems]
        return commented[0] if len(commented) == 1 else None

    def table_of_pair(self, first: Token, second: Token) -> Table | None:
        """A table two words name together ("badge events" -> badge_events; memoised)."""
        key = f"{first.lower} {second.lower}"
        if key not in self._tables_memo:
            self._tables_memo[key] = self._table_of_pair(first, second)
        return self._tables_memo[key]

    def _table_of_pair(self, first: Token, second: Token) -> Table | None:
        meanings = self.meanings(first.lower) | self.meanings(second.lower)
        found = [
            t for t in self.tables if len(name_parts(t.name)) > 1 and set(name_parts(t.name)) <= meanings
        ]
        return found[0] if len(found) == 1 else None


def _money_columns(table: Table) -> list[Column]:
    return [
        c
        for c in table.columns
        if column_kind(c.type).family == "decimal" and c.name not in table.primary_key
    ]


def _listed_text_values(fact: Table) -> list[tuple[Column, str]]:
    """Every (text column, value its comment lists) of the fact: ('Статус (active, overdue, …)')."""
    return [
        (c, v) for c in fact.columns if column_kind(c.type).family == "text" for v in listed_values(c.comment)
    ]


def _state_readings(
    word: Token, listed: Sequence[tuple[Column, str]], counters: Sequence[Column]
) -> tuple[list[tuple[Column, str]], list[Column]]:
    """The listed values a state word means («просроченных», "overdue": status 'overdue') and the columns
    counting units of the same thing (overdue_days)."""
    meanings = value_meanings(word) if word.lang == "ru" else {stem(word.lower)}
    values = [(c, v) for c, v in listed if meanings and stem(v) in meanings]
    return values, [c for c in counters if meanings & set(name_parts(c.name))]


def _adjective_fact_title(ground: _Ground, fact: Table, head: Token, qualifier: Sequence[Token]) -> bool:
    """«кредитным платежам» of lending.loan_payments ('Платежи по кредитам'): the fact's own noun with one
    Russian adjective made from a word of the fact's comment is the fact said as a title, no dimension."""
    if head.lang != "ru" or len(qualifier) != 1 or not fact.comment:
        return False
    adjective = qualifier[0]
    if not adjective.parses or adjective.parses[0].pos != "ADJF" or adjective.lang != "ru":
        return False
    if ground.table_of(head) is not fact or ground.columns_named(fact, [head]):
        return False
    root = stem(adjective.lower)
    return any(len(s) >= 4 and root.startswith(s) for s in _comment_stems(fact.comment))


def _numeric_columns(table: Table) -> list[Column]:
    return [
        c
        for c in table.columns
        if column_kind(c.type).numeric
        and not c.values  # a coded status (smallint, 'Статус: 1 — новая, ...'): codes, no quantity
        and not _key_name(c.name)  # amount_paid ends in "id" and is no key
        and c.name not in table.primary_key
    ]


def _names_event_time(token: Token, fact: Table) -> bool:
    """«книг выдано» of loans (issued_at): the participle names a time column of the fact itself, so it is
    the event counted, not a state («отправлений возвращено» of shipments, which have no such column)."""
    return bool(_event_time_columns(token, fact))


def _event_time_columns(token: Token, fact: Table) -> list[Column]:
    """The time columns of the fact a verb or participle names («уволено» -> fired_at)."""
    return [c for c in _time_columns(fact) if any(_part_match(p, c) for p in _verb_times(token))]


def _event_happened(word: str, fact: Table, grain: dict[str, Any] | None) -> str | None:
    """«сколько студентов отчислено по факультетам»: with no grain on it, an event participle of the counted
    rows keeps the rows whose event time is set (`expelled_on IS NOT NULL`); a grain on that column already
    dates each row by the event («сколько книг выдано по неделям»), no condition."""
    named = _event_time_columns(tokenize(word)[0], fact)
    if len(named) != 1 or (grain is not None and grain["column"] == named[0].name):
        return None
    return f"{named[0].name} IS NOT NULL"


def _time_columns(table: Table) -> list[Column]:
    return [c for c in table.columns if column_kind(c.type).temporal and c.name not in UPDATE_COLUMNS]


def _fk_column(fact: Table, target: Table) -> str | None:
    """The fact's column pointing at `target` (a declared key or `<target>_id`, not a column declared to point
    at another table)."""
    declared = [
        fk.columns[0]
        for fk in fact.foreign_keys
        if fk.ref_table.split(".")[-1] == target.name and len(fk.columns) == 1
    ]
    if len(declared) > 1:
        return None  # origin_hub_id or dest_hub_id: not this function's choice (asked, or a role word picks)
    if declared:
        return declared[0]
    elsewhere = {fk.columns[0] for fk in fact.foreign_keys if len(fk.columns) == 1}  # keys of other tables
    for c in fact.columns:
        if c.name in elsewhere:
            continue  # claims.policy_id points at policies: not policy_holders' key, named alike
        if c.name.lower().endswith("_id") and set(name_parts(c.name[:-3])) <= set(name_parts(target.name)) | {
            stem(target.name.rstrip("s"))
        }:
            return c.name
    return None


def _names_clickhouse(planner: OfflinePlanner, token: Token) -> bool:
    conn = planner.catalog.connections.get(token.text) or planner.catalog.connections.get(token.lower)
    if conn is not None:
        return conn.engine == "clickhouse"
    return token.lower in CLICKHOUSE_WORDS or token.lemma in CLICKHOUSE_WORDS


def _places_in_clickhouse(planner: OfflinePlanner, tokens: Sequence[Token]) -> str | None:
    """Where the request puts its fact table: ``"strong"`` when a ClickHouse word follows «из»/"from"
    («из кликхауса», "from the clickhouse sales table") or qualifies a table noun ("clickhouse table
    raw_sales"); ``"weak"`` when it is a location right after a from-phrase («из продаж в кликхаусе»,
    "from sales in clickhouse" - also readable as where the mart goes, so the table must be there);
    None otherwise («в кликхаус», "into ClickHouse": where the mart is written)."""
    words = [t for t in tokens if t.lang != "punct"]
    found: str | None = None
    for i, t in enumerate(words):
        if not _names_clickhouse(planner, t):
            continue
        if any(w.lower in ALREADY_WORDS for w in words[max(0, i - 4) : i]):
            return "strong"  # «таблица sales уже лежит в ClickHouse», "already loaded into ClickHouse"
        after = [w.lower for w in words[i + 1 : i + 6]]
        if any(w in ALREADY_WORDS for w in after[:3]) and any(w in THERE_WORDS for w in after):
            return "strong"  # «в кликхаусе поверх уже залитой туда таблицы orders»
        if (
            i
            and words[i - 1].lower in ("inside", "over", "within")
            or (i > 1 and words[i - 1].lower == "the" and words[i - 2].lower in ("over", "inside", "within"))
        ):
            return "strong"  # "build it inside ClickHouse", "mart over the clickhouse events table"
        for k in range(i - 1, max(-1, i - 4), -1):
            before = words[k].lower
            if before in ("в", "во", "на", "to", "into", "in"):
                break
            if before in FROM_WORDS:
                return "strong"
        target = i > 0 and words[i - 1].lower in ("в", "во", "to", "into")  # "into ClickHouse table X"
        if not target and any(w.lower in TABLE_NOUNS or w.lemma in TABLE_NOUNS for w in words[i + 1 : i + 3]):
            return "strong"
        before = words[i - 1].lower if i else ""
        located = before == "in" or (before in ("в", "во") and t.lang == "ru" and t.lower.endswith("е"))
        if located and any(w.lower in FROM_WORDS for w in words[max(0, i - 5) : i - 1]):
            found = "weak"
    return found


def _fact_connections(planner: OfflinePlanner, tokens: Sequence[Token]) -> list[Any]:
    """The connection(s) the fact table may live in: PostgreSQL (the aggregate is pushed down), or
    ClickHouse when the request places the table there or names a table only ClickHouse has («из
    raw_sales», loaded there by another pipeline). More than one left: the caller asks."""
    catalog = planner.catalog
    words = [t for t in tokens if t.lang in ("ru", "en")]

    def with_tables(engine: str) -> list[Any]:
        return [c for c in catalog.connections_of(engine) if catalog.tables_of(c.conn_id)]

    def exact(conns: list[Any]) -> list[Any]:
        return [c for c in conns if any(catalog.find_table(c.conn_id, t.text) is not None for t in words)]

    def named(conns: list[Any]) -> list[Any]:
        return [
            c
            for c in conns
            if any(_Ground(planner, c.conn_id, catalog.tables_of(c.conn_id)).table_of(t) for t in words)
        ]

    pg, ch = with_tables("postgres"), with_tables("clickhouse")
    every_ch = catalog.connections_of("clickhouse")
    if not ch and every_ch and _places_in_clickhouse(planner, tokens) == "strong":
        # «таблица sales уже лежит в ClickHouse», but the catalog lists no ClickHouse table: the caller
        # asks (a mart on a table nobody can see is never planned on the PostgreSQL table instead)
        named_ch = [c for c in every_ch if any(t.text == c.conn_id for t in words)]
        return named_ch or every_ch
    place = _places_in_clickhouse(planner, tokens) if ch else None
    if place == "strong" or (place == "weak" and (exact(ch) or named(ch))):
        sources = ch
    elif ch and not exact(pg) and exact(ch):
        sources = ch  # a table by its exact name that only ClickHouse has
    else:
        sources = pg
    if len(sources) > 1:  # the connection whose tables the words name
        found = exact(sources) or named(sources)
        sources = found if len(found) == 1 else (found or sources)
    if len(sources) > 1:  # «Сумма дозировок (dosage) по препаратам»: the one whose columns the words name
        content = [
            t for t in words if not _is_measure(t) and t.lower not in FILLER_EN and t.lemma not in FILLER_RU
        ]
        score = {}
        for c in sources:
            ground = _Ground(planner, c.conn_id, catalog.tables_of(c.conn_id))
            score[c.conn_id] = sum(
                1 for t in content if any(ground.columns_named(table, [t]) for table in ground.tables)
            )
        top = max(score.values())
        best = [c for c in sources if score[c.conn_id] == top]
        if top > 0 and len(best) == 1:
            sources = best
    if len(sources) > 1:  # several ClickHouse connections to one database: the one named by its id
        by_id = [
            c for c in sources if any(t.text == c.conn_id or t.lower == c.conn_id.lower() for t in words)
        ]
        sources = by_id if len(by_id) == 1 else sources
    return sources


def ground_name(planner: OfflinePlanner, conn_id: str, table: Table) -> str:
    return planner.catalog.display_name(conn_id, table)


def _dim_heads(ph: MartPhrase) -> list[Token]:
    heads = []
    for words in ph.dims:
        group = [ph.tokens[k] for k in words]
        heads.append(group[-1] if group[0].lang == "en" and len(group) > 1 else group[0])
    return heads


def _person_named(table: Table) -> bool:
    """A table whose rows are people: a full name column («ФИО …»)."""
    return any(c.name.lower() == "full_name" or "фио" in (c.comment or "").lower() for c in table.columns)


def _via_comment_tables(ph: MartPhrase, ground: _Ground) -> list[Table]:
    """«уникальных сотрудников через турникеты» of badge_events ('Проходы через турникеты'): a Russian «через»
    phrase that one table's comment says with that same preposition names the rows the people are counted
    over, not a table to join through («выручка по регионам через заказы»: no comment says «через заказы»)."""
    tokens = ph.tokens
    found: list[Table] = []
    for k in ph.via:
        noun = tokens[k]
        if noun.lang == "ru":
            via, words = tokens[k - 1].lemmas, noun.lemmas
            found += [
                t
                for t in ground.tables
                if t.comment and via & (said := _comment_lemmas(t.comment)) and words & said
            ]
        elif noun.lang == "en" and (nouns := comment_jargon(noun.lower)):
            # "through the turnstiles": the English noun a Russian comment says after its own «через»
            found += [
                t
                for t in ground.tables
                if t.comment
                and "через" in (said := _comment_lemmas(t.comment))
                and nouns & {stem(w) for w in said}
            ]
    return list(dict.fromkeys(found))


def _joined_words(ph: MartPhrase, m: MeasureWord) -> dict[str, tuple[int, int]]:
    """The snake_case names two English words of a measure's object make ("interest rate": interest_rate),
    with their indexes; the second word may be one no rule read (a table's noun, "rate", drops from it). The
    measure word itself may start the name before a participle ("sum insured": sum_insured, whose "insured"
    names no table; not "total amount charged", whose total_amount is another table's)."""
    tokens, n = ph.tokens, len(ph.tokens)
    cue = [m.index] if m.index + 1 < n and tokens[m.index + 1].lower.endswith("ed") else []
    starts = dict.fromkeys([*cue, *m.object])
    pairs = [
        a
        for a in starts
        if a + 1 < n
        and (a + 1 in m.object or a + 1 not in ph.used)
        and tokens[a].lang == "en"
        and tokens[a + 1].lang == "en"
    ]
    names = {f"{tokens[a].lower}_{tokens[a + 1].lower}": (a, a + 1) for a in pairs}
    # "parts cost" of parts_amount ('Стоимость запчастей'): the money of the thing, as "parts amount" says
    names.update(
        {f"{tokens[a].lower}_amount": (a, a + 1) for a in pairs if tokens[a + 1].lower in COST_WORDS_EN}
    )
    return names


# English words for the money a column `<thing>_amount` holds ("parts cost", "labor cost"), marts107
COST_WORDS_EN = frozenset({"cost", "costs"})


def _leading_words_name_column(tokens: Sequence[Token], fact: Table) -> str | None:
    """The English words opening the request ("Cooked orders per kitchen station") up to the first "per"/"by"
    are every part of one numeric column's name in any order (orders_cooked), so that column is summed
    rather than the fact's rows counted. Needs two words or more and exactly one such column."""
    lead: list[Token] = []
    for t in tokens:
        if t.lower in DIM_PREPS_EN or t.lang == "punct":
            break
        if t.lang != "en":
            return None
        lead.append(t)
    if len(lead) < 2 or len(lead) == len(tokens):
        return None
    said = sorted(stem(t.lower) for t in lead)
    found = [
        c.name for c in _numeric_columns(fact) if not _key_name(c.name) and sorted(name_parts(c.name)) == said
    ]
    return found[0] if len(found) == 1 else None


def _spelled_by_genitive(table: Table, tokens: Sequence[Token], m: MeasureWord) -> list[Column]:
    """The numeric columns of `table` whose whole comment (unit tail after a comma left out) the measure noun
    and the genitive right after it spell by lemma, in that order: «оценка еды» of 'Оценка еды', «стоимость
    ремонта» of 'Стоимость ремонта, руб.'. A comment of one word, or a noun with no genitive after it,
    spells nothing here (the other rules read those)."""
    said = [m.index, *m.object]  # «оценка еды» after «средняя»: the noun may be the cue or its object
    pairs = [
        (tokens[a], tokens[b])
        for a, b in zip(said, said[1:], strict=False)
        if b == a + 1
        and tokens[a].lang == "ru"
        and any(p.pos == "NOUN" for p in tokens[a].parses)
        and any(p.pos == "NOUN" and p.case == "gent" for p in tokens[b].parses)
    ]
    numeric = _numeric_names(table)
    found = []
    for c in table.columns:
        if not pairs or not c.comment or c.name not in numeric:
            continue
        words = [t for t in tokenize(c.comment.split(",")[0]) if t.lang != "punct"]
        if len(words) == 2 and any(
            words[0].lemmas & head.lemmas and words[1].lemmas & genitive.lemmas for head, genitive in pairs
        ):
            found.append(c)
    return found


def _spelled_columns(table: Table, words: Sequence[Token]) -> list[Column]:
    """The numeric columns of `table` whose whole comment, of two words or more, the words say by lemma
    ('Страховая премия', 'Заявленная сумма')."""
    said = {lemma for w in words for lemma in w.lemmas}
    numeric = _numeric_names(table)
    return [
        c
        for c in table.columns
        if c.comment
        and c.name in numeric
        and len(lemmas := _comment_lemmas(c.comment)) >= 2
        and lemmas <= said
    ]


def _comment_head_words(column: Column) -> list[Token]:
    """The words of a column's comment before its unit or gloss ('Заряд батареи в конце, %': заряд, батареи,
    в, конце)."""
    head = re.split(r"[,(;]", column.comment or "", maxsplit=1)[0]
    return [t for t in tokenize(head) if t.lang in ("ru", "en")]


def _label(column: Column) -> str:
    """A column's comment less the values it lists and its brackets ('Статус сессии (started, …)' -> 'Статус
    сессии')."""
    return re.sub(r"\([^()]*\)", " ", without_listed(column.comment or ""))


def _comment_word(column: Column, word: Token) -> bool:
    """The word is one of the column comment's words, in any form («зарядок» of 'Стоимость зарядки')."""
    return any(t.lemmas & word.lemmas or t.lower == word.lower for t in _comment_head_words(column))


def _word_of_column(column: Column, token: Token) -> bool:
    """The word is the column's own: its name ("miles", "premiums") or its comment's head noun («премий» of
    'Страховая премия'), or the noun after a head that only counts («мили» of 'Количество миль'). A word
    merely qualifying the head («звонков» of 'Длительность звонка') or a glossary synonym («зарплата» of
    salary 'Оклад': payslips 'начисленная зарплата' may be meant) is not."""
    if set(name_parts(column.name)) <= {stem(token.lower)}:
        return True
    head = _comment_head(column.comment or "")
    if head is None or not _comment_names(column, token):
        return False
    said = {stem(lemma) for lemma in token.lemmas} | {stem(token.lower)}
    return head in said or head in _COUNTING_HEADS


def _names_by_qualifier(ground: _Ground, table: Table, token: Token) -> bool:
    """The word names the table only by a qualifier: of its comment's head in Russian («премий» of 'Платежи
    страховой премии'), of its name's last part in English ("premiums" of premium_payments). A word the
    comment gives in brackets as another name of the rows («взносы» of '… (взносы)') names the rows."""
    if token.lang == "en":
        parts = name_parts(table.name)
        return len(parts) > 1 and parts[-1] not in ground.meanings(token.lower)
    bracketed = " ".join(re.findall(r"\(([^()]*)\)", table.comment or ""))
    return _qualifies_comment_only(ground, table, token) and not token.lemmas & _comment_lemmas(bracketed)


def _qualifies_comment_only(ground: _Ground, table: Table, token: Token) -> bool:
    """«Премии» of billing.premium_payments ('Платежи страховой премии'): a Russian word naming a table only
    as a qualifier of its comment's head noun (the payments of the premium), not by the head nor by the
    name's last part: the rows are the head's, so the word may still be a numeric column of another table
    (policies.premium 'Страховая премия')."""
    head = _comment_head(table.comment or "")
    if token.lang != "ru" or head is None:
        return False
    said = {stem(lemma) for lemma in token.lemmas} | {stem(token.lower)}
    return head not in said and name_parts(table.name)[-1] not in ground.meanings(token.lower)


def _rate_column(column: Column) -> bool:
    """A rate, share or score (interest_rate, score, rating, stars): its comment says so when it has one
    (base_rate «Базовый тариф за ночь» is a price), its name otherwise; a money column never is one."""
    if not column_kind(column.type).numeric:
        return False
    if _unit_price(column):
        return True  # price_per_kwh 'Цена за кВт·ч, руб.': money per a unit of quantity, a rate
    if _money_name(column):
        return False
    if not column.comment:
        return bool(set(name_parts(column.name)) & RATE_NAME_PARTS)
    words = re.findall(r"\w+", column.comment.lower())
    if _exchange_rate_comment(words):
        return True  # «Курс к рублю»: the rouble is what the rate is quoted in, not money summed
    if any("руб" in w for w in words):
        return False  # «Начисленные проценты, руб.»: money paid as interest, summed
    return "%" in column.comment or any(w.startswith(RATE_COMMENT_PREFIXES) for w in words)


def _unit_price(column: Column) -> bool:
    """A money column quoted per a unit of quantity, by its comment («Цена за кВт·ч») or its name
    (price_per_kwh): adding such prices up over rows means nothing, as a sum of rates does."""
    if not _money_name(column):
        return False
    said = [
        m.group(1).lower()
        for text in (column.comment or "", column.name)
        for m in _PER_UNIT_WORD.finditer(text)
    ]
    return any(w.startswith(QUANTITY_UNIT_PREFIXES) for w in said)


def _money_name(column: Column) -> bool:
    """A decimal column whose name says money (amount, total, price...), not liters or kilograms."""
    return bool(set(name_parts(column.name)) & MONEY_NAME_PARTS)


def _row_total(table: Table) -> Column | None:
    """The one money column that is the row's total (total, total_amount, 'Итого к оплате', 'Итоговая
    сумма'), when a table keeps its parts beside it (subtotal, discount, delivery_fee; labor and parts)."""
    totals = [
        c
        for c in _money_columns(table)
        if "total" in c.name.lower().split("_") or _comment_lemmas(c.comment or "") & {"итого", "итоговый"}
    ]
    return totals[0] if len(totals) == 1 else None


def _numeric_names(table: Table) -> set[str]:
    return {c.name for c in _numeric_columns(table)}


def _referring_tables(ground: _Ground, table: Table) -> list[Table]:
    """The other tables of the connection whose rows refer to `table`'s rows by a key (subscribers of a
    tariff, tickets of a passenger)."""
    referring = {
        r.table
        for r in relations_of(ground.planner.catalog, ground.conn_id)
        if r.joinable and r.ref_table == table.qualified_name and r.table != table.qualified_name
    }
    return [t for t in ground.tables if t.qualified_name in referring]


def _titles_fact(ground: _Ground, word: Token, fact: Table) -> bool:
    """The title's word names the fact table: by itself, or, naming no one table, as a word of the fact's
    comment («Витрина по приёмам:» of appointments 'Записи на приём', which invoices 'Счета за приём' and
    treatments share; marts85: it grouped by is_emergency 'Экстренный приём')."""
    named = ground.table_of(word)
    if named is fact:
        return True
    if word.lang == "ru":
        return named is None and bool(word.lemmas & _comment_lemmas(fact.comment or ""))
    return named is None and _describes(word, fact)


def _groups_after(ph: MartPhrase, colon: int) -> bool:
    """The body after the colon groups by something of its own: a dimension, a grain noun or adverb."""
    if any(group[0] > colon for group in ph.dims):
        return True
    body = ph.tokens[colon + 1 :]
    return any(_grain_noun(t) or t.lower in GRAIN_ADVERBS_RU or _en(t, GRAIN_ADVERBS_EN) for t in body)


def _holds_dims(ph: MartPhrase, ground: _Ground, table: Table, direct: bool = False) -> bool:
    """Every dimension word names a column of `table` (or, unless `direct`, of a table it reaches)."""
    relations = [r for r in relations_of(ground.planner.catalog, ground.conn_id) if r.joinable]
    pool = [table] if direct else [table, *_reachable(table, relations, ground.tables)]
    for head in _dim_heads(ph):
        if not any(t.column(head.text) or ground.columns_named(t, [head]) for t in pool):
            return False
    return True


def _key_column(fact: Table, column: Column) -> bool:
    """A key of the fact or of a table it points at (patient_id, the primary key): it identifies rows, it
    holds no amount, so a word naming its table never makes it the summed or averaged column."""
    foreign = {c.lower() for fk in fact.foreign_keys for c in fk.columns}
    name = column.name.lower()
    return _key_name(name) or name in foreign or column.name in fact.primary_key


def _comment_names(column: Column, word: Token) -> bool:
    """A content word of the request and a word of the column's comment share a lemma («начисленной»
    and 'Начислено': начислить), where their stems differ."""
    if not column.comment or word.lower in FILLER_RU or not word.parses:
        return False
    if word.parses[0].pos not in ("NOUN", "ADJF", "PRTF", "PRTS", "VERB", "INFN", "ADVB"):
        return False
    if {lemma for lemma in word.lemmas if len(lemma) > 3} & _comment_lemmas(column.comment):
        return True
    # «начислений» (начисление) and 'Начислено' (начислить): one root, a verbal noun and its verb
    root = stem(word.lower)[:6]
    return len(root) == 6 and any(s[:6] == root for s in _comment_stems(column.comment) if len(s) >= 6)


def _compound_head_table(
    tables: Sequence[Table], by_comment: Sequence[Table], meanings: set[str]
) -> Table | None:
    """The one table whose comment's head noun is a compound ending in the word («авиабилеты» of «билеты»),
    when no table the word's comment match found has the word itself as its head: the word names those rows,
    not a table that mentions them as a dependent word ('заказы билетов')."""
    from airflow_ai_etl.planning.offline import compound_tail_of

    if any(t.comment and _comment_head(t.comment) in meanings for t in by_comment):
        return None
    said = frozenset(meanings)
    found = [
        t for t in tables if t.comment and (h := _comment_head(t.comment)) and compound_tail_of({h}, said)
    ]
    if not found:  # «механикам»: 'Мастера (автомеханики) станций', the compound of its bracketed other name
        found = [t for t in tables if compound_tail_of(_bracket_synonym_heads(t.comment or ""), said)]
    return found[0] if len(found) == 1 else None


@functools.lru_cache(maxsize=4096)
def _bracket_synonym_heads(comment: str) -> set[str]:
    """The stems of the first words of a comment's short brackets, the table's other names ('Мастера
    (автомеханики) станций' -> автомеханик), as :func:`_bracket_synonym_table` reads them."""
    from airflow_ai_etl.planning.offline import name_parts_of_text

    return {
        parts[0]
        for m in _BRACKETED.finditer(comment)
        if (parts := name_parts_of_text(m.group(1))) and len(parts) <= 2
    }


def _comment_verb(token: Token, table: Table) -> bool:
    """«записалось» of appointments ('Записи …'): a Russian verb or participle whose stem begins with a stem
    of the table's comment, the event the rows record."""
    if token.lang != "ru" or not any(p.pos in ("VERB", "PRTF", "PRTS", "INFN") for p in token.parses[:1]):
        return False
    word = stem(token.lower)
    return bool(table.comment) and any(
        len(x) >= 4 and word.startswith(x) for x in _comment_stems(table.comment)
    )


def _describes(token: Token, table: Table) -> bool:
    """A word of the table's comment, any form (the comment's stems)."""
    return bool(table.comment) and stem(token.lower) in _comment_stems(table.comment)


def _quantity_column(fact: Table) -> str | None:
    """The one integer column counting pieces: named so (quantity, qty), else the one whose name ends in a
    quantity part or whose comment says pieces (stock_qty 'Остаток, шт.': "units in stock", «в штуках»)."""
    ints = [c for c in fact.columns if column_kind(c.type).family == "int"]
    found = [c.name for c in ints if c.name.lower() in ("quantity", "qty", "units", "amount_units")]
    if not found:  # marts98
        found = [
            c.name
            for c in ints
            if name_parts(c.name)[-1:] in (["qti"], ["quantiti"]) or _says_pieces(c.comment or "")
        ]
    return found[0] if len(found) == 1 else None


_PIECES_COMMENT = re.compile(r"(?<![\w-])шт(?:\.|ук\w*)?(?![\w-])", re.IGNORECASE)


def _says_pieces(comment: str) -> bool:
    """The comment counts pieces ('Остаток, шт.'), no price per piece ('Цена за штуку, руб.')."""
    return bool(_PIECES_COMMENT.search(comment)) and "руб" not in comment.lower()


def _via_key(ph: MartPhrase, ground: _Ground, fact: Table, k: int) -> dict[str, Any] | None:
    """«(через passenger_id операции)», "via customer_id": a «через»/"via" phrase naming a key column of the
    fact pins the join along that key (one of several paths to the table it points at)."""
    name = ph.tokens[k].text
    relations = [r for r in relations_of(ground.planner.catalog, ground.conn_id) if r.joinable]
    keys = [r for r in relations if r.table == fact.qualified_name and list(r.columns) == [name]]
    ref = next((t for t in ground.tables if keys and t.qualified_name == keys[0].ref_table), None)
    if len(keys) != 1 or ref is None:
        return None
    on = {f"{fact.name}.{name}": keys[0].ref_columns[0]}
    return {"table": ground_name(ground.planner, ground.conn_id, ref), "on": on}


def _reachable(fact: Table, relations: list[Any], tables: list[Table]) -> list[Table]:
    by_name = {t.qualified_name: t for t in tables}
    seen = {fact.qualified_name}
    frontier = [fact.qualified_name]
    for _ in range(3):
        nxt = []
        for name in frontier:
            for rel in relations:
                if rel.table == name and rel.ref_table not in seen:
                    seen.add(rel.ref_table)
                    nxt.append(rel.ref_table)
        frontier = nxt
    return [by_name[n] for n in seen if n in by_name and n != fact.qualified_name]


def _own_noun_words(words: Sequence[Token], fact: Table) -> bool:
    """«записи» of 'Записи клиентов на групповые занятия', «заявки» of 'Заявки и обращения абонентов': the
    grain's Russian words are all nouns of the fact's own comment (the rows themselves)."""
    russian = [w for w in words if w.lang == "ru"]
    own = _comment_lemmas(fact.comment) if fact.comment else frozenset()
    return bool(russian) and all(w.parses and w.parses[0].pos == "NOUN" and w.lemmas & own for w in russian)


def _other_event_of_own_noun(column: Column, words: Sequence[Token], fact: Table) -> bool:
    """'Когда отменил запись', 'Когда заявка закрыта' for «по неделям записи/заявки», the fact's own noun:
    the comment names the row only as what another event (a verb or participle, not the row's creation nor
    its own event, «записался» of 'Записи …') happened to, so it dates that event, not the row."""
    if not column.comment or not _own_noun_words(words, fact):
        return False
    said = {lemma for w in words for lemma in w.lemmas}
    return any(
        t.lang == "ru"
        and any(p.pos in ("VERB", "INFN", "PRTF", "PRTS", "GRND") for p in t.parses)
        and not t.lemmas & said
        and _time_word(t) != "creat"
        and not _comment_verb(t, fact)
        for t in tokenize(column.comment)
    )


def _own_noun_time(
    words: Sequence[Token], fact: Table, times: Sequence[Column], commented: Sequence[Column]
) -> Column | None:
    """«по неделям записи» of bookings ('Записи клиентов …'): when the only time columns whose comments name
    the fact's own noun date another event ('Когда отменил запись'), the row's own time: the one column
    commented with the fact's own verb ('Когда записался'), else its creation (created_at); None otherwise."""
    if not commented or not all(_other_event_of_own_noun(c, words, fact) for c in commented):
        return None
    rest = [c for c in times if c not in commented]
    own = [
        c
        for c in rest
        if c.comment and any(_comment_verb(t, fact) for t in tokenize(c.comment) if t.lang == "ru")
    ]
    if len(own) == 1:
        return own[0]
    return next((c for c in rest if c.name == "created_at"), None)


def _column_spelled_apart(table: Table, words: Token | Sequence[Token]) -> Column | None:
    """The column English words spell with a hyphen or a space for its underscore ("check-in", "check in"
    -> check_in)."""
    said = [words] if isinstance(words, Token) else list(words)
    if not said or any(w.lang != "en" for w in said):
        return None
    return table.column(_spelled_name(said))


def _part_match(part: str, column: Column) -> bool:
    """A word's stem starts a part of the column's name or the other way round (issu ~ issued_at); a part
    spelled with "_" (check_in, of «заселение») needs each of its parts in the name (checked_in_on)."""
    if "_" in part:
        return set(part.split("_")) <= set(name_parts(column.name))
    return any(np.startswith(part) or part.startswith(np) for np in name_parts(column.name) if len(np) >= 3)


def _how_much_column(ph: MartPhrase, fact: Table, m: MeasureWord) -> Column | None:
    """«Сколько начислено (зарплаты)», «сколько отработано», «сколько скачано байт», «сколько затронуто
    домохозяйств»: «сколько» and a participle or verb that a numeric column's comment says ('Начислено',
    'Скачано байт') ask how much of that column: its sum, not a count of rows."""
    tokens = ph.tokens
    if m.func != "count" or m.column_ref or tokens[m.index].lemma != "сколько":
        return None
    k = m.index + 1
    if m.object and (m.object != [k] or not _adverb(tokens[k])):
        return None
    k += len(m.object)  # «сколько фактически оплачено»: an adverb before the participle only qualifies it
    if k >= len(tokens) or tokens[k].lang != "ru" or not tokens[k].parses:
        return None
    word = tokens[k]
    if word.parses[0].pos not in ("PRTS", "VERB", "PRTF"):
        return None
    found = [c for c in _numeric_columns(fact) if _comment_names(c, word)]
    if len(found) != 1:  # 'Оплачено' says «оплачено» itself, before 'Сумма к оплате' of the paying verb
        found = [c for c in _numeric_columns(fact) if _comment_names(c, word) or _paid_column(c, word)]
    if len(found) != 1:
        return None
    ph.used.add(k)
    nxt = k + 1  # «начислено зарплаты», «скачано байт»: the noun the comment or the fact's comment says
    if nxt < len(tokens) and tokens[nxt].lang == "ru" and nxt not in ph.used:
        said = _comment_lemmas(found[0].comment or "") | _comment_lemmas(fact.comment or "")
        if tokens[nxt].lemmas & said or _comment_names(found[0], tokens[nxt]):
            ph.used.add(nxt)
    return found[0]


def _paid_column(column: Column, word: Token) -> bool:
    """«Сколько заплатили абоненты» of billing.payments.amount ('Сумма оплаты'): a verb of paying names the
    amount column whose comment says a payment (the verb and the noun share a root the stems do not show)."""
    if not column.comment or not word.lemmas & PAY_VERBS_RU:
        return False
    said = _comment_lemmas(column.comment)
    return bool(said & PAYMENT_NOUNS_RU) and "сумма" in said


def _same_head(column: Column, table: Table) -> bool:
    """The column's comment names what the table's comment names ('Показание' of 'Показания счётчиков')."""
    head = _comment_head(column.comment or "")
    return head is not None and head == _comment_head(table.comment or "")


def _own_value_column(ground: _Ground, fact: Table, token: Token) -> Column | None:
    """The one numeric column of the fact the word names by its name or comment, when the word names the fact
    only by a qualifier («мили» of miles_transactions: miles), else None."""
    if ground.table_of(token) is not fact or not _names_by_qualifier(ground, fact, token):
        return None
    valued = [
        c
        for c in _numeric_columns(fact)
        if not _key_column(fact, c) and not _same_head(c, fact) and _word_of_column(c, token)
    ]
    return valued[0] if len(valued) == 1 else None


def _grain_word_before(ph: MartPhrase, first: int) -> int | None:
    """The index of the grain word (a grain noun, adjective or adverb, or a word read as naming the grain's
    column) a word group starting at `first` follows, across «по» and an opening bracket; None when the group
    does not follow a grain."""
    tokens, q = ph.tokens, first - 1
    while q >= 0 and q >= first - 2 and tokens[q].lower in GRAIN_LINKS:
        q -= 1
    if q < 0:
        return None
    t = tokens[q]
    if _grain_noun(t) or _grain_adjective(t) or t.lower in GRAIN_ADVERBS_RU:
        return q
    if q == first - 1 and q in ph.grain_words:
        return q  # «по дате выписки билета»: the genitive after the event word goes on the date's phrase
    return None


def _names_time_column(column: Column, token: Token) -> bool:
    """A Russian word says a time column: a word of its comment («планового вылета» ~ 'Плановое время
    вылета') or a name part spelled by ear («старта» ~ started_at)."""
    if token.lang != "ru":
        return False
    return (
        _comment_names(column, token)
        or any(transliterates(token.lower, part) for part in column.name.lower().split("_"))
        or _event_names_time(column, token)
    )


@functools.lru_cache(maxsize=4096)
def _comment_events(comment: str) -> frozenset[str]:
    """The event (TIME_WORDS' stem) a time column's comment is the time of: its head word after any date
    noun or «когда» ('Окончание аренды', 'Дата закрытия заявки' -> end, close); 'Когда отменил запись' names
    no such event (its «запись» is the booking, not the event)."""
    words = [t for t in tokenize(comment) if t.lang == "ru"]
    # 'Месяц начисления' (a period column): the month is the unit, «начисления» the event (marts103)
    while words and (words[0].lemmas & (DATE_NOUNS | {"когда", "час", "день", "месяц"})):
        words = words[1:]
    if not words:
        return frozenset()
    return frozenset(TIME_WORDS[lemma] for lemma in words[0].lemmas if lemma in TIME_WORDS)


def _event_names_time(column: Column, token: Token) -> bool:
    """A word names the same event as a word of the column's comment, in other words: «завершению аренды»
    and "trip end" ~ finished_at 'Окончание аренды' (завершение, end and окончание are all the end)."""
    event = _time_word(token)
    return event is not None and bool(column.comment) and event in _comment_events(column.comment or "")


def _bracket_synonym_table(tables: list[Table], meanings: set[str]) -> Table | None:
    """«по счётчикам» of telemetry: of the tables whose comments hold the word, the one whose comment gives
    it in brackets as the table's other name ('Приборы учёта (счётчики)'), not the ones it qualifies
    ('Показания счётчиков', 'Телеметрия умных счётчиков')."""
    from airflow_ai_etl.planning.offline import name_parts_of_text

    found = [
        t
        for t in tables
        if any(
            (parts := name_parts_of_text(m.group(1))) and parts[0] in meanings and len(parts) <= 2
            for m in _BRACKETED.finditer(t.comment or "")
        )
    ]
    return found[0] if len(found) == 1 else None


def _listed_value_condition(fact: Table, token: Token) -> str | None:
    """`status = 'delivered'`: the one text column of the fact whose comment lists the word as a value."""
    found = [
        (c.name, value)
        for c in fact.columns
        if column_kind(c.type).family == "text"
        for value in listed_values(c.comment)
        if value.lower() == token.lower or stem(value.lower()) == stem(token.lower)
    ]
    return f"{found[0][0]} = '{found[0][1]}'" if len(found) == 1 else None


def _columns_of_word(ground: _Ground, fact: Table, word: Token) -> list[Column]:
    """Every column of the fact a word may name: by the glossary or comments («оценка»: score 'Балл' and mark
    'Оценка (…)'), or the dimension words the glossary lacks («направление»: direction)."""
    local = DIM_WORDS.get(word.lemma) or DIM_WORDS.get(word.lower)
    found = [*ground.columns_named(fact, [word]), *(c for c in fact.columns if _comment_names(c, word))]
    found += [c for c in [fact.column(local) if local else None] if c is not None]
    return list(dict.fromkeys(found))


def _column_stems(column: Column) -> set[str]:
    """Stems of a column's name parts and of its comment's words."""
    return set(name_parts(column.name)) | {stem(w) for w in _comment_words(column.comment or "")}
