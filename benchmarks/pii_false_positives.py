"""False positives and recall of the PII detectors and of the scanner's column rule.

1. Per value: 100,000 random digit strings (seeded) of lengths 1-20, and 100,000 of each exact PII
   length (10: INN-10, 11: SNILS / phone, 12: INN-12, 16: card). A value on its own is evidence
   only in its kind's form (`detect`); a bare digit string is a candidate (`candidates`), counted
   by its column. Both rates are printed; the false-positive rate is the evidence rate.
2. Per column: the same strings cut into columns of 5, 20 and 100 values (and columns of
   consecutive numbers, like ids) with an anonymous name, judged by `assess_column`; next to the
   analytic bound of the checksum rule (`false_flag_bound`).
3. Recall: anonymous columns of valid INN-10, INN-12, bare SNILS, bare card numbers, and formatted
   e-mails, phones, SNILS, cards, IBANs, clean and with 5% / 15% broken values.
4. The demo catalogs on a private PostgreSQL server: the shop database loaded as `make demo` loads
   it (tests/fixtures/shop.sql plus 100,000 generated sales rows), the clinic, HR and logistics
   schemas (names and comments, no rows). `scan_table` through PostgresHook on every table: a
   finding on a column outside KNOWN_PII is a false positive, a known column not found a miss.
   Every value of every non-PII column (all rows, as text) is also judged one by one, and each
   whole column by the column rule.

    python benchmarks/pii_false_positives.py [--strings 100000] [--seed 17] [--no-db] [--write]

`--write` also writes benchmarks/RESULTS_PII.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from airflow_ai_etl.quality.detectors import (  # noqa: E402
    DETECTORS,
    candidates,
    detect,
    luhn_ok,
    snils_checksum,
)
from airflow_ai_etl.quality.pii import (  # noqa: E402
    CHECKSUM_CHANCE,
    CHECKSUM_MIN_DISTINCT,
    CHECKSUM_SHARE,
    MIN_SHARE,
    assess_column,
    false_flag_bound,
)

# Columns that hold personal data in the demo schemas (what a finding there is right about).
KNOWN_PII = {
    "shop": {
        "public.customers": {"full_name", "email", "phone", "snils", "birth_date"},
        "public.payments": {"card_number"},
        "public.users": {"email"},
        "crm.leads": {"email"},
    },
    "clinic": {
        "public.doctors": {"full_name", "phone", "email"},
        "public.patients": {
            "full_name", "birth_date", "phone", "email", "snils", "passport_number", "address",
        },
        "billing.invoices": {"card_number", "insurance_policy"},
    },
    "hr": {
        "public.employees": {"full_name", "email", "phone", "snils", "passport_number"},
        "public.candidates": {"full_name", "email", "phone"},
        "payroll.payslips": {"bank_account"},
    },
    "logistics": {
        "public.shipments": {
            "sender_name", "sender_phone", "recipient_name", "recipient_phone", "recipient_address",
        },
        "public.couriers": {"full_name", "phone", "passport_number"},
        "fleet.fuel_cards": {"card_number"},
    },
}  # fmt: skip
LENGTHS = (10, 11, 12, 16)
COLUMN_SIZES = (5, 20, 100)

report: list[str] = []


def say(line: str = "") -> None:
    print(line, flush=True)
    report.append(line)


def pct(part: int, whole: int) -> str:
    return f"{part:,} of {whole:,} = {part / max(whole, 1):.3%}"


# --- 1. one value at a time --------------------------------------------------------------------


def digit_strings(rng: random.Random, count: int, length: int | None) -> list[str]:
    return ["".join(rng.choices("0123456789", k=length or rng.randint(1, 20))) for _ in range(count)]


def per_value(count: int, seed: int) -> dict[str, list[str]]:
    say(f"## 1. One value at a time: {count:,} random digit strings per row (seed {seed})")
    say()
    say("| strings | evidence on its own (false positive) | candidates (bare, counted by column) |")
    say("|---|---:|---:|")
    sets: dict[str, list[str]] = {}
    for length in (None, *LENGTHS):
        rng = random.Random(seed + (length or 0))
        values = digit_strings(rng, count, length)
        name = "lengths 1-20" if length is None else f"{length} digits"
        sets[name] = values
        evidence = sum(bool(detect(v)) for v in values)
        kinds: Counter[str] = Counter()
        for value in values:
            kinds.update(candidates(value))
        listed = ", ".join(f"{k} {n / count:.2%}" for k, n in kinds.most_common())
        say(f"| {name} | {pct(evidence, count)} | {sum(kinds.values()):,} ({listed or 'none'}) |")
    say()
    return sets


# --- 2. columns ----------------------------------------------------------------------------------


# Random digits written in a PII kind's own layout: what the form admits, before the checksum.
LAYOUTS = {
    "SNILS ddd-ddd-ddd dd": "###-###-### ##",
    "card #### #### #### ####": "#### #### #### ####",
    "passport ## ## ######": "## ## ######",
    "phone +7 (###) ###-##-##": "+7 (###) ###-##-##",
}


def in_layouts(count: int, seed: int, size: int = 20) -> None:
    say(f"### Random digits in a PII layout ({count:,} values each; columns of {size})")
    say()
    say(
        "Not counted as false positives: a value written in a kind's layout claims that kind by its "
        "form; the checksum (where the kind has one) still decides, and a column needs 80% of its "
        "values to pass. SNILS-layout strings starting 00 also read as 00-prefixed international phones."
    )
    say()
    say("| layout | values that pass (evidence) | columns flagged |")
    say("|---|---:|---:|")
    rng = random.Random(seed)
    for name, layout in LAYOUTS.items():
        values = ["".join(rng.choice("0123456789") if c == "#" else c for c in layout) for _ in range(count)]
        passed = sum(bool(detect(v)) for v in values)
        columns = [values[i : i + size] for i in range(0, count, size)]
        flagged = sum(bool(assess_column("value", "", c)) for c in columns)
        say(f"| {name} | {pct(passed, count)} | {pct(flagged, len(columns))} |")
    say()


def per_column(sets: dict[str, list[str]], seed: int) -> None:
    say(
        f"## 2. Columns of random values, anonymous name (rule: form share >= {MIN_SHARE:.0%}, or "
        f">= {CHECKSUM_SHARE:.0%} of >= {CHECKSUM_MIN_DISTINCT} distinct values pass a checksum)"
    )
    say()
    say("| values | " + " | ".join(f"columns of {n}" for n in COLUMN_SIZES) + " |")
    say("|---|" + "---:|" * len(COLUMN_SIZES))
    for name, values in sets.items():
        cells = []
        for size in COLUMN_SIZES:
            columns = [values[i : i + size] for i in range(0, len(values) - size + 1, size)]
            flagged = sum(bool(assess_column("value", "", c)) for c in columns)
            cells.append(pct(flagged, len(columns)))
        say(f"| random, {name} | " + " | ".join(cells) + " |")
    rng = random.Random(seed)
    for length in LENGTHS:  # ids: consecutive numbers from a random start
        cells = []
        for size in COLUMN_SIZES:
            total = 100_000 // size
            flagged = 0
            for _ in range(total):
                start = rng.randrange(10 ** (length - 1), 10**length - size)
                flagged += bool(assess_column("value", "", [str(start + i) for i in range(size)]))
            cells.append(pct(flagged, total))
        say(f"| consecutive, {length} digits | " + " | ".join(cells) + " |")
    say()
    bounds = ", ".join(
        f"{kind} (chance {p:g}): {false_flag_bound(p):.0e}" for kind, p in CHECKSUM_CHANCE.items()
    )
    say(f"Analytic bound of the checksum rule per column and kind (worst column size): {bounds}.")
    say()


# --- 3. recall -----------------------------------------------------------------------------------


def _inn10(rng: random.Random) -> str:
    body = f"{rng.randint(1, 99):02d}" + "".join(rng.choices("0123456789", k=7))
    weights = (2, 4, 10, 3, 5, 9, 4, 6, 8)
    return body + str(sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11 % 10)


def _inn12(rng: random.Random) -> str:
    body = f"{rng.randint(1, 99):02d}" + "".join(rng.choices("0123456789", k=8))
    w11 = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
    body += str(sum(int(d) * w for d, w in zip(body, w11, strict=True)) % 11 % 10)
    w12 = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
    return body + str(sum(int(d) * w for d, w in zip(body, w12, strict=True)) % 11 % 10)


def _snils(rng: random.Random) -> str:
    body = f"{rng.randint(1_002_000, 999_999_999):09d}"
    return f"{body}{snils_checksum(body):02d}"


def _card(rng: random.Random) -> str:
    body = rng.choice(["4", "51", "55", "2200", "37"])
    body += "".join(rng.choices("0123456789", k=15 - len(body)))
    return next(body + d for d in "0123456789" if luhn_ok(body + d))


def _iban(rng: random.Random) -> str:
    bban = "".join(rng.choices("0123456789", k=18))
    number = int("".join(str(int(c, 36)) for c in bban + "DE00"))
    return f"DE{98 - number % 97:02d}{bban}"


def _grouped(card: str) -> str:
    return " ".join(card[i : i + 4] for i in range(0, len(card), 4))


def _broken(value: str) -> str:
    """The value with its last digit changed: fails its check."""
    return value[:-1] + str((int(value[-1]) + 1) % 10)


GENERATORS: dict[str, tuple[str, Callable[[random.Random], str]]] = {
    "INN-10, bare": ("inn", _inn10),
    "INN-12, bare": ("inn", _inn12),
    "SNILS, bare": ("snils", _snils),
    "card, bare": ("card", _card),
    "SNILS 123-456-789 01": ("snils", lambda r: (s := _snils(r)) and f"{s[:3]}-{s[3:6]}-{s[6:9]} {s[9:]}"),
    "card 4111 1111 ...": ("card", lambda r: _grouped(_card(r))),
    "phone +7 (9xx) xxx-xx-xx": (
        "phone",
        lambda r: (
            f"+7 (9{r.randint(0, 99):02d}) {r.randint(0, 999):03d}-{r.randint(0, 99):02d}-"
            f"{r.randint(0, 99):02d}"
        ),
    ),
    "e-mail": ("email", lambda r: f"user{r.randint(1, 10**6)}@example.com"),
    "IBAN (DE)": ("iban", _iban),
}


def recall(seed: int, columns: int = 1000, size: int = 20) -> None:
    say(f"## 3. Recall: {columns:,} anonymous columns of {size} values per row")
    say()
    say("| column | clean | 5% broken | 15% broken |")
    say("|---|---:|---:|---:|")
    rng = random.Random(seed)
    for name, (kind, make) in GENERATORS.items():
        cells = []
        for broken in (0.0, 0.05, 0.15):
            found = 0
            for _ in range(columns):
                values = [make(rng) for _ in range(size)]
                for i in rng.sample(range(size), round(broken * size)):
                    values[i] = _broken(values[i]) if kind not in ("email", "phone") else "n/a"
                found += any(f.kind == kind for f in assess_column("value", "", values))
            cells.append(pct(found, columns))
        say(f"| {name} | " + " | ".join(cells) + " |")
    say()


# --- 4. the demo catalogs ------------------------------------------------------------------------


def demo_tables() -> None:
    from demo import EXTRA_SALES_SQL
    from local_servers import start_postgres

    from airflow_ai_etl.catalog import read_postgres_tables
    from airflow_ai_etl.quality.pii import scan_table

    base = Path(tempfile.mkdtemp(prefix="ai-etl-pii-bench-"))
    base.chmod(0o755)
    server = start_postgres(base)
    try:
        say("## 4. Demo catalogs on PostgreSQL (shop loaded as `make demo` loads it; the others schema only)")
        say()
        fp_columns: list[str] = []
        found: list[str] = []
        missed: list[str] = []
        non_pii_columns = non_pii_with_rows = whole_column_flags = 0
        values_total = value_evidence = value_candidates = 0
        for db, known_tables in KNOWN_PII.items():
            server.create_database(db, drop_existing=True)
            server.execute((ROOT / "tests" / "fixtures" / f"{db}.sql").read_text(encoding="utf-8"), dbname=db)
            if db == "shop":
                server.execute(EXTRA_SALES_SQL.format(rows=100_000), dbname=db)
            conn_id = f"bench_{db}"
            os.environ[f"AIRFLOW_CONN_{conn_id.upper()}"] = server.uri(db)
            rows_in_db = 0
            for table in read_postgres_tables(conn_id):
                known = known_tables.get(table.qualified_name, set())
                scan = scan_table(conn_id, table, engine="postgres")
                flagged = set(scan.pii_columns)
                for finding in scan.findings:
                    if finding.column not in known:
                        fp_columns.append(f"{db}.{table.qualified_name}.{finding.column}: {finding.evidence}")
                found += [f"{db}.{table.qualified_name}.{c}" for c in sorted(flagged & known)]
                missed += [f"{db}.{table.qualified_name}.{c}" for c in sorted(known - flagged)]
                non_pii = [c.name for c in table.columns if c.name not in known]
                non_pii_columns += len(non_pii)
                if not non_pii:
                    continue
                select = ", ".join(f'"{c}"::text' for c in non_pii)
                rows = server.execute(f"SELECT {select} FROM {table.qualified_name}", dbname=db) or []
                rows_in_db += len(rows)
                if rows:
                    non_pii_with_rows += len(non_pii)
                for i, column in enumerate(non_pii):
                    values = [row[i] for row in rows if row[i] is not None]
                    values_total += len(values)
                    seen: dict[str, tuple[bool, bool]] = {}
                    for value in values:
                        if value not in seen:
                            seen[value] = (bool(detect(value)), bool(candidates(value)))
                        evidence, candidate = seen[value]
                        value_evidence += evidence
                        value_candidates += candidate
                    if values and assess_column("value", "", values):  # the whole column, no name
                        whole_column_flags += 1
                        fp_columns.append(f"{db}.{table.qualified_name}.{column}: all rows, without its name")
            say(f"- {db}: {rows_in_db:,} rows in its tables")
        say()
        say("| demo input | false positives |")
        say("|---|---:|")
        rows_out = [
            ("non-PII columns scanned by `scan_table` (names, comments, sample)",
             pct(len(fp_columns) - whole_column_flags, non_pii_columns)),
            ("non-PII columns with rows, all rows judged by the column rule without their names",
             pct(whole_column_flags, non_pii_with_rows)),
            ("every value of those columns, one at a time (evidence)", pct(value_evidence, values_total)),
            ("the same values that are bare candidates (not evidence alone)",
             pct(value_candidates, values_total)),
        ]  # fmt: skip
        for label, cell in rows_out:
            say(f"| {label} | {cell} |")
        say()
        for line in fp_columns:
            say(f"- FALSE POSITIVE {line}")
        known_total = len(found) + len(missed)
        say(f"Known PII columns found: {len(found)} of {known_total}; missed: {', '.join(missed) or 'none'}.")
        say()
    finally:
        server.stop()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--strings", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--no-db", action="store_true", help="skip the demo tables (no PostgreSQL)")
    parser.add_argument("--write", action="store_true", help="write benchmarks/RESULTS_PII.md")
    args = parser.parse_args()
    sets = per_value(args.strings, args.seed)
    in_layouts(args.strings // 10, args.seed)
    per_column(sets, args.seed)
    recall(args.seed)
    if not args.no_db:
        demo_tables()
    if args.write:
        head = [
            "# PII detectors: false positives and recall",
            "",
            f"Machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; "
            f"written by `python benchmarks/pii_false_positives.py --write` on "
            f"{dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC. Target: below 0.1% for every "
            "false-positive row. Detectors in use: " + ", ".join(DETECTORS) + ".",
            "",
        ]
        (ROOT / "benchmarks" / "RESULTS_PII.md").write_text("\n".join(head + report) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
