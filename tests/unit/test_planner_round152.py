"""Issue 15 (heldout_2026-12-27a, family 8): Russian states said as participles and relative clauses were asked
although the catalog reads them. Requests phrased anew over several catalogs (none copied from an eval file):

- a relative clause («который» + optional «уже/ещё/сейчас/не») or a participle whose verb says a state one
  column lists: «убраны» of 'Статус посева: … harvested' (the harvest's verb), «выведены из эксплуатации» of
  'decommissioned'/'retired' (the verb with its complement), «утеряны» of 'lost';
- the same verb of one nullable time column's event by the glossary's meaning of its comment word: «которых
  ещё не уволили» of dismissed_on 'Дата увольнения' (as fired_on already was) -> `dismissed_on IS NULL`;
- «кроме» + a genitive participle phrase: `status <> 'retired'`;
- two listed values joined by «или» («утеряны или повреждены», «картой или переводом»): IN;
- rows named only by a kind one table's column lists («котов и собак» of 'Вид животного (cat, dog, …)',
  «библиотекарей» of 'Должность (librarian, …)'): that table, its kind read as the filter.

first pass (at bfe740c, before the rules): 16/17 failed (all but fired_on of «которых ещё не уволили», kept).
Three requests were rephrased after the first pass, for words of other families: «Убранные посевы» (a
participle before the noun, read as the removal verb «убрать»: still asked), «Платежи гостей» (two tables
named) and «Взносы, оплаченные переводом» (a paid state beside paid_at: asked)."""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

# --- 1. a clause or a participle saying a listed state by its verb --------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "table", "where"),
    [
        ("agro", "Посевы сезона 2024, которые уже убраны, каждую пятницу в 5 утра", "plantings",
         "season_year = 2024 AND status = 'harvested'"),
        ("agro", "Посевы, которые убраны, раз в сутки", "plantings", "status = 'harvested'"),
        ("carshare", "Машины, которые уже выведены из эксплуатации, ежедневно в 4 утра", "cars",
         "status = 'retired'"),
        ("evcharge", "Зарядные станции, выведенные из эксплуатации, по пятницам в 9", "stations",
         "status = 'decommissioned'"),
        ("library", "Экземпляры, которые утеряны, раз в час", "copies", "status = 'lost'"),
    ],
)  # fmt: skip
def test_a_clause_verb_says_a_listed_state(catalog: str, text: str, table: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.table.endswith(table)
    assert spec.source.where == where


# --- 2. a clause verb of a time column's event by its comment's glossary meaning --------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("vet", "Ветврачей, которых ещё не уволили, каждый день в 7 утра", "dismissed_on IS NULL"),
        ("vet", "Врачей, которые уже уволены, по понедельникам", "dismissed_on IS NOT NULL"),
        ("autoservice", "Мастеров, которых ещё не уволили, ежедневно", "fired_on IS NULL"),
    ],
)  # fmt: skip
def test_a_clause_verb_names_an_event_column_by_its_comment(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


# --- 3. «кроме» + a genitive participle phrase ------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("airline", "Борта, кроме выведенных из эксплуатации, каждый час", "status <> 'retired'"),
        ("evcharge", "Станции в Казани, кроме выведенных из эксплуатации, раз в день",
         "city = 'Казань' AND status <> 'decommissioned'"),
    ],
)  # fmt: skip
def test_except_a_participle_phrase(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


# --- 4. two listed values joined by «или» -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("library", "Экземпляры, которые утеряны или повреждены, каждые 10 минут", "status IN ('lost', 'damaged')"),
        ("library", "Экземпляры, которые числятся повреждёнными или утерянными, ежедневно",
         "status IN ('damaged', 'lost')"),
        ("hotel", "Платежи картой или переводом ежедневно в 2 ночи", "method IN ('card', 'transfer')"),
        ("insurance", "Взносы переводом или картой раз в час", "payment_method IN ('transfer', 'card')"),
    ],
)  # fmt: skip
def test_two_listed_values_joined_by_or(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


# --- 5. rows named only by a kind one table lists ---------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "table", "where"),
    [
        ("vet", "Собак и кошек, которые стерилизованы, ежедневно в 5 утра", "pets",
         "species IN ('dog', 'cat') AND is_sterilized = true"),
        ("vet", "Кошек раз в неделю", "pets", "species = 'cat'"),
        ("library", "Библиотекарей ежедневно в 8 утра", "staff", "role = 'librarian'"),
        # added after the first pass (asked then, sales.orders or delivery.deliveries): a hyphenated code
        # spelled by ear before «на доставку» is a value of the orders, as «из приложения» was
        ("food", "Заказы из колл-центра на доставку раз в 10 минут", "orders",
         "channel = 'call_center' AND order_type = 'delivery'"),
    ],
)  # fmt: skip
def test_rows_named_by_a_listed_kind(catalog: str, text: str, table: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.table.endswith(table)
    assert spec.source.where == where


# added after the first pass (asked then, and still): a noun that is no listed kind, first or joined to one, a
# noun naming its table only by a compound's tail, and a kind beside an adjective nothing reads name no table


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("vet", "Хорьков и кошек раз в день"),
        ("vet", "Кошек и хорьков ежедневно в 6 утра"),
        ("construction", "Генподрядчиков раз в неделю по средам"),
        # an adjective of the rows no column reads, before the kind or set off after it, is not dropped
        ("food", "Острые супы ежедневно в 11"),
        ("vet", "Котов, злых, раз в неделю"),
        # a condition beside the kinds other rules may drop once the kinds are read: the table stays asked
        ("vet", "Собак, у которых есть чип, ежедневно в 9"),
        ("vet", "Кошек без прививок раз в неделю"),
    ],
)
def test_no_listed_kind_names_no_table(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"
