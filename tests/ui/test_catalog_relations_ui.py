"""The Catalog page draws the tables of a connection and the relations between them as a picture."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.ui.test_menu import PAGE

pytestmark = pytest.mark.ui


def test_catalog_draws_tables_and_relations(login: Any, screenshot: Any) -> None:
    page = login("admin")
    page.goto(f"{PAGE}/catalog?lang=en")
    picture = page.get_by_test_id("relations-pg_shop")
    assert picture.is_visible()
    boxes = picture.locator("g.table")
    drawn = {boxes.nth(i).get_attribute("data-table") for i in range(boxes.count())}
    assert {"sales", "customers", "orders", "products", "payments", "events", "users", "inventory"} == drawn
    declared = picture.locator('g.relation[data-label="orders.customer_id -> customers.id"]')
    assert declared.get_attribute("data-kind") == "declared"
    assert declared.locator("line").get_attribute("stroke-dasharray") is None
    inferred = picture.locator('g.relation[data-label="sales.product_id -> products.id"]')
    assert inferred.get_attribute("data-kind") == "inferred"
    assert inferred.locator("line").get_attribute("stroke-dasharray") == "5 4"
    assert "product_id is named after table products" in inferred.locator("title").text_content()
    # the boxes are laid out on screen without overlapping
    rects = [boxes.nth(i).locator("rect").bounding_box() for i in range(boxes.count())]
    assert all(r and r["width"] > 30 and r["height"] > 10 for r in rects)
    for i, a in enumerate(rects):
        for b in rects[i + 1 :]:
            apart = (
                a["x"] + a["width"] <= b["x"]
                or b["x"] + b["width"] <= a["x"]
                or a["y"] + a["height"] <= b["y"]
                or b["y"] + b["height"] <= a["y"]
            )
            assert apart, (a, b)
    screenshot(page, "10_catalog_relations")
    page.goto(f"{PAGE}/catalog?lang=ru")
    assert "Связи" in page.get_by_test_id("tables-pg_shop").inner_text()


def test_every_relation_arrow_has_its_head(login: Any) -> None:
    page = login("admin")
    page.goto(f"{PAGE}/catalog?lang=en")
    picture = page.get_by_test_id("relations-pg_shop")
    marker = picture.locator("marker").get_attribute("id")
    lines = picture.locator("g.relation line")
    assert lines.count() == 7
    assert {lines.nth(i).get_attribute("marker-end") for i in range(lines.count())} == {f"url(#{marker})"}


MART_SPEC = {
    "dag_id": "revenue_by_region_day",
    "request": "Витрина выручки по регионам и дням из продаж",
    "source": {
        "type": "mart",
        "conn_id": "pg_shop",
        "table": "sales",
        "mart": {
            "measures": [
                {"func": "sum", "column": "amount", "as": "revenue"},
                {"func": "count", "as": "orders"},
            ],
            "dimensions": ["region"],
            "time_grain": {"column": "sold_at", "grain": "day"},
        },
    },
    "target": {"conn_id": "clickhouse_default", "table": "revenue_by_region_day", "mode": "replace"},
}


def test_new_page_previews_a_mart(login: Any, screenshot: Any) -> None:
    """An edited spec that is a mart passes the gates, then Preview shows its first 20 rows."""
    import json

    page = login("admin")
    page.goto(f"{PAGE}/new?lang=en")
    page.fill("[data-testid=request]", "Load sales from PostgreSQL to ClickHouse daily")
    page.click("[data-testid=generate]")
    page.wait_for_selector("[data-testid=status][data-status]")
    assert page.get_by_test_id("preview").is_hidden()  # a plain load has no preview
    page.fill("[data-testid=spec]", json.dumps(MART_SPEC, ensure_ascii=False))
    page.click("[data-testid=revalidate]")
    page.wait_for_selector("[data-testid=status][data-status=ok]")
    page.click("[data-testid=preview]")
    table = page.get_by_test_id("preview-table")
    table.locator("tbody tr").first.wait_for()
    assert table.locator("thead th").all_inner_texts() == ["day", "region", "revenue", "orders"]
    assert table.locator("tbody tr").count() == 20
    first = table.locator("tbody tr").first.locator("td").all_inner_texts()
    assert first == [
        "2024-01-01",
        "east",
        "3.00",
        "1",
    ]  # sale 2 (amount 3.00): the first day, regions in order
    # counted, not PostgreSQL's plan estimate (which is about the fact table's size for a day grain)
    counted = re.fullmatch(
        r"20 rows shown; the mart has (\d+) rows\.", page.get_by_test_id("preview-estimate").inner_text()
    )
    assert counted and int(counted.group(1)) >= 20
    screenshot(page, "11_mart_preview", focus="[data-testid=preview-table]")
