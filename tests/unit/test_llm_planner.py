"""The LLM planner against a scripted OpenAI-compatible server on loopback (tests/fake_llm.py).

No network and no mocks of the client: the real `openai` client talks HTTP to the fake, so
retries, timeouts, status codes and response_format negotiation are exercised for real.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from airflow_ai_etl.assistant import Assistant
from airflow_ai_etl.outcome import Outcome
from airflow_ai_etl.planning.cache import CircuitBreaker, PlannerStore, normalize_request
from airflow_ai_etl.planning.llm import (
    CACHE_FILE,
    AutoPlanner,
    LLMPlanner,
    LLMSettings,
    LLMUnavailable,
    catalog_prompt,
    make_planner,
    parse_answer,
)
from airflow_ai_etl.planning.offline import OfflinePlanner
from airflow_ai_etl.planning.redaction import redact
from airflow_ai_etl.render.renderer import render
from airflow_ai_etl.spec import PipelineSpec
from tests.catalogs import shop_catalog
from tests.fake_llm import PAYMENTS_SPEC, RUSSIAN_REQUEST, FakeLLM

ROOT = Path(__file__).resolve().parents[2]
RUSSIAN = RUSSIAN_REQUEST
SPEC = PAYMENTS_SPEC


def spec_with(**changes: Any) -> dict[str, Any]:
    data = json.loads(json.dumps(SPEC))
    for key, value in changes.items():
        data[key] = {**data[key], **value} if isinstance(data.get(key), dict) else value
    return data


@pytest.fixture
def fake() -> Iterator[FakeLLM]:
    with FakeLLM() as server:
        yield server


@pytest.fixture
def store(tmp_path: Path) -> PlannerStore:
    return PlannerStore(tmp_path / CACHE_FILE)


def settings_for(fake: FakeLLM, **overrides: Any) -> LLMSettings:
    # Short timeouts and backoff keep the resilience tests fast; behaviour is the same.
    values = dict(timeout=0.5, backoff=0.01, max_backoff=0.05, max_retries=2, breaker_threshold=2)
    return LLMSettings(base_url=fake.base_url, model="fake-model", **{**values, **overrides})


def planner_for(
    fake: FakeLLM, store: PlannerStore | None, fallback: bool = True, **overrides: Any
) -> LLMPlanner:
    catalog = shop_catalog()
    return LLMPlanner(
        catalog,
        settings_for(fake, **overrides),
        store=store,
        fallback=OfflinePlanner(catalog) if fallback else None,
    )


# --- the happy path and what is sent --------------------------------------------------------


def test_a_valid_answer_becomes_a_validated_spec(fake: FakeLLM, store: PlannerStore) -> None:
    fake.answer_spec(SPEC)
    planner = planner_for(fake, store)
    request = RUSSIAN + ", вопросы на ivan.petrov@mail.ru или +7 (916) 123-45-67"
    outcome = planner.plan(request)

    assert outcome.status == "ok", outcome
    assert outcome.spec is not None and outcome.spec.source.table == "payments"
    assert outcome.spec.request == request  # the original text is kept locally, not the redacted one
    report = planner.last_report
    assert (report.planner, report.attempts, report.calls) == ("llm", 1, 1)
    assert report.prompt_tokens > 0 and report.completion_tokens > 0
    assert report.redacted == {"email": 1, "phone": 1}

    sent = fake.requests[0]
    assert sent["model"] == "fake-model" and sent["temperature"] == 0.0
    assert sent["response_format"]["type"] == "json_schema"
    schema = sent["response_format"]["json_schema"]["schema"]
    assert "PipelineSpec" in schema["$defs"] and schema["required"] == [
        "status",
        "spec",
        "questions",
        "reason",
    ]
    system, user = sent["messages"][0]["content"], sent["messages"][1]["content"]
    assert user == RUSSIAN + ", вопросы на [EMAIL] или [PHONE]"
    body = json.dumps(sent, ensure_ascii=False)
    assert "ivan.petrov" not in body and "123-45-67" not in body
    # The catalog travels (names, types); hosts and data values do not.
    assert "pg_shop, postgres: Shop database" in system and "card_number text" in system
    assert "127.0.0.1" not in system and "example.com" not in system
    assert store.usage_rows()[-1]["status"] == "ok"


def test_the_catalog_prompt_puts_related_tables_first_when_it_must_cut() -> None:
    text = catalog_prompt(shop_catalog(), "оплаты payments в ClickHouse", max_chars=600)
    assert "payments" in text and "less related tables left out" in text


def test_repair_loop_feeds_validation_problems_back(fake: FakeLLM, store: PlannerStore) -> None:
    fake.answer_spec(spec_with(source={"table": "paymentz"})).answer_spec(SPEC)
    planner = planner_for(fake, store)
    outcome = planner.plan(RUSSIAN)

    assert outcome.status == "ok" and planner.last_report.attempts == 2
    repair = fake.requests[1]["messages"]
    assert [m["role"] for m in repair] == ["system", "user", "assistant", "user"]
    assert "paymentz" in repair[2]["content"]  # the model sees its own answer ...
    assert (
        "[grounding] source.table: table 'paymentz' not found in pg_shop" in repair[3]["content"]
    )  # ... and why


def test_malformed_json_is_an_attempt_that_gets_repaired(fake: FakeLLM, store: PlannerStore) -> None:
    fake.text('{"status": "ok", "spec": {"dag_id": ').text(
        "```json\n" + json.dumps({"status": "ok", "spec": SPEC}) + "\n```"
    )
    planner = planner_for(fake, store)
    outcome = planner.plan(RUSSIAN)
    assert outcome.status == "ok" and planner.last_report.attempts == 2
    assert "not valid JSON" in fake.requests[1]["messages"][3]["content"]

    fake.text("Sure! Here is your pipeline: it loads payments.", times=2)
    never_json = planner_for(fake, store, max_attempts=2).plan(RUSSIAN + ", срочно")
    assert never_json.status == "rejected" and never_json.errors[0].gate == "planner"


def test_problems_left_after_the_last_attempt_become_questions(fake: FakeLLM, store: PlannerStore) -> None:
    fake.answer_spec(spec_with(source={"table": "paymentz"}), times=3)
    outcome = planner_for(fake, store, max_attempts=3).plan(RUSSIAN)
    assert outcome.status == "needs_clarification" and outcome.spec is None
    assert outcome.questions == [  # a Russian request is asked in Russian (round 19)
        "Не удалось составить корректный план (source.table): таблица 'paymentz' не найдена в pg_shop; "
        "таблицы: customers, products, orders, sales, payments, events, users, inventory, crm.leads"
    ]
    assert len(fake.requests) == 3
    assert store.usage_rows()[-1]["status"] == "needs_clarification"


def test_the_model_may_ask_or_refuse(fake: FakeLLM, store: PlannerStore) -> None:
    fake.answer(
        {"status": "needs_clarification", "spec": None, "questions": ["Какую таблицу?"], "reason": ""}
    )
    fake.answer({"status": "refused", "spec": None, "questions": [], "reason": "it asks to drop the source"})
    planner = planner_for(fake, store)
    asked = planner.plan("оплаты в кликхаус")
    refused = planner.plan("снести таблицу оплат")
    assert (asked.status, asked.questions) == ("needs_clarification", ["Какую таблицу?"])
    assert refused.status == "rejected" and refused.errors[0].message == (
        "Языковая модель отказалась выполнить запрос: it asks to drop the source"  # the model's words, quoted
    )


def test_without_structured_output_the_schema_goes_into_the_prompt(store: PlannerStore) -> None:
    with FakeLLM(reject_json_schema=True) as fake:
        fake.answer_spec(SPEC)
        planner = planner_for(fake, store)
        assert planner.plan(RUSSIAN).status == "ok"
        first, second = fake.requests
    assert (
        first["response_format"]["type"] == "json_schema"
        and "JSON Schema" not in first["messages"][0]["content"]
    )
    assert second["response_format"] == {"type": "json_object"}
    assert "JSON Schema (PipelineSpec v1)" in second["messages"][0]["content"]
    assert planner.last_report.structured_output == "json_object"


def test_parse_answer_accepts_think_blocks_and_bare_specs() -> None:
    data, error = parse_answer("<think>hmm</think>\n" + json.dumps(SPEC))
    assert error == "" and data is not None and data["status"] == "ok" and data["spec"] == SPEC
    assert parse_answer("[1, 2]")[1] == "the answer must be one JSON object"
    assert (
        "needs at least one question" in parse_answer('{"status": "needs_clarification", "questions": []}')[1]
    )


# --- hostile answers ------------------------------------------------------------------------


DROP = "DROP TABLE payments"
CODE = "__import__('os').system('id')"


@pytest.mark.parametrize(
    ("hostile", "status", "gate", "field"),
    [
        (spec_with(source={"where": f"amount > 0; {DROP}"}), "rejected", "sql_safety", "source.where"),
        (spec_with(source={"table": None, "query": DROP}), "rejected", "sql_safety", "source.query"),
        (spec_with(source={"table": None, "query": f"SELECT * FROM payments; {DROP}"}),
         "rejected", "sql_safety", "source.query"),
        (spec_with(source={"where": f"{CODE} = 0"}), "rejected", "sql_safety", "source.where"),
        (spec_with(source={"table": CODE}), "needs_clarification", "schema", "source.table"),
        (spec_with(transforms=[{"type": "cast", "columns": {"amount": "int); import os; os.system('id'"}}]),
         "needs_clarification", "schema", "transforms.0.cast.columns"),
        (spec_with(dag_id="x'); import os; ('"), "needs_clarification", "schema", "dag_id"),
        (spec_with(source={"conn_id": "pg_prod"}), "needs_clarification", "grounding", "source.conn_id"),
        (spec_with(target={"type": "sql", "conn_id": "pg_shop", "table": "payments"}), "rejected", "policy",
         "target.table"),
    ],
)  # fmt: skip
def test_hostile_answers_are_never_accepted(
    fake: FakeLLM, store: PlannerStore, hostile: dict, status: str, gate: str, field: str
) -> None:
    fake.answer_spec(hostile, times=2)
    outcome = planner_for(fake, store, max_attempts=2).plan(RUSSIAN)
    assert outcome.status == status and outcome.spec is None
    assert any(p.gate == gate and p.field == field for p in outcome.errors), outcome.errors
    assert len(fake.requests) == 2  # it was given its chance to repair ...
    with store.connect() as conn:  # ... and a refused proposal is never cached
        assert conn.execute("SELECT count(*) FROM responses").fetchone()[0] == 0


def test_code_in_free_text_fields_stays_a_string_literal(fake: FakeLLM, store: PlannerStore) -> None:
    payload = '"""; __import__(\'os\').system(\'rm -rf /\'); x = """'
    fake.answer_spec(spec_with(description=payload))
    outcome = planner_for(fake, store).plan(RUSSIAN)
    assert outcome.status == "ok" and outcome.spec is not None
    tree = ast.parse(render(outcome.spec))
    calls = [ast.unparse(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)]
    assert not any("__import__" in c or "system" in c for c in calls), calls
    assert payload in [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)]


# --- resilience -----------------------------------------------------------------------------


def test_429s_are_retried_with_backoff(fake: FakeLLM, store: PlannerStore) -> None:
    fake.fail(429, times=2, retry_after=0).answer_spec(SPEC)
    planner = planner_for(fake, store, max_retries=2)
    assert planner.plan(RUSSIAN).status == "ok"
    assert (planner.last_report.planner, planner.last_report.calls) == ("llm", 3)


def test_timeouts_and_500s_are_retried(fake: FakeLLM, store: PlannerStore) -> None:
    fake.stall(3).fail(500).fail(503).answer_spec(SPEC)
    planner = planner_for(fake, store, timeout=0.3, max_retries=3)
    started = time.perf_counter()
    assert planner.plan(RUSSIAN).status == "ok"
    assert planner.last_report.calls == 4 and time.perf_counter() - started < 2.5


def test_a_failing_endpoint_falls_back_to_the_offline_planner(fake: FakeLLM, store: PlannerStore) -> None:
    fake.fail(500, times=3)
    planner = planner_for(fake, store, max_retries=2)
    outcome = planner.plan("Load sales from PostgreSQL to ClickHouse daily at 2 AM")
    assert outcome.status == "ok" and outcome.spec is not None  # answered by the rules
    assert planner.last_report.planner == "offline"
    assert (
        "InternalServerError 500" in planner.last_report.fallback
        and "after 3 tries" in planner.last_report.fallback
    )
    with pytest.raises(LLMUnavailable):
        planner_for(fake, store, fallback=False, breaker_threshold=5).plan_with_model(RUSSIAN)


def test_breaker_opens_after_repeated_failures_and_is_shared_across_processes(
    fake: FakeLLM, store: PlannerStore
) -> None:
    fake.fail(500, times=4)  # two requests x (1 try + 1 retry)
    planner = planner_for(fake, store, max_retries=1, breaker_threshold=2, breaker_cooldown=60)
    english = "Load sales from PostgreSQL to ClickHouse daily at 2 AM"
    planner.plan(english)
    assert planner.breaker.allow()  # one failed request: still closed
    planner.plan(english)
    assert not planner.breaker.allow() and len(fake.requests) == 4

    # Open: no HTTP call at all, the offline planner answers at once.
    fake.answer_spec(SPEC)
    started = time.perf_counter()
    outcome = planner.plan(english)
    assert outcome.status == "ok" and len(fake.requests) == 4
    assert "circuit breaker open" in planner.last_report.fallback
    assert time.perf_counter() - started < 0.5

    # Another process with the same state file sees the open breaker.
    code = (
        "import sys; from airflow_ai_etl.planning.cache import CircuitBreaker, PlannerStore; "
        "print(CircuitBreaker(PlannerStore(sys.argv[1]), sys.argv[2]).allow())"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(store.path), planner.breaker.name],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )  # fmt: skip
    assert proc.stdout.strip() == "False"

    # After the cool-down one trial request goes through; success closes the breaker.
    half_open = planner_for(fake, store, breaker_threshold=2, breaker_cooldown=0.0)
    with store.connect() as conn:
        conn.execute("UPDATE breakers SET opened_until = 0")
    assert half_open.plan(RUSSIAN).status == "ok" and len(fake.requests) == 5
    assert CircuitBreaker(store, planner.breaker.name).state().failures == 0


# --- cache ----------------------------------------------------------------------------------


def test_cache_hit_survives_a_new_process(fake: FakeLLM, store: PlannerStore) -> None:
    # How fast a hit is: benchmarks/llm_cache_bench.py (`make bench-planner`), not a timed unit test.
    fake.answer_spec(SPEC)
    assert planner_for(fake, store).plan(RUSSIAN).status == "ok"
    assert len(fake.requests) == 1

    fresh = planner_for(fake, store)  # a new planner object on the same file, as another process would be
    respelled = "  пусть каждое утро в 6 ОПЛАТЫ клиентов попадают в clickhouse. "
    for _ in range(3):
        outcome = fresh.plan(respelled)
        assert outcome.status == "ok" and outcome.spec is not None and outcome.spec.request == respelled
        assert fresh.last_report.cache_hit
    assert len(fake.requests) == 1
    # The catalog is part of the key: a changed catalog asks the model again.
    fake.answer_spec(SPEC)
    other = LLMPlanner(shop_catalog(), settings_for(fake), store=store)
    other.catalog.tables["pg_shop"] = other.catalog.tables["pg_shop"][:-1]
    other.plan(RUSSIAN)
    assert len(fake.requests) == 2
    assert normalize_request(respelled) == normalize_request(RUSSIAN)


# --- strategies -----------------------------------------------------------------------------


class _Rules:
    """A stand-in rule planner that answers with a fixed outcome (for the disagreement case)."""

    def __init__(self, outcome: Outcome) -> None:
        self.outcome = outcome

    def plan(self, text: str) -> Outcome:
        return self.outcome


def auto_for(fake: FakeLLM, store: PlannerStore, offline: Any = None) -> AutoPlanner:
    catalog = shop_catalog()
    return AutoPlanner(
        catalog, offline or OfflinePlanner(catalog), LLMPlanner(catalog, settings_for(fake), store)
    )


def test_auto_asks_the_model_only_when_the_rules_cannot_resolve(fake: FakeLLM, store: PlannerStore) -> None:
    auto = auto_for(fake, store)
    assert auto.plan("Load sales from PostgreSQL to ClickHouse daily at 2 AM").status == "ok"
    assert auto.plan("Drop the sales table in PostgreSQL every day").status == "rejected"
    assert fake.requests == []

    fake.answer_spec(SPEC)
    outcome = auto.plan(RUSSIAN)
    assert outcome.status == "ok" and auto.last_report.planner == "llm" and len(fake.requests) == 1


def test_auto_passes_a_destroy_keyword_without_an_object_to_the_model(
    fake: FakeLLM, store: PlannerStore
) -> None:
    """A destroy word alone is not a confirmed destructive frame: the rules ask, so auto asks the model
    first; a confirmed frame ("Drop the sales table") stays a final refusal (the test above)."""
    auto = auto_for(fake, store)
    fake.answer_spec(SPEC)
    outcome = auto.plan("Load payments to ClickHouse every 15 minutes, then delete")
    assert len(fake.requests) == 1 and auto.last_report.planner == "llm"
    assert outcome.status == "ok"


def test_auto_returns_the_rules_questions_when_the_model_is_down(fake: FakeLLM, store: PlannerStore) -> None:
    fake.fail(500, times=3)
    auto = auto_for(fake, store)
    outcome = auto.plan(RUSSIAN)
    assert outcome.status == "needs_clarification"
    assert outcome.questions == OfflinePlanner(shop_catalog()).plan(RUSSIAN).questions
    assert auto.last_report.fallback


def test_auto_asks_the_user_when_rules_and_model_disagree(fake: FakeLLM, store: PlannerStore) -> None:
    rules_spec = PipelineSpec.model_validate(spec_with(source={"table": "orders"}, schedule="0 7 * * *"))
    fake.answer_spec(SPEC)
    auto = auto_for(fake, store, offline=_Rules(Outcome.clarify("Какая колонка?", spec=rules_spec)))
    outcome = auto.plan(RUSSIAN)
    assert outcome.status == "needs_clarification" and outcome.spec is None
    (question,) = outcome.questions
    assert "source.table, schedule" in question
    assert "pg_shop.orders" in question and "pg_shop.payments" in question


def test_make_planner_and_connection_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    catalog = shop_catalog()
    assert isinstance(make_planner("offline", catalog), OfflinePlanner)
    monkeypatch.setenv("AIRFLOW__AI_ETL__LLM_CONN_ID", "")
    assert isinstance(make_planner("auto", catalog), OfflinePlanner)  # no LLM configured: rules only
    with pytest.raises(ValueError, match="needs an LLM connection"):
        make_planner("llm", catalog)
    with pytest.raises(ValueError, match="strategy must be one of"):
        make_planner("magic", catalog)
    extra = {"model": "qwen2.5:14b", "temperature": "0.2", "timeout": 30, "max_tokens": "2048"}
    monkeypatch.setenv(
        "AIRFLOW_CONN_LLM_LOCAL",
        json.dumps(
            {"conn_type": "generic", "host": "ollama.local", "port": 11434, "schema": "v1", "extra": extra}
        ),
    )
    planner = make_planner("auto", catalog, llm_conn_id="llm_local", state_dir=tmp_path)
    assert isinstance(planner, AutoPlanner)
    settings = planner.llm.settings
    assert (settings.base_url, settings.model, settings.api_key) == (
        "https://ollama.local:11434/v1",
        "qwen2.5:14b",
        "not-needed",
    )
    assert (settings.temperature, settings.timeout, settings.max_tokens) == (0.2, 30.0, 2048)
    assert planner.llm.store is not None and planner.llm.store.path == tmp_path / CACHE_FILE


# --- redaction ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "found"),
    [
        ("письма от ivan.petrov+shop@mail.example.ru", "письма от [EMAIL]", {"email": 1}),
        ("звонить +7 (916) 123-45-67 или 8 916 123 45 67", "звонить [PHONE] или [PHONE]", {"phone": 2}),
        ("call +44 20 7946 0958", "call [PHONE]", {"phone": 1}),
        ("карта 4111 1111 1111 1111 клиента", "карта [CARD] клиента", {"card": 1}),
        ("СНИЛС 112-233-445 95 и 11223344595", "СНИЛС [SNILS] и [SNILS]", {"snils": 2}),
        ("ИНН 500100732259 и 7707083893", "ИНН [INN] и [INN]", {"inn": 2}),
        ("password=hunter2, key sk-abcdefghijklmnopqrstuv", "password=[SECRET], key [SECRET]", {"secret": 2}),
        ("from postgresql://etl:s3cret@db/shop", "from postgresql://[USER]:[SECRET]@db/shop", {"secret": 1}),
    ],
)  # fmt: skip
def test_redaction_replaces_pii_and_secrets(text: str, expected: str, found: dict[str, int]) -> None:
    result = redact(text)
    assert (result.text, result.found) == (expected, found)


@pytest.mark.parametrize(
    "text",
    [
        "Загружать продажи ежедневно в 2 часа ночи, заказы больше 1000 за 2024-01-01",
        "every 15 minutes at 8:30, orders with total over 1234567890123, id 12345678901",
        "cron 0 2 * * 1-5, sales_2024 to ClickHouse",
    ],
)
def test_redaction_leaves_ordinary_requests_alone(text: str) -> None:
    assert redact(text).text == text


# --- the whole way: Russian request -> LLM -> gates -> deployed file -------------------------


def test_russian_request_is_planned_by_the_llm_validated_and_deployed(
    fake: FakeLLM, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert OfflinePlanner(shop_catalog()).plan(RUSSIAN).status == "needs_clarification"
    monkeypatch.setenv(
        "AIRFLOW_CONN_LLM_FAKE",
        json.dumps(
            {
                "conn_type": "openai",
                "host": fake.base_url,
                "password": "sk-test-key",
                "extra": {"model": "fake-model"},
            }
        ),
    )
    fake.answer_spec(spec_with(source={"table": "paymentz"})).answer_spec(SPEC)
    assistant = Assistant(
        catalog=shop_catalog(),
        dags_folder=tmp_path / "dags",
        state_dir=tmp_path / "state",
        strategy="auto",
        llm_conn_id="llm_fake",
        check_import=True,  # gate 4: Airflow's DagBag imports the rendered file in a subprocess
    )
    outcome = assistant.generate(RUSSIAN, pii="allow")  # payments.card_number: loaded as it is
    assert outcome.status == "ok", (outcome.questions, outcome.errors)
    assert outcome.pii["columns"] == ["card_number"] and outcome.pii["answer"] == "allow"
    assert outcome.schedule_description and "6" in outcome.schedule_description
    deployed = assistant.deploy(outcome, user="test")
    path = Path(deployed.path)
    assert path.parent == tmp_path / "dags" and path.name == "payments_pg_shop_to_clickhouse_default.py"
    source = path.read_text(encoding="utf-8")
    assert '"Europe/Moscow"' in source and RUSSIAN in source
    assert assistant.planner.last_report.planner == "llm" and assistant.planner.last_report.attempts == 2
    assert fake.requests[0]["messages"][1]["content"] == RUSSIAN
    assert (tmp_path / "state" / CACHE_FILE).exists()


# --- triggers: the model sees what deployed pipelines load (issue 18) ------------------------


def test_the_model_is_told_the_deployed_assets_and_may_only_name_those(
    fake: FakeLLM, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """«после загрузки заказов»: the LLM gets the same deployed assets the offline planner reads
    (Catalog.assets), proposes schedule_assets from them, and an invented URI is fed back."""
    offline = Assistant(catalog=shop_catalog(), dags_folder=tmp_path / "dags", state_dir=tmp_path / "state")
    first = offline.generate("Загружать заказы из pg_shop в ClickHouse ежедневно в 2 часа ночи")
    assert first.status == "ok", first.questions
    offline.deploy(first, user="test")
    (orders_uri, orders_dags), *_ = offline.asset_graph().produced().items()
    assert orders_uri.endswith("/orders") and orders_dags == [first.spec.dag_id]

    monkeypatch.setenv(
        "AIRFLOW_CONN_LLM_FAKE",
        json.dumps({"conn_type": "openai", "host": fake.base_url, "extra": {"model": "fake-model"}}),
    )
    products = {
        "dag_id": "products_after_orders",
        "schedule": None,
        "source": {"type": "sql", "conn_id": "pg_shop", "table": "products"},
        "target": {"type": "clickhouse", "conn_id": "clickhouse_default", "table": "products"},
    }
    invented = orders_uri.replace("/orders", "/orderz")
    fake.answer_spec({**products, "schedule_assets": [invented]})
    fake.answer_spec({**products, "schedule_assets": [orders_uri]})
    assistant = Assistant(
        catalog=shop_catalog(),
        dags_folder=tmp_path / "dags",
        state_dir=tmp_path / "state",
        strategy="llm",
        llm_conn_id="llm_fake",
    )
    outcome = assistant.generate("Как отработает загрузка заказов, перелить товары в кликхаус")

    assert outcome.status == "ok", (outcome.questions, outcome.errors)
    assert outcome.spec.schedule_assets == [orders_uri] and outcome.spec.schedule is None
    system = fake.requests[0]["messages"][0]["content"]
    assert f"- {orders_uri}: {first.spec.dag_id}" in system  # the asset and who loads it
    feedback = fake.requests[1]["messages"][3]["content"]
    assert f"no deployed pipeline loads {invented}" in feedback and orders_uri in feedback


def test_without_deployed_pipelines_the_prompt_says_none_are_loaded() -> None:
    assert "Assets loaded by deployed pipelines" in catalog_prompt(shop_catalog())
    assert catalog_prompt(shop_catalog()).endswith("- none yet")
