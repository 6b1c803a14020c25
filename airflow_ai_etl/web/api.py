"""JSON endpoints of the "AI ETL" menu, under ``/pluginsv2/aietl/api`` in Airflow 3.

Same permissions as the pages (see permissions.py); every POST needs the CSRF token (Flask-WTF,
header ``X-CSRFToken``), and every generate, check, deploy, rollback and trigger is audited.

==========================================================  =============================  ============
route                                                       permission                     audited as
==========================================================  =============================  ============
GET  /api/pipelines                                         can_read  AI ETL Pipelines
GET  /api/pipelines/<dag_id>/versions                       can_read  AI ETL Pipelines
GET  /api/pipelines/<dag_id>/versions/<n>                   can_read  AI ETL Pipelines
GET  /api/pipelines/<dag_id>/diff?old=N&new=M               can_read  AI ETL Pipelines
GET  /api/catalog[?refresh=1]                               can_read  AI ETL Pipelines
GET  /api/audit[?limit=&offset=&dag_id=]                    can_read  AI ETL Audit Log
POST /api/generate        {"request", "strategy", "pii"}    can_generate                   generate
POST /api/check           {"spec": {...}}                   can_generate                   check
POST /api/preview         {"spec": {...}}  (a mart)         can_generate                   preview
POST /api/deploy          {"spec": {...}}                   can_deploy                     deploy
POST /api/deploy   {"spec", "replace_hand_edit": sha256}    can_deploy                     replace
POST /api/pipelines/<dag_id>/rollback  {"version": N}       can_rollback                   rollback
GET  /api/pipelines/<dag_id>/status                         can_read  AI ETL Pipelines
POST /api/pipelines/<dag_id>/trigger                        Airflow: create runs of DAG    trigger
POST /api/pipelines/<dag_id>/unpause                        Airflow: edit the DAG          unpause
POST /api/pipelines/<dag_id>/pause                          Airflow: edit the DAG          pause
GET  /api/pipelines/<dag_id>/lineage                        can_read  AI ETL Pipelines
==========================================================  =============================  ============

Messages are in the page's language (see i18n.py); a refused deploy of a hand-edited file answers 409
with ``code: "hand_edited"`` and the hand edit (``hand_edit``), so the page can show what a replace
would throw away.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from flask import Response, request
from flask_appbuilder import BaseView, expose

from airflow_ai_etl.deploy import DeployError
from airflow_ai_etl.messages import as_record, localize, message_of, msg
from airflow_ai_etl.web import permissions as perms
from airflow_ai_etl.web import service
from airflow_ai_etl.web.i18n import current_language, localize_payload, translator

log = logging.getLogger(__name__)


def _json(data: Any, status: int = 200) -> Response:
    """JSON in the spec's own key order (Flask's jsonify would sort the keys)."""
    return Response(
        json.dumps(data, ensure_ascii=False, default=str), status=status, mimetype="application/json"
    )


def _error(message: str, status: int = 400, **extra: Any) -> Response:
    return _json({"status": "error", "error": message, **extra}, status)


def _t(key: str, **fields: Any) -> str:
    """A message in the caller's language."""
    return translator(current_language())(key, **fields)


def _payload(outcome: Any, helper: Any) -> dict[str, Any]:
    """The result for the page, with planner questions and gate messages in the page's language."""
    language = current_language()
    return localize_payload(service.outcome_payload(outcome, helper, language), language)


def _body() -> dict[str, Any]:
    data = request.get_json(silent=True)
    return data if isinstance(data, dict) else {}


def _audit(action: str, status: str, request_text: str = "", dag_id: str = "", detail: Any = "") -> None:
    """Record one action; a broken audit log is logged loudly but does not hide the result."""
    try:
        service.audit_log().record(perms.current_username(), action, status, request_text, dag_id, detail)
    except Exception:
        log.exception("AI ETL: could not write the audit log entry for %s", action)


def _spec_from_body() -> tuple[dict[str, Any] | None, Response | None]:
    spec = _body().get("spec")
    if not isinstance(spec, dict):
        return None, _error(_t("api.no_spec"))
    return spec, None


class AIETLApi(BaseView):
    """The JSON API; the pages (views.py) call it from the browser."""

    route_base = "/aietl/api"
    class_permission_name = perms.RESOURCE_PIPELINES
    base_permissions = perms.PIPELINE_ACTIONS
    default_view = "list_pipelines"

    def create_blueprint(
        self, appbuilder: Any, endpoint: str | None = None, static_folder: str | None = None
    ) -> Any:
        """Identify callers by Airflow's JWT cookie, like the pages do; a stale CSRF token gets a JSON
        answer the page can explain (Flask-WTF's own is an HTML "400 Bad Request")."""
        blueprint = super().create_blueprint(appbuilder, endpoint=endpoint, static_folder=static_folder)
        blueprint.before_request(perms.authenticate_from_token)
        try:
            from flask_wtf.csrf import CSRFError
        except ImportError:  # pragma: no cover - FAB always ships Flask-WTF
            return blueprint
        blueprint.register_error_handler(
            CSRFError, lambda exc: _error(_t("api.csrf"), 400, code="csrf", detail=str(exc.description))
        )
        return blueprint

    # --- read ----------------------------------------------------------------------------------

    @expose("/pipelines")
    @perms.requires(perms.ACTION_READ, api=True)
    def list_pipelines(self) -> Response:
        """Every pipeline the assistant deployed, with version, schedule, file state and last run."""
        return _json({"pipelines": service.pipelines(service.assistant().store)})

    @expose("/pipelines/<dag_id>/versions")
    @perms.requires(perms.ACTION_READ, api=True)
    def list_versions(self, dag_id: str) -> Response:
        """All versions of one pipeline (who, when, request), newest first."""
        try:
            return _json({"dag_id": dag_id, "versions": service.versions(service.assistant().store, dag_id)})
        except DeployError as exc:
            return _error(str(exc), 404)

    @expose("/pipelines/<dag_id>/versions/<int:version>")
    @perms.requires(perms.ACTION_READ, api=True)
    def get_version(self, dag_id: str, version: int) -> Response:
        """One version with its spec and file."""
        try:
            found = service.assistant().store.get(dag_id, version)
        except DeployError as exc:
            return _error(str(exc), 404)
        return _json(
            {
                "dag_id": found.dag_id,
                "version": found.version,
                "spec": found.spec,
                "source": found.source,
                "request": found.request,
                "user": found.user,
                "created_at": found.created_at,
                "action": found.action,
            }
        )

    @expose("/pipelines/<dag_id>/diff")
    @perms.requires(perms.ACTION_READ, api=True)
    def diff(self, dag_id: str) -> Response:
        """Unified diff of the DAG file between versions ``old`` and ``new`` (default: latest)."""
        old = request.args.get("old", type=int)
        new = request.args.get("new", type=int)
        if old is None:
            return _error("give ?old=N (and optionally &new=M)")
        try:
            return _json(
                {
                    "dag_id": dag_id,
                    "old": old,
                    "new": new,
                    "diff": service.assistant().store.diff(dag_id, old, new),
                }
            )
        except DeployError as exc:
            return _error(str(exc), 404)

    @expose("/catalog")
    @perms.requires(perms.ACTION_READ, api=True)
    def catalog(self) -> Response:
        """Connections and tables the planner can see."""
        try:
            catalog = service.get_catalog(refresh=request.args.get("refresh") == "1")
        except Exception as exc:
            log.exception("AI ETL: catalog")
            return _error(f"cannot read the catalog: {exc}", 500)
        return _json(catalog.to_dict())

    @expose("/audit")
    @perms.requires(perms.ACTION_READ, perms.RESOURCE_AUDIT, api=True)
    def audit(self) -> Response:
        """The newest audit entries first."""
        entries = service.audit_log().entries(
            limit=request.args.get("limit", 200, type=int),
            offset=request.args.get("offset", 0, type=int),
            dag_id=request.args.get("dag_id") or None,
        )
        return _json({"entries": [e.to_dict() for e in entries]})

    # --- act -----------------------------------------------------------------------------------

    @expose("/generate", methods=["POST"])
    @perms.requires(perms.ACTION_GENERATE, api=True)
    def generate(self) -> Response:
        """Plan a request and take it through every gate; nothing is written."""
        text = _body().get("request")
        if not isinstance(text, str) or not text.strip():
            return _error(_t("api.no_request"))
        # A request over [ai_etl] max_request_chars is rejected by the Assistant, with its length.
        strategy = _body().get("strategy") or "offline"
        if strategy not in service.STRATEGIES:
            return _error(
                _t("api.unknown_strategy", strategy=strategy, choices=", ".join(service.STRATEGIES))
            )
        if strategy not in service.strategies():
            return _error(_t("api.no_llm"), 400, code="no_llm")
        # The answer to the personal-data question («... маскировать?»): mask or allow; none asks.
        pii = _body().get("pii")
        if pii not in (None, "mask", "allow"):
            return _error(_t("api.bad_pii", pii=pii))
        helper = service.assistant(strategy)
        try:
            outcome = helper.generate(text.strip(), pii=pii)
            payload = _payload(outcome, helper)
        except Exception as exc:
            log.exception("AI ETL: generate")
            _audit("generate", "error", text, detail=str(exc))
            return _error(_t("api.internal", error=exc), 500)
        detail = _summary(payload)
        if strategy != "offline":
            detail = {"strategy": strategy, **(detail or {})}  # type: ignore[dict-item]
        if pii:
            detail = {"pii": pii, **(detail or {})}  # type: ignore[dict-item]
        _audit("generate", outcome.status, text, payload.get("dag_id", ""), detail)
        return _json(payload)

    @expose("/check", methods=["POST"])
    @perms.requires(perms.ACTION_GENERATE, api=True)
    def check(self) -> Response:
        """Take an edited spec through every gate; nothing is written."""
        spec, problem = _spec_from_body()
        if problem is not None:
            return problem
        helper = service.assistant()
        try:
            outcome = helper.check(spec)  # type: ignore[arg-type]
            payload = _payload(outcome, helper)
        except Exception as exc:
            log.exception("AI ETL: check")
            _audit("check", "error", str(spec.get("request", "")), detail=str(exc))  # type: ignore[union-attr]
            return _error(_t("api.internal", error=exc), 500)
        request_text = str(spec.get("request", ""))  # type: ignore[union-attr]
        _audit("check", outcome.status, request_text, payload.get("dag_id", ""), _summary(payload))
        return _json(payload)

    @expose("/preview", methods=["POST"])
    @perms.requires(perms.ACTION_GENERATE, api=True)
    def preview(self) -> Response:
        """A mart's first rows and row estimate (the gates before rendering run first); nothing is written."""
        spec, problem = _spec_from_body()
        if problem is not None:
            return problem
        request_text = str(spec.get("request", ""))  # type: ignore[union-attr]
        try:
            payload = service.preview_payload(spec)  # type: ignore[arg-type]
        except Exception as exc:  # the query failed or timed out on the source
            log.exception("AI ETL: preview")
            _audit("preview", "error", request_text, str(spec.get("dag_id", "")), str(exc))  # type: ignore[union-attr]
            return _error(localize(msg("preview.failed", error=exc), current_language()), 502)
        _audit("preview", payload["status"], request_text, str(spec.get("dag_id", "")))  # type: ignore[union-attr]
        language = current_language()
        if payload["status"] == "error":
            return _error(localize(payload["error"], language), 400)
        return _json(localize_payload(payload, language))

    @expose("/deploy", methods=["POST"])
    @perms.requires(perms.ACTION_DEPLOY, api=True)
    def deploy(self) -> Response:
        """Re-validate the spec on the server, then write the DAG atomically and record a version.

        A file edited outside the assistant is only replaced when the body names it:
        ``"replace_hand_edit": "<sha256 of the file on disk>"`` (audited as ``replace``, with the
        hand edit that was thrown away).
        """
        spec, problem = _spec_from_body()
        if problem is not None:
            return problem
        request_text = str(spec.get("request", ""))  # type: ignore[union-attr]
        dag_id = str(spec.get("dag_id", ""))  # type: ignore[union-attr]
        replace = _body().get("replace_hand_edit")
        helper = service.assistant()
        try:
            outcome = helper.check(spec)  # type: ignore[arg-type]
            if outcome.status != "ok":
                payload = _payload(outcome, helper)
                _audit("deploy", outcome.status, request_text, dag_id, _summary(payload))
                return _json(payload, 422)
            edit = service.hand_edit(helper.store, dag_id)
            if edit is not None and replace != edit["sha256"]:
                key = "deploy.changed_again" if replace else f"deploy.hand_edited.{edit['kind']}"
                message = _t(key, path=edit["path"], version=edit["version"])
                _audit(
                    "deploy",
                    "refused",
                    request_text,
                    dag_id,
                    {"hand_edit": edit["kind"], "path": edit["path"]},
                )
                return _error(message, 409, code="hand_edited", hand_edit=edit)
            deployed = helper.deploy(outcome, user=perms.current_username(), force=edit is not None)
            payload = _payload(deployed, helper)
        except DeployError as exc:
            _audit("deploy", "error", request_text, dag_id, str(exc))
            return _error(localize(message_of(exc), current_language()), 409)
        except Exception as exc:
            log.exception("AI ETL: deploy")
            _audit("deploy", "error", request_text, dag_id, str(exc))
            return _error(_t("api.internal", error=exc), 500)
        detail: dict[str, Any] = {"version": deployed.version, "path": deployed.path}
        if edit is not None:
            detail["replaced_hand_edit"] = edit["diff"]
        _audit("replace" if edit is not None else "deploy", "ok", request_text, dag_id, detail)
        return _json(payload)

    @expose("/pipelines/<dag_id>/rollback", methods=["POST"])
    @perms.requires(perms.ACTION_ROLLBACK, api=True)
    def rollback(self, dag_id: str) -> Response:
        """Restore an older version (re-validated first); it is recorded as a new version."""
        version = _body().get("version")
        if not isinstance(version, int) or isinstance(version, bool):
            return _error(_t("api.no_version"))
        try:
            restored = service.assistant().rollback(dag_id, version, user=perms.current_username())
        except (DeployError, ValueError) as exc:
            _audit("rollback", "rejected", "", dag_id, {"to_version": version, "error": str(exc)})
            return _error(localize(message_of(exc), current_language()), 409)
        except Exception as exc:
            log.exception("AI ETL: rollback")
            _audit("rollback", "error", "", dag_id, {"to_version": version, "error": str(exc)})
            return _error(_t("api.internal", error=exc), 500)
        detail = {"to_version": version, "new_version": restored.version, "path": restored.path}
        _audit("rollback", "ok", restored.request, dag_id, detail)
        return _json({"status": "ok", "dag_id": dag_id, "version": restored.version, "restored": version,
                      "path": restored.path, "dag_url": service.dag_url(dag_id)})  # fmt: skip

    @expose("/pipelines/<dag_id>/status")
    @perms.requires(perms.ACTION_READ, api=True)
    def status(self, dag_id: str) -> Response:
        """Whether Airflow has parsed the DAG, whether it is paused, its latest run, and what the
        current user may do about it."""
        try:
            status = service.dag_status(dag_id)
        except Exception as exc:
            log.exception("AI ETL: status of %s", dag_id)
            return _error(_t("api.internal", error=exc), 500)
        return _json(
            {**status, "can_trigger": perms.can_trigger(dag_id), "can_unpause": perms.can_unpause(dag_id)}
        )

    @expose("/pipelines/<dag_id>/trigger", methods=["POST"])
    @perms.requires(perms.ACTION_READ, api=True)
    def trigger(self, dag_id: str) -> Response:
        """Create a manual run, if Airflow lets this user run the DAG and has parsed it already."""
        if not perms.can_trigger(dag_id):
            _audit("trigger", "forbidden", "", dag_id)
            return _error(_t("api.no_trigger", dag_id=dag_id), 403)
        if not service.dag_status(dag_id)["known"]:
            _audit("trigger", "rejected", "", dag_id, {"error": "Airflow has not parsed the DAG yet"})
            return _error(_t("trigger.unknown", dag_id=dag_id), 409, code="not_parsed")
        try:
            run = service.trigger(dag_id, perms.current_username())
        except Exception as exc:  # paused-only run types, DB errors
            _audit("trigger", "error", "", dag_id, str(exc))
            return _error(_t("api.trigger_failed", dag_id=dag_id, error=exc), 409)
        _audit("trigger", "ok", "", dag_id, {"run_id": run["run_id"]})
        return _json({"status": "ok", **run})

    @expose("/pipelines/<dag_id>/unpause", methods=["POST"])
    @perms.requires(perms.ACTION_READ, api=True)
    def unpause(self, dag_id: str) -> Response:
        """Unpause the DAG (new DAGs start paused), if Airflow lets this user edit it."""
        return _set_paused(dag_id, False)

    @expose("/pipelines/<dag_id>/pause", methods=["POST"])
    @perms.requires(perms.ACTION_READ, api=True)
    def pause(self, dag_id: str) -> Response:
        """Pause the DAG (no new runs start; a running one finishes), if Airflow lets this user edit it."""
        return _set_paused(dag_id, True)

    @expose("/pipelines/<dag_id>/lineage")
    @perms.requires(perms.ACTION_READ, api=True)
    def lineage(self, dag_id: str) -> Response:
        """What starts the pipeline (upstream pipelines and their assets) and what it feeds."""
        try:
            return _json(service.lineage(service.assistant().store, dag_id))
        except DeployError as exc:
            return _error(localize(message_of(exc), current_language()), 404)


def _summary(payload: dict[str, Any]) -> dict[str, Any] | str:
    """The part of a result worth keeping in the audit log ("" when there is nothing to add): catalog
    messages with their id and fields (the audit page shows them in each reader's language), other
    text in English."""
    original = {
        "questions": [as_record(q) for q in payload.get("questions_en", payload.get("questions")) or []],
        "errors": [_problem_record(p) for p in payload.get("errors") or []],
    }
    return {
        key: original.get(key, payload.get(key))
        for key in ("questions", "errors", "version", "path")
        if payload.get(key) not in (None, "", [])
    } or ""


def _problem_record(problem: dict[str, Any]) -> dict[str, Any]:
    kept = {k: v for k, v in problem.items() if k not in ("message", "message_en")}
    record = as_record(problem.get("message_en", problem.get("message", "")))
    return {**kept, **record} if isinstance(record, dict) else {**kept, "message": record}


def _set_paused(dag_id: str, paused: bool) -> Response:
    """Pause or unpause ``dag_id`` for a user Airflow lets edit it; audited either way."""
    action = "pause" if paused else "unpause"
    if not perms.can_unpause(dag_id):
        _audit(action, "forbidden", "", dag_id)
        return _error(_t(f"api.no_{action}", dag_id=dag_id), 403)
    try:
        service.set_paused(dag_id, paused)
    except Exception:  # runs.RunError: unknown, not yet parsed or broken DAG
        return _error(_t("trigger.unknown", dag_id=dag_id), 409, code="not_parsed")
    _audit(action, "ok", "", dag_id)
    return _json({"status": "ok", **service.dag_status(dag_id)})
