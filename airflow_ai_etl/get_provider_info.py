"""Provider metadata Airflow reads through the `apache_airflow_provider` entry point."""

from __future__ import annotations

from typing import Any


def get_provider_info() -> dict[str, Any]:
    return {
        "package-name": "airflow-ai-etl",
        "name": "AI ETL Assistant",
        "description": "Plain-language (RU/EN) requests become validated, versioned DAGs; "
        "fast PostgreSQL to ClickHouse transfers.",
        "versions": ["0.1.0"],
        "integrations": [
            {
                "integration-name": "ClickHouse",
                "external-doc-url": "https://clickhouse.com/docs",
                "tags": ["software"],
            }
        ],
        "hooks": [
            {"integration-name": "ClickHouse", "python-modules": ["airflow_ai_etl.hooks.clickhouse"]},
        ],
        "operators": [
            {
                "integration-name": "ClickHouse",
                "python-modules": ["airflow_ai_etl.operators.transfer"],
            }
        ],
        "connection-types": [
            {
                "hook-class-name": "airflow_ai_etl.hooks.clickhouse.ClickHouseHook",
                "connection-type": "clickhouse",
            },
        ],
        "cli": ["airflow_ai_etl.cli.get_cli_commands"],
    }
