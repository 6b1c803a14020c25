"""The one service every interface calls (CLI, operator, web UI):

    request -> planner -> spec -> gates 1,2,3,5 -> render -> gate 4 (import) -> deploy

Nothing is written to the dags folder unless every gate passed.
"""

from __future__ import annotations

import ast
import getpass
import logging
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from airflow_ai_etl.assets import AssetGraph, check_schedule_assets, deployed_graph, pipeline_lineage
from airflow_ai_etl.catalog import Catalog, load_catalog
from airflow_ai_etl.deploy import DeployError, DeployStore, Version
from airflow_ai_etl.messages import msg
from airflow_ai_etl.outcome import Outcome, Problem
from airflow_ai_etl.planning import Planner
from airflow_ai_etl.planning.defaults import explain_defaults
from airflow_ai_etl.planning.offline import OfflinePlanner
from airflow_ai_etl.planning.schedule import describe_schedule, detect_language
from airflow_ai_etl.render.renderer import (
    RenderError,
    describe_asset_schedule,
    describe_file_trigger,
    plan_tasks,
    read_embedded_spec,
    render,
)
from airflow_ai_etl.render.shape import check_shape
from airflow_ai_etl.spec import PipelineSpec
from airflow_ai_etl.validation import check_imports, validate_spec

log = logging.getLogger(__name__)

# Problems a user can fix by answering a question; everything else is a rejection.
_CLARIFYING_GATES = {"grounding"}
# Longest request planned when [ai_etl] max_request_chars is not set: a pipeline request is a
# sentence or two; a longer text is a paste by mistake (or an attempt to make the planner slow).
DEFAULT_MAX_REQUEST_CHARS = 2000


def default_dags_folder() -> Path:
    from airflow.configuration import conf

    return Path(os.path.expanduser(conf.get("core", "dags_folder")))


def default_state_dir() -> Path:
    """Where version history lives: [ai_etl] state_dir, else $AIRFLOW_HOME/ai_etl."""
    from airflow.configuration import AIRFLOW_HOME, conf

    configured = conf.get("ai_etl", "state_dir", fallback=None)
    return Path(os.path.expanduser(configured)) if configured else Path(AIRFLOW_HOME) / "ai_etl"


def max_request_chars() -> int:
    """The longest request planned: [ai_etl] max_request_chars, else DEFAULT_MAX_REQUEST_CHARS."""
    from airflow.configuration import conf

    configured = (conf.get("ai_etl", "max_request_chars", fallback="") or "").strip()
    if not configured:
        return DEFAULT_MAX_REQUEST_CHARS
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    log.warning(
        "[ai_etl] max_request_chars=%r is not a positive number; using %d",
        configured,
        DEFAULT_MAX_REQUEST_CHARS,
    )
    return DEFAULT_MAX_REQUEST_CHARS


def check_request(request: object, limit: int) -> Outcome | None:
    """Why a request is not planned at all (not text, empty, longer than ``limit`` characters), or None.

    :param request: the request as an interface received it.
    :param limit: the most characters a request may have once surrounding whitespace is removed.
    """
    if not isinstance(request, str):
        return Outcome.reject("request", msg("request.not_text", type=type(request).__name__))
    text = request.strip()
    if not text:
        return Outcome.reject("request", msg("request.empty"))
    if len(text) > limit:
        if detect_language(text) == "ru":
            length, most = (f"{n:,}".replace(",", " ") for n in (len(text), limit))
            message = (
                f"Запрос слишком длинный: {length} символов, допустимо не больше {most} "
                "([ai_etl] max_request_chars). Опишите коротко, что загружать, откуда, куда и когда."
            )
        else:
            message = msg("request.too_long", length=len(text), limit=limit)
        return Outcome.reject("request", message)
    return None


def current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


class Assistant:
    """Plans, validates, renders and deploys pipelines against one catalog and dags folder.

    :param catalog: what exists; read from Airflow connections on first use when None.
    :param dags_folder: where DAG files are written; Airflow's [core] dags_folder when None.
    :param state_dir: where version history is kept; see default_state_dir().
    :param check_import: run gate 4 (DagBag import in a subprocess); only tests of the
        earlier gates turn it off.
    :param strategy: which planner turns text into a spec: ``offline`` (rules), ``llm`` (a
        model, rules when it is down) or ``auto`` (rules first, the model when they cannot
        resolve); see planning.llm.make_planner.
    :param llm_conn_id: the Airflow connection of the OpenAI-compatible endpoint for ``llm``
        and ``auto``; [ai_etl] llm_conn_id when None.
    :param pii_policy: ``ask`` | ``mask`` | ``allow``: what a planned pipeline that loads
        personal data unmasked becomes (see quality.policy); [ai_etl] pii_policy when None.
    :param pii_sample: read a bounded sample of the source table to find personal data (besides
        the names and comments); when None, only if the catalog is read from the connections
        (not a snapshot given as ``catalog``).
    :param propose_checks: give a planned spec without checks the default data quality checks
        (primary key, NOT NULL, foreign keys, freshness, reconciliation; see quality.checks).
    :param max_request_chars: requests longer than this are rejected before any planner runs;
        [ai_etl] max_request_chars (default 2,000) when None.
    """

    def __init__(
        self,
        catalog: Catalog | None = None,
        dags_folder: str | Path | None = None,
        state_dir: str | Path | None = None,
        check_import: bool = True,
        catalog_loader: Callable[[], Catalog] = load_catalog,
        strategy: str = "offline",
        llm_conn_id: str | None = None,
        pii_policy: str | None = None,
        pii_sample: bool | None = None,
        propose_checks: bool = True,
        max_request_chars: int | None = None,
    ) -> None:
        from airflow_ai_etl.quality.policy import PII_POLICIES

        if pii_policy is not None and pii_policy not in PII_POLICIES:
            raise ValueError(f"pii_policy must be one of {', '.join(PII_POLICIES)}, not {pii_policy!r}")
        self.pii_policy = pii_policy
        self.propose_checks = propose_checks
        self._pii_sample = catalog is None if pii_sample is None else pii_sample
        self._catalog = catalog
        self._catalog_loader = catalog_loader
        self._dags_folder = Path(dags_folder) if dags_folder else None
        self._state_dir = Path(state_dir) if state_dir else None
        self._check_import = check_import
        self._store: DeployStore | None = None
        self.strategy = strategy
        self.llm_conn_id = llm_conn_id
        self._planner: Planner | None = None
        self._max_request_chars = max_request_chars

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = self._catalog_loader()
        return self._catalog

    @property
    def store(self) -> DeployStore:
        if self._store is None:
            self._store = DeployStore(
                self._dags_folder or default_dags_folder(), self._state_dir or default_state_dir()
            )
        return self._store

    @property
    def planner(self) -> Planner:
        """The request -> spec planner of this assistant's strategy (built once, reused)."""
        if self._planner is None:
            if self.strategy == "offline":
                self._planner = OfflinePlanner(self._catalog_with_assets())
            else:
                from airflow_ai_etl.planning.llm import make_planner

                self._planner = make_planner(
                    self.strategy,
                    self._catalog_with_assets(),  # the model may name what deployed pipelines load
                    llm_conn_id=self.llm_conn_id,
                    state_dir=self._state_dir or default_state_dir(),
                )
        return self._planner

    # --- generate --------------------------------------------------------------------------

    def generate(self, request: str, pii: str | None = None) -> Outcome:
        """Plan one request and take the result through every gate.

        :param pii: the answer to the personal-data question: ``mask`` or ``allow`` (None: ask,
            or what [ai_etl] pii_policy says).
        """
        return self.generate_many([request], pii=pii)[0]

    @property
    def max_request_chars(self) -> int:
        if self._max_request_chars is None:
            self._max_request_chars = max_request_chars()
        return self._max_request_chars

    def generate_many(self, requests: list[str], pii: str | None = None) -> list[Outcome]:
        """Plan several requests; the import gate runs once for all of them (one subprocess).

        A request that is not text, is empty or is longer than :attr:`max_request_chars` is
        rejected here, before any planner (rules or model) sees it.

        :param pii: the answer to the personal-data question, for every request (see generate).
        """
        if pii is not None and pii not in ("mask", "allow"):
            raise ValueError(f"the personal-data answer is mask or allow, not {pii!r}")
        outcomes: list[Outcome] = []
        for request in requests:
            refused = check_request(request, self.max_request_chars)
            if refused:
                outcomes.append(refused)
                continue
            try:
                outcome = self.planner.plan(request)
            except Exception as exc:  # a planner bug is reported for this request, not the batch
                log.exception("Planner failed on %r", request)
                outcome = Outcome("rejected", errors=[Problem("planner", f"internal planner error: {exc}")])
            if outcome.spec and outcome.status == "ok":
                outcome = self._through_gates(outcome)
                if outcome.status == "ok":
                    outcome = self._pii_gate(outcome, pii)
                if outcome.status == "ok" and self.propose_checks:
                    outcome = self._default_checks(outcome)
            if outcome.spec and outcome.status == "ok":
                outcome.assumptions = [*outcome.assumptions, *explain_defaults(request, outcome.spec)]
            outcomes.append(outcome)
        return self._import_gate(outcomes)

    def _default_checks(self, outcome: Outcome) -> Outcome:
        """A planned spec gets the catalog's default checks (quality.checks) next to the ones its
        request asked for (planning.checks); an asked check replaces a default of the same kind."""
        from airflow_ai_etl.quality.checks import merge_checks, propose_checks

        spec = outcome.spec
        if spec is None:
            return outcome
        checks = merge_checks(spec.checks, propose_checks(spec, self.catalog))
        if checks == spec.checks:
            return outcome
        with_checks = spec.model_copy(update={"checks": checks})
        return self._through_gates(outcome, PipelineSpec.model_validate(with_checks.to_json_dict()))

    def _pii_gate(self, outcome: Outcome, answer: str | None) -> Outcome:
        """Personal data loaded unmasked: ask, mask or allow (the answer, else the policy)."""
        from airflow_ai_etl.quality.pii import sampling_settings
        from airflow_ai_etl.quality.policy import policy_setting, review_spec, with_mask

        try:
            choice = answer or self.pii_policy or policy_setting()
            rows, timeout = sampling_settings()
        except ValueError as exc:
            return Outcome("rejected", spec=outcome.spec, errors=[Problem("policy", str(exc))])
        if choice == "allow" and answer is None:
            return outcome  # the policy allows it: no need to read any data
        spec = outcome.spec
        if spec is None:  # only a planned spec is reviewed
            return outcome
        review = review_spec(
            spec, self.catalog, sample=self._pii_sample, sample_rows=rows, timeout_seconds=timeout
        )
        if review is None:
            return outcome
        details = review.to_dict()
        if choice == "mask":
            masked = self._through_gates(outcome, with_mask(spec, review.columns))
            return replace(masked, pii={**details, "answer": "mask"})
        if choice == "allow":
            return replace(outcome, pii={**details, "answer": "allow"})
        language = detect_language(spec.request) if spec.request else "en"
        return Outcome(
            "needs_clarification",
            spec=spec,
            questions=[review.question(language)],
            schedule_description=outcome.schedule_description,
            pii=details,
        )

    def check(self, spec_data: dict[str, Any] | PipelineSpec) -> Outcome:
        """Take a given spec (edited by a person, or a stored version) through every gate."""
        return self._import_gate([self._through_gates(Outcome("ok"), spec_data)])[0]

    def check_file(self, source: str) -> Outcome:
        """Every gate for a DAG file on disk: its shape first (nothing in it runs), then its
        embedded spec, then whether the file is what that spec renders to."""
        problems = check_shape(source)
        if problems:
            return Outcome("rejected", errors=problems)
        embedded = read_embedded_spec(source)
        outcome = self.check(embedded)  # type: ignore[arg-type]
        if outcome.status == "ok" and ast.dump(ast.parse(source)) != ast.dump(ast.parse(outcome.source_code)):
            message = "the file differs from what its AI_ETL_SPEC renders to (edited by hand?)"
            if "Asset(" not in source and "Asset(" in outcome.source_code:
                message = (
                    "the file differs from what its AI_ETL_SPEC renders to: it declares no assets "
                    "(rendered by an older version, or edited by hand); deploy its spec again"
                )
            return _failed(outcome.spec, [Problem("shape", message)])
        return outcome

    def _through_gates(
        self, outcome: Outcome, spec_data: dict[str, Any] | PipelineSpec | None = None
    ) -> Outcome:
        spec, problems = validate_spec(spec_data if spec_data is not None else outcome.spec, self.catalog)  # type: ignore[arg-type]
        if problems or spec is None:
            return _failed(spec, problems)
        lineage = pipeline_lineage(spec, self.catalog)
        if spec.schedule_assets:
            problems = check_schedule_assets(spec, lineage, self.asset_graph())
            if problems:
                return _failed(spec, problems)
        try:
            source_code = render(spec, lineage)
        except RenderError as exc:
            return _failed(spec, [Problem("render", str(exc))])
        shape_problems = check_shape(source_code)
        if shape_problems:  # a renderer defect; the import gate would refuse the file too
            return _failed(spec, shape_problems)
        language = detect_language(spec.request) if spec.request else "en"
        if spec.on_new_files:
            description = describe_file_trigger(spec.source.path or "", language)
        elif spec.schedule_assets:
            description = describe_asset_schedule(spec.schedule_assets, language)
        else:
            description = describe_schedule(spec.schedule, language)
        return replace(
            outcome, status="ok", spec=spec, source_code=source_code, schedule_description=description
        )

    def _catalog_with_assets(self) -> Catalog:
        """The catalog plus the assets deployed pipelines load: what «после загрузки заказов» can name.
        Planning needs no writable dags folder: when the store cannot be opened the deploy step
        reports why, and the plan simply knows no deployed assets (nor is a folder created)."""
        if self._store is None and not Path(self._dags_folder or default_dags_folder()).is_dir():
            return self.catalog
        try:
            graph = self.asset_graph()
        except DeployError as exc:
            log.warning("Deployed assets unknown to the planner: %s", exc)
            return self.catalog
        produced = graph.produced()
        schedules = {dag: list(p.schedule_assets) for dag, p in graph.pipelines.items() if p.schedule_assets}
        return replace(self.catalog, assets=produced, schedules=schedules) if produced else self.catalog

    def asset_graph(self) -> AssetGraph:
        """The assets every deployed pipeline declares in its current file (what feeds what)."""
        return deployed_graph(self.store)

    def _import_gate(self, outcomes: list[Outcome]) -> list[Outcome]:
        """Gate 4 for every ok outcome: one DagBag subprocess per round of distinct dag_ids (a
        batch may plan two different files for one dag_id; one folder cannot hold both)."""
        if not self._check_import:
            return outcomes
        files = {o.source_code: o.spec for o in outcomes if o.status == "ok" and o.spec and o.source_code}
        problems: dict[str, list[Problem]] = {}  # source code -> its import problems
        while files:
            round_ = {spec.dag_id: (source, spec) for source, spec in files.items()}
            results = check_imports(
                {dag_id: source for dag_id, (source, _) in round_.items()},
                {dag_id: plan_tasks(spec).task_ids for dag_id, (_, spec) in round_.items()},
            )
            for dag_id, (source, _) in round_.items():
                problems[source] = results.get(dag_id, [])
                del files[source]
        return [
            _failed(o.spec, problems[o.source_code]) if problems.get(o.source_code) else o for o in outcomes
        ]

    # --- deploy ----------------------------------------------------------------------------

    def deploy(self, outcome: Outcome, user: str | None = None, force: bool = False) -> Outcome:
        """Write a validated outcome's file atomically and record the version."""
        if outcome.status != "ok" or outcome.spec is None or not outcome.source_code:
            raise ValueError("only a validated outcome (status ok) can be deployed")
        try:
            before: int | None = self.store.get(outcome.spec.dag_id).version
        except DeployError:  # never deployed (a bad dag id is refused by the deploy itself)
            before = None
        version = self.store.deploy(
            outcome.spec.dag_id,
            outcome.source_code,
            outcome.spec.to_json_dict(),
            request=outcome.spec.request,
            user=user or current_user(),
            force=force,
        )
        return replace(
            outcome, path=version.path, version=version.version, unchanged=version.version == before
        )

    def rollback(self, dag_id: str, version: int, user: str | None = None, force: bool = False) -> Version:
        """Restore an older version; its spec is re-validated against today's catalog first."""
        old = self.store.get(dag_id, version)
        checked = self.check(old.spec)
        if checked.status != "ok":
            reasons = "; ".join(p.message for p in checked.errors) or "; ".join(checked.questions)
            raise ValueError(
                msg("deploy.no_longer_validates", version=version, dag_id=dag_id, reasons=reasons)
            )
        return self.store.rollback(dag_id, version, user=user or current_user(), force=force)


def _failed(spec: PipelineSpec | None, problems: list[Problem]) -> Outcome:
    if problems and all(p.gate in _CLARIFYING_GATES for p in problems):
        return Outcome(
            "needs_clarification", spec=spec, questions=[p.message for p in problems], errors=problems
        )
    return Outcome("rejected", spec=spec, errors=problems)
