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
