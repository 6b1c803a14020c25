"""A Russian page shows Russian: every AI ETL page, result and error, read in a real browser, holds
no English word outside the technical allowlist (issue 21, problem 6).

What counts: visible text, placeholders, titles, option labels and dialog texts. What does not:
elements marked ``translate="no"`` (the HTML way to say "data, not prose": code, specs, diffs, the
user's own requests, identifiers, paths), and the names of things the catalog holds.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

pytestmark = pytest.mark.ui

PAGE = "/pluginsv2/aietl"
REQUEST = "Каждый час переносить новые заказы из pg_shop в ClickHouse по полю updated_at"
DAG_ID = "orders_pg_shop_to_clickhouse_default"

# Names of products, formats and standards, and SQL / Airflow terms a Russian text uses as they are.
ALLOWED = {
    "ai", "etl", "airflow", "dag", "dags", "sql", "select", "json", "jsonl", "csv", "parquet", "excel",
    "clickhouse", "postgresql", "postgres", "llm", "s3", "utc", "iana", "cron", "upsert", "english",
}  # fmt: skip
# Permission names are identifiers of FAB resources.
PHRASES = ("AI ETL Pipelines", "AI ETL Audit Log")

_TEXTS_JS = """() => {
  const out = [];
  const skip = (el) => !el || el.closest('script, style, template, [translate="no"], [hidden]');
  const visible = (el) => el.getClientRects().length > 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || skip(el)) continue;
    if (el.tagName === 'OPTION' ? visible(el.closest('select')) : visible(el)) out.push(n.textContent.trim());
  }
  document.querySelectorAll('[placeholder], [title], [aria-label]').forEach((el) => {
    if (skip(el) || !visible(el)) return;
    ['placeholder', 'title', 'aria-label'].forEach((a) => { if (el.getAttribute(a)) out.push(el.getAttribute(a)); });
  });
  out.push(document.title);
  return out;
}"""


def _english(texts: list[str], names: set[str]) -> list[str]:
    """The words of ``texts`` that are English prose (not identifiers, names or allowed terms)."""
    found = []
    for text in texts:
        for phrase in PHRASES:
            text = text.replace(phrase, " ")
        text = re.sub(r"`[^`]*`", " ", text)  # a command or code quoted in prose
        for token in re.split(
            r"[\s,;:()«»\"'!?—–…·↗✓✗<>=\[\]{}]+|(?<=\w)-(?=[А-яЁё])|(?<=[А-яЁё])-(?=\w)", text
        ):
            token = token.strip(".")
            if not re.search(r"[A-Za-z]", token):
                continue
            if re.search(r"[_/0-9@*\\]|\w\.\w", token):  # identifiers, paths, versions, cron, escapes
                continue
            if token.lower() in ALLOWED or token.lower() in names:
                continue
            found.append(token)
    return found


@pytest.fixture
def russian(login: Any) -> Any:
    """``russian.page`` (admin, Accept-Language ru) and ``russian.check(where)``."""

    class Russian:
        page = login("admin", locale="ru-RU")
        dialogs: list[str] = []

        def __init__(self) -> None:
            self.page.goto(f"{PAGE}/catalog")
            catalog = self.page.request.get(f"{PAGE}/api/catalog").json()
            names = {c["conn_id"] for c in catalog["connections"]} | {"admin", "viewer"}
            for tables in catalog["tables"].values():
                for table in tables:
                    names |= {table["name"], table["schema"]} | {c["name"] for c in table["columns"]}
                    names |= {c["type"].lower() for c in table["columns"]}
            self.names = {n.lower() for n in names}
            self.page.on("dialog", self._dialog)

        def _dialog(self, dialog: Any) -> None:
            self.dialogs.append(dialog.message)
            dialog.accept()

        def check(self, where: str, page: Any = None) -> None:
            page = page or self.page
            assert page.locator("html").get_attribute("lang") == "ru", where
            texts = page.evaluate(_TEXTS_JS) + self.dialogs
            english = _english(texts, self.names)
            assert not english, f"{where}: English on a Russian page: {sorted(set(english))}"

    return Russian()


def _generate(page: Any, text: str) -> str:
    page.fill("[data-testid=request]", text)
    page.evaluate("document.querySelector('[data-testid=status]').removeAttribute('data-status')")
    page.click("[data-testid=generate]")
    page.wait_for_selector("[data-testid=status][data-status]")
    return str(page.get_by_test_id("status").get_attribute("data-status"))


def test_the_checker_finds_english() -> None:
    """The check itself: prose is caught, identifiers and allowed names are not."""
    assert _english(["Which table should be loaded?"], set()) == ["Which", "table", "should", "be", "loaded"]
    assert _english(["Таблица public.sales в pg_shop, cron 0 2 * * *, DAG в ClickHouse"], set()) == []
    assert _english(["колонка email", "JSON-спецификация, cron-выражение"], {"email"}) == []
    assert _english(["поле day-of-week"], set()) == ["day-of-week"]
    assert _english(["команда `airflow ai-etl roles`"], set()) == []


def test_new_pipeline_results_and_errors_are_russian(russian: Any, ui_server: Any, screenshot: Any) -> None:
    page = russian.page
    page.goto(f"{PAGE}/new")
    russian.check("new pipeline page")

    assert (
        _generate(page, "Загружать таблицу no_such_table в ClickHouse каждый день") == "needs_clarification"
    )
    russian.check("clarification")
    screenshot(page, "17_russian_question")
    assert _generate(page, "Удалить все строки из таблицы sales в PostgreSQL") == "rejected"
    russian.check("planner refusal")

    assert _generate(page, REQUEST) == "ok"
    assert page.get_by_test_id("dag-id").inner_text() == DAG_ID
    russian.check("valid result")
    screenshot(page, "14_russian_result")

    spec = json.loads(page.get_by_test_id("spec").input_value())
    page.get_by_test_id("spec").fill(
        json.dumps({**spec, "schedule": "0 25 * * *"}, ensure_ascii=False, indent=2)
    )
    page.get_by_test_id("revalidate").click()
    page.wait_for_selector("[data-testid=status][data-status=rejected]")
    assert "часы" in page.get_by_test_id("spec-errors").inner_text()
    russian.check("rejected edit")
    page.get_by_test_id("spec").fill('{"dag_id": ')
    page.get_by_test_id("revalidate").click()
    page.wait_for_selector("[data-testid=status][data-status=rejected], #failure:not([hidden])")
    russian.check("spec that is not JSON")

    page.get_by_test_id("spec").fill(json.dumps(spec, ensure_ascii=False, indent=2))
    page.get_by_test_id("revalidate").click()
    page.wait_for_selector("[data-testid=status][data-status=ok]")
    page.get_by_test_id("deploy").click()
    page.get_by_test_id("deployed").wait_for()
    russian.check("deployed")

    dag_file = ui_server.dags_folder / f"{DAG_ID}.py"
    dag_file.write_text(dag_file.read_text(encoding="utf-8") + "# правка\n", encoding="utf-8")
    page.get_by_test_id("revalidate").click()
    page.get_by_test_id("hand-edit").wait_for()
    russian.check("hand edit")
    page.get_by_test_id("replace").click()
    page.get_by_test_id("deployed").wait_for()
    russian.check("replaced (with the confirmation dialog)")

    page.evaluate("document.querySelector('meta[name=csrf-token]').content = 'stale'")
    page.click("[data-testid=generate]")
    page.get_by_test_id("failure").wait_for()
    russian.check("expired form token")


def test_other_pages_are_russian(russian: Any, login: Any, screenshot: Any) -> None:
    page = russian.page
    # A second version (another schedule), so History has a diff and a version to roll back to.
    spec = page.request.get(f"{PAGE}/api/pipelines/{DAG_ID}/versions/1").json()["spec"]
    page.goto(f"{PAGE}/new")
    token = page.locator("meta[name=csrf-token]").get_attribute("content")
    deployed = page.request.post(
        f"{PAGE}/api/deploy",
        data=json.dumps({"spec": {**spec, "schedule": "30 * * * *"}}),
        headers={"X-CSRFToken": token or "", "Content-Type": "application/json"},
        timeout=120_000,
    )
    assert deployed.ok, deployed.text()
    for path in ("pipelines", "runs", "catalog", "audit", f"history/{DAG_ID}"):
        page.goto(f"{PAGE}/{path}")
        if path.startswith("history"):
            page.wait_for_function("document.querySelector('[data-testid=dag-status]').dataset.known")
            page.get_by_test_id("compare").click()
            page.get_by_test_id("diff").wait_for()
        russian.check(path)
    screenshot(page, "19_russian_history_diff", focus="[data-testid=versions]")

    # A rollback: the confirmation dialog and the result.
    page.get_by_test_id("rollback-1").click()
    page.get_by_test_id("done").wait_for()
    russian.check("history after a rollback (with the confirmation dialog)")

    page.goto(f"{PAGE}/catalog")
    russian.check("catalog with relations")
    screenshot(page, "20_russian_catalog")
    page.goto(f"{PAGE}/history/no_such_dag")
    assert "ещё не развёртывался" in page.locator("body").inner_text()
    russian.check("history of a DAG that was never deployed")
    page.goto(f"{PAGE}/audit")
    russian.check("audit log after every action above")
    screenshot(page, "15_russian_audit")

    viewer = login("viewer", locale="ru-RU")
    for path in ("new", "audit"):  # a note about the missing permission; the access-denied page
        viewer.goto(f"{PAGE}/{path}")
        russian.check(f"viewer {path}", viewer)


def test_form_editor_and_mart_preview_are_russian(russian: Any, screenshot: Any) -> None:
    """The form editor's labels, its live schedule description and a field's error; a mart's preview."""
    from tests.ui.test_form_editor import _settled

    page = russian.page
    page.goto(f"{PAGE}/new")
    page.get_by_test_id("build").click()
    page.get_by_test_id("form-card").wait_for()
    _settled(page)
    page.get_by_test_id("f-source-table").select_option("payments")
    page.get_by_test_id("f-sched-kind").select_option("cron")
    page.get_by_test_id("f-cron").fill("0 25 * * *")
    _settled(page)
    error = page.locator("[data-field=schedule] [data-testid=field-error]")
    assert "часы" in error.inner_text()
    assert page.get_by_test_id("f-cron").input_value() == "0 25 * * *"
    russian.check("form editor with a rejected edit")
    screenshot(page, "18_russian_form_error", focus="[data-field=schedule]")

    from tests.ui.test_catalog_relations_ui import MART_SPEC

    page.get_by_test_id("spec").fill(json.dumps(MART_SPEC, ensure_ascii=False))
    page.get_by_test_id("revalidate").click()
    page.wait_for_selector("[data-testid=status][data-status=ok]")
    page.get_by_test_id("preview").click()
    page.get_by_test_id("preview-table").locator("tbody tr").first.wait_for()
    russian.check("mart preview")
