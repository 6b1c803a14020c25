"""Every standard role finds "AI ETL" in Airflow 3's navigation and sees exactly what its permissions
allow (issue 21, problem 1). The fixture ran ``airflow ai-etl roles`` before the server started."""

from __future__ import annotations

import json
from typing import Any

import pytest

pytestmark = pytest.mark.ui

PAGES = ("New pipeline", "Pipelines", "Runs", "History", "Catalog", "Audit log")
# user -> (role, capabilities the page reports)
EXPECTED = {
    "viewer": (
        "Viewer",
        {"read": True, "generate": False, "deploy": False, "rollback": False, "audit": False},
    ),
    "analyst": ("User", {"read": True, "generate": True, "deploy": False, "rollback": False, "audit": False}),
    "op": ("Op", {"read": True, "generate": True, "deploy": False, "rollback": False, "audit": True}),
    "admin": ("Admin", {"read": True, "generate": True, "deploy": True, "rollback": True, "audit": True}),
}


def test_roles_command_granted_only_the_navigation(ui_server: Any) -> None:
    """Viewer and User lacked can_read on Plugins (what GET /api/v2/plugins checks); the command added
    exactly that and nothing else; a second run changes nothing; Public (no AI ETL permission) gets nothing."""
    assert sorted((g["role"], g["action"], g["resource"]) for g in ui_server.roles_granted) == [
        ("User", "can_read", "Plugins"),
        ("Viewer", "can_read", "Plugins"),
    ]
    again = json.loads(ui_server.airflow("ai-etl", "roles", "--dry-run", "--json").stdout)
    assert again == {"dry_run": True, "granted": []}
    listed = json.loads(ui_server.airflow("roles", "list", "-p", "-o", "json").stdout)
    plugins_readers = {r["name"] for r in listed if r["resource"] == "Plugins" and "can_read" in r["action"]}
    assert plugins_readers == {"Admin", "Op", "User", "Viewer"}


HEADINGS = {"New pipeline": "New pipeline", "Pipelines": "Pipelines", "History": "History",
            "Catalog": "Catalog", "Runs": "Runs", "Audit log": "Audit log"}  # fmt: skip
REQUEST = "Load sales from PostgreSQL to ClickHouse every day at 2 AM"


def _open(page: Any, name: str) -> Any:
    """Open one AI ETL entry through Airflow's own navigation; the frame that shows it."""
    page.goto("/")
    page.get_by_role("button", name="Plugins").click()
    page.get_by_role("menuitem", name="AI ETL").click()
    page.get_by_role("menuitem", name=name).click()
    return page.frame_locator("iframe")


@pytest.mark.parametrize("user", list(EXPECTED))
def test_each_role_finds_the_menu(login: Any, user: str, screenshot: Any) -> None:
    role, caps = EXPECTED[user]
    page = login(user)
    assert page.request.get("/api/v2/plugins").status == 200
    page.goto("/")
    page.get_by_role("button", name="Plugins").click()
    page.get_by_role("menuitem", name="AI ETL").click()
    for name in PAGES:
        page.get_by_role("menuitem", name=name).wait_for()
    page.get_by_role("menuitem", name="New pipeline").click()
    frame = page.frame_locator("iframe")
    frame.locator("[data-testid=request]").wait_for()
    assert json.loads(frame.locator("body").get_attribute("data-caps") or "{}") == caps
    tabs = frame.locator("nav.tabs a").all_inner_texts()
    assert tabs == list(PAGES if caps["audit"] else PAGES[:-1]), role
    assert frame.get_by_test_id("generate").is_enabled() == caps["generate"]
    assert frame.get_by_test_id("no-generate").count() == (0 if caps["generate"] else 1)
    screenshot(page, f"10_menu_{role.lower()}")

    if caps["generate"]:
        # A valid result: deploying is offered only to a role that may deploy, and says why not otherwise.
        frame.locator("[data-testid=request]").fill(REQUEST)
        frame.get_by_test_id("generate").click()
        frame.locator("[data-testid=status][data-status=ok]").wait_for(timeout=120_000)
        frame.get_by_test_id("deploy-card").wait_for()
        assert frame.get_by_test_id("deploy").is_visible() == caps["deploy"], role
        assert frame.get_by_test_id("no-deploy").is_visible() == (not caps["deploy"]), role

    # Every entry of the navigation opens its page inside the shell (the frame, not a new window).
    for name in PAGES[1:-1]:
        frame = _open(page, name)
        frame.locator("h1").first.wait_for()
        assert frame.locator("h1").first.inner_text().startswith(HEADINGS[name]), (role, name)

    # The audit log entry is in the navigation for everyone (Airflow lists plugin pages per plugin,
    # not per user); without the permission it opens the access-denied page, which names it.
    frame = _open(page, "Audit log")
    if caps["audit"]:
        assert frame.locator("h1").first.inner_text() == "Audit log"
    else:
        assert "AI ETL Audit Log" in frame.get_by_test_id("forbidden").inner_text()
