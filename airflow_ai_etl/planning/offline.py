"""Deterministic Russian/English planner: request text + catalog -> PipelineSpec or questions.

No network and no model: every decision is a rule over the request's words and the
catalog's names. When a rule cannot decide (no table, two candidate connections, no
schedule) the planner asks instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pydantic import ValidationError

from airflow_ai_etl.catalog import Catalog, ConnectionInfo, Table
from airflow_ai_etl.outcome import Outcome, Problem
from airflow_ai_etl.planning.schedule import detect_language, parse_schedule
from airflow_ai_etl.planning.vocabulary import (
    ENGINE_WORDS,
    UNSUPPORTED_ENGINES,
    Vocabulary,
    name_parts,
    stem,
    user_glossary,
    words,
)
from airflow_ai_etl.spec import PipelineSpec

# --- what makes a request unacceptable -------------------------------------------------------

CODE_PATTERNS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r";\s*(select|insert|update|delete|drop|alter|create|truncate|grant|copy)\b",
        r"--|/\*|\*/",
        r"\b(import\s+\w+|__\w+__|exec\s*\(|eval\s*\(|os\.system|subprocess|lambda\s*:)",
        r"`|\$\(|<script|\brm\s+-rf\b",
        r"\b(drop|alter|truncate)\s+(table|schema|database)\b",
        r"\b(insert\s+into|delete\s+from|update\s+\w+\s+set)\b",
    )
]
DESTRUCTIVE = re.compile(
    r"\b(drop|delete|truncate|wipe|erase|purge|destroy|remove|удал\w*|очист\w*|стер\w*|сотр\w*|уничтож\w*|снес\w*)\b",
    re.IGNORECASE,
)
# "remove duplicates", "удалить дубли" are deduplication, not destruction.
DEDUPE_AFTER_VERB = re.compile(r"^\W*(\w+\W+){0,2}(duplicat\w*|dup\w*|дубл\w*|повтор\w*)", re.IGNORECASE)
PIPELINE_VERBS = re.compile(
    r"\b(load|copy|sync|synchroni[sz]e|transfer|move|replicate|export|import|ingest|stream|pull|push|"
    r"mirror|migrate|upload|send|land|pipeline|etl|загру\w*|выгру\w*|скопир\w*|копир\w*|перенос\w*|"
    r"перенес\w*|переки\w*|перелив\w*|синхрон\w*|реплиц\w*|забира\w*|импорт\w*|экспорт\w*|отправ\w*|"
    r"перекладыва\w*|переложи\w*|залива\w*|залей\w*|лить|грузи\w*|тяну\w*|стягива\w*)\b",
    re.IGNORECASE,
)

# --- options -------------------------------------------------------------------------------

FROM_WORDS = {"from", "из", "с", "со", "out"}
TO_WORDS = {"to", "into", "в", "во", "на", "in"}
REPLACE = re.compile(
    r"\b(full(y)?[\s-]*(refresh|reload|load|replace|overwrite)|replace|overwrit\w*|reload|truncate and load|"
    r"полност\w*|целиком|перезагру\w*|перезапис\w*|замен\w*|перелива\w*\s+целиком)\b",
    re.IGNORECASE,
)
UPSERT = re.compile(
    r"\b(upsert\w*|merge|update existing|insert or update|обновля\w* по ключ\w*|по ключ\w*|мерж\w*|"
    r"обновля\w* существующ\w*|upsert)\b",
    re.IGNORECASE,
)
INCREMENTAL = re.compile(
    r"\b(incremental\w*|инкремент\w*|only new|new (rows|records|data|ones)|новы[ех]\s+(строк|запис|данн)\w*|"
    r"только новы\w*|changed|updated rows|изменени\w*|изменённ\w*|измененн\w*|дельт\w*|delta)\b",
    re.IGNORECASE,
)
NEW_NOUN = re.compile(r"\b(new|новы[ех]|свеж\w*)\b", re.IGNORECASE)
CHANGED = re.compile(r"\b(changed|updated|modified|изменени\w*|изменённ\w*|измененн\w*|обновленн\w*)\b", re.I)
BY_COLUMN = re.compile(
    r"\b(?:by|on|using|по(?:\s+пол\w*|\s+колонк\w*|\s+столбц\w*)?)\s+([a-z_][a-z0-9_]*)", re.I
)
MASK = re.compile(
    r"\b(mask\w*|hide|hiding|hidden|hash\w*|anonymi[sz]\w*|obfuscat\w*|redact\w*|pseudonymi[sz]\w*|"
    r"маскир\w*|замаскир\w*|скры\w*|скро\w*|обезлич\w*|захешир\w*|хешир\w*|анонимиз\w*)\b",
    re.IGNORECASE,
)
PII_WORDS = re.compile(r"\b(pii|personal data|персональн\w*|пдн)\b", re.IGNORECASE)
PII_COLUMN_PARTS = ({"email"}, {"phone"}, {"snil"}, {"inn"}, {"card", "number"}, {"passport"})
DEDUPE = re.compile(
    r"\b(dedup\w*|de-dup\w*|remove duplicat\w*|without duplicat\w*|distinct|без дубл\w*|удал\w* дубл\w*|"
    r"дедупл\w*|убра\w* дубл\w*|убира\w* дубл\w*)\b",
    re.IGNORECASE,
)
COLUMN_LIST = re.compile(
    r"\b(?:only(?:\s+the)?\s+columns?|columns?|fields?|только(?:\s+(?:колонк\w*|столбц\w*|пол[яеи]\w*))?|"
    r"колонк\w*|столбц\w*|пол[яе])\s*:?\s+"
    r"([a-z_][a-z0-9_]*(?:\s*(?:,|and|и|&)\s*[a-z_][a-z0-9_]*)*)",
    re.IGNORECASE,
)
TARGET_TABLE = re.compile(
    r"\b(?:as|into\s+table|to\s+table|into|table|в\s+таблиц\w*|таблиц\w*|как|под\s+именем|с\s+именем)\s+"
    r"[\"'«]?([a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)?)",
    re.IGNORECASE,
)
COMPARISON = re.compile(
    r"([a-zа-яё_][a-zа-яё0-9_]*)\s+(?:is\s+)?"
    r"(over|above|greater than|more than|bigger than|at least|under|below|less than|больше|более|свыше|"
    r"выше|от|не менее|меньше|менее|ниже|до|не более|>=|<=|>|<|=)\s+(-?\d+(?:[.,]\d+)?)",
    re.IGNORECASE,
)
OPERATORS = {
    "over": ">", "above": ">", "greater than": ">", "more than": ">", "bigger than": ">", "at least": ">=",
    "under": "<", "below": "<", "less than": "<", "больше": ">", "более": ">", "свыше": ">", "выше": ">",
    "от": ">=", "не менее": ">=", "меньше": "<", "менее": "<", "ниже": "<", "до": "<=", "не более": "<=",
    ">=": ">=", "<=": "<=", ">": ">", "<": "<", "=": "=",
}  # fmt: skip
# Status adjectives -> the value they usually mean in a `status` column.
STATUS_WORDS = {
    "paid": "paid", "оплачен": "paid", "оплаченн": "paid", "new": "new", "нов": "new",
    "cancel": "cancelled", "отмен": "cancelled", "отменен": "cancelled", "ship": "shipped",
    "отгружен": "shipped", "deliv": "delivered", "доставлен": "delivered", "complet": "completed",
    "завершен": "completed", "выполнен": "completed", "activ": "active", "активн": "active",
}  # fmt: skip
STOP_WORDS = {
    "the", "a", "an", "of", "and", "to", "from", "into", "in", "on", "at", "by", "every", "each", "data",
    "table", "tables", "all", "only", "rows", "records", "load", "copy", "daily", "hourly", "new", "и", "в",
    "во", "из", "с", "со", "по", "на", "о", "об", "данные", "данных", "таблицу", "таблицы", "таблица",
    "все", "каждый", "каждые", "каждую", "ежедневно", "день", "час", "часа", "ночи", "утра", "вечера",
}  # fmt: skip


@dataclass
class _Request:
    """A request split into words, with the spans other rules already claimed."""

    text: str
    lower: str = ""
    tokens: list[str] = field(default_factory=list)
    language: str = "en"
    claimed: set[str] = field(default_factory=set)  # words that name a target or columns

    def __post_init__(self) -> None:
        self.lower = self.text.lower().replace("ё", "е")
        self.tokens = words(self.text)
        self.language = detect_language(self.text)


class OfflinePlanner:
    """Turns one request into a spec using only rules and the catalog."""

    def __init__(self, catalog: Catalog, vocabulary: Vocabulary | None = None, owner: str = "ai-etl") -> None:
        self.catalog = catalog
        self.vocabulary = vocabulary or Vocabulary(user_glossary())
        self.owner = owner

    # The steps read top to bottom: refuse, find the source, the target, options, the schedule.
    def plan(self, text: str) -> Outcome:
        request = _Request(text.strip())
        if not request.tokens:
            return Outcome.reject(
                "policy", "The request is empty: describe what to load, from where and when."
            )
        refusal = self._refusal(request)
        if refusal:
            return refusal

        source_conn, table, questions = self._source(request)
        target_conn, target_question = self._target(request, source_conn)
        questions += [target_question] if target_question else []
        schedule = parse_schedule(request.text)
        if schedule is None:
            questions.append(self._ask_schedule(request))
        if questions or source_conn is None or table is None or target_conn is None or schedule is None:
            return Outcome.clarify(*questions)

        return self._assemble(request, source_conn, table, target_conn, schedule.cron, schedule.timezone)

    # --- refusals ------------------------------------------------------------------------------

    def _refusal(self, request: _Request) -> Outcome | None:
        for match in DESTRUCTIVE.finditer(request.lower):
            rest = request.lower[match.end() :]
            is_cdc_noun = match.group(1) in ("delete", "deletes") and re.search(
                r"updates?\s+and\s+deletes", request.lower
            )
            if not DEDUPE_AFTER_VERB.match(rest) and not is_cdc_noun:
                return Outcome.reject(
                    "policy",
                    f"Destructive intent ({match.group(1)!r}): the assistant only builds pipelines that read "
                    "a source and load a target; it never drops, deletes or truncates data.",
                )
        for pattern in CODE_PATTERNS:
            if pattern.search(request.text):
                return Outcome.reject(
                    "policy",
                    "The request carries code or SQL statements; describe the pipeline in words instead.",
                )
        named = [e for e in UNSUPPORTED_ENGINES if re.search(rf"\b{re.escape(e)}\b", request.lower)]
        if named:
            known = sorted({c.conn_type for c in self.catalog.connections.values()}) or ["none"]
            return Outcome.reject(
                "grounding",
                f"There is no {named[0]} connection the assistant can read from; connection types "
                f"available: {', '.join(known)}.",
                "source.conn_id",
            )
        if not PIPELINE_VERBS.search(request.lower) and not self._mentions_anything(request):
            return Outcome.reject(
                "policy",
                "This does not look like a data pipeline request. Example: "
                "'Load sales from PostgreSQL to ClickHouse daily at 2 AM'.",
            )
        return None

    def _mentions_anything(self, request: _Request) -> bool:
        if self._engine_mentions(request):
            return True
        return any(self._match_tables(request, conn.conn_id) for conn in self._readable("postgres"))

    # --- connections and tables ----------------------------------------------------------------

    def _readable(self, engine: str) -> list[ConnectionInfo]:
        return self.catalog.connections_of(engine)

    def _engine_mentions(self, request: _Request) -> list[tuple[str, str]]:
        """(engine, role) for each engine word; role is source/target/unknown by the preceding word."""
        mentions = []
        for i, token in enumerate(request.tokens):
            for engine, engine_words in ENGINE_WORDS.items():
                if token in engine_words or stem(token) in engine_words:
                    before = request.tokens[i - 1] if i else ""
                    role = "source" if before in FROM_WORDS else "target" if before in TO_WORDS else "unknown"
                    mentions.append((engine, role))
        return mentions

    def _named_conn(self, request: _Request, engine: str) -> ConnectionInfo | None:
        for conn in self._readable(engine):
            if conn.conn_id.lower() in request.tokens:
                return conn
        return None

    def _describes(self, request: _Request, conn: ConnectionInfo) -> bool:
        """The request uses a word of the connection's id or description ("the shop database")."""
        conn_words = {stem(w) for w in words(f"{conn.conn_id.replace('_', ' ')} {conn.description}")}
        conn_words -= {stem(w) for words_ in ENGINE_WORDS.values() for w in words_} | {"databas", "db", "баз"}
        request_words = {stem(t) for t in request.tokens if t not in STOP_WORDS}
        return bool(conn_words & request_words)

    def _source(self, request: _Request) -> tuple[ConnectionInfo | None, Table | None, list[str]]:
        mentions = self._engine_mentions(request)
        unsupported = [e for e, role in mentions if e in ("s3", "excel") and role != "target"]
        if unsupported:
            return None, None, [f"{unsupported[0].upper()} sources are not supported by this version yet."]
        named = self._named_conn(request, "postgres")
        candidates = [named] if named else self._readable("postgres")
        if not candidates:
            return (
                None,
                None,
                ["There is no PostgreSQL connection to read from. Which connection should I use?"],
            )
        unreadable = [c.conn_id for c in candidates if c.conn_id in self.catalog.errors]
        matches = {c.conn_id: self._match_tables(request, c.conn_id) for c in candidates}
        found = {conn_id: tables for conn_id, tables in matches.items() if tables}
        if len(found) > 1:
            described = [c for c in candidates if c.conn_id in found and self._describes(request, c)]
            if len(described) == 1:
                found = {described[0].conn_id: found[described[0].conn_id]}
        if not found:
            return (
                (candidates[0] if len(candidates) == 1 else None),
                None,
                [self._ask_table(request, candidates, unreadable)],
            )
        if len(found) > 1:
            names = ", ".join(sorted(found))
            return (
                None,
                None,
                [f"Several PostgreSQL connections have this table: {names}. Which one is the source?"],
            )
        conn_id, tables = next(iter(found.items()))
        if len(tables) > 1:
            listed = ", ".join(self.catalog.display_name(conn_id, t) for t in tables)
            return (
                self.catalog.connections[conn_id],
                None,
                [f"Which table should be loaded from {conn_id}: {listed}? One pipeline loads one table."],
            )
        return self.catalog.connections[conn_id], tables[0], []

    def _match_tables(self, request: _Request, conn_id: str) -> list[Table]:
        """Tables the request names, directly or through a business noun; best matches only."""
        tables = self.catalog.tables_of(conn_id)
        tokens = [t for t in request.tokens if t not in request.claimed]
        exact = [
            t for t in tables
            if {t.name.lower(), t.qualified_name.lower()} & set(tokens)
        ]  # fmt: skip
        if exact:
            return exact
        meanings: set[str] = set()
        for token in tokens:
            if token not in STOP_WORDS:
                meanings |= self.vocabulary.meanings(token)
        by_name = [t for t in tables if set(name_parts(t.name)) <= meanings]
        if by_name:
            return by_name
        # Table comments act as a glossary the catalog owner writes ("Продажи по регионам").
        return [t for t in tables if t.comment and set(name_parts_of_text(t.comment)) & meanings]

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
            return match.group(1)
        snake = [t for t in request.tokens if "_" in t and t not in request.claimed]
        return snake[0] if snake else None

    def _target(self, request: _Request, source: ConnectionInfo | None) -> tuple[ConnectionInfo | None, str]:
        mentions = self._engine_mentions(request)
        to_postgres = any(e == "postgres" and r == "target" for e, r in mentions)
        engine = "postgres" if to_postgres else "clickhouse"
        named = self._named_conn(request, engine)
        if named and (source is None or named.conn_id != source.conn_id):
            return named, ""
        candidates = [c for c in self._readable(engine) if source is None or c.conn_id != source.conn_id]
        if len(candidates) > 1:
            described = [c for c in candidates if self._describes(request, c)]
            candidates = described if len(described) == 1 else candidates
        if len(candidates) == 1:
            return candidates[0], ""
        label = "PostgreSQL" if engine == "postgres" else "ClickHouse"
        if not candidates:
            return (
                None,
                f"There is no {label} connection to load into. Which connection should be the target?",
            )
        ids = ", ".join(c.conn_id for c in candidates)
        return None, f"Which {label} connection should the data go to: {ids}?"

    def _ask_schedule(self, request: _Request) -> str:
        if request.language == "ru":
            return "Как часто запускать? Например: «ежедневно в 2 часа ночи», «каждый час» или «вручную»."
        return "How often should it run? For example: 'daily at 2 AM', 'every hour' or 'manually'."

    # --- options -------------------------------------------------------------------------------

    def _columns_named(self, request: _Request, table: Table, text: str) -> list[str]:
        """Columns of `table` that the words of `text` name, directly or through the glossary."""
        tokens = words(text)
        direct = [c.name for c in table.columns if c.name.lower() in tokens]
        if direct:
            return direct
        found = []
        for i in range(len(tokens)):
            meanings = set().union(*(self.vocabulary.meanings(t) for t in tokens[i : i + 2]))
            for column in table.columns:
                parts = set(name_parts(column.name))
                if parts <= meanings and column.name not in found:
                    found.append(column.name)
        return found

    def _mask(self, request: _Request, table: Table) -> list[str]:
        match = MASK.search(request.lower)
        if not match:
            return []
        tail = re.split(
            r"[.;]|\b(every|each|daily|ежедневно|каждый|каждые|каждую)\b", request.lower[match.end() :]
        )[0]
        columns = self._columns_named(request, table, tail)
        if not columns and PII_WORDS.search(tail):
            columns = [
                c.name
                for c in table.columns
                if any(parts <= set(name_parts(c.name)) for parts in PII_COLUMN_PARTS)
            ]
        return columns

    def _incremental(self, request: _Request, table: Table) -> str | None:
        if not INCREMENTAL.search(request.lower) and not NEW_NOUN.search(request.lower):
            return None
        for match in BY_COLUMN.finditer(request.lower):
            if table.column(match.group(1)):
                return table.column(match.group(1)).name  # type: ignore[union-attr]
        preferred = ("updated_at", "modified_at", "changed_at") if CHANGED.search(request.lower) else ()
        preferred += ("created_at", "inserted_at", "occurred_at", "sold_at", "paid_at", "updated_at")
        for name in preferred:
            if table.column(name):
                return name
        return table.primary_key[0] if len(table.primary_key) == 1 else None

    def _where(self, request: _Request, table: Table) -> str | None:
        conditions = []
        for match in COMPARISON.finditer(request.lower):
            columns = self._columns_named(request, table, match.group(1))
            if len(columns) == 1:
                value = match.group(3).replace(",", ".")
                conditions.append(f"{columns[0]} {OPERATORS[match.group(2)]} {value}")
        status = table.column("status")
        if status:
            for token in request.tokens:
                value = STATUS_WORDS.get(stem(token))
                if value and not (
                    value == "new" and INCREMENTAL.search(request.lower) or NEW_NOUN.search(token)
                ):
                    conditions.append(f"status = '{value}'")
                    break
        return " AND ".join(conditions) or None

    def _assemble(
        self,
        request: _Request,
        source: ConnectionInfo,
        table: Table,
        target: ConnectionInfo,
        cron: str | None,
        timezone: str | None,
    ) -> Outcome:
        source_name = self.catalog.display_name(source.conn_id, table)
        target_table = self._target_table(request, table)
        mode = (
            "replace"
            if REPLACE.search(request.lower)
            else "upsert"
            if UPSERT.search(request.lower)
            else "append"
        )
        keys: list[str] = []
        if mode == "upsert":
            by = [m.group(1) for m in BY_COLUMN.finditer(request.lower) if table.column(m.group(1))]
            keys = by or list(table.primary_key)
            if not keys:
                return Outcome.clarify(f"Which key columns identify a row of {source_name} for the upsert?")
        columns = self._column_subset(request, table)
        transforms: list[dict] = []
        masked = self._mask(request, table)
        if masked:
            transforms.append({"type": "mask", "columns": masked, "method": "hash"})
        dedupe = DEDUPE.search(request.lower)
        if dedupe:
            by = [
                m.group(1)
                for m in BY_COLUMN.finditer(request.lower[dedupe.end() :])
                if table.column(m.group(1))
            ]
            transforms.append({"type": "dedupe", "columns": by or table.column_names})
        incremental = None if mode == "replace" else self._incremental(request, table)
        spec_data = {
            "dag_id": _dag_id(table.name, source.conn_id, target.conn_id, target_table),
            "description": f"{source.conn_id}.{source_name} -> {target.conn_id}.{target_table} ({mode})",
            "request": request.text,
            "owner": self.owner,
            "tags": ["ai-etl", source.engine, target.engine],
            "schedule": cron,
            "timezone": timezone or "UTC",
            "source": {
                "type": "sql",
                "conn_id": source.conn_id,
                "table": source_name,
                "columns": columns,
                "where": self._where(request, table),
                "incremental": {"column": incremental} if incremental else None,
            },
            "transforms": transforms,
            "target": {
                "type": "clickhouse" if target.engine == "clickhouse" else "sql",
                "conn_id": target.conn_id,
                "table": target_table,
                "mode": mode,
                "keys": keys,
            },
        }
        try:
            spec = PipelineSpec.model_validate(spec_data)
        except ValidationError as exc:  # a planner bug must surface as a clear error, not a crash
            return Outcome("rejected", errors=[Problem("schema", str(exc))])
        return Outcome("ok", spec=spec)

    def _target_table(self, request: _Request, table: Table) -> str:
        for match in TARGET_TABLE.finditer(request.text):
            name = match.group(1).lower()
            if any(name in ws for ws in ENGINE_WORDS.values()) or name in STOP_WORDS:
                continue
            if name in (table.name.lower(), table.qualified_name.lower()):
                continue
            request.claimed.add(name)
            return name
        return table.name

    def _column_subset(self, request: _Request, table: Table) -> list[str] | None:
        match = COLUMN_LIST.search(request.text)
        if not match:
            return None
        names = [n for n in re.split(r"\s*(?:,|\band\b|\bи\b|&)\s*", match.group(1).lower()) if n]
        # "по колонке updated_at" names one column to order by, not a subset; a subset says
        # "only"/"только" or lists several columns.
        if len(names) < 2 and not re.match(r"(only|только)", match.group(0), re.IGNORECASE):
            return None
        known = [table.column(n).name for n in names if table.column(n)]  # type: ignore[union-attr]
        return known or None


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
