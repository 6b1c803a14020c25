"""Assets: what a pipeline reads and writes, named the way Airflow and OpenLineage name it.

Every generated DAG declares its source as an inlet and its target as an outlet of the load task,
so Airflow's asset graph shows the lineage and a pipeline can be scheduled on another one's output
(``PipelineSpec.schedule_assets``). One URI scheme, reusing the providers' schemes where they exist:

==================  =========================================================  ===================
what                URI                                                        scheme owner
==================  =========================================================  ===================
PostgreSQL table    ``postgres://{host}:{port}/{database}/{schema}/{table}``   postgres provider
ClickHouse table    ``clickhouse://{host}:{port}/{database}/{table}``          this provider
S3 object/prefix    ``s3://{bucket}/{key or prefix}``                          amazon provider
local file/folder   ``file://{absolute path}``                                 common.io provider
==================  =========================================================  ===================

``host``, ``port`` and ``database`` are the connection's (port 5432 / 9000 when unset; database
``postgres`` / ``default`` when unset; a connection without a host, e.g. in a catalog snapshot, uses
its conn_id in its place). A table without a schema is in ``public`` (PostgreSQL) or the connection's
database (ClickHouse). A prefix or glob names its folder: ``s3://bucket/in/*.csv`` -> ``s3://bucket/in``.
URIs are normalised as Airflow normalises them (scheme lower case, ``postgresql`` -> ``postgres``,
default ports added, no trailing ``/``), so equal places give equal strings.
"""

from __future__ import annotations

import ast
import os
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from airflow_ai_etl.catalog import Catalog, ConnectionInfo
from airflow_ai_etl.exceptions import AIETLError
from airflow_ai_etl.outcome import Problem
from airflow_ai_etl.spec import PipelineSpec

if TYPE_CHECKING:
    from airflow_ai_etl.deploy import DeployStore

DEFAULT_PORTS = {"postgres": 5432, "clickhouse": 9000}
DEFAULT_DATABASES = {"postgres": "postgres", "clickhouse": "default"}
_GLOB_CHARACTERS = "*?["


class AssetUriError(AIETLError, ValueError):
    """A URI that is not one of the scheme's shapes; the message says which shape is expected."""


# --- URIs ----------------------------------------------------------------------------------------


def sanitize_clickhouse_uri(uri: urllib.parse.SplitResult) -> urllib.parse.SplitResult:
    """Airflow's asset URI handler for ``clickhouse://`` (registered in get_provider_info): a host,
    the native port (9000 when missing) and ``/database/table``."""
    if not uri.hostname:
        raise AssetUriError("URI format clickhouse:// must contain a host")
    if uri.port is None:
        uri = uri._replace(netloc=f"{uri.netloc.rstrip(':')}:{DEFAULT_PORTS['clickhouse']}")
    parts = uri.path.split("/")
    if len(parts) != 3 or not all(parts[1:]):  # leading slash, database, table
        raise AssetUriError("URI format clickhouse:// must contain database and table names")
    return uri._replace(scheme="clickhouse")


def _sanitize_postgres(uri: urllib.parse.SplitResult) -> urllib.parse.SplitResult:
    """The postgres provider's rule (providers/postgres/assets/postgres.py), without importing it."""
    if not uri.netloc:
        raise AssetUriError("URI format postgres:// must contain a host")
    if uri.port is None:
        uri = uri._replace(netloc=f"{uri.netloc.rstrip(':')}:{DEFAULT_PORTS['postgres']}")
    parts = uri.path.split("/")
    if len(parts) != 4 or not parts[1] or not parts[3]:
        raise AssetUriError("URI format postgres:// must contain database, schema, and table names")
    if not parts[2]:
        parts[2] = "default"
    return uri._replace(scheme="postgres", path="/".join(parts))


def normalize_uri(uri: str) -> str:
    """``uri`` as Airflow stores it (``Asset(uri=...).uri``), checked against the scheme's shape.

    :raises AssetUriError: a URI with a query, a fragment, a password, or a missing part.
    """
    parsed = urllib.parse.urlsplit(uri)
    scheme = parsed.scheme.lower()
    if parsed.query or parsed.fragment or "?" in uri or "#" in uri:
        raise AssetUriError(f"{uri!r}: an asset URI here has no ?query or #fragment")
    if "@" in parsed.netloc:
        raise AssetUriError(f"{uri!r}: an asset URI names no user or password")
    parsed = parsed._replace(scheme=scheme, path=parsed.path.rstrip("/") or "/")
    if scheme in ("postgres", "postgresql"):
        parsed = _sanitize_postgres(parsed)
    elif scheme == "clickhouse":
        parsed = sanitize_clickhouse_uri(parsed)
    elif scheme == "s3":
        if not parsed.netloc:
            raise AssetUriError(f"{uri!r}: an s3:// URI needs a bucket")
    elif scheme == "file":
        if parsed.netloc or parsed.path == "/":
            raise AssetUriError(f"{uri!r}: a file:// URI is file:///absolute/path")
    else:
        raise AssetUriError(f"{uri!r}: the scheme must be clickhouse, postgres, s3 or file")
    return urllib.parse.urlunsplit(parsed)


def _authority(conn: ConnectionInfo | None, conn_id: str, engine: str) -> str:
    host = (conn.host if conn else "") or conn_id
    port = (conn.port if conn else None) or DEFAULT_PORTS[engine]
    return f"{host}:{port}"


def postgres_table_uri(conn: ConnectionInfo | None, conn_id: str, table: str) -> str:
    """``postgres://host:port/database/schema/table`` of a table read or written through ``conn_id``."""
    schema, _, name = table.rpartition(".")
    database = (conn.database if conn else "") or DEFAULT_DATABASES["postgres"]
    authority = _authority(conn, conn_id, "postgres")
    return normalize_uri(f"postgres://{authority}/{database}/{schema or 'public'}/{name}")


def clickhouse_table_uri(conn: ConnectionInfo | None, conn_id: str, table: str) -> str:
    """``clickhouse://host:port/database/table`` of a table written through ``conn_id``."""
    database, _, name = table.rpartition(".")
    database = database or (conn.database if conn else "") or DEFAULT_DATABASES["clickhouse"]
    return normalize_uri(f"clickhouse://{_authority(conn, conn_id, 'clickhouse')}/{database}/{name}")


def file_uri(path: str) -> str | None:
    """The URI of an S3 object/prefix or an absolute local path; a glob names its folder.
    None for a relative local path (it has no place of its own)."""
    glob_at = min((path.find(c) for c in _GLOB_CHARACTERS if c in path), default=-1)
    if glob_at >= 0:
        path = path[: path.rfind("/", 0, glob_at) + 1]
    if path.startswith("s3://"):
        return normalize_uri(path)
    if not path.startswith("/"):
        return None
    return normalize_uri("file://" + os.path.normpath(path))


# --- one pipeline ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lineage:
    """The assets the load task reads (inlets) and writes (outlets), as normalised URIs."""

    inlets: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()


def _table_uri(kind: str, conn_id: str | None, table: str | None, catalog: Catalog) -> str | None:
    if not conn_id or not table:
        return None
    conn = catalog.connections.get(conn_id)
    if kind in ("sql", "cdc"):
        return postgres_table_uri(conn, conn_id, table)
    return clickhouse_table_uri(conn, conn_id, table)


def pipeline_lineage(spec: PipelineSpec, catalog: Catalog) -> Lineage:
    """What a spec's load task reads and writes, named with the connections' hosts from ``catalog``."""
    source, target = spec.source, spec.target
    if source.type in ("sql", "cdc"):
        inlet = _table_uri(source.type, source.conn_id, source.table, catalog)
    elif source.type == "mart":  # the fact table, in whichever database the connection is
        conn = catalog.connections.get(source.conn_id or "")
        kind = "clickhouse" if conn is not None and conn.engine == "clickhouse" else "sql"
        inlet = _table_uri(kind, source.conn_id, source.table, catalog)
    else:
        inlet = file_uri(source.path) if source.path else None
    if target.type in ("clickhouse", "sql"):
        outlet = _table_uri(target.type, target.conn_id, target.table, catalog)
    else:
        outlet = file_uri(target.path) if target.path else None
    return Lineage(inlets=(inlet,) if inlet else (), outlets=(outlet,) if outlet else ())


# --- deployed pipelines --------------------------------------------------------------------------


@dataclass(frozen=True)
class PipelineAssets:
    """The assets one deployed DAG file declares."""

    dag_id: str
    schedule_assets: tuple[str, ...] = ()
    inlets: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()


def _asset_uris(node: ast.AST) -> tuple[str, ...]:
    """The ``uri=`` literals of a ``[Asset(uri="..."), ...]`` list (other values give nothing)."""
    if not isinstance(node, ast.List):
        return ()
    uris = []
    for item in node.elts:
        if isinstance(item, ast.Call) and isinstance(item.func, ast.Name) and item.func.id == "Asset":
            for keyword in item.keywords:
                if keyword.arg == "uri" and isinstance(keyword.value, ast.Constant):
                    uris.append(str(keyword.value.value))
    return tuple(uris)


def declared_assets(dag_id: str, source: str) -> PipelineAssets:
    """The schedule assets, inlets and outlets a rendered DAG file declares (read with ``ast``,
    nothing runs); a file rendered before assets existed declares none."""
    found: dict[str, list[str]] = {"schedule": [], "inlets": [], "outlets": []}
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return PipelineAssets(dag_id)
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg in found:
            found[node.arg] += [u for u in _asset_uris(node.value) if u not in found[node.arg]]
    return PipelineAssets(dag_id, tuple(found["schedule"]), tuple(found["inlets"]), tuple(found["outlets"]))


@dataclass
class AssetGraph:
    """Deployed pipelines and the assets that link them: B runs after A when B is scheduled on an
    asset A writes."""

    pipelines: dict[str, PipelineAssets] = field(default_factory=dict)

    @classmethod
    def of(cls, pipelines: Iterable[PipelineAssets]) -> AssetGraph:
        return cls({p.dag_id: p for p in pipelines})

    def with_pipeline(self, pipeline: PipelineAssets) -> AssetGraph:
        """This graph with ``pipeline`` added, or replacing the deployed one of the same dag_id."""
        return AssetGraph({**self.pipelines, pipeline.dag_id: pipeline})

    def produced(self) -> dict[str, list[str]]:
        """Asset URI -> the dag_ids that write it, sorted by URI."""
        producers: dict[str, list[str]] = {}
        for pipeline in self.pipelines.values():
            for uri in pipeline.outlets:
                producers.setdefault(uri, []).append(pipeline.dag_id)
        return dict(sorted(producers.items()))

    def upstream(self, dag_id: str) -> list[str]:
        """The pipelines whose outlets ``dag_id`` is scheduled on (what triggers it)."""
        pipeline = self.pipelines.get(dag_id)
        if pipeline is None:
            return []
        wanted = set(pipeline.schedule_assets)
        return sorted(p.dag_id for p in self.pipelines.values() if wanted & set(p.outlets))

    def downstream(self, dag_id: str) -> list[str]:
        """The pipelines scheduled on an asset ``dag_id`` writes (what it feeds)."""
        pipeline = self.pipelines.get(dag_id)
        if pipeline is None:
            return []
        written = set(pipeline.outlets)
        return sorted(p.dag_id for p in self.pipelines.values() if written & set(p.schedule_assets))

    def cycle_through(self, dag_id: str) -> list[str] | None:
        """A cycle of "runs after" that passes through ``dag_id`` as [dag_id, ..., dag_id], or None."""
        path = [dag_id]
        seen: set[str] = set()

        def visit(current: str) -> bool:
            for nxt in self.downstream(current):
                if nxt == dag_id:
                    path.append(nxt)
                    return True
                if nxt not in seen:
                    seen.add(nxt)
                    path.append(nxt)
                    if visit(nxt):
                        return True
                    path.pop()
            return False

        return path if visit(dag_id) else None


def deployed_graph(store: DeployStore) -> AssetGraph:
    """The assets every pipeline in ``store`` declares in its file as it is on disk (what Airflow
    parses, even when someone edited it); pipelines whose file is gone are left out."""
    pipelines = []
    for summary in store.list():
        try:
            source = Path(summary.path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        pipelines.append(declared_assets(summary.dag_id, source))
    return AssetGraph.of(pipelines)


def check_schedule_assets(spec: PipelineSpec, lineage: Lineage, deployed: AssetGraph) -> list[Problem]:
    """A pipeline scheduled on assets: each one is written by a deployed pipeline (else a question
    listing what is written), and the new pipeline closes no cycle (else a rejection naming it)."""
    if not spec.schedule_assets:
        return []
    mine = PipelineAssets(spec.dag_id, tuple(spec.schedule_assets), lineage.inlets, lineage.outlets)
    graph = deployed.with_pipeline(mine)
    produced = graph.produced()
    unknown = [uri for uri in spec.schedule_assets if uri not in produced]
    if unknown:
        others = {uri: dags for uri, dags in produced.items() if dags != [spec.dag_id]}
        listing = "; ".join(f"{uri} ({', '.join(dags)})" for uri, dags in others.items()) or "none yet"
        return [
            Problem(
                "grounding",
                f"no pipeline loads {', '.join(unknown)}: which of these should start {spec.dag_id}? "
                f"Assets loaded by pipelines: {listing}",
                "schedule_assets",
            )
        ]
    cycle = graph.cycle_through(spec.dag_id)
    if cycle:
        return [
            Problem(
                "lineage",
                f"pipelines would start each other in a circle: {' -> '.join(cycle)}",
                "schedule_assets",
            )
        ]
    return []
