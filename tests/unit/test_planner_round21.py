"""Families still failing on the scored held-out batches (m, l, j) and families earlier sessions noticed,
tested with sentences phrased differently over several catalogs (none from an eval file)."""

from __future__ import annotations

import pytest

from tests.planned import ok_spec

# --- 1. a noun a boolean column's comment consists of ('Льготник') names the rows whose flag is set -------


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("льготников в клик каждый день в 3:00", "is_privileged = true"),
        ("льготников (is_privileged) в таблицу lgotniki каждую ночь в 1:15", "is_privileged = true"),
        ("абонентов, только льготников, в клик ежедневно в 6 утра", "is_privileged = true"),
        ("льготники из таблицы subscribers в клик ежедневно в 6 утра", "is_privileged = true"),
        ("абонентов в клик ежедневно в 6 утра, кроме льготников", "is_privileged = false"),
        ("абонентов без льготников в клик ежедневно в 6 утра", "is_privileged = false"),
        ("абонентов в клик ежедневно в 6 утра, льготников не грузить", "is_privileged = false"),
        ("privileged subscribers to clickhouse daily at 6 am", "is_privileged = true"),
        ("subscribers to clickhouse daily at 6 am, except privileged ones", "is_privileged = false"),
    ],
)
def test_a_role_noun_of_a_flag_names_rows(text: str, where: str) -> None:
    spec = ok_spec("utility", text)
    assert spec.source.table == "subscribers"
    assert spec.source.where == where
    assert spec.source.columns is None  # the flag's column stays loaded


def test_a_negated_verb_closing_its_clause_takes_no_list_after_the_comma() -> None:
    spec = ok_spec("utility", "льготников не брать, абонентов в клик ежедневно в 6 утра")
    assert spec.source.where == "is_privileged = false"
    assert spec.source.columns is None
    spec = ok_spec("utility", "телефон не брать, абонентов в клик ежедневно в 6 утра")
    assert spec.source.columns is not None and "phone" not in spec.source.columns
    assert "full_name" in spec.source.columns


def test_the_column_word_itself_after_a_column_noun_still_drops_the_column() -> None:
    spec = ok_spec("utility", "абонентов в клик ежедневно в 6 утра, колонку льготник не грузить")
    assert spec.source.where is None
    assert spec.source.columns is not None and "is_privileged" not in spec.source.columns
