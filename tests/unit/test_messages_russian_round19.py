"""A Russian request is answered in Russian on every planner path: the offline planner's refusals, and the
LLM planner's questions and refusal reasons (against the fake OpenAI-compatible server on loopback,
tests/fake_llm.py). Each message stays a catalog message, so an English page can still show it in English.

First pass (planner at main 81dde69, before any change on this branch): 14 of 19 failed before the fix
(every offline refusal and every LLM-path message below was English for a Russian request).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from airflow_ai_etl.messages import Message
from airflow_ai_etl.outcome import Outcome
from airflow_ai_etl.planning.cache import PlannerStore
from airflow_ai_etl.planning.llm import CACHE_FILE, AutoPlanner, LLMPlanner, LLMSettings
from airflow_ai_etl.planning.offline import OfflinePlanner
from tests.catalogs import CATALOGS, shop_catalog
from tests.fake_llm import PAYMENTS_SPEC, RUSSIAN_REQUEST, FakeLLM

CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


def russian(text: str) -> bool:
    """Russian prose: Cyrillic words outside the quoted request words and identifiers."""
    return bool(CYRILLIC.search(re.sub(r"«[^»]*»|'[^']*'", "", text)))


# --- the offline planner's refusals ---------------------------------------------------------------

REFUSALS = [
    ("shop", "удали таблицу заказов в постгресе"),
    ("hr", "снеси таблицу сотрудников, а потом грузи отпуска в кх"),
    ("shop", "выполни SELECT * FROM orders; DROP TABLE orders и залей в кликхаус"),
    ("clinic", "расскажи анекдот про врачей"),
    ("bank", "грузи карты из MySQL в кликхаус ежедневно"),
    ("logistics", "перелей курьеров из монги в кх каждый час"),
]


@pytest.mark.parametrize(("catalog", "text"), REFUSALS)
def test_offline_refusals_of_a_russian_request_are_russian(catalog: str, text: str) -> None:
    outcome = OfflinePlanner(CATALOGS[catalog]()).plan(text)
    assert outcome.status == "rejected", (outcome.questions, outcome.spec)
    for problem in outcome.errors:
        assert russian(problem.message), problem.message
        assert isinstance(problem.message, Message), problem.message  # still shown in English on request
        assert not russian(problem.message.in_language("en")), problem.message


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("shop", "drop the orders table in postgres"),
        ("shop", "run SELECT * FROM orders; DROP TABLE orders and load it into clickhouse"),
        ("bank", "load cards from MySQL into clickhouse daily"),
    ],
)
def test_offline_refusals_of_an_english_request_stay_english(catalog: str, text: str) -> None:
    outcome = OfflinePlanner(CATALOGS[catalog]()).plan(text)
    assert outcome.status == "rejected"
    assert all(not russian(p.message) for p in outcome.errors), outcome.errors


# --- the LLM planner ---------------------------------------------------------------------------------


@pytest.fixture
def fake() -> Iterator[FakeLLM]:
    with FakeLLM() as server:
        yield server


@pytest.fixture
def store(tmp_path: Path) -> PlannerStore:
    return PlannerStore(tmp_path / CACHE_FILE)


def llm_for(fake: FakeLLM, store: PlannerStore | None, **overrides: Any) -> LLMPlanner:
    values = dict(timeout=0.5, backoff=0.01, max_backoff=0.05, max_retries=0, breaker_threshold=5)
    settings = LLMSettings(base_url=fake.base_url, model="fake-model", **{**values, **overrides})
    return LLMPlanner(shop_catalog(), settings, store=store)


def spec_with(**changes: Any) -> dict[str, Any]:
    data = {key: dict(value) if isinstance(value, dict) else value for key, value in PAYMENTS_SPEC.items()}
    for key, value in changes.items():
        data[key] = {**data[key], **value} if isinstance(data.get(key), dict) else value
    return data


def test_a_model_refusal_without_a_reason_is_said_in_russian(fake: FakeLLM, store: PlannerStore) -> None:
    fake.answer({"status": "refused", "spec": None, "questions": [], "reason": ""})
    outcome = llm_for(fake, store).plan("снести таблицу оплат")
    assert outcome.status == "rejected"
    assert russian(outcome.errors[0].message), outcome.errors


def test_a_model_refusal_in_english_is_framed_in_russian(fake: FakeLLM, store: PlannerStore) -> None:
    fake.answer({"status": "refused", "spec": None, "questions": [], "reason": "it asks to drop the source"})
    outcome = llm_for(fake, store).plan("снести таблицу оплат и залить клиентов")
    (problem,) = outcome.errors
    assert russian(problem.message) and "it asks to drop the source" in problem.message, problem.message


def test_an_english_request_keeps_the_model_reason_in_english(fake: FakeLLM, store: PlannerStore) -> None:
    fake.answer({"status": "refused", "spec": None, "questions": [], "reason": "it asks to drop the source"})
    outcome = llm_for(fake, store).plan("drop the payments table")
    (problem,) = outcome.errors
    assert not russian(problem.message) and "it asks to drop the source" in problem.message


def test_the_prompt_asks_for_the_reason_in_the_request_language(fake: FakeLLM, store: PlannerStore) -> None:
    fake.answer({"status": "refused", "spec": None, "questions": [], "reason": "причина"})
    llm_for(fake, store).plan("снести таблицу оплат, срочно")
    system = fake.requests[0]["messages"][0]["content"]
    assert re.search(r'"reason": <why, in the language of the request', system), system[:600]


def test_problems_left_after_the_last_repair_are_asked_in_russian(fake: FakeLLM, store: PlannerStore) -> None:
    fake.answer_spec(spec_with(source={"table": "paymentz"}), times=2)
    outcome = llm_for(fake, store, max_attempts=2).plan(RUSSIAN_REQUEST)
    assert outcome.status == "needs_clarification"
    (question,) = outcome.questions
    assert russian(question) and "paymentz" in question, question


def test_an_asset_nothing_loads_is_asked_in_russian(fake: FakeLLM, store: PlannerStore) -> None:
    fake.answer_spec(spec_with(schedule=None, schedule_assets=["clickhouse://127.0.0.1:9000/default/nope"]))
    outcome = llm_for(fake, store, max_attempts=1).plan("после загрузки nope гони оплаты в кликхаус")
    assert outcome.status == "needs_clarification"
    (question,) = outcome.questions
    assert russian(question) and "clickhouse://127.0.0.1:9000/default/nope" in question, question


def test_an_unparsable_answer_is_refused_in_russian(fake: FakeLLM, store: PlannerStore) -> None:
    fake.text("Sure! Here is your pipeline.")
    outcome = llm_for(fake, store, max_attempts=1).plan(RUSSIAN_REQUEST + ", пожалуйста")
    assert outcome.status == "rejected"
    assert all(russian(p.message) for p in outcome.errors), outcome.errors


def test_an_unavailable_model_without_fallback_is_said_in_russian(fake: FakeLLM) -> None:
    fake.fail(500, times=3)
    outcome = llm_for(fake, None).plan(RUSSIAN_REQUEST)
    assert outcome.status == "rejected"
    assert russian(outcome.errors[0].message), outcome.errors


def test_auto_asks_about_a_rules_spec_the_gates_fail_in_russian(fake: FakeLLM, store: PlannerStore) -> None:
    """The rules' spec fails grounding (a table that is gone) and the model is down: the gate's finding
    becomes a Russian question."""

    class _Rules:
        def plan(self, text: str) -> Outcome:
            from airflow_ai_etl.spec import PipelineSpec

            return Outcome("ok", spec=PipelineSpec.model_validate(spec_with(source={"table": "paymentz"})))

    fake.fail(500, times=3)
    catalog = shop_catalog()
    auto = AutoPlanner(catalog, _Rules(), llm_for(fake, store))  # type: ignore[arg-type]
    outcome = auto.plan(RUSSIAN_REQUEST)
    assert outcome.status == "needs_clarification"
    assert outcome.questions and all(russian(q) for q in outcome.questions), outcome.questions


def test_english_llm_path_messages_stay_english(fake: FakeLLM, store: PlannerStore) -> None:
    fake.answer_spec(spec_with(source={"table": "paymentz"}))
    outcome = llm_for(fake, store, max_attempts=1).plan("load payments to clickhouse every morning at 6")
    assert outcome.questions and not any(russian(q) for q in outcome.questions), outcome.questions
