"""The history page shows what starts a pipeline and what it feeds (its assets' upstream and downstream
pipelines), and offers pause / resume only to roles Airflow lets edit the DAG (issue 18)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from airflow_ai_etl.assets import declared_assets

pytestmark = pytest.mark.ui

PAGE = "/pluginsv2/aietl"
UPSTREAM = "lineage_products"
DOWNSTREAM = "lineage_orders_after_products"


def _deploy(ui_server: Any, spec: dict, tmp_path: Path) -> str:
    path = tmp_path / f"{spec['dag_id']}.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    result = ui_server.airflow("ai-etl", "deploy", str(path))
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    return (ui_server.dags_folder / f"{spec['dag_id']}.py").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def chained(ui_server: Any, tmp_path_factory: pytest.TempPathFactory) -> str:
    """Two deployed pipelines: orders load after the products load (on its outlet asset)."""
    tmp = tmp_path_factory.mktemp("lineage")
    source = _deploy(ui_server, {
        "dag_id": UPSTREAM, "schedule": "0 3 * * *",
        "source": {"type": "sql", "conn_id": "pg_shop", "table": "products"},
        "target": {"conn_id": "clickhouse_default", "table": "lineage_products"},
    }, tmp)  # fmt: skip
    (outlet,) = declared_assets(UPSTREAM, source).outlets
    _deploy(ui_server, {
        "dag_id": DOWNSTREAM, "schedule_assets": [outlet],
        "source": {"type": "sql", "conn_id": "pg_shop", "table": "orders"},
        "target": {"conn_id": "clickhouse_default", "table": "lineage_orders"},
    }, tmp)  # fmt: skip
    return outlet


def test_history_shows_what_starts_a_pipeline_and_what_it_feeds(
    login: Any, chained: str, screenshot: Any
) -> None:
    page = login("viewer")
    page.goto(f"{PAGE}/history/{DOWNSTREAM}?lang=ru")
    section = page.get_by_test_id("lineage")
    assert "Что его запускает и что он питает" in section.inner_text()
    started_by = page.get_by_test_id("lineage-started_by")
    assert started_by.get_by_test_id("lineage-dag").inner_text() == UPSTREAM
    assert chained in started_by.inner_text()
    assert "нет" in page.get_by_test_id("lineage-feeds").inner_text()
    assert "lineage_orders" in page.get_by_test_id("lineage-writes").inner_text()
    assert page.get_by_test_id("lineage-waiting").count() == 0
    screenshot(page, "30_lineage_downstream")

    started_by.get_by_test_id("lineage-dag").click()  # the link opens the upstream pipeline's history
    page.wait_for_url(re.compile(rf".*/history(/|\?dag_id=){UPSTREAM}\b.*"))
    feeds = page.get_by_test_id("lineage-feeds")
    assert feeds.get_by_test_id("lineage-dag").inner_text() == DOWNSTREAM
    assert "нет" in page.get_by_test_id("lineage-started_by").inner_text()
    assert page.get_by_test_id("lineage-writes").inner_text().strip() == chained

    answer = page.evaluate(
        """async (dagId) => {
            const r = await fetch("/pluginsv2/aietl/api/pipelines/" + dagId + "/lineage", {credentials: "same-origin"});
            return [r.status, await r.json()];
        }""",
        UPSTREAM,
    )
    assert answer[0] == 200 and [d["dag_id"] for d in answer[1]["downstream"]] == [DOWNSTREAM]


def test_pause_and_resume_for_a_role_that_may_edit_the_dag(login: Any, ui_server: Any, chained: str) -> None:
    ui_server.airflow("dags", "reserialize")
    page = login("admin")
    page.goto(f"{PAGE}/history/{UPSTREAM}?lang=en")
    status = "document.querySelector('[data-testid=dag-status]').dataset"
    page.wait_for_function(f"{status}.known === 'true'", timeout=30_000)
    assert page.get_by_test_id("unpause").is_visible() and not page.get_by_test_id("pause").is_visible()
    page.get_by_test_id("unpause").click()
    page.wait_for_function(f"{status}.paused === 'false'")
    assert page.get_by_test_id("pause").is_visible() and not page.get_by_test_id("unpause").is_visible()
    page.get_by_test_id("pause").click()
    page.wait_for_function(f"{status}.paused === 'true'")
    assert "Paused" in page.get_by_test_id("done").inner_text()
    assert page.get_by_test_id("unpause").is_visible() and not page.get_by_test_id("pause").is_visible()
    paused = ui_server.airflow("dags", "details", UPSTREAM, "-o", "json")
    details = json.loads(paused.stdout)[0]
    assert str(details["is_paused"]) == "True", details  # the CLI prints its values as strings

    page.goto(f"{PAGE}/audit?lang=en&dag_id={UPSTREAM}")
    assert page.locator("tr[data-action=pause][data-status=ok]").count() == 1


def test_a_viewer_gets_no_pause_button_and_the_api_refuses(login: Any, ui_server: Any, chained: str) -> None:
    ui_server.airflow("dags", "reserialize")
    page = login("viewer")
    page.goto(f"{PAGE}/history/{UPSTREAM}?lang=en")
    page.wait_for_function(
        "document.querySelector('[data-testid=dag-status]').dataset.known === 'true'", timeout=30_000
    )
    assert not page.get_by_test_id("pause").is_visible() and not page.get_by_test_id("unpause").is_visible()
    answer = page.evaluate(
        """async (dagId) => {
            const r = await fetch("/pluginsv2/aietl/api/pipelines/" + dagId + "/pause", {method: "POST",
              credentials: "same-origin", headers: {"Content-Type": "application/json",
              "X-CSRFToken": document.querySelector('meta[name="csrf-token"]').content}, body: "{}"});
            return [r.status, (await r.json()).error];
        }""",
        UPSTREAM,
    )
    assert answer[0] == 403 and "may not pause" in answer[1]
