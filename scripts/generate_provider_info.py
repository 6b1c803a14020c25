"""Write airflow_ai_etl/get_provider_info.py from provider.yaml (the one source of provider metadata).

The official providers do the same: provider.yaml is edited by hand, get_provider_info.py is
generated from it, so Airflow reads a plain dict at start-up (no YAML parsing on every
``airflow`` command) and the two cannot disagree (tests/unit/test_provider_info.py checks it).

    python scripts/generate_provider_info.py          # rewrite the module
    python scripts/generate_provider_info.py --check  # exit 1 when it is stale
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
PROVIDER_YAML = ROOT / "provider.yaml"
TARGET = ROOT / "airflow_ai_etl" / "get_provider_info.py"
# provider.yaml keys that describe the package's release, not what Airflow loads.
YAML_ONLY_KEYS = ("state",)

TEMPLATE = '''"""Provider metadata Airflow reads through the `apache_airflow_provider` entry point.

GENERATED from provider.yaml by scripts/generate_provider_info.py: edit provider.yaml, then rerun it.
"""

from __future__ import annotations

from typing import Any


def get_provider_info() -> dict[str, Any]:
    return {body}
'''


def load_provider_yaml(path: Path = PROVIDER_YAML) -> dict[str, Any]:
    """provider.yaml as a dict."""
    with path.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def render(info: dict[str, Any]) -> str:
    """The module source for ``info`` (keys in provider.yaml's order), formatted by ruff."""
    data = {k: v for k, v in info.items() if k not in YAML_ONLY_KEYS}
    source = TEMPLATE.format(body=repr(data))
    formatted = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--stdin-filename", str(TARGET), "-"],
        input=source,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return formatted.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report whether the module is current")
    args = parser.parse_args(argv)
    source = render(load_provider_yaml())
    if args.check:
        current = TARGET.read_text(encoding="utf-8") == source
        print("get_provider_info.py is " + ("current" if current else "stale: regenerate it"))
        return 0 if current else 1
    TARGET.write_text(source, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
