"""Airflow plugin entry point: the "AI ETL" menu in the web UI.

In Airflow 3 the FAB provider serves ``appbuilder_views`` under ``/pluginsv2`` (the page at
``/pluginsv2/aietl/``); ``external_views`` put the same pages into the React UI's navigation,
where they open inside the Airflow shell. Importing this module must stay cheap and must not need
the FAB provider: the views are only built when Flask-AppBuilder can be imported.
"""

from __future__ import annotations

import logging
from typing import Any

from airflow.plugins_manager import AirflowPlugin

log = logging.getLogger(__name__)

MENU_CATEGORY = "AI ETL"
# (FAB menu name, page route under /pluginsv2/aietl, React UI url_route)
PAGES = [
    ("New pipeline", "new", "ai-etl-new"),
    ("Pipelines", "pipelines", "ai-etl-pipelines"),
    ("Runs", "runs", "ai-etl-runs"),
    ("History", "history", "ai-etl-history"),
    ("Catalog", "catalog", "ai-etl-catalog"),
    ("Audit log", "audit", "ai-etl-audit"),
]

# Served by the view's blueprint (package static folder); shown next to the entries in the React nav.
ICON = "/pluginsv2/aietl/static/ai_etl/icon.svg"


def _appbuilder_views() -> list[dict[str, Any]]:
    try:
        from airflow_ai_etl.web.api import AIETLApi
        from airflow_ai_etl.web.views import AIETLView
    except ImportError as exc:  # no FAB provider: the CLI and operators still work
        log.debug("AI ETL web menu disabled: %s", exc)
        return []
    view = AIETLView()
    views: list[dict[str, Any]] = [
        {"name": name, "category": MENU_CATEGORY, "view": view, "href": f"AIETLView.{route}"}
        for name, route, _ in PAGES
    ]
    views.append({"view": AIETLApi()})  # no menu entry
    return views


def _external_views() -> list[dict[str, Any]]:
    return [
        {"name": name, "href": f"/pluginsv2/aietl/{route}", "destination": "nav", "category": MENU_CATEGORY,
         "url_route": url_route, "icon": ICON}
        for name, route, url_route in PAGES
    ]  # fmt: skip


class AIETLPlugin(AirflowPlugin):
    """Registers the "AI ETL" menu (FAB views + JSON endpoints) and its entries in the React UI."""

    name = "ai_etl"
    appbuilder_views = _appbuilder_views()
    external_views = _external_views()
