"""Provider metadata Airflow reads through the `apache_airflow_provider` entry point.

GENERATED from provider.yaml by scripts/generate_provider_info.py: edit provider.yaml, then rerun it.
"""

from __future__ import annotations

from typing import Any


def get_provider_info() -> dict[str, Any]:
    return {
        "package-name": "airflow-ai-etl",
        "name": "AI ETL Assistant",
        "description": "Plain-language (RU/EN) requests become validated, versioned DAGs; fast PostgreSQL to ClickHouse transfers.",
        "versions": ["0.1.0"],
        "integrations": [
            {
                "integration-name": "Files",
                "external-doc-url": "https://openpyxl.readthedocs.io",
                "tags": ["software"],
            },
            {
                "integration-name": "ClickHouse",
                "external-doc-url": "https://clickhouse.com/docs",
                "tags": ["software"],
            },
            {
                "integration-name": "PostgreSQL",
                "external-doc-url": "https://www.postgresql.org/docs/",
                "tags": ["software"],
            },
        ],
        "hooks": [
            {"integration-name": "ClickHouse", "python-modules": ["airflow_ai_etl.hooks.clickhouse"]},
            {
                "integration-name": "PostgreSQL",
                "python-modules": ["airflow_ai_etl.hooks.postgres", "airflow_ai_etl.hooks.cdc"],
            },
            {
                "integration-name": "Files",
                "python-modules": ["airflow_ai_etl.hooks.s3", "airflow_ai_etl.hooks.excel"],
            },
        ],
        "operators": [
            {
                "integration-name": "ClickHouse",
                "python-modules": [
                    "airflow_ai_etl.operators.ai_pipeline",
                    "airflow_ai_etl.operators.quality",
                ],
            }
        ],
        "sensors": [{"integration-name": "Files", "python-modules": ["airflow_ai_etl.sensors.files"]}],
        "triggers": [{"integration-name": "Files", "python-modules": ["airflow_ai_etl.triggers.files"]}],
        "transfers": [
            {
                "source-integration-name": "PostgreSQL",
                "target-integration-name": "ClickHouse",
                "python-module": "airflow_ai_etl.operators.transfer",
            },
            {
                "source-integration-name": "PostgreSQL",
                "target-integration-name": "PostgreSQL",
                "python-module": "airflow_ai_etl.operators.transfer",
            },
            {
                "source-integration-name": "PostgreSQL",
                "target-integration-name": "ClickHouse",
                "python-module": "airflow_ai_etl.operators.cdc",
            },
            {
                "source-integration-name": "PostgreSQL",
                "target-integration-name": "ClickHouse",
                "python-module": "airflow_ai_etl.operators.mart",
            },
            {
                "source-integration-name": "Files",
                "target-integration-name": "ClickHouse",
                "python-module": "airflow_ai_etl.operators.files",
            },
            {
                "source-integration-name": "ClickHouse",
                "target-integration-name": "Files",
                "python-module": "airflow_ai_etl.operators.files",
            },
        ],
        "connection-types": [
            {
                "hook-class-name": "airflow_ai_etl.hooks.clickhouse.ClickHouseHook",
                "connection-type": "clickhouse",
            }
        ],
        "asset-uris": [
            {"schemes": ["clickhouse"], "handler": "airflow_ai_etl.assets.sanitize_clickhouse_uri"}
        ],
        "cli": ["airflow_ai_etl.cli.get_cli_commands"],
        "config": {
            "ai_etl": {
                "description": "AI ETL Assistant: where it keeps state and which model it may ask.",
                "options": {
                    "state_dir": {
                        "description": "Folder for version history, the audit log and the LLM cache (default: $AIRFLOW_HOME/ai_etl).",
                        "version_added": "0.1.0",
                        "type": "string",
                        "example": "/opt/airflow/ai_etl",
                        "default": None,
                    },
                    "llm_conn_id": {
                        "description": "Connection of an OpenAI-compatible endpoint used by the llm and auto planner strategies (host = base URL, password = API key, extra: model).",
                        "version_added": "0.1.0",
                        "type": "string",
                        "example": "llm_default",
                        "default": None,
                    },
                    "pii_policy": {
                        "description": "What a planned pipeline that loads personal data unmasked becomes: ask (a question, answered with mask or allow), mask (hash those columns), allow.",
                        "version_added": "0.1.0",
                        "type": "string",
                        "example": "ask",
                        "default": "ask",
                    },
                    "pii_sample_rows": {
                        "description": "Personal-data scan: read at most this many rows of a table (default 1000).",
                        "version_added": "0.1.0",
                        "type": "integer",
                        "example": "1000",
                        "default": "1000",
                    },
                    "pii_sample_timeout": {
                        "description": "Personal-data scan: cancel the sampling statement after this many seconds (default 10).",
                        "version_added": "0.1.0",
                        "type": "float",
                        "example": "10",
                        "default": "10",
                    },
                    "new_files_poke_seconds": {
                        "description": "Seconds between two looks for new files of a pipeline started by files (on_new_files; the look runs in the triggerer). Default 30.",
                        "version_added": "0.1.0",
                        "type": "float",
                        "example": "30",
                        "default": "30",
                    },
                    "connections": {
                        "description": "Comma-separated connection ids to plan with that no source can list (connections kept in Vault, AWS Secrets Manager or another secrets backend); each is looked up through Airflow like a hook would.",
                        "version_added": "0.1.0",
                        "type": "string",
                        "example": "pg_sales,clickhouse_dwh",
                        "default": "",
                    },
                    "glossary": {
                        "description": 'JSON file of extra business words: {"english_name_part": ["синоним", ...]}.',
                        "version_added": "0.1.0",
                        "type": "string",
                        "example": "/opt/airflow/ai_etl/glossary.json",
                        "default": None,
                    },
                    "mart_cost_cap": {
                        "description": "Largest PostgreSQL EXPLAIN cost a mart query may have before it is deployed (default 1e9; the gate is skipped when the source cannot be reached).",
                        "version_added": "0.1.0",
                        "type": "float",
                        "example": "1e8",
                        "default": "1e9",
                    },
                    "max_request_chars": {
                        "description": "Longest request (in characters) any interface plans; a longer one is rejected with a message before a planner or model sees it.",
                        "version_added": "0.1.0",
                        "type": "integer",
                        "example": "4000",
                        "default": "2000",
                    },
                    "file_roots": {
                        "description": "Comma-separated absolute directories under which local files (Excel sources, local exports) may be read and written; symlinks and .. are resolved first. Empty: local files are refused (S3 paths still work).",
                        "version_added": "0.1.0",
                        "type": "string",
                        "example": "/data/excel,/data/reports",
                        "default": "",
                    },
                    "source_statement_timeout": {
                        "description": "Seconds a statement on a PostgreSQL source may run (one load's COPY, its row count); PostgreSQL cancels it after that and the load fails with the target unchanged. 0: no limit.",
                        "version_added": "0.1.0",
                        "type": "float",
                        "example": "600",
                        "default": "3600",
                    },
                    "language": {
                        "description": "Language of the assistant's messages (planner questions, validation errors, deploy results): en or ru. The operator uses it; the CLI uses it unless --lang is given (unset: the planner's messages stay in the request's language); the web menu falls back to it (unset: English) when neither the user's choice nor the browser's Accept-Language names en or ru.",
                        "version_added": "0.1.0",
                        "type": "string",
                        "example": "ru",
                        "default": None,
                    },
                    "catalog_file": {
                        "description": "JSON catalog snapshot the web UI plans with instead of reading the databases (tests, demos). Empty: the live catalog.",
                        "version_added": "0.1.0",
                        "type": "string",
                        "example": "/opt/airflow/ai_etl/catalog.json",
                        "default": None,
                    },
                    "catalog_ttl_seconds": {
                        "description": "Seconds the web server reuses a catalog read from the connections before reading it again.",
                        "version_added": "0.1.0",
                        "type": "float",
                        "example": "300",
                        "default": "60",
                    },
                },
            }
        },
    }
