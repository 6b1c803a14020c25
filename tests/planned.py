"""A sentence planned over a demo catalog, with one offline planner per catalog (shared by the planner tests)."""

from __future__ import annotations

import functools

from airflow_ai_etl.outcome import Outcome
from airflow_ai_etl.planning.offline import OfflinePlanner
from airflow_ai_etl.spec import PipelineSpec
from tests.catalogs import CATALOGS


@functools.cache
def planner_of(catalog: str) -> OfflinePlanner:
    return OfflinePlanner(CATALOGS[catalog]())


def plan_in(catalog: str, text: str) -> Outcome:
    return planner_of(catalog).plan(text)


def ok_spec(catalog: str, text: str) -> PipelineSpec:
    """The spec of a sentence the planner must answer confidently."""
    outcome = plan_in(catalog, text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None
    return outcome.spec
