"""Round 67: confident wrong or dropped readings seen on held-out batches already scored.

A listed value said without its usual spelling ("vip guests" with no hyphen where no column holds vip; "events,
only purchase" asked in English though «события, только purchase» is read); a place in an adjective+noun phrase
after «в» dropped («клубы в Московской области» where no column holds regions); a negated sub-kind dropped
(«платежи, возвраты не нужны» of a status listing refunded; «курсы валют из ЦБ» where the source column lists no
values); «без <column words>» after a schedule filtering instead of leaving the column out; a mask list joined by
a semicolon; a table chosen by a genitive noun that does not name it («счета абонентов» where no table holds
bills, "trainer rating" where nothing holds ratings); "associate professor" read as «профессор». Requests of my
own over eleven catalogs, RU and EN.
First pass (main 03eb8b1, before the rules): 25 of 42 failed. Cases added while writing the rules (English
"no refunds"/"refunds not needed", grounded kinds that must still filter, heads that name a column, regions in
English): 29 of the 53 fail on main 03eb8b1.
"""

from __future__ import annotations

import pytest

from tests.planned import plan_in


def _ok_or_asked(catalog: str, text: str) -> tuple[str, object]:
    outcome = plan_in(catalog, text)
    assert outcome.status in ("ok", "needs_clarification"), outcome.status
    return outcome.status, outcome.spec


UNGROUNDED_QUALIFIER = [
    ("hotel", "vip guests daily at 3"),
    ("hotel", "вип гости каждый час"),
    ("hotel", "VIP guests every day at 6"),
    ("cinema", "vip members of the loyalty programme daily"),
]


@pytest.mark.parametrize(("catalog", "text"), UNGROUNDED_QUALIFIER)
def test_a_qualifier_no_column_holds_is_asked_not_dropped(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification", outcome.spec


GROUNDED_QUALIFIER = [
    ("insurance", "vip policy holders daily at 5", "is_vip = true"),
    ("cinema", "вип залы ежедневно", "hall_type = 'vip'"),
    ("hotel", "platinum guests daily", "loyalty_level = 'platinum'"),
    ("hotel", "люкс номера ежедневно", "room_type = 'suite'"),
    ("bank", "кредитные карты ежедневно", "card_type = 'credit'"),
]


@pytest.mark.parametrize(("catalog", "text", "where"), GROUNDED_QUALIFIER)
def test_a_grounded_qualifier_still_filters(catalog: str, text: str, where: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.source.where == where


COLUMN_WORD_ONLY_VALUE = [
    ("shop", "events, only purchase, every 5 minutes", "event_type = 'purchase'"),
    ("shop", "события, только purchase, каждые 5 минут", "event_type = 'purchase'"),
    ("shop", "events only login daily", "event_type = 'login'"),
    ("carshare", "fines, only parking, every day", "fine_type = 'parking'"),
]


@pytest.mark.parametrize(("catalog", "text", "where"), COLUMN_WORD_ONLY_VALUE)
def test_rows_noun_of_a_column_then_only_value_agrees_in_both_languages(
    catalog: str, text: str, where: str
) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.source.where == where


PLACE_WITH_NO_COLUMN = [
    ("fitness", "клубы в Московской области ежедневно"),
    ("cinema", "кинотеатры в Ленинградской области, каждый день в 4"),
    ("hotel", "отели в Краснодарском крае ежедневно"),
    ("bank", "отделения в Свердловской области раз в сутки"),
    ("fitness", "clubs in the Tver region daily"),
    ("fitness", "clubs in Tver oblast daily"),
]


@pytest.mark.parametrize(("catalog", "text"), PLACE_WITH_NO_COLUMN)
def test_a_region_no_column_holds_is_asked(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification", outcome.spec


PLACE_WITH_A_COLUMN = [
    ("telecom", "абоненты в Московской области ежедневно"),
    ("logistics", "хабы в Ленинградской области ежедневно"),
    ("telecom", "subscribers in the Tver region daily"),
]


@pytest.mark.parametrize(("catalog", "text"), PLACE_WITH_A_COLUMN)
def test_a_region_is_read_on_its_column_or_asked(catalog: str, text: str) -> None:
    status, spec = _ok_or_asked(catalog, text)
    if status == "ok":
        where = getattr(getattr(spec, "source", None), "where", None) or ""
        assert "region" in where, where


NEGATED_KIND: list[tuple[str, str, str | None]] = [
    ("fitness", "платежи, возвраты не нужны, ежедневно", "status <> 'refunded'"),
    ("carshare", "платежи, возвраты не нужны, каждый час", "status <> 'refunded'"),
    ("fitness", "payments daily, refunds not needed", "status <> 'refunded'"),
    ("fitness", "payments daily, no refunds", "status <> 'refunded'"),
    ("shop", "заказы, возвраты не нужны, ежедневно", None),  # no comment lists refunds: asked
]


@pytest.mark.parametrize(("catalog", "text", "where"), NEGATED_KIND)
def test_a_listed_kind_not_needed_is_excluded(catalog: str, text: str, where: str | None) -> None:
    status, spec = _ok_or_asked(catalog, text)
    if where is None:
        assert status == "needs_clarification", spec
    if status == "ok":
        source = getattr(spec, "source", None)
        assert getattr(source, "where", None) == where
        assert getattr(source, "columns", None) is None, "the status column is kept"


UNLISTED_ORIGIN = [
    ("bank", "курсы валют из ЦБ ежедневно"),
    ("bank", "курсы валют от ЦБ, каждый день в 9"),
    ("bank", "currency rates from the central bank daily"),
]


@pytest.mark.parametrize(("catalog", "text"), UNLISTED_ORIGIN)
def test_an_origin_the_source_column_does_not_list_is_asked(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification", outcome.spec


WITHOUT_COLUMN_AFTER_SCHEDULE = [
    ("cinema", "билеты ежедневно без времени возврата", "refunded_at"),
    ("fitness", "посещения каждый час без времени выхода", "checked_out_at"),
    ("cinema", "билеты ежедневно без почты покупателя", "buyer_email"),
]


def test_without_the_time_before_the_schedule_still_reads_rows() -> None:
    status, spec = _ok_or_asked("cinema", "билеты без времени возврата ежедневно")
    if status == "ok":
        assert getattr(getattr(spec, "source", None), "where", None) == "refunded_at IS NULL"


@pytest.mark.parametrize(("catalog", "text", "column"), WITHOUT_COLUMN_AFTER_SCHEDULE)
def test_without_a_column_after_the_schedule_drops_the_column_only(
    catalog: str, text: str, column: str
) -> None:
    status, spec = _ok_or_asked(catalog, text)
    if status == "ok":
        source = getattr(spec, "source", None)
        assert getattr(source, "where", None) is None, getattr(source, "where", None)
        columns = getattr(source, "columns", None)
        assert columns is not None and column not in columns, columns


SEMICOLON_MASK = [
    ("bank", "клиенты ежедневно, ИНН; паспорт скрыть", {"inn", "passport_number"}),
    ("utility", "абоненты ежедневно, ИНН; паспорт замаскировать", {"inn", "passport_number"}),
    ("bank", "clients daily, mask inn; passport", {"inn", "passport_number"}),
    ("insurance", "страхователи каждый день, замаскировать ИНН; телефон", {"inn", "phone"}),
    ("hr", "сотрудники ежедневно, паспорт; СНИЛС скрыть", {"passport_number", "snils"}),
]


@pytest.mark.parametrize(("catalog", "text", "masked"), SEMICOLON_MASK)
def test_a_mask_list_joined_by_a_semicolon_masks_every_column(
    catalog: str, text: str, masked: set[str]
) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None
    got = {c for t in outcome.spec.transforms if t.type == "mask" for c in (t.columns or [])}
    assert got == masked, got


def test_a_mask_word_no_column_holds_is_asked_with_a_semicolon() -> None:
    outcome = plan_in("hr", "сотрудники ежедневно, ИНН; СНИЛС скрыть")  # employees hold no ИНН
    assert outcome.status == "needs_clarification", outcome.spec


HEAD_NOUN_NO_TABLE = [
    ("telecom", "счета абонентов ежедневно"),
    ("carshare", "счета за поездки каршеринга ежедневно"),
    ("fitness", "trainer rating daily"),
    ("fitness", "club rating every day at 2"),
    ("fitness", "рейтинг тренеров ежедневно"),
    ("telecom", "subscriber invoices daily"),
]


HEAD_NOUN_OF_A_COLUMN = [
    ("carshare", "customer rating daily", "customers"),  # customers.rating: the table, not a question
    ("hr", "employee salary daily", "employees"),
    ("fitness", "member visits daily", "access.visits"),
]


@pytest.mark.parametrize(("catalog", "text", "table"), HEAD_NOUN_OF_A_COLUMN)
def test_a_head_noun_the_table_holds_is_loaded(catalog: str, text: str, table: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.source.table == table


@pytest.mark.parametrize(("catalog", "text"), HEAD_NOUN_NO_TABLE)
def test_a_head_noun_no_table_holds_is_asked_not_its_genitive(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification", outcome.spec


ASSOCIATE_PROFESSOR = [
    ("univ", "associate professor teachers daily", "academic_title = 'доцент'"),
    ("univ", "teachers with the title associate professor, every day at 3", "academic_title = 'доцент'"),
    ("univ", "преподаватели-доценты ежедневно", "academic_title = 'доцент'"),
    ("univ", "professor teachers daily", "academic_title = 'профессор'"),
]


@pytest.mark.parametrize(("catalog", "text", "where"), ASSOCIATE_PROFESSOR)
def test_associate_professor_is_the_listed_docent(catalog: str, text: str, where: str) -> None:
    status, spec = _ok_or_asked(catalog, text)
    assert status == "ok"
    assert getattr(getattr(spec, "source", None), "where", None) == where


# "trainer rating daily" asks for the singular head closing the phrase; an adverb there is no head
# (a merge interaction the full run found: trigger rounds 9 and 17 "copy payments too").
ADVERB_AFTER_TABLE = [
    ("shop", "copy payments too, daily", "payments"),
    ("shop", "load orders as well, every hour", "orders"),
    ("hotel", "guests asap, daily at 6", "guests"),
    ("fitness", "clubs also, every night at 2", "clubs"),
]


@pytest.mark.parametrize(("catalog", "text", "table"), ADVERB_AFTER_TABLE)
def test_an_adverb_closing_the_phrase_is_no_head_noun(catalog: str, text: str, table: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "ok", outcome
    assert outcome.spec is not None and outcome.spec.source.table == table
