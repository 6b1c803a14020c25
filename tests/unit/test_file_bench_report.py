"""benchmarks/file_bench.py's case selection (--only) and its results file: a run rewrites the
rows it measured and keeps the other rows and the hand-written notes below the marker."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _bench():
    sys.path.insert(0, str(ROOT / "scripts"))
    spec = importlib.util.spec_from_file_location("file_bench", ROOT / "benchmarks" / "file_bench.py")
    assert spec and spec.loader
    module = sys.modules.get("file_bench") or importlib.util.module_from_spec(spec)
    if "file_bench" not in sys.modules:
        sys.modules["file_bench"] = module  # (its dataclass looks its module up)
        spec.loader.exec_module(module)
    return module


def test_only_selects_cases_by_name_glob_or_part():
    fb = _bench()
    names = [
        fb.case_name(f, s, n)
        for n in (100_000, 2_000_000)
        for f in ("csv", "jsonl")
        for s in ("s3", "folder")
    ]
    assert names[:2] == ["csv-s3-100k", "csv-folder-100k"] and names[-1] == "jsonl-folder-2m"
    names.append("excel")

    def pick(only: str) -> list[str]:
        return [n for n in names if fb.selected(n, [p for p in only.split(",") if p])]

    assert pick("") == names
    assert pick("excel") == ["excel"]
    assert pick("csv-s3-2m") == ["csv-s3-2m"]
    assert pick("jsonl-*-2m") == ["jsonl-s3-2m", "jsonl-folder-2m"]
    assert pick("s3,excel") == ["csv-s3-100k", "jsonl-s3-100k", "csv-s3-2m", "jsonl-s3-2m", "excel"]
    assert pick("xlsx") == []


def test_report_keeps_rows_not_run_and_the_notes():
    fb = _bench()
    notes = "## Notes (by hand)\n\nA table | with | pipes is kept as it is.\n| x | y |\n"
    first = fb.merge_report(fb.render_report({}, {}, 3, {}), "")
    assert first.endswith(fb.NOTES_MARKER + "\n\n")
    header = next(line for line in first.splitlines() if line.startswith("| case"))
    reader_header = next(line for line in first.splitlines() if line.startswith("| reader"))
    old_row = "| csv 100,000 rows from s3 | 0.63 | old | run |"
    old_excel = "| calamine | 100,000 | old |"
    previous = first.replace(fb.NOTES_MARKER + "\n", fb.NOTES_MARKER + "\n" + notes)
    lines = previous.splitlines()
    lines.insert(lines.index(header) + 2, old_row)
    lines.insert(lines.index(reader_header) + 2, old_excel)
    previous = "\n".join(lines) + "\n"

    # rows keep their order: a case measured again is replaced where it was
    other = "| jsonl 2,000,000 rows from folder | 1.91 | old | run |"
    lines = previous.splitlines()
    lines.insert(lines.index(old_row), other)
    previous = "\n".join(lines) + "\n"
    ours = fb.Run("ours", 100_000, 0.5, 100.0, 60.0, 0.2)
    client = fb.Run("client", 100_000, 0.4, 50.0, 0.0, 0.1)
    merged = fb.merge_report(
        fb.render_report({"csv 100,000 rows from s3": [(ours, client, None)]}, {}, 1, {}), previous
    )
    table = [
        line.split("|")[1].strip()
        for line in merged.split(fb.NOTES_MARKER)[0].splitlines()
        if line[:2] == "| "
    ]
    assert table[:3] == ["case", "jsonl 2,000,000 rows from folder", "csv 100,000 rows from s3"]
    assert old_row not in merged and other in merged and old_excel in merged

    run = fb.Run("excel calamine", 100_000, 2.0, 150.0, 60.0, 0.7)
    merged = fb.merge_report(
        fb.render_report({}, {"calamine": [run]}, 1, {"calamine": "2026-12-05 04:00, 7.0"}), previous
    )
    assert old_row in merged  # not run this time: kept
    assert (
        old_excel not in merged
        and "| calamine | 100,000 | 2.00 | 2.00 | **50,000** | 0.70 | 90 | 2026-12-05 04:00, 7.0 |" in merged
    )
    assert merged.count(fb.NOTES_MARKER) == 1 and merged.endswith(fb.NOTES_MARKER + "\n" + notes)

    # A file from before the marker: its notes start at the first "## " heading.
    legacy = "# File load benchmark results\n\n| case | a |\n|---|---|\n| old | 1 |\n\n" + notes
    merged = fb.merge_report(fb.render_report({}, {}, 3, {}), legacy)
    assert merged.endswith(fb.NOTES_MARKER + "\n" + notes) and "| old | 1 |" not in merged
