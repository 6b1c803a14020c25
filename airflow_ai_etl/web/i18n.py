"""Texts of the web menu in English and Russian, and the choice of language per request.

The language is ``?lang=en|ru`` when given (remembered in the ``ai_etl_lang`` cookie), else that
cookie, else the locale picked in Flask-AppBuilder, else the browser's ``Accept-Language``, else
``[ai_etl] language`` (default English). The texts themselves are in the one message catalog,
:mod:`airflow_ai_etl.messages`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from flask import request

from airflow_ai_etl.messages import from_record, in_english, localize, normalize
from airflow_ai_etl.messages.ui import UI_TEXTS

LANGUAGES = ("en", "ru")
DEFAULT_LANGUAGE = "en"
COOKIE = "ai_etl_lang"

EXAMPLES: dict[str, list[str]] = {
    "ru": [
        "Загружать данные о продажах из PostgreSQL в ClickHouse ежедневно в 2 часа ночи",
        "Каждый час переносить новые заказы из pg_shop в ClickHouse по полю updated_at",
        "Копировать клиентов в ClickHouse каждый понедельник в 6:30, email замаскировать",
    ],
    "en": [
        "Load sales from PostgreSQL to ClickHouse every day at 2 AM",
        "Every hour copy new orders from pg_shop to ClickHouse incrementally by updated_at",
        "Copy payments to ClickHouse daily at 3:15, mask card_number",
    ],
}

TEXTS: dict[str, dict[str, str]] = UI_TEXTS  # the catalog's web-menu part, per language


def localize_payload(payload: dict[str, Any], language: str) -> dict[str, Any]:
    """A result for the page with the planner's questions and assumptions and the gates' messages in
    ``language`` (English forms stay in ``questions_en`` / each problem's ``message_en`` for the audit
    log). Catalog messages are shown in ``language`` whatever language the planner answered in."""
    questions = list(payload.get("questions") or [])
    errors = [dict(p) for p in payload.get("errors") or []]
    for problem in errors:
        original = problem.get("message", "")
        problem["message_en"] = in_english(original)
        problem["message"] = localize(original, language)
    localized = {
        **payload,
        "questions": [localize(q, language) for q in questions],
        "questions_en": [in_english(q) for q in questions],
        "errors": errors,
    }
    if "assumptions" in payload:
        localized["assumptions"] = [localize(a, language) for a in payload.get("assumptions") or []]
    return localized


def detail_items(detail: str, language: str) -> list[tuple[str, str]]:
    """An audit entry's detail as (label, text) pairs in ``language``; free text is one pair."""
    import json

    t = translator(language)
    try:
        data = json.loads(detail) if detail.startswith(("{", "[")) else None
    except ValueError:
        data = None
    if not isinstance(data, dict):
        return [("", localize(detail, language))] if detail else []
    items = []
    for key, value in data.items():
        if isinstance(value, list):
            value = "; ".join(localize(from_record(v), language) for v in value)
        elif isinstance(value, str) and f"detail.{key}.{value}" in TEXTS[DEFAULT_LANGUAGE]:
            value = t(f"detail.{key}.{value}")  # a fixed answer, e.g. the personal-data one: "mask"
        elif isinstance(value, str):
            value = localize(value, language)
        items.append((t(f"detail.{key}") if f"detail.{key}" in TEXTS[DEFAULT_LANGUAGE] else key, str(value)))
    return items


def negotiate(
    query: str | None,
    cookie: str | None,
    accept_language: Any,
    fab_locale: str | None = None,
    default: str | None = None,
) -> str:
    """Pick the UI language.

    :param query: the ``lang`` query argument, if any.
    :param cookie: the remembered choice, if any.
    :param accept_language: werkzeug's ``request.accept_languages`` (values with qualities).
    :param fab_locale: the language the user picked in Flask-AppBuilder (``session["locale"]``).
    :param default: when nothing above names a catalog language (``[ai_etl] language``, else English).
    """
    for choice in (query, cookie, fab_locale):
        if normalize(choice):
            return str(normalize(choice))
    # Highest quality first; "ru-RU" counts as "ru" (werkzeug's best_match would prefer an exact "en").
    for value, _quality in accept_language or ():
        if normalize(value):
            return str(normalize(value))
    return normalize(default) or DEFAULT_LANGUAGE


def current_language() -> str:
    """The language of the current Flask request."""
    from flask import session

    from airflow_ai_etl.messages import configured_language

    return negotiate(
        request.args.get("lang"),
        request.cookies.get(COOKIE),
        request.accept_languages,
        fab_locale=session.get("locale"),
        default=configured_language(),
    )


def translator(language: str) -> Callable[..., str]:
    """``t(key, **fields)``: the text in ``language``, falling back to English, then to the key."""
    texts = TEXTS.get(language, TEXTS[DEFAULT_LANGUAGE])

    def t(key: str, **fields: Any) -> str:
        text = texts.get(key) or TEXTS[DEFAULT_LANGUAGE].get(key) or key
        return text.format(**fields) if fields else text

    return t


def page_context() -> dict[str, Any]:
    """What every template needs: language, translator, the other language, permissions."""
    from airflow_ai_etl.web.permissions import capabilities, current_username, is_logged_in

    language = current_language()
    other = "ru" if language == "en" else "en"
    query = {k: v for k, v in request.args.items() if k != "lang"}
    return {
        "lang_switch_url": "?" + urlencode({**query, "lang": other}),
        "lang": language,
        "other_lang": other,
        "t": translator(language),
        "texts": TEXTS.get(language, TEXTS[DEFAULT_LANGUAGE]),
        "caps": capabilities() if is_logged_in() else {},
        "username": current_username() if is_logged_in() else "",
    }
