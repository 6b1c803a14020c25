"""Fixtures for the browser tests of the "AI ETL" menu.

* ``ui_server`` (session): a real ``airflow api-server`` with the FAB auth manager on 127.0.0.1 and a
  free port, in a temp AIRFLOW_HOME; connections ``pg_shop`` (private PostgreSQL loaded with
  tests/fixtures/shop.sql) and ``clickhouse_default`` (private ClickHouse); users created with
  ``airflow users create``: ``admin`` (Admin), ``analyst`` (User: may generate, not deploy),
  ``viewer`` (Viewer) and ``op`` (Op); then ``airflow ai-etl roles`` lets every role find the menu.
* ``browser`` (session): Debian's chromium driven by Playwright (never ``playwright install``).
* ``login(username)``: a new browser page logged in through Airflow's own login form.

Screenshots (1280x800) are written only when ``AI_ETL_SCREENSHOTS_DIR`` is set (``make screenshots``-style:
``AI_ETL_SCREENSHOTS_DIR=docs/screenshots pytest -m ui tests/ui``).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.ui.airflow_server import AirflowServer

ROOT = Path(__file__).resolve().parents[2]
SHOP_SQL = ROOT / "tests" / "fixtures" / "shop.sql"
CHROMIUM = os.environ.get("AI_ETL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
USERS = {"admin": "Admin", "analyst": "User", "viewer": "Viewer", "op": "Op"}


@pytest.fixture(scope="session")
def ui_server(postgres: Any, clickhouse: Any, migrated_airflow_db: Path) -> Iterator[AirflowServer]:
    """The api-server with the plugin, the shop catalog and two users; stopped at session end."""
    postgres.create_database("ui_shop", drop_existing=True)
    postgres.execute(SHOP_SQL.read_text(encoding="utf-8"), dbname="ui_shop")
    home = Path(tempfile.mkdtemp(prefix="ai-etl-ui-"))
    server = AirflowServer.create(
        home,
        connections={"pg_shop": postgres.uri("ui_shop"), "clickhouse_default": clickhouse.uri()},
        migrated_db=migrated_airflow_db,
    )
    for username, role in USERS.items():
        server.create_user(username, role)
    server.roles_granted = json.loads(server.airflow("ai-etl", "roles", "--json").stdout)["granted"]
    server.start()
    try:
        yield server
    finally:
        server.stop()
        if os.environ.get("AI_ETL_KEEP_UI_HOME"):
            print(f"\nAI ETL UI test home kept: {home}\napi-server log:\n{server.log_tail(20)}")
        else:
            shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Chromium from the Debian package, headless. Missing pieces skip the tests on a developer's
    machine, but fail them in CI, where `.ci/run` installs both."""
    missing = None
    try:
        from playwright import sync_api
    except ImportError:
        missing = "pip install playwright (no browser download)"
    if not Path(CHROMIUM).exists():
        missing = f"{CHROMIUM} missing: apt-get install chromium"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(missing)
        pytest.skip(missing)
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def login(browser: Any, ui_server: AirflowServer) -> Iterator[Callable[..., Any]]:
    """``login("admin", locale="ru-RU")`` -> a Playwright page logged in as that user."""
    contexts = []

    def _login(username: str, locale: str = "en-US") -> Any:
        context = browser.new_context(
            base_url=ui_server.url, locale=locale, viewport={"width": 1400, "height": 1000}
        )
        context.set_default_timeout(90_000)  # a check imports the DAG file: slow on a busy machine
        contexts.append(context)
        page = context.new_page()
        page.goto("/auth/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", username)
        page.click("[type=submit]")
        page.wait_for_url(lambda url: "/auth/login" not in url)
        return page

    yield _login
    for context in contexts:
        context.close()


SCREENSHOT_SIZE = {"width": 1280, "height": 800}


@pytest.fixture(scope="session")
def screenshot() -> Callable[..., None]:
    """``screenshot(page, "name", focus=selector)``: a 1280x800 PNG into $AI_ETL_SCREENSHOTS_DIR
    (no-op when unset), scrolled to ``focus`` when given, else to the top. ``full_page=True`` keeps
    the whole page (1280 wide) instead."""
    target = os.environ.get("AI_ETL_SCREENSHOTS_DIR")

    def _take(page: Any, name: str, full_page: bool = False, focus: str | None = None) -> None:
        if not target:
            return
        Path(target).mkdir(parents=True, exist_ok=True)
        size = page.viewport_size
        page.set_viewport_size(SCREENSHOT_SIZE)
        try:
            if focus:
                page.locator(focus).first.scroll_into_view_if_needed()
            else:
                page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=str(Path(target) / f"{name}.png"), full_page=full_page)
        finally:
            if size:
                page.set_viewport_size(size)

    return _take
