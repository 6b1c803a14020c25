"""Fast checks of the web menu's pieces that need no server: grants, language choice, audit log, graph."""

from __future__ import annotations

import re
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


class _Named:
    def __init__(self, name: str) -> None:
        self.name = name


class _Permission:
    def __init__(self, action: str, resource: str) -> None:
        self.action, self.resource = _Named(action), _Named(resource)


class _Role:
    def __init__(self, name: str, pairs: set[tuple[str, str]]) -> None:
        self.name = name
        self.permissions = [_Permission(a, r) for a, r in pairs]


class RolesSecurityManager(FakeSecurityManager):
    """FakeSecurityManager with role objects, as setup_roles reads them; the menu's permissions exist
    already (created by the api-server), so only setup_roles' own grants change the roles."""

    def __init__(self, grants: dict[str, set[tuple[str, str]]]) -> None:
        super().__init__(set(perms.all_permissions()) | {pair for pairs in grants.values() for pair in pairs})
        self.role_objects = {name: _Role(name, pairs) for name, pairs in grants.items()}

    def get_all_roles(self) -> list[_Role]:
        return list(self.role_objects.values())

    def find_role(self, name: str) -> Any:
        return self.role_objects.get(name)

    def add_permission_to_role(self, role: Any, permission: tuple[str, str]) -> None:
        role.permissions.append(_Permission(*permission))


def _held(role: Any) -> set[tuple[str, str]]:
    return {(p.action.name, p.resource.name) for p in role.permissions}


def test_setup_roles_grants_only_the_navigation() -> None:
    read = (perms.ACTION_READ, perms.RESOURCE_PIPELINES)
    sm = RolesSecurityManager(
        {"Viewer": {read}, "Op": {read, perms.NAVIGATION}, "Public": set(), "Auditors": {perms._AUDIT[0]}}
    )
    granted = perms.setup_roles(sm, dry_run=True)
    assert granted == [("Viewer", *perms.NAVIGATION), ("Auditors", *perms.NAVIGATION)]
    assert _held(sm.find_role("Viewer")) == {read}  # a dry run changes nothing
    perms.setup_roles(sm)
    assert _held(sm.find_role("Viewer")) == {read, perms.NAVIGATION}
    assert _held(sm.find_role("Public")) == set()
    assert perms.setup_roles(sm) == []


def test_setup_roles_grants_named_permissions() -> None:
    sm = RolesSecurityManager({"Analysts": set()})
    perms.setup_roles(sm, ["Analysts"], ["generate"])
    assert _held(sm.find_role("Analysts")) == {
        (perms.ACTION_READ, perms.RESOURCE_PIPELINES),
        (perms.ACTION_GENERATE, perms.RESOURCE_PIPELINES),
        perms.NAVIGATION,
    }
    for roles, grants in ((None, ["read"]), (["Nobody"], ["read"]), (["Analysts"], ["everything"])):
        try:
            perms.setup_roles(sm, roles, grants)
        except ValueError:
            continue
        raise AssertionError(f"{roles} {grants} was accepted")


def test_cron_out_of_range_names_the_field_in_both_languages() -> None:
    from airflow_ai_etl.validation import parse_spec
    from airflow_ai_etl.web.messages import translate

    spec = {
        "dag_id": "x",
        "schedule": "0 25 * * *",
        "source": {"type": "sql", "conn_id": "a", "table": "b"},
        "target": {"type": "clickhouse", "conn_id": "c", "table": "d"},
    }
    _, problems = parse_spec(spec)
    [message] = [p.message for p in problems if p.field == "schedule"]
    assert "the hour field (25) is out of range 0-23" in message
    assert translate(message, "ru") == "«0 25 * * *»: значение 25 в поле «часы» вне диапазона 0-23"
    assert translate("something new", "ru") == "something new"  # unknown messages stay as they are


def test_every_planner_message_of_the_eval_set_has_a_russian_form() -> None:
    """Every question and refusal the offline planner gives on eval/cases.jsonl (both languages) has a
    Russian form: a catalog message (airflow_ai_etl/messages) or, for text not moved there yet, an entry
    of the regex fallback (web/messages.py)."""
    from airflow_ai_etl.messages import localize as translate
    from airflow_ai_etl.planning.offline import OfflinePlanner
    from eval.run_eval import load_cases
    from tests.catalogs import CATALOGS

    planners: dict[str, OfflinePlanner] = {}
    untranslated = set()
    for case in load_cases():
        name = case["catalog"]
        catalog = CATALOGS[name]() if callable(CATALOGS[name]) else CATALOGS[name]
        outcome = planners.setdefault(name, OfflinePlanner(catalog)).plan(case["request"])
        for message in [*outcome.questions, *(p.message for p in outcome.errors)]:
            already_russian = re.match(r"[А-яЁё]", message)
            if not already_russian and translate(message, "ru") == message:
                untranslated.add(message)
    assert not untranslated, sorted(untranslated)


def test_audit_details_show_fixed_answers_in_the_page_language() -> None:
    """The personal-data answer stored as "mask"/"allow" reads as words of the page's language."""
    from airflow_ai_etl.web.i18n import detail_items

    assert detail_items('{"pii": "mask"}', "ru") == [("персональные данные", "маскировать")]
    assert detail_items('{"pii": "allow"}', "en") == [("personal data", "load as is")]
    assert detail_items('{"pii": "something else"}', "en") == [("personal data", "something else")]
