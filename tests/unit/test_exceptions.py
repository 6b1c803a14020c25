"""One exception tree: every exception class the package defines derives from AIETLError and keeps
the base callers caught before (ValueError, RuntimeError, AirflowException)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from airflow.sdk.exceptions import AirflowException

import airflow_ai_etl
from airflow_ai_etl.exceptions import AIETLError


def _package_exceptions() -> dict[str, type[BaseException]]:
    found: dict[str, type[BaseException]] = {}
    for info in pkgutil.walk_packages(airflow_ai_etl.__path__, "airflow_ai_etl."):
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            if inspect.isclass(obj) and issubclass(obj, BaseException) and obj.__module__ == info.name:
                found[f"{info.name}.{name}"] = obj
    return found


def test_every_package_exception_derives_from_the_one_base():
    found = _package_exceptions()
    assert len(found) >= 20, sorted(found)  # the walk really reached the modules
    strays = sorted(name for name, cls in found.items() if not issubclass(cls, AIETLError))
    assert strays == []


@pytest.mark.parametrize(
    ("path", "legacy_base"),
    [
        ("airflow_ai_etl.deploy.DeployError", Exception),
        ("airflow_ai_etl.runs.RunError", Exception),
        ("airflow_ai_etl.render.renderer.RenderError", ValueError),
        ("airflow_ai_etl.file_roots.FileRootError", ValueError),
        ("airflow_ai_etl.assets.AssetUriError", ValueError),
        ("airflow_ai_etl.marts.resolve.MartQuestion", ValueError),
        ("airflow_ai_etl.transfers.file_types.ValueConversionError", ValueError),
        ("airflow_ai_etl.planning.llm.LLMUnavailable", RuntimeError),
        ("airflow_ai_etl.quality.pii.PiiScanError", RuntimeError),
        ("airflow_ai_etl.hooks.clickhouse.ClickHouseHTTPError", RuntimeError),
        ("airflow_ai_etl.sensors.files.FileWaitError", RuntimeError),
        ("airflow_ai_etl.hooks.cdc.CDCError", AirflowException),
        ("airflow_ai_etl.hooks.s3.S3PathError", AirflowException),
        ("airflow_ai_etl.hooks.excel.ExcelFileError", AirflowException),
        ("airflow_ai_etl.hooks.excel.SheetNotFoundError", AirflowException),
        ("airflow_ai_etl.transfers.postgres_source.TransferError", AirflowException),
        ("airflow_ai_etl.transfers.postgres_source.ReconciliationError", AirflowException),
        ("airflow_ai_etl.transfers.postgres_to_clickhouse.UnmappedTypeError", AirflowException),
        ("airflow_ai_etl.transfers.files_to_clickhouse.FilesLoadError", AirflowException),
        ("airflow_ai_etl.transfers.file_formats.FileFormatError", AirflowException),
        ("airflow_ai_etl.operators.ai_pipeline.PipelineRequestError", AirflowException),
        ("airflow_ai_etl.operators.quality.DataQualityError", AirflowException),
    ],
)
def test_public_exception_keeps_its_old_base_and_message(path, legacy_base):
    module, _, name = path.rpartition(".")
    cls = getattr(importlib.import_module(module), name)
    assert issubclass(cls, AIETLError) and issubclass(cls, legacy_base)
    err = cls.__new__(cls)
    Exception.__init__(err, "what went wrong")
    assert str(err) == "what went wrong"
    with pytest.raises(AIETLError):
        raise err


def test_the_base_module_does_not_import_airflow():
    import subprocess
    import sys

    code = "import sys, airflow_ai_etl.exceptions; print('airflow' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
