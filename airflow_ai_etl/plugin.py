"""Airflow plugin entry point for the assistant (the "AI ETL" web menu lands here)."""

from __future__ import annotations

from airflow.plugins_manager import AirflowPlugin


class AIETLPlugin(AirflowPlugin):
    name = "ai_etl"
