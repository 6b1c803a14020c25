"""Fast checks of the web menu's pieces that need no server: grants, language choice, audit log, graph."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from werkzeug.datastructures import LanguageAccept

from airflow_ai_etl.web import permissions as perms
from airflow_ai_etl.web.audit import AuditLog
from airflow_ai_etl.web.i18n import TEXTS, negotiate, translator


class FakeSecurityManager:
    """Just enough of FAB's security manager for sync_permissions."""

    def __init__(self, existing: set[tuple[str, str]] = frozenset()) -> None:  # type: ignore[assignment]
        self.permissions = set(existing)
        self.roles: dict[str, set[tuple[str, str]]] = {r: set() for r in ("Admin", "Op", "User", "Viewer")}

    def get_permission(self, action: str, resource: str) -> Any:
        return (action, resource) if (action, resource) in self.permissions else None

    def create_permission(self, action: str, resource: str) -> tuple[str, str]:
        self.permissions.add((action, resource))
        return (action, resource)

    def find_role(self, name: str) -> Any:
        return name if name in self.roles else None

    def add_permission_to_role(self, role: str, permission: tuple[str, str]) -> None:
        self.roles[role].add(permission)


def test_default_grants_per_role() -> None:
    sm = FakeSecurityManager()
    created = perms.sync_permissions(sm)
    assert set(created) == set(perms.all_permissions())
    pipelines = perms.RESOURCE_PIPELINES
    assert (perms.ACTION_READ, pipelines) in sm.roles["Viewer"]
    assert (perms.ACTION_GENERATE, pipelines) not in sm.roles["Viewer"]
    assert (perms.ACTION_GENERATE, pipelines) in sm.roles["User"]
    assert (perms.ACTION_DEPLOY, pipelines) not in sm.roles["User"] | sm.roles["Op"]
    assert (perms.ACTION_READ, perms.RESOURCE_AUDIT) in sm.roles["Op"]
    assert {(perms.ACTION_DEPLOY, pipelines), (perms.ACTION_ROLLBACK, pipelines)} <= sm.roles["Admin"]


def test_existing_permissions_keep_their_grants() -> None:
    """An administrator who took a permission away does not get it back on restart."""
    existing = {(perms.ACTION_GENERATE, perms.RESOURCE_PIPELINES)}
    sm = FakeSecurityManager(existing)
    perms.sync_permissions(sm)
    assert (perms.ACTION_GENERATE, perms.RESOURCE_PIPELINES) not in sm.roles["User"]
    assert perms.sync_permissions(sm) == []


def test_language_choice() -> None:
    russian = LanguageAccept([("ru-RU", 1), ("en", 0.5)])
    assert negotiate(None, None, russian) == "ru"
    assert negotiate("en", None, russian) == "en"
    assert negotiate(None, "en", russian) == "en"
    assert negotiate("xx", None, LanguageAccept([("de", 1)])) == "en"
    assert translator("ru")("menu.new") == "Новый пайплайн"
    assert translator("ru")("history.confirm_rollback", version=3).startswith("Восстановить версию 3")


def test_both_languages_have_every_text() -> None:
    assert set(TEXTS["en"]) == set(TEXTS["ru"])


def test_audit_log_appends_and_filters(tmp_path: Path) -> None:
    log = AuditLog(tmp_path)
    log.record("admin", "generate", "ok", "привет", "a", {"questions": []})
    log.record("analyst", "deploy", "forbidden", dag_id="b", detail="/aietl/api/deploy")
    entries = log.entries()
    assert [(e.user, e.action, e.status) for e in entries] == [
        ("analyst", "deploy", "forbidden"),
        ("admin", "generate", "ok"),
    ]
    assert entries[1].request == "привет"
    assert [e.dag_id for e in AuditLog(tmp_path).entries(dag_id="a")] == ["a"]
