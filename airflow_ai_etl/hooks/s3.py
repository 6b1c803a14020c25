"""S3 listing, globbing and streaming for S3 and S3-compatible storage (MinIO, Ceph, a local test server).

The boto3 client comes from the Amazon provider's ``S3Hook`` when ``apache-airflow-providers-amazon``
is installed (``pip install 'airflow-ai-etl[s3]'``): the connection is then read exactly as the
Amazon provider reads it (role assumption, session tokens, ``endpoint_url``, ``region_name``,
``verify``, secrets backends). Without that provider the same ``aws`` connection fields are read
here and the client is built with boto3 directly. Either way::

    AIRFLOW_CONN_S3_RAW='{"conn_type": "aws", "login": "<access key>", "password": "<secret key>",
                          "extra": {"endpoint_url": "http://minio:9000", "region_name": "us-east-1"}}'

* login = access key id, password = secret access key (both empty: boto3's default credential chain,
  e.g. an instance role);
* extra ``endpoint_url`` (also read from ``service_config.s3.endpoint_url`` / ``host``): an
  S3-compatible endpoint; path-style addressing is used whenever an endpoint is set;
* extra ``region_name`` (default ``us-east-1``), ``aws_session_token``, ``verify`` (bool or CA bundle path).

On a connection that names an endpoint (an S3-compatible server), listing and reading objects are
signed HTTP requests made from those same connection settings, without building a botocore client
(:mod:`~airflow_ai_etl.hooks.s3_signed`; any failure is done again by the client); when the
connection is just an access key, a secret, an endpoint, a region and a boolean ``verify`` (read
alike by the Amazon provider), without importing the provider's hook either (:func:`_plain_keys`).

Paths are ``s3://bucket/prefix/``, ``s3://bucket/key.csv`` or a glob ``s3://bucket/prefix/*.csv``:
``*`` and ``?`` do not cross ``/``, ``**`` does, ``[abc]`` is a character class.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import logging
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from airflow.sdk import BaseHook
from airflow.sdk.exceptions import AirflowException

from airflow_ai_etl.exceptions import AIETLError

GLOB_CHARS = "*?["

log = logging.getLogger(__name__)


class S3PathError(AIETLError, AirflowException):
    """The S3 path is malformed, its bucket does not exist, or nothing matches it."""


@dataclass(frozen=True)
class S3Object:
    """One object found under a path."""

    bucket: str
    key: str
    etag: str
    size: int

    @property
    def uri(self) -> str:
        return f"s3://{self.bucket}/{self.key}"


def is_s3_path(path: str) -> bool:
    """True for ``s3://...`` (also ``s3a://``/``s3n://``) paths."""
    return bool(re.match(r"^s3[an]?://", path or "", re.IGNORECASE))


def parse_s3_path(path: str) -> tuple[str, str]:
    """Split ``s3://bucket/key/or/prefix`` into ``(bucket, key)``; the key may be empty or a glob."""
    m = re.match(r"^s3[an]?://([^/]+)/?(.*)$", (path or "").strip(), re.IGNORECASE | re.DOTALL)
    if not m or not m.group(1):
        raise S3PathError(f"{path!r} is not an S3 path (expected s3://bucket/prefix/ or s3://bucket/key)")
    return m.group(1), m.group(2)


def has_glob(key: str) -> bool:
    """True when the key contains glob characters (``*``, ``?``, ``[``)."""
    return any(c in key for c in GLOB_CHARS)


def glob_to_regex(pattern: str) -> re.Pattern[str]:
    """Compile a key glob: ``*``/``?`` stay within one ``/`` level, ``**`` spans levels."""
    out, i = [], 0
    while i < len(pattern):
        c = pattern[i]
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            if pattern.startswith("/", i):  # "a/**/b" also matches "a/b"
                out[-1] = "(?:.*/)?"
                i += 1
            continue
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            j = pattern.find("]", i + 1)
            if j < 0:
                out.append(re.escape(c))
            else:
                body = pattern[i + 1 : j]
                body = "^" + body[1:] if body.startswith("!") else body
                out.append(f"[{body}]")
                i = j
        else:
            out.append(re.escape(c))
        i += 1
    return re.compile("".join(out) + r"\Z", re.DOTALL)


def _glob_prefix(key: str) -> str:
    """The literal part of a key glob before its first glob character (the listing prefix)."""
    cut = min((key.index(c) for c in GLOB_CHARS if c in key), default=len(key))
    return key[:cut]


class S3Hook(BaseHook):
    """Thin boto3 wrapper: list objects under a prefix or glob, stream, download and upload objects.

    :param aws_conn_id: Airflow connection id (``aws`` connection fields, see the module docstring).
    :param endpoint_url: override the connection's ``endpoint_url`` extra.
    :param region_name: override the connection's ``region_name`` extra.
    """

    conn_name_attr = "aws_conn_id"
    default_conn_name = "aws_default"
    conn_type = "aws"
    hook_name = "S3 (AI ETL)"

    def __init__(
        self,
        aws_conn_id: str | None = default_conn_name,
        endpoint_url: str | None = None,
        region_name: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__()
        self.aws_conn_id = aws_conn_id
        self._endpoint_url = endpoint_url
        self._region_name = region_name
        self._client: Any = None
        self._connection: tuple[Any, dict[str, Any]] | None = None  # read once per hook
        self._amazon: Any = None  # the Amazon provider's hook, once made
        self._signed: Any = False  # SignedS3, None when not usable, False before it is decided

    @classmethod
    def get_ui_field_behaviour(cls) -> dict[str, Any]:
        """Connection form: access key in login, secret in password, endpoint/region in extra."""
        return {
            "hidden_fields": ["schema", "port", "host"],
            "relabeling": {"login": "AWS Access Key ID", "password": "AWS Secret Access Key"},
            "placeholders": {"extra": '{"endpoint_url": "http://minio:9000", "region_name": "us-east-1"}'},
        }

    # ------------------------------------------------------------------ client

    def _connection_extra(self) -> tuple[Any, dict[str, Any]]:
        """The connection (None without an id: boto3's default credential chain) and its extra,
        read once per hook (as the client is made once per hook)."""
        if self._connection is None:
            conn = self.get_connection(self.aws_conn_id) if self.aws_conn_id else None
            self._connection = (conn, (conn.extra_dejson if conn else None) or {})
        return self._connection

    @staticmethod
    def _standard_endpoint(extra: dict[str, Any]) -> str | None:
        """The endpoint where the Amazon provider reads it too (``endpoint_url``, ``service_config.s3``)."""
        service = (extra.get("service_config") or {}).get("s3") or {}
        return extra.get("endpoint_url") or service.get("endpoint_url") or None

    @property
    def backend(self) -> str:
        """``amazon`` when the client comes from the Amazon provider's S3Hook, else ``boto3``.

        The Amazon hook is used whenever that provider is installed and there is a connection; an
        explicit ``endpoint_url`` argument, or an endpoint given only as the extra's ``host`` (which
        the Amazon provider does not read), keeps the boto3 path so those settings still apply.
        """
        if not self.aws_conn_id or self._endpoint_url or _amazon_s3_hook_class() is None:
            return "boto3"
        return self._backend_for(self._connection_extra()[1])

    def _backend_for(self, extra: dict[str, Any]) -> str:
        if not self.aws_conn_id or self._endpoint_url or _amazon_s3_hook_class() is None:
            return "boto3"
        return "boto3" if extra.get("host") and not self._standard_endpoint(extra) else "amazon"

    def _settings(self, conn: Any = None, extra: dict[str, Any] | None = None) -> dict[str, Any]:
        """boto3 client arguments from the connection (the path without the Amazon provider); the
        connection is read when ``extra`` is not given."""
        if extra is None:
            conn, extra = self._connection_extra()
        endpoint = self._endpoint_url or self._standard_endpoint(extra) or extra.get("host")
        kwargs: dict[str, Any] = {
            "region_name": self._region_name or extra.get("region_name") or "us-east-1",
            "endpoint_url": endpoint or None,
            "aws_access_key_id": (conn and conn.login) or extra.get("aws_access_key_id") or None,
            "aws_secret_access_key": (conn and conn.password) or extra.get("aws_secret_access_key") or None,
            "aws_session_token": extra.get("aws_session_token") or None,
        }
        if "verify" in extra:
            verify = extra["verify"]
            kwargs["verify"] = (
                verify if not isinstance(verify, str) or verify.lower() not in ("false", "0", "no") else False
            )
        return kwargs

    def get_conn(self) -> Any:
        """A boto3 S3 client for the connection (cached on the hook); see :attr:`backend`.

        The connection is read once: the Amazon provider's hook is handed the same ``Connection``
        (it still interprets every field itself). The client is built with the garbage collector
        paused (:func:`_gc_paused`) and, on the Amazon path, with the process's shared botocore data
        loader (:func:`_share_data_loader`).
        """
        if self._client is None:
            conn, extra = self._connection_extra()
            with _gc_paused():
                if self._backend_for(extra) == "amazon":
                    self._client = self._amazon_hook(conn, extra).get_conn()
                else:
                    import boto3

                    self._client = boto3.client(
                        "s3", config=self._config(extra), **self._settings(conn, extra)
                    )
        return self._client

    def _config(self, extra: dict[str, Any]) -> Any:
        """The botocore ``Config`` of this hook's clients (retries, timeouts, path-style addressing)."""
        from botocore.config import Config

        endpoint = self._endpoint_url or self._standard_endpoint(extra) or extra.get("host")
        return Config(
            retries={"max_attempts": 5, "mode": "standard"},
            s3={"addressing_style": "path"} if endpoint else None,  # MinIO & co. need path style
            connect_timeout=10,
            read_timeout=120,
        )

    def _amazon_hook(self, conn: Any, extra: dict[str, Any]) -> Any:
        """The Amazon provider's S3Hook for this connection (made once per hook).

        The Amazon provider reads the connection itself (credentials, role, verify, ...); only the
        transport settings, and a region for a connection that names none, are given."""
        if self._amazon is None:
            region = self._region_name or (None if extra.get("region_name") else "us-east-1")
            self._amazon = _amazon_s3_hook_class()(
                aws_conn_id=self.aws_conn_id, region_name=region, config=self._config(extra), connection=conn
            )
        return self._amazon

    def signed_transport(self) -> Any:
        """A :class:`~airflow_ai_etl.hooks.s3_signed.SignedS3` for listing and reading objects without
        a botocore client, or None when the connection needs the client (made once per hook).

        Used when the connection names an endpoint (an S3-compatible server), has credentials and
        no proxy settings; the credentials, region, endpoint and certificate check are the ones the
        client would use (on the Amazon path read by the Amazon provider's hook).
        """
        if self._signed is False:
            self._signed = None
            conn, extra = self._connection_extra()
            if _plain_keys(conn, extra):  # read alike by the Amazon provider: not imported for it
                from botocore.credentials import Credentials

                settings = self._settings(conn, extra)
                endpoint, verify = settings["endpoint_url"], settings.get("verify", True)
                if not endpoint:
                    return None
                credentials = Credentials(settings["aws_access_key_id"], settings["aws_secret_access_key"])
                self._signed = _signed_s3(credentials, settings["region_name"], endpoint, verify)
                return self._signed
            if self._backend_for(extra) == "amazon":
                amazon = self._amazon_hook(conn, extra)
                endpoint = amazon.conn_config.get_service_endpoint_url("s3")
                if not endpoint or amazon.config.proxies or amazon.config.client_cert:
                    return None
                session = amazon.get_session(region_name=amazon.region_name)
                region, verify = amazon.region_name or session.region_name, amazon.verify
            else:
                import boto3

                settings = self._settings(conn, extra)
                endpoint, verify = settings.pop("endpoint_url"), settings.pop("verify", True)
                if not endpoint:
                    return None
                session = boto3.Session(**settings)
                region = settings["region_name"]
            credentials = session.get_credentials()
            if credentials is None:  # anonymous access: the client's unsigned requests
                return None
            self._signed = _signed_s3(credentials, region or "us-east-1", endpoint, verify)
        return self._signed

    @property
    def endpoint_url(self) -> str | None:
        """The endpoint in use (None = AWS)."""
        return self._settings()["endpoint_url"]

    def test_connection(self) -> tuple[bool, str]:
        """List buckets; return (ok, message) for the UI's connection test."""
        try:
            names = [b["Name"] for b in self.get_conn().list_buckets().get("Buckets", [])]
        except Exception as e:  # noqa: BLE001 - the UI shows the message
            return False, str(e)
        return True, f"Connection successfully tested ({len(names)} buckets visible)"

    # ------------------------------------------------------------------ listing

    def bucket_exists(self, bucket: str) -> bool:
        """True when ``bucket`` exists and is reachable with these credentials."""
        from botocore.exceptions import ClientError

        try:
            self.get_conn().head_bucket(Bucket=bucket)
            return True
        except ClientError as e:
            if e.response.get("Error", {}).get("Code") in ("404", "NoSuchBucket", "NotFound"):
                return False
            raise

    def _list_prefix(self, bucket: str, prefix: str) -> list[S3Object]:
        """Every object under ``prefix``: one signed request per page when the connection allows
        (:meth:`signed_transport`), else (or when that fails) through the botocore client."""
        signed = self.signed_transport()
        if signed is not None:
            from airflow_ai_etl.hooks.s3_signed import SignedRequestError

            try:
                return [
                    S3Object(bucket, key, etag, size)
                    for key, etag, size in signed.list_prefix(bucket, prefix)
                    if not key.endswith("/")  # "folder" marker objects
                ]
            except SignedRequestError as e:
                log.info(
                    "s3://%s/%s: signed listing failed (%s); listing with the boto3 client", bucket, prefix, e
                )
        return list(self._iter_prefix(bucket, prefix))

    def _iter_prefix(self, bucket: str, prefix: str) -> Iterator[S3Object]:
        from botocore.exceptions import ClientError

        paginator = self.get_conn().get_paginator("list_objects_v2")
        try:
            for page in paginator.paginate(Bucket=bucket, Prefix=prefix):
                for item in page.get("Contents", []):
                    if item["Key"].endswith("/"):  # "folder" marker objects
                        continue
                    yield S3Object(
                        bucket, item["Key"], item.get("ETag", "").strip('"'), int(item.get("Size", 0))
                    )
        except ClientError as e:
            code = e.response.get("Error", {}).get("Code")
            if code in ("NoSuchBucket", "404"):
                raise S3PathError(
                    f"S3 bucket {bucket!r} does not exist (connection {self.aws_conn_id!r}, "
                    f"endpoint {self.endpoint_url or 'AWS'})"
                ) from None
            if code in ("AccessDenied", "403", "InvalidAccessKeyId", "SignatureDoesNotMatch"):
                raise S3PathError(
                    f"access to s3://{bucket}/{prefix} denied for connection {self.aws_conn_id!r}: {e}"
                ) from None
            raise

    def list_objects(self, path: str) -> list[S3Object]:
        """Objects matching ``path``, sorted by key.

        * ``s3://bucket/prefix/`` (or ``s3://bucket``): every object under the prefix, recursively;
        * ``s3://bucket/prefix/*.csv``: objects whose key matches the glob;
        * ``s3://bucket/key``: that object if it exists, else the objects under ``key/``.

        "Folder" marker keys ending in ``/`` are left out. An empty list means nothing matched.

        :raises S3PathError: malformed path, missing bucket, access denied.
        """
        bucket, key = parse_s3_path(path)
        if has_glob(key):
            regex = glob_to_regex(key)
            found = [o for o in self._list_prefix(bucket, _glob_prefix(key)) if regex.match(o.key)]
        elif key == "" or key.endswith("/"):
            found = self._list_prefix(bucket, key)
        else:
            found = [o for o in self._list_prefix(bucket, key) if o.key == key]
            if not found:
                found = self._list_prefix(bucket, key + "/")
        return sorted(found, key=lambda o: o.key)

    # ------------------------------------------------------------------ objects

    def open_object(self, bucket: str, key: str) -> IO[bytes]:
        """The object's body as a binary stream (read it in chunks; close it when done): one signed
        GET when the connection allows (:meth:`signed_transport`), else (or when that fails) the
        botocore client's ``get_object``."""
        signed = self.signed_transport()
        if signed is not None:
            from airflow_ai_etl.hooks.s3_signed import SignedRequestError

            try:
                return signed.open_object(bucket, key)
            except SignedRequestError as e:
                log.info(
                    "s3://%s/%s: signed GET failed (%s); reading it with the boto3 client", bucket, key, e
                )
        return self.get_conn().get_object(Bucket=bucket, Key=key)["Body"]

    def read_object(self, bucket: str, key: str) -> bytes:
        """The whole object in memory (for small objects only)."""
        body = self.open_object(bucket, key)
        try:
            return body.read()
        finally:
            body.close()

    def download_fileobj(self, bucket: str, key: str, fileobj: IO[bytes]) -> None:
        """Stream the object into ``fileobj`` (multipart, bounded memory)."""
        self.get_conn().download_fileobj(bucket, key, fileobj)

    def upload_file(self, filename: str, path: str) -> S3Object:
        """Upload a local file to ``s3://bucket/key`` (multipart for big files); return the new object."""
        from boto3.s3.transfer import TransferConfig

        bucket, key = parse_s3_path(path)
        if not key or key.endswith("/") or has_glob(key):
            raise S3PathError(f"{path!r} is not an object path (expected s3://bucket/key.ext)")
        if not self.bucket_exists(bucket):
            raise S3PathError(f"S3 bucket {bucket!r} does not exist (connection {self.aws_conn_id!r})")
        client = self.get_conn()
        client.upload_file(filename, bucket, key, Config=TransferConfig(multipart_chunksize=16 << 20))
        head = client.head_object(Bucket=bucket, Key=key)
        return S3Object(bucket, key, head.get("ETag", "").strip('"'), int(head.get("ContentLength", 0)))


# The extra of a connection that every path reads the same way (the Amazon provider's hook, this
# module's boto3 settings): an endpoint, a region and a certificate check given as a boolean.
_PLAIN_EXTRA = frozenset({"endpoint_url", "region_name", "verify"})


def _plain_keys(conn: Any, extra: dict[str, Any]) -> bool:
    """Whether the connection is an access key and secret (login, password) with nothing in its
    extra but ``endpoint_url``, ``region_name`` and a boolean ``verify``.

    For such a connection the Amazon provider's hook signs with exactly those keys, region and
    endpoint (``AwsConnectionWrapper``: credentials "retrieved from login and password", no role,
    profile, session token, botocore config or proxies), so the signed transport is made from them
    here without importing that provider: its hook module costs 25-30 ms of CPU and 90-100 ms of wall
    in a fresh task process (it imports ``requests``, ``asgiref``, ``slugify``), and its session
    another ~10 ms of CPU - a fifth of a 100,000-row load from S3. Anything else in the connection
    (a role to assume, a session token, a profile, ``config_kwargs``, ``service_config``, an
    endpoint in ``host``, a ``verify`` given as text) goes through the provider's hook, as before.
    """
    if conn is None or not conn.login or not conn.password:
        return False
    verify = extra.get("verify", True)
    return set(extra) <= _PLAIN_EXTRA and isinstance(verify, bool)


def _signed_s3(credentials: Any, region: str, endpoint: str, verify: Any) -> Any:
    from airflow_ai_etl.hooks.s3_signed import SignedS3

    return SignedS3(credentials, region, endpoint, verify)


@functools.cache
def _amazon_s3_hook_class() -> Any:
    """The Amazon provider's S3Hook class, or None when the provider is not installed.

    A subclass that

    * finds the calling operator (or executor) for the client's user agent (``Caller/<class>``) by
      walking the frames: the provider uses ``inspect.stack()``, which reads the source lines of
      every frame on the stack - 0.05-0.19 s of CPU in a fresh task process, 0.2 s in a process
      without an ``execute`` frame (a trigger), profiled. Same answers: the innermost frame running
      ``target_function_name``, the class of its ``self``; for the executor, the last class in the
      globals of the innermost frame whose globals hold ``BaseExecutor``;
    * takes the ``Connection`` our hook has just read instead of reading it again (one secrets
      backend look-up - an API round trip in a task - per client, not two);
    * gives its sessions the process's shared botocore data loader (:func:`_share_data_loader`).
    """
    try:
        from airflow.providers.amazon.aws.hooks.s3 import S3Hook as AmazonS3Hook
    except ImportError:
        return None

    class _AmazonS3Hook(AmazonS3Hook):
        def __init__(self, *args: Any, connection: Any = None, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._ai_etl_connection = connection  # read by our S3Hook a moment ago: not read again

        def get_connection(self, conn_id: str) -> Any:  # type: ignore[override]  # the base's is a classmethod; the provider calls it on the instance
            if self._ai_etl_connection is not None and conn_id == self.aws_conn_id:
                return self._ai_etl_connection
            return super().get_connection(conn_id)

        def get_session(self, region_name: str | None = None, deferrable: bool = False) -> Any:
            session = super().get_session(region_name=region_name, deferrable=deferrable)
            return session if deferrable else _share_data_loader(session)

        @staticmethod
        def _find_operator_class_name(target_function_name: str) -> str | None:
            frame = sys._getframe(1)
            while frame is not None and frame.f_code.co_name != target_function_name:
                frame = frame.f_back  # type: ignore[assignment]
            if frame is None:
                return None
            return type(frame.f_locals["self"]).__name__

        @staticmethod
        def _find_executor_class_name() -> str | None:
            # the provider's answer (the last class named in the globals of the innermost frame
            # whose globals hold a class named BaseExecutor) without inspect.stack()'s source reads
            frame: Any = sys._getframe(0)
            while frame is not None:
                classes = [name for name, obj in frame.f_globals.items() if isinstance(obj, type)]
                if "BaseExecutor" in classes:
                    return classes[-1]
                frame = frame.f_back
            return None

    return _AmazonS3Hook


# The botocore data loaders shared by this process's sessions, by their search paths (see
# _share_data_loader).
_SHARED_LOADERS: dict[tuple[str, ...], Any] = {}


def _share_data_loader(session: Any) -> Any:
    """``session`` (boto3) with the process's botocore data loader for its search paths; returns it.

    A new botocore session has a new data loader, which reads and parses the S3 service model and
    endpoint rule set from botocore's JSON files again: 60-70 ms of CPU per client on this machine,
    and 0.2-0.3 s when the parse sets off a full garbage collection of a task process's heap
    (measured: a second S3 client in one process cost more than the first). A loader caches what it
    parsed, so one loader per process serves every later client: a trigger polling S3, several
    S3 hooks in one task. (The Amazon provider shares one loader the same way for its async
    sessions.)

    What is shared holds no connection data: a loader reads only the installed botocore/boto3 data
    files (service models, endpoints, partitions) from its search paths, and the credentials,
    region, endpoint and settings stay on each session and client - so any number of connections,
    and credentials rotated between clients, are as without it. Key: the tuple of the loader's
    search paths (botocore's data folder, ``~/.aws/models``, ``AWS_DATA_PATH``, boto3's data folder)
    - a session with other paths gets its own. Lifetime: the process; a fork copies it (plain
    dicts, no locks or sockets). Files changed under those paths while the process runs are not
    read again, as within one botocore session.
    """
    core = getattr(session, "_session", None)  # the botocore session inside boto3's
    if core is None:
        return session
    own = core.get_component("data_loader")
    shared = _SHARED_LOADERS.setdefault(tuple(own.search_paths), own)
    if shared is not own:
        core.register_component("data_loader", shared)
        if getattr(session, "_loader", None) is own:  # boto3 reads resource models through it
            session._loader = shared
    return session


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """The garbage collector off while botocore builds a client (restored after, as it was).

    Parsing the service model and rule set makes ~10^5 dicts and lists, which set off collections of
    the older generations over the whole heap of a task process (Airflow's modules: ~2·10^5
    objects): 10-40 ms of a first client's CPU, 0.15-0.2 s of a second's (measured with and without,
    one process each). The objects made are kept (the client's model) or freed by reference
    counting; cyclic garbage of other threads waits the few ms until the collector is back.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def s3_path_exists(conn_id: str, path: str) -> str | None:
    """Grounding check for the validator: None when ``path`` names at least one object, else why not.

    Checks that the connection works, the bucket exists and the prefix/glob/key matches an object.
    """
    try:
        bucket, key = parse_s3_path(path)
        hook = S3Hook(aws_conn_id=conn_id)
        if not hook.bucket_exists(bucket):
            return f"S3 bucket {bucket!r} does not exist (connection {conn_id!r})"
        if not hook.list_objects(path):
            return f"no objects match {path} (bucket {bucket!r} exists)"
    except S3PathError as e:
        return str(e)
    except Exception as e:  # noqa: BLE001 - reported to the user as a grounding failure
        return f"cannot check {path} with connection {conn_id!r}: {e}"
    return None
