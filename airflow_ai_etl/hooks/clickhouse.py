"""ClickHouse hook on clickhouse-driver (native protocol), usable by common-sql operators.

Connection (type ``clickhouse``), e.g. as an environment variable::

    AIRFLOW_CONN_CLICKHOUSE_DEFAULT='clickhouse://default:secret@ch.example:9000/analytics?http_port=8123'

Fields: host; port (native protocol, default 9000, 9440 with ``secure``); login (default user
``default``); password; schema = database (default ``default``).
Extra (JSON, or URI query parameters):

* ``secure`` (bool): TLS on the native protocol.
* ``verify`` (bool, default true): verify the server certificate when ``secure``.
* ``compression`` (``false`` | ``true``/``lz4`` | ``lz4hc`` | ``zstd``): block compression of the
  native protocol; needs ``pip install 'airflow-ai-etl[compression]'`` (lz4, zstd, clickhouse-cityhash).
* ``settings`` (dict or JSON string): ClickHouse settings sent with every query,
  e.g. ``{"max_execution_time": 60}``.
* ``http_port`` (int): port of the HTTP interface on the same host (used by the bulk fast path).
* ``connect_timeout`` / ``send_receive_timeout`` (seconds).

common-sql's operators work on it (``SQLExecuteQueryOperator`` and the check operators). One
ClickHouse limit shows through: ``SQLColumnCheckOperator`` joins its checks with ``UNION ALL``, and
ClickHouse needs those results to share a type (an integer ``null_check`` beside a ``Float64``
``max`` has no common type) - give float columns an operator of their own.
"""

from __future__ import annotations

import http.client
import importlib.util
import json
import re
import urllib.parse
from base64 import b64encode
from collections.abc import Iterable, Sequence
from typing import Any, overload

from airflow.providers.common.sql.hooks.sql import DbApiHook

from airflow_ai_etl.exceptions import AIETLError

_TRUE = {"1", "true", "yes", "on", "y", "t"}
# Modules clickhouse-driver imports for each compression method.
_COMPRESSION_MODULES = {"lz4": ("lz4", "clickhouse_cityhash"), "zstd": ("zstd", "clickhouse_cityhash")}
# INSERT with inline VALUES: ClickHouse 18.x waits forever for a data block over the native protocol.
_INLINE_INSERT = re.compile(r"^\s*INSERT\s+INTO\s.+?\bVALUES\s*\(", re.IGNORECASE | re.DOTALL)


class ClickHouseHTTPError(AIETLError, RuntimeError):
    """The HTTP interface is not configured (no ``http_port`` extra) or answered an error."""


def _as_bool(value: Any, default: bool = False) -> bool:
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in _TRUE


def _check_compression(method: str) -> None:
    """Fail with what to install (clickhouse-driver would fail on the first query, less clearly)."""
    modules = _COMPRESSION_MODULES.get(method.removesuffix("hc"))
    if modules is None:
        raise ValueError(f"compression {method!r} is not one of: false, true, lz4, lz4hc, zstd")
    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if missing:
        raise ValueError(
            f"compression {method!r} needs the Python packages {', '.join(missing)}: "
            "pip install 'airflow-ai-etl[compression]'"
        )


def quote_identifier(name: str) -> str:
    """Quote one ClickHouse identifier with backticks (``a`b`` -> `` `a\\`b` ``)."""
    return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`"


@overload
def split_table(table: str, default_database: str) -> tuple[str, str]: ...
@overload
def split_table(table: str, default_database: None = None) -> tuple[str | None, str]: ...


def split_table(table: str, default_database: str | None = None) -> tuple[str | None, str]:
    """Split ``db.table`` / ``table`` (parts optionally backquoted) into (database, table).

    The database falls back to ``default_database`` when the name has no ``db.`` part.
    """
    parts: list[str] = []
    s, i = table.strip(), 0
    while i < len(s):
        if s[i] == "`":
            j, buf = i + 1, []
            while j < len(s) and s[j] != "`":
                step = 2 if s[j] == "\\" and j + 1 < len(s) else 1
                buf.append(s[j + step - 1])
                j += step
            if j >= len(s):
                raise ValueError(f"unterminated backquote in table name {table!r}")
            parts.append("".join(buf))
            i = j + 1
        else:
            j = s.find(".", i)
            j = len(s) if j < 0 else j
            part = s[i:j].strip()
            if "`" in part:  # a backquote inside an unquoted name: not ClickHouse syntax
                raise ValueError(f"not a table name: {table!r}")
            parts.append(part)
            i = j
        if i < len(s):
            if s[i] != ".":
                raise ValueError(f"not a table name: {table!r}")
            i += 1
            if i == len(s):  # `db.`: the table part is missing
                raise ValueError(f"not a table name: {table!r}")
    if len(parts) == 1 and parts[0]:
        return default_database, parts[0]
    if len(parts) == 2 and all(parts):
        return parts[0], parts[1]
    raise ValueError(f"not a table name: {table!r}")


def quote_table(table: str, default_database: str | None = None) -> str:
    """Return `` `db`.`table` `` (or `` `table` `` when no database is known) for ``db.table``/``table``."""
    database, name = split_table(table, default_database)
    return f"{quote_identifier(database)}.{quote_identifier(name)}" if database else quote_identifier(name)


class ClickHouseHook(DbApiHook):
    """Interact with ClickHouse through clickhouse-driver.

    ``get_conn()`` returns a DB-API connection (``clickhouse_driver.dbapi``), so ``get_records``,
    ``run`` and common-sql's ``SQLExecuteQueryOperator`` work; ``get_client()`` returns a native
    ``clickhouse_driver.Client`` for DDL, checks and fast columnar inserts.

    :param clickhouse_conn_id: Airflow connection id (type ``clickhouse``).
    :param database: database to use instead of the connection's schema.
    :param secure: override the connection's ``secure`` extra.
    :param compression: override the connection's ``compression`` extra.
    :param settings: ClickHouse settings merged over the connection's ``settings`` extra.
    :param http_port: override the connection's ``http_port`` extra.
    Other keyword arguments go to ``DbApiHook`` (``schema``, ``log_sql``); unknown keys are ignored,
    because common-sql operators pass every connection extra as a hook parameter.
    """

    conn_name_attr = "clickhouse_conn_id"
    default_conn_name = "clickhouse_default"
    conn_type = "clickhouse"
    hook_name = "ClickHouse"
    supports_autocommit = False  # no transactions: commit/rollback are no-ops
    supports_executemany = True
    _test_connection_sql = "SELECT 1"
    _placeholder = "%s"

    def __init__(
        self,
        *args: Any,
        database: str | None = None,
        secure: bool | str | None = None,
        compression: bool | str | None = None,
        settings: dict[str, Any] | str | None = None,
        http_port: int | str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.database = database or kwargs.get("schema")
        self._secure = secure
        self._compression = compression
        self._settings = settings
        self._http_port = http_port

    # ------------------------------------------------------------------ connection parameters

    @classmethod
    def get_ui_field_behaviour(cls) -> dict[str, Any]:
        """Relabel/hide standard connection form fields for the ClickHouse type."""
        return {
            "hidden_fields": [],
            "relabeling": {"schema": "Database", "login": "User", "port": "Native port"},
            "placeholders": {
                "host": "localhost",
                "port": "9000 (9440 with TLS)",
                "schema": "default",
                "login": "default",
                "extra": json.dumps({"settings": {"max_execution_time": 600}}),
            },
        }

    @classmethod
    def get_connection_form_widgets(cls) -> dict[str, Any]:
        """Extra fields of the connection form (stored in ``extra``)."""
        from flask_appbuilder.fieldwidgets import BS3TextFieldWidget
        from flask_babel import lazy_gettext
        from wtforms import BooleanField, IntegerField, StringField
        from wtforms.validators import NumberRange, Optional

        return {
            "secure": BooleanField(lazy_gettext("Secure (TLS)"), default=False),
            "compression": StringField(
                lazy_gettext("Compression (false, lz4, lz4hc, zstd)"), widget=BS3TextFieldWidget()
            ),
            "http_port": IntegerField(
                lazy_gettext("HTTP port (bulk loads)"),
                validators=[Optional(), NumberRange(min=1, max=65535)],
                widget=BS3TextFieldWidget(),
            ),
            "settings": StringField(lazy_gettext("Settings (JSON object)"), widget=BS3TextFieldWidget()),
        }

    def _extra(self) -> dict[str, Any]:
        return self.connection.extra_dejson or {}

    @property
    def database_name(self) -> str:
        """The database in use: ``database``/``schema`` override, else the connection schema, else default."""
        return self.database or getattr(self, "schema", None) or self.connection.schema or "default"

    @property
    def secure(self) -> bool:
        """Whether TLS is used on the native protocol."""
        return _as_bool(self._secure if self._secure is not None else self._extra().get("secure"))

    @property
    def http_port(self) -> int | None:
        """Port of the HTTP interface (from the hook argument or the ``http_port`` extra), or None."""
        value: Any = self._http_port if self._http_port is not None else self._extra().get("http_port")
        return int(value) if value not in (None, "") else None

    @property
    def settings(self) -> dict[str, Any]:
        """ClickHouse settings: the connection's ``settings`` extra updated by the hook argument."""
        merged: dict[str, Any] = {}
        source: Any
        for source in (self._extra().get("settings"), self._settings):
            if isinstance(source, str) and source.strip():
                source = json.loads(source)
            if source:
                merged.update(source)
        return merged

    def _client_kwargs(self) -> dict[str, Any]:
        conn = self.connection
        extra = self._extra()
        secure = self.secure
        kwargs: dict[str, Any] = {
            "host": conn.host or "localhost",
            "port": int(conn.port or (9440 if secure else 9000)),
            "user": conn.login or "default",
            "password": conn.password or "",
            "database": self.database_name,
            "secure": secure,
            "verify": _as_bool(extra.get("verify"), default=True),
            "client_name": "airflow-ai-etl",
            "connect_timeout": float(extra.get("connect_timeout", 10)),
            "send_receive_timeout": float(extra.get("send_receive_timeout", 300)),
        }
        compression = self._compression if self._compression is not None else extra.get("compression")
        if compression not in (None, "", False) and str(compression).lower() not in ("false", "0", "no"):
            method = "lz4" if str(compression).lower() in _TRUE else str(compression).lower()
            _check_compression(method)
            kwargs["compression"] = method
        if self.settings:
            kwargs["settings"] = self.settings
        return kwargs

    def get_client(self) -> Any:
        """Return a native-protocol ``clickhouse_driver.Client`` built from the connection."""
        from clickhouse_driver import Client

        return Client(**self._client_kwargs())

    def get_conn(self) -> Any:
        """Return a DB-API 2.0 connection (``clickhouse_driver.dbapi``); commit/rollback are no-ops.

        Its cursors send ``INSERT ... VALUES (...)`` statements with inline values through the HTTP
        interface when ``http_port`` is set: over the native protocol ClickHouse 18.x would wait
        forever for a data block.
        """
        from clickhouse_driver.dbapi.connection import Connection

        hook = self

        class _Connection(Connection):
            def cursor(self, cursor_factory: Any = None) -> Any:
                return super().cursor(cursor_factory or _cursor_class(hook))

        return _Connection(**self._client_kwargs())

    def http_query(
        self,
        query: str,
        body: bytes | Iterable[bytes] | None = None,
        settings: dict[str, Any] | None = None,
        timeout: float = 600,
    ) -> str:
        """Run ``query`` through the HTTP interface (``http_port``) and return the response text.

        :param query: SQL; with ``body`` it goes into the URL (e.g. ``INSERT ... FORMAT TabSeparated``)
            and ``body`` is the data, else the query itself is the POST body.
        :param body: bytes or an iterable of byte chunks (sent with chunked transfer encoding, so
            the data is streamed and never held in memory as a whole).
        :param settings: ClickHouse settings for this query, over the connection's ``settings``.
        :param timeout: socket timeout in seconds.
        :raises ClickHouseHTTPError: (a RuntimeError) when ``http_port`` is not configured or the
            server answers an error.
        """
        if self.http_port is None:
            raise ClickHouseHTTPError(f"connection {self.get_conn_id()!r} has no http_port extra")
        conn = self.connection
        params: dict[str, Any] = {"database": self.database_name, **self.settings, **(settings or {})}
        if body is not None:
            params["query"] = query
        url = "/?" + urllib.parse.urlencode({k: str(v) for k, v in params.items()})
        user, password = conn.login or "default", conn.password or ""
        headers = {"Authorization": "Basic " + b64encode(f"{user}:{password}".encode()).decode()}
        cls = http.client.HTTPSConnection if self.secure else http.client.HTTPConnection
        http_conn = cls(conn.host or "localhost", self.http_port, timeout=timeout)
        try:
            if body is None:
                http_conn.request("POST", url, body=query.encode(), headers=headers)
            elif isinstance(body, bytes | bytearray):
                http_conn.request("POST", url, body=bytes(body), headers=headers)
            else:
                http_conn.request("POST", url, body=iter(body), headers=headers, encode_chunked=True)
            resp = http_conn.getresponse()
            text = resp.read().decode(errors="replace")
        finally:
            http_conn.close()
        if resp.status != 200:
            raise ClickHouseHTTPError(f"ClickHouse HTTP error {resp.status}: {text.strip()[:2000]}")
        return text

    def get_uri(self) -> str:
        """``clickhouse://user@host:port/database`` (no password) for logging/lineage."""
        kw = self._client_kwargs()
        return f"clickhouse://{kw['user']}@{kw['host']}:{kw['port']}/{kw['database']}"

    @property
    def server_address(self) -> str:
        """``host:port`` of the native protocol: which server a table name refers to."""
        kw = self._client_kwargs()
        return f"{kw['host']}:{kw['port']}"

    # ------------------------------------------------------------------ helpers

    def test_connection(self) -> tuple[bool, str]:  # type: ignore[override]  # DbApiHook's stub says None; the UI wants (ok, message) as every hook returns
        """Run ``SELECT version()``; return (ok, message) for the UI's connection test."""
        try:
            version = self.get_client().execute("SELECT version()")[0][0]
        except Exception as e:  # noqa: BLE001 - the UI shows the message
            return False, str(e)
        return True, f"Connection successfully tested (ClickHouse {version})"

    def server_version(self) -> tuple[int, ...]:
        """The server version as a tuple of ints, e.g. ``(18, 16, 1)``."""
        version = self.get_client().execute("SELECT version()")[0][0]
        return tuple(int(p) for p in re.findall(r"\d+", version)[:4])

    def quote_table(self, table: str) -> str:
        """Quote ``table`` or ``db.table`` as `` `db`.`table` `` using the hook's database by default."""
        return quote_table(table, self.database_name)

    def table_exists(self, table: str, client: Any = None) -> bool:
        """True when ``table`` (``name`` or ``db.name``) exists."""
        database, name = split_table(table, self.database_name)
        rows = (client or self.get_client()).execute(
            "SELECT count() FROM system.tables WHERE database = %(d)s AND name = %(t)s",
            {"d": database, "t": name},
        )
        return bool(rows[0][0])

    def get_table_columns(self, table: str, client: Any = None) -> list[tuple[str, str]]:
        """Columns of ``table`` as ``[(name, clickhouse_type), ...]`` in table order (empty if missing)."""
        database, name = split_table(table, self.database_name)
        return [
            (n, t)
            for n, t in (client or self.get_client()).execute(
                "SELECT name, type FROM system.columns WHERE database = %(d)s AND table = %(t)s",
                {"d": database, "t": name},
            )
        ]

    def insert_rows_columnar(
        self,
        table: str,
        columns: Sequence[str],
        data: Sequence[Sequence[Any]],
        client: Any = None,
        types_check: bool = False,
    ) -> int:
        """Insert column-oriented ``data`` (one sequence per column, in ``columns`` order) into ``table``.

        :param table: target table (``name`` or ``db.name``).
        :param columns: target column names.
        :param data: ``[values_of_col1, values_of_col2, ...]``, all of equal length.
        :param client: a ``Client`` to reuse (one is created when None).
        :param types_check: let clickhouse-driver validate Python types (slower, clearer errors).
        :return: number of rows inserted.
        """
        if not data or not len(data[0]):
            return 0
        cols = ", ".join(quote_identifier(c) for c in columns)
        (client or self.get_client()).execute(
            f"INSERT INTO {self.quote_table(table)} ({cols}) VALUES",
            data,
            columnar=True,
            types_check=types_check,
        )
        return len(data[0])

    def insert_rows(
        self,
        table: str,
        rows: Iterable[Sequence[Any]],
        target_fields: Sequence[str] | None = None,
        commit_every: int = 100_000,
        replace: bool = False,
        **kwargs: Any,
    ) -> None:
        """Insert row tuples through the native protocol in blocks of ``commit_every`` rows.

        Overrides ``DbApiHook.insert_rows`` (which builds one ``INSERT ... VALUES`` per row) so
        common-sql transfers stay fast. ``replace`` is not supported by ClickHouse.
        """
        if replace:
            raise ValueError("ClickHouse has no REPLACE INTO; use a ReplacingMergeTree table instead")
        client = self.get_client()
        cols = f" ({', '.join(quote_identifier(c) for c in target_fields)})" if target_fields else ""
        sql = f"INSERT INTO {self.quote_table(table)}{cols} VALUES"
        block: list[Sequence[Any]] = []
        total = 0
        for row in rows:
            block.append(row)
            if len(block) >= commit_every:
                total += client.execute(sql, block)
                block = []
        if block:
            total += client.execute(sql, block)
        self.log.info("Inserted %s rows into %s", total, table)


def _cursor_class(hook: ClickHouseHook) -> type:
    """A dbapi Cursor that routes inline ``INSERT ... VALUES (...)`` through :meth:`http_query`."""
    from clickhouse_driver.dbapi.cursor import Cursor
    from clickhouse_driver.dbapi.errors import NotSupportedError

    class _Cursor(Cursor):
        def execute(self, operation: str, parameters: Any = None) -> None:
            if not (isinstance(operation, str) and _INLINE_INSERT.match(operation)) or isinstance(
                parameters, list | tuple
            ):
                return super().execute(operation, parameters)
            client = self._client
            client.connection.force_connect()
            if parameters:
                operation = client.substitute_params(operation, parameters, client.connection.context)
            if hook.http_port is None:
                if client.connection.server_info.version_major < 19:
                    raise NotSupportedError(
                        "INSERT ... VALUES with inline values hangs on ClickHouse 18.x over the native "
                        "protocol: set the connection's http_port extra or use hook.insert_rows()"
                    )
                return super().execute(operation)
            self._check_cursor_closed()
            self._begin_query()
            hook.http_query(operation)
            self._process_response(None)
            self._end_query()
            return None

    return _Cursor
