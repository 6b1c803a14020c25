"""Who may do what in the "AI ETL" menu: FAB resources, actions, default grants and the checks.

Permissions are ordinary FAB permissions (action on resource), so administrators adjust them in
Security > Roles like any other:

=====================  ==============  =======================================================
resource               action          allows
=====================  ==============  =======================================================
AI ETL Pipelines       can_read        the pages, pipelines, versions, diffs, catalog
AI ETL Pipelines       can_generate    planning requests and validating specs
AI ETL Pipelines       can_deploy      writing a validated DAG into the dags folder
AI ETL Pipelines       can_rollback    restoring an older version
AI ETL Audit Log       can_read        the audit log page and endpoint
=====================  ==============  =======================================================

Triggering a run is checked against Airflow's own permission to create runs of that DAG, unpausing
against Airflow's permission to edit it.

Finding the menu: Airflow 3's navigation lists plugin pages from ``GET /api/v2/plugins``, which the
FAB auth manager allows only with ``can_read`` on ``Plugins`` (Op and Admin have it; Viewer and User
do not). :func:`setup_roles` (``airflow ai-etl roles``) grants exactly that to every role holding an
AI ETL permission, and nothing else.

The default grants (:data:`DEFAULT_GRANTS`) are applied only when a permission is created for the
first time, so later changes made by an administrator are kept across restarts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from flask import Response, jsonify, redirect, render_template, request

log = logging.getLogger(__name__)

RESOURCE_PIPELINES = "AI ETL Pipelines"
RESOURCE_AUDIT = "AI ETL Audit Log"

ACTION_READ = "can_read"
ACTION_GENERATE = "can_generate"
ACTION_DEPLOY = "can_deploy"
ACTION_ROLLBACK = "can_rollback"

PIPELINE_ACTIONS = [ACTION_READ, ACTION_GENERATE, ACTION_DEPLOY, ACTION_ROLLBACK]
AUDIT_ACTIONS = [ACTION_READ]

MENU_CATEGORY = "AI ETL"
# FAB menu item names (also the "menu_access" resources); labels are translated in i18n.py.
MENU_ITEMS = ["New pipeline", "Pipelines", "History", "Catalog", "Audit log"]

_READ = [(ACTION_READ, RESOURCE_PIPELINES)]
_GENERATE = [(ACTION_GENERATE, RESOURCE_PIPELINES)]
_OPERATE = [(ACTION_DEPLOY, RESOURCE_PIPELINES), (ACTION_ROLLBACK, RESOURCE_PIPELINES)]
_AUDIT = [(ACTION_READ, RESOURCE_AUDIT)]
_MENUS = [("menu_access", name) for name in [MENU_CATEGORY, *MENU_ITEMS]]

# Viewer reads, User and Op generate (Op also sees the audit log), Admin does everything.
DEFAULT_GRANTS: dict[str, list[tuple[str, str]]] = {
    "Viewer": _READ + _MENUS,
    "User": _READ + _GENERATE + _MENUS,
    "Op": _READ + _GENERATE + _AUDIT + _MENUS,
    "Admin": _READ + _GENERATE + _OPERATE + _AUDIT + _MENUS,
}

# Airflow's own permission behind GET /api/v2/plugins (AccessView.PLUGINS in the FAB auth manager),
# the list the React navigation builds its plugin entries from.
RESOURCE_PLUGINS = "Plugins"
NAVIGATION = (ACTION_READ, RESOURCE_PLUGINS)

# What `airflow ai-etl roles --grant NAME` adds to a role.
GRANTS: dict[str, list[tuple[str, str]]] = {
    "read": _READ,
    "generate": _READ + _GENERATE,
    "deploy": _READ + [(ACTION_DEPLOY, RESOURCE_PIPELINES)],
    "rollback": _READ + [(ACTION_ROLLBACK, RESOURCE_PIPELINES)],
    "audit": _AUDIT,
}

T = TypeVar("T", bound=Callable[..., Any])


def all_permissions() -> list[tuple[str, str]]:
    """Every (action, resource) pair the menu uses."""
    pairs = [(a, RESOURCE_PIPELINES) for a in PIPELINE_ACTIONS] + [(a, RESOURCE_AUDIT) for a in AUDIT_ACTIONS]
    return pairs + _MENUS


def sync_permissions(security_manager: Any) -> list[tuple[str, str]]:
    """Create the menu's permissions that do not exist yet and grant them to the default roles.

    Safe to call on every start: existing permissions (and their grants) are left alone.

    :param security_manager: the FAB security manager (``appbuilder.sm``).
    :return: the (action, resource) pairs created by this call.
    """
    created = []
    for action, resource in all_permissions():
        if security_manager.get_permission(action, resource) is not None:
            continue
        permission = security_manager.create_permission(action, resource)
        created.append((action, resource))
        for role_name, grants in DEFAULT_GRANTS.items():
            if (action, resource) not in grants:
                continue
            role = security_manager.find_role(role_name)
            if role is not None:
                security_manager.add_permission_to_role(role, permission)
    if created:
        log.info("AI ETL: created permissions %s", created)
    return created


def setup_roles(
    security_manager: Any,
    role_names: list[str] | None = None,
    grants: list[str] | None = None,
    dry_run: bool = False,
) -> list[tuple[str, str, str]]:
    """Let roles find and use the menu: add the ``grants`` (names of :data:`GRANTS`) to the named
    roles, then give every role (or only the named ones) that holds an AI ETL permission
    ``can_read`` on ``Plugins`` so Airflow's navigation lists the pages. Nothing else is granted
    and nothing is taken away; running it again changes nothing.

    :param security_manager: the FAB security manager (``appbuilder.sm``).
    :param role_names: only these roles (all roles when ``None``); each must exist.
    :param grants: AI ETL permission sets to add to ``role_names`` (needs ``role_names``).
    :param dry_run: only report what would be granted.
    :return: (role, action, resource) of every grant made (or that would be made).
    """
    grants = list(grants or [])
    unknown = [g for g in grants if g not in GRANTS]
    if unknown:
        raise ValueError(f"unknown grant {unknown[0]!r}; use {', '.join(GRANTS)}")
    if grants and not role_names:
        raise ValueError("name the roles to grant to (--role)")
    if not dry_run:
        sync_permissions(security_manager)
    if role_names:
        roles = []
        for name in role_names:
            role = security_manager.find_role(name)
            if role is None:
                raise ValueError(f"role {name!r} does not exist")
            roles.append(role)
    else:
        roles = list(security_manager.get_all_roles())
    wanted = list(dict.fromkeys(pair for name in grants for pair in GRANTS[name]))
    ours = {RESOURCE_PIPELINES, RESOURCE_AUDIT}
    planned: list[tuple[str, str, str]] = []
    for role in roles:
        held = {(p.action.name, p.resource.name) for p in role.permissions}
        add = [pair for pair in wanted if pair not in held]
        if any(resource in ours for _, resource in [*held, *add]) and NAVIGATION not in held:
            add.append(NAVIGATION)
        for action, resource in add:
            planned.append((role.name, action, resource))
            if dry_run:
                continue
            permission = security_manager.get_permission(action, resource)
            if permission is None:
                permission = security_manager.create_permission(action, resource)
            security_manager.add_permission_to_role(role, permission)
    return planned


# --- checks for the current request -------------------------------------------------------------


def _auth_manager() -> Any:
    from airflow.api_fastapi.app import get_auth_manager

    return get_auth_manager()


def authenticate_from_token() -> None:
    """Flask ``before_request`` hook: take the user from Airflow 3's ``_token`` cookie (JWT).

    Under Airflow 3 the login page (``/auth``) keeps its Flask session in its own app, so the
    ``/pluginsv2`` app does not see it; the JWT cookie the UI itself uses is the reliable proof of
    who is calling. The FAB auth manager returns ``g.user`` when there is no Flask-Login user.
    """
    from flask import g
    from flask_login import current_user as login_user

    if not getattr(login_user, "is_anonymous", True):
        return
    try:
        from airflow.api_fastapi.auth.managers.base_auth_manager import COOKIE_NAME_JWT_TOKEN
        from asgiref.sync import async_to_sync
    except ImportError:  # pragma: no cover - older Airflow: Flask-Login only
        return
    token = request.cookies.get(COOKIE_NAME_JWT_TOKEN)
    if not token:
        return
    try:
        g.user = async_to_sync(_auth_manager().get_user_from_token)(token)
    except Exception as exc:  # expired, revoked or forged: stay anonymous (login page)
        log.info("AI ETL: ignoring the JWT cookie: %s", exc)


def current_user() -> Any:
    """The logged-in Airflow user (a FAB user model) or an anonymous user."""
    return _auth_manager().get_user()


def current_username() -> str:
    """The name stored in the version history and the audit log."""
    user = current_user()
    return str(getattr(user, "username", None) or getattr(user, "get_name", lambda: "anonymous")())


def is_logged_in() -> bool:
    user = current_user()
    return bool(user is not None and not getattr(user, "is_anonymous", True))


def is_allowed(action: str, resource: str = RESOURCE_PIPELINES) -> bool:
    """Whether the current user holds ``action`` on ``resource`` (via the auth manager)."""
    if not is_logged_in():
        return False
    return bool(
        _auth_manager().is_authorized_custom_view(method=action, resource_name=resource, user=current_user())
    )


def can_trigger(dag_id: str) -> bool:
    """Airflow's own check: may the current user create a run of ``dag_id``?"""
    from airflow.api_fastapi.auth.managers.models.resource_details import DagAccessEntity, DagDetails

    if not is_logged_in():
        return False
    return bool(
        _auth_manager().is_authorized_dag(
            method="POST",
            access_entity=DagAccessEntity.RUN,
            details=DagDetails(id=dag_id),
            user=current_user(),
        )
    )


def can_unpause(dag_id: str) -> bool:
    """Airflow's own check: may the current user edit (pause/unpause) ``dag_id``?"""
    from airflow.api_fastapi.auth.managers.models.resource_details import DagDetails

    if not is_logged_in():
        return False
    return bool(
        _auth_manager().is_authorized_dag(method="PUT", details=DagDetails(id=dag_id), user=current_user())
    )


def capabilities() -> dict[str, bool]:
    """What the current user may do, for templates and scripts (buttons are hidden, routes refuse)."""
    return {
        "read": is_allowed(ACTION_READ),
        "generate": is_allowed(ACTION_GENERATE),
        "deploy": is_allowed(ACTION_DEPLOY),
        "rollback": is_allowed(ACTION_ROLLBACK),
        "audit": is_allowed(ACTION_READ, RESOURCE_AUDIT),
    }


def _login_url() -> str:
    return str(_auth_manager().get_url_login(next_url=request.url))


def _refuse_json(status: int, action: str, resource: str) -> Response:
    from airflow_ai_etl.web.i18n import current_language, translator

    t = translator(current_language())
    message = t("api.login") if status == 401 else t("api.forbidden", action=action, resource=resource)
    response = jsonify({"status": "forbidden" if status == 403 else "unauthorized", "error": message})
    response.status_code = status
    return response


def _refuse_page(action: str, resource: str) -> Any:
    from airflow_ai_etl.web.i18n import page_context

    context = page_context()
    body = render_template("ai_etl/forbidden.html", action=action, resource=resource, **context)
    return body, 403


def _audit_refusal(action: str) -> None:
    """Refused attempts to change something are audited too (status "forbidden")."""
    try:
        from airflow_ai_etl.web.service import audit_log

        dag_id = str((request.view_args or {}).get("dag_id", ""))
        audit_log().record(
            current_username(), action.removeprefix("can_"), "forbidden", dag_id=dag_id, detail=request.path
        )
    except Exception:
        log.exception("AI ETL: could not audit a refused %s", action)


def requires(action: str, resource: str = RESOURCE_PIPELINES, *, api: bool = False) -> Callable[[T], T]:
    """Protect a view method: anonymous users go to the login page (401 for JSON), others need
    ``action`` on ``resource`` or get a 403 page (403 JSON)."""

    def decorator(func: T) -> T:
        @wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if not is_logged_in():
                return _refuse_json(401, action, resource) if api else redirect(_login_url())
            if not is_allowed(action, resource):
                log.warning("AI ETL: %s refused %s on %s", current_username(), action, resource)
                if action != ACTION_READ:
                    _audit_refusal(action)
                return _refuse_json(403, action, resource) if api else _refuse_page(action, resource)
            return func(*args, **kwargs)

        return cast(T, wrapper)

    return decorator
