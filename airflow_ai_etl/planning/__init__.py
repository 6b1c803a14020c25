"""Request text -> PipelineSpec: the offline rules planner and the LLM planner."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from airflow_ai_etl.outcome import Outcome


class Planner(Protocol):
    """Anything that turns one request into an Outcome (a spec, questions or a refusal)."""

    def plan(self, text: str) -> Outcome: ...
