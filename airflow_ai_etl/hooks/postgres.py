"""PostgreSQL connections for the engines that need psycopg2 itself (COPY streams, named cursors).

The official PostgresHook builds the connection arguments (host, login, password, database,
extras, `iam` tokens for RDS/Redshift) and, since provider 6.x, connects with psycopg 3 when it is
installed. The transfers stream with psycopg2's `copy_expert`, so this hook keeps everything the
PostgresHook does and only makes the connection with psycopg2.
"""

from __future__ import annotations

from typing import Any

from airflow.providers.postgres.hooks.postgres import PostgresHook

APPLICATION_NAME = "airflow-ai-etl"


class Psycopg2PostgresHook(PostgresHook):
    """PostgresHook whose get_conn() returns a psycopg2 connection.

    The connection's `cursor` extra shapes the rows a hook returns to user code; the engines read
    with their own cursors (tuples and COPY), so it is not applied to their connection.
    """

    hook_name = "Postgres (psycopg2, AI ETL engines)"
    # libpq ``options`` (``-c name=value ...``) added to the connection's own: session settings for
    # connections that cannot run SET, such as a walsender's.
    session_options: str | None = None

    def __init__(self, *args: Any, replication: bool = False, **kwargs: Any) -> None:
        """:param replication: connect with psycopg2's LogicalReplicationConnection (for CDC)."""
        super().__init__(*args, **kwargs)
        self.replication = replication

    def get_conn(self) -> Any:
        """A psycopg2 connection (PostgresHook's annotation names its psycopg 2/3 common protocol)."""
        return super().get_conn()

    def _create_connection(self, conn_args: dict[str, Any]) -> Any:
        import psycopg2
        import psycopg2.extras

        args = {k: v for k, v in conn_args.items() if k not in ("cursor_factory", "row_factory")}
        args.setdefault("application_name", APPLICATION_NAME)
        if self.session_options:
            args["options"] = " ".join(filter(None, [args.get("options"), self.session_options]))
        if self.replication:
            args["connection_factory"] = psycopg2.extras.LogicalReplicationConnection
        return psycopg2.connect(**{k: v for k, v in args.items() if v is not None})
