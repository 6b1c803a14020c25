"""The example DAGs shipped in dags/ import cleanly in Airflow."""

from __future__ import annotations

import shutil
from pathlib import Path

from airflow.dag_processing.dagbag import DagBag

EXAMPLES = Path(__file__).resolve().parents[2] / "dags"


def test_example_dags_import(tmp_path: Path) -> None:
    for example in EXAMPLES.glob("example_*.py"):
        shutil.copy(example, tmp_path)
    bag = DagBag(dag_folder=str(tmp_path), safe_mode=False, load_op_links=False)
    assert bag.import_errors == {}
    request_dag = bag.dags["ai_etl_request"]
    assert [t.task_id for t in request_dag.tasks] == ["plan_and_deploy"]
    assert request_dag.tasks[0].request == "{{ params.request }}"
