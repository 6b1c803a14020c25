"""Pause, resume and trigger a pipeline through Airflow's own code paths.

The same calls `airflow dags pause/unpause/trigger` make in Airflow 3.3 (``DagModel.is_paused`` in
the metadata database; ``airflow.api.common.trigger_dag.trigger_dag``, which the CLI's local API
client and the UI's Trigger button use), with errors a person can act on: a DAG that does not
exist, one that was deployed but Airflow has not parsed yet, a DAG whose file fails to import,
a ``conf`` that is not a JSON object. The CLI and the web service both call these.
"""

from __future__ import annotations

import json
from typing import Any

from airflow_ai_etl.exceptions import AIETLError

__all__ = ["RunError", "parse_conf", "set_paused", "trigger"]


class RunError(AIETLError):
    """A pause, resume or trigger that cannot be done; the message says why and what to do."""


def parse_conf(text: str | None) -> dict[str, Any] | None:
    """``--conf`` as a dict: a JSON object, or None when not given.

    :raises RunError: the text is not JSON, or JSON but not an object.
    """
    if text is None or not text.strip():
        return None
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise RunError(f"--conf is not valid JSON: {exc}") from exc
    if not isinstance(value, dict):
        raise RunError(
            f'--conf must be a JSON object such as \'{{"day": "2025-01-31"}}\', got a {type(value).__name__}'
        )
    return value


def _deployed(dag_id: str) -> bool:
    """Whether the assistant deployed ``dag_id`` (its history knows it), without failing."""
    try:
        from airflow_ai_etl.assistant import default_dags_folder, default_state_dir
        from airflow_ai_etl.deploy import DeployError, DeployStore

        DeployStore(default_dags_folder(), default_state_dir()).get(dag_id)
        return True
    except (DeployError, OSError, ValueError):
        return False


def _dag_model(dag_id: str, session: Any) -> Any:
    """The DAG's row in the metadata database, or RunError saying why there is none."""
    from airflow.models.dag import DagModel

    model = session.get(DagModel, dag_id)
    if model is not None and not model.is_stale and not model.has_import_errors:
        return model
    if model is not None and model.has_import_errors:
        raise RunError(
            f"DAG {dag_id!r} fails to import; see its import error in Airflow "
            "(`airflow dags list-import-errors`)"
        )
    if _deployed(dag_id):
        raise RunError(
            f"DAG {dag_id!r} was deployed but Airflow has not parsed it yet: the dag-processor reads new "
            "files every [dag_processor] refresh_interval seconds; try again shortly "
            "(or run `airflow dags reserialize`)"
        )
    if model is not None:  # stale: its file is gone from the dags folder
        raise RunError(f"DAG {dag_id!r} no longer has a file in the dags folder")
    raise RunError(f"DAG {dag_id!r} does not exist; `airflow ai-etl list` shows the deployed pipelines")


def set_paused(dag_id: str, paused: bool) -> bool:
    """Pause (``paused=True``) or resume a DAG as `airflow dags pause/unpause` does.

    :return: whether it was paused before.
    :raises RunError: unknown, unparsed or broken DAG.
    """
    from airflow.utils.session import create_session

    with create_session() as session:
        model = _dag_model(dag_id, session)
        was_paused = bool(model.is_paused)
        model.is_paused = paused
    return was_paused


def trigger(
    dag_id: str, conf: dict[str, Any] | None = None, user: str | None = None, source: str = "cli"
) -> dict[str, Any]:
    """Create a manual run with ``conf`` the way `airflow dags trigger` and the UI's Trigger button do.

    :param conf: the run's ``dag_run.conf`` (templates of the operators may read it).
    :param user: recorded as the triggering user.
    :param source: ``cli`` or ``ui`` (Airflow's ``triggered_by``).
    :return: ``{"dag_id", "run_id", "state", "conf", "paused"}``; a paused DAG's run waits until resumed.
    :raises RunError: unknown, unparsed or broken DAG, or a run Airflow refuses (e.g. the run id exists).
    """
    from airflow.api.common.trigger_dag import trigger_dag
    from airflow.exceptions import AirflowException
    from airflow.utils.session import create_session
    from airflow.utils.types import DagRunTriggeredByType

    with create_session() as session:
        paused = bool(_dag_model(dag_id, session).is_paused)
    triggered_by = DagRunTriggeredByType.UI if source == "ui" else DagRunTriggeredByType.CLI
    try:
        run = trigger_dag(dag_id, triggered_by=triggered_by, triggering_user_name=user, conf=conf)
    except (AirflowException, ValueError) as exc:
        raise RunError(f"Airflow refused to trigger {dag_id!r}: {exc}") from exc
    if run is None:
        raise RunError(f"no run was created for {dag_id!r}")
    return {
        "dag_id": dag_id,
        "run_id": run.run_id,
        "state": str(run.state),
        "conf": run.conf or {},
        "paused": paused,
    }
