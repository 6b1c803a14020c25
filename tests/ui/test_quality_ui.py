"""Data quality in the browser (issue 17): the personal-data question answered with one click, and the
Runs page with its chart drawn from runs Airflow really recorded.

The runs are real: the pipeline is deployed with the CLI and run with ``airflow dags test`` against
the session's PostgreSQL and ClickHouse; the earlier runs the volume band is computed from are
recorded through the project's own store (``_ai_etl_volume``), as a VolumeCheckOperator records them.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.ui.test_russian import _TEXTS_JS, _english

pytestmark = pytest.mark.ui

PAGE = "/pluginsv2/aietl"
PII_REQUEST = "Загружать колонки id, email, phone, city таблицы customers в ClickHouse каждый день в 4 утра"
PII_QUESTION = "В колонках email, phone похоже персональные данные — маскировать?"
RUNS_REQUEST = "Копировать inventory в ClickHouse ежедневно"
RUNS_DAG = "inventory_pg_shop_to_clickhouse_default"


def _generate(page: Any, text: str) -> str:
    page.fill("[data-testid=request]", text)
    page.evaluate("document.querySelector('[data-testid=status]').removeAttribute('data-status')")
    page.click("[data-testid=generate]")
    page.wait_for_selector("[data-testid=status][data-status]")
    return str(page.get_by_test_id("status").get_attribute("data-status"))


def _click_and_wait(page: Any, testid: str) -> str:
    page.evaluate("document.querySelector('[data-testid=status]').removeAttribute('data-status')")
    page.get_by_test_id(testid).click()
    page.wait_for_selector("[data-testid=status][data-status]")
    return str(page.get_by_test_id("status").get_attribute("data-status"))


def test_pii_question_is_answered_with_one_click(login: Any, screenshot: Any) -> None:
    """The shop's customers table: the question in Russian with the evidence from the sampled values;
    «Маскировать» re-plans with the answer and shows the spec with the mask, «Загрузить как есть» too."""
    page = login("analyst", locale="ru-RU")
    page.goto(f"{PAGE}/new?lang=ru")
    assert _generate(page, PII_REQUEST) == "needs_clarification"
    assert page.get_by_test_id("questions").inner_text().count(PII_QUESTION) == 1
    findings = page.get_by_test_id("pii-findings")
    assert findings.locator("li").evaluate_all("ls => ls.map(l => l.dataset.column)") == ["email", "phone"]
    # the live sample of ui_shop: all 50 customers' emails and phones pass the detectors
    assert "50 из 50 значений выборки (100%) проходят проверку" in findings.inner_text()
    assert not page.get_by_test_id("replan").is_visible()  # answered with a button, not with text
    assert page.locator("input.answer").count() == 0
    assert not page.get_by_test_id("spec-card").is_visible() or not page.get_by_test_id("code").inner_text()
    columns = {"id", "full_name", "email", "phone", "snils", "birth_date", "city", "created_at", "updated_at"}
    assert not _english(page.evaluate(_TEXTS_JS), columns | {"customers"})
    screenshot(page, "20_pii_question")

    assert _click_and_wait(page, "pii-mask") == "ok"
    spec = json.loads(page.get_by_test_id("spec").input_value())
    assert [t for t in spec["transforms"] if t["type"] == "mask"] == [
        {"type": "mask", "columns": ["email", "phone"], "method": "hash"}
    ]
    assert spec["source"]["columns"] == ["id", "email", "phone", "city"]
    assert '"email": "hash"' in page.get_by_test_id("code").inner_text()
    assert "Замаскированы" in page.get_by_test_id("pii-answer").inner_text()
    assert not page.get_by_test_id("pii").is_visible()
    assert page.get_by_test_id("deploy-card").is_visible()  # analyst: shown, without the button
    screenshot(page, "21_pii_masked")

    # The other answer, on the same question.
    assert _generate(page, PII_REQUEST) == "needs_clarification"
    assert _click_and_wait(page, "pii-allow") == "ok"
    spec = json.loads(page.get_by_test_id("spec").input_value())
    assert not [t for t in spec["transforms"] if t["type"] == "mask"]
    assert "email, phone" in page.get_by_test_id("pii-answer").inner_text()


def test_generate_api_checks_the_pii_answer(login: Any) -> None:
    page = login("analyst")
    page.goto(f"{PAGE}/new?lang=en")
    answer = page.evaluate(
        """async (text) => {
            const r = await fetch("/pluginsv2/aietl/api/generate", {method: "POST", credentials: "same-origin",
              headers: {"Content-Type": "application/json",
                        "X-CSRFToken": document.querySelector('meta[name="csrf-token"]').content},
              body: JSON.stringify({request: text, pii: "sometimes"})});
            return {status: r.status, body: await r.json()};
        }""",
        PII_REQUEST,
    )
    assert answer["status"] == 400 and "'sometimes'" in answer["body"]["error"]


def test_runs_page_shows_recorded_runs_and_their_chart(
    login: Any, ui_server: Any, postgres: Any, clickhouse: Any, monkeypatch: Any, screenshot: Any
) -> None:
    """Two real runs of a deployed pipeline: the first loads 40 rows after six recorded runs of 400
    (a 10x drop: the volume check flags it), the second 400 rows (normal). The page lists both with
    their checks and draws one bar per run, the first a tenth of the second's height."""
    from airflow_ai_etl.quality.volume import ClickHouseVolumeStore

    ui_server.airflow("ai-etl", "generate", RUNS_REQUEST, "--deploy")
    monkeypatch.setenv("AIRFLOW_CONN_CLICKHOUSE_DEFAULT", clickhouse.uri())
    store = ClickHouseVolumeStore("clickhouse_default")
    for i in range(6):
        store.record(RUNS_DAG, "load_inventory", f"earlier_{i}", 400)
    page = login("viewer")
    page.goto(f"{PAGE}/runs/{RUNS_DAG}?lang=en")
    assert page.get_by_test_id("no-runs").is_visible()

    ui_server.airflow("dags", "test", RUNS_DAG, "2026-01-01", timeout=300)
    postgres.execute(
        "INSERT INTO public.inventory SELECT p, w, 1, now() FROM generate_series(1001, 1180) p, "
        "unnest(ARRAY['msk', 'spb']) w",
        dbname="ui_shop",
    )
    try:
        ui_server.airflow("dags", "test", RUNS_DAG, "2026-01-02", timeout=300)
    finally:
        postgres.execute("DELETE FROM public.inventory WHERE product_id > 1000", dbname="ui_shop")

    page.goto(f"{PAGE}/runs?lang=en")
    assert page.get_by_test_id("tab-runs").get_attribute("class") == "tab active"
    section = page.locator(f"[data-testid=runs-pipeline][data-dag-id={RUNS_DAG}]")
    rows = section.get_by_test_id("run-row")
    assert rows.count() == 2
    assert section.get_by_test_id("run-rows").all_inner_texts() == ["400", "40"]  # newest first
    assert section.get_by_test_id("run-anomaly").evaluate_all("cs => cs.map(c => c.dataset.anomaly)") == [
        "false",
        "true",
    ]
    checks = rows.nth(1).get_by_test_id("run-checks").locator("[data-check]")
    results = dict(zip(checks.evaluate_all("cs => cs.map(c => c.dataset.check)"),
                       checks.evaluate_all("cs => cs.map(c => c.dataset.result)"), strict=True))  # fmt: skip
    assert results["check_volume"] == "warn" and results["check_columns"] == "ok", results

    chart = section.get_by_test_id("runs-chart")
    bars = chart.locator("[data-testid=bar]")
    assert bars.evaluate_all("bs => bs.map(b => b.dataset.rows)") == ["40", "400"]  # oldest first
    heights = bars.evaluate_all("bs => bs.map(b => b.getBBox().height)")
    assert heights[1] > 100 and abs(heights[0] * 10 - heights[1]) < 1, heights
    assert bars.evaluate_all("bs => bs.map(b => b.dataset.anomaly)") == ["true", "false"]
    fills = bars.evaluate_all("bs => bs.map(b => getComputedStyle(b).fill)")
    assert fills[0] != fills[1]  # the anomalous run stands out
    # Duration per run, drawn in the same picture against the right axis: one point per run, oldest first,
    # the same seconds as the table's duration column, its height above the baseline proportional to it.
    points = chart.locator("[data-testid=point]")
    seconds = [float(s) for s in points.evaluate_all("ps => ps.map(p => p.dataset.seconds)")]
    table_seconds = section.get_by_test_id("run-duration").evaluate_all(
        "ds => ds.map(d => d.dataset.seconds)"
    )
    assert (
        len(seconds) == 2
        and all(s > 0 for s in seconds)
        and seconds == [float(s) for s in table_seconds[::-1]]
    )
    assert all(points.nth(i).is_visible() for i in range(2))
    baseline = chart.locator("line.axis").first.evaluate("l => l.y1.baseVal.value")
    top = chart.locator("line.axis").nth(1).evaluate("l => l.y1.baseVal.value")
    heights = [baseline - float(cy) for cy in points.evaluate_all("ps => ps.map(p => p.cy.baseVal.value)")]
    longest = max(range(2), key=lambda i: seconds[i])
    assert abs(heights[longest] - (baseline - top)) < 0.5, (heights, baseline, top)  # the longest at the top
    other = 1 - longest
    assert abs(heights[other] - heights[longest] * seconds[other] / seconds[longest]) < 1, (heights, seconds)
    line = chart.locator("polyline.duration")
    assert line.evaluate("l => l.points.numberOfItems") == 2 and line.evaluate("l => l.getBBox().width") > 0
    max_label = str(chart.get_by_test_id("max-seconds").text_content())
    assert max_label.endswith(" s") and abs(float(max_label.split()[0]) - max(seconds)) < 0.06, max_label
    assert chart.get_by_test_id("max-rows").text_content() == "400"
    screenshot(page, "22_runs")

    page.goto(f"{PAGE}/runs/{RUNS_DAG}?lang=ru")
    assert page.locator("h1").inner_text() == "Запуски"
    assert "аномалия" in page.get_by_test_id("runs-table").inner_text()
    assert not _english(page.evaluate(_TEXTS_JS), {"viewer"})


def test_checks_asked_in_the_request_survive_a_form_edit(login: Any) -> None:
    """«предупреждать, если дубли по id» is a warning; editing the plan in the form (ticking a NOT NULL
    column) changes the failing not_null check only and keeps the asked checks as they were."""
    from tests.ui.test_form_editor import _settled

    page = login("analyst")
    page.goto(f"{PAGE}/new?lang=en")
    request = "Copy products to ClickHouse daily at 5 AM, price must be non-negative, warn on duplicate sku"
    assert _generate(page, request) == "ok"
    spec = json.loads(page.get_by_test_id("spec").input_value())
    asked = [c for c in spec["checks"] if c["type"] in ("min_value", "unique") and c["columns"] != ["id"]]
    assert [(c["type"], c["columns"], c["severity"]) for c in asked] == [
        ("min_value", ["price"], "fail"),
        ("unique", ["sku"], "warn"),
    ]
    page.locator("[data-testid=f-not-null] input[value=name]").check()
    edited = _settled(page)
    assert page.get_by_test_id("status").get_attribute("data-status") == "ok"
    [not_null] = [c for c in edited["checks"] if c["type"] == "not_null"]
    assert "name" in not_null["columns"] and "id" in not_null["columns"]
    assert [c for c in edited["checks"] if c in asked] == asked
    assert [c["columns"] for c in edited["checks"] if c["type"] == "unique"] == [["sku"], ["id"]]
