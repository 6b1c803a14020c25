"""Example: let analysts order pipelines by triggering a DAG with a sentence.

Trigger `ai_etl_request` with the config {"request": "Загружать заказы в ClickHouse каждый час"}:
the task plans the request, runs every validation gate and deploys the new DAG next to this
file. A request that needs clarification fails the task with the questions in its log.
"""

from __future__ import annotations

import pendulum
from airflow.sdk import DAG, Param

from airflow_ai_etl.operators.ai_pipeline import AIPipelineOperator

with DAG(
    dag_id="ai_etl_request",
    description="Plan, validate and deploy a pipeline described in plain Russian or English",
    schedule=None,
    start_date=pendulum.datetime(2025, 1, 1, tz="UTC"),
    catchup=False,
    tags=["ai-etl", "example"],
    params={
        "request": Param(
            "Загружать данные о продажах из PostgreSQL в ClickHouse ежедневно в 2 часа ночи",
            type="string",
            description="What to load, from where, where to and when",
        )
    },
) as dag:
    AIPipelineOperator(task_id="plan_and_deploy", request="{{ params.request }}", strategy="auto")
