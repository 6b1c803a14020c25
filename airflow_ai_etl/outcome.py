"""The structured answer every stage gives: ok, needs_clarification (questions) or rejected."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from airflow_ai_etl.spec import PipelineSpec

Status = Literal["ok", "needs_clarification", "rejected"]
# Exit codes of the CLI, one per status (1 is left for unexpected errors).
EXIT_CODES: dict[str, int] = {"ok": 0, "needs_clarification": 2, "rejected": 3}


@dataclass(frozen=True)
class Problem:
    """One finding of a validation gate or planner."""

    gate: str  # request | schema | grounding | sql_safety | import | policy | planner
    message: str
    field: str = ""  # dotted spec path the problem is about, e.g. "source.table"

    def to_dict(self) -> dict[str, str]:
        return {"gate": self.gate, "field": self.field, "message": self.message}


@dataclass
class Outcome:
    status: Status
    spec: PipelineSpec | None = None
    questions: list[str] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    # What a reviewer wants to see next to the spec: human schedule, rendered code, file path.
    schedule_description: str = ""
    source_code: str = ""
    path: str = ""
    version: int | None = None
    # Set by a deploy whose file was identical to the latest version: no new version was recorded.
    unchanged: bool = False
    # Personal data the pipeline would load unmasked (quality.policy.PiiReview.to_dict()), with
    # "answer" when it was answered: what a UI needs to offer "mask" / "allow".
    pii: dict[str, Any] | None = None
    # The defaults the plan took that the request did not state, each with its reason
    # (planning.defaults.explain_defaults), in the request's language.
    assumptions: list[str] = field(default_factory=list)

    @classmethod
    def clarify(cls, *questions: str, spec: PipelineSpec | None = None) -> Outcome:
        return cls("needs_clarification", spec=spec, questions=list(questions))

    @classmethod
    def reject(cls, gate: str, message: str, field: str = "") -> Outcome:
        return cls("rejected", errors=[Problem(gate, message, field)])

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.status]

    def to_batch_dict(self, request_id: Any) -> dict[str, Any]:
        """The `--batch` line contract: id, status, spec, questions, errors."""
        return {
            "id": request_id,
            "status": self.status,
            "spec": self.spec.to_json_dict() if self.spec else None,
            "questions": list(self.questions),
            "errors": [p.to_dict() for p in self.errors],
        }
