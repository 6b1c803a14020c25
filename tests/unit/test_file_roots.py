"""Local files only under ``[ai_etl] file_roots`` (symlinks and .. resolved), one message for
"not allowed" and "not found" so the check never reveals whether a path exists."""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
import pytest

from airflow_ai_etl.hooks.clickhouse import ClickHouseHook
from airflow_ai_etl.hooks.excel import excel_sheet_exists
from airflow_ai_etl.transfers.clickhouse_export import ClickHouseExport
from airflow_ai_etl.transfers.postgres_to_clickhouse import TransferError
from airflow_ai_etl.validation import validate_spec
from tests.catalogs import shop_catalog

ROOTS_ENV = "AIRFLOW__AI_ETL__FILE_ROOTS"
REFUSED = "is not a readable workbook under the allowed file roots ([ai_etl] file_roots)"


def workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.active.title = "Plan"
    wb.active.append(["month", "amount"])
    wb.active.append([1, 10.5])
    wb.save(path)
    return path


@pytest.fixture
def layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """data/ (the only root) with a workbook, and outside/ next to it with another."""
    data, outside = tmp_path / "data", tmp_path / "outside"
    data.mkdir()
    outside.mkdir()
    (tmp_path / "data2").mkdir()  # shares the root's prefix, is not under it
    monkeypatch.setenv(ROOTS_ENV, f" {data} , relative/ignored ")
    return {
        "inside": workbook(data / "budget.xlsx"),
        "outside": workbook(outside / "secret.xlsx"),
        "prefix": workbook(tmp_path / "data2" / "budget.xlsx"),
        "data": data,
    }


def test_a_workbook_under_a_root_opens(layout: dict[str, Path]) -> None:
    assert excel_sheet_exists(str(layout["inside"]), "Plan") is None
    assert excel_sheet_exists(str(layout["data"] / "sub" / ".." / "budget.xlsx"), 0) is None


def test_paths_outside_the_roots_are_refused_like_missing_ones(layout: dict[str, Path]) -> None:
    data = layout["data"]
    (data / "link.xlsx").symlink_to(layout["outside"])
    candidates = {
        "dotdot": f"{data}/../outside/secret.xlsx",
        "symlink": str(data / "link.xlsx"),
        "prefix": str(layout["prefix"]),
        "system": "/etc/shadow",
        "missing outside": "/no/such/dir/x.xlsx",
        "missing inside": str(data / "nope.xlsx"),
        "a directory": str(data),
        "relative": "data/budget.xlsx",
    }
    for name, path in candidates.items():
        assert excel_sheet_exists(path, 0) == f"{path} {REFUSED}", name


def test_without_roots_local_files_are_refused_with_how_to_configure(layout, monkeypatch) -> None:
    monkeypatch.delenv(ROOTS_ENV)
    for path in (str(layout["inside"]), "/etc/shadow", "/no/such.xlsx"):
        message = excel_sheet_exists(path, 0)
        assert message.startswith(f"local files are not allowed ({path}): no file roots are configured")
        assert "AIRFLOW__AI_ETL__FILE_ROOTS" in message


def test_grounding_uses_the_same_check(layout: dict[str, Path]) -> None:
    def grounding(path: str) -> list[str]:
        data = {
            "dag_id": "budget_import",
            "source": {"type": "excel", "path": path, "sheet": "Plan"},
            "target": {"conn_id": "clickhouse_default", "table": "budget"},
        }
        return [p.message for p in validate_spec(data, shop_catalog())[1]]

    assert grounding(str(layout["inside"])) == []
    assert grounding(str(layout["outside"])) == [f"{layout['outside']} {REFUSED}"]


def test_local_exports_are_written_only_under_the_roots(layout: dict[str, Path]) -> None:
    data = layout["data"]
    (data / "out").symlink_to(layout["outside"].parent, target_is_directory=True)
    for path in (
        f"{data}/../outside/x.csv",
        str(data / "out" / "x.csv"),
        "/etc/cron.d/x",
        str(data / "no" / "x.csv"),
    ):
        export = ClickHouseExport(ClickHouseHook(clickhouse_conn_id="never_used"), path=path, table="t")
        with pytest.raises(TransferError, match="is not a writable location under the allowed file roots"):
            export.run()  # refused before any ClickHouse connection is opened
    assert os.listdir(layout["outside"].parent) == ["secret.xlsx"]
