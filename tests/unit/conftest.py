"""Fixtures shared by the planner's unit tests."""

from __future__ import annotations

import pytest

from airflow_ai_etl.planning.offline import OfflinePlanner
from tests.catalogs import CATALOGS


@pytest.fixture(scope="module")
def planners() -> dict[str, OfflinePlanner]:
    """An offline planner per demo catalog (built once per test module)."""
    return {name: OfflinePlanner(build()) for name, build in CATALOGS.items()}


@pytest.fixture(scope="module")
def shop(planners: dict[str, OfflinePlanner]) -> OfflinePlanner:
    return planners["shop"]


@pytest.fixture(scope="module")
def clinic(planners: dict[str, OfflinePlanner]) -> OfflinePlanner:
    return planners["clinic"]


@pytest.fixture(scope="module")
def hr(planners: dict[str, OfflinePlanner]) -> OfflinePlanner:
    return planners["hr"]


@pytest.fixture(scope="module")
def logistics(planners: dict[str, OfflinePlanner]) -> OfflinePlanner:
    return planners["logistics"]
