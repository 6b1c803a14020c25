"""A session cookie of our own for the menu's routes, so CSRF tokens survive next to Airflow's login.

Under Airflow 3 the ``/pluginsv2`` Flask app and the ``/auth`` login app both name their session
cookie ``session`` on path ``/``. With the default ``[fab] session_backend = database`` the login
app stores a session id there that the plugin app cannot read, and each app overwrites the other's
cookie: the plugin app's CSRF token (Flask-WTF keeps it in the session) is lost whenever the user
visits a login-app page, and the login session is lost whenever the plugin app saves its session.

:class:`ScopedSessionInterface` leaves every other route alone and gives requests under the menu's
prefix a signed cookie named ``ai_etl_session`` instead. Identity still comes from Airflow's JWT
cookie (see permissions.authenticate_from_token); this session only carries the CSRF secret.
"""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask.sessions import SecureCookieSessionInterface, SessionInterface, SessionMixin

COOKIE_NAME = "ai_etl_session"


class _OwnCookie(SecureCookieSessionInterface):
    """Flask's signed-cookie session under another cookie name."""

    salt = "ai-etl-session"

    def get_cookie_name(self, app: Flask) -> str:
        return COOKIE_NAME


class ScopedSessionInterface(SessionInterface):
    """Use our own cookie for paths starting with one of ``prefixes``; delegate everything else."""

    def __init__(self, inner: SessionInterface, prefixes: tuple[str, ...]) -> None:
        self.inner = inner
        self.own = _OwnCookie()
        self.prefixes = prefixes

    def _pick(self, path: str) -> SessionInterface:
        return self.own if path.startswith(self.prefixes) else self.inner

    def open_session(self, app: Flask, request: Any) -> SessionMixin | None:
        return self._pick(request.path).open_session(app, request)

    def save_session(self, app: Flask, session: SessionMixin, response: Any) -> None:
        from flask import request

        self._pick(request.path).save_session(app, session, response)

    def make_null_session(self, app: Flask) -> Any:
        return self.inner.make_null_session(app)

    def is_null_session(self, obj: object) -> bool:
        return self.inner.is_null_session(obj)


def install(app: Flask, prefixes: tuple[str, ...]) -> None:
    """Wrap ``app``'s session interface once (idempotent across views)."""
    current = app.session_interface
    if isinstance(current, ScopedSessionInterface):
        current.prefixes = tuple(sorted(set(current.prefixes) | set(prefixes)))
        return
    app.session_interface = ScopedSessionInterface(current, prefixes)
