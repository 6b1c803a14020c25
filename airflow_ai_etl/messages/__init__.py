"""One message catalog for the CLI, the operator and the web menu.

Every user-visible text has an id and an English and a Russian form with named placeholders
(:mod:`.catalog` for what the planner, the gates, deploy and the CLI say; :mod:`.ui` for the web
menu's labels). Code that produces a message calls :func:`msg`: the result is a :class:`Message`, a
``str`` holding the English text (so logs, tests and the JSON contract read as before) that also
remembers its id and fields, so :func:`localize` can show it in another language.

The language is chosen per interface: ``--lang`` on the CLI commands, ``?lang=`` / the cookie /
``Accept-Language`` in the web menu, and ``[ai_etl] language`` (default ``en``) for the operator
and as the CLI's default.

Text that is not (yet) a :class:`Message` -- pydantic's own validation errors, messages another
module still builds by hand, entries of an audit log written before -- goes through the regex
fallback in :mod:`airflow_ai_etl.web.messages`, and stays English when nothing there matches.
"""

from __future__ import annotations

import string
from typing import Any

from airflow_ai_etl.messages.catalog import MESSAGES
from airflow_ai_etl.messages.ui import UI_TEXTS

LANGUAGES = ("en", "ru")
DEFAULT_LANGUAGE = "en"

# id -> {"en": text, "ru": text}: the server messages and the web menu's labels together.
CATALOG: dict[str, dict[str, str]] = {
    **{
        key: {lang: UI_TEXTS[lang][key] for lang in LANGUAGES if key in UI_TEXTS[lang]}
        for key in UI_TEXTS["en"]
    },
    **MESSAGES,
}


class Message(str):
    """A catalog message: its text (English unless made by :func:`say`), plus the ``id`` and
    ``fields`` to render it in another language. Anything that makes a new string from it (``+``,
    ``.strip()``, f-strings) gives a plain ``str``, which then only the regex fallback can translate."""

    id: str
    fields: dict[str, Any]
    language: str

    def __new__(cls, message_id: str, language: str = DEFAULT_LANGUAGE, /, **fields: Any) -> Message:
        entry = CATALOG[message_id]
        obj = super().__new__(cls, _format(entry.get(language) or entry["en"], fields, language))
        obj.id = message_id
        obj.fields = fields
        obj.language = language
        return obj

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.id, self.language, self.fields))

    def in_language(self, language: str) -> str:
        """The text in ``language`` (English when the catalog has no such form)."""
        entry = CATALOG[self.id]
        return _format(entry.get(language) or entry["en"], self.fields, language)


def _rebuild(message_id: str, language: str, fields: dict[str, Any]) -> Message:
    return Message(message_id, language, **fields)


def _format(template: str, fields: dict[str, Any], language: str) -> str:
    """``template`` with its fields; a field that is itself a message is shown in ``language``."""
    shown = {k: localize(v, language) if isinstance(v, Message) else v for k, v in fields.items()}
    # Only identifiers are fields: a label may show literal JSON such as {"spec": {...}}.
    needed = {name for name in placeholders(template) if name.isidentifier()}
    missing = needed - shown.keys()
    if missing:
        raise KeyError(f"fields {sorted(missing)} missing for {template!r}")
    return template.format(**shown) if needed else template


def msg(message_id: str, /, **fields: Any) -> Message:
    """The catalog message ``message_id`` with its placeholders filled (English text, localizable).

    :raises KeyError: ``message_id`` is not in the catalog (a programming error).
    """
    return Message(message_id, **fields)


def say(language: str, message_id: str, /, **fields: Any) -> Message:
    """Like :func:`msg`, but the text is in ``language`` (e.g. the request's): a planner that answers
    a Russian request in Russian still gives a message any interface can show in English."""
    return Message(message_id, normalize(language) or DEFAULT_LANGUAGE, **fields)


def text(message_id: str, language: str | None = None, /, **fields: Any) -> str:
    """The catalog message ``message_id`` in ``language`` (default: :func:`configured_language`)."""
    return msg(message_id, **fields).in_language(language or configured_language() or DEFAULT_LANGUAGE)


def localize(message: Any, language: str | None = None) -> str:
    """``message`` in ``language``: a :class:`Message` from the catalog, any other text through the
    regex fallback (unknown text is returned as it is)."""
    language = language or configured_language() or DEFAULT_LANGUAGE
    if isinstance(message, Message):
        return message.in_language(language)
    if not isinstance(message, str) or language == DEFAULT_LANGUAGE:
        return str(message)
    from airflow_ai_etl.web.messages import translate

    return translate(message, language)


def said_in(message: Any, language: str) -> Any:
    """``message`` said in ``language`` (a planner answers in the request's language): a catalog message
    stays a :class:`Message` (any interface can still show it in another language); other text goes
    through the regex fallback (and stays as it is when nothing there matches)."""
    language = normalize(language) or DEFAULT_LANGUAGE
    if isinstance(message, Message):
        return message if message.language == language else Message(message.id, language, **message.fields)
    return localize(message, language)


def message_of(exc: BaseException) -> str:
    """An exception's message, keeping the catalog :class:`Message` it was raised with (``str(exc)``
    would turn it into a plain, English-only ``str``)."""
    if len(exc.args) == 1 and isinstance(exc.args[0], Message):
        return exc.args[0]
    return str(exc)


def in_english(message: Any) -> Any:
    """A catalog message with its text in English (other text unchanged)."""
    if isinstance(message, Message) and message.language != DEFAULT_LANGUAGE:
        return Message(message.id, DEFAULT_LANGUAGE, **message.fields)
    return message


def as_record(message: Any) -> Any:
    """What a log (the audit log) stores so a reader sees the message in their own language later:
    ``{"message": English text, "id", "fields"}`` for a catalog message, other text as it is."""
    if not isinstance(message, Message):
        return message
    fields = {
        key: value if value is None or isinstance(value, (bool, int, float)) else str(value)
        for key, value in message.fields.items()
    }
    return {"message": in_english(message), "id": message.id, "fields": fields}


def from_record(record: Any) -> Any:
    """The message :func:`as_record` stored (its English text when the catalog no longer fits it)."""
    if not isinstance(record, dict):
        return record
    if record.get("id") in CATALOG:
        try:
            return Message(record["id"], DEFAULT_LANGUAGE, **(record.get("fields") or {}))
        except (KeyError, IndexError, TypeError, ValueError):  # the entry changed since it was logged
            pass
    return str(record.get("message", ""))


def normalize(language: str | None) -> str | None:
    """``"ru-RU"`` -> ``"ru"``; ``None`` for a language the catalog does not have."""
    if not language:
        return None
    primary = str(language).strip().lower().replace("_", "-").split("-")[0]
    return primary if primary in LANGUAGES else None


def configured_language(default: str | None = DEFAULT_LANGUAGE) -> str | None:
    """``[ai_etl] language``, or ``default`` when it is unset, unknown, or Airflow's config cannot
    be read (the CLI and the operator pass ``None``: then messages stay in the language the planner
    answered in, the request's)."""
    try:
        from airflow.configuration import conf

        value = conf.get("ai_etl", "language", fallback="")
    except Exception:  # outside Airflow (a plain library use)
        value = ""
    return normalize(value) or default


def placeholders(template: str) -> set[str]:
    """The named fields of a template (for the catalog's own consistency test)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


__all__ = [
    "CATALOG",
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "Message",
    "as_record",
    "configured_language",
    "from_record",
    "in_english",
    "localize",
    "message_of",
    "msg",
    "normalize",
    "placeholders",
    "said_in",
    "say",
    "text",
]
