"""The web UI's check and deploy endpoints take a spec with code in a value through the same gates:
it is refused, nothing is written, and nothing runs (the canary file never appears)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.ui.test_menu import PAGE, _post_json
from tests.unit.test_injection import S3, _with_value, payload


def test_check_and_deploy_endpoints_never_run_a_spec_value(
    login: Any, ui_server: Any, tmp_path: Path
) -> None:
    canary = tmp_path / "canary"
    spec = _with_value(S3, ("source", "path"), "s3://bucket/in/" + payload(canary))
    page = login("admin")
    page.goto(f"{PAGE}/new")
    for endpoint in ("check", "deploy"):
        answer = _post_json(page, f"{PAGE}/api/{endpoint}", {"spec": spec})
        assert answer["status"] in (200, 400, 422), answer
        body = json.loads(answer["text"])
        assert body.get("status") == "rejected" and not body.get("path"), body
    assert not canary.exists()
