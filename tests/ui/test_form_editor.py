"""The form editor beside the JSON builds, edits and deploys a pipeline without touching the JSON; a
rejected edit keeps what was typed, with the error next to its field (issue 21, form editor)."""

from __future__ import annotations

import json
from typing import Any

import pytest

pytestmark = pytest.mark.ui

PAGE = "/pluginsv2/aietl"
DAG_ID = "payments_pg_shop_to_clickhouse_default"


def _settled(page: Any) -> dict[str, Any]:
    """Wait until the form's last edit was checked by the server; return the JSON spec it wrote."""
    # Each check of a valid spec imports the DAG file in a subprocess: slow on a busy machine.
    page.wait_for_function(
        "document.querySelector('[data-testid=form-state]').textContent === ''"
        " && document.querySelector('[data-testid=status]').dataset.status !== undefined",
        timeout=120_000,
    )
    page.wait_for_timeout(700)  # a debounced text edit may still be waiting to be sent
    page.wait_for_function(
        "document.querySelector('[data-testid=form-state]').textContent === ''", timeout=120_000
    )
    return json.loads(page.get_by_test_id("spec").input_value())


def test_form_builds_edits_and_deploys(login: Any, ui_server: Any, screenshot: Any) -> None:
    page = login("admin")
    page.goto(f"{PAGE}/new?lang=en")
    page.get_by_test_id("build").click()
    page.get_by_test_id("form-card").wait_for()
    spec = _settled(page)
    assert spec["source"]["conn_id"] == "pg_shop" and spec["target"]["conn_id"] == "clickhouse_default"

    # Source and target from the catalog; the target table and DAG id follow the source table.
    page.get_by_test_id("f-source-table").select_option("payments")
    spec = _settled(page)
    assert (spec["source"]["table"], spec["target"]["table"], spec["dag_id"]) == (
        "payments",
        "payments",
        DAG_ID,
    )
    assert page.get_by_test_id("f-dag-id").input_value() == DAG_ID

    # A rejected edit: an hour out of range stays in the field, the error sits next to it.
    page.get_by_test_id("f-sched-kind").select_option("cron")
    page.get_by_test_id("f-cron").fill("0 25 * * *")
    spec = _settled(page)
    assert page.get_by_test_id("status").get_attribute("data-status") == "rejected"
    assert page.get_by_test_id("f-cron").input_value() == "0 25 * * *"
    error = page.locator("[data-field=schedule] [data-testid=field-error]")
    assert "hour field (25) is out of range 0-23" in error.inner_text()
    assert spec["schedule"] == "0 25 * * *"  # the JSON holds the same text, nothing was reset

    # Schedule builder: weekly on Monday and Thursday at 06:30, described live by the server.
    page.get_by_test_id("f-sched-kind").select_option("weekly")
    page.locator("[data-testid=f-days] input[value='1']").check()
    page.locator("[data-testid=f-days] input[value='4']").check()
    page.get_by_test_id("f-time").fill("06:30")
    spec = _settled(page)
    assert spec["schedule"] == "30 6 * * 1,4"
    assert page.get_by_test_id("status").get_attribute("data-status") == "ok"
    assert "06:30" in page.get_by_test_id("f-schedule-human").inner_text()
    assert page.locator("[data-field=schedule] [data-testid=field-error]").count() == 0

    # Upsert needs keys: said next to the keys until one is ticked.
    page.get_by_test_id("f-mode").select_option("upsert")
    _settled(page)
    assert (
        "upsert needs keys"
        in page.locator("[data-field='target.keys'] [data-testid=field-error]").inner_text()
    )
    page.locator("[data-testid=f-keys] input[value=id]").check()
    page.get_by_test_id("f-incremental").select_option("paid_at")
    page.locator("[data-testid=f-masks] input[value=card_number]").check()
    page.locator("[data-testid=f-not-null] input[value=order_id]").check()
    page.get_by_test_id("f-row-count").fill("1")
    spec = _settled(page)
    assert page.get_by_test_id("status").get_attribute("data-status") == "ok", page.get_by_test_id(
        "validation"
    ).inner_text()
    assert spec["target"]["mode"] == "upsert" and spec["target"]["keys"] == ["id"]
    assert spec["source"]["incremental"] == {"column": "paid_at"}
    assert {"type": "mask", "columns": ["card_number"], "method": "hash"} in spec["transforms"]
    assert {"type": "not_null", "columns": ["order_id"], "value": None} in spec["checks"]
    # The graph is redrawn from the form: the load task and the checks.
    assert page.locator("[data-testid=graph] [data-node=load]").count() == 1
    assert page.locator("[data-testid=graph] g.node.task").count() >= 2
    screenshot(page, "16_form_editor", focus="[data-testid=form-card]")

    page.get_by_test_id("deploy").click()
    # The server re-validates (with Airflow's DagBag import) before writing: slow on a busy machine.
    page.wait_for_selector(
        "#deployed:not([hidden]), #deploy-failure:not([hidden]), #failure:not([hidden])", timeout=120_000
    )
    assert page.get_by_test_id("deployed").is_visible(), page.locator(
        "#deploy-card, #failure"
    ).all_inner_texts()
    source = (ui_server.dags_folder / f"{DAG_ID}.py").read_text(encoding="utf-8")
    assert "30 6 * * 1,4" in source and "card_number" in source


def test_a_json_edit_refills_the_form(login: Any) -> None:
    """The JSON stays editable: a re-validated JSON edit shows up in the form."""
    page = login("admin")
    page.goto(f"{PAGE}/new?lang=en")
    page.get_by_test_id("build").click()
    spec = _settled(page)
    spec["source"]["where"] = "id > 10"
    page.get_by_test_id("spec").fill(json.dumps(spec, indent=2))
    page.get_by_test_id("revalidate").click()
    page.wait_for_function("document.querySelector('[data-testid=f-where]').value === 'id > 10'")
