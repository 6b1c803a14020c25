"""HTML pages of the "AI ETL" menu (a Flask-AppBuilder view served under ``/pluginsv2/aietl``).

The pages are thin: read-only pages render what service.py returns, and the New pipeline and
History pages call the JSON endpoints (api.py) from the browser for every action.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from flask import Response, current_app, make_response, redirect, render_template, request, url_for
from flask_appbuilder import BaseView, expose

from airflow_ai_etl.deploy import DeployError
from airflow_ai_etl.messages import localize, message_of
from airflow_ai_etl.web import permissions as perms
from airflow_ai_etl.web import service
from airflow_ai_etl.web import session as scoped_session
from airflow_ai_etl.web.i18n import COOKIE, EXAMPLES, current_language, detail_items, page_context

log = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).resolve().parent.parent
TEMPLATE_FOLDER = str(PACKAGE_DIR / "templates")
STATIC_FOLDER = str(PACKAGE_DIR / "static")
LANG_COOKIE_MAX_AGE = 365 * 24 * 3600


def _page(template: str, **context: Any) -> Response:
    """Render a page; remember an explicit ``?lang=`` choice in a cookie."""
    response = make_response(render_template(template, **page_context(), **context))
    chosen = request.args.get("lang")
    if chosen in ("en", "ru"):
        response.set_cookie(COOKIE, chosen, max_age=LANG_COOKIE_MAX_AGE, samesite="Lax", httponly=True)
    response.headers["Cache-Control"] = "no-store"
    return response


class AIETLView(BaseView):
    """The pages: New pipeline (with deploy), Pipelines, Runs, History, Catalog, Audit log."""

    route_base = "/aietl"
    default_view = "new"
    template_folder = TEMPLATE_FOLDER
    class_permission_name = perms.RESOURCE_PIPELINES
    base_permissions = perms.PIPELINE_ACTIONS

    def create_blueprint(
        self, appbuilder: Any, endpoint: str | None = None, static_folder: str | None = None
    ) -> Any:
        """Serve the package's static files with the view, and create the permissions once mounted."""
        blueprint = super().create_blueprint(appbuilder, endpoint=endpoint, static_folder=STATIC_FOLDER)
        blueprint.before_request(perms.authenticate_from_token)
        # current_app is a werkzeug LocalProxy; Flask's annotation (the app itself) hides the method.
        scoped_session.install(current_app._get_current_object(), (self.route_base,))  # type: ignore[attr-defined]
        try:
            perms.sync_permissions(appbuilder.sm)
        except Exception:  # e.g. another api-server worker created them at the same moment
            log.exception("AI ETL: could not create the menu's permissions")
            # Only the FAB auth manager's security manager has a session; with another auth
            # manager the pages cannot check permissions, and the api-server must still start.
            session = getattr(appbuilder.sm, "session", None)
            if session is not None:
                session.rollback()
        return blueprint

    @expose("/")
    @perms.requires(perms.ACTION_READ)
    def index(self) -> Any:
        """The menu's entry: the New pipeline page."""
        args: dict[str, Any] = request.args.to_dict()
        return redirect(url_for("AIETLView.new", **args))

    @expose("/new")
    @perms.requires(perms.ACTION_READ)
    def new(self) -> Response:
        """Request box, examples, and (filled in by the browser) spec, graph, code, validation, deploy."""
        return _page(
            "ai_etl/new.html",
            page="new",
            examples=EXAMPLES[current_language()],
            strategies=service.strategies(),
            initial_request=request.args.get("request", ""),
        )

    @expose("/pipelines")
    @perms.requires(perms.ACTION_READ)
    def pipelines(self) -> Response:
        """Every pipeline the assistant wrote: version, schedule, file state, last run."""
        return _page(
            "ai_etl/pipelines.html", page="pipelines", rows=service.pipelines(service.assistant().store)
        )

    @expose("/runs")
    @expose("/runs/<dag_id>")
    @perms.requires(perms.ACTION_READ)
    def runs(self, dag_id: str | None = None) -> Response:
        """Each pipeline's last runs from Airflow's records, with a chart of rows and duration per run."""
        store = service.assistant().store
        dag_id = dag_id or request.args.get("dag_id") or None
        return _page(
            "ai_etl/runs.html",
            page="runs",
            dag_id=dag_id or "",
            dag_ids=[row.dag_id for row in store.list()],
            pipelines=service.runs_overview(store, dag_id, limit=request.args.get("limit", 20, type=int)),
        )

    @expose("/history")
    @expose("/history/<dag_id>")
    @perms.requires(perms.ACTION_READ)
    def history(self, dag_id: str | None = None) -> Response:
        """Versions of one pipeline: who, when, request; diff, rollback and trigger buttons."""
        store = service.assistant().store
        dag_ids = [row.dag_id for row in store.list()]
        dag_id = dag_id or request.args.get("dag_id") or None
        versions: list[dict[str, Any]] = []
        lineage: dict[str, Any] | None = None
        error = ""
        if dag_id:
            try:
                versions = service.versions(store, dag_id)
            except DeployError as exc:
                error = localize(message_of(exc), current_language())
            try:
                lineage = service.lineage(store, dag_id)
            except DeployError:
                lineage = None  # not deployed or its file is gone: the versions' error says so
        return _page(
            "ai_etl/history.html",
            page="history",
            dag_id=dag_id or "",
            dag_ids=dag_ids,
            versions=versions,
            lineage=lineage,
            error=error,
            dag_url=service.dag_url(dag_id) if dag_id else "",
            can_trigger=bool(dag_id) and perms.can_trigger(dag_id or ""),
        )

    @expose("/catalog")
    @perms.requires(perms.ACTION_READ)
    def catalog(self) -> Response:
        """Connections and tables the planner can see (``?refresh=1`` reads them again)."""
        from airflow_ai_etl.relations import relations_of
        from airflow_ai_etl.web.relation_graph import relation_graph

        error = ""
        graphs: dict[str, Any] = {}
        try:
            loaded = service.get_catalog(refresh=request.args.get("refresh") == "1")
            catalog = loaded.to_dict()
            # Declared and name-inferred relations (nothing read from the servers); the measured
            # containment is `airflow ai-etl catalog --relations`.
            graphs = {
                conn_id: graph
                for conn_id in loaded.tables
                if (graph := relation_graph(loaded, conn_id, relations_of(loaded, conn_id))) is not None
            }
        except Exception as exc:
            log.exception("AI ETL: catalog")
            catalog, error = {"connections": [], "tables": {}, "errors": {}}, str(exc)
        snapshot = service.catalog_file()
        return _page(
            "ai_etl/catalog.html",
            page="catalog",
            catalog=catalog,
            graphs=graphs,
            error=error,
            snapshot=str(snapshot) if snapshot else "",
        )

    @expose("/audit")
    @perms.requires(perms.ACTION_READ, perms.RESOURCE_AUDIT)
    def audit(self) -> Response:
        """The audit log, newest first (``?dag_id=`` filters)."""
        language = current_language()
        entries = [
            {**entry.to_dict(), "details": detail_items(entry.detail, language)}
            for entry in service.audit_log().entries(
                limit=request.args.get("limit", 200, type=int), dag_id=request.args.get("dag_id") or None
            )
        ]
        return _page(
            "ai_etl/audit.html", page="audit", entries=entries, dag_id=request.args.get("dag_id", "")
        )
