"""Personal data in a table: column-name and comment hints, plus a bounded sample of the values.

    hints(name, comment)          -> {kind: "name" | "comment"}          (no data read)
    assess_column(name, comment, values) -> [PiiFinding]                (pure)
    scan_table(conn_id, table)    -> PiiScan                             (reads <= N rows)

A finding says which kind (email, phone, snils, inn, card, passport, iban; and, from hints only,
person_name, birth_date, address) and why: the share of sampled non-empty values that pass the
kind's detector, and whether the column's name or comment names the kind. Values themselves are
never kept in a finding.

A column is reported for a kind on one of three grounds:

* **hint**: its name or comment names the kind (``email``, ``Номер паспорта``...);
* **form**: at least MIN_SHARE (80%) of its non-empty values, and MIN_MATCHES of them, pass the
  kind's detector *in the kind's own form* (an e-mail, «+7 (916) 123-45-67», «123-456-789 01»,
  a card grouped by four, an IBAN): such a value is evidence on its own;
* **checksum**: bare digit strings are only candidates (a random 10-digit string passes the INN-10
  check one time in ten), so they count by the column: at least CHECKSUM_MIN_DISTINCT distinct
  values, and at least CHECKSUM_SHARE of the distinct values, pass the kind's checksum. With chance
  rate p (CHECKSUM_CHANCE: 0.1 for one check digit, 0.01 for two) a column of random values gets
  there with probability at most :func:`false_flag_bound` (1e-5 for p = 0.1). A bare phone or
  passport number has no checksum: it counts only under a hint.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from airflow_ai_etl.exceptions import AIETLError
from airflow_ai_etl.quality.detectors import DETECTORS, HINTED_DETECTORS, is_bare_digits

if TYPE_CHECKING:
    from airflow_ai_etl.catalog import Table

DEFAULT_SAMPLE_ROWS = 1000
DEFAULT_TIMEOUT_SECONDS = 10
# A column is flagged by the form of its values when at least this share of the sampled non-empty
# values pass one kind's detector in that kind's own form (not as bare digits)...
MIN_SHARE = 0.8
MIN_MATCHES = 2  # ...and at least this many values do (one lucky value is no evidence)
# Bare digit strings count by checksum: the chance that a random bare string of the kind's length
# passes (INN-10 and Luhn: one check digit; INN-12: two, SNILS: a two-digit checksum), ...
CHECKSUM_CHANCE = {"inn": 0.1, "card": 0.1, "snils": 0.01}
# ...and what a column needs: this share of its distinct non-empty values pass (9x chance at
# p = 0.1), and at least this many distinct values do. Distinct, because a column repeating one
# lucky value is one draw, not many. See false_flag_bound for what the two give.
CHECKSUM_SHARE = 0.9
CHECKSUM_MIN_DISTINCT = 5

KIND_LABELS = {
    "email": ("email", "email"),
    "phone": ("phone number", "телефон"),
    "snils": ("SNILS", "СНИЛС"),
    "inn": ("INN", "ИНН"),
    "card": ("payment card number", "номер карты"),
    "passport": ("passport number", "паспорт"),
    "iban": ("IBAN", "IBAN"),
    "person_name": ("person's name", "ФИО"),
    "birth_date": ("date of birth", "дата рождения"),
    "address": ("address", "адрес"),
}

# Column-name hints: matched against the name's tokens joined by '_' (camelCase split, lower case).
_NAME_HINTS: dict[str, str] = {
    "email": r"e_?mail|mail|email_address|почта|емейл|имейл|эл_почта",
    "phone": r"phone|phone_number|tel|telephone|mobile|mobile_phone|msisdn|cellphone|телефон|тел|моб",
    "snils": r"snils|снилс",
    "inn": r"inn|инн|tin|taxpayer_id",
    "card": r"card_?(number|num|no|pan)|pan|cc_?(number|num|no)?|credit_?card|номер_карты|карта",
    "passport": r"passport(_(number|num|no|series|id))?|паспорт",
    "iban": r"iban",
    "person_name": r"full_?name|fio|фио|first_?name|last_?name|surname|middle_?name|patronymic"
    r"|фамилия|имя|отчество",
    "birth_date": r"birth_?date|date_of_birth|dob|birthday|birth_?day|дата_рождения|др",
    "address": r"address|addr|home_address|адрес|адрес_проживания",
}
_NAME_HINT_PATTERNS = {
    kind: re.compile(rf"(?:^|_)(?:{pattern})(?:_|$)") for kind, pattern in _NAME_HINTS.items()
}
_COMMENT_HINTS: dict[str, str] = {
    "email": r"e-?mail|электронн\w* почт\w*|\bпочта\b",
    "phone": r"\bphone\b|телефон\w*|\bмобильн\w*",
    "snils": r"\bснилс\b|\bsnils\b",
    "inn": r"\bинн\b|\binn\b|taxpayer (?:id|number)",
    "card": r"номер\w* карт\w*|банковск\w* карт\w*|card number|credit card|\bpan\b",
    "passport": r"паспорт\w*|passport",
    "iban": r"\biban\b",
    "person_name": r"\bфио\b|full name|фамили\w*|\bимя\b|отчеств\w*",
    "birth_date": r"дат\w* рождения|date of birth|\bbirth",
    "address": r"\bадрес\w*|\baddress",
}
_COMMENT_HINT_PATTERNS = {kind: re.compile(p, re.IGNORECASE) for kind, p in _COMMENT_HINTS.items()}
_CAMEL = re.compile(r"(?<=[a-zа-яё0-9])(?=[A-ZА-ЯЁ])")
# Column types worth sampling: text of any kind (other columns are sampled only when a hint
# names them, e.g. a bigint INN).
_TEXT_TYPE = re.compile(
    r"^(?:text|character varying|varchar|character|char|bpchar|citext|name"
    r"|(?:Nullable\()?(?:LowCardinality\()?(?:Nullable\()?(?:String|FixedString))",
    re.IGNORECASE,
)


class PiiScanError(AIETLError, RuntimeError):
    """The sample could not be read (missing table, timeout, unreachable server)."""


def name_tokens(name: str) -> str:
    """``customerEmail`` / ``Customer-E-Mail`` -> ``customer_email`` / ``customer_e_mail``."""
    spaced = _CAMEL.sub("_", name)
    return "_".join(t for t in re.split(r"[^\w]+|_", spaced.lower()) if t)


def hints(name: str, comment: str = "") -> dict[str, str]:
    """Kinds of personal data a column's name or comment names: ``{kind: "name" | "comment"}``."""
    found: dict[str, str] = {}
    tokens = name_tokens(name or "")
    for kind, pattern in _NAME_HINT_PATTERNS.items():
        if pattern.search(tokens):
            found[kind] = "name"
    for kind, pattern in _COMMENT_HINT_PATTERNS.items():
        if kind not in found and comment and pattern.search(comment):
            found[kind] = "comment"
    return found


@dataclass(frozen=True)
class PiiFinding:
    """One column that looks like one kind of personal data, with the evidence."""

    column: str
    kind: str
    matched: int = 0  # sampled non-empty values that pass the kind's detector (in any spelling)
    sampled: int = 0  # sampled non-empty values
    hint: str = ""  # "name" | "comment" | "" : what of the column's description names the kind
    has_detector: bool = True
    formatted: int = 0  # of `matched`, values in the kind's own form (evidence on their own)
    distinct: int = 0  # distinct sampled non-empty values
    distinct_matched: int = 0  # of those, how many pass the kind's detector

    @property
    def share(self) -> float | None:
        """Share of sampled non-empty values that pass; None when nothing was sampled."""
        return self.matched / self.sampled if self.sampled else None

    @property
    def confirmed_by_form(self) -> bool:
        """Most values have the kind's own form and pass its check: evidence without a hint."""
        return (
            self.sampled > 0 and self.formatted >= MIN_MATCHES and self.formatted / self.sampled >= MIN_SHARE
        )

    @property
    def confirmed_by_checksum(self) -> bool:
        """The share of distinct values that pass the kind's checksum is far above chance."""
        return (
            self.kind in CHECKSUM_CHANCE
            and self.distinct_matched >= CHECKSUM_MIN_DISTINCT
            and self.distinct_matched / self.distinct >= CHECKSUM_SHARE
        )

    @property
    def confirmed_by_values(self) -> bool:
        return self.confirmed_by_form or self.confirmed_by_checksum

    @property
    def evidence(self) -> str:
        parts = []
        label = KIND_LABELS[self.kind][0]
        if self.hint:
            parts.append(f"the column's {self.hint} says {label}")
        if self.sampled and self.has_detector:
            parts.append(
                f"{self.matched} of {self.sampled} sampled values ({self.share:.0%}) pass the {label} check"
            )
            if self.confirmed_by_checksum and not self.confirmed_by_form:
                parts.append(
                    f"{self.distinct_matched} of {self.distinct} distinct values pass its checksum, "
                    f"where chance passes {CHECKSUM_CHANCE[self.kind]:.0%}"
                )
        elif not self.sampled:
            parts.append("no values sampled")
        return "; ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "column": self.column,
            "kind": self.kind,
            "matched": self.matched,
            "sampled": self.sampled,
            "share": None if self.share is None else round(self.share, 4),
            "hint": self.hint,
            "formatted": self.formatted,
            "distinct": self.distinct,
            "distinct_matched": self.distinct_matched,
            "basis": self.basis,
            "evidence": self.evidence,
        }

    @property
    def basis(self) -> list[str]:
        """Why the column is reported: any of ``name``/``comment`` (hint), ``form``, ``checksum``."""
        grounds = [self.hint] if self.hint else []
        if self.confirmed_by_form:
            grounds.append("form")
        if self.confirmed_by_checksum:
            grounds.append("checksum")
        return grounds


def assess_column(name: str, comment: str, values: Iterable[Any] | None) -> list[PiiFinding]:
    """Findings for one column from its name, comment and sampled values (None: not sampled).

    A kind is reported when the name or comment names it, when most values have its form
    (:attr:`PiiFinding.confirmed_by_form`), or when its checksum passes for far more distinct bare
    values than chance lets through (:attr:`PiiFinding.confirmed_by_checksum`).
    """
    named = hints(name, comment)
    present = [] if values is None else [v for v in values if v is not None and _as_text(v) != ""]
    detectors = dict(DETECTORS)
    if "passport" in named:
        detectors.update(HINTED_DETECTORS)
    matched: dict[str, int] = {}
    formatted: dict[str, int] = {}
    kinds_of: dict[str, set[str]] = {}  # distinct value (as stripped text) -> kinds it passes
    for value in present:
        key = _as_text(value)
        kinds = kinds_of.get(key)
        if kinds is None:
            kinds = kinds_of[key] = {kind for kind, predicate in detectors.values() if predicate(value)}
        bare = is_bare_digits(value)
        for kind in kinds:
            matched[kind] = matched.get(kind, 0) + 1
            if not bare:
                formatted[kind] = formatted.get(kind, 0) + 1
    distinct_matched: dict[str, int] = {}
    for kinds in kinds_of.values():
        for kind in kinds:
            distinct_matched[kind] = distinct_matched.get(kind, 0) + 1
    detected_kinds = {kind for kind, _ in DETECTORS.values()}
    findings = []
    for kind in KIND_LABELS:
        finding = PiiFinding(
            column=name,
            kind=kind,
            matched=matched.get(kind, 0),
            sampled=len(present),
            hint=named.get(kind, ""),
            has_detector=kind in detected_kinds,
            formatted=formatted.get(kind, 0),
            distinct=len(kinds_of),
            distinct_matched=distinct_matched.get(kind, 0),
        )
        if finding.hint or finding.confirmed_by_values:
            findings.append(finding)
    return findings


def _as_text(value: Any) -> str:
    """A sampled value as stripped text; one whose str() raises (a huge int) stands for its type."""
    try:
        return str(value).strip()
    except Exception:
        return f"<{type(value).__name__}>"


def false_flag_bound(
    chance: float,
    share: float = CHECKSUM_SHARE,
    min_distinct: int = CHECKSUM_MIN_DISTINCT,
    up_to: int = 300,
) -> float:
    """The largest probability, over columns of `min_distinct`..`up_to` distinct random values each
    passing a checksum with probability `chance`, that at least `share` of them (and at least
    `min_distinct`) pass: the checksum rule's false-positive rate per column and kind."""
    worst = 0.0
    for n in range(min_distinct, up_to + 1):
        need = max(min_distinct, math.ceil(share * n - 1e-9))
        tail = sum(math.comb(n, k) * chance**k * (1 - chance) ** (n - k) for k in range(need, n + 1))
        worst = max(worst, tail)
    return worst


@dataclass
class PiiScan:
    """What one table's scan found."""

    conn_id: str
    table: str
    sample_rows: int  # the bound asked for
    rows_read: int = 0
    columns_sampled: list[str] = field(default_factory=list)
    findings: list[PiiFinding] = field(default_factory=list)
    sampled: bool = True  # False: hints only (the data could not or should not be read)
    note: str = ""  # why the data was not read, when it was not

    @property
    def pii_columns(self) -> list[str]:
        """Flagged columns, in table order, each once."""
        return list(dict.fromkeys(f.column for f in self.findings))

    def to_dict(self) -> dict[str, Any]:
        return {
            "conn_id": self.conn_id,
            "table": self.table,
            "sample_rows": self.sample_rows,
            "rows_read": self.rows_read,
            "sampled": self.sampled,
            "note": self.note,
            "columns_sampled": list(self.columns_sampled),
            "pii_columns": self.pii_columns,
            "findings": [f.to_dict() for f in self.findings],
        }


def is_text_type(type_name: str) -> bool:
    return _TEXT_TYPE.match(type_name.strip()) is not None


def columns_to_sample(table: Table) -> list[str]:
    """Text columns, and any other column a hint names (an INN kept as bigint, say)."""
    return [c.name for c in table.columns if is_text_type(c.type) or hints(c.name, c.comment)]


def assess_table(
    table: Table, samples: Mapping[str, Sequence[Any]] | None, *, conn_id: str = "", sample_rows: int = 0
) -> PiiScan:
    """Findings for every column of a catalog table; `samples` maps column -> sampled values
    (None: hints only)."""
    scan = PiiScan(
        conn_id=conn_id,
        table=table.qualified_name,
        sample_rows=sample_rows,
        sampled=samples is not None,
        columns_sampled=list(samples or {}),
        rows_read=max((len(v) for v in (samples or {}).values()), default=0),
    )
    for column in table.columns:
        values = None if samples is None else samples.get(column.name)
        scan.findings.extend(assess_column(column.name, column.comment, values))
    return scan


# --- reading the sample ----------------------------------------------------------------------


def read_sample(
    conn_id: str,
    engine: str,
    table: str,
    columns: Sequence[str],
    *,
    sample_rows: int = DEFAULT_SAMPLE_ROWS,
    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
) -> dict[str, list[Any]]:
    """At most `sample_rows` rows of `columns` (as text) from `table`, through the connection's
    hook, in a read-only statement cut off after `timeout_seconds`. Raises PiiScanError."""
    if sample_rows < 1:
        raise ValueError("sample_rows must be at least 1")
    if timeout_seconds <= 0:
        raise ValueError("timeout_seconds must be positive")
    if not columns:
        return {}
    try:
        if engine == "postgres":
            rows = _read_postgres(conn_id, table, columns, sample_rows, timeout_seconds)
        elif engine == "clickhouse":
            rows = _read_clickhouse(conn_id, table, columns, sample_rows, timeout_seconds)
        else:
            raise PiiScanError(f"connection {conn_id!r} ({engine}) cannot be sampled; postgres or clickhouse")
    except PiiScanError:
        raise
    except Exception as exc:  # the driver's own error types differ; the message is what matters
        message = " ".join(str(exc).split())[:300]
        raise PiiScanError(f"cannot sample {table} on {conn_id}: {type(exc).__name__}: {message}") from exc
    return {name: [row[i] for row in rows] for i, name in enumerate(columns)}


def _read_postgres(conn_id: str, table: str, columns: Sequence[str], limit: int, timeout: float) -> list:
    from airflow_ai_etl.hooks.postgres import Psycopg2PostgresHook
    from airflow_ai_etl.transfers.postgres_source import pg_quote_ident, pg_quote_table

    select = ", ".join(f"{pg_quote_ident(c)}::text" for c in columns)
    sql = f"SELECT {select} FROM {pg_quote_table(table)} LIMIT {int(limit)}"
    # The PostgresHook with plain tuple rows (a `cursor` extra would turn them into dicts).
    conn = Psycopg2PostgresHook(postgres_conn_id=conn_id).get_conn()
    try:
        with conn.cursor() as cursor:
            cursor.execute("SET TRANSACTION READ ONLY")
            cursor.execute(f"SET LOCAL statement_timeout = {max(1, int(timeout * 1000))}")
            cursor.execute(sql)
            return cursor.fetchall()
    finally:
        conn.rollback()
        conn.close()


def _read_clickhouse(conn_id: str, table: str, columns: Sequence[str], limit: int, timeout: float) -> list:
    from airflow_ai_etl.hooks.clickhouse import ClickHouseHook, quote_identifier, quote_table

    select = ", ".join(f"toString({quote_identifier(c)})" for c in columns)
    client = ClickHouseHook(clickhouse_conn_id=conn_id).get_client()
    try:
        return client.execute(
            f"SELECT {select} FROM {quote_table(table)} LIMIT {int(limit)}",
            settings={"max_execution_time": max(1, int(timeout))},
        )
    finally:
        client.disconnect()


def scan_table(
    conn_id: str,
    table: str | Table,
    *,
    engine: str | None = None,
    sample_rows: int = DEFAULT_SAMPLE_ROWS,
    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
) -> PiiScan:
    """Scan one table: its columns from the catalog (or the given catalog Table), a bounded sample
    of its text columns, and the findings. Raises PiiScanError when the table or data cannot be read.

    :param conn_id: Airflow connection (postgres or clickhouse).
    :param table: ``name`` / ``schema.name``, or a :class:`~airflow_ai_etl.catalog.Table` already read.
    :param engine: ``postgres`` | ``clickhouse``; from the connection's type when None.
    :param sample_rows: read at most this many rows ([ai_etl] pii_sample_rows).
    :param timeout_seconds: cancel the sampling statement after this long ([ai_etl] pii_sample_timeout).
    """
    from airflow_ai_etl.catalog import ENGINE_BY_CONN_TYPE, load_catalog

    if engine is None:
        engine = _engine_of(conn_id, ENGINE_BY_CONN_TYPE)
    if isinstance(table, str):
        catalog = load_catalog([conn_id])
        if conn_id in catalog.errors:
            raise PiiScanError(f"cannot read the tables of {conn_id}: {catalog.errors[conn_id]}")
        found = catalog.find_table(conn_id, table)
        if found is None:
            names = ", ".join(catalog.display_name(conn_id, t) for t in catalog.tables_of(conn_id)[:20])
            raise PiiScanError(f"table {table!r} not found on {conn_id}; tables: {names or 'none'}")
        table = found
    columns = columns_to_sample(table)
    samples = read_sample(
        conn_id,
        engine,
        table.qualified_name,
        columns,
        sample_rows=sample_rows,
        timeout_seconds=timeout_seconds,
    )
    return assess_table(table, samples, conn_id=conn_id, sample_rows=sample_rows)


def _engine_of(conn_id: str, engines: dict[str, str]) -> str:
    from airflow.sdk import BaseHook

    try:
        conn_type = (BaseHook.get_connection(conn_id).conn_type or "").lower()
    except Exception as exc:
        raise PiiScanError(f"connection {conn_id!r} does not exist") from exc
    return engines.get(conn_type, conn_type)


def sampling_settings() -> tuple[int, float]:
    """([ai_etl] pii_sample_rows, [ai_etl] pii_sample_timeout) with the defaults."""
    from airflow.configuration import conf

    rows = (conf.get("ai_etl", "pii_sample_rows", fallback="") or "").strip()
    timeout = (conf.get("ai_etl", "pii_sample_timeout", fallback="") or "").strip()
    try:
        values = (
            int(rows) if rows else DEFAULT_SAMPLE_ROWS,
            float(timeout) if timeout else DEFAULT_TIMEOUT_SECONDS,
        )
    except ValueError as exc:
        raise ValueError(f"[ai_etl] pii_sample_rows / pii_sample_timeout must be numbers: {exc}") from exc
    if values[0] < 1 or values[1] <= 0:
        raise ValueError("[ai_etl] pii_sample_rows must be at least 1 and pii_sample_timeout positive")
    return values
