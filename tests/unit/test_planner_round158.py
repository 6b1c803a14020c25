"""Issue 15 (session 30): Russian conditions said by a kind word, a list, a hyphenated role noun or an adjective
before the table noun, each a listed value (or a flag) of the table.

- a colloquial noun or adjective for a listed value: «ужастики» ('Жанр (…, horror, …)'), «поминутный тариф»
  ('Тариф (minute, hour, day, fixed)'), «с порталов» ('Откуда пришёл клиент (…, portal, …)'), «в твёрдом
  переплёте» ('Формат издания (hardcover, paperback, …)'), «техников» ('Должность (…, technician)');
- a level word before listed values: «уровня senior и lead» of grade 'Грейд агента (junior, middle, senior,
  lead)', as «типа network или power» of 'Тип неисправности';
- the opposite of a flag said by its adjective: «свободные койки» of occupied (no comment) is occupied = false,
  as «незанятые»;
- «без» + the noun of a flag's verb: «без стерилизации» of is_sterilized 'Стерилизовано' is is_sterilized =
  false, as «без сигнализации» of has_alarm.

Two of these were confident wrong plans before (the word dropped): «Ужастики …» planned every film, «по
поминутному тарифу» every trip.

Requests phrased anew over several catalogs (none copied from an eval file).

first pass (at 5ac3e5e, before the rules): 23/27 failed; three of them confident wrong plans (the word dropped: «по
почасовому тарифу», «по поминутному или почасовому тарифу», «после стерилизации»), the rest asked. Passed already:
«уровня silver и gold» (the comment says «Уровень»), «грейда lead», «свободные номера» (status lists available)
and «уровня principal» (asked).
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

# --- a colloquial word for a listed value -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("cinema", "Ужастики, выгрузка каждый день в 7:00", "genre = 'horror'"),
        ("cinema", "Фильмы: ужастики или мультики, раз в неделю", "genre IN ('horror', 'animation')"),
        ("cinema", "Комедии и ужастики каждую пятницу", "genre IN ('comedy', 'horror')"),
        ("carshare", "Поездки по почасовому тарифу раз в сутки", "tariff = 'hour'"),
        ("carshare", "Поездки с посуточным тарифом каждый день в 3:00", "tariff = 'day'"),
        ("carshare", "Поездки по поминутному или почасовому тарифу ежедневно", "tariff IN ('minute', 'hour')"),
        ("realty", "Клиенты с порталов, раз в сутки", "source = 'portal'"),
        ("realty", "Клиенты, которые пришли с портала или с сайта, ежедневно", "source IN ('portal', 'site')"),
        ("library", "Издания в мягкой обложке, выгрузка по понедельникам", "format = 'paperback'"),
        ("library", "Издания в твёрдом переплёте каждую ночь в 2:00", "format = 'hardcover'"),
        ("library", "Техники библиотеки, раз в неделю", "role = 'technician'"),
        ("library", "Сотрудники-техники и библиотекари ежедневно", "role IN ('technician', 'librarian')"),
        ("vet", "Котики и собачки, раз в сутки", "species IN ('cat', 'dog')"),
        # added after the first pass (with the lexicon entry): «запланированные» of 'planned', before or after
        # the rows' noun (after it, the word was dropped before: a confident wrong plan)
        ("library", "Запланированные мероприятия для подростков, раз в день", "status = 'planned' AND audience = 'teens'"),
        ("library", "Мероприятия для взрослых, запланированные, каждый вечер в 20:00",
         "audience = 'adults' AND status = 'planned'"),
    ],
)  # fmt: skip
def test_a_colloquial_word_is_the_listed_value(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


# --- a level word before listed values --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("realty", "Агенты уровня junior, раз в день", "grade = 'junior'"),
        ("realty", "Агентов уровня middle или senior каждый понедельник", "grade IN ('middle', 'senior')"),
        ("realty", "Агенты грейда lead ежедневно", "grade = 'lead'"),
        ("cinema", "Участники программы лояльности уровня silver и gold ежедневно", "tier IN ('silver', 'gold')"),
    ],
)  # fmt: skip
def test_a_level_word_before_listed_values(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


def test_a_level_word_before_an_unlisted_value_is_asked() -> None:
    outcome = plan_in("realty", "Агенты уровня principal ежедневно")
    assert outcome.status == "needs_clarification", outcome.spec


# --- the opposite of a flag said by its adjective ---------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("clinic", "Свободные койки, выгрузка каждые 10 минут", "occupied = false"),
        ("clinic", "Койки стационара: только свободные, каждый час", "occupied = false"),
        # a status that lists 'available' keeps the listed value
        ("hotel", "Свободные номера каждые 5 минут", "status = 'available'"),
    ],
)  # fmt: skip
def test_free_is_the_opposite_of_occupied(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


# --- «без» + the noun of a flag's verb --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("vet", "Питомцы без стерилизации, раз в сутки", "is_sterilized = false"),
        ("vet", "Собаки без стерилизации ежедневно в 6:00", "species = 'dog' AND is_sterilized = false"),
        ("vet", "Питомцы после стерилизации каждую неделю", None),
    ],
)  # fmt: skip
def test_without_the_noun_of_a_flag_verb(catalog: str, text: str, where: str | None) -> None:
    if where is None:  # «после стерилизации» is no state the planner knows: asked, never dropped
        outcome = plan_in(catalog, text)
        assert outcome.status != "ok" or "is_sterilized = true" in (outcome.spec.source.where or "")  # type: ignore[union-attr]
        return
    assert ok_spec(catalog, text).source.where == where


# --- combined with a state, a number or a clause ---------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("realty", "Агенты уровня lead, которые сейчас работают, ежедневно", "grade = 'lead' AND is_active = true"),
        ("library", "Издания в мягкой обложке дешевле 500 рублей ежедневно", "format = 'paperback' AND list_price < 500"),
        ("carshare", "Поездки по почасовому тарифу, кроме отменённых, каждый час",
         "tariff = 'hour' AND status <> 'cancelled'"),
    ],
)  # fmt: skip
def test_combined_with_a_state_or_a_number(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


# --- the rows named by a kind (added after the first pass: written with the rules below) -------------------


@pytest.mark.parametrize(
    ("catalog", "text", "table", "where"),
    [
        # a word of another table's name inside a listed meaning («смены» of shifts in 'старший смены')
        ("helpdesk", "Старшие смены, которые уволены, каждый час", "support.agents",
         "role = 3 AND fired_on IS NOT NULL"),
        ("helpdesk", "Старшие смены каждые полчаса", "support.agents", "role = 3"),
        # a schedule's «каждый» after the kinds says nothing of the rows
        ("cinema", "Драмы и ужастики каждый вторник в 11:00", "content.movies", "genre IN ('drama', 'horror')"),
        # a hyphenated role and a role joined to it by «и»/«или»
        ("library", "Сотрудники-библиотекари или техники ежедневно", "staff", "role IN ('librarian', 'technician')"),
        ("realty", "Клиенты-покупатели и арендаторы каждую ночь", "clients", "client_type IN ('buyer', 'tenant')"),
    ],
)  # fmt: skip
def test_rows_named_by_their_kind(catalog: str, text: str, table: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert (spec.source.table, spec.source.where) == (table, where)


def test_a_which_clause_before_a_mask_list_is_no_column() -> None:
    """«которые ещё работают, почту и телефон скрыть»: the clause says which rows; it masked office_id and
    is_active before (a confident wrong plan the level word had hidden behind a question)."""
    spec = ok_spec("realty", "Агенты уровня middle, которые ещё работают, почту и телефон скрыть, ежедневно")
    assert spec.source.where == "grade = 'middle' AND is_active = true"
    masked = [c for t in spec.model_dump()["transforms"] if t["type"] == "mask" for c in t["columns"]]
    assert sorted(masked) == ["email", "phone"]


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        # were asked by marts rounds 24/25/111 while no rule read the words
        ("clinic", "число свободных коек по палатам", "occupied = false"),
        ("clinic", "Свободные койки по палатам (ward), апдейт каждый час", "occupied = false"),
    ],
)  # fmt: skip
def test_free_beds_per_ward_is_a_count_of_the_free_ones(catalog: str, text: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.type == "mart" and spec.source.mart is not None
    assert (spec.source.mart.where, spec.source.mart.dimensions) == (where, ["ward"])


def test_without_sterilization_beside_listed_kinds() -> None:
    spec = ok_spec("vet", "Питомцы: собаки и птицы без стерилизации, каждый день в 3")
    assert spec.source.where == "species IN ('dog', 'bird') AND is_sterilized = false"


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        # a level said not to hold: the level rule read it as the level itself (found probing, after the rules)
        ("realty", "Агенты не уровня junior ежедневно"),
        ("realty", "Агенты, кроме уровня junior, ежедневно"),
        # two negations before a flag's noun: was is_sterilized = false
        ("vet", "Питомцы не без стерилизации ежедневно"),
    ],
)  # fmt: skip
def test_a_negated_level_or_a_double_negation_is_asked(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification", outcome.spec and outcome.spec.source


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        # «не» before the preposition of a listed value's word (found probing, after the rules; the negation
        # was lost before for «не с сайта» too: `source = 'site'`)
        ("realty", "Клиенты не с порталов, раз в сутки", "source <> 'portal'"),
        ("carshare", "Поездки не по поминутному тарифу ежедневно", "tariff <> 'minute'"),
        ("library", "Мероприятия не для детей каждый понедельник", "audience <> 'kids'"),
    ],
)  # fmt: skip
def test_not_before_the_preposition_of_a_value(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where
