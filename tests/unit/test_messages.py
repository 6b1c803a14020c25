"""The one message catalog (airflow_ai_etl/messages): every message has both languages with the same
placeholders, producers keep their English text, and a message shows in the language asked for."""

from __future__ import annotations

import pickle
import re

import pytest

from airflow_ai_etl.messages import (
    CATALOG,
    LANGUAGES,
    Message,
    configured_language,
    localize,
    message_of,
    msg,
    placeholders,
    text,
)

# Russian forms that may equal the English one: labels that are identifiers or product names.
SAME_IN_BOTH = {"app", "cli.dag_id", "col.dag_id", "form.cron"}


@pytest.mark.parametrize("message_id", sorted(CATALOG))
def test_every_message_has_both_languages_with_the_same_placeholders(message_id: str) -> None:
    entry = CATALOG[message_id]
    assert set(entry) == set(LANGUAGES), message_id
    assert placeholders(entry["en"]) == placeholders(entry["ru"]), message_id
    assert (entry["en"] == entry["ru"]) == (message_id in SAME_IN_BOTH), message_id
    assert re.search(r"[А-яЁё]", entry["ru"]) or message_id in SAME_IN_BOTH | {"lang.switch"}, message_id


def test_a_message_is_its_english_text_and_renders_in_russian() -> None:
    question = msg("planner.no_such_table", table="foobar", tables="pg_shop: orders, sales")
    assert question == "There is no table 'foobar'. Tables I can see — pg_shop: orders, sales."
    assert isinstance(question, str) and question.id == "planner.no_such_table"
    assert (
        localize(question, "ru") == "Таблицы «foobar» нет. Таблицы, которые я вижу: pg_shop: orders, sales."
    )
    assert localize(question, "en") == question
    assert text("request.too_long", "en", length=12345, limit=2000).startswith(
        "The request is too long: 12,345 characters, at most 2,000"
    )


def test_a_message_survives_pickling_and_exceptions() -> None:
    question = msg("deploy.no_version", dag_id="d", version=3)
    copied = pickle.loads(pickle.dumps(question))
    assert isinstance(copied, Message) and copied.in_language("ru") == "у DAG «d» нет версии 3"
    try:
        raise ValueError(question)
    except ValueError as exc:
        assert localize(message_of(exc), "ru") == "у DAG «d» нет версии 3"
        assert localize(str(exc), "ru") == "у DAG 'd' нет версии 3"  # plain text: the regex fallback


def test_a_message_field_that_is_a_message_follows_the_language() -> None:
    inner = msg("planner.how_often")
    outer = msg("cli.question", question=inner)
    assert outer == f"question: {inner}"
    assert outer.in_language("ru") == "вопрос: " + inner.in_language("ru")


def test_text_outside_the_catalog_goes_through_the_fallback_and_unknown_text_stays() -> None:
    assert localize("mode upsert needs keys", "ru") == "для режима upsert нужны ключевые колонки"
    assert localize("something new", "ru") == "something new"
    with pytest.raises(KeyError):
        msg("no.such.id")


def test_the_configured_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AIRFLOW__AI_ETL__LANGUAGE", raising=False)
    assert configured_language() == "en"
    monkeypatch.setenv("AIRFLOW__AI_ETL__LANGUAGE", "ru_RU")
    assert configured_language() == "ru"
    assert text("planner.how_often").startswith("Как часто")
    monkeypatch.setenv("AIRFLOW__AI_ETL__LANGUAGE", "de")
    assert configured_language() == "en"


def test_planner_questions_come_from_the_catalog() -> None:
    """The offline planner's questions are catalog messages, so any interface can show them in
    either language, whatever the request's language."""
    from airflow_ai_etl.planning.offline import OfflinePlanner
    from tests.catalogs import shop_catalog

    outcome = OfflinePlanner(shop_catalog()).plan("Load table foobar from postgres to clickhouse daily")
    [question] = outcome.questions
    assert isinstance(question, Message) and question.id == "planner.no_such_table"
    assert localize(question, "ru").startswith("Таблицы «foobar» нет.")
    refused = OfflinePlanner(shop_catalog()).plan("drop table sales")
    assert refused.errors[0].message.id == "planner.destructive"


def test_a_message_said_in_russian_can_still_be_shown_in_english() -> None:
    """The planner answers a Russian request in Russian (say); an English page still shows English."""
    from airflow_ai_etl.messages import say

    question = say("ru", "planner.how_often")
    assert question.startswith("Как часто запускать?")
    assert question.in_language("en").startswith("How often should it run?")
    assert pickle.loads(pickle.dumps(question)) == question
    assert msg("pii.question", columns="email").in_language("ru") == (
        "В колонках email похоже персональные данные — маскировать?"
    )


def test_the_audit_log_keeps_the_id_so_each_reader_sees_their_language() -> None:
    """An audit entry written from a Russian page is read in English, and the other way round."""
    import json

    from airflow_ai_etl.messages import as_record, from_record, say
    from airflow_ai_etl.web.api import _summary
    from airflow_ai_etl.web.i18n import detail_items, localize_payload

    question = say("ru", "planner.which_table_of", conn_id="pg_shop", tables="orders, sales")
    payload = localize_payload({"questions": [question], "errors": []}, "ru")
    assert payload["questions"] == [question.in_language("ru")]
    stored = json.dumps(_summary(payload), ensure_ascii=False)
    assert json.loads(stored)["questions"][0]["id"] == "planner.which_table_of"
    [(_, english)] = detail_items(stored, "en")
    assert (
        english == "Which table should be loaded from pg_shop: orders, sales? One pipeline loads one table."
    )
    [(_, russian)] = detail_items(stored, "ru")
    assert russian == question.in_language("ru")
    # Text that never was a catalog message, and a record whose entry no longer fits, stay readable.
    assert from_record(as_record("plain text")) == "plain text"
    assert from_record({"message": "old text", "id": "planner.which_table_of", "fields": {}}) == "old text"
