"""A scripted OpenAI-compatible chat completions server on 127.0.0.1 for tests (no network).

Tests queue what the "model" says next; the real `openai` client talks HTTP to it:

    with FakeLLM() as llm:
        llm.answer_spec({...})                 # a 200 with {"status": "ok", "spec": ...}
        llm.fail(429, retry_after=0)           # a rate limit
        llm.stall(2.0)                         # no answer for 2 s (client timeout)
        llm.text("not json")                   # raw content
        ... planner with base_url=llm.base_url ...
        llm.requests                           # every request body received, for assertions

When the script is empty the server answers 500 "script exhausted" (a test that calls more
often than it expects fails loudly). `reject_json_schema=True` makes it answer 400 to
``response_format: json_schema`` like servers without structured output do.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

# A request the offline planner cannot resolve against tests/catalogs.py shop_catalog() (which
# table? what is "каждое утро в 6"?), and the answer a good model gives to it.
RUSSIAN_REQUEST = "Пусть каждое утро в 6 оплаты клиентов попадают в ClickHouse"
PAYMENTS_SPEC: dict[str, Any] = {
    "dag_id": "payments_pg_shop_to_clickhouse_default",
    "description": "Оплаты клиентов в ClickHouse каждое утро",
    "schedule": "0 6 * * *",
    "timezone": "Europe/Moscow",
    "source": {
        "type": "sql",
        "conn_id": "pg_shop",
        "table": "payments",
        "incremental": {"column": "paid_at"},
    },
    "target": {"type": "clickhouse", "conn_id": "clickhouse_default", "table": "payments"},
}


class FakeLLM:
    """The server; a context manager that starts it on a free loopback port.

    :param model: the model name echoed in responses.
    :param reject_json_schema: answer 400 to requests asking for json_schema output.
    """

    def __init__(self, model: str = "fake-model", reject_json_schema: bool = False) -> None:
        self.model = model
        self.reject_json_schema = reject_json_schema
        self.requests: list[dict[str, Any]] = []
        self._script: deque[dict[str, Any]] = deque()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server: ThreadingHTTPServer | None = None

    # --- scripting ---------------------------------------------------------------------------

    def answer(self, envelope: dict[str, Any], times: int = 1) -> FakeLLM:
        """The model answers with this JSON envelope (status/spec/questions/reason)."""
        return self.text(json.dumps(envelope, ensure_ascii=False), times)

    def answer_spec(self, spec: dict[str, Any], times: int = 1) -> FakeLLM:
        return self.answer({"status": "ok", "spec": spec, "questions": [], "reason": ""}, times)

    def text(self, content: str, times: int = 1) -> FakeLLM:
        """The model's message content is exactly `content` (for malformed JSON and the like)."""
        for _ in range(times):
            self._script.append({"kind": "content", "content": content})
        return self

    def fail(self, status: int, times: int = 1, retry_after: float | None = None) -> FakeLLM:
        """An HTTP error response (429, 500, 503, ...) with an OpenAI-style error body."""
        for _ in range(times):
            self._script.append({"kind": "error", "status": status, "retry_after": retry_after})
        return self

    def stall(self, seconds: float, times: int = 1) -> FakeLLM:
        """Hold the request for `seconds`, then drop the connection (the client times out first)."""
        for _ in range(times):
            self._script.append({"kind": "stall", "seconds": seconds})
        return self

    @property
    def pending(self) -> int:
        return len(self._script)

    @property
    def base_url(self) -> str:
        assert self._server is not None, "start the server first"
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    # --- lifecycle ---------------------------------------------------------------------------

    def start(self) -> FakeLLM:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # quiet test output
                pass

            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
                fake._handle(self, body)

            def do_GET(self) -> None:  # noqa: N802
                self._json(200, {"object": "list", "data": [{"id": fake.model, "object": "model"}]})

            def _json(self, status: int, data: Any, headers: dict[str, str] | None = None) -> None:
                payload = json.dumps(data, ensure_ascii=False).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(payload)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def __enter__(self) -> FakeLLM:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- serving -----------------------------------------------------------------------------

    def _handle(self, handler: Any, body: dict[str, Any]) -> None:
        with self._lock:
            self.requests.append(body)
            step = self._script.popleft() if self._script else {"kind": "exhausted"}
        if not handler.path.rstrip("/").endswith("/chat/completions"):
            handler._json(404, {"error": {"message": f"no route {handler.path}", "type": "not_found"}})
            return
        response_format = (body.get("response_format") or {}).get("type")
        if self.reject_json_schema and response_format == "json_schema":
            with self._lock:
                self._script.appendleft(step)  # the scripted answer is for the next, accepted call
            error = {
                "message": "response_format json_schema is not supported",
                "type": "invalid_request_error",
                "param": "response_format",
            }
            handler._json(400, {"error": error})
            return
        kind = step["kind"]
        if kind == "exhausted":
            handler._json(500, {"error": {"message": "fake LLM script exhausted", "type": "server_error"}})
        elif kind == "error":
            headers = {"Retry-After": str(step["retry_after"])} if step["retry_after"] is not None else {}
            handler._json(
                step["status"],
                {"error": {"message": f"scripted {step['status']}", "type": "scripted", "code": None}},
                headers,
            )
        elif kind == "stall":
            # Wait without answering; the client's timeout fires first, then the connection drops.
            self._stopping.wait(step["seconds"])
            handler.close_connection = True
        else:
            content = step["content"]
            handler._json(
                200,
                {
                    "id": f"chatcmpl-fake-{len(self.requests)}",
                    "object": "chat.completion",
                    "created": int(time.time()),
                    "model": body.get("model", self.model),
                    "choices": [
                        {
                            "index": 0,
                            "message": {"role": "assistant", "content": content},
                            "finish_reason": "stop",
                        }
                    ],
                    "usage": {
                        # Rough but deterministic: what a tokenizer would roughly count.
                        "prompt_tokens": len(json.dumps(body.get("messages", []))) // 4,
                        "completion_tokens": len(content) // 4,
                        "total_tokens": len(json.dumps(body.get("messages", []))) // 4 + len(content) // 4,
                    },
                },
            )
