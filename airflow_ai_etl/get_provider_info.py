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
                "integration-name": "Files",
                "external-doc-url": "https://openpyxl.readthedocs.io",
                "tags": ["software"],
            },
            {
                "integration-name": "ClickHouse",
                "external-doc-url": "https://clickhouse.com/docs",
                "tags": ["software"],
            },
        ],
        "hooks": [
            {
                "integration-name": "ClickHouse",
                "python-modules": ["airflow_ai_etl.hooks.clickhouse", "airflow_ai_etl.hooks.cdc"],
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
                    "airflow_ai_etl.operators.transfer",
                    "airflow_ai_etl.operators.ai_pipeline",
                    "airflow_ai_etl.operators.cdc",
                    "airflow_ai_etl.operators.mart",
                ],
            },
            {"integration-name": "Files", "python-modules": ["airflow_ai_etl.operators.files"]},
        ],
        "connection-types": [
            {
                "hook-class-name": "airflow_ai_etl.hooks.clickhouse.ClickHouseHook",
                "connection-type": "clickhouse",
            },
        ],
        "asset-uris": [
            {"schemes": ["clickhouse"], "handler": "airflow_ai_etl.assets.sanitize_clickhouse_uri"},
        ],
        "cli": ["airflow_ai_etl.cli.get_cli_commands"],
        "config": {
            "ai_etl": {
                "description": "AI ETL Assistant: where it keeps state and which model it may ask.",
                "options": {
                    "state_dir": _option(
                        "Folder for version history, the audit log and the LLM cache "
                        "(default: $AIRFLOW_HOME/ai_etl).",
                        "/opt/airflow/ai_etl",
                    ),
                    "llm_conn_id": _option(
                        "Connection of an OpenAI-compatible endpoint used by the llm and auto "
                        "planner strategies (host = base URL, password = API key, extra: model).",
                        "llm_default",
                    ),
                    "pii_policy": _option(
                        "What a planned pipeline that loads personal data unmasked becomes: ask (a "
                        "question, answered with mask or allow), mask (hash those columns), allow.",
                        "ask",
                    ),
                    "pii_sample_rows": _option(
                        "Personal-data scan: read at most this many rows of a table (default 1000).",
                        "1000",
                    ),
                    "pii_sample_timeout": _option(
                        "Personal-data scan: cancel the sampling statement after this many seconds "
                        "(default 10).",
                        "10",
                    ),
                    "new_files_poke_seconds": _option(
                        "Seconds between two looks for new files of a pipeline started by files "
                        "(on_new_files; the look runs in the triggerer). Default 30.",
                        "30",
                    ),
                    "connections": _option(
                        "Comma-separated connection ids to plan with that no source can list "
                        "(connections kept in Vault, AWS Secrets Manager or another secrets backend); "
                        "each is looked up through Airflow like a hook would.",
                        "pg_sales,clickhouse_dwh",
                    ),
                    "glossary": _option(
                        'JSON file of extra business words: {"english_name_part": ["синоним", ...]}.',
                        "/opt/airflow/ai_etl/glossary.json",
                    ),
                    "mart_cost_cap": _option(
                        "Largest PostgreSQL EXPLAIN cost a mart query may have before it is deployed "
                        "(default 1e9; the gate is skipped when the source cannot be reached).",
                        "1e8",
                    ),
                    "max_request_chars": {
                        "description": "Longest request (in characters) any interface plans; a longer "
                        "one is rejected with a message before a planner or model sees it.",
                        "version_added": "0.1.0",
                        "type": "integer",
                        "example": "4000",
                        "default": "2000",
                    },
                    "file_roots": _option(
                        "Comma-separated absolute directories under which local files (Excel "
                        "sources, local exports) may be read and written; symlinks and .. are "
                        "resolved first. Empty: local files are refused (S3 paths still work).",
                        "/data/excel,/data/reports",
                    ),
                    "source_statement_timeout": {
                        **_option(
                            "Seconds a statement on a PostgreSQL source may run (one load's COPY, "
                            "its row count); PostgreSQL cancels it after that and the load fails "
                            "with the target unchanged. 0: no limit.",
                            "600",
                        ),
                        "type": "float",
                        "default": "3600",
                    },
                    "language": {
                        **_option(
                            "Language of the assistant's messages (planner questions, validation "
                            "errors, deploy results): en or ru. The operator uses it; the CLI uses it "
                            "unless --lang is given (unset: the planner's messages stay in the "
                            "request's language); the web menu falls back to it (unset: English) when "
                            "neither the user's choice nor the browser's Accept-Language names en or ru.",
                            "ru",
                        ),
                    },
                },
            }
        },
    }


def _option(description: str, example: str) -> dict[str, Any]:
    return {
        "description": description,
        "version_added": "0.1.0",
        "type": "string",
        "example": example,
        "default": "",
    }
