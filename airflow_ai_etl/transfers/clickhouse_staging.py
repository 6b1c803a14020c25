"""The ClickHouse side of every load: table names, CREATE TABLE, and publishing a staging table.

Shared by :mod:`airflow_ai_etl.transfers.postgres_to_clickhouse` and the file loads, so that both
create and publish exactly the same way:

* ``replace``: one ``RENAME TABLE target TO target__old, staging TO target`` - readers see the old
  or the new table, never half; then the old table is dropped;
* ``append``/``upsert``: ``INSERT INTO target SELECT ... FROM staging`` (server-side copy), then
  staging is dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from airflow_ai_etl.hooks.clickhouse import ClickHouseHook, quote_identifier, split_table

STAGING_SUFFIX = "__staging"  # the rows of the load, until published
OLD_SUFFIX = "__old"  # the replaced table, between the swap and its drop


@dataclass(frozen=True)
class TableNames:
    """A target table and its helper tables (staging, old) in one database."""

    database: str
    table: str

    @property
    def full_name(self) -> str:
        return f"{self.database}.{self.table}"

    def sql(self, suffix: str = "") -> str:
        """Quoted `` `db`.`table<suffix>` ``."""
        return f"{quote_identifier(self.database)}.{quote_identifier(self.table + suffix)}"

    @property
    def target_sql(self) -> str:
        return self.sql()

    @property
    def staging_sql(self) -> str:
        return self.sql(STAGING_SUFFIX)

    @property
    def old_sql(self) -> str:
        return self.sql(OLD_SUFFIX)


def table_names(hook: ClickHouseHook, target_table: str) -> TableNames:
    """Resolve ``table`` / ``db.table`` against the hook's database."""
    database, table = split_table(target_table, hook.database_name)
    return TableNames(database or hook.database_name, table)


def create_table_ddl(
    table_sql: str,
    columns: Sequence[tuple[str, str]],
    *,
    engine: str = "MergeTree()",
    order_by: Sequence[str] = (),
    partition_by: str | None = None,
) -> str:
    """``CREATE TABLE`` for ``[(name, type), ...]``; ``ORDER BY tuple()`` when ``order_by`` is empty."""
    cols = ",\n  ".join(f"{quote_identifier(n)} {t}" for n, t in columns)
    parts = [f"CREATE TABLE {table_sql} (\n  {cols}\n) ENGINE = {engine}"]
    if partition_by:
        parts.append(f"PARTITION BY {partition_by}")
    order_sql = ", ".join(quote_identifier(c) for c in order_by)
    parts.append(f"ORDER BY ({order_sql})" if order_by else "ORDER BY tuple()")
    return "\n".join(parts)


def swap_in(client: Any, *, exists: bool, target_sql: str, staging_sql: str, old_sql: str) -> None:
    """Staging becomes the target: one ``RENAME`` moves both names, so readers see the old or the new
    table, never half of one; the old table is then dropped."""
    if exists:
        client.execute(f"DROP TABLE IF EXISTS {old_sql}")
        client.execute(f"RENAME TABLE {target_sql} TO {old_sql}, {staging_sql} TO {target_sql}")
        client.execute(f"DROP TABLE {old_sql}")
    else:
        client.execute(f"RENAME TABLE {staging_sql} TO {target_sql}")


def publish_staging(
    client: Any,
    mode: str,
    *,
    exists: bool,
    rows: int,
    target_sql: str,
    staging_sql: str,
    old_sql: str,
    columns: Sequence[str],
) -> None:
    """Make the staging table's rows visible in the target (see the module docstring)."""
    if mode == "replace":
        swap_in(client, exists=exists, target_sql=target_sql, staging_sql=staging_sql, old_sql=old_sql)
        return
    if rows:
        cols = ", ".join(quote_identifier(c) for c in columns)
        client.execute(f"INSERT INTO {target_sql} ({cols}) SELECT {cols} FROM {staging_sql}")
    client.execute(f"DROP TABLE {staging_sql}")
