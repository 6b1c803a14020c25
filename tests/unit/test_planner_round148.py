"""Issue 15 (heldout_2026-12-26b): a wipe verb («затереть», «стереть», «вымарать») whose object is a column
phrase in a pipeline request masks that column; only a table or its rows as the object is destructive. A mask
item of a personal-data noun with a qualifier («почту для ответа», «телефон для связи») is the column whose
comment those words spell, even when another column's comment lists the noun as a value (helpdesk's channel
lists «email, phone»). Requests phrased anew over several catalogs (none from an eval file).

first pass: 9/12 failed."""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

# --- 1. a wipe verb with a column phrase as its object masks ----------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "table", "masked"),
    [
        ("helpdesk", "Обращения со статусом 4 каждые полчаса, почту для ответа стереть", "support.tickets",
         ["contact_email"]),
        ("helpdesk", "Заявки по каналу telegram каждые 5 минут, вымарать почту для ответа", "support.tickets",
         ["contact_email"]),
        ("helpdesk", "Заявки с приоритетом 4 раз в час, телефон для связи затирать", "support.tickets",
         ["contact_phone"]),
        ("bank", "Клиентов в клик ежедневно в 5 утра, мобильный телефон стереть", "clients", ["phone"]),
        ("airline", "Пассажиров в клик каждый день в 2 ночи, номер паспорта вымарать", "passengers",
         ["passport_number"]),
    ],
)  # fmt: skip
def test_a_wipe_verb_with_a_column_object_masks(
    catalog: str, text: str, table: str, masked: list[str]
) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.table.endswith(table)
    assert sorted(c for t in spec.transforms if t.type == "mask" for c in t.columns) == sorted(masked)


# --- 2. a personal-data noun with a qualifier names the column its comment spells ---------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where", "masked"),
    [
        ("helpdesk", "Заявки по каналу email каждые 20 минут, почту для ответа скрыть", "channel = 'email'",
         ["contact_email"]),
        ("helpdesk", "Обращения раз в час, почту скрыть", None, ["contact_email"]),
        ("helpdesk", "Заявки раз в 15 минут, замаскировать почту для ответа и телефон для связи", None,
         ["contact_email", "contact_phone"]),
    ],
)  # fmt: skip
def test_a_pii_noun_with_a_qualifier_names_its_column(
    catalog: str, text: str, where: str | None, masked: list[str]
) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.where == where
    assert sorted(c for t in spec.transforms if t.type == "mask" for c in t.columns) == sorted(masked)


# --- 3. a table or its rows as the wipe verb's object stays refused ----------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("helpdesk", "затереть все заявки в статусе 5"),
        ("helpdesk", "Стереть таблицу заявок в источнике"),
        ("bank", "вымарать всех клиентов из базы"),
        ("airline", "сотрите пассажиров, которые не летали год"),
    ],
)  # fmt: skip
def test_a_wipe_verb_with_a_table_object_is_refused(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "rejected"
