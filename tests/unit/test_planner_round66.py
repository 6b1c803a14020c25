"""Round 66: the confident wrong families of the scored batch heldout_2026-12-14b.

A listed value's word dropped from the WHERE («платежи в рассрочку», "the title professor"; «товары категории
Электроника» where no comment lists categories: asked); «статус banned не нужен» read as status = 'banned' with
the status column dropped; «цдц» (CDC in Cyrillic letters) planned as a replace SQL load; «…замаскировать, адрес
тоже» masked everything but the address; «с вместимостью больше 25 человек» compared booked_count ('Записано
человек') instead of capacity ('Вместимость'). Requests of my own over seven catalogs, RU and EN.
First pass (main 4c160c2, before the rules): 18 of 21 failed.
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

CYRILLIC_CDC = [
    ("fitness", "цдц на тренеров, раз в пять минут"),
    ("carshare", "поездки через цдц каждые 10 минут"),
    ("bank", "транзакции по цдц, раз в минуту"),
    ("hotel", "ЦДЦ на бронирования, каждые две минуты"),
]


@pytest.mark.parametrize(("catalog", "text"), CYRILLIC_CDC)
def test_cdc_in_cyrillic_letters_is_a_cdc_load(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    if outcome.status == "ok":
        assert outcome.spec is not None
        assert outcome.spec.source.type == "cdc", outcome.spec
    else:  # asking is fine; a replace SQL load is not
        assert outcome.status == "needs_clarification", outcome.status


NEGATED_STATUS = [
    ("carshare", "клиенты: статус blocked не нужен, каждый день в 3:00", "blocked"),
    ("bank", "карты: статус expired не нужны, ежедневно в 4 утра", "expired"),
    ("hotel", "брони: статус cancelled не нужен, каждый час", "cancelled"),
    ("fitness", "абонементы, статус expired не нужен, раз в сутки в 01:00", "expired"),
]


@pytest.mark.parametrize(("catalog", "text", "value"), NEGATED_STATUS)
def test_a_status_value_not_needed_is_excluded_not_selected(catalog: str, text: str, value: str) -> None:
    outcome = plan_in(catalog, text)
    if outcome.status != "ok":
        assert outcome.status == "needs_clarification"
        return
    spec = outcome.spec
    assert spec is not None
    where = spec.source.where or ""
    assert f"'{value}'" in where and ("<>" in where or "DISTINCT" in where or "NOT IN" in where), where
    assert spec.source.columns is None or "status" in spec.source.columns, spec.source.columns


MASK_TOO = [
    (
        "logistics",
        "отправления, телефоны отправителя и получателя замаскировать, адрес тоже, каждый час",
        {"sender_phone", "recipient_phone", "recipient_address"},
    ),
    (
        "carshare",
        "клиенты, телефон замаскировать, email тоже, ежедневно в 2:00",
        {"phone", "email"},
    ),
]


@pytest.mark.parametrize(("catalog", "text", "masked"), MASK_TOO)
def test_a_mask_item_after_too_is_masked_or_asked(catalog: str, text: str, masked: set[str]) -> None:
    outcome = plan_in(catalog, text)
    if outcome.status != "ok":
        assert outcome.status == "needs_clarification"
        return
    assert outcome.spec is not None
    said = {c for t in outcome.spec.transforms if t.type == "mask" for c in t.columns}
    assert said == masked, outcome.spec.transforms


def test_plain_status_value_still_selects() -> None:
    spec = ok_spec("carshare", "клиенты со статусом blocked, каждый день в 3:00")
    assert spec.source.where == "status = 'blocked'", spec.source.where


CAPACITY_NOUN = [
    (
        "fitness",
        "групповые занятия с вместимостью больше тридцати человек, по субботам в 10 утра",
        "capacity > 30",
    ),
    ("fitness", "групповые занятия вместимостью от 20 человек, ежедневно в 9", "capacity >= 20"),
    ("fitness", "group classes with capacity over 25 people, every Saturday at 11 am", "capacity > 25"),
]


@pytest.mark.parametrize(("catalog", "text", "where"), CAPACITY_NOUN)
def test_the_noun_before_a_comparison_names_the_column_not_the_unit_after(
    catalog: str, text: str, where: str
) -> None:
    outcome = plan_in(catalog, text)
    if outcome.status != "ok":
        assert outcome.status == "needs_clarification"
        return
    assert outcome.spec is not None
    assert outcome.spec.source.where == where, outcome.spec.source.where


def test_the_counted_unit_alone_still_names_its_column() -> None:
    spec = ok_spec("fitness", "групповые занятия, где записано больше 25 человек, каждую субботу в 11 утра")
    assert spec.source.where == "booked_count > 25", spec.source.where


LISTED_VALUE_WORDS = [
    ("fitness", "оплаты в рассрочку, ежедневно в 5 утра", "method = 'installment'"),
    ("univ", "teachers with the title docent, daily at 7", "academic_title = 'доцент'"),
    ("univ", "professor teachers, every Friday at 8 pm", "academic_title = 'профессор'"),
]


@pytest.mark.parametrize(("catalog", "text", "where"), LISTED_VALUE_WORDS)
def test_a_word_for_a_listed_value_is_read(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


NAMED_VALUES = [
    ("shop", "товары категории Игрушки, ежедневно в 7 утра"),
    ("logistics", "хабы региона Сибирь, каждый день в 6"),
    ("logistics", "хабы города Казань, ежедневно в 3:00"),
]


@pytest.mark.parametrize(("catalog", "text"), NAMED_VALUES)
def test_a_value_after_its_columns_noun_is_read_or_asked(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    if outcome.status == "ok":
        assert outcome.spec is not None and outcome.spec.source.where, outcome.spec
    else:
        assert outcome.status == "needs_clarification"


APPOSITIONS = [  # added with the apposition rule, after the first pass
    ("shop", "товары категории Игрушки, ежедневно в 7 утра", "category = 'Игрушки'"),
    ("logistics", "хабы региона Сибирь, каждый день в 6", "region = 'Сибирь'"),
]


@pytest.mark.parametrize(("catalog", "text", "where"), APPOSITIONS)
def test_a_capitalised_value_after_its_columns_name_is_read(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where
