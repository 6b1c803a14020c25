"""`[ai_etl] pii_policy`: what happens when a planned pipeline would load personal data unmasked.

    ask   (default) the outcome becomes a question: «В колонках email, phone похоже
          персональные данные — маскировать?»; answered with ``pii="mask"`` or ``pii="allow"``
          (CLI ``generate --pii mask|allow``, operator ``pii=``, web ``{"pii": ...}``)
    mask  the columns are masked (md5 hash, inside the source) without asking
    allow the data is loaded as it is

Which columns: the catalog's hints (names, comments) always, plus a bounded sample of the source
table's values when the assistant reads live connections (see :func:`review_spec`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from airflow_ai_etl.quality.pii import PiiFinding, PiiScanError, assess_table, scan_table

if TYPE_CHECKING:
    from airflow_ai_etl.catalog import Catalog
    from airflow_ai_etl.spec import PipelineSpec

log = logging.getLogger(__name__)

PII_POLICIES = ("ask", "mask", "allow")
DEFAULT_POLICY = "ask"
MASK_METHOD = "hash"


def policy_setting() -> str:
    """[ai_etl] pii_policy (ask when unset); a value outside ask|mask|allow is an error."""
    from airflow.configuration import conf

    value = (conf.get("ai_etl", "pii_policy", fallback="") or DEFAULT_POLICY).strip().lower()
    if value not in PII_POLICIES:
        raise ValueError(f"[ai_etl] pii_policy must be one of {', '.join(PII_POLICIES)}, not {value!r}")
    return value


@dataclass
class PiiReview:
    """The personal data a spec would load unmasked, and the evidence."""

    conn_id: str
    table: str
    columns: list[str]  # loaded, unmasked, flagged: what the question is about
    findings: list[PiiFinding] = field(default_factory=list)
    sampled: bool = False
    note: str = ""  # why the values were not sampled, when they were not

    def question(self, language: str) -> str:
        from airflow_ai_etl.messages import say

        return say(language, "pii.question", columns=", ".join(self.columns))

    def to_dict(self) -> dict[str, Any]:
        """What a UI needs to offer the answer: the columns, why, and the two choices."""
        return {
            "conn_id": self.conn_id,
            "table": self.table,
            "columns": list(self.columns),
            "sampled": self.sampled,
            "note": self.note,
            "findings": [f.to_dict() for f in self.findings],
            "choices": ["mask", "allow"],
        }


def loaded_unmasked_columns(spec: PipelineSpec, table_columns: list[str]) -> list[str]:
    """Source columns that reach the target as they are: the selected columns (all when none
    are named) minus masked ones. The incremental column cannot be masked (the watermark is
    compared with it), so it is left out."""
    from airflow_ai_etl.spec import MaskTransform

    masked = {c for t in spec.transforms if isinstance(t, MaskTransform) for c in t.columns}
    if spec.source.incremental:
        masked.add(spec.source.incremental.column)
    selected = spec.source.columns or table_columns
    return [c for c in selected if c not in masked]


def review_spec(
    spec: PipelineSpec,
    catalog: Catalog,
    *,
    sample: bool,
    sample_rows: int,
    timeout_seconds: float,
) -> PiiReview | None:
    """The PII this spec loads unmasked, or None when it loads none (or is not a table copy).

    :param sample: also read a bounded sample of the source table's values; when that fails
        (no connection behind a snapshot catalog, timeout, ...) the hints alone decide.
    """
    source = spec.source
    if source.type != "sql" or not source.table or not source.conn_id:
        return None
    table = catalog.find_table(source.conn_id, source.table)
    if table is None:
        return None
    scan = None
    note = "" if sample else "values not sampled (catalog snapshot)"
    if sample:
        engine = catalog.connections[source.conn_id].engine if source.conn_id in catalog.connections else None
        try:
            scan = scan_table(
                source.conn_id, table, engine=engine, sample_rows=sample_rows, timeout_seconds=timeout_seconds
            )
        except (PiiScanError, ValueError) as exc:
            note = f"values not sampled: {exc}"
            log.info("PII review of %s.%s from names only: %s", source.conn_id, table.qualified_name, exc)
    if scan is None:
        scan = assess_table(table, None, conn_id=source.conn_id)
    loaded = set(loaded_unmasked_columns(spec, table.column_names))
    findings = [f for f in scan.findings if f.column in loaded]
    columns = list(dict.fromkeys(f.column for f in findings))
    if not columns:
        return None
    return PiiReview(source.conn_id, table.qualified_name, columns, findings, scan.sampled, note)


def with_mask(spec: PipelineSpec, columns: list[str], method: str = MASK_METHOD) -> PipelineSpec:
    """The spec with one more mask transform over `columns` (validated like any spec)."""
    from airflow_ai_etl.spec import PipelineSpec

    data = spec.to_json_dict()
    data["transforms"] = [*data["transforms"], {"type": "mask", "columns": list(columns), "method": method}]
    return PipelineSpec.model_validate(data)
