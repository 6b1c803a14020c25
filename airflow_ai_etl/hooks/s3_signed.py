"""LIST and GET on an S3-compatible endpoint as plain SigV4-signed HTTP requests (no botocore client).

Why: a botocore S3 client costs 70-90 ms of CPU in a fresh task process (it reads and parses the S3
service model and endpoint rule set, lists botocore's data folder, builds the client class) -
about as much as ClickHouse's whole load of a 100,000-row file. Listing a prefix and streaming an
object need none of that: one signed request each. The hook (:class:`~airflow_ai_etl.hooks.s3.S3Hook`,
through the Amazon provider's hook when installed) still reads the connection and gives the
credentials, region, endpoint and certificate check; this module only signs (botocore's own
``S3SigV4Auth``) and sends (botocore's ``URLLib3Session``, the HTTP layer its clients use, with the
same timeouts and the environment's proxies). Every answer other than a success raises
:class:`SignedRequestError`, and the hook then does the same operation with the botocore client,
which retries and reports errors exactly as before (a missing bucket, denied access, ...).

Only for connections that name an endpoint (MinIO, Ceph, a local server: path-style addressing, the
region as the connection says): on AWS the client picks the regional host and follows redirects,
which this module does not.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, unquote_plus

from airflow_ai_etl.exceptions import AIETLError

_NS = "{http://s3.amazonaws.com/doc/2006-03-01/}"
TIMEOUT = (10, 120)  # connect, read: as the hook's botocore Config


class SignedRequestError(AIETLError):
    """The signed request did not succeed; the hook falls back to the botocore client."""


@dataclass
class SignedS3:
    """Signed LIST and GET against ``endpoint`` (path-style URLs).

    :param credentials: botocore credentials (refreshable ones are read afresh for each request).
    :param region: the region signed for.
    :param endpoint: ``http(s)://host[:port]`` of the S3-compatible server.
    :param verify: check the server's certificate (or a CA bundle path), as the connection says.
    """

    credentials: Any
    region: str
    endpoint: str
    verify: bool | str | None = True

    def __post_init__(self) -> None:
        from botocore.httpsession import URLLib3Session
        from botocore.utils import get_environ_proxies

        self._http = URLLib3Session(
            verify=True if self.verify is None else self.verify,
            proxies=get_environ_proxies(self.endpoint),
            timeout=TIMEOUT,
        )

    def _send(self, bucket: str, key: str = "", params: dict[str, str] | None = None) -> Any:
        """A signed GET of ``/bucket[/key]``; the response streams (its body not yet read)."""
        from botocore.auth import S3SigV4Auth
        from botocore.awsrequest import AWSRequest

        path = "/" + quote(bucket, safe="") + ("/" + quote(key, safe="/~") if key else "")
        request = AWSRequest(method="GET", url=self.endpoint.rstrip("/") + path, params=params or {})
        S3SigV4Auth(self.credentials.get_frozen_credentials(), "s3", self.region).add_auth(request)
        prepared = request.prepare()
        prepared.stream_output = True
        try:
            response = self._http.send(prepared)
        except Exception as e:  # noqa: BLE001 - any transport error: the client retries it
            raise SignedRequestError(f"{type(e).__name__}: {e}") from e
        if response.status_code != 200:
            response.raw.release_conn()
            raise SignedRequestError(f"HTTP {response.status_code}")
        return response

    def list_prefix(self, bucket: str, prefix: str, page_size: int = 1000) -> list[tuple[str, str, int]]:
        """``(key, etag, size)`` of every object under ``prefix`` (ListObjectsV2, every page; keys
        come URL-encoded, as botocore asks for them, so that any key survives the XML)."""
        found: list[tuple[str, str, int]] = []
        params = {"list-type": "2", "prefix": prefix, "encoding-type": "url", "max-keys": str(page_size)}
        while True:
            response = self._send(bucket, params=params)
            try:
                root = ET.fromstring(response.content)
            except ET.ParseError as e:
                raise SignedRequestError(f"unreadable listing: {e}") from e
            for item in root.iter(_NS + "Contents"):
                key = unquote_plus(item.findtext(_NS + "Key") or "")
                etag = (item.findtext(_NS + "ETag") or "").strip('"')
                found.append((key, etag, int(item.findtext(_NS + "Size") or 0)))
            token = root.findtext(_NS + "NextContinuationToken")
            if (root.findtext(_NS + "IsTruncated") or "").lower() != "true" or not token:
                return found
            params = {**params, "continuation-token": token}

    def open_object(self, bucket: str, key: str) -> Any:
        """The object's body as botocore's ``StreamingBody`` (the client's type: its length is
        checked as it is read)."""
        from botocore.response import StreamingBody

        response = self._send(bucket, key)
        length = response.headers.get("content-length")
        return StreamingBody(response.raw, int(length) if length is not None else None)
