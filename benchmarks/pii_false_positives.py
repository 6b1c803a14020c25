"""False-positive rate of the PII detectors: random digit strings, and the demo tables' non-PII columns.

1. 100,000 random digit strings (seeded; lengths 1-20, uniform): the share that any detector
   accepts as one value, per detector, and the share of anonymous columns of 100 such values
   that the column rule (>= 80% of sampled values pass) flags.
2. The demo databases (tests/fixtures/shop.sql, clinic.sql) on a private PostgreSQL server:
   `scan_table` through PostgresHook on every table; a finding on a column outside the list of
   known PII columns below is a false positive. Every value of every non-PII column (cast to
   text, all rows, not just the sample) is also run through the detectors one by one.

    python benchmarks/pii_false_positives.py [--strings 100000] [--seed 17] [--no-db]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from airflow_ai_etl.quality.detectors import DETECTORS  # noqa: E402
from airflow_ai_etl.quality.pii import assess_column  # noqa: E402

COLUMN_SIZE = 100
# Columns that hold personal data in the demo schemas (what a finding there is right about).
KNOWN_PII = {
    "public.customers": {"full_name", "email", "phone", "snils", "birth_date"},
    "public.payments": {"card_number"},
    "public.users": {"email"},
    "crm.leads": {"email"},
    "public.doctors": {"full_name", "phone", "email"},
    "public.patients": {"full_name", "birth_date", "phone", "email", "snils", "passport_number", "address"},
    "billing.invoices": {"card_number", "insurance_policy"},
}


def random_digit_strings(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices("0123456789", k=rng.randint(1, 20))) for _ in range(count)]


def digit_string_rates(count: int, seed: int) -> None:
    values = random_digit_strings(count, seed)
    per_detector: Counter[str] = Counter()
    any_hit = 0
    for value in values:
        hit = False
        for name, (_, predicate) in DETECTORS.items():
            if predicate(value):
                per_detector[name] += 1
                hit = True
        any_hit += hit
    print(f"1. {count:,} random digit strings (lengths 1-20, seed {seed})")
    print(f"   one value at a time, any detector: {any_hit:,} = {any_hit / count:.3%}")
    for name, hits in per_detector.most_common():
        print(f"     {name:<20} {hits:>6,} = {hits / count:.3%}")
    columns = [values[i : i + COLUMN_SIZE] for i in range(0, count, COLUMN_SIZE)]
    flagged = sum(bool(assess_column("value", "", column)) for column in columns)
    print(
        f"   columns of {COLUMN_SIZE} values flagged by the column rule: {flagged} of {len(columns):,} "
        f"= {flagged / len(columns):.3%}"
    )
    # The hardest case for a checksum: every value has exactly the checked length.
    for length, kind in ((10, "INN-10"), (11, "SNILS/phone"), (16, "card")):
        rng = random.Random(seed + length)
        same_length = ["".join(rng.choices("0123456789", k=length)) for _ in range(count)]
        cols = [same_length[i : i + COLUMN_SIZE] for i in range(0, count, COLUMN_SIZE)]
        value_hits = sum(bool(_kinds(v)) for v in same_length)
        col_hits = sum(bool(assess_column("value", "", c)) for c in cols)
        print(
            f"   all {length} digits ({kind} length): values {value_hits / count:.3%}, "
            f"columns flagged {col_hits} of {len(cols):,} = {col_hits / len(cols):.3%}"
        )


def _kinds(value: str) -> set[str]:
    return {kind for kind, predicate in DETECTORS.values() if predicate(value)}


def demo_tables() -> None:
    from local_servers import start_postgres

    from airflow_ai_etl.catalog import read_postgres_tables
    from airflow_ai_etl.quality.pii import scan_table

    base = Path(tempfile.mkdtemp(prefix="ai-etl-pii-bench-"))
    base.chmod(0o755)
    server = start_postgres(base)
    try:
        findings_total = fp_columns = pii_found = 0
        columns_total = values_total = value_hits = 0
        missed: list[str] = []
        print("2. demo tables (shop.sql, clinic.sql) scanned through PostgresHook")
        for db in ("shop", "clinic"):
            server.create_database(db, drop_existing=True)
            server.execute((ROOT / "tests" / "fixtures" / f"{db}.sql").read_text(encoding="utf-8"), dbname=db)
            conn_id = f"bench_{db}"
            os.environ[f"AIRFLOW_CONN_{conn_id.upper()}"] = server.uri(db)
            for table in read_postgres_tables(conn_id):
                known = KNOWN_PII.get(table.qualified_name, set())
                scan = scan_table(conn_id, table, engine="postgres")
                flagged = set(scan.pii_columns)
                for finding in scan.findings:
                    findings_total += 1
                    if finding.column not in known:
                        fp_columns += 1
                        print(
                            f"   FALSE POSITIVE {table.qualified_name}.{finding.column}: {finding.evidence}"
                        )
                pii_found += len(flagged & known)
                missed += [f"{table.qualified_name}.{c}" for c in sorted(known - flagged)]
                non_pii = [c.name for c in table.columns if c.name not in known]
                columns_total += len(non_pii)
                if non_pii:
                    select = ", ".join(f'"{c}"::text' for c in non_pii)
                    rows = server.execute(f"SELECT {select} FROM {table.qualified_name}", dbname=db) or []
                    for row in rows:
                        for value in row:
                            if value is None:
                                continue
                            values_total += 1
                            value_hits += bool(_kinds(value))
            rows = server.execute(
                "SELECT sum(n_live_tup) FROM pg_stat_user_tables", dbname=db
            )  # for the report: how much data there is
            print(f"   {db}: about {int((rows or [[0]])[0][0] or 0):,} rows")
        known_total = sum(len(v) for v in KNOWN_PII.values())
        print(
            f"   non-PII columns: {columns_total}; flagged: {fp_columns} = {fp_columns / columns_total:.3%}"
        )
        print(f"   non-PII values (all rows, as text): {values_total:,}; any detector: {value_hits} = "
              f"{value_hits / max(values_total, 1):.3%}")  # fmt: skip
        print(
            f"   known PII columns found: {pii_found} of {known_total}; missed: {', '.join(missed) or 'none'}"
        )
    finally:
        server.stop()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--strings", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--no-db", action="store_true", help="skip the demo tables (no PostgreSQL)")
    args = parser.parse_args()
    digit_string_rates(args.strings, args.seed)
    if not args.no_db:
        demo_tables()
    return 0


if __name__ == "__main__":
    sys.exit(main())
