"""AIPipelineOperator: direct execute() for the failure paths, and a real `dag.test()` run
(metadata DB in a temporary AIRFLOW_HOME, LLM answers from tests/fake_llm.py) that deploys a DAG.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from airflow.sdk.exceptions import AirflowException

from airflow_ai_etl.operators.ai_pipeline import AIPipelineOperator
from airflow_ai_etl.planning.offline import OfflinePlanner
from tests.airflow_meta import copy_migrated_db
from tests.catalogs import shop_catalog
from tests.fake_llm import PAYMENTS_SPEC as SPEC
from tests.fake_llm import RUSSIAN_REQUEST as RUSSIAN
from tests.fake_llm import FakeLLM

ROOT = Path(__file__).resolve().parents[2]


def operator(tmp_path: Path, request: str, **kwargs: object) -> AIPipelineOperator:
    defaults: dict = dict(
        strategy="offline",
        catalog=shop_catalog().to_dict(),
        dags_folder=str(tmp_path / "dags"),
        state_dir=str(tmp_path / "state"),
        check_import=False,
    )
    return AIPipelineOperator(task_id="plan", request=request, **{**defaults, **kwargs})


def test_request_is_templated_and_strategy_checked(tmp_path: Path) -> None:
    assert "request" in AIPipelineOperator.template_fields
    with pytest.raises(ValueError, match="strategy must be"):
        operator(tmp_path, "x", strategy="guess")


def test_clarification_fails_the_task_with_the_questions(tmp_path: Path) -> None:
    with pytest.raises(AirflowException, match="needs clarification") as failure:
        operator(tmp_path, RUSSIAN).execute({})
    questions = OfflinePlanner(shop_catalog()).plan(RUSSIAN).questions
    assert questions and all(f"- {q}" in str(failure.value) for q in questions)
    assert not (tmp_path / "dags").exists()


def test_rejection_fails_the_task_with_the_reasons(tmp_path: Path) -> None:
    with pytest.raises(AirflowException, match=r"rejected:\n- \(policy\) Destructive intent"):
        operator(tmp_path, "Drop the sales table in PostgreSQL every day").execute({})


def test_deploy_false_validates_without_writing(tmp_path: Path) -> None:
    result = operator(
        tmp_path, "Load sales from PostgreSQL to ClickHouse daily at 2 AM", deploy=False
    ).execute({})
    assert result["status"] == "ok" and result["deployed"] is False and result["path"] == ""
    assert result["spec"]["source"]["table"] == "sales" and result["validation"]["errors"] == []
    assert [a.split(":")[0] for a in result["assumptions"]] == ["Mode replace", "Time zone UTC"]
    assert json.loads(json.dumps(result)) == result  # XCom-serializable as is
    assert not (tmp_path / "dags").exists()


# --- dag.test() -----------------------------------------------------------------------------

DAG_FILE = textwrap.dedent(
    """\
    import json
    import sys

    from airflow.sdk import DAG, task

    from airflow_ai_etl.operators.ai_pipeline import AIPipelineOperator

    OUT = sys.argv[1]

    with DAG("ai_pipeline_builder", schedule=None, params={"request": "set by the test"}) as dag:
        plan = AIPipelineOperator(
            task_id="plan",
            request="{{ params.request }}",
            llm_conn_id="llm_fake",
            strategy="auto",
            catalog=OUT + "/catalog.json",
            dags_folder=OUT + "/deployed",
            state_dir=OUT + "/state",
            pii="mask",  # payments.card_number looks like personal data: hash it
        )

        @task
        def keep(result):
            with open(OUT + "/xcom.json", "w", encoding="utf-8") as handle:
                json.dump(result, handle, ensure_ascii=False)

        keep(plan.output)

    if __name__ == "__main__":
        run = dag.test(run_conf={"request": sys.argv[2]})
        print("DAG RUN STATE", run.state)
    """
)


@pytest.fixture(scope="module")
def airflow_home(
    tmp_path_factory: pytest.TempPathFactory, migrated_airflow_db: Path
) -> Iterator[dict[str, str]]:
    """A private AIRFLOW_HOME with a migrated SQLite metadata DB (dag.test() needs one)."""
    home = tmp_path_factory.mktemp("airflow_home")
    env = {
        **os.environ,
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__DAGS_FOLDER": str(home / "dags"),
    }
    copy_migrated_db(migrated_airflow_db, home)  # what `airflow db migrate` leaves
    yield env


def test_operator_deploys_a_dag_from_within_dag_test(airflow_home: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "catalog.json").write_text(json.dumps(shop_catalog().to_dict()), encoding="utf-8")
    # dag.test() creates its run from the serialized DAG, so the file must be in the dags folder.
    dag_file = Path(airflow_home["AIRFLOW__CORE__DAGS_FOLDER"]) / "ai_pipeline_builder.py"
    dag_file.parent.mkdir(exist_ok=True)
    dag_file.write_text(DAG_FILE, encoding="utf-8")
    with FakeLLM() as fake:
        fake.answer_spec(SPEC)
        env = {
            **airflow_home,
            "AIRFLOW_CONN_LLM_FAKE": json.dumps(
                {
                    "conn_type": "openai",
                    "host": fake.base_url,
                    "password": "sk-test",
                    "extra": {"model": "fake-model"},
                }
            ),
        }
        started = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, str(dag_file), str(out), RUSSIAN],
            env=env, cwd=ROOT, capture_output=True, text=True, timeout=240,
        )  # fmt: skip
        print(f"dag.test(): {time.perf_counter() - started:.1f} s")
        asked = len(fake.requests)

    assert "DAG RUN STATE success" in proc.stdout, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert asked == 1  # the rules could not resolve the request; the model was asked once
    result = json.loads((out / "xcom.json").read_text(encoding="utf-8"))
    assert result["status"] == "ok" and result["deployed"] and result["version"] == 1
    assert result["spec"]["request"] == RUSSIAN  # the templated request reached the planner
    assert result["spec"]["source"]["table"] == "payments"
    assert {"type": "mask", "columns": ["card_number"], "method": "hash"} in result["spec"]["transforms"]
    assert result["pii"]["answer"] == "mask" and result["pii"]["findings"][0]["kind"] == "card"
    assert result["planner"]["planner"] == "llm" and result["planner"]["attempts"] == 1
    assert "import" in result["validation"]["gates"]
    deployed = Path(result["path"])
    assert deployed == out / "deployed" / "payments_pg_shop_to_clickhouse_default.py" and deployed.exists()
    assert "PostgresToClickHouseOperator" in deployed.read_text(encoding="utf-8")
