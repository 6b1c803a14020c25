"""Shim for a plain plugins folder: the plugin lives in the installed airflow_ai_etl package."""

from airflow_ai_etl.plugin import AIETLPlugin  # noqa: F401
