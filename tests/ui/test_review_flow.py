"""Reviewing, deploying and running a pipeline in a real browser: edits are never lost, refusals are
explained where they happen, links work inside Airflow's shell, and a run is offered only once
Airflow can make one (issue 21, problems 2-5, 7, 8).

Uses its own pipeline (products), so it does not depend on test_menu.py's sales pipeline.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.ui

PAGE = "/pluginsv2/aietl"
REQUEST = "Копировать товары в ClickHouse каждый понедельник в 6:30"
DAG_ID = "products_pg_shop_to_clickhouse_default"


def _generate(page: Any, text: str) -> str:
    page.fill("[data-testid=request]", text)
    page.evaluate("document.querySelector('[data-testid=status]').removeAttribute('data-status')")
    page.click("[data-testid=generate]")
    page.wait_for_selector("[data-testid=status][data-status]")
    status = str(page.get_by_test_id("status").get_attribute("data-status"))
    print(status, page.locator("#result").inner_text()[:600])  # shown when a test fails
    return status


def _revalidate(page: Any, text: str) -> str:
    page.get_by_test_id("spec").fill(text)
    page.evaluate("document.querySelector('[data-testid=status]').removeAttribute('data-status')")
    page.get_by_test_id("revalidate").click()
    page.wait_for_selector("[data-testid=status][data-status]")
    return str(page.get_by_test_id("status").get_attribute("data-status"))


def test_rejected_edit_keeps_the_text_and_names_the_field(login: Any, screenshot: Any) -> None:
    """An out-of-range hour is rejected next to the spec, in words that say which field; the edit stays."""
    page = login("analyst")
    page.goto(f"{PAGE}/new?lang=en")
    assert _generate(page, REQUEST) == "ok"
    spec = json.loads(page.get_by_test_id("spec").input_value())
    spec["schedule"] = "0 25 * * *"
    edited = json.dumps(spec, ensure_ascii=False, indent=2)

    assert _revalidate(page, edited) == "rejected"
    assert page.get_by_test_id("spec").input_value() == edited
    errors = page.get_by_test_id("spec-errors").inner_text()
    assert "schedule" in errors and "hour field (25) is out of range 0-23" in errors
    assert "5-field" not in errors
    # Nothing stale or actionable is left around the rejected edit.
    assert not page.get_by_test_id("code-card").is_visible()
    assert not page.get_by_test_id("deploy-card").is_visible()
    screenshot(page, "11_rejected_edit_kept", focus="[data-testid=spec-errors]")

    # Broken JSON is explained next to the box too, and the text is still the user's.
    _broken = edited.replace('"dag_id"', "dag_id", 1)
    page.get_by_test_id("spec").fill(_broken)
    page.get_by_test_id("revalidate").click()
    assert "not valid JSON" in page.get_by_test_id("spec-errors").inner_text()
    assert page.get_by_test_id("spec").input_value() == _broken


def test_clarification_shows_no_empty_panels(login: Any) -> None:
    page = login("analyst")
    page.goto(f"{PAGE}/new?lang=en")
    assert _generate(page, "Load the table no_such_table to ClickHouse every day") == "needs_clarification"
    assert "Which table" in page.get_by_test_id("questions").inner_text()
    for panel in ("spec-card", "code-card", "deploy-card"):
        assert not page.get_by_test_id(panel).is_visible(), panel
    assert not page.get_by_test_id("revalidate").is_visible()


def test_language_model_is_offered_only_with_a_connection(login: Any) -> None:
    """No [ai_etl] llm_conn_id here: only the offline planner, and asking for the model is a 400."""
    page = login("analyst")
    page.goto(f"{PAGE}/new?lang=en")
    offered = page.locator("[data-testid=planner] option").evaluate_all("os => os.map(o => o.value)")
    assert offered == ["offline"]
    assert "llm_conn_id" in page.get_by_test_id("no-llm").inner_text()
    answer = page.evaluate(
        """async () => {
            const r = await fetch("/pluginsv2/aietl/api/generate", {method: "POST", credentials: "same-origin",
              headers: {"Content-Type": "application/json",
                        "X-CSRFToken": document.querySelector('meta[name="csrf-token"]').content},
              body: JSON.stringify({request: "Load sales to ClickHouse daily", strategy: "llm"})});
            return {status: r.status, body: await r.json()};
        }"""
    )
    assert answer["status"] == 400 and answer["body"]["code"] == "no_llm"


def test_expired_form_token_asks_to_reload(login: Any) -> None:
    page = login("analyst")
    page.goto(f"{PAGE}/new?lang=en")
    page.evaluate("document.querySelector('meta[name=csrf-token]').content = 'stale'")
    page.fill("[data-testid=request]", REQUEST)
    page.click("[data-testid=generate]")
    failure = page.get_by_test_id("failure")
    failure.wait_for()
    assert "Reload the page" in failure.inner_text() and "Bad Request" not in failure.inner_text()
    assert page.get_by_test_id("request").input_value() == REQUEST
    page.get_by_test_id("reload").click()
    page.wait_for_load_state()
    assert page.evaluate("document.querySelector('meta[name=csrf-token]').content") != "stale"


def test_deploy_then_replace_a_hand_edit(login: Any, ui_server: Any, screenshot: Any) -> None:
    """Deploy disables the button; a hand edit is shown as a diff next to the Deploy button and is only
    replaced by the explicit, confirmed and audited action."""
    page = login("admin")
    page.goto(f"{PAGE}/new?lang=en")
    assert _generate(page, REQUEST) == "ok"
    assert page.get_by_test_id("dag-id").inner_text() == DAG_ID
    page.get_by_test_id("deploy").click()
    page.get_by_test_id("deployed").wait_for()
    assert page.get_by_test_id("deploy").is_disabled()

    dag_file = ui_server.dags_folder / f"{DAG_ID}.py"
    dag_file.write_text(dag_file.read_text(encoding="utf-8") + "# tuned by ops, keep\n", encoding="utf-8")
    spec = json.loads(page.get_by_test_id("spec").input_value())
    spec["schedule"] = "30 7 * * 1"
    assert _revalidate(page, json.dumps(spec, ensure_ascii=False, indent=2)) == "ok"

    hand_edit = page.get_by_test_id("hand-edit")
    assert hand_edit.is_visible()
    assert "edited outside the assistant since v1" in page.get_by_test_id("hand-edit-message").inner_text()
    assert "+# tuned by ops, keep" in page.get_by_test_id("hand-edit-diff").inner_text()
    assert not page.get_by_test_id("deploy").is_visible()  # a plain deploy would only be refused
    screenshot(page, "12_hand_edit_replace", focus="[data-testid=hand-edit]")

    page.once("dialog", lambda dialog: dialog.dismiss())  # a cancelled confirm changes nothing
    page.get_by_test_id("replace").click()
    assert "tuned by ops" in dag_file.read_text(encoding="utf-8")

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_test_id("replace").click()
    page.get_by_test_id("deployed").wait_for()
    assert page.get_by_test_id("deployed-version").inner_text() == "2"
    assert "tuned by ops" not in dag_file.read_text(encoding="utf-8")
    assert not hand_edit.is_visible()

    page.goto(f"{PAGE}/audit?lang=en&dag_id={DAG_ID}")
    replaced = page.locator("tr[data-action=replace][data-status=ok]")
    assert replaced.count() == 1 and "tuned by ops" in replaced.inner_text()


def _deployed(ui_server: Any) -> Path:
    """REQUEST's DAG file: deployed by test_deploy_then_replace_a_hand_edit, or here (CLI) when run alone."""
    dag_file = ui_server.dags_folder / f"{DAG_ID}.py"
    if not dag_file.exists():
        ui_server.airflow("ai-etl", "generate", REQUEST, "--deploy")
    return dag_file


def test_refused_replace_for_a_user_who_may_not_deploy(login: Any, ui_server: Any) -> None:
    """The API refuses a replace without can_deploy, and the file keeps its hand edit."""
    dag_file = _deployed(ui_server)
    dag_file.write_text(dag_file.read_text(encoding="utf-8") + "# second hand edit\n", encoding="utf-8")
    page = login("analyst")
    page.goto(f"{PAGE}/new?lang=en")
    assert _generate(page, REQUEST) == "ok"
    assert page.get_by_test_id("hand-edit").is_visible()
    assert "can_deploy" in page.get_by_test_id("no-replace").inner_text()
    assert page.get_by_test_id("replace").count() == 0
    spec = json.loads(page.get_by_test_id("spec").input_value())
    answer = page.evaluate(
        """async (spec) => {
            const r = await fetch("/pluginsv2/aietl/api/deploy", {method: "POST", credentials: "same-origin",
              headers: {"Content-Type": "application/json",
                        "X-CSRFToken": document.querySelector('meta[name="csrf-token"]').content},
              body: JSON.stringify({spec: spec, replace_hand_edit: "x"})});
            return r.status;
        }""",
        spec,
    )
    assert answer == 403
    assert "# second hand edit" in dag_file.read_text(encoding="utf-8")


def test_trigger_waits_for_airflow_and_offers_to_unpause(login: Any, ui_server: Any, screenshot: Any) -> None:
    """Before Airflow parses the file, Trigger is disabled with the reason; afterwards it creates a run,
    says the DAG is paused, unpauses it on request, and shows the run's state."""
    _deployed(ui_server)
    page = login("admin")
    page.goto(f"{PAGE}/history/{DAG_ID}?lang=en")
    reason = page.get_by_test_id("trigger-reason")
    page.wait_for_function("document.querySelector('[data-testid=dag-status]').dataset.known === 'false'")
    assert page.get_by_test_id("trigger").is_disabled()
    assert "has not parsed" in reason.inner_text()

    ui_server.airflow("dags", "reserialize")
    # The page asks again every few seconds; no reload needed.
    page.wait_for_function(
        "document.querySelector('[data-testid=dag-status]').dataset.known === 'true'", timeout=30_000
    )
    assert page.get_by_test_id("trigger").is_enabled()
    assert "paused" in reason.inner_text()
    page.get_by_test_id("trigger").click()
    page.get_by_test_id("done").wait_for()
    assert "manual__" in page.get_by_test_id("done").inner_text()
    page.wait_for_function("document.querySelector('[data-testid=run-state]').dataset.state === 'queued'")
    assert page.get_by_test_id("run-state").inner_text() == "queued"
    screenshot(page, "13_trigger_paused")

    page.get_by_test_id("unpause").click()
    page.wait_for_function("document.querySelector('[data-testid=dag-status]').dataset.paused === 'false'")
    assert "paused" not in reason.inner_text()
    assert not page.get_by_test_id("unpause").is_visible()


def test_links_to_the_dag_work_inside_the_shell(login: Any) -> None:
    """Inside Airflow's sandboxed iframe, the ↗ link moves the shell itself to the DAG page."""
    page = login("admin")
    page.goto("/plugin/ai-etl-pipelines")
    frame = page.frame_locator("iframe")
    frame.locator(f"tr[data-dag-id={DAG_ID}] [data-testid=dag-link]").click()
    page.wait_for_url(re.compile(rf".*/dags/{DAG_ID}$"))
    # The shell shows its own DAG page: our frame is gone.
    page.wait_for_function("!document.querySelector('iframe[src*=pluginsv2]')")
