"""LLM planner on any OpenAI-compatible endpoint (OpenAI, DeepSeek, Qwen, vLLM, Ollama, ...).

The model only *proposes* a PipelineSpec as JSON; it never writes code that runs:

    request ─► redact PII ─► prompt (catalog: names, types, comments; never data values)
            ─► model ─► JSON envelope {status, spec, questions, reason}
            ─► validate_spec (schema, grounding, SQL safety, policy) ─► problems fed back (≤ N)
            ─► Outcome ok | needs_clarification | rejected

Around the call: a persistent response cache, retries with backoff on 429/5xx/timeouts, a
circuit breaker that falls back to the offline planner, and token/latency accounting.
`make_planner()` picks the strategy: offline, llm, or auto (offline first, the model only
when the rules cannot resolve the request).
"""

from __future__ import annotations

import json
import logging
import random
import re
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, Protocol

from airflow_ai_etl.catalog import Catalog, Table
from airflow_ai_etl.exceptions import AIETLError
from airflow_ai_etl.messages import Message, msg, said_in, say
from airflow_ai_etl.outcome import Outcome, Problem
from airflow_ai_etl.planning.cache import BreakerState, CircuitBreaker, PlannerStore, ResponseCache, cache_key
from airflow_ai_etl.planning.offline import OfflinePlanner
from airflow_ai_etl.planning.redaction import redact
from airflow_ai_etl.planning.schedule import detect_language
from airflow_ai_etl.spec import PipelineSpec, json_schema
from airflow_ai_etl.validation import validate_spec

log = logging.getLogger(__name__)

Strategy = Literal["offline", "llm", "auto"]
STRATEGIES: tuple[str, ...] = ("offline", "llm", "auto")
StructuredOutput = Literal["json_schema", "json_object", "none"]
# Bump when the prompt or envelope changes: cached answers of an older prompt are not reused.
PROMPT_VERSION = "5"
CACHE_FILE = "llm_planner.sqlite"
# Problems a person cannot fix by answering a question: a model that still proposes unsafe SQL
# or a destructive pipeline after its repair attempts, or never returns usable JSON, is refused.
_REFUSING_GATES = {"sql_safety", "policy", "planner"}
_MAX_QUESTIONS = 5


class Planner(Protocol):
    def plan(self, text: str) -> Outcome: ...


class LLMUnavailable(AIETLError, RuntimeError):
    """The endpoint could not answer (down, rate limited, timing out, misconfigured, breaker open)."""


# --- settings --------------------------------------------------------------------------------


@dataclass(frozen=True)
class LLMSettings:
    """How to reach the model and how patient to be with it.

    :param base_url: the OpenAI-compatible API root, e.g. ``https://api.deepseek.com/v1``.
    :param model: the model name the endpoint expects.
    :param api_key: the bearer token; local servers (vLLM, Ollama) accept any value.
    :param temperature: sampling temperature; 0 makes answers repeatable (and cacheable).
    :param timeout: seconds per HTTP call.
    :param max_tokens: completion budget per call.
    :param max_attempts: model answers per request, including repairs after validation problems.
    :param max_retries: extra tries of one call on 429, 5xx, timeouts and connection errors.
    :param backoff: first retry delay in seconds; doubles per retry, with jitter.
    :param max_backoff: cap of one retry delay (and of a server's Retry-After).
    :param structured_output: ``json_schema`` (strongest), ``json_object`` or ``none``; the
        planner steps down by itself when the server rejects a mode.
    :param breaker_threshold: consecutive failed requests that open the circuit breaker.
    :param breaker_cooldown: seconds the breaker stays open before one trial request.
    :param cache_ttl: seconds a cached answer stays valid.
    :param max_catalog_chars: budget of the catalog part of the prompt; the tables closest to
        the request's words go first.
    """

    base_url: str
    model: str
    api_key: str = "not-needed"
    temperature: float = 0.0
    timeout: float = 60.0
    max_tokens: int = 4096
    max_attempts: int = 3
    max_retries: int = 3
    backoff: float = 0.5
    max_backoff: float = 8.0
    structured_output: StructuredOutput = "json_schema"
    breaker_threshold: int = 3
    breaker_cooldown: float = 120.0
    cache_ttl: float = 30 * 24 * 3600.0
    max_catalog_chars: int = 60_000

    @classmethod
    def from_connection(cls, conn_id: str) -> LLMSettings:
        """Read an Airflow connection: host = base URL, password = API key, extra = the rest.

        Extra keys: ``model`` (required) and any field of this class, e.g.
        ``{"model": "qwen2.5:14b", "temperature": 0, "timeout": 120, "max_tokens": 4096}``.
        """
        from airflow.sdk import BaseHook

        conn = BaseHook.get_connection(conn_id)
        if (conn.conn_type or "") not in ("openai", "generic", "http", "https"):
            log.warning("Connection %s has type %r; expected 'openai' or 'generic'", conn_id, conn.conn_type)
        extra = dict(conn.extra_dejson or {})
        base_url = extra.pop("base_url", None) or _base_url(conn.host or "", conn.port, conn.schema or "")
        if not base_url:
            raise ValueError(f"connection {conn_id!r} has no host (the endpoint's base URL)")
        if not extra.get("model"):
            raise ValueError(f'connection {conn_id!r} needs the model name in its extra: {{"model": "..."}}')
        known = {f for f in cls.__dataclass_fields__ if f not in ("base_url", "api_key")}
        unknown = sorted(set(extra) - known)
        if unknown:
            log.warning("Connection %s: ignoring unknown extra keys %s", conn_id, unknown)
        values: dict[str, Any] = {}
        for name in known & set(extra):
            default = cls.__dataclass_fields__[name].default
            values[name] = type(default)(extra[name]) if isinstance(default, (int, float)) else extra[name]
        return cls(base_url=base_url, api_key=conn.password or "not-needed", **values)


def _base_url(host: str, port: int | None, path: str) -> str:
    if not host:
        return ""
    if re.match(r"https?://", host):
        return host.rstrip("/")
    netloc = f"{host}:{port}" if port else host
    return f"https://{netloc}" + (f"/{path.strip('/')}" if path else "")


# --- what the planner reports besides the outcome ----------------------------------------------


@dataclass
class PlanReport:
    """How one request was planned: by whom, at what cost. Logged and pushed to XCom."""

    planner: str = "offline"  # offline | llm | cache
    model: str = ""
    attempts: int = 0  # model answers (1 + repairs)
    calls: int = 0  # HTTP calls, including retries
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_ms: float = 0.0
    cache_hit: bool = False
    fallback: str = ""  # why the offline planner answered instead of the model
    redacted: dict[str, int] = field(default_factory=dict)  # PII/secrets removed, counts per kind
    structured_output: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# --- prompt ----------------------------------------------------------------------------------

_SYSTEM_PROMPT = """\
You turn a data pipeline request (Russian or English) into a PipelineSpec for Apache Airflow.
You never write code. Answer with exactly one JSON object, nothing else:
  {"status": "ok" | "needs_clarification" | "refused",
   "spec": <PipelineSpec, only when status is ok, else null>,
   "questions": [<short questions, in the language of the request, when status is needs_clarification>],
   "reason": <why, in the language of the request, when status is refused, else "">}

Rules:
- Use only connections, tables and columns listed in the catalog below, spelled exactly.
- The source is a postgres connection (source.type "sql") reading one `table`; use `query` only when a
  single read-only SELECT is really needed. Conditions (source.where, filter transforms) are one SQL
  boolean expression over the source table's columns and literals: comparisons, AND/OR/NOT, arithmetic,
  LIKE/ILIKE, IN (list of values), BETWEEN, IS [NOT] NULL, casts to basic types, intervals, now(),
  current_date, date_trunc, extract, lower, upper, coalesce, abs, length; a column whose name has
  capital letters is double-quoted ("Amount" > 10). No subqueries, ORDER BY, LIMIT, GROUP BY, other
  functions, comments or semicolons.
- target.type is "clickhouse" for a clickhouse connection and "sql" for a postgres one; target.table is
  the table name to write (usually the source table's name).
- schedule is a 5-field cron expression, a preset (@hourly, @daily, @weekly, @monthly) or null (manual);
  timezone is an IANA name (Moscow time -> "Europe/Moscow"; "UTC" when the request names none).
- dag_id: lowercase letters, digits and underscores, e.g. "<table>_<source conn>_to_<target conn>".
- mode: "append" for new rows (with source.incremental) or when the request says append/add;
  "replace" for a copy of the whole table (a scheduled whole-table "append" would double the rows on
  every run); "upsert" (with keys) to update existing rows.
  Incremental loads set source.incremental.column to a monotonically growing column (updated_at, id).
- A mart (витрина, "revenue by region per day": an aggregate, not a copy) is source.type "mart" with the
  fact table as source.table and source.mart = {measures: [{func: sum|count|count_distinct|avg|min|max,
  column}], dimensions: [columns], time_grain: {column, grain: hour|day|week|month} or absent, where,
  joins: [] (the gates find the join path)}; target.mode "replace", no transforms. «по дням»/"daily
  revenue" is the grain; «обновлять ежедневно»/"refreshed daily" is the schedule (null when none named).
  Ask when the measure column, a dimension or the join path is unclear; sum/avg only numeric columns.
  source.conn_id is the fact table's connection: postgres (pushed down) or a clickhouse one when the
  table is in ClickHouse (then target.conn_id is that same connection). A mart exported to Excel
  («выгружать витрину в Excel») has target {type: "excel", path: "<dir>/<name>.xlsx" or
  "s3://bucket/key.xlsx" (conn_id: the S3 connection), mode: "replace"}.
- Triggers other than a clock (schedule null with each): new files arriving in an S3 prefix or a local
  folder («как только появится файл», "when a file lands in") set on_new_files true on a file source;
  "after the X load finishes" / «после загрузки X» sets schedule_assets to the URIs, from "Assets loaded
  by deployed pipelines" below, of the tables named (all of them: Airflow waits for every one; "either
  ... or" cannot be said, so ask); a table no deployed pipeline loads is a question listing those assets.
  "on demand", «вручную», «по запросу» is schedule null. A trigger and a clock at once is a question, and
  so is a manual word with a clock, an upstream load or new files («после загрузки X, и вручную тоже»), and
  a cap on how often it runs («не чаще раза в день», "at most once an hour": nothing can hold one).
- Mask columns (transforms type "mask") only when the request asks to hide personal data.
- Filters: an "empty" text column is (c IS NULL OR c = ''), "null" alone is c IS NULL; "remove/skip rows
  where X" in a load request means not loading them: NOT X with NULLs kept (c IS DISTINCT FROM 'x'); a
  place ("customers from Berlin", «из Москвы») filters the table's one city-like column with the name in
  its nominative form (Москва) - ask when there is no such column or the form is unclear.
- When the request is ambiguous (several candidate tables, no schedule, unknown system), use
  needs_clarification and ask; do not guess.
- When the request asks to delete, drop, truncate or rewrite data at a source, or to run code, refuse.
- Text in square brackets such as [EMAIL], [PHONE], [CARD] marks personal data removed for privacy.
  Never copy a placeholder into the spec; if the pipeline depends on that value, ask instead.
"""

_SCHEMA_HINT = "\nThe spec must follow this JSON Schema (PipelineSpec v1):\n{schema}\n"


def envelope_schema() -> dict[str, Any]:
    """JSON Schema of the model's answer: a PipelineSpec (or null) with questions or a reason."""
    spec_schema = json_schema()
    defs = dict(spec_schema.pop("$defs", {}))
    spec_schema.pop("$schema", None)
    defs["PipelineSpec"] = spec_schema
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "status": {"type": "string", "enum": ["ok", "needs_clarification", "refused"]},
            "spec": {"anyOf": [{"$ref": "#/$defs/PipelineSpec"}, {"type": "null"}]},
            "questions": {"type": "array", "items": {"type": "string"}},
            "reason": {"type": "string"},
        },
        "required": ["status", "spec", "questions", "reason"],
        "$defs": defs,
    }


def catalog_prompt(catalog: Catalog, request: str = "", max_chars: int = 60_000) -> str:
    """The catalog as compact text: connections with descriptions; tables, keys, columns, comments and the
    values a column's schema declares.

    Only names, types, comments and declared values are read from the catalog (it holds nothing else), and
    hosts are left out: the model needs the vocabulary, not the infrastructure.
    """
    lines = ["Connections (conn_id, type: description):"]
    for conn in catalog.connections.values():
        if conn.engine == "llm":
            continue
        note = f": {conn.description}" if conn.description else ""
        lines.append(f"- {conn.conn_id}, {conn.conn_type}{note}")
    for conn_id, error in sorted(catalog.errors.items()):
        lines.append(f"- tables of {conn_id} could not be read ({error.split(':')[0]})")
    budget = max_chars - sum(len(line) + 1 for line in lines)
    request_words = set(re.findall(r"\w+", request.lower()))
    entries: list[tuple[int, str]] = []
    for conn_id, tables in catalog.tables.items():
        for order, table in enumerate(tables):
            text = _table_line(catalog, conn_id, table)
            overlap = len(request_words & set(re.findall(r"[a-zа-я0-9]+", text.lower())))
            entries.append((-overlap * 10_000 + order, text))
    included = []
    for _, text in sorted(entries, key=lambda e: e[0]):
        if budget - len(text) - 1 < 0:
            break
        budget -= len(text) + 1
        included.append(text)
    lines.append("Tables (conn_id: table [key]: column type, ...; -- comments):")
    lines += sorted(included)
    if len(included) < len(entries):
        lines.append(f"({len(entries) - len(included)} less related tables left out for size)")
    # What «после загрузки заказов» / "after the orders load" can name: the offline planner's list too
    lines.append("Assets loaded by deployed pipelines (schedule_assets URI: dag_ids):")
    lines += [f"- {uri}: {', '.join(dags)}" for uri, dags in sorted(catalog.assets.items())] or ["- none yet"]
    return "\n".join(lines)


def unknown_assets(spec: PipelineSpec | None, catalog: Catalog) -> list[Problem]:
    """A model's ``schedule_assets`` must be assets a deployed pipeline loads (``Catalog.assets``):
    an invented URI goes back to the model, listing what is loaded (the deploy gate checks it again)."""
    unknown = [uri for uri in (spec.schedule_assets if spec else []) if uri not in catalog.assets]
    if not unknown:
        return []
    loaded = ", ".join(sorted(catalog.assets)) or msg("llm.no_assets_loaded")
    problem = msg("llm.unknown_assets", uris=", ".join(unknown), loaded=loaded)
    return [Problem("grounding", problem, "schedule_assets")]


def _table_line(catalog: Catalog, conn_id: str, table: Table) -> str:
    key = f" [key {', '.join(table.primary_key)}]" if table.primary_key else ""
    columns = ", ".join(
        f"{c.name} {c.type}"
        + (" not null" if not c.nullable else "")
        + (f" -- {c.comment}" if c.comment else "")
        + (f" [values {', '.join(c.values)}]" if c.values else "")  # what a CHECK or an enum type allows
        for c in table.columns
    )
    comment = f" -- {table.comment}" if table.comment else ""
    return f"- {conn_id}: {catalog.display_name(conn_id, table)}{key}{comment}: {columns}"


def _feedback(problems: list[Problem]) -> str:
    listed = "\n".join(f"- [{p.gate}] {p.field or 'spec'}: {p.message}" for p in problems)
    return (
        "Your answer did not pass validation:\n"
        f"{listed}\n"
        "Answer again with the complete corrected JSON object (or ask, if the catalog cannot satisfy "
        "the request)."
    )


# --- parsing the model's answer ---------------------------------------------------------------


def parse_answer(content: str) -> tuple[dict[str, Any] | None, str]:
    """The JSON envelope from a model's text, or None and why it is not usable.

    Tolerates what real servers add around JSON: ``<think>`` blocks and Markdown fences.
    A bare spec (no envelope) is accepted as ``status: ok``.
    """
    text = re.sub(r"(?s)<think>.*?</think>", "", content or "").strip()
    fenced = re.search(r"(?s)```(?:json)?\s*(.*?)```", text)
    if fenced:
        text = fenced.group(1).strip()
    try:
        data = json.loads(text)
    except ValueError as first_error:
        start, end = text.find("{"), text.rfind("}")
        try:
            data = json.loads(text[start : end + 1]) if 0 <= start < end else None
        except ValueError:
            data = None
        if data is None:
            return None, f"the answer is not valid JSON ({first_error})"
    if not isinstance(data, dict):
        return None, "the answer must be one JSON object"
    if "status" not in data and "source" in data:
        data = {"status": "ok", "spec": data, "questions": [], "reason": ""}
    status = data.get("status")
    if status not in ("ok", "needs_clarification", "refused"):
        return None, 'status must be "ok", "needs_clarification" or "refused"'
    if status == "ok" and not isinstance(data.get("spec"), dict):
        return None, "status ok needs spec to be a PipelineSpec object"
    questions = data.get("questions") or []
    if not isinstance(questions, list) or not all(isinstance(q, str) for q in questions):
        return None, "questions must be a list of strings"
    if status == "needs_clarification" and not [q for q in questions if q.strip()]:
        return None, "status needs_clarification needs at least one question"
    return data, ""


# --- the planner -----------------------------------------------------------------------------


class LLMPlanner:
    """Plans one request with a model; every proposal goes through the same validation gates.

    :param catalog: what exists; the prompt's vocabulary and the grounding gate's reference.
    :param settings: endpoint, model and limits (see LLMSettings.from_connection).
    :param store: SQLite file for the response cache, breaker state and usage; none: no
        cache, and a breaker that lives only in this object.
    :param fallback: the planner that answers when the model cannot (breaker open, endpoint
        down); none: such a request is rejected with the reason.
    :param owner: the spec's owner field.
    :param client: an ``openai.OpenAI`` client to reuse; built from `settings` when None.
    """

    def __init__(
        self,
        catalog: Catalog,
        settings: LLMSettings,
        store: PlannerStore | None = None,
        fallback: Planner | None = None,
        owner: str = "ai-etl",
        client: Any = None,
    ) -> None:
        self.catalog = catalog
        self.settings = settings
        self.store = store
        self.fallback = fallback
        self.owner = owner
        self._client = client
        self._mode: StructuredOutput = settings.structured_output
        self.cache = ResponseCache(store, settings.cache_ttl) if store is not None else None
        self.breaker = (
            CircuitBreaker(
                store,
                f"{settings.base_url}|{settings.model}",
                settings.breaker_threshold,
                settings.breaker_cooldown,
            )
            if store is not None
            else _MemoryBreaker(settings.breaker_threshold, settings.breaker_cooldown)
        )
        self.last_report = PlanReport(model=settings.model)

    @classmethod
    def from_connection(
        cls,
        conn_id: str,
        catalog: Catalog,
        state_dir: str | Path | None = None,
        fallback: Planner | None = None,
        owner: str = "ai-etl",
    ) -> LLMPlanner:
        """A planner for the endpoint of Airflow connection `conn_id`; state in `state_dir`."""
        store = PlannerStore(Path(state_dir) / CACHE_FILE) if state_dir else None
        return cls(catalog, LLMSettings.from_connection(conn_id), store=store, fallback=fallback, owner=owner)

    @property
    def client(self) -> Any:
        if self._client is None:
            import openai

            # Retries are ours (they feed the breaker and the usage log), so the client's are off.
            self._client = openai.OpenAI(
                base_url=self.settings.base_url,
                api_key=self.settings.api_key or "not-needed",
                timeout=self.settings.timeout,
                max_retries=0,
            )
        return self._client

    # --- public ------------------------------------------------------------------------------

    def plan(self, text: str) -> Outcome:
        """Plan with the model; when it is unavailable, ask the fallback planner instead."""
        try:
            return self.plan_with_model(text)
        except LLMUnavailable as exc:
            reason = str(exc)
            log.warning(
                "LLM planner unavailable (%s)%s", reason, "; offline fallback" if self.fallback else ""
            )
            if self.fallback is None:
                return Outcome.reject("planner", say(detect_language(text), "llm.unavailable", reason=reason))
            outcome = self.fallback.plan(text)
            self.last_report = replace(self.last_report, planner="offline", fallback=reason)
            return outcome

    def plan_with_model(self, text: str) -> Outcome:
        """Plan with the model only; raises LLMUnavailable when it cannot be reached."""
        started = time.perf_counter()
        self.last_report = report = PlanReport(model=self.settings.model)
        key = cache_key(text, self.catalog.fingerprint(), self.settings.model, PROMPT_VERSION)
        cached = self._from_cache(key, text)
        if cached is not None:
            report.planner, report.cache_hit = "cache", True
            report.latency_ms = (time.perf_counter() - started) * 1000
            self._account(key, report, cached.status)
            return _in_language_of(text, cached)
        report.planner = "llm"
        if not self.breaker.allow():
            state = self.breaker.state()
            raise LLMUnavailable(
                f"circuit breaker open for {max(0, state.opened_until - time.time()):.0f} s "
                f"after {state.failures} failed requests (last: {state.last_error})"
            )
        try:
            outcome, answer = self._repair_loop(text, report)
        except LLMUnavailable as exc:
            state = self.breaker.record_failure(str(exc))
            if state.is_open:
                log.warning("LLM circuit breaker opened for %.0f s: %s", self.settings.breaker_cooldown, exc)
            report.latency_ms = (time.perf_counter() - started) * 1000
            self._account(key, report, "unavailable")
            raise
        if answer is not None and self.cache is not None:
            self.cache.put(key, self.settings.model, answer)
        report.latency_ms = (time.perf_counter() - started) * 1000
        self._account(key, report, outcome.status)
        return _in_language_of(text, outcome)

    # --- the loop ----------------------------------------------------------------------------

    def _repair_loop(self, text: str, report: PlanReport) -> tuple[Outcome, dict[str, Any] | None]:
        """Ask, validate, feed problems back; returns the outcome and the answer worth caching."""
        redaction = redact(text)
        report.redacted = redaction.found
        if redaction.changed:
            log.info("Redacted from the request before sending: %s", redaction.found)
        tail: list[dict[str, str]] = []
        problems: list[Problem] = []
        for attempt in range(1, max(1, self.settings.max_attempts) + 1):
            report.attempts = attempt
            content = self._complete(redaction.text, tail, report)
            answer, parse_error = parse_answer(content)
            if answer is None:
                problems = [Problem("planner", msg("llm.unusable_answer", error=parse_error))]
            elif answer["status"] == "needs_clarification":
                questions = [q.strip()[:500] for q in answer["questions"] if q.strip()][:_MAX_QUESTIONS]
                return Outcome.clarify(*questions), {"status": "needs_clarification", "questions": questions}
            elif answer["status"] == "refused":
                reason = str(answer.get("reason") or "").strip()[:1000]
                return Outcome.reject("policy", _refusal(reason)), {"status": "refused", "reason": reason}
            else:
                spec, problems = validate_spec(self._complete_spec(answer["spec"], text), self.catalog)
                problems += unknown_assets(spec, self.catalog)
                if spec is not None and not problems:
                    stored = spec.to_json_dict()
                    stored.pop("request", None)  # the cache keeps no request text
                    return Outcome("ok", spec=spec), {"status": "ok", "spec": stored}
            log.info("LLM answer %d rejected by validation: %s", attempt, [p.to_dict() for p in problems])
            # Only the last exchange is kept: the prompt stays bounded however many repairs.
            tail = [
                {"role": "assistant", "content": content},
                {"role": "user", "content": _feedback(problems)},
            ]
        return _exhausted(problems, detect_language(text)), None

    def _complete_spec(self, data: dict[str, Any], text: str) -> dict[str, Any]:
        """Fields the model must not decide: the original request text (the model saw a redacted
        one) and the owner; the assistant's tag is always present."""
        data = dict(data)
        data["request"] = text
        data.setdefault("owner", self.owner)
        tags = data.get("tags")
        if isinstance(tags, list) and "ai-etl" not in tags:
            data["tags"] = ["ai-etl", *tags]
        return data

    def _system_prompt(self, redacted_request: str) -> str:
        prompt = (
            _SYSTEM_PROMPT
            + "\nCatalog:\n"
            + catalog_prompt(self.catalog, redacted_request, self.settings.max_catalog_chars)
        )
        if self._mode != "json_schema":
            # Without server-side structured output the schema has to travel in the prompt.
            prompt += _SCHEMA_HINT.format(schema=json.dumps(envelope_schema(), ensure_ascii=False))
        return prompt

    def _from_cache(self, key: str, text: str) -> Outcome | None:
        if self.cache is None:
            return None
        answer = self.cache.get(key)
        if answer is None:
            return None
        if answer["status"] == "needs_clarification":
            return Outcome.clarify(*answer["questions"])
        if answer["status"] == "refused":
            return Outcome.reject("policy", _refusal(str(answer["reason"] or "")))
        # Re-validated on every hit: cheap, and a cache file is not a trusted input either.
        spec, problems = validate_spec({**answer["spec"], "request": text}, self.catalog)
        if spec is None or problems:
            log.warning("Ignoring a cached answer that no longer validates: %s", problems)
            return None
        return Outcome("ok", spec=spec)

    # --- one completion, with retries and structured-output fallback -------------------------

    def _complete(self, request: str, tail: list[dict[str, str]], report: PlanReport) -> str:
        """One answer of the model to the (redacted) request and the last repair exchange."""
        import openai

        settings = self.settings
        retry = 0
        while True:
            # Rebuilt per try: stepping down from json_schema puts the schema into the prompt.
            messages = [
                {"role": "system", "content": self._system_prompt(request)},
                {"role": "user", "content": request},
                *tail,
            ]
            kwargs: dict[str, Any] = {}
            if self._mode == "json_schema":
                kwargs["response_format"] = {
                    "type": "json_schema",
                    # strict=False: the PipelineSpec schema uses defaults and optional fields that
                    # OpenAI's strict subset forbids; servers still constrain or guide decoding.
                    "json_schema": {"name": "pipeline_answer", "schema": envelope_schema(), "strict": False},
                }
            elif self._mode == "json_object":
                kwargs["response_format"] = {"type": "json_object"}
            started = time.perf_counter()
            report.calls += 1
            report.structured_output = self._mode
            try:
                response = self.client.chat.completions.create(
                    model=settings.model,
                    messages=messages,
                    temperature=settings.temperature,
                    max_tokens=settings.max_tokens,
                    timeout=settings.timeout,
                    **kwargs,
                )
            except (openai.BadRequestError, openai.UnprocessableEntityError) as exc:
                if self._mode != "none" and _about_response_format(exc, self._mode):
                    previous = self._mode
                    self._mode = "json_object" if self._mode == "json_schema" else "none"
                    log.info("Endpoint rejected response_format %s (%s); using %s", previous, exc, self._mode)
                    continue
                raise LLMUnavailable(f"the endpoint refused the request: {_short(exc)}") from exc
            except (
                openai.RateLimitError,
                openai.APITimeoutError,
                openai.APIConnectionError,
                openai.InternalServerError,
            ) as exc:  # noqa: E501
                self._log_call(report, started, None, error=exc)
                if retry >= settings.max_retries:
                    raise LLMUnavailable(f"{_short(exc)} after {retry + 1} tries") from exc
                time.sleep(self._delay(retry, exc))
                retry += 1
                continue
            except openai.APIStatusError as exc:
                self._log_call(report, started, None, error=exc)
                if exc.status_code >= 500 and retry < settings.max_retries:
                    time.sleep(self._delay(retry, exc))
                    retry += 1
                    continue
                raise LLMUnavailable(_short(exc)) from exc
            except openai.OpenAIError as exc:  # e.g. a response that is not a chat completion
                raise LLMUnavailable(_short(exc)) from exc
            self.breaker.record_success()
            self._log_call(report, started, response)
            choices = getattr(response, "choices", None) or []
            if not choices:
                return ""
            return choices[0].message.content or ""

    def _delay(self, retry: int, exc: Exception) -> float:
        """Exponential backoff with jitter; a server's Retry-After wins when it is shorter than the cap."""
        headers = getattr(getattr(exc, "response", None), "headers", None) or {}
        retry_after = headers.get("retry-after")
        if retry_after is not None:
            try:
                return min(self.settings.max_backoff, max(0.0, float(retry_after)))
            except ValueError:
                pass
        delay = min(self.settings.max_backoff, self.settings.backoff * 2**retry)
        return delay * (0.5 + random.random() / 2)

    def _log_call(
        self, report: PlanReport, started: float, response: Any, error: Exception | None = None
    ) -> None:
        elapsed = (time.perf_counter() - started) * 1000
        usage = getattr(response, "usage", None)
        prompt_tokens = getattr(usage, "prompt_tokens", 0) or 0
        completion_tokens = getattr(usage, "completion_tokens", 0) or 0
        report.prompt_tokens += prompt_tokens
        report.completion_tokens += completion_tokens
        if error is not None:
            log.warning(
                "LLM call to %s failed after %.0f ms: %s", self.settings.model, elapsed, _short(error)
            )
        else:
            log.info(
                "LLM call to %s: %.0f ms, tokens prompt=%d completion=%d (mode %s)",
                self.settings.model, elapsed, prompt_tokens, completion_tokens, self._mode,
            )  # fmt: skip

    def _account(self, key: str, report: PlanReport, status: str) -> None:
        log.info(
            "LLM plan %s: %s, %s, %d answers, %d calls, tokens prompt=%d completion=%d, %.1f ms",
            key[:12], status, "cache hit" if report.cache_hit else report.planner, report.attempts,
            report.calls, report.prompt_tokens, report.completion_tokens, report.latency_ms,
        )  # fmt: skip
        if self.store is not None:
            try:
                self.store.record_usage(
                    key, self.settings.model, calls=report.calls, prompt_tokens=report.prompt_tokens,
                    completion_tokens=report.completion_tokens, latency_ms=report.latency_ms,
                    cache_hit=report.cache_hit, status=status,
                )  # fmt: skip
            except Exception as exc:  # accounting must never fail a plan
                log.warning("Could not record LLM usage: %s", exc)


def _about_response_format(exc: Exception, mode: str) -> bool:
    """Whether a 400/422 is the server saying it does not support our response_format.

    Servers word this in many ways ("response_format", "json_schema", "guided", "not supported");
    a 400 on the very first structured call is treated as that, since the other parameters we
    send (model, messages, temperature, max_tokens) are universally supported.
    """
    message = str(getattr(exc, "message", "") or exc).lower()
    return mode in ("json_schema", "json_object") and (
        any(w in message for w in ("response_format", "json_schema", "json_object", "structured", "guided"))
        or getattr(exc, "status_code", 0) in (400, 422)
    )


def _short(exc: Exception) -> str:
    status = getattr(exc, "status_code", None)
    text = str(getattr(exc, "message", "") or exc).splitlines()[0][:300] if str(exc) else type(exc).__name__
    return f"{type(exc).__name__}{f' {status}' if status else ''}: {text}"


def _exhausted(problems: list[Problem], language: str) -> Outcome:
    """After the last repair attempt: unsafe proposals are refused; the rest become questions (in
    ``language``, the request's: a gate's English finding through the catalog's fallback)."""
    if any(p.gate in _REFUSING_GATES for p in problems):
        return Outcome("rejected", errors=problems)
    questions: list[str] = [
        say(language, "llm.still_invalid", field=p.field, problem=said_in(p.message, language))
        if p.field
        else say(language, "llm.still_invalid_plain", problem=said_in(p.message, language))
        for p in problems[:_MAX_QUESTIONS]
    ]
    return Outcome("needs_clarification", questions=questions, errors=problems)


def _refusal(reason: str) -> Message:
    """The model's refusal, framed by the catalog (its reason is quoted as the model wrote it)."""
    return msg("llm.refused", reason=reason) if reason else msg("llm.refused_no_reason")


def _in_language_of(text: str, outcome: Outcome) -> Outcome:
    """``outcome`` with its questions and refusal reasons in the request's language: catalog messages in
    that language, the gates' English findings through the catalog's fallback (the model's own questions
    are shown as it wrote them, in the request's language as the prompt asks)."""
    language = detect_language(text)
    if language == "en":
        return outcome
    return replace(
        outcome,
        questions=[said_in(q, language) for q in outcome.questions],
        errors=[replace(p, message=said_in(p.message, language)) for p in outcome.errors],
    )


class _MemoryBreaker:
    """The breaker without a store: counts in this object only."""

    def __init__(self, threshold: int, cooldown: float) -> None:
        self.threshold, self.cooldown = max(1, threshold), cooldown
        self._failures, self._opened_until, self._last = 0, 0.0, ""

    def state(self) -> BreakerState:
        return BreakerState(self._failures, self._opened_until, self._last)

    def allow(self) -> bool:
        return self._opened_until <= time.time()

    def record_success(self) -> None:
        self._failures, self._opened_until = 0, 0.0

    def record_failure(self, error: str) -> BreakerState:
        self._failures, self._last = self._failures + 1, error
        if self._failures >= self.threshold:
            self._opened_until = time.time() + self.cooldown
        return self.state()


# --- strategies ------------------------------------------------------------------------------


class AutoPlanner:
    """Offline rules first; the model only when the rules cannot resolve the request.

    When the rules produced a spec that still needs clarification and the model proposes a
    different pipeline (another table, connection, target, schedule or mode), the user is
    asked to choose rather than one planner silently winning.

    :param catalog: what exists (for validating the offline spec).
    :param offline: the rule-based planner.
    :param llm: the model planner; its own fallback is not used here (the offline answer is).
    """

    def __init__(self, catalog: Catalog, offline: Planner, llm: LLMPlanner) -> None:
        self.catalog = catalog
        self.offline = offline
        self.llm = llm
        self.last_report = PlanReport()

    def plan(self, text: str) -> Outcome:
        return _in_language_of(text, self._plan(text))

    def _plan(self, text: str) -> Outcome:
        first = self.offline.plan(text)
        self.last_report = PlanReport(planner="offline")
        if first.status == "ok" and first.spec is not None:
            spec, problems = validate_spec(first.spec, self.catalog)
            if not problems:
                return first
            first = _failed(spec, problems)
        if first.status == "rejected":
            return first  # the rules' refusals (destructive intent, code in the request) are final
        try:
            second = self.llm.plan_with_model(text)
        except LLMUnavailable as exc:
            log.warning("LLM planner unavailable (%s); answering with the offline planner's questions", exc)
            self.last_report = replace(self.llm.last_report, planner="offline", fallback=str(exc))
            return first
        self.last_report = self.llm.last_report
        if second.status == "needs_clarification":
            questions = list(dict.fromkeys([*first.questions, *second.questions]))
            return replace(first, questions=questions, errors=[*first.errors, *second.errors])
        if second.status == "ok" and first.spec is not None and second.spec is not None:
            differences = spec_differences(first.spec, second.spec)
            if differences:
                return Outcome.clarify(_disagreement(text, first.spec, second.spec, differences))
        return second


def _failed(spec: PipelineSpec | None, problems: list[Problem]) -> Outcome:
    # Mirrors Assistant: grounding problems are questions, anything else a rejection.
    if all(p.gate == "grounding" for p in problems):
        return Outcome(
            "needs_clarification", spec=spec, questions=[p.message for p in problems], errors=problems
        )
    return Outcome("rejected", spec=spec, errors=problems)


_KEY_FIELDS = (
    "source.conn_id", "source.table", "source.query", "target.conn_id", "target.table", "target.mode",
    "schedule", "timezone",
)  # fmt: skip


def spec_differences(a: PipelineSpec, b: PipelineSpec) -> list[str]:
    """The key fields (what is moved where, when) on which two specs disagree."""

    def value(spec: PipelineSpec, path: str) -> Any:
        node: Any = spec
        for part in path.split("."):
            node = getattr(node, part)
        return node.lower() if isinstance(node, str) else node

    return [path for path in _KEY_FIELDS if value(a, path) != value(b, path)]


def _summary(spec: PipelineSpec) -> str:
    source = spec.source.table or "query"
    return (
        f"{spec.source.conn_id}.{source} -> {spec.target.conn_id}.{spec.target.table} "
        f"({spec.target.mode}, {spec.schedule or 'manual'} {spec.timezone})"
    )


def _disagreement(text: str, rules: PipelineSpec, model: PipelineSpec, fields: list[str]) -> str:
    return say(
        detect_language(text),
        "llm.two_ways",
        fields=", ".join(fields),
        rules=_summary(rules),
        model=_summary(model),
    )


def resolve_llm_conn_id(llm_conn_id: str | None) -> str | None:
    """The given connection id, else [ai_etl] llm_conn_id from the Airflow configuration."""
    if llm_conn_id:
        return llm_conn_id
    try:
        from airflow.configuration import conf

        return conf.get("ai_etl", "llm_conn_id", fallback=None) or None
    except Exception:  # no Airflow configuration (plain library use)
        return None


def make_planner(
    strategy: str,
    catalog: Catalog,
    llm_conn_id: str | None = None,
    state_dir: str | Path | None = None,
    owner: str = "ai-etl",
) -> Planner:
    """The planner for a strategy.

    :param strategy: ``offline`` (rules only), ``llm`` (the model; rules when it is down) or
        ``auto`` (rules first, the model when they cannot resolve; rules only when no LLM
        connection is configured).
    :param catalog: what exists.
    :param llm_conn_id: the Airflow connection of the endpoint; [ai_etl] llm_conn_id when None.
    :param state_dir: where the cache/breaker SQLite file lives; none keeps state in memory.
    :param owner: the spec's owner field.
    """
    if strategy not in STRATEGIES:
        raise ValueError(f"strategy must be one of {', '.join(STRATEGIES)}, not {strategy!r}")
    offline = OfflinePlanner(catalog, owner=owner)
    if strategy == "offline":
        return offline
    conn_id = resolve_llm_conn_id(llm_conn_id)
    if conn_id is None:
        if strategy == "llm":
            raise ValueError("strategy 'llm' needs an LLM connection (llm_conn_id or [ai_etl] llm_conn_id)")
        log.info("No LLM connection configured; strategy auto plans with the offline planner only")
        return offline
    llm = LLMPlanner.from_connection(conn_id, catalog, state_dir=state_dir, fallback=offline, owner=owner)
    return llm if strategy == "llm" else AutoPlanner(catalog, offline, llm)
