"""provider.yaml is the one source of provider metadata: the generated get_provider_info() matches it,
validates against Airflow's schema, declares every [ai_etl] option the code reads with a typed
default equal to the code's, names one version, and registers transfers as transfers."""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
from pathlib import Path

import airflow
import jsonschema
import pytest
import tomllib

import airflow_ai_etl
from airflow_ai_etl.get_provider_info import get_provider_info

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import generate_provider_info  # noqa: E402

INFO = get_provider_info()
OPTIONS = INFO["config"]["ai_etl"]["options"]


def test_generated_module_is_current_with_provider_yaml():
    rendered = generate_provider_info.render(generate_provider_info.load_provider_yaml())
    on_disk = (ROOT / "airflow_ai_etl" / "get_provider_info.py").read_text(encoding="utf-8")
    assert rendered == on_disk, "provider.yaml changed: run python scripts/generate_provider_info.py"
    yaml_info = generate_provider_info.load_provider_yaml()
    assert {k: v for k, v in yaml_info.items() if k != "state"} == INFO


def test_provider_info_validates_against_airflows_schema():
    schema = json.loads((Path(airflow.__file__).parent / "provider_info.schema.json").read_text())
    jsonschema.validate(INFO, schema)


def test_one_version_string():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in pyproject["project"] and "version" in pyproject["project"]["dynamic"]
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "airflow_ai_etl.__version__"}
    assert INFO["versions"][0] == airflow_ai_etl.__version__
    assert re.fullmatch(r"\d+\.\d+\.\d+", airflow_ai_etl.__version__)


_PARSERS = {"integer": int, "float": float, "boolean": lambda v: {"true": True, "false": False}[v.lower()]}


@pytest.mark.parametrize("name", sorted(OPTIONS))
def test_option_has_a_type_and_a_default_of_that_type(name):
    option = OPTIONS[name]
    assert option["type"] in ("string", "integer", "float", "boolean")
    assert "default" in option and option["description"]
    if option["type"] in _PARSERS:
        assert option["default"] not in (None, ""), f"{name}: a number option needs its real default"
        _PARSERS[option["type"]](option["default"])


@pytest.mark.parametrize(
    ("name", "module", "constant"),
    [
        ("pii_policy", "airflow_ai_etl.quality.policy", "DEFAULT_POLICY"),
        ("pii_sample_rows", "airflow_ai_etl.quality.pii", "DEFAULT_SAMPLE_ROWS"),
        ("pii_sample_timeout", "airflow_ai_etl.quality.pii", "DEFAULT_TIMEOUT_SECONDS"),
        ("new_files_poke_seconds", "airflow_ai_etl.sensors.files", "DEFAULT_POKE_SECONDS"),
        ("mart_cost_cap", "airflow_ai_etl.marts.gates", "DEFAULT_COST_CAP"),
        ("max_request_chars", "airflow_ai_etl.assistant", "DEFAULT_MAX_REQUEST_CHARS"),
        (
            "source_statement_timeout",
            "airflow_ai_etl.transfers.postgres_source",
            "DEFAULT_SOURCE_STATEMENT_TIMEOUT",
        ),
        ("catalog_ttl_seconds", "airflow_ai_etl.web.service", "DEFAULT_CATALOG_TTL_S"),
    ],
)
def test_declared_default_is_the_codes_default(name, module, constant):
    code_default = getattr(importlib.import_module(module), constant)
    declared = OPTIONS[name]["default"]
    parse = _PARSERS.get(OPTIONS[name]["type"], str)
    assert parse(declared) == code_default


def test_every_option_the_code_reads_is_declared():
    read = set()
    for path in (ROOT / "airflow_ai_etl").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        read |= set(re.findall(r"conf\.get\(\s*\"ai_etl\",\s*\"(\w+)\"", text))
        if path.name == "service.py":
            read |= set(re.findall(r"_conf\(\s*\"(\w+)\"", text))
    assert len(read) >= 10
    assert sorted(read - set(OPTIONS)) == []


def test_transfers_are_registered_as_transfers_and_every_module_imports():
    transfer_modules = {t["python-module"] for t in INFO["transfers"]}
    operator_modules = {m for o in INFO["operators"] for m in o["python-modules"]}
    assert "airflow_ai_etl.operators.transfer" in transfer_modules
    assert not transfer_modules & operator_modules
    integrations = {i["integration-name"] for i in INFO["integrations"]}
    for t in INFO["transfers"]:
        assert {t["source-integration-name"], t["target-integration-name"]} <= integrations
    modules = transfer_modules | operator_modules
    for key in ("hooks", "sensors", "triggers"):
        modules |= {m for entry in INFO[key] for m in entry["python-modules"]}
    for module in sorted(modules):
        importlib.import_module(module)


def test_connection_types_have_form_widgets():
    for entry in INFO["connection-types"]:
        module, _, name = entry["hook-class-name"].rpartition(".")
        hook = getattr(importlib.import_module(module), name)
        assert hook.conn_type == entry["connection-type"]
        widgets = hook.get_connection_form_widgets()
        behaviour = hook.get_ui_field_behaviour()
        assert widgets and "hidden_fields" in behaviour


def test_airflow_reads_the_typed_defaults(tmp_path):
    """Airflow's own configuration (providers' config loaded) returns the declared defaults."""
    code = (
        "from airflow.configuration import conf; conf.load_providers_configuration();"
        "print(conf.getint('ai_etl', 'pii_sample_rows'), conf.getfloat('ai_etl', 'mart_cost_cap'),"
        " conf.get('ai_etl', 'state_dir', fallback='unset'))"
    )
    env = {"AIRFLOW_HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split()[-3:] == ["1000", "1000000000.0", "unset"]
