"""Round 127: confident answers that must ask, or must keep a word they dropped (issue 15).

Families (23a/23b's wrong confident answers and the session's probes), each with requests of my own over
several catalogs, RU and EN:

- a place no column of the table can hold: a country said where the table's one place column holds cities
  («станции в Казахстане», "customers from Germany") is asked, quoting it; a city still filters;
- a noun of the whole database's domain said as an adjective before a generic noun («аптечные данные»,
  «гостиничные данные») names no table: which one is asked;
- a role noun said beside the table's noun («сметчиков среди подрядчиков») that no column or listed value
  reads is asked, quoting it;
- a noun two tables answer: one table's bracketed second name ('Строительные проекты (объекты …)') and
  another's rows, as its column comments call them ('Тип объекта', 'Дата сдачи объекта'), is asked, naming
  both;
- two listed roles of a people table («водителей и агрономов» over 'Должность: operator, agronomist, driver,
  …') filter by both (IN);
- a kind said as «о продаже»/«об аренде» over 'Вид объявления (sale, rent)' is kept beside the currency;
- a payment means after «через» that no column lists («через терминал» over 'Способ оплаты (cash, card,
  online)') is asked, not dropped beside `status = 'paid'`;
- a state + «не показывать» nothing reads on the table («заблокированные» over SIM cards listing stock,
  active, lost, replaced) is asked; one it lists leaves those rows out;
- «email не трогать» leaves the column as it is (no mask), and the plan's assumptions say so;
- two schedules in two clauses, the day said in one only («в 9, а по пятницам ещё и в 18»), are asked,
  quoting both; one clause with two hours («по пятницам в 9 и в 18») is one cron.

First pass (at eec8e95, before the rules): 19 of 32 failed (every family but the domain adjectives of
pharmacy and hotel, already asked, and the checks that what was right stays right). One stays failing
(xfail): the listing kind beside a currency. The two correction tests at the end came later (the eval's
ar-ru-008 showed that role nouns read as listed positions need «... точнее, механиков» to keep the last).
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

ASK = "needs_clarification"


def _question(catalog: str, text: str) -> str:
    outcome = plan_in(catalog, text)
    assert outcome.status == ASK, (outcome.status, outcome.spec and outcome.spec.source)
    return " ".join(outcome.questions)


# --- places no column holds -------------------------------------------------------------------------------

COUNTRIES = [
    ("evcharge", "Станции в Казахстане каждый день в восемь", "Казахстан"),
    ("shop", "Клиенты из Германии в клик каждый день в 5 утра", "Германи"),
    ("evcharge", "stations in Kazakhstan daily at 8", "Kazakhstan"),
]


@pytest.mark.parametrize(("catalog", "text", "quoted"), COUNTRIES)
def test_a_country_in_a_city_column_is_asked(catalog: str, text: str, quoted: str) -> None:
    assert quoted in _question(catalog, text)


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("evcharge", "Станции в Казани каждый день в восемь", "city = 'Казань'"),
        ("shop", "Клиенты из Берлина в клик каждый день в 5 утра", "city = 'Берлин'"),
    ],
)
def test_a_city_still_filters(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


# --- a domain adjective before a generic noun --------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("pharmacy", "Аптечные данные залей в клик каждый день в пять"),
        ("hotel", "Гостиничные данные в хранилище ежедневно в 4 утра"),
        ("library", "Библиотечную информацию гнать в клик каждую ночь в два"),
    ],
)
def test_domain_adjective_with_a_generic_noun_is_asked(catalog: str, text: str) -> None:
    _question(catalog, text)


def test_a_table_named_beside_the_domain_word_still_loads() -> None:
    assert ok_spec("library", "Филиалы библиотеки в клик каждый день в пять").source.table == "branches"


# --- a role noun beside the table noun --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "quoted"),
    [
        ("construction", "Сметчиков среди подрядчиков в клик ежедневно в 7 утра", "Сметчиков"),
        ("construction", "Кровельщиков среди подрядчиков выгружать по будням в 6", "Кровельщиков"),
        ("hr", "Программистов среди сотрудников в клик ежедневно в 5 утра", "Программистов"),
    ],
)
def test_a_role_noun_nothing_reads_is_asked(catalog: str, text: str, quoted: str) -> None:
    assert quoted in _question(catalog, text)


# --- a noun two tables answer --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["Объекты перекидывай в хранилище каждый час", "Выгрузи объекты в клик по будням в 6 утра"],
)
def test_a_noun_two_tables_answer_is_asked_naming_both(text: str) -> None:
    question = _question("construction", text)
    assert "projects.projects" in question and "projects.sites" in question


@pytest.mark.parametrize(
    ("text", "table"),
    [
        ("Проекты заливай в клик ежедневно в три ночи", "projects.projects"),
        ("Площадки заливай в клик ежедневно в три ночи", "projects.sites"),
    ],
)
def test_the_tables_own_nouns_still_load(text: str, table: str) -> None:
    assert ok_spec("construction", text).source.table == table


# --- two listed roles ----------------------------------------------------------------------------------------


def test_two_listed_roles_filter_by_both() -> None:
    spec = ok_spec("agro", "Водителей и агрономов выгружать по средам в 5 утра")
    assert spec.source.table == "workers"
    assert spec.source.where == "position IN ('driver', 'agronomist')"


# --- a kind after «о»/«об» beside a currency -----------------------------------------------------------------


# planner135: «об аренде» is the listing's kind 'rent' (the xfail is done)
def test_a_listing_kind_is_kept_beside_the_currency() -> None:
    spec = ok_spec("realty", "Объявления об аренде в рублях каждый день в семь утра")
    assert spec.source.table == "sales.listings"
    assert set((spec.source.where or "").split(" AND ")) == {"listing_kind = 'rent'", "currency = 'RUB'"}


# --- a payment means no column lists ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("vet", "Счета, оплаченные через терминал, каждый день в восемь"),
        ("hotel", "Платежи через терминал каждый день в восемь"),
    ],
)
def test_a_payment_means_no_column_lists_is_asked(catalog: str, text: str) -> None:
    assert "терминал" in _question(catalog, text)


def test_a_listed_payment_means_still_filters() -> None:
    spec = ok_spec("utility", "Оплаты абонентов через терминал в клик каждый час")
    assert spec.source.where == "channel = 'terminal'"


# --- a state not shown -----------------------------------------------------------------------------------------


def test_a_state_not_shown_that_no_column_lists_is_asked() -> None:
    assert "заблокированные" in _question(
        "telecom", "Сим-карты в клик каждый день в 6 утра, заблокированные не показывать"
    )


def test_a_listed_state_not_shown_leaves_the_rows_out() -> None:
    spec = ok_spec("telecom", "Абонентов в клик каждый день в 6 утра, заблокированные не показывать")
    assert spec.source.where == "status <> 'blocked'"


# --- «не трогать»: left as it is ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "column"),
    [
        ("shop", "Клиентов в клик ежедневно в 6 утра, email не трогать, телефон скрыть", "email"),
        ("hr", "Сотрудников в клик ежедневно в 5 утра, телефон не трогать", "phone"),
    ],
)
def test_a_column_not_touched_is_loaded_unmasked_and_said(catalog: str, text: str, column: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None
    masked = {c for t in outcome.spec.transforms if t.type == "mask" for c in t.columns}
    assert column not in masked
    assert any(column in a and "не трогать" in a for a in outcome.assumptions), outcome.assumptions


# --- two schedules in two clauses ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("Заказы в 9, а по пятницам ещё и в 18", "в 9", "по пятницам"),
        ("Заказы в клик в 9 утра, а по субботам ещё и в 6 вечера", "в 9 утра", "по субботам"),
        ("Заказы в клик по понедельникам в 9 и по пятницам в 18", "по понедельникам в 9", "по пятницам в 18"),
        ("Orders to clickhouse at 9 am, and on Fridays also at 6 pm", "at 9 am", "on Fridays"),
    ],
)
def test_two_schedules_in_two_clauses_are_asked_quoting_both(text: str, first: str, second: str) -> None:
    question = _question("shop", text)
    assert first in question and second in question, question


@pytest.mark.parametrize(
    ("text", "cron"),
    [
        ("Заказы в клик по пятницам в 9 и в 18", "0 9,18 * * 5"),
        ("Заказы в клик в 9 и в 18 по пятницам", "0 9,18 * * 5"),
        ("Заказы в клик по будням в 9 утра, без отменённых", "0 9 * * 1-5"),
    ],
)
def test_one_schedule_with_two_hours_is_one_cron(text: str, cron: str) -> None:
    assert ok_spec("shop", text).schedule == cron


# --- a listed role corrected mid-sentence ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Механизаторов, точнее механиков, в клик каждый день в 7 утра",
        "Водителей... вернее, механиков в клик по будням в 6 утра",
    ],
)
def test_a_role_corrected_mid_sentence_keeps_the_last(text: str) -> None:
    outcome = plan_in("agro", text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.source.where == "position = 'mechanic'"
    assert any("поправка" in a for a in outcome.assumptions), outcome.assumptions
