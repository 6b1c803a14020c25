"""AIPipelineOperator: plan, validate and deploy a pipeline from inside any DAG.

The task runs the same service as the CLI and the web UI (Assistant): request -> planner ->
every validation gate -> atomic deploy. The model never writes code; a request that needs
clarification or is rejected fails the task with the questions or the reasons.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from airflow.sdk import BaseOperator
from airflow.sdk.exceptions import AirflowException


class AIPipelineOperator(BaseOperator):
    """Turn a plain-language request (Russian or English) into a deployed, validated DAG.

    :param request: what the pipeline should do, e.g. "Загружать продажи из PostgreSQL в
        ClickHouse ежедневно в 2 часа ночи" (templated).
    :param llm_conn_id: Airflow connection of an OpenAI-compatible endpoint (conn type
        ``openai`` or ``generic``: host = base URL, password = API key, extra ``model``, ...);
        [ai_etl] llm_conn_id when None.
    :param strategy: ``offline`` (rules only), ``llm`` (the model; rules when it is down) or
        ``auto`` (rules first; the model when they cannot resolve; rules only when no LLM
        connection is configured).
    :param deploy: write the DAG file into the dags folder; False only validates (a dry run).
    :param dags_folder: where to deploy; Airflow's [core] dags_folder when None.
    :param catalog: what the planner may use instead of reading the Airflow connections: a
        snapshot dict or the path of a JSON file written by ``airflow ai-etl catalog --json``.
    :param state_dir: version history and LLM cache; [ai_etl] state_dir or $AIRFLOW_HOME/ai_etl.
    :param check_import: import the rendered file with Airflow's DagBag before deploying.
    :param force: overwrite a DAG file the assistant did not write (or that was edited by hand).
    :param pii: the answer when the pipeline would load personal data unmasked: ``mask`` (hash
        the flagged columns inside the source) or ``allow``; None follows [ai_etl] pii_policy,
        whose default ``ask`` fails the task with the question.
    :return: ``{"status", "dag_id", "path", "version", "spec", "schedule_description",
        "validation": {"status", "questions", "errors"}, "planner": {...}, "pii", "assumptions"}``
        (pushed to XCom); ``assumptions`` explains each default the request did not state.
    """

    template_fields: Sequence[str] = ("request",)
    template_fields_renderers = {"request": "md"}
    ui_color = "#e8f4fd"

    def __init__(
        self,
        *,
        request: str,
        llm_conn_id: str | None = None,
        strategy: str = "auto",
        deploy: bool = True,
        dags_folder: str | None = None,
        catalog: dict[str, Any] | str | None = None,
        state_dir: str | None = None,
        check_import: bool = True,
        force: bool = False,
        pii: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        if strategy not in ("offline", "llm", "auto"):
            raise ValueError(f"strategy must be offline, llm or auto, not {strategy!r}")
        if pii not in (None, "mask", "allow"):
            raise ValueError(f"pii must be mask, allow or None, not {pii!r}")
        self.pii = pii
        self.request = request
        self.llm_conn_id = llm_conn_id
        self.strategy = strategy
        self.deploy = deploy
        self.dags_folder = dags_folder
        self.catalog = catalog
        self.state_dir = state_dir
        self.check_import = check_import
        self.force = force

    def _assistant(self) -> Any:
        from airflow_ai_etl.assistant import Assistant
        from airflow_ai_etl.catalog import Catalog

        catalog = None
        if isinstance(self.catalog, dict):
            catalog = Catalog.from_dict(self.catalog)
        elif isinstance(self.catalog, str):
            catalog = Catalog.from_dict(json.loads(Path(self.catalog).read_text(encoding="utf-8")))
        return Assistant(
            catalog=catalog,
            dags_folder=self.dags_folder,
            state_dir=self.state_dir,
            check_import=self.check_import,
            strategy=self.strategy,
            llm_conn_id=self.llm_conn_id,
        )

    def execute(self, context: Any) -> dict[str, Any]:
        if not (self.request or "").strip():
            raise AirflowException("AIPipelineOperator: the request is empty")
        assistant = self._assistant()
        outcome = assistant.generate(self.request, pii=self.pii)
        report = getattr(assistant.planner, "last_report", None)
        planner = report.to_dict() if report is not None else {"planner": "offline"}
        self.log.info("Planned with %s: status %s", planner.get("planner"), outcome.status)
        if outcome.status == "needs_clarification":
            questions = "\n".join(f"- {q}" for q in outcome.questions)
            if outcome.pii:
                questions += "\n(answer with pii='mask' or pii='allow')"
            raise AirflowException(f"The request needs clarification:\n{questions}")
        if outcome.status == "rejected":
            reasons = "\n".join(
                f"- ({p.gate}{', ' + p.field if p.field else ''}) {p.message}" for p in outcome.errors
            )
            raise AirflowException(f"The request was rejected:\n{reasons}")
        for assumption in outcome.assumptions:
            self.log.info("Assumed: %s", assumption)
        if self.deploy:
            ti = context.get("ti") if hasattr(context, "get") else None
            user = f"airflow:{ti.dag_id}.{ti.task_id}" if ti is not None else f"airflow:{self.task_id}"
            outcome = assistant.deploy(outcome, user=user, force=self.force)
            self.log.info("Deployed %s version %s to %s", outcome.spec.dag_id, outcome.version, outcome.path)
        else:
            self.log.info("Validated %s (not deployed: deploy=False)", outcome.spec.dag_id)
        batch = outcome.to_batch_dict(None)
        return {
            "status": outcome.status,
            "dag_id": outcome.spec.dag_id,
            "path": outcome.path,
            "version": outcome.version,
            "deployed": bool(outcome.path),
            "spec": batch["spec"],
            "schedule_description": outcome.schedule_description,
            "validation": {
                "status": outcome.status,
                "questions": batch["questions"],
                "errors": batch["errors"],
                "gates": ["schema", "grounding", "sql_safety", "policy", "render"]
                + (["import"] if self.check_import else []),
            },
            "planner": planner,
            "pii": outcome.pii,
            "assumptions": outcome.assumptions,
        }
