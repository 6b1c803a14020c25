"""Families from the held-out batch heldout_2026-12-04e, tested with sentences phrased differently."""

from __future__ import annotations

import pytest

from airflow_ai_etl.planning.schedule import ambiguous_timezone, parse_schedule


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("выгружать каждое утро в 8:30 по Иркутску", "Asia/Irkutsk"),
        ("раз в день в 23:00 по красноярскому времени", "Asia/Krasnoyarsk"),
        ("ежедневно в семь утра по времени Екатеринбурга", "Asia/Yekaterinburg"),
        ("каждый день в полдень по Калининграду", "Europe/Kaliningrad"),
        ("every morning at 6, Berlin time", "Europe/Berlin"),
        ("nightly at 1 am by New York time", "America/New_York"),
        ("daily at 4 pm in Tokyo time", "Asia/Tokyo"),
    ],
)
def test_city_names_a_zone(text: str, zone: str) -> None:
    match = parse_schedule(text)
    assert match is not None
    assert match.timezone == zone


def test_city_after_po_without_a_clock_is_not_a_zone() -> None:
    # «по Самаре» right after a noun is a filter's business, not the schedule's
    match = parse_schedule("продажи по Самаре каждый день в 9")
    assert match is not None
    assert match.timezone is None


@pytest.mark.parametrize(
    "text",
    ["каждый день в 7 по урюпинскому времени", "every day at 9, Gotham time", "в 6 по времени Мордора"],
)
def test_unknown_zone_word_is_asked_never_dropped(text: str) -> None:
    assert parse_schedule(text) is None
    asked = ambiguous_timezone(text)
    assert asked is not None
    assert asked[0].strip("«»") in text


def _plan(catalog: str, text: str):  # type: ignore[no-untyped-def]
    from airflow_ai_etl.planning.offline import OfflinePlanner
    from tests.catalogs import CATALOGS

    return OfflinePlanner(CATALOGS[catalog]()).plan(text)


def _transform_columns(outcome, kind: str) -> list[list[str]]:  # type: ignore[no-untyped-def]
    spec = outcome.spec.model_dump(mode="json")
    return [t["columns"] for t in spec["transforms"] if t["type"] == kind]


@pytest.mark.parametrize(
    "text",
    [
        "copy gs://lake/raw/events/*.parquet to clickhouse table events hourly",
        "загрузи s3://drop-zone/2026/*/orders-?.csv в кликхаус таблицу orders_raw каждый час",
    ],
)
def test_a_glob_path_is_not_code(text: str) -> None:
    outcome = _plan("shop", text)
    assert outcome.status != "rejected", outcome


@pytest.mark.parametrize(
    "text", ["sync customers to clickhouse daily; /* drop everything */", "select 1 /* x"]
)
def test_a_comment_outside_a_path_is_still_code(text: str) -> None:
    assert _plan("shop", text).status == "rejected"


def test_a_column_named_address_is_no_append_verb() -> None:
    outcome = _plan("clinic", "copy patients to clickhouse nightly at 2, hide address and SNILS")
    assert outcome.status == "ok"
    assert outcome.spec is not None
    assert outcome.spec.target.mode == "replace"


@pytest.mark.parametrize(
    "text",
    ["ежедневно в 6 утра, а также раз в месяц первого числа", "every day at 8 and once a week on Tuesday"],
)
def test_daily_together_with_a_longer_period_is_no_schedule(text: str) -> None:
    assert parse_schedule(text) is None  # the planner asks how often instead of keeping one of them


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        (
            "пациентов в кликхаус ежедневно в 5, полностью перезаписывать таблицу, грузить только новые",
            "только нов",
        ),
        (
            "patients to clickhouse hourly: overwrite the full table, incremental load of new records",
            "incremental",
        ),
    ],
)
def test_replace_together_with_new_rows_asks_quoting_both(text: str, quoted: str) -> None:
    outcome = _plan("clinic", text)
    assert outcome.status == "needs_clarification"
    assert any(quoted in q for q in outcome.questions), outcome.questions


def test_zakryt_as_a_mask_verb() -> None:
    outcome = _plan("clinic", "счета в кликхаус каждый день в 4 утра, закройте номер карты")
    assert outcome.status == "ok"
    assert outcome.spec is not None
    assert _transform_columns(outcome, "mask") == [["card_number"]]


def test_append_verb_with_its_column_is_incremental() -> None:
    outcome = _plan("logistics", "возвраты добавлять в кликхаус по created_at раз в час")
    assert outcome.status == "ok"
    assert outcome.spec is not None
    assert outcome.spec.source.incremental is not None
    assert outcome.spec.source.incremental.column == "created_at"
    assert outcome.spec.target.mode == "append"


@pytest.mark.parametrize(("text", "columns"), [
    ("crm leads to clickhouse every night at 1, remove duplicate sources", ["source"]),
    ("crm leads to clickhouse every night at 1, no email duplicates", ["email"]),
    ("crm leads to clickhouse every night at 1, remove duplicate rows", ["id", "source", "email", "created_at"]),
])  # fmt: skip
def test_dedupe_by_the_column_noun_next_to_the_cue(text: str, columns: list[str]) -> None:
    outcome = _plan("shop", text)
    assert outcome.status == "ok"
    assert outcome.spec is not None
    assert _transform_columns(outcome, "dedupe") == [columns]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("утерянные отправления грузить в кликхаус раз в час", "status = 'lost'"),
        ("все отправления, кроме потерянных, в кликхаус раз в час", "status IS DISTINCT FROM 'lost'"),
    ],
)
def test_participle_of_a_status_value(text: str, where: str) -> None:
    outcome = _plan("logistics", text)
    assert outcome.status == "ok"
    assert outcome.spec is not None
    assert outcome.spec.source.where == where


def test_planner_asks_which_zone_an_unknown_city_word_is() -> None:
    outcome = _plan("clinic", "пациентов в кликхаус каждый день в 7 по урюпинскому времени")
    assert outcome.status == "needs_clarification"
    assert any("урюпинскому" in q for q in outcome.questions), outcome.questions


def test_planner_keeps_the_city_zone() -> None:
    outcome = _plan("clinic", "patients to clickhouse every day at 6 pm, Tokyo time")
    assert outcome.status == "ok"
    assert outcome.spec is not None
    assert outcome.spec.model_dump(mode="json")["timezone"] == "Asia/Tokyo"
