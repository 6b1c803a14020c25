"""The web menu's only door to the assistant: builds the Assistant and turns its results into JSON.

Everything here is framework-free (no Flask), so a FastAPI/React front can reuse it as it is:
pages and JSON endpoints call these functions and only add HTTP, permissions and auditing.

Configuration (``airflow.cfg`` section ``[ai_etl]`` or the matching environment variables):

* ``catalog_file`` / ``AIRFLOW__AI_ETL__CATALOG_FILE``: plan against a catalog snapshot (JSON written
  by ``airflow ai-etl catalog --json``) instead of reading the Airflow connections.
* ``catalog_ttl_seconds`` / ``AIRFLOW__AI_ETL__CATALOG_TTL_SECONDS`` (default 60): how long the web
  server reuses a catalog read from the connections.
* ``state_dir``: where version history and the audit log live (see ``default_state_dir``).
"""

from __future__ import annotations

import json
import logging
import threading
import time
from pathlib import Path
from typing import Any

from airflow_ai_etl.assistant import Assistant, default_state_dir
from airflow_ai_etl.catalog import Catalog, load_catalog
from airflow_ai_etl.deploy import DeployError, DeployStore
from airflow_ai_etl.outcome import Outcome
from airflow_ai_etl.web.audit import AuditLog

log = logging.getLogger(__name__)

DEFAULT_CATALOG_TTL_S = 60.0
_catalog_lock = threading.Lock()
_catalog_cache: dict[str, Any] = {"catalog": None, "loaded_at": 0.0, "key": None}


def _conf(key: str, fallback: str | None = None) -> str | None:
    from airflow.configuration import conf

    return conf.get("ai_etl", key, fallback=fallback)


def catalog_file() -> Path | None:
    """The configured catalog snapshot, if any."""
    value = _conf("catalog_file")
    return Path(value).expanduser() if value else None


def get_catalog(refresh: bool = False) -> Catalog:
    """The catalog the planner sees: a snapshot file, or the connections (cached for a TTL)."""
    snapshot = catalog_file()
    ttl = float(_conf("catalog_ttl_seconds", str(DEFAULT_CATALOG_TTL_S)) or DEFAULT_CATALOG_TTL_S)
    key = str(snapshot) if snapshot else "connections"
    with _catalog_lock:
        cached = _catalog_cache["catalog"]
        fresh = time.monotonic() - _catalog_cache["loaded_at"] < ttl
        if cached is not None and fresh and not refresh and _catalog_cache["key"] == key:
            return cached
        if snapshot:
            catalog = Catalog.from_dict(json.loads(snapshot.read_text(encoding="utf-8")))
        else:
            catalog = load_catalog()
        _catalog_cache.update(catalog=catalog, loaded_at=time.monotonic(), key=key)
        return catalog


# Planner strategies the New pipeline page offers (see Assistant's ``strategy``).
STRATEGIES = ("offline", "auto", "llm")


def llm_conn_id() -> str | None:
    """The LLM connection the ``auto``/``llm`` planners would use, if it is configured and exists."""
    try:
        from airflow.models.connection import Connection

        from airflow_ai_etl.planning.llm import resolve_llm_conn_id

        conn_id = resolve_llm_conn_id(None)
        if not conn_id:
            return None
        Connection.get_connection_from_secrets(conn_id)
    except Exception as exc:  # not configured, not found, or the secrets backend is down
        log.debug("AI ETL: no LLM connection: %s", exc)
        return None
    return conn_id


def strategies() -> tuple[str, ...]:
    """The planner strategies this server can offer: the language model only with its connection."""
    return STRATEGIES if llm_conn_id() else ("offline",)


def assistant(strategy: str | None = None) -> Assistant:
    """A fresh Assistant per request over the shared (cached) catalog.

    :param strategy: one of :data:`STRATEGIES`; ``None`` or ``offline`` is the embedded rule planner.
    """
    if strategy and strategy != "offline":
        return Assistant(catalog_loader=get_catalog, strategy=strategy)
    return Assistant(catalog_loader=get_catalog)


def audit_log() -> AuditLog:
    """The audit log, next to the version history."""
    return AuditLog(default_state_dir())


def dag_url(dag_id: str) -> str:
    """Where the DAG lives in the Airflow 3 UI (honours ``[api] base_url``)."""
    from urllib.parse import urlsplit

    from airflow.configuration import conf

    base_path = urlsplit(conf.get("api", "base_url", fallback="") or "/").path.rstrip("/")
    return f"{base_path}/dags/{dag_id}"


# --- outcomes ----------------------------------------------------------------------------------


def task_graph(outcome: Outcome) -> dict[str, list[dict[str, str]]]:
    """Nodes and edges to draw: source -> load task -> checks, and load -> target table."""
    from airflow_ai_etl.render.renderer import RenderError, plan_tasks

    spec = outcome.spec
    if spec is None:
        return {"nodes": [], "edges": []}
    source = spec.source.table or spec.source.path or "query"
    target = spec.target.table or spec.target.path or ""
    nodes = [
        {"id": "source", "label": f"{spec.source.conn_id or spec.source.type}: {source}", "kind": "data"}
    ]
    edges: list[dict[str, str]] = []
    try:
        plan = plan_tasks(spec)
    except RenderError:
        plan = None
    if plan is None:
        nodes.append(
            {"id": "target", "label": f"{spec.target.conn_id or spec.target.type}: {target}", "kind": "data"}
        )
        return {"nodes": nodes, "edges": [{"from": "source", "to": "target"}]}
    for task in plan.tasks:
        nodes.append({"id": task.var, "label": task.task_id, "kind": "task", "operator": task.operator})
    first = plan.tasks[0].var
    edges.append({"from": "source", "to": first})
    nodes.append(
        {"id": "target", "label": f"{spec.target.conn_id or spec.target.type}: {target}", "kind": "data"}
    )
    edges.append({"from": first, "to": "target"})
    edges += [{"from": a, "to": b} for a, b in plan.edges]
    return {"nodes": nodes, "edges": edges}


def pending_diff(store: DeployStore, dag_id: str, source: str) -> dict[str, Any]:
    """What a deploy would change: the unified diff against the deployed version (if any)."""
    current_version, diff = store.pending_diff(dag_id, source)
    return {"current_version": current_version, "changed": bool(diff), "diff": diff}


def outcome_payload(outcome: Outcome, helper: Assistant, language: str) -> dict[str, Any]:
    """Everything the New pipeline page shows about one result."""
    from airflow_ai_etl.planning.schedule import describe_schedule

    spec = outcome.spec
    data: dict[str, Any] = {
        "status": outcome.status,
        "spec": spec.to_json_dict() if spec else None,
        "questions": list(outcome.questions),
        "assumptions": list(outcome.assumptions),
        "errors": [p.to_dict() for p in outcome.errors],
        "schedule_description": outcome.schedule_description,
        "source_code": outcome.source_code,
        "graph": task_graph(outcome),
        "path": outcome.path,
        "version": outcome.version,
        # The personal data found (columns, evidence, the answer once given): the page offers mask/allow.
        "pii": outcome.pii,
    }
    if outcome.pii:  # each finding's kind in the page's language
        from airflow_ai_etl.quality.pii import KIND_LABELS

        index = 1 if language == "ru" else 0
        data["pii"] = {
            **outcome.pii,
            "findings": [
                {**f, "label": KIND_LABELS.get(f["kind"], (f["kind"], f["kind"]))[index]}
                for f in outcome.pii.get("findings", [])
            ],
        }
    if spec is not None:
        data["dag_id"] = spec.dag_id
        data["dag_url"] = dag_url(spec.dag_id)
        try:
            data["schedule_description"] = describe_schedule(spec.schedule, language)
        except Exception:  # keep the planner's description if this language is not supported
            log.debug("No %s description for %r", language, spec.schedule, exc_info=True)
    if outcome.status == "ok" and spec is not None and not outcome.path:
        data["deploy_preview"] = pending_diff(helper.store, spec.dag_id, outcome.source_code)
        data["deploy_preview"]["hand_edit"] = hand_edit(helper.store, spec.dag_id)
    return data


def hand_edit(store: DeployStore, dag_id: str) -> dict[str, Any] | None:
    """The DAG file's edits made outside the assistant, or ``None`` when the file is as recorded.

    :return: ``kind`` ("modified": edited since the latest version; "foreign": a file the assistant
        never wrote), the ``version`` it was compared with, ``path``, ``sha256`` of the file on disk
        (a replace must name it, so an edit made after the user looked is never lost unseen) and
        the unified ``diff`` from the recorded version to the file on disk.
    """
    import difflib
    import hashlib

    path = store.dags_folder / f"{dag_id}.py"
    if path.parent != store.dags_folder:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    digest = hashlib.sha256(data).hexdigest()
    try:
        latest = store.get(dag_id)
    except DeployError:
        latest = None
    if latest is not None and latest.sha256 == digest:
        return None
    diff = difflib.unified_diff(
        (latest.source if latest else "").splitlines(keepends=True),
        data.decode("utf-8", errors="replace").splitlines(keepends=True),
        fromfile=f"a/{dag_id}.py@v{latest.version}" if latest else "/dev/null",
        tofile=f"b/{dag_id}.py (on disk)",
    )
    return {
        "kind": "modified" if latest else "foreign",
        "version": latest.version if latest else None,
        "path": str(path),
        "sha256": digest,
        "diff": "".join(diff),
    }


# --- pipelines and history ---------------------------------------------------------------------


def last_runs(dag_ids: list[str]) -> dict[str, dict[str, Any]]:
    """The latest run (state, run_after) of each DAG with one query; empty when the DB is unavailable."""
    if not dag_ids:
        return {}
    try:
        from airflow.models.dagrun import DagRun
        from airflow.utils.session import create_session
        from sqlalchemy import func, select

        with create_session() as session:
            latest = (
                select(DagRun.dag_id, func.max(DagRun.id).label("id"))
                .where(DagRun.dag_id.in_(dag_ids))
                .group_by(DagRun.dag_id)
                .subquery()
            )
            rows = session.execute(
                select(DagRun.dag_id, DagRun.state, DagRun.run_after).join(latest, DagRun.id == latest.c.id)
            ).all()
        return {r.dag_id: {"state": str(r.state or ""), "run_after": str(r.run_after or "")} for r in rows}
    except Exception as exc:  # the list must still render without the metadata DB
        log.warning("AI ETL: cannot read last runs: %s", exc)
        return {}


def pipelines(store: DeployStore) -> list[dict[str, Any]]:
    """Every pipeline the assistant wrote: latest version, schedule, file state, last run."""
    from dataclasses import asdict

    rows = [asdict(r) for r in store.list()]
    runs = last_runs([r["dag_id"] for r in rows])
    for row in rows:
        run = runs.get(row["dag_id"], {})
        row["last_run_state"] = run.get("state", "")
        row["last_run_after"] = run.get("run_after", "")
        row["dag_url"] = dag_url(row["dag_id"])
    return rows


def runs_overview(store: DeployStore, dag_id: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
    """Per pipeline the assistant deployed (or just `dag_id`): its last runs from Airflow's records
    (state, duration, rows loaded, check results, anomaly flag; newest first) and the chart of rows
    and duration per run (oldest first). A pipeline whose runs cannot be read says why in ``error``."""
    from airflow_ai_etl.quality.runs import pipeline_runs
    from airflow_ai_etl.web.runs_chart import runs_chart

    dag_ids = [dag_id] if dag_id else [row.dag_id for row in store.list()]
    overview = []
    for one in dag_ids:
        error = ""
        try:
            runs = [r.to_dict() for r in pipeline_runs(one, limit)]
        except Exception as exc:  # no metadata database, an old schema, ...
            log.warning("AI ETL: cannot read the runs of %s: %s", one, exc)
            runs, error = [], str(exc)
        overview.append(
            {
                "dag_id": one,
                "dag_url": dag_url(one),
                "runs": runs,
                "chart": runs_chart(list(reversed(runs))),
                "error": error,
            }
        )
    return overview


def versions(store: DeployStore, dag_id: str) -> list[dict[str, Any]]:
    """The versions of one pipeline, newest first, without their (large) source."""
    return [
        {
            "version": v.version,
            "created_at": v.created_at,
            "user": v.user,
            "request": v.request,
            "action": v.action,
            "note": v.note,
            "schedule": v.spec.get("schedule"),
            "sha256": v.sha256[:12],
        }
        for v in sorted(store.history(dag_id), key=lambda v: v.version, reverse=True)
    ]


def dag_status(dag_id: str) -> dict[str, Any]:
    """What Airflow knows of a DAG: parsed yet (``known``), ``paused``, and its latest run."""
    from airflow.models.dag import DagModel
    from airflow.models.dagrun import DagRun
    from airflow.models.serialized_dag import SerializedDagModel
    from airflow.utils.session import create_session
    from sqlalchemy import select

    with create_session() as session:
        model = session.execute(select(DagModel.is_paused).where(DagModel.dag_id == dag_id)).first()
        serialized = session.execute(
            select(SerializedDagModel.dag_id).where(SerializedDagModel.dag_id == dag_id).limit(1)
        ).first()
        run = session.execute(
            select(DagRun.run_id, DagRun.state)
            .where(DagRun.dag_id == dag_id)
            .order_by(DagRun.id.desc())
            .limit(1)
        ).first()
    return {
        "dag_id": dag_id,
        "known": model is not None and serialized is not None,
        "paused": bool(model.is_paused) if model is not None else None,
        "last_run": {"run_id": run.run_id, "state": str(run.state or "")} if run else None,
        "dag_url": dag_url(dag_id),
    }


def trigger(dag_id: str, user: str, conf: dict[str, Any] | None = None) -> dict[str, Any]:
    """Create a manual run the way the UI's Trigger button does (the DAG must be parsed already).

    :param conf: the run's configuration (``dag_run.conf``); ``runs.parse_conf`` checks user text.
    :raises airflow_ai_etl.runs.RunError: unknown, not yet parsed or broken DAG (clear message).
    """
    from airflow_ai_etl.runs import trigger as trigger_run

    run = trigger_run(dag_id, conf, user=user, source="ui")
    return {**run, "dag_url": dag_url(dag_id)}


def set_paused(dag_id: str, paused: bool) -> dict[str, Any]:
    """Pause or resume a DAG as Airflow's own pause toggle does.

    :raises airflow_ai_etl.runs.RunError: unknown, not yet parsed or broken DAG.
    """
    from airflow_ai_etl.runs import set_paused as set_dag_paused

    was_paused = set_dag_paused(dag_id, paused)
    return {"dag_id": dag_id, "paused": paused, "was_paused": was_paused}


def lineage(store: DeployStore, dag_id: str) -> dict[str, Any]:
    """What starts a pipeline and what it feeds, from the deployed DAG files' assets.

    ``upstream``: pipelines writing an asset this one is scheduled on (each with those assets);
    ``downstream``: pipelines scheduled on an asset this one writes. ``waiting_on`` lists the
    schedule assets no deployed pipeline writes (the pipeline never starts until one does).
    """
    from airflow_ai_etl.assets import deployed_graph

    graph = deployed_graph(store)
    pipeline = graph.pipelines.get(dag_id)
    if pipeline is None:
        raise DeployError(f"DAG {dag_id!r} is not deployed (or its file is gone)")
    produced = graph.produced()

    def linked(dag_ids: list[str], assets: set[str]) -> list[dict[str, Any]]:
        return [
            {
                "dag_id": other,
                "assets": sorted(
                    assets
                    & (set(graph.pipelines[other].outlets) | set(graph.pipelines[other].schedule_assets))
                ),
                "dag_url": dag_url(other),
            }
            for other in dag_ids
        ]

    return {
        "dag_id": dag_id,
        "schedule_assets": list(pipeline.schedule_assets),
        "inlets": list(pipeline.inlets),
        "outlets": list(pipeline.outlets),
        "upstream": linked(graph.upstream(dag_id), set(pipeline.schedule_assets)),
        "downstream": linked(graph.downstream(dag_id), set(pipeline.outlets)),
        "waiting_on": [uri for uri in pipeline.schedule_assets if uri not in produced],
    }


def preview_payload(spec: dict[str, Any], limit: int = 20, timeout_seconds: float = 10) -> dict[str, Any]:
    """The mart preview of a spec: ``{"status": "ok", "columns", "rows", "estimated_rows", ...}``, or the
    gates' questions and errors, or ``{"status": "error", "error"}`` for a spec that is not a mart."""
    from airflow_ai_etl.assistant import _failed
    from airflow_ai_etl.marts.gates import mart_of
    from airflow_ai_etl.marts.preview import preview_mart
    from airflow_ai_etl.marts.resolve import resolve_mart
    from airflow_ai_etl.validation import validate_spec

    catalog = get_catalog()
    checked, problems = validate_spec(spec, catalog)
    if problems or checked is None:
        outcome = _failed(checked, problems)
        return {
            "status": outcome.status,
            "questions": outcome.questions,
            "errors": [p.to_dict() for p in outcome.errors],
        }
    if checked.source.type != "mart":
        from airflow_ai_etl.messages import msg

        return {"status": "error", "error": msg("preview.not_a_mart")}
    shown = preview_mart(
        resolve_mart(mart_of(checked), catalog), limit=limit, timeout_seconds=timeout_seconds
    )
    return {"status": "ok", **shown.to_dict()}
