"""How eval/run_eval.py compares a plan with a case: spellings of one object are one answer."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def run_eval() -> ModuleType:
    sys.path.insert(0, str(ROOT / "eval"))
    try:
        import run_eval
    finally:
        sys.path.remove(str(ROOT / "eval"))
    return run_eval


def _case(table: str) -> dict[str, object]:
    return {"id": "t-1", "lang": "en", "catalog": "telecom", "request": "-",
            "expected": {"status": "ok", "source.table": table}}  # fmt: skip


@pytest.mark.parametrize(
    ("want", "got"), [("public.subscribers", "subscribers"), ("subscribers", "public.subscribers")]
)
def test_a_public_table_written_with_or_without_its_schema_is_one_table(
    run_eval: ModuleType, want: str, got: str
) -> None:
    assert "source.table" not in run_eval.wrong_fields(_case(want), {"source.table": got})


@pytest.mark.parametrize(("want", "got"), [("billing.payments", "payments"), ("public.calls", "cdr.calls")])
def test_another_schema_is_another_table(run_eval: ModuleType, want: str, got: str) -> None:
    assert "source.table" in run_eval.wrong_fields(_case(want), {"source.table": got})
