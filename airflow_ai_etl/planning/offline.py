"""Deterministic Russian/English planner: request text + catalog -> PipelineSpec or questions.

No network and no model: every decision is a rule over the request's words and the
catalog's names (tables, columns, their comments, connection ids and descriptions). When a
rule cannot decide (no table, two candidate connections, no schedule, an unknown column)
the planner asks instead of guessing.

The steps read top to bottom in `OfflinePlanner.plan`: refuse, find the source (a table, a
change stream or a file), the target, the schedule, then the options (mode and keys,
incremental column, column subset, filter, masking, deduplication).

Words that negate are read where they apply: "drop/без the email column" leaves a column out
(not a destructive intent), "skip rows where amount is null" keeps `amount IS NOT NULL`, "без
отменённых" keeps `status IS DISTINCT FROM 'cancelled'`. In a load request "remove rows where status
is test" is the same kind of skip; "delete rows from orders ..." (a place to delete in) stays refused.
A text column that is "empty" holds NULL or ''; "null" alone means NULL. A capitalised name after
from/in/из/в that is no source or target ("из Москвы") filters the table's one city-like column, in
its nominative form when the Russian ending says which, else it is asked about; so does a name after a
column word ("из города Москвы" may be Москва or a city named Москвы: asked), and a lower-case word after
из/from that names nothing known ("из москвы"). Languages, formats and time standards ("in English", "in
Parquet") are never places. A business system no connection is described by ("from Salesforce", "из 1С")
is refused like an unsupported engine, never read from another connection. A rolling window
("за последние 7 дней", "yesterday") filters on the table's event time and loads by upsert on the
primary key, since each run reloads rows the previous run already loaded.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from airflow_ai_etl.catalog import Catalog, Column, ConnectionInfo, Table
from airflow_ai_etl.outcome import Outcome, Problem
from airflow_ai_etl.planning.patterns import (
    APPEND_WORDS,
    BETWEEN,
    BY_LIST,
    CALENDAR_UNITS,
    CDC,
    CDC_DELETE_NOUNS,
    CHANGED,
    CLAUSE_END,
    CLAUSE_WORDS,
    CODE_PATTERNS,
    COLUMN_LIST,
    COLUMN_LIST_AFTER,
    COLUMN_NOUN,
    COLUMN_NOUN_PARTS,
    COMPARATIVES,
    COMPARISON,
    CONN_FILLER,
    DAY_WINDOW,
    DEDUPE,
    DEDUPE_AFTER_VERB,
    DESTRUCTIVE,
    EXCEL_PATH,
    EXCLUDE,
    EXCLUDE_PREPOSITIONS,
    EXPLICIT_COMPARISON,
    FILE_FORMATS,
    FILTER_GENERIC_OK,
    FILTER_HINTS,
    FLIPPED,
    FROM_WORDS,
    GENERIC_PARTS,
    INCREMENTAL,
    KEY_CUE,
    LAST_N,
    LEAVE_OUT_VERBS,
    LIST_JOINERS,
    MASK,
    MODIFIER_LINKS,
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
    OFF_TOPIC,
    OPERATORS,
    PII_COLUMN_PARTS,
    PII_WORDS,
    PIPELINE_VERBS,
    PLACE,
    PLACE_COLUMN_PARTS,
    PLACE_NAME_WORD,
    POSSESSIVE,
    PRODUCT_LIKE,
    QUANTIFIERS,
    REPLACE,
    ROW_NOUNS,
    ROWS_OBJECT,
    ROWS_WITHOUT,
    S3_PATH,
    SHEET,
    SINCE_BEFORE,
    SOFTWARE_STEMS,
    SOURCE_PLACES,
    STARTING_BEFORE,
    STATUS_BEFORE_NOUN,
    STATUS_IS,
    STATUS_VALUES,
    STATUS_WORDS,
    STOP_STEMS,
    STOP_WORDS,
    SYSTEM_NAME,
    SYSTEM_NAME_AFTER,
    SYSTEM_NOUNS,
    TARGET_PLACES,
    TARGET_TABLE,
    TEXT_TYPES,
    TO_WORDS,
    UNSUPPORTED_TARGET,
    UNTIL_BEFORE,
    UPDATE_COLUMNS,
    UPSERT,
    VALUE_COLUMN_WORDS,
    VALUE_LINKS,
    VALUE_NOISE,
    VALUE_TOKEN,
    WINDOW_HINTS,
    WINDOW_PREPOSITIONS,
    WINDOW_UNITS,
)
from airflow_ai_etl.planning.schedule import (
    ScheduleMatch,
    ambiguous_timezone,
    detect_language,
    number_of,
    parse_schedule,
)
from airflow_ai_etl.planning.vocabulary import (
    ENGINE_WORDS,
    UNSUPPORTED_ENGINES,
    Vocabulary,
    apposition_nominative,
    name_parts,
    place_nominative,
    stem,
    user_glossary,
    words,
)
from airflow_ai_etl.spec import PipelineSpec


@dataclass
class _Request:
    """A request split into words, with the words other rules already claimed."""

    text: str
    lower: str = ""
    tokens: list[str] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)  # the same words in the user's letter case
    spans: list[tuple[int, int]] = field(default_factory=list)  # where each word is in the text
    language: str = "en"
    claimed: set[str] = field(default_factory=set)  # words that name a target, a connection or columns
    values: set[str] = field(default_factory=set)  # words that are filter values ("типа purchase")
    # Spans of negating words a rule already understood ("skip rows where", "без колонки email").
    handled: list[tuple[int, int]] = field(default_factory=list)
    places: list[_Place] | None = None  # the places it names, once read (OfflinePlanner._places)
    unsure: list[str] = field(default_factory=list)  # questions about values a rule found but could not read
    value_columns: dict[str, list[tuple[int, Column]]] = field(default_factory=dict)  # per table, once read

    def __post_init__(self) -> None:
        self.lower = self.text.lower().replace("ё", "е")
        self.tokens = words(self.text)
        found = list(re.finditer(r"[a-zа-яё0-9_]+(?:\.[a-zа-яё_][a-zа-яё0-9_]*)?", self.text, re.IGNORECASE))
        self.raw = [m.group(0) for m in found]
        self.spans = [m.span() for m in found]
        self.language = detect_language(self.text)

    def token_at(self, offset: int) -> int:
        """Index of the first word that starts at or after a character offset."""
        return next((i for i, (start, _) in enumerate(self.spans) if start >= offset), len(self.spans))

    def is_handled(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.handled)

    def role(self, index: int) -> str:
        """source / target / unknown: the nearest from- or to-word up to three words before."""
        for back in range(1, 4):
            before = self.tokens[index - back] if index - back >= 0 else ""
            if before in FROM_WORDS:
                return "source"
            if before in TO_WORDS:
                return "target"
        return "unknown"


@dataclass(frozen=True)
class _ConnRef:
    """A word of the request that points at a connection: its id, a description word or an engine."""

    conn_id: str
    role: str
    index: int
    by_id: bool


@dataclass(frozen=True)
class _Place:
    """A place the request names ("из Москвы"): the phrase, the name in its nominative form (None when the
    ending does not say which), the index of a word that negates it ("кроме клиентов из Москвы") and
    whether more places follow ("from Berlin and Munich")."""

    position: int
    end: int
    phrase: str
    name: str | None
    negator: int | None
    several: bool


@dataclass
class _Found:
    """One step's answer: the thing found, or questions to ask."""

    value: Any = None
    questions: list[str] = field(default_factory=list)


class OfflinePlanner:
    """Turns one request into a spec using only rules and the catalog."""

    def __init__(self, catalog: Catalog, vocabulary: Vocabulary | None = None, owner: str = "ai-etl") -> None:
        self.catalog = catalog
        self.vocabulary = vocabulary or Vocabulary(user_glossary())
        self.owner = owner
        self._descriptions: dict[tuple[str, str, str], set[str]] = {}

    def plan(self, text: str) -> Outcome:
        request = _Request(text.strip())
        if not request.tokens:
            return Outcome.reject(
                "policy", "The request is empty: describe what to load, from where and when."
            )
        refusal = self._refusal(request)
        if refusal:
            return refusal
        self._claim_target_name(request)
        self._claim_connection_words(request)
        self._claim_key_words(request)
        kind = self._source_kind(request)
        if kind in ("s3", "excel"):
            return self._plan_file(request, kind)

        source = self._source(request)
        source_conn, table = source.value or (None, None)
        target = self._target(request, source_conn)
        schedule = self._schedule(request)
        questions = source.questions + target.questions
        if schedule is None:
            questions.append(self._ask_schedule(request))
        if questions or table is None or target.value is None or schedule is None:
            return Outcome.clarify(*(questions or ["Which table should be loaded, and where to?"]))
        return self._assemble(
            request, kind, source_conn, table, target.value, schedule.cron, schedule.timezone
        )

    # --- refusals ------------------------------------------------------------------------------

    def _refusal(self, request: _Request) -> Outcome | None:
        rules = (
            self._destructive,
            self._code,
            self._unsupported_engine,
            self._unknown_system,
            self._off_topic,
        )
        for rule in rules:
            outcome = rule(request)
            if outcome:
                return outcome
        return None

    def _destructive(self, request: _Request) -> Outcome | None:
        is_cdc = bool(CDC.search(request.lower))
        for match in DESTRUCTIVE.finditer(request.lower):
            if DEDUPE_AFTER_VERB.match(request.lower[match.end() :]):
                continue
            if is_cdc and CDC_DELETE_NOUNS.match(match.group(1)):
                continue
            if LEAVE_OUT_VERBS.match(match.group(1)) and (
                self._drops_columns_only(request, match) or self._removes_rows_only(request, match)
            ):
                continue
            return Outcome.reject(
                "policy",
                f"Destructive intent ({match.group(1)!r}): the assistant only builds pipelines that read "
                "a source and load a target; it never drops, deletes or truncates data.",
            )
        return None

    def _drops_columns_only(self, request: _Request, match: re.Match[str]) -> bool:
        """ "Copy customers daily but drop the email column": in a load request, a drop verb whose object
        is a list of columns of some source table leaves those columns out; it destroys nothing."""
        if not PIPELINE_VERBS.search(request.lower):
            return False
        tables = [t for conn in self._readable("postgres") for t in self.catalog.tables_of(conn.conn_id)]
        for table in tables:
            columns, (_, end) = self._excluded_by(request, table, match)
            if columns:
                return not self._names_source_place(request, request.token_at(end))
        return False

    def _removes_rows_only(self, request: _Request, match: re.Match[str]) -> bool:
        """ "Load orders hourly, remove rows where status is test" / "drop test rows": in a load request, rows
        a leave-out verb removes are rows not to load (a negated filter). Only when the verb's object is rows
        with a condition, or rows named by a status word, and the clause names no place to delete them from
        or in ("delete rows from orders where ...", "удали строки из таблицы", "... in ClickHouse"):
        those would change a source or a target, and stay refused."""
        if not PIPELINE_VERBS.search(request.lower):
            return False
        rows = ROWS_OBJECT.match(request.lower, match.end())
        if rows is None or not (rows.group("condition") or _status_word(rows.group("word") or "")[0]):
            return False
        end = CLAUSE_END.search(request.lower, rows.end())
        last = request.token_at(end.start() if end else len(request.lower))
        return not any(self._names_storage(request, i) for i in range(request.token_at(match.end()), last))

    def _names_storage(self, request: _Request, index: int) -> bool:
        """Word `index` starts "from/in/из/в" + the source, a table, an engine, a connection or the target."""
        if self._names_source_place(request, index):
            return True
        if request.tokens[index] not in FROM_WORDS | TO_WORDS:
            return False
        return any(t in TARGET_PLACES or self._names_system(t) for t in request.tokens[index + 1 : index + 4])

    def _is_engine_word(self, token: str) -> bool:
        return any(token in ws or stem(token) in ws for ws in ENGINE_WORDS.values())

    def _names_source_place(self, request: _Request, index: int) -> bool:
        """ "delete email from postgres / from the customers table": the source itself is the object."""
        tokens = request.tokens[index : index + 4]
        if not tokens or tokens[0] not in {"from", "in", "at", "из", "в", "во", "на"}:
            return False
        for token in tokens[1:]:
            if (
                token in SOURCE_PLACES
                or token in ENGINE_WORDS["postgres"]
                or stem(token) in ENGINE_WORDS["postgres"]
            ):
                return True
            if self._is_source_table_name(token):
                return True
        return False

    def _code(self, request: _Request) -> Outcome | None:
        if any(pattern.search(request.text) for pattern in CODE_PATTERNS):
            return Outcome.reject(
                "policy",
                "The request carries code or SQL statements; describe the pipeline in words instead.",
            )
        return None

    def _unsupported_engine(self, request: _Request) -> Outcome | None:
        named = [e for e in UNSUPPORTED_ENGINES if re.search(rf"\b{re.escape(e)}\b", request.lower)]
        if not named:
            return None
        known = sorted({c.conn_type for c in self.catalog.connections.values()}) or ["none"]
        return Outcome.reject(
            "grounding",
            f"There is no {named[0]} connection the assistant can read from; connection types "
            f"available: {', '.join(known)}.",
            "source.conn_id",
        )

    def _unknown_system(self, request: _Request) -> Outcome | None:
        """ "from Salesforce", "из 1С", "to HubSpot": a business system no connection is described by is
        refused (there is no reader for it); a product-like name after from/to ("из МойСклад") that names
        no engine, connection or table is asked about. Neither is ever read from another connection."""
        for pattern in (SYSTEM_NAME, SYSTEM_NAME_AFTER):
            for match in pattern.finditer(request.text):
                first = words(match.group("name"))[0]
                if first in self._connection_words or self._is_source_table_name(first):
                    continue  # a connection described as "Salesforce replica" is that connection
                index = request.token_at(match.start("name"))
                role = "target" if request.role(index) == "target" else "source"
                known = sorted({c.conn_type for c in self.catalog.connections.values()}) or ["none"]
                return Outcome.reject(
                    "grounding",
                    f"There is no {match.group('name')} connection; the assistant reads PostgreSQL tables "
                    "(and their change streams), S3 files and Excel workbooks and loads into ClickHouse or "
                    f"PostgreSQL. Connection types available: {', '.join(known)}.",
                    f"{role}.conn_id",
                )
        for i, raw in enumerate(request.raw[1:], start=1):
            token = request.tokens[i]
            if not PRODUCT_LIKE.search(raw):
                continue
            before = request.tokens[max(i - 2, 0) : i]
            if before[-1] not in FROM_WORDS | TO_WORDS and not (
                before[-1] == "the" and before[0] in FROM_WORDS | TO_WORDS
            ):
                continue  # only the word right after from/to ("from the MyCRM export" too)
            if self._names_system(token) or self._is_source_table_name(token) or token in request.claimed:
                continue
            if parse_schedule(raw) is not None:
                continue  # "в 3AM"
            return Outcome.clarify(
                f"Which connection is {raw!r}? No connection, engine or table has that name; connections: "
                f"{', '.join(sorted(self.catalog.connections))}."
            )
        return None

    def _off_topic(self, request: _Request) -> Outcome | None:
        has_verb = bool(PIPELINE_VERBS.search(request.lower))
        if has_verb and not OFF_TOPIC.search(request.lower):
            return None
        if not OFF_TOPIC.search(request.lower) and self._mentions_anything(request):
            return None
        if has_verb and self._mentions_anything(request):
            return None
        return Outcome.reject(
            "policy",
            "This does not look like a data pipeline request. Example: "
            "'Load sales from PostgreSQL to ClickHouse daily at 2 AM'.",
        )

    def _mentions_anything(self, request: _Request) -> bool:
        if self._engine_mentions(request) or S3_PATH.search(request.text) or EXCEL_PATH.search(request.text):
            return True
        return any(self._table_hits(request, conn.conn_id) for conn in self._readable("postgres"))

    # --- connections ---------------------------------------------------------------------------

    def _readable(self, engine: str) -> list[ConnectionInfo]:
        return self.catalog.connections_of(engine)

    def _engine_mentions(self, request: _Request) -> list[tuple[str, str, int]]:
        """(engine, role, index) for each engine word of the request."""
        mentions = []
        for i, token in enumerate(request.tokens):
            for engine, engine_words in ENGINE_WORDS.items():
                if token in engine_words or stem(token) in engine_words:
                    mentions.append((engine, request.role(i), i))
        return mentions

    def _description_stems(self, conn: ConnectionInfo) -> set[str]:
        """Stems of the words of a connection's id and description, without engine and filler words."""
        key = (conn.conn_id, conn.description, conn.database)
        if key not in self._descriptions:
            text = f"{conn.conn_id.replace('_', ' ')} {conn.description} {conn.database}"
            meanings = {m for w in words(text) for m in self.vocabulary.meanings(w)}
            self._descriptions[key] = meanings - CONN_FILLER
        return self._descriptions[key]

    def _conn_refs(self, request: _Request) -> list[_ConnRef]:
        """Request words that name a connection by its id or by a word of its description."""
        refs = []
        described = {c.conn_id: self._description_stems(c) for c in self.catalog.connections.values()}
        for i, token in enumerate(request.tokens):
            for conn in self.catalog.connections.values():
                if token == conn.conn_id.lower() or token.startswith(conn.conn_id.lower() + "."):
                    refs.append(_ConnRef(conn.conn_id, request.role(i), i, True))
                elif token not in STOP_WORDS and self.vocabulary.meanings(token) & described[conn.conn_id]:
                    refs.append(_ConnRef(conn.conn_id, request.role(i), i, False))
        return refs

    def _claim_connection_words(self, request: _Request) -> None:
        """Words that name a connection are not table names ("the shop database", "the warehouse")."""
        for ref in self._conn_refs(request):
            request.claimed.add(request.tokens[ref.index])
        for _, _, index in self._engine_mentions(request):
            request.claimed.add(request.tokens[index])

    def _source_candidates(self, request: _Request) -> list[ConnectionInfo]:
        postgres = {c.conn_id: c for c in self._readable("postgres")}
        refs = [r for r in self._conn_refs(request) if r.conn_id in postgres]
        for by_id in (True, False):
            chosen = {
                r.conn_id
                for r in refs
                if r.by_id == by_id and r.role in ("source", "unknown" if by_id else "")
            }
            if len(chosen) == 1:
                return [postgres[chosen.pop()]]
        as_target = {r.conn_id for r in refs if r.role == "target"}
        return [c for c in postgres.values() if c.conn_id not in as_target] or list(postgres.values())

    def _target(self, request: _Request, source: ConnectionInfo | None) -> _Found:
        usable = {
            c.conn_id: c
            for c in self.catalog.connections.values()
            if c.engine in ("postgres", "clickhouse") and (source is None or c.conn_id != source.conn_id)
        }
        refs = [r for r in self._conn_refs(request) if r.conn_id in usable]
        for wanted in ({"target", "unknown"}, {"target"}):
            for by_id in (True, False):
                chosen = {r.conn_id for r in refs if r.by_id == by_id and r.role in wanted}
                if len(chosen) == 1 and (by_id or "target" in wanted and wanted == {"target"}):
                    return _Found(usable[chosen.pop()])
        mentions = self._engine_mentions(request)
        to_postgres = any(e == "postgres" and r == "target" for e, r, _ in mentions)
        engine = "postgres" if to_postgres else "clickhouse"
        if any(e in ("s3", "excel") and r == "target" for e, r, _ in mentions):
            return _Found(None, [UNSUPPORTED_TARGET])
        candidates = [c for c in usable.values() if c.engine == engine]
        if len(candidates) > 1:
            described = {
                r.conn_id for r in refs if not r.by_id and r.conn_id in {c.conn_id for c in candidates}
            }
            candidates = (
                [c for c in candidates if c.conn_id in described] if len(described) == 1 else candidates
            )
        if len(candidates) == 1:
            return _Found(candidates[0])
        label = "PostgreSQL" if engine == "postgres" else "ClickHouse"
        if not candidates:
            return _Found(
                None, [f"There is no {label} connection to load into. Which connection should be the target?"]
            )
        ids = ", ".join(c.conn_id for c in candidates)
        return _Found(None, [f"Which {label} connection should the data go to: {ids}?"])

    # --- the source table ----------------------------------------------------------------------

    def _source_kind(self, request: _Request) -> str:
        """sql (a table), cdc (its change stream), s3 or excel (files)."""
        if S3_PATH.search(request.text):
            return "s3"
        if EXCEL_PATH.search(request.text):
            return "excel"
        for engine, role, _ in self._engine_mentions(request):
            if engine in ("s3", "excel") and role != "target":
                return engine
        return "cdc" if CDC.search(request.lower) else "sql"

    def _source(self, request: _Request) -> _Found:
        candidates = self._source_candidates(request)
        if not candidates:
            return _Found(
                None, ["There is no PostgreSQL connection to read from. Which connection should I use?"]
            )
        unreadable = [c.conn_id for c in candidates if c.conn_id in self.catalog.errors]
        found = {c.conn_id: t for c in candidates if (t := self._match_tables(request, c.conn_id))}
        if not found:
            return _Found(None, [self._ask_table(request, candidates, unreadable)])
        if len(found) > 1:
            names = ", ".join(sorted(found))
            return _Found(
                None, [f"Several PostgreSQL connections have this table: {names}. Which one is the source?"]
            )
        conn_id, tables = next(iter(found.items()))
        if len(tables) > 1:
            listed = ", ".join(self.catalog.display_name(conn_id, t) for t in tables)
            return _Found(
                None,
                [f"Which table should be loaded from {conn_id}: {listed}? One pipeline loads one table."],
            )
        return _Found((self.catalog.connections[conn_id], tables[0]))

    def _table_hits(self, request: _Request, conn_id: str) -> dict[str, tuple[Table, list[int]]]:
        """Tables the request names -> the indices of the words naming them (exact names win)."""
        tables = self.catalog.tables_of(conn_id)
        usable = [
            (i, t)
            for i, t in enumerate(request.tokens)
            if t not in request.claimed and t not in request.values and t not in STOP_WORDS
        ]
        exact: dict[str, tuple[Table, list[int]]] = {}
        for i, token in usable:
            for table in tables:
                names = {
                    table.name.lower(),
                    table.qualified_name.lower(),
                    self.catalog.display_name(conn_id, table),
                }
                if token in names:
                    exact.setdefault(table.qualified_name, (table, []))[1].append(i)
        if exact:
            return exact
        meanings = {i: self.vocabulary.meanings(t) for i, t in usable}
        everything = set().union(*meanings.values()) if meanings else set()
        hits: dict[str, tuple[Table, list[int]]] = {}
        for table in tables:
            parts = set(name_parts(table.name))
            if parts <= everything:
                hits[table.qualified_name] = (table, [i for i, m in meanings.items() if m & parts])
        used = {i for _, indices in hits.values() for i in indices}
        # Table comments act as a glossary the catalog owner writes ("Результаты лабораторных анализов").
        for table in tables:
            comment = set(name_parts_of_text(table.comment)) - STOP_STEMS
            indices = [i for i, m in meanings.items() if i not in used and m & comment]
            if indices and table.qualified_name not in hits:
                hits[table.qualified_name] = (table, indices)
        return hits

    def _match_tables(self, request: _Request, conn_id: str) -> list[Table]:
        """The table(s) the request is about: the head noun when one table word modifies another."""
        hits = self._table_hits(request, conn_id)
        # A table named only by words that also name another table is not a separate candidate.
        hits = {
            name: (table, indices)
            for name, (table, indices) in hits.items()
            if not any(other != name and set(indices) < set(o) for other, (_, o) in hits.items())
        }
        hits = self._outside_mask_clause(request, hits)
        found = sorted(((indices[0], table) for table, indices in hits.values()), key=lambda pair: pair[0])
        if len(found) > 1:
            head = self._head_of_chain(request, found)
            if head:
                return [head]
        order = {t.qualified_name: i for i, t in enumerate(self.catalog.tables_of(conn_id))}
        return sorted((table for _, table in found), key=lambda t: order[t.qualified_name])

    def _outside_mask_clause(
        self, request: _Request, hits: dict[str, tuple[Table, list[int]]]
    ) -> dict[str, tuple[Table, list[int]]]:
        """ "грузить заказы, замаскировать email клиентов": a table named only inside the masking clause
        qualifies what to mask; the one table named outside it is the source."""
        match = MASK.search(request.lower)
        if match is None or len(hits) < 2:
            return hits
        start = max(request.lower.rfind(p, 0, match.start()) for p in ",;.") + 1
        ends = [i for i in (request.lower.find(p, match.end()) for p in ",;.") if i >= 0]
        first, last = request.token_at(start), request.token_at(min(ends, default=len(request.lower)))
        outside = {name: hit for name, hit in hits.items() if any(not first <= i < last for i in hit[1])}
        return outside if len(outside) == 1 else hits

    def _head_of_chain(self, request: _Request, found: list[tuple[int, Table]]) -> Table | None:
        """The one table all other table words hang off ("записи пациентов к врачам" -> appointments)."""
        pairs = list(zip(found, found[1:], strict=False))
        heads = [self._head_table(request, [a, b]) for a, b in pairs]
        if all(h is a[1] for h, (a, _) in zip(heads, pairs, strict=True)):
            head: Table | None = found[0][1]  # "записи пациентов к врачам": the first noun
        elif all(h is b[1] for h, (_, b) in zip(heads, pairs, strict=True)):
            head = found[-1][1]  # "patient visits": the last noun
        else:
            head = None
        others = [table for _, table in found if table is not head]
        if head is None or not all(_related(head, other) for other in others):
            return None
        return head

    def _head_table(self, request: _Request, found: list[tuple[int, Table]]) -> Table | None:
        """In "заказы клиентов" / "orders of customers" the first; in "customer orders" the last."""
        (first_index, first), (second_index, second) = sorted(found, key=lambda pair: pair[0])
        between = request.tokens[first_index + 1 : second_index]
        gap = request.text[request.spans[first_index][1] : request.spans[second_index][0]]
        if re.search(r"[,;/+&]", gap) or len(between) > 1:
            return None
        cyrillic = bool(re.search(r"[а-я]", request.tokens[first_index]))
        if not between:
            return first if cyrillic else second
        if between[0] in MODIFIER_LINKS:
            return first
        if between[0] in POSSESSIVE:
            return second
        # "результаты анализов пациентов": a chain of genitives still hangs off the first noun.
        linking = FROM_WORDS | TO_WORDS | {"и", "или", "а", "либо", "and", "or", "then", "затем"}
        return first if cyrillic and between[0] not in linking else None

    def _ask_table(self, request: _Request, candidates: list[ConnectionInfo], unreadable: list[str]) -> str:
        if unreadable:
            reasons = "; ".join(f"{c}: {self.catalog.errors[c]}" for c in unreadable)
            return f"I could not read the tables of {', '.join(unreadable)} ({reasons}). Which table?"
        listed = [f"{c.conn_id}: {', '.join(self._table_names(c.conn_id))}" for c in candidates]
        unknown = self._unknown_table_name(request)
        lead = f"There is no table {unknown!r}." if unknown else "Which table should be loaded?"
        return f"{lead} Tables I can see — {'; '.join(listed)}."

    def _table_names(self, conn_id: str) -> list[str]:
        return [self.catalog.display_name(conn_id, t) for t in self.catalog.tables_of(conn_id)]

    def _unknown_table_name(self, request: _Request) -> str | None:
        match = re.search(
            r"\b(?:table|таблиц\w*|from|из)\s+[\"'«]?([a-z_][a-z0-9_.]*)", request.lower, re.IGNORECASE
        )
        if match and not any(match.group(1) in ws for ws in ENGINE_WORDS.values()):
            if match.group(1) not in request.claimed:
                return match.group(1)
        snake = [t for t in request.tokens if "_" in t and t not in request.claimed]
        return snake[0] if snake else None

    def _schedule(self, request: _Request) -> ScheduleMatch | None:
        """The schedule; its words ("except weekends", "кроме выходных") are not a row filter's negation."""
        text = self._without_filters(request)
        schedule = parse_schedule(text)
        if schedule and schedule.phrase and schedule.phrase in text:
            start = text.index(schedule.phrase)
            request.handled.append((start, start + len(schedule.phrase)))
        return schedule

    def _without_filters(self, request: _Request) -> str:
        """The request with "quantity between 1 and 5" blanked out: a range on a column is a filter, and
        the schedule parser would read it as an hour window."""
        text = request.text
        for match in BETWEEN.finditer(request.lower):
            if self._names_a_column_anywhere(match.group(1), set(self.vocabulary.meanings(match.group(1)))):
                text = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
        return text

    def _ask_schedule(self, request: _Request) -> str:
        zone = ambiguous_timezone(request.text)
        if zone:
            examples = " / ".join(zone[1])
            if request.language == "ru":
                return f"Какой часовой пояс означает {zone[0]}? Укажите его имя, например {examples}."
            return f"Which time zone is {zone[0]}? Name it, e.g. {examples}."
        if request.language == "ru":
            return "Как часто запускать? Например: «ежедневно в 2 часа ночи», «каждый час» или «вручную»."
        return "How often should it run? For example: 'daily at 2 AM', 'every hour' or 'manually'."

    # --- target table name ---------------------------------------------------------------------

    def _explicit_target_name(self, request: _Request) -> str | None:
        """The target table the request names ("as product_catalog", "в таблицу dim_customers")."""
        for token in request.tokens:  # "clickhouse_default.sales_copy": a connection, then its table
            conn_id, _, name = token.partition(".")
            if name and conn_id in {c.conn_id.lower() for c in self.catalog.connections.values()}:
                return name
        for match in TARGET_TABLE.finditer(request.text):
            name = match.group(1).lower()
            if any(name in ws for ws in ENGINE_WORDS.values()) or name in NOT_A_NAME:
                continue
            if any(name == c.conn_id.lower() for c in self.catalog.connections.values()):
                continue
            if self._is_source_table_name(name) or not self._names_target(request, match):
                continue
            return name
        return None

    def _names_target(self, request: _Request, match: re.Match[str]) -> bool:
        """A bare "table X" names the target only after a to-word ("into ClickHouse table X")."""
        if not re.match(r"(table|таблиц)", match.group(0), re.IGNORECASE):
            return True
        before = words(request.text[: match.start()])[-3:]
        after = words(request.text[match.end() :])[:3]
        engine_after = any(stem(w) in ws or w in ws for w in after[1:] for ws in ENGINE_WORDS.values())
        if any(w in TO_WORDS for w in before):
            return True
        # "нужна таблица dim_products в ClickHouse", but not "load table foobar to clickhouse".
        verb_before = bool(before) and bool(PIPELINE_VERBS.fullmatch(before[-1]))
        return not verb_before and bool(after[:1] and after[0] in TO_WORDS and engine_after)

    def _is_source_table_name(self, name: str) -> bool:
        return any(
            name in (t.name.lower(), t.qualified_name.lower())
            for conn in self._readable("postgres")
            for t in self.catalog.tables_of(conn.conn_id)
        )

    def _claim_target_name(self, request: _Request) -> None:
        name = self._explicit_target_name(request)
        if name:
            request.claimed.add(name)
        # "события типа purchase": the word after a column word is its value, not a table ("purchase").
        for i, token in enumerate(request.tokens[:-1]):
            if self.vocabulary.meanings(token) & VALUE_COLUMN_WORDS and request.raw[i + 1].isascii():
                request.values.add(request.tokens[i + 1])

    # --- columns -------------------------------------------------------------------------------

    def _column_mentions(
        self, table: Table, tokens: list[str], generic_ok: frozenset[str] = frozenset()
    ) -> list[tuple[int, str]]:
        """(word index, column) for each column the words name: directly, by glossary or comment."""
        found: dict[str, int] = {}
        for i, token in enumerate(tokens):
            column = table.column(token)
            if column:
                found.setdefault(column.name, i)
        for i in range(len(tokens)):
            for width in (2, 1):
                window = [t for t in tokens[i : i + width] if t not in STOP_WORDS]
                meanings = set().union(*(self.vocabulary.meanings(t) for t in window)) if window else set()
                for column in table.columns:
                    if meanings and self._names_column(column, meanings, table, generic_ok):
                        found.setdefault(column.name, i)
        return sorted(((i, name) for name, i in found.items()), key=lambda pair: pair[0])

    def _names_column(
        self, column: Column, meanings: set[str], table: Table, generic_ok: frozenset[str]
    ) -> bool:
        parts = set(name_parts(column.name))
        if parts <= meanings:
            return True
        comment = set(name_parts_of_text(column.comment)) - GENERIC_PARTS
        if comment and comment <= meanings:
            return True
        # One distinctive part is enough when no other column has it ("паспорт" -> passport_number).
        distinctive = (parts - GENERIC_PARTS) | (parts & generic_ok) | (comment - GENERIC_PARTS)
        shared = [
            c
            for c in table.columns
            if (set(name_parts(c.name)) | set(name_parts_of_text(c.comment))) & (meanings & distinctive)
        ]
        return bool(meanings & distinctive) and len(shared) == 1

    def _columns_in(self, table: Table, text: str) -> list[str]:
        return [name for _, name in self._column_mentions(table, words(text))]

    # --- lists of columns ----------------------------------------------------------------------

    def _column_run(
        self, table: Table, request: _Request, start: int, stop: int | None = None, fk_words: bool = False
    ) -> tuple[list[str], int]:
        """Columns named one after another from word `start` ("the email and phone columns", "номера карт
        и телефоны") and the index of the first word that is not part of the list. A word naming another
        table stands for its `<table>_id` column only with `fk_words` ("upsert by product")."""
        tokens, end = request.tokens, len(request.tokens) if stop is None else stop
        columns: list[str] = []
        i = start
        while i < end:
            token = tokens[i]
            if token in LIST_JOINERS or COLUMN_NOUN.match(token):
                i += 1
                continue
            found = self._word_column(table, tokens[i:end], fk_words)
            if self._qualifies_table(table, token, found):
                i += 1  # "customer emails" of customers, "skip events with": the table's own word
                continue
            if found is None:
                break
            name, width = found
            if name not in columns:
                columns.append(name)
            i += width
        return columns, i

    def _word_column(self, table: Table, tokens: list[str], fk_words: bool) -> tuple[str, int] | None:
        """The column the first word (or the first two words, "номер карты") names, and how many words."""
        exact = table.column(tokens[0])
        if not exact and tokens[0] in STOP_WORDS:
            return None
        if not exact and len(tokens) > 1 and tokens[1] not in STOP_WORDS and not COLUMN_NOUN.match(tokens[1]):
            pair = self._pair_column(table, tokens[0], tokens[1])
            if pair:
                return pair, 2
        single = exact.name if exact else self._single_word_column(table, tokens[0], fk_words)
        if single is None:
            # "номера телефонов": a generic word, then the column word
            if len(tokens) > 1 and self._is_column_noun_part(table, tokens[0]):
                after = self._single_word_column(table, tokens[1], fk_words)
                return (after, 2) if after else None
            return None
        if len(tokens) > 1 and self._is_column_noun_part(table, tokens[1]):
            return single, 2  # "phone numbers", "email address"
        return single, 1

    def _single_word_column(self, table: Table, token: str, fk_words: bool) -> str | None:
        meanings = set(self.vocabulary.meanings(token))
        named = [c.name for c in table.columns if self._names_column(c, meanings, table, frozenset())]
        if len(named) != 1 or (not fk_words and self._names_other_table(token, table)):
            return None
        return named[0]

    def _is_column_noun_part(self, table: Table, token: str) -> bool:
        """A generic word ("номер", "number", "address") that names no column of this table by itself."""
        meanings = self.vocabulary.meanings(token)
        return (
            bool(meanings & COLUMN_NOUN_PARTS)
            and not table.column(token)
            and not any(self._names_column(c, set(meanings), table, frozenset()) for c in table.columns)
        )

    def _pair_column(self, table: Table, first: str, second: str) -> str | None:
        """One column both words are part of ("card number", "дата рождения")."""
        meanings = [set(self.vocabulary.meanings(w)) for w in (first, second)]
        named = [
            c.name
            for c in table.columns
            if self._names_column(c, meanings[0] | meanings[1], table, frozenset())
            and all(m & self._column_words(c) for m in meanings)
        ]
        return named[0] if len(named) == 1 else None

    def _column_words(self, column: Column) -> set[str]:
        return set(name_parts(column.name)) | set(name_parts_of_text(column.comment))

    def _qualifies_table(self, table: Table, token: str, found: tuple[str, int] | None) -> bool:
        """The word names the table itself and no whole column ("events" is not event_type, while
        "складу" is warehouse of inventory)."""
        if not self._names_table(token, table) or (found is not None and found[1] == 2):
            return False
        meanings = self.vocabulary.meanings(token)
        return not any(set(name_parts(c.name)) <= meanings for c in table.columns)

    def _names_table(self, token: str, table: Table) -> bool:
        """The word names this very table ("customer emails" of customers): a qualifier, not a column."""
        return not table.column(token) and set(name_parts(table.name)) <= self.vocabulary.meanings(token)

    def _names_other_table(self, token: str, table: Table) -> bool:
        return any(
            other.qualified_name != table.qualified_name and self._names_table(token, other)
            for conn in self._readable("postgres")
            for other in self.catalog.tables_of(conn.conn_id)
        )

    def _ends_list(self, request: _Request, index: int, commas: bool = True) -> bool:
        """A list of columns ends here: the end, punctuation, or a word that starts the next clause."""
        if index >= len(request.tokens):
            return True
        gap = request.text[request.spans[index - 1][1] : request.spans[index][0]] if index else ""
        if re.search(r"[;.:!?()\-—–]" if not commas else r"[,;.:!?()\-—–]", gap):
            return True
        token = request.tokens[index]
        return (
            token in CLAUSE_WORDS
            or self._is_engine_word(token)
            or bool(PIPELINE_VERBS.fullmatch(token) or MASK.fullmatch(token))
        )

    def _foreign_column_words(self, table: Table, tokens: list[str]) -> list[str]:
        """Words that name a column of another table (or personal data) but no column of this one:
        "mask customer emails" on orders names customers.email, which orders does not have."""
        mentioned = [table.column(name) for _, name in self._column_mentions(table, tokens)]
        explained = set().union(*(self._column_words(c) for c in mentioned if c)) if mentioned else set()
        foreign = []
        for token in tokens:
            meanings = set(self.vocabulary.meanings(token))
            if token in STOP_WORDS or token in LIST_JOINERS or table.column(token) or meanings & explained:
                continue
            if self._names_table(token, table) or self._names_other_table(token, table):
                continue
            if self._names_a_column_anywhere(token, meanings):
                foreign.append(token)
        return foreign

    def _names_a_column_anywhere(self, token: str, meanings: set[str]) -> bool:
        if any(len(parts) == 1 and parts <= meanings for parts in PII_COLUMN_PARTS):
            return True
        for conn in self._readable("postgres"):
            for other in self.catalog.tables_of(conn.conn_id):
                if other.column(token) or any(
                    self._names_column(c, meanings, other, frozenset()) for c in other.columns
                ):
                    return True
        return False

    def _excluded_by(
        self, request: _Request, table: Table, match: re.Match[str]
    ) -> tuple[list[str], tuple[int, int]]:
        """Columns of `table` one exclusion word leaves out, and the span of the words saying so: the list
        after it ("without email and phone") or, Russian word order, the clause before a verb ("колонку
        email убрать")."""
        if any(m.end("prep") == match.end() for m in ROWS_WITHOUT.finditer(request.lower)):
            return [], match.span()  # "skip payments without amount" filters rows
        start = request.token_at(match.end())
        pii = self._personal_data_at(request, start)
        if pii and self._pii_columns(table):
            return self._pii_columns(table), (match.start(), pii.end())
        columns, end = self._column_run(table, request, start)
        if columns and self._ends_list(request, end):
            return columns, (match.start(), request.spans[end - 1][1])
        if EXCLUDE_PREPOSITIONS.match(match.group(1)):
            return [], match.span()
        clause_start = max(request.lower.rfind(p, 0, match.start()) for p in ",;.:!?(—") + 1
        first, verb = request.token_at(clause_start), request.token_at(match.start())
        pii = self._personal_data_at(request, first)
        rest = request.lower[pii.end() : match.start()] if pii else ""
        if pii and re.fullmatch(r"\s*(?:данн\w*|data|info\w*)?\s*", rest) and self._pii_columns(table):
            return self._pii_columns(table), (clause_start, match.end())  # "персональные данные убрать"
        columns, end = self._column_run(table, request, first, stop=verb)
        if columns and end == verb:
            return columns, (clause_start, match.end())
        return [], match.span()

    def _personal_data_at(self, request: _Request, index: int) -> re.Match[str] | None:
        """ "without (all) personal data", "без ПДн": the personal-data columns as one group."""
        while index < len(request.tokens) and request.tokens[index] in LIST_JOINERS | QUANTIFIERS:
            index += 1
        if index >= len(request.tokens):
            return None
        return PII_WORDS.match(request.lower, request.spans[index][0])

    def _excluded_columns(self, request: _Request, table: Table) -> _Found:
        """Columns the request leaves out of the load, or a question when it names one the table lacks."""
        excluded: list[str] = []
        for match in EXCLUDE.finditer(request.lower):
            columns, span = self._excluded_by(request, table, match)
            if columns:
                excluded += [c for c in columns if c not in excluded]
                request.handled.append(span)
                continue
            start = request.token_at(match.end())
            following = [t for t in request.tokens[start : start + 3] if t not in LIST_JOINERS]
            foreign = self._foreign_column_words(table, following[:2])
            if foreign:
                return _Found(None, [f"{table.qualified_name} has no column {foreign[0]!r} to leave out; "
                                     f"columns: {', '.join(table.column_names)}."])  # fmt: skip
        return _Found(excluded)

    # --- options -------------------------------------------------------------------------------

    def _mode(self, request: _Request) -> str:
        if REPLACE.search(request.lower):
            return "replace"
        return "upsert" if UPSERT.search(request.lower) else "append"

    def _listed_columns(self, table: Table, names: str) -> tuple[list[str], list[str]]:
        """Known columns of a `a, b and c` list, and the unknown snake_case names in it."""
        parts = [n for n in re.split(r"\s*(?:,|\band\b|\bи\b|&)\s*", names.lower()) if n]
        known = [table.column(n).name for n in parts if table.column(n)]  # type: ignore[union-attr]
        unknown = [n for n in parts if not table.column(n) and "_" in n]
        return list(dict.fromkeys(known)), unknown

    def _keys(self, request: _Request, table: Table) -> _Found:
        listed = self._key_list(request, table)
        if listed:
            return _Found(listed)
        for match in BY_LIST.finditer(request.lower):
            before = request.lower[max(0, match.start() - 30) : match.start()]
            if (
                INCREMENTAL.search(before)
                or DEDUPE.search(before)
                or re.search(r"инкремент|incremental", before)
            ):
                continue
            known, _ = self._listed_columns(table, match.group(1))
            if known:
                return _Found(known)
        if table.primary_key:
            return _Found(list(table.primary_key))
        name = table.qualified_name
        return _Found(None, [f"Which key columns identify a row of {name} for the upsert?"])

    def _window_keys(self, request: _Request, table: Table) -> _Found:
        """Keys for a rolling window: the ones named after an upsert cue, else the primary key."""
        listed = self._key_list(request, table)
        if listed or table.primary_key:
            return _Found(listed or list(table.primary_key))
        return _Found(None, [f"Each run reloads the whole time window, so rows would be loaded twice: which "
                             f"key columns identify a row of {table.qualified_name}?"])  # fmt: skip

    def _left_out_but_needed(
        self, table: Table, columns: list[str] | None, keys: list[str] | None, incremental: str | None
    ) -> list[str]:
        """A column left out of the load cannot be an upsert key or the incremental watermark."""
        if not columns:
            return []
        needed = [*(keys or []), *([incremental] if incremental else [])]
        missing = [c for c in needed if c not in columns]
        if not missing:
            return []
        return [f"{', '.join(missing)} of {table.qualified_name} would be left out, but the load needs "
                "it (key or new-rows column); should it be loaded after all?"]  # fmt: skip

    def _key_list(self, request: _Request, table: Table) -> list[str]:
        """Keys after an upsert cue, by column name or business word: "upsert by product and warehouse"
        -> product_id, warehouse (a word naming another table stands for its `_id` column here)."""
        for match in KEY_CUE.finditer(request.lower):
            columns, end = self._column_run(table, request, request.token_at(match.end()), fk_words=True)
            if columns and self._ends_list(request, end):
                return columns
        return []

    def _claim_key_words(self, request: _Request) -> None:
        """Words of a key list ("upsert по товару и складу") name columns, not the table to load."""
        for match in KEY_CUE.finditer(request.lower):
            index = request.token_at(match.end())
            while index < len(request.tokens) and not self._ends_list(request, index, commas=False):
                request.values.add(request.tokens[index])
                joined = index + 1 < len(request.tokens) and (
                    request.tokens[index + 1] in {"and", "и", "&"}
                    or "," in request.text[request.spans[index][1] : request.spans[index + 1][0]]
                )
                index += 2 if joined and request.tokens[index + 1] in {"and", "и", "&"} else 1
                if not joined:
                    break

    def _incremental(self, request: _Request, table: Table) -> _Found:
        text = STATUS_IS.sub(" ", request.lower)  # "со статусом new" is a filter, not "new rows"
        spans = [(place.position, place.end) for place in self._places(request, table)]  # nor "from New York"
        places = set(self._place_columns(table))
        for i, column in self._column_values(request, table):  # or "for city New York"
            if column.name in places:
                start = request.spans[i + 1][0]
                spans.append((start, start + len(self._place_phrase(request, table, i))))
        for start, end in spans:
            text = text[:start] + " " * (end - start) + text[end:]
        cue = INCREMENTAL.search(text) or NEW_NOUN.search(text)
        if not cue:
            return _Found(None)
        for match in BY_LIST.finditer(request.lower):
            known, _ = self._listed_columns(table, match.group(1))
            near = match.start() >= cue.start() or _is_temporal(table, known[0]) if known else False
            if len(known) == 1 and near and _is_temporal(table, known[0]):
                return _Found(known[0])
        if CHANGED.search(request.lower):
            for name in UPDATE_COLUMNS:
                if table.column(name):
                    return _Found(name)
        column = self._event_time_column(table)
        if column:
            return _Found(column)
        listed = ", ".join(self._event_columns(table)) or "none found"
        question = f"Which column marks new rows of {table.qualified_name} (candidates: {listed})?"
        return _Found(None, [question])

    def _event_time_column(self, table: Table) -> str | None:
        """When a row happened: created_at, else the one other `*_at` column (sold_at, paid_at), else the
        update time of a table that has nothing else; None when several could be meant."""
        if table.column("created_at"):
            return "created_at"
        events = self._event_columns(table)
        if len(events) == 1:
            return events[0]
        updates = [n for n in UPDATE_COLUMNS if table.column(n)]
        return updates[0] if not events and updates else None

    def _event_columns(self, table: Table) -> list[str]:
        return [c.name for c in table.columns if c.name.endswith("_at") and c.name not in UPDATE_COLUMNS]

    def _column_subset(self, request: _Request, table: Table) -> _Found:
        """The columns to load: a listed subset, or every column but the ones the request leaves out."""
        excluded = self._excluded_columns(request, table)
        if excluded.questions or not excluded.value:
            return excluded if excluded.questions else self._listed_subset(request, table)
        kept = self._listed_subset(request, table).value or table.column_names
        rest = [c for c in kept if c not in excluded.value]
        if not rest:
            left_out = ", ".join(excluded.value)
            question = (
                f"Leaving out {left_out} leaves no column of {table.qualified_name} to load; which then?"
            )
            return _Found(None, [question])
        return _Found(rest)

    def _listed_subset(self, request: _Request, table: Table) -> _Found:
        postfix = COLUMN_LIST_AFTER.search(request.text)
        if postfix:
            known, unknown = self._listed_columns(table, postfix.group(1))
            if known and not unknown:
                return _Found(known)
        for match in COLUMN_LIST.finditer(request.text):
            if request.is_handled(match.start()):
                continue  # "без колонок phone и snils" lists what to leave out
            known, unknown = self._listed_columns(table, match.group(1))
            explicit = re.match(r"(keep|only|только|колонк|столбц|column|field|пол)", match.group(0), re.I)
            if unknown and explicit:
                return _Found(None, [f"{table.qualified_name} has no column {unknown[0]!r}; "
                                     f"columns: {', '.join(table.column_names)}."])  # fmt: skip
            if len(known) == 1 and self._value_follows(request, table, match.end()):
                continue  # "only region north" is a filter, not the one column region
            if known and (len(known) > 1 or re.match(r"(keep|only|только)", match.group(0), re.I)):
                return _Found(known)
        return _Found(None)

    def _value_follows(self, request: _Request, table: Table, offset: int) -> bool:
        index = request.token_at(offset)
        if index >= len(request.tokens) or self._ends_list(request, index):
            return False
        return self._is_value(request, table, request.raw[index])

    def _mask(self, request: _Request, table: Table) -> _Found:
        """Columns to mask, or a question when the request names something the table does not have
        ("mask customer emails" on orders must not mask customer_id)."""
        columns, part = self._masked_columns(request, table)
        foreign = self._foreign_column_words(table, words(part)) if columns else []
        source = table.qualified_name
        if MASK.search(request.lower) and (foreign or not columns):
            lead = f"{source} has no column {foreign[0]!r}. " if foreign else ""
            return _Found(None, [f"{lead}Which columns of {source} should be masked? "
                                 f"Columns: {', '.join(table.column_names)}."])  # fmt: skip
        return _Found(columns)

    def _masked_columns(self, request: _Request, table: Table) -> tuple[list[str], str]:
        """The columns a mask phrase names, and the words that named them."""
        match = MASK.search(request.lower)
        if not match:
            return [], ""
        start = max(request.lower.rfind(p, 0, match.start()) for p in ",;.") + 1
        ends = [i for i in (request.lower.find(p, match.end()) for p in ";.") if i >= 0]
        after = re.split(
            r"\b(every|each|daily|hourly|ежедневно|каждый|каждые|каждую|ежечасно)\b",
            request.lower[match.end() : min(ends, default=len(request.lower))],
        )[0]
        segments = after.split(",")
        head = request.lower[start : match.start()]
        for part in (segments[0], head):
            columns = self._columns_in(table, part)
            if columns:
                # "mask emails, phones and snils": later segments count when they only list columns.
                for segment in segments[1:] if part is segments[0] else []:
                    more = self._only_columns(table, segment)
                    if not more:
                        break
                    columns += [c for c in more if c not in columns]
                return columns, part
            if PII_WORDS.search(part):
                return self._pii_columns(table), ""
        return [], ""

    def _only_columns(self, table: Table, text: str) -> list[str]:
        """The columns `text` names when it names nothing but columns (and conjunctions)."""
        tokens = [t for t in words(text) if t not in STOP_WORDS and t not in {"or", "или", "also", "также"}]
        mentions = self._column_mentions(table, tokens)
        covered = {i for i, _ in mentions} | {i + 1 for i, _ in mentions}
        if not mentions or any(i not in covered for i in range(len(tokens))):
            return []
        return [name for _, name in mentions]

    def _pii_columns(self, table: Table) -> list[str]:
        return [
            c.name
            for c in table.columns
            if any(parts <= set(name_parts(c.name)) for parts in PII_COLUMN_PARTS)
        ]

    def _dedupe(self, request: _Request, table: Table) -> list[str] | None:
        match = DEDUPE.search(request.lower)
        if not match:
            return None
        for by in BY_LIST.finditer(request.lower, match.end()):
            known, _ = self._listed_columns(table, by.group(1))
            if known:
                return known
        return table.column_names

    # --- filters -------------------------------------------------------------------------------

    def _where(self, request: _Request, table: Table, incremental: bool, window: _Found) -> _Found:
        scopes = self._negated_scopes(request)
        found = self._conditions(request, table, incremental)
        if window.value:
            found.append(window.value)
        conditions, questions = self._apply_negations(request, table, sorted(found), scopes)
        questions += request.unsure + self._foreign_filters(request, table)
        questions += self._place_questions(request, table, conditions)
        questions += self._lowercase_place_questions(request, table)
        questions += self._unplaced_only_value(request, table, conditions)
        if questions:
            return _Found(None, questions)
        where = " AND ".join(conditions) or None
        hint = FILTER_HINTS.search(request.lower)
        if hint and not where:
            question = (
                f"I could not turn {hint.group(0)!r} into a filter on {table.qualified_name}. "
                "Which condition should the rows meet (for example 'total > 1000')?"
            )
            return _Found(None, [question])
        unhandled = [
            m
            for m in NEGATION.finditer(request.lower)
            if not request.is_handled(m.start()) and not DEDUPE.match(request.lower, m.start())
        ]
        if where and unhandled:
            return _Found(None, [f"Which rows of {table.qualified_name} should be loaded? I read the filter "
                                 f"'{where}', but the request also says what is not wanted."])  # fmt: skip
        return _Found(where)

    def _conditions(self, request: _Request, table: Table, incremental: bool) -> list[tuple[int, str]]:
        """(position, condition) of every row condition the request states, one per column."""
        found: dict[str, tuple[int, str]] = {}
        rules = (
            self._null_conditions, self._between_conditions, self._explicit_conditions,
            self._compared_conditions, self._comparative_conditions, self._status_conditions,
            self._value_conditions, self._place_conditions,
        )  # fmt: skip
        for rule in rules:
            for position, column, condition in rule(request, table, incremental):
                found.setdefault(column, (position, condition))
        return list(found.values())

    # --- negated row filters ("skip rows where amount is null") ----------------------------------

    def _negated_scopes(self, request: _Request) -> list[tuple[int, int]]:
        """Character spans whose conditions describe rows NOT to load: from "skip rows where" to the
        end of that clause."""
        scopes = []
        for match in NEGATED_ROWS.finditer(request.lower):
            if DEDUPE.match(request.lower, match.start()):
                continue  # "without duplicates with ..." is deduplication
            end = CLAUSE_END.search(request.lower, match.end())
            scopes.append((match.start(), end.start() if end else len(request.lower)))
        return scopes

    def _apply_negations(
        self, request: _Request, table: Table, found: list[tuple[int, str]], scopes: list[tuple[int, int]]
    ) -> tuple[list[str], list[str]]:
        """The conditions with those inside a negated scope turned around; questions when a negated
        scope holds several conditions (NOT (a AND b) is not what an AND of negations means)."""
        conditions = [condition for _, condition in found]
        for start, end in scopes:
            inside = [i for i, (position, _) in enumerate(found) if start <= position < end]
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

    def _negated(self, table: Table, condition: str) -> str | None:
        """The condition that keeps exactly the rows `condition` would skip (NULLs are kept: a row whose
        value is unknown is not one the request asked to skip)."""
        empty = re.fullmatch(r"\((\w+) IS NULL OR \1 = ''\)|(\w+) IS NOT NULL AND \2 <> ''", condition)
        if empty:  # the text forms of _null_check turn into each other
            return _null_check(table, empty.group(1) or empty.group(2), not empty.group(1), False)
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
        if operator == "=":
            return f"{name} IS DISTINCT FROM {value}" if nullable else f"{name} <> {value}"
        kept = (
            f"{name} NOT BETWEEN {value}" if operator == "BETWEEN" else f"{name} {FLIPPED[operator]} {value}"
        )
        return f"({kept} OR {name} IS NULL)" if nullable else kept

    # --- null checks ---------------------------------------------------------------------------

    def _null_conditions(self, request: _Request, table: Table, _: bool) -> Iterable[tuple[int, str, str]]:
        for match in NULL_AFTER.finditer(request.lower):
            is_null = _says_null(match)
            null_only = bool(match.group("op")) or match.group("word") == "null"
            index = request.token_at(match.start())
            found = self._column_before(request, table, index)
            if found is None and match.group("ru"):
                # "где не указан телефон": Russian puts the predicate first
                after = request.token_at(match.end())
                column = self._word_column(table, request.tokens[after : after + 2], fk_words=True)
                found = (column[0], after) if column else None
            if found:
                name, at = found
                yield self._position(request, at), name, _null_check(table, name, is_null, null_only)
        for match in ROWS_WITHOUT.finditer(request.lower):
            after = request.token_at(match.end())
            while after < len(request.tokens) and request.tokens[after] in LIST_JOINERS:
                after += 1  # "without an amount"
            column = self._word_column(table, request.tokens[after : after + 2], fk_words=True)
            if column:
                yield self._position(request, after), column[0], _null_check(table, column[0], True, False)
        for match in NULL_BEFORE.finditer(request.lower):
            after = request.token_at(match.end())
            column = self._word_column(table, request.tokens[after : after + 2], fk_words=True)
            if column:
                word = match.group("word")
                is_null = not re.match(r"(non|непуст|не\s|заполн)", word, re.IGNORECASE)
                null_only = bool(re.fullmatch(r"(?:non[\s-]?)?null", word, re.IGNORECASE))
                condition = _null_check(table, column[0], is_null, null_only)
                yield self._position(request, after), column[0], condition

    def _column_before(self, request: _Request, table: Table, index: int) -> tuple[str, int] | None:
        """The column named by the word(s) right before word `index` ("the phone number is empty")."""
        tokens = request.tokens
        end = index
        while end > 0 and (tokens[end - 1] in LIST_JOINERS or COLUMN_NOUN.match(tokens[end - 1])):
            end -= 1
        for start in (end - 2, end - 1):
            if start < 0:
                continue
            found = self._word_column(table, tokens[start:end], fk_words=True)
            if found and start + found[1] == end and not self._qualifies_table(table, tokens[start], found):
                return found[0], start  # "визиты за ..." names the table, not its visit_date
        return None

    # --- rolling windows ("за последние 7 дней", "yesterday") ----------------------------------

    def _rolling_window(self, request: _Request, table: Table) -> _Found:
        """(position, condition) of the one time window the request names, or a question."""
        windows: list[tuple[int, str]] = []
        for match in LAST_N.finditer(request.lower):
            template = _last_n_template(match)
            if template is None:
                return _Found(None, [self._ask_window(request, table, match.group(0))])
            windows.append((match.start(), template))
        for match in DAY_WINDOW.finditer(request.lower):
            template = self._day_window(request.lower[: match.start()], bool(match.group("yesterday")))
            if template == "":
                continue  # "starting today" is when the pipeline starts
            if template is None:
                return _Found(None, [self._ask_window(request, table, match.group(0))])
            windows.append((match.start(), template))
        if not windows:
            hint = WINDOW_HINTS.search(request.lower)
            return _Found(None, [self._ask_window(request, table, hint.group(0))] if hint else [])
        if len({template for _, template in windows}) > 1:
            return _Found(None, [self._ask_window(request, table, "")])
        position, template = windows[0]
        column = self._window_column(request, table, request.token_at(position))
        if column is None:
            candidates = ", ".join(self._event_columns(table)) or "none found"
            return _Found(None, [f"Which time column of {table.qualified_name} should the window use "
                                 f"(candidates: {candidates})?"])  # fmt: skip
        return _Found((position, template.format(c=column)))

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

    def _window_column(self, request: _Request, table: Table, index: int) -> str | None:
        """The time column a window is on: one named right before it ("created in the last 7 days",
        "updated since yesterday"), else the table's event time (the column new rows are found by)."""
        while index > 0 and request.tokens[index - 1] in WINDOW_PREPOSITIONS:
            index -= 1
        before = self._column_before(request, table, index)
        if before and _is_temporal(table, before[0]) and before[0].endswith(("_at", "_date", "date")):
            return before[0]
        return self._event_time_column(table)

    def _ask_window(self, request: _Request, table: Table, phrase: str) -> str:
        named = f"I could not turn {phrase.strip()!r} into a time window. " if phrase else ""
        return (
            f"{named}Which rows of {table.qualified_name} should each run load, for example "
            "'за последние 7 дней', 'last 24 hours', 'yesterday'?"
        )

    def _explicit_conditions(
        self, request: _Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        for match in EXPLICIT_COMPARISON.finditer(request.text):
            column = table.column(match.group(1))
            operator = "=" if match.group(2).strip() in ("is", "equals") else match.group(2)
            if column is None or match.group(3).lower() in NOT_VALUES:
                continue
            literal = match.group(3)
            if literal[0] in "'\"":
                literal = literal[1:-1].replace("''", "'")
            elif re.fullmatch(r"-?\d+(?:[.,]\d+)?", literal):
                yield (
                    match.start(),
                    column.name,
                    f"{column.name} {match.group(2)} {literal.replace(',', '.')}",
                )
                continue
            if table.column(literal) or literal.lower() in NOT_A_NAME:
                continue
            yield match.start(), column.name, f"{column.name} {operator} {_quote(literal)}"

    def _between_conditions(self, request: _Request, table: Table, _: bool) -> Iterable[tuple[int, str, str]]:
        for match in BETWEEN.finditer(request.lower):
            columns = self._columns_in(table, match.group(1)) or self._measure_of(
                request, table, match.group(1)
            )
            if len(columns) == 1 and not _is_text(table.column(columns[0])):
                low, high = (match.group(i).replace(",", ".") for i in (2, 3))
                yield match.start(), columns[0], f"{columns[0]} BETWEEN {low} AND {high}"

    def _compared_conditions(
        self, request: _Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        for match in COMPARISON.finditer(request.lower):
            columns = self._columns_in(table, match.group(1)) or self._measure_of(
                request, table, match.group(1)
            )
            if len(columns) == 1 and not _is_text(table.column(columns[0])):
                value = match.group(3).replace(",", ".")
                yield match.start(), columns[0], f"{columns[0]} {OPERATORS[match.group(2)]} {value}"

    def _measure_of(self, request: _Request, table: Table, word: str) -> list[str]:
        """ "orders over 500": the table's own noun compared to a number means its one money column."""
        if not set(name_parts(table.name)) <= self.vocabulary.meanings(word):
            return []
        money = [c.name for c in table.columns if set(name_parts(c.name)) & MONEY_PARTS and not _is_text(c)]
        return money if len(money) == 1 else []

    def _comparative_conditions(
        self, request: _Request, table: Table, _: bool
    ) -> Iterable[tuple[int, str, str]]:
        for pattern, operator, concepts in COMPARATIVES:
            for match in pattern.finditer(request.lower):
                for concept in concepts:
                    columns = [c.name for c in table.columns if stem(concept) in name_parts(c.name)]
                    if len(columns) == 1:
                        yield (
                            match.start(),
                            columns[0],
                            f"{columns[0]} {operator} {match.group(1).replace(',', '.')}",
                        )
                        break

    def _status_conditions(
        self, request: _Request, table: Table, incremental: bool
    ) -> Iterable[tuple[int, str, str]]:
        if not table.column("status"):
            return
        for i, token in enumerate(request.tokens):
            value, negated = _status_word(token)
            if value is None or token in request.claimed:
                continue
            if value in STATUS_BEFORE_NOUN and not self._row_noun_at(request, table, i + 1):
                continue  # "run it as a test" is no status
            negator = self._negator_before(request, i)
            after = self._negator_after(request, table, i + 1)
            if negator is not None or after:  # "без отменённых", "except cancelled ones", "тестовые убрать"
                request.handled.append(request.spans[negator] if negator is not None else after)
                negated = not negated
            condition = f"status = '{value}'"
            yield (
                self._position(request, i),
                "status",
                self._negated(table, condition) if negated else condition,
            )
            return

    def _row_noun_at(self, request: _Request, table: Table, index: int) -> bool:
        """Word `index` says rows: "rows", "записи" or the table's own noun ("test orders")."""
        if index >= len(request.tokens):
            return False
        token = request.tokens[index]
        return bool(re.fullmatch(ROW_NOUNS, token)) or self._names_table(token, table)

    def _negator_after(self, request: _Request, table: Table, index: int) -> tuple[int, int] | None:
        """Span of a negating verb after word `index` and the row nouns there: "тестовые строки убрать",
        "отменённые заказы не грузить" (not past a comma: "оплаченные заказы, пропускать строки, где ...")."""
        while index < len(request.tokens) and self._row_noun_at(request, table, index):
            index += 1
        if index >= len(request.tokens) or self._starts_clause(request, index):
            return None
        match = NEGATING_VERB.match(request.lower, request.spans[index][0])
        return match.span() if match else None

    def _negator_before(self, request: _Request, index: int, table: Table | None = None) -> int | None:
        """Index of a negating word right before word `index` ("except the cancelled ones"); with a table,
        its own noun may come between ("кроме клиентов из Москвы", "without customers from Berlin")."""
        for back in (1, 2, 3) if table else (1, 2):
            before = index - back
            if before < 0:
                return None
            token = request.tokens[before]
            if token in NEGATORS:
                return before
            noun = table is not None and self._row_noun_at(request, table, before)
            if token not in {"the", "all", "все", "those", "any", "тех", "for"} and not noun:
                return None
        return None

    def _value_conditions(self, request: _Request, table: Table, _: bool) -> Iterable[tuple[int, str, str]]:
        for i, column in self._column_values(request, table):
            value: str | None = request.raw[i + 1]
            if column.name in self._place_columns(table):
                value = self._place_value(request, table, i, column.name)
                if value is None:
                    continue  # asked about
            if self._more_values(request, table, i, column.name, str(value)):
                continue  # asked about
            condition: str | None = f"{column.name} = {_quote(value)}"
            negator = self._negator_before(request, i)
            if negator is not None:
                request.handled.append(request.spans[negator])
                condition = self._negated(table, str(condition))
            if condition:
                yield self._position(request, i), column.name, condition

    def _column_values(self, request: _Request, table: Table) -> Iterable[tuple[int, Column]]:
        """(index, column) of each column word followed by a value of it: "for region north", ", region
        north only"; in Russian also a bare genitive before a Latin value ("типа purchase"); after a negator
        these are rows NOT to load ("без категории food")."""
        if table.qualified_name not in request.value_columns:
            request.value_columns[table.qualified_name] = list(self._find_column_values(request, table))
        return request.value_columns[table.qualified_name]

    def _find_column_values(self, request: _Request, table: Table) -> Iterable[tuple[int, Column]]:
        tokens = request.tokens
        for i in range(len(tokens) - 1):
            linked = i > 0 and self._links_value(request, i)
            bare = request.language == "ru" and request.raw[i + 1].isascii()
            if not (linked or bare):
                continue
            mentions = self._column_mentions(table, [tokens[i]], generic_ok=frozenset(FILTER_GENERIC_OK))
            if len(mentions) != 1:
                continue
            column = table.column(mentions[0][1])
            if (
                column
                and self._filterable(table, column)
                and self._is_value(request, table, request.raw[i + 1])
            ):
                yield i, column

    def _more_values(self, request: _Request, table: Table, index: int, column: str, value: str) -> bool:
        """ "for region north and south", "из города Москва и Казань": a list of values after a column word
        is asked about (one value per filter), not cut to its first value. A word after "and" that is a
        column, a table or no value starts another condition ("with status paid and total over 100")."""
        start = request.spans[index + 1][0]
        phrase = self._place_phrase(request, table, index) if value[:1].isupper() else request.raw[index + 1]
        more = re.match(
            r"\s*(?:,|\b(?:and|or|и|или)\b)\s*([A-Za-zА-Яа-яЁё][\w-]*)", request.text[start + len(phrase) :]
        )
        if more is None:
            return False
        word = more.group(1).lower().replace("ё", "е")
        meanings = set(self.vocabulary.meanings(word))
        if (
            word in STOP_WORDS | CLAUSE_WORDS
            or not self._is_value(request, table, more.group(1))
            or self._column_mentions(table, [word], generic_ok=frozenset(FILTER_GENERIC_OK))
            or self._names_a_column_anywhere(word, meanings)
            or self._names_system(word)
            or self._names_table(word, table)
            or self._names_other_table(word, table)
            or NEGATING_VERB.match(word)
            or DESTRUCTIVE.fullmatch(word)
        ):
            return False
        request.unsure.append(
            f"A filter on {table.qualified_name}.{column} takes one value; which {column} do you mean by "
            f"{request.text[start : start + len(phrase) + more.end()]!r}?"
        )
        return True

    def _place_phrase(self, request: _Request, table: Table, index: int) -> str:
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

    def _place_value(self, request: _Request, table: Table, index: int, column: str) -> str | None:
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

    def _links_value(self, request: _Request, index: int) -> bool:
        """Word `index` may be a column word followed by its value: after a link word ("for", "со"), a
        negator ("без"), "only", or at the start of a clause (", region north only")."""
        before = request.tokens[index - 1]
        return before in VALUE_LINKS | NEGATORS | {"only", "только"} or self._starts_clause(request, index)

    # --- places ("клиенты из Москвы", "customers from Berlin") ----------------------------------

    def _places(self, request: _Request, table: Table) -> list[_Place]:
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
            russian = match.group("prep").lower() in ("из", "в", "во")
            phrase = request.text[match.start() : match.start("name") + len(name)]
            prep = request.token_at(match.start())
            more = MORE_PLACES.match(request.text, match.start("name") + len(name))
            places.append(
                _Place(
                    match.start(),
                    match.start("name") + len(name),
                    phrase,
                    # "из г. Москва" or "из г. Москвы": after "г." either form is written; not guessed
                    (None if match.group("town") else place_nominative(name, match.group("prep")))
                    if russian
                    else name,
                    self._negator_before(request, prep, table),
                    bool(more) and not self._not_a_place(request, table, more.group("name"), False),
                )
            )
        request.places = places
        return places

    def _not_a_place(self, request: _Request, table: Table, word: str, named_on: bool) -> bool:
        """A word of a capitalised name that is no place; a common word ("New") counts when the name goes on
        ("New York")."""
        lower = word.lower().replace("ё", "е")
        return (
            (lower in STOP_WORDS | NOT_A_NAME | SOURCE_PLACES and not named_on)
            or lower in request.claimed
            or stem(lower) in SOFTWARE_STEMS | NOT_PLACE_STEMS
            or self._names_system(lower)
            or bool(MONTHS.match(lower) or DAY_WINDOW.fullmatch(lower) or _status_word(lower)[0])
            or parse_schedule(word) is not None  # "from Monday"
            or self._names_a_column_anywhere(lower, set(self.vocabulary.meanings(lower)))
            or self._names_table(lower, table)
            or self._names_other_table(lower, table)
        )

    def _names_system(self, token: str) -> bool:
        """A word of an engine, a connection's id or description ("Analytics warehouse"), or a system noun."""
        return token in SYSTEM_NOUNS or token in self._connection_words or self._is_engine_word(token)

    def _describes_connection(self, token: str) -> bool:
        """A word of some connection's description in any language ("магазина" for "Shop database")."""
        meanings = self.vocabulary.meanings(token)
        return any(meanings & self._description_stems(c) for c in self.catalog.connections.values())

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

    def _place_conditions(self, request: _Request, table: Table, _: bool) -> Iterable[tuple[int, str, str]]:
        columns = self._place_columns(table)
        for place in self._places(request, table):
            if len(columns) != 1 or place.name is None or place.several:
                continue  # asked in _place_questions
            if place.negator is not None:
                request.handled.append(request.spans[place.negator])
            yield place.position, columns[0], self._place_condition(table, place, columns[0])

    def _place_condition(self, table: Table, place: _Place, column: str) -> str:
        condition = f"{column} = {_quote(str(place.name))}"
        return str(self._negated(table, condition)) if place.negator is not None else condition

    def _place_questions(self, request: _Request, table: Table, conditions: list[str]) -> list[str]:
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
            if len(columns) > 1:
                return [f"Which column of {name} should equal {value!r}: {', '.join(columns)}?"]
            if place.several:
                return [f"I can filter {name} by one {column}; which one do you mean by {place.phrase!r} and "
                        "the places after it?"]  # fmt: skip
            if place.name is None:
                return [f"Which {column} of {name} do you mean by {place.phrase!r}? Write the name as it is "
                        f"stored, for example \"{column} = 'Санкт-Петербург'\"."]  # fmt: skip
            if self._place_condition(table, place, column) not in conditions:
                return [f"The request names {place.phrase!r} and another condition on {name}.{column}; "
                        "which should the rows meet?"]  # fmt: skip
        return []

    def _lowercase_place_questions(self, request: _Request, table: Table) -> list[str]:
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
                or self.vocabulary.meanings(token) - {stem(token)}  # a glossary word: "из клиники"
                or any(
                    token == t.schema.lower()
                    for c in self._readable("postgres")
                    for t in self.catalog.tables_of(c.conn_id)
                )
                or self._is_source_table_name(token)
                or self._names_table(token, table)
                or self._names_other_table(token, table)
                or self._names_a_column_anywhere(token, set(self.vocabulary.meanings(token)))
                or bool(MONTHS.match(token) or DAY_WINDOW.fullmatch(token) or _status_word(token)[0])
                or parse_schedule(token) is not None
                or PIPELINE_VERBS.fullmatch(token)
            )
            if known:
                continue
            phrase, column = f"{request.raw[i - 1]} {raw}", columns[0]
            return [f"What is {raw!r} in {phrase!r}? If it is a {column} of {table.qualified_name}, write it "
                    f"as stored (for example \"{column} = 'Москва'\"); if it is a connection or a table, "
                    "name it as the catalog does."]  # fmt: skip
        return []

    def _foreign_filters(self, request: _Request, table: Table) -> list[str]:
        """ "customers for region north": a value filter on a column this table does not have is asked
        about, not dropped silently."""
        tokens = request.tokens
        for i in range(1, len(tokens) - 1):
            if not self._links_value(request, i) or tokens[i] in request.claimed:
                continue
            meanings = self.vocabulary.meanings(tokens[i])
            if not meanings & VALUE_COLUMN_WORDS or self._names_table(tokens[i], table):
                continue
            if self._column_mentions(table, [tokens[i]], generic_ok=frozenset(FILTER_GENERIC_OK)):
                continue
            if self._is_value(request, table, request.raw[i + 1]):
                phrase, columns = f"{tokens[i]} {request.raw[i + 1]}", ", ".join(table.column_names)
                return [f"{table.qualified_name} has no column {tokens[i]!r} to filter on ({phrase}); "
                        f"columns: {columns}."]  # fmt: skip
        return []

    def _unplaced_only_value(self, request: _Request, table: Table, conditions: list[str]) -> list[str]:
        """ "лиды ежедневно, только web": a lone value after "only" that no rule placed in a column is
        asked about; loading every row would ignore it."""
        schedule = parse_schedule(request.text)
        schedule_words = words(schedule.phrase) if schedule else []
        for i, token in enumerate(request.tokens[:-1]):
            if token not in ("only", "только") or not self._ends_list(request, i + 2):
                continue
            word, raw = request.tokens[i + 1], request.raw[i + 1]
            known = (
                word in schedule_words
                or DAY_WINDOW.fullmatch(word)
                or table.column(word)
                or _status_word(word)[0]
                or NEW_NOUN.fullmatch(word)
                or INCREMENTAL.fullmatch(word)
                or self._names_table(word, table)
                or self._names_other_table(word, table)
                or any(_quote(raw) in c or _quote(word) in c for c in conditions)
            )
            if known or not self._is_value(request, table, raw):
                continue
            text_columns = sorted(
                (c.name for c in table.columns if self._filterable(table, c)),
                key=lambda name: not set(name_parts(name)) & VALUE_COLUMN_WORDS,  # category before sku
            )
            example = f" (for example {text_columns[0]} = {_quote(raw)})" if text_columns else ""
            return [f"Which column of {table.qualified_name} should equal {raw!r}{example}?"]
        return []

    def _starts_clause(self, request: _Request, index: int) -> bool:
        """Word `index` follows punctuation: ", region north only" states a condition of its own."""
        gap = request.text[request.spans[index - 1][1] : request.spans[index][0]] if index else ""
        return bool(re.search(r"[,;:(—–]", gap))

    def _filterable(self, table: Table, column: Column) -> bool:
        personal = any(parts <= set(name_parts(column.name)) for parts in PII_COLUMN_PARTS)
        return _is_text(column) and not personal and column.name != "id" and not column.name.endswith("_id")

    def _is_value(self, request: _Request, table: Table, value: str) -> bool:
        lower = value.lower()
        if lower in STATUS_VALUES:
            return True
        if not VALUE_TOKEN.match(value) or lower in NOT_A_NAME or lower in OPERATORS or table.column(lower):
            return False
        if lower in request.claimed or PIPELINE_VERBS.fullmatch(lower) or MASK.fullmatch(lower):
            return False
        if NULL_WORDS.match(lower) or NULL_AFTER.fullmatch(lower):
            return False  # "где город пустой" is a null check
        if parse_schedule(f"every day {value}") is None and parse_schedule(value) is not None:
            return False
        return lower not in VALUE_NOISE and not re.search(r"(ть|ться|ти)$", lower)

    def _position(self, request: _Request, index: int) -> int:
        """Character offset of the index-th word (for ordering conditions as written)."""
        return request.spans[index][0] if index < len(request.spans) else len(request.text)

    # --- assembling the spec -------------------------------------------------------------------

    def _assemble(
        self,
        request: _Request,
        kind: str,
        source: ConnectionInfo,
        table: Table,
        target: ConnectionInfo,
        cron: str | None,
        timezone: str | None,
    ) -> Outcome:
        source_name = self.catalog.display_name(source.conn_id, table)
        target_table = self._explicit_target_name(request) or table.name
        mode = self._mode(request)
        incremental = (
            self._incremental(request, table) if mode != "replace" and kind == "sql" else _Found(None)
        )
        window = self._rolling_window(request, table) if kind == "sql" else _Found(None)
        if window.value and mode == "append" and incremental.value is None:
            mode = "upsert"  # each run reloads the window, which overlaps the last run's rows
            keys = self._window_keys(request, table)
        else:
            keys = self._keys(request, table) if mode == "upsert" else _Found([])
        if (
            kind == "sql"
            and mode == "append"
            and not incremental.value
            and not APPEND_WORDS.search(request.text)
        ):
            mode = "replace"  # a whole-table copy appended on every run would double its rows each time
        columns = self._column_subset(request, table)
        where = (
            self._where(request, table, incremental.value is not None, window)
            if kind == "sql"
            else _Found(None)
        )
        questions = keys.questions + incremental.questions + window.questions + columns.questions
        questions += where.questions if not window.questions else []
        questions += self._left_out_but_needed(table, columns.value, keys.value, incremental.value)
        if questions:
            return Outcome.clarify(*questions)
        transforms: list[dict[str, Any]] = []
        mask = self._mask(request, table)
        masked = mask.value or []
        if mask.questions:
            return Outcome.clarify(*mask.questions)
        if columns.value and any(c not in columns.value for c in masked):
            both = ", ".join(c for c in masked if c not in columns.value)
            return Outcome.clarify(
                f"{both} is both masked and left out of the load; load it masked, or leave it out?"
            )
        if masked:
            transforms.append({"type": "mask", "columns": masked, "method": "hash"})
        dedupe = self._dedupe(request, table)
        if dedupe:
            transforms.append({"type": "dedupe", "columns": dedupe})
        spec_data = {
            **self._header(request, table.name, source, target, target_table, mode, cron, timezone),
            "source": {
                "type": kind,
                "conn_id": source.conn_id,
                "table": source_name,
                "columns": columns.value,
                "where": where.value,
                "incremental": {"column": incremental.value} if incremental.value else None,
            },
            "transforms": transforms,
            "target": self._target_spec(target, target_table, mode, keys.value),
        }
        return _validated(spec_data)

    def _header(
        self,
        request: _Request,
        name: str,
        source: ConnectionInfo | None,
        target: ConnectionInfo,
        target_table: str,
        mode: str,
        cron: str | None,
        timezone: str | None,
    ) -> dict[str, Any]:
        source_id = source.conn_id if source else "files"
        return {
            "dag_id": _dag_id(name, source_id, target.conn_id, target_table),
            "description": f"{source_id}.{name} -> {target.conn_id}.{target_table} ({mode})",
            "request": request.text,
            "owner": self.owner,
            "tags": list(dict.fromkeys(["ai-etl", source.engine if source else "files", target.engine])),
            "schedule": cron,
            "timezone": timezone or "UTC",
        }

    def _target_spec(self, target: ConnectionInfo, table: str, mode: str, keys: list[str]) -> dict[str, Any]:
        return {
            "type": "clickhouse" if target.engine == "clickhouse" else "sql",
            "conn_id": target.conn_id,
            "table": table,
            "mode": mode,
            "keys": keys,
        }

    # --- files (S3, Excel) -----------------------------------------------------------------------

    def _plan_file(self, request: _Request, kind: str) -> Outcome:
        path = self._file_path(request, kind)
        file_format = self._file_format(request, path.value) if kind == "s3" and path.value else _Found(None)
        s3_conn = (
            self._s3_connection(request) if kind == "s3" or (path.value or "").startswith("s3://") else None
        )
        target = self._target(request, None)
        # A file names its table as a source table names its own: budget.xlsx -> budget.
        target_table = self._explicit_target_name(request) or (
            _file_stem_table(path.value) if kind == "excel" and path.value else None
        )
        schedule = parse_schedule(request.text)
        if schedule is None and kind == "excel":
            # One workbook is a one-off import unless the request says when to repeat it.
            schedule = ScheduleMatch(cron=None, timezone=None, phrase="")
        questions = path.questions + file_format.questions + target.questions
        questions += s3_conn.questions if s3_conn else []
        if target_table is None:
            questions.append(
                "Which table should the file data be loaded into (for example 'в таблицу sales_raw')?"
            )
        if schedule is None:
            questions.append(self._ask_schedule(request))
        if questions or target.value is None or schedule is None or target_table is None:
            return Outcome.clarify(*questions)
        sheet = SHEET.search(request.text) if kind == "excel" else None
        mode = self._mode(request)
        if kind == "excel" and mode == "append" and not APPEND_WORDS.search(request.text):
            mode = "replace"  # a workbook is a whole: loading it again must not double its rows
        spec_data = {
            **self._header(
                request,
                target_table,
                None,
                target.value,
                target_table,
                mode,
                schedule.cron,
                schedule.timezone,
            ),  # fmt: skip
            "source": {
                "type": kind,
                "conn_id": s3_conn.value if s3_conn else None,
                "path": path.value,
                "format": file_format.value,
                "sheet": (sheet.group(1) or sheet.group(2)) if sheet else None,
            },
            "target": self._target_spec(target.value, target_table, mode, []),
        }
        if spec_data["target"]["mode"] == "upsert":
            return Outcome.clarify("Which key columns identify a row of the file for the upsert?")
        return _validated(spec_data)

    def _s3_connection(self, request: _Request) -> _Found:
        """The S3 connection named in the request or the only one; None (Airflow's aws_default
        and boto3's credential chain) when there is none; a question when several could be meant."""
        connections = self.catalog.connections_of("s3")
        named = [c for c in connections if c.conn_id.lower() in request.tokens]
        if len(named) == 1 or len(connections) == 1:
            return _Found((named or connections)[0].conn_id)
        if not connections:
            return _Found(None)
        ids = ", ".join(c.conn_id for c in connections)
        return _Found(None, [f"Which S3 connection should read the files: {ids}?"])

    def _file_path(self, request: _Request, kind: str) -> _Found:
        match = (S3_PATH if kind == "s3" else EXCEL_PATH).search(request.text)
        if match:
            return _Found(match.group(0).rstrip(".,"))
        if kind == "s3":
            return _Found(None, ["Which S3 path should be read (for example s3://bucket/prefix/)?"])
        return _Found(None, ["Which Excel file (path to the .xlsx) and sheet should be read?"])

    def _file_format(self, request: _Request, path: str) -> _Found:
        for pattern, name in FILE_FORMATS:
            if pattern.search(request.text) or pattern.search(path):
                return _Found(name)
        return _Found(None, [f"Which format are the files at {path}: CSV, Parquet or JSONL?"])


def _file_stem_table(path: str) -> str | None:
    """`/data/Budget 2024.xlsx` -> `budget_2024`; None when nothing of the name is usable."""
    stem = re.split(r"[/\\]", path)[-1].rsplit(".", 1)[0].lower()
    name = re.sub(r"[^a-z0-9_]+", "_", stem).strip("_")
    return name if name and not name[0].isdigit() else None


def _related(first: Table, second: Table) -> bool:
    """One table points at the other (a foreign key, or a `<table>_id` column): "orders of customers"."""
    for table, other in ((first, second), (second, first)):
        if any(fk.ref_table.split(".")[-1] == other.name for fk in table.foreign_keys):
            return True
        wanted = [*name_parts(other.name), stem("id")]
        if any(name_parts(c.name) == wanted for c in table.columns):
            return True
    return False


def _status_word(token: str) -> tuple[str | None, bool]:
    """The status value a word means and whether the word negates it ("неоплаченные", "unpaid")."""
    value = STATUS_WORDS.get(stem(token))
    if value:
        return value, False
    for prefix in ("не", "un", "non"):
        if token.startswith(prefix) and len(token) > len(prefix) + 3:
            value = STATUS_WORDS.get(stem(token[len(prefix) :]))
            if value:
                return value, True
    return None, False


def _says_null(match: re.Match[str]) -> bool:
    """Whether a NULL_AFTER phrase asks for missing values ("is empty", "не заполнен") or present ones."""
    if match.group("op"):
        return match.group("op") == "="
    if match.group("ru"):
        word = match.group("ru")
        fused = word.startswith("не")  # "непустой", "незаполнен"
        return word.removeprefix("не").startswith("пуст") != (bool(match.group("ru_not")) != fused)
    empty = match.group("word") in ("null", "empty", "blank", "missing")
    return empty != bool(match.group("not"))


def _last_n_template(match: re.Match[str]) -> str | None:
    """`{c} >= now() - interval '7 days'` for "last 7 days"; None when the count or unit is unclear."""
    count = match.group("n") or match.group("n_ru") or match.group("n_za")
    unit_word = match.group("unit") or match.group("unit_ru") or match.group("unit_za")
    unit = next((name for pattern, name in WINDOW_UNITS if pattern.match(unit_word)), None)
    n = number_of(count) if count else 1
    if unit is None or n is None or n <= 0:
        return None
    if match.group("en") == "last" and not count and unit in CALENDAR_UNITS:
        return None  # "last week": the calendar week or the last seven days?
    return "{c} >= now() - interval '" + f"{n} {unit}{'s' if n != 1 else ''}'"


def _null_check(table: Table, name: str, missing: bool, null_only: bool) -> str:
    """`name IS [NOT] NULL`; for a text column said to be empty, missing or filled in (any word but
    "null") an empty string is no value either: `(city IS NULL OR city = '')`, `city IS NOT NULL AND
    city <> ''`."""
    if null_only or not _is_text(table.column(name)):
        return f"{name} {'IS NULL' if missing else 'IS NOT NULL'}"
    return f"({name} IS NULL OR {name} = '')" if missing else f"{name} IS NOT NULL AND {name} <> ''"


def _is_text(column: Column | None) -> bool:
    return column is not None and any(column.type.lower().startswith(t) for t in TEXT_TYPES)


def _is_temporal(table: Table, name: str) -> bool:
    column = table.column(name)
    if column is None:
        return False
    kind = column.type.lower()
    return "time" in kind or "date" in kind or name.endswith("_at") or kind in ("bigint", "integer", "int")


def _quote(value: str) -> str:
    """A SQL string literal: single quotes doubled, nothing else allowed to break out."""
    return "'" + value.replace("'", "''") + "'"


def _validated(spec_data: dict[str, Any]) -> Outcome:
    try:
        spec = PipelineSpec.model_validate(spec_data)
    except ValidationError as exc:  # a planner bug must surface as a clear error, not a crash
        return Outcome("rejected", errors=[Problem("schema", str(exc))])
    return Outcome("ok", spec=spec)


def name_parts_of_text(text: str) -> list[str]:
    return [stem(w) for w in words(text)]


def _dag_id(table: str, source_conn: str, target_conn: str, target_table: str) -> str:
    """`sales_pg_shop_to_clickhouse_default`, plus the target table when it is renamed."""
    renamed = f"_{target_table}" if target_table.split(".")[-1] != table else ""
    raw = f"{table}_{source_conn}_to_{target_conn}{renamed}".lower()
    return re.sub(r"[^a-z0-9_]+", "_", raw).strip("_")[:200]


def plan(text: str, catalog: Catalog) -> Outcome:
    """Plan one request offline (see OfflinePlanner)."""
    return OfflinePlanner(catalog).plan(text)
