"""The "AI ETL" menu in a real browser against a real ``airflow api-server`` (FAB auth manager).

The tests run in file order and share one server: the admin deploys and rolls back, then the
analyst (role User) is refused the same actions, then the audit log is checked.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

pytestmark = pytest.mark.ui

REQUEST_RU = "Загружать данные о продажах из PostgreSQL в ClickHouse ежедневно в 2 часа ночи"
DAG_ID = "sales_pg_shop_to_clickhouse_default"
PAGE = "/pluginsv2/aietl"


def _generate(page: Any, text: str) -> None:
    page.fill("[data-testid=request]", text)
    page.click("[data-testid=generate]")
    page.wait_for_selector("[data-testid=status][data-status]")


def _post_json(page: Any, path: str, body: dict[str, Any], csrf: bool = True) -> dict[str, Any]:
    """POST from inside the page (the user's cookies), as the page's own script does."""
    return page.evaluate(
        """async ([path, body, csrf]) => {
            const headers = {"Content-Type": "application/json"};
            if (csrf) headers["X-CSRFToken"] = document.querySelector('meta[name="csrf-token"]').content;
            const init = {method: "POST", headers, body: JSON.stringify(body), credentials: "same-origin"};
            const r = await fetch(path, init);
            return {status: r.status, text: await r.text()};
        }""",
        [path, body, csrf],
    )


def test_menu_is_in_the_airflow_ui(login: Any, screenshot: Any) -> None:
    """Plugins > AI ETL lists the pages; a page opens inside the Airflow 3 shell (iframe)."""
    page = login("admin")
    page.goto("/")
    page.get_by_role("button", name="Plugins").click()
    page.get_by_role("menuitem", name="AI ETL").click()
    for name in ("New pipeline", "Pipelines", "Runs", "History", "Catalog", "Audit log"):
        page.get_by_role("menuitem", name=name).wait_for()
    screenshot(page, "00_airflow_menu", full_page=False)
    page.get_by_role("menuitem", name="New pipeline").click()
    page.wait_for_url(re.compile(r".*/plugin/ai-etl-new"))
    frame = page.frame_locator("iframe")
    frame.locator("[data-testid=request]").wait_for()
    assert frame.locator("h1").inner_text() == "New pipeline"
    screenshot(page, "01_new_pipeline_in_airflow", full_page=False)


def test_generate_deploy_edit_and_rollback(login: Any, ui_server: Any, screenshot: Any) -> None:
    """The admin plans the Russian request, deploys it, deploys an edit, compares and rolls back."""
    page = login("admin", locale="ru-RU")
    page.goto(f"{PAGE}/new")
    assert page.locator("h1").inner_text() == "Новый пайплайн"  # Accept-Language: ru

    _generate(page, REQUEST_RU)
    assert page.get_by_test_id("status").get_attribute("data-status") == "ok"
    assert page.get_by_test_id("dag-id").inner_text() == DAG_ID
    assert page.get_by_test_id("schedule").inner_text() == "Ежедневно в 02:00"
    assumed = page.get_by_test_id("assumptions").inner_text()
    assert "Выбрано за вас" in assumed and "Режим replace" in assumed and "Часовой пояс UTC" in assumed
    spec = json.loads(page.get_by_test_id("spec").input_value())
    assert (spec["schedule"], spec["source"]["conn_id"], spec["source"]["table"]) == (
        "0 2 * * *",
        "pg_shop",
        "sales",
    )
    assert spec["target"]["conn_id"] == "clickhouse_default"
    assert "Все проверки пройдены" in page.get_by_test_id("validation").inner_text()
    assert page.locator("[data-testid=graph] [data-node=load]").count() == 1
    assert page.locator("[data-testid=code] .kw").count() > 5  # highlighted Python
    assert "новый DAG" in page.get_by_test_id("deploy-summary").inner_text()
    screenshot(page, "02_new_pipeline_result")

    page.get_by_test_id("deploy").click()
    page.get_by_test_id("deployed").wait_for()
    dag_file = ui_server.dags_folder / f"{DAG_ID}.py"
    assert page.get_by_test_id("deployed-path").inner_text() == str(dag_file)
    assert page.get_by_test_id("deployed-version").inner_text() == "1"
    assert page.get_by_test_id("dag-link").get_attribute("href") == f"/dags/{DAG_ID}"
    version_1 = dag_file.read_text(encoding="utf-8")
    assert "0 2 * * *" in version_1 and REQUEST_RU in version_1
    screenshot(page, "03_deployed", focus="[data-testid=deploy-card]")

    # Edit the spec by hand: run at 03:00 instead; re-validate shows the diff, then deploy v2.
    spec["schedule"] = "0 3 * * *"
    page.get_by_test_id("spec").fill(json.dumps(spec, ensure_ascii=False, indent=2))
    page.get_by_test_id("revalidate").click()
    page.wait_for_function("document.querySelector('[data-testid=schedule]').textContent.includes('03:00')")
    diff = page.get_by_test_id("deploy-diff").inner_text()
    assert "0 2 * * *" in diff and "0 3 * * *" in diff and "v1" in diff
    screenshot(page, "04_deploy_diff", focus="[data-testid=deploy-card]")
    page.get_by_test_id("deploy").click()
    page.get_by_test_id("deployed").wait_for()
    assert page.get_by_test_id("deployed-version").inner_text() == "2"
    assert "0 3 * * *" in dag_file.read_text(encoding="utf-8")

    # Pipelines page lists it with version 2.
    page.goto(f"{PAGE}/pipelines")
    row = page.locator(f"tr[data-dag-id={DAG_ID}]")
    assert "v2" in row.inner_text() and "0 3 * * *" in row.inner_text()
    screenshot(page, "05_pipelines")

    # History: compare v1..v2, then roll back to v1 (recorded as v3).
    page.goto(f"{PAGE}/history/{DAG_ID}")
    assert page.locator("tr[data-version]").count() == 2
    page.get_by_test_id("compare").click()
    page.get_by_test_id("diff").wait_for()
    assert "0 3 * * *" in page.get_by_test_id("diff").inner_text()
    screenshot(page, "06_history_diff")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_test_id("rollback-1").click()
    page.get_by_test_id("rolled-back-version").wait_for()
    assert page.get_by_test_id("rolled-back-version").inner_text() == "v3"
    assert dag_file.read_text(encoding="utf-8") == version_1
    page.wait_for_function("document.querySelectorAll('tr[data-version]').length === 3")
    screenshot(page, "07_history_after_rollback")


def test_trigger_a_run_from_history(login: Any, ui_server: Any) -> None:
    """Once Airflow has parsed the DAG, History > Trigger creates a manual run in the api-server."""
    ui_server.airflow("dags", "reserialize")
    page = login("admin")
    page.goto(f"{PAGE}/history/{DAG_ID}")
    page.get_by_test_id("trigger").click()
    page.get_by_test_id("done").wait_for()
    assert "manual__" in page.get_by_test_id("done").inner_text()
    page.goto(f"{PAGE}/pipelines")
    assert page.locator(f"tr[data-dag-id={DAG_ID}] .badge[class*=run-]").count() == 1


def test_user_without_deploy_permission_is_refused(login: Any, ui_server: Any) -> None:
    """Role User may plan but not deploy or roll back: no buttons, and the JSON endpoints say 403."""
    before = (ui_server.dags_folder / f"{DAG_ID}.py").read_text(encoding="utf-8")
    page = login("analyst")
    page.goto(f"{PAGE}/new?lang=en")
    _generate(page, "Load sales from PostgreSQL to ClickHouse every day at 4 AM")
    assert page.get_by_test_id("status").get_attribute("data-status") == "ok"
    assert page.get_by_test_id("deploy").count() == 0
    assert "can_deploy" in page.get_by_test_id("no-deploy").inner_text()
    spec = json.loads(page.get_by_test_id("spec").input_value())

    refused = _post_json(page, f"{PAGE}/api/deploy", {"spec": spec})
    assert refused["status"] == 403 and "can_deploy" in refused["text"]
    refused = _post_json(page, f"{PAGE}/api/pipelines/{DAG_ID}/rollback", {"version": 1})
    assert refused["status"] == 403 and "can_rollback" in refused["text"]
    no_csrf = _post_json(page, f"{PAGE}/api/generate", {"request": "x"}, csrf=False)
    assert no_csrf["status"] == 400 and "CSRF" in no_csrf["text"]

    page.goto(f"{PAGE}/history/{DAG_ID}")
    assert page.locator("button.rollback").count() == 0
    page.goto(f"{PAGE}/audit")  # the audit log is for Op and Admin
    assert page.get_by_test_id("forbidden").is_visible()
    assert (ui_server.dags_folder / f"{DAG_ID}.py").read_text(encoding="utf-8") == before


def test_anonymous_is_sent_to_login(browser: Any, ui_server: Any) -> None:
    """Every page redirects to Airflow's login; the JSON endpoints answer 401."""
    context = browser.new_context(base_url=ui_server.url)
    page = context.new_page()
    page.goto(f"{PAGE}/pipelines")
    assert "/auth/login" in page.url
    response = page.request.get(f"{PAGE}/api/pipelines")
    assert response.status == 401
    context.close()


def test_catalog_and_audit_pages(login: Any, screenshot: Any) -> None:
    """Catalog shows the real connections and tables; the audit log holds every action and refusal."""
    page = login("admin")
    page.goto(f"{PAGE}/catalog?lang=en")
    assert "pg_shop" in page.get_by_test_id("connections").inner_text()
    assert "public.sales" in page.get_by_test_id("tables-pg_shop").inner_text()
    screenshot(page, "08_catalog")

    page.goto(f"{PAGE}/audit")
    rows = page.locator("tr[data-action]")
    seen = {(rows.nth(i).get_attribute("data-action"), rows.nth(i).get_attribute("data-status"))
            for i in range(rows.count())}  # fmt: skip
    assert {
        ("generate", "ok"),
        ("check", "ok"),
        ("deploy", "ok"),
        ("rollback", "ok"),
        ("trigger", "ok"),
    } <= seen
    assert ("deploy", "forbidden") in seen and ("rollback", "forbidden") in seen
    assert REQUEST_RU in page.get_by_test_id("audit").inner_text()
    screenshot(page, "09_audit_log")

    page.goto(f"{PAGE}/pipelines?lang=ru")
    assert page.locator("h1").inner_text() == "Пайплайны"
    page.goto(f"{PAGE}/pipelines")  # the choice is remembered
    assert page.locator("h1").inner_text() == "Пайплайны"
    page.goto(f"{PAGE}/pipelines?lang=en")
