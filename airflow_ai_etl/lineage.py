"""OpenLineage for the transfer operators: input and output datasets with their columns.

The operators' ``get_openlineage_facets_on_complete`` call :func:`transfer_lineage` when the
``apache-airflow-providers-openlineage`` provider is installed (``pip install
'airflow-ai-etl[openlineage]'``) and configured with a transport; without it nothing here runs.
Datasets are named by OpenLineage's naming spec, with the same hosts as our asset URIs
(:mod:`airflow_ai_etl.assets`):

* PostgreSQL: namespace ``postgres://{host}:{port}``, name ``{database}.{schema}.{table}``
* ClickHouse: namespace ``clickhouse://{host}:{port}``, name ``{database}.{table}``
* S3: namespace ``s3://{bucket}``, name ``{prefix}``; local files: namespace ``file``, name ``{path}``

Columns come from the databases after the load (``information_schema`` / ``system.columns``), so
they are what was read and what was written, types included. Each output also carries a column
lineage facet: an output column comes from the input column of the same name (a copy moves columns
one to one), ``DIRECT``/``IDENTITY``, or ``DIRECT``/``TRANSFORMATION`` with ``masking`` for a masked one.
"""

from __future__ import annotations

import logging
import urllib.parse
from dataclasses import dataclass, field
from typing import Any

from airflow_ai_etl.assets import clickhouse_table_uri, file_uri, postgres_table_uri
from airflow_ai_etl.catalog import ConnectionInfo

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LineageDataset:
    """One dataset: OpenLineage namespace and name, and its columns as (name, type)."""

    namespace: str
    name: str
    columns: list[tuple[str, str]] = field(default_factory=list)


def _connection(conn_id: str) -> ConnectionInfo:
    from airflow.sdk import BaseHook

    conn = BaseHook.get_connection(conn_id)
    return ConnectionInfo(
        conn_id, conn.conn_type or "", host=conn.host or "", database=conn.schema or "", port=conn.port
    )


def _from_uri(uri: str, columns: list[tuple[str, str]]) -> LineageDataset:
    """A dataset from one of our asset URIs (postgres / clickhouse / s3 / file)."""
    parsed = urllib.parse.urlsplit(uri)
    parts = [p for p in parsed.path.split("/") if p]
    if parsed.scheme in ("postgres", "clickhouse"):
        return LineageDataset(f"{parsed.scheme}://{parsed.netloc}", ".".join(parts), columns)
    if parsed.scheme == "s3":
        return LineageDataset(f"s3://{parsed.netloc}", "/".join(parts) or "/", columns)
    return LineageDataset("file", parsed.path, columns)


def postgres_dataset(conn_id: str, table: str, columns: list[str] | None = None) -> LineageDataset:
    """A PostgreSQL table with the columns (of ``columns``, in that order, when given) and types."""
    from airflow.providers.postgres.hooks.postgres import PostgresHook

    schema, _, name = table.rpartition(".")
    rows = PostgresHook(postgres_conn_id=conn_id).get_records(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = %s AND table_name = %s ORDER BY ordinal_position",
        parameters=(schema or "public", name),
    )
    found = [(str(c), str(t)) for c, t in rows]
    if columns:
        types = dict(found)
        found = [(c, types.get(c, "")) for c in columns]
    return _from_uri(postgres_table_uri(_connection(conn_id), conn_id, table), found)


def clickhouse_dataset(conn_id: str, table: str) -> LineageDataset:
    """A ClickHouse table with its columns and types as they are after the load."""
    from airflow_ai_etl.hooks.clickhouse import ClickHouseHook
    from airflow_ai_etl.transfers.clickhouse_staging import table_names

    hook = ClickHouseHook(clickhouse_conn_id=conn_id)
    names = table_names(hook, table)
    rows = hook.get_records(
        # in the table's column order (18.16 has no `position` column to sort by)
        "SELECT name, type FROM system.columns WHERE database = %(d)s AND table = %(t)s",
        parameters={"d": names.database, "t": names.table},
    )
    conn = _connection(conn_id)
    uri = clickhouse_table_uri(conn, conn_id, names.full_name)
    return _from_uri(uri, [(str(c), str(t)) for c, t in rows])


def file_dataset(path: str) -> LineageDataset | None:
    """An S3 prefix/object or a local path (a glob names its folder); None for a relative path."""
    uri = file_uri(path)
    return _from_uri(uri, []) if uri else None


def column_lineage(
    output: LineageDataset, inputs: list[LineageDataset], masked: dict[str, str] | None = None
) -> dict[str, list[tuple[LineageDataset, str, bool]]]:
    """Output column -> [(input dataset, input column, masked)]: the input columns of the same name
    (what a copy does); an output column no input has (e.g. a load timestamp) comes from none."""
    found: dict[str, list[tuple[LineageDataset, str, bool]]] = {}
    for column, _ in output.columns:
        sources = [
            (d, column, column in (masked or {})) for d in inputs if column in {c for c, _ in d.columns}
        ]
        if sources:
            found[column] = sources
    return found


def transfer_lineage(inputs: list[Any], outputs: list[Any], masked: dict[str, str] | None = None) -> Any:
    """An ``OperatorLineage`` for the provider; datasets are built lazily by the callables given.

    :param inputs: callables returning a LineageDataset (or None); a failing one is logged and
        left out, so lineage never fails a task that moved the data.
    :param outputs: the same for the outputs.
    :param masked: the masked columns (``{column: method}``), said so in the column lineage.
    """
    from airflow.providers.common.compat.openlineage.facet import (
        ColumnLineageDatasetFacet,
        Dataset,
        SchemaDatasetFacet,
        SchemaDatasetFacetFields,
    )
    from airflow.providers.openlineage.extractors import OperatorLineage
    from openlineage.client.facet_v2 import column_lineage_dataset as column_facet

    def found(makers: list[Any]) -> list[LineageDataset]:
        datasets = []
        for make in makers:
            try:
                found = make()
            except Exception:  # noqa: BLE001 - lineage is best effort, the load already succeeded
                log.warning("OpenLineage: cannot describe a dataset", exc_info=True)
                continue
            if found is not None:
                datasets.append(found)
        return datasets

    def dataset(found: LineageDataset, sources: list[LineageDataset] | None = None) -> Any:
        facets: dict[str, Any] = {}
        if found.columns:
            fields = [SchemaDatasetFacetFields(name=c, type=t or None) for c, t in found.columns]
            facets["schema"] = SchemaDatasetFacet(fields=fields)
        lineage = column_lineage(found, sources or [], masked)
        if lineage:
            facets["columnLineage"] = ColumnLineageDatasetFacet(
                fields={
                    column: column_facet.Fields(
                        inputFields=[
                            column_facet.InputField(
                                namespace=d.namespace,
                                name=d.name,
                                field=c,
                                transformations=[
                                    column_facet.Transformation(
                                        type="DIRECT", subtype="TRANSFORMATION", masking=True
                                    )
                                    if is_masked
                                    else column_facet.Transformation(type="DIRECT", subtype="IDENTITY")
                                ],
                            )
                            for d, c, is_masked in sources_of
                        ]
                    )
                    for column, sources_of in lineage.items()
                }
            )
        return Dataset(namespace=found.namespace, name=found.name, facets=facets)

    read = found(inputs)
    return OperatorLineage(
        inputs=[dataset(d) for d in read], outputs=[dataset(d, read) for d in found(outputs)]
    )
