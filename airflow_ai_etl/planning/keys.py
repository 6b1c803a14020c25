"""Upsert keys named by nouns: «мержить по сотруднику и дате», «по студенту, дисциплине и дате занятия».

A key list after a merge cue often names the key columns by what they stand for, not by their names:

* a noun naming another table stands for this table's column that refers to it: a declared foreign key,
  or the `<table>_id` naming convention (``student_id`` -> ``students``). The other table is named by its
  name («students») or by a word of its comment (``courses`` «Учебные дисциплины» is named by
  «дисциплине»);
* a generic noun («дате», "date", «номеру») names the one primary-key column that has it as a part
  (``work_date`` of the key ``(employee_id, work_date)``), else the one column of the table that has it.

:func:`key_noun_columns` reads such a list word by word, after the planner's own column reading has
failed on a word; it never guesses between two columns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from airflow_ai_etl.catalog import Column, Table
from airflow_ai_etl.planning.patterns import GENERIC_PARTS, LIST_JOINERS, STOP_STEMS, STOP_WORDS
from airflow_ai_etl.planning.vocabulary import name_parts, stem, words

if TYPE_CHECKING:
    from airflow_ai_etl.planning.offline import OfflinePlanner
    from airflow_ai_etl.planning.request import Request

__all__ = ["key_noun_columns"]


def key_noun_columns(
    planner: OfflinePlanner, table: Table, request: Request, start: int
) -> tuple[list[str], int]:
    """Key columns named from word `start` on, and the index of the first word that is not part of the
    list (like the planner's column run, with nouns for referring and generic key columns)."""
    tokens = request.tokens
    columns: list[str] = []
    i = start
    while i < len(tokens):
        token = tokens[i]
        if token in LIST_JOINERS or token == ",":
            i += 1
            continue
        found = planner._word_column(table, tokens[i:], fk_words=True)
        if found is None:
            noun = _referring_column(planner, table, token) or _generic_key_column(planner, table, token)
            found = (noun, 1) if noun else None
        if found is None:
            break
        name, width = found
        if name not in columns:
            columns.append(name)
        i += width
    return columns, i


def _referring_column(planner: OfflinePlanner, table: Table, token: str) -> str | None:
    """The one column of `table` that refers to a table the word names («сотруднику» -> employee_id)."""
    meanings = set(planner.vocabulary.meanings(token))
    if not meanings or token in STOP_WORDS:
        return None
    others = [t for conn in planner._readable("postgres") for t in planner.catalog.tables_of(conn.conn_id)]
    named = [
        column.name
        for column in table.columns
        if any(_names(meanings, other) for other in _referred(table, column, others))
    ]
    return named[0] if len(set(named)) == 1 else None


def _referred(table: Table, column: Column, others: list[Table]) -> list[Table]:
    """The tables `column` refers to: by a declared foreign key, else by the `<table>_id` convention."""
    declared = {fk.ref_table.split(".")[-1] for fk in table.foreign_keys if column.name in fk.columns}
    parts = name_parts(column.name)
    if declared:
        return [t for t in others if t.name in declared]
    if len(parts) < 2 or parts[-1] != "id":
        return []
    head = set(parts[:-1])
    return [t for t in others if t.qualified_name != table.qualified_name and set(name_parts(t.name)) == head]


def _names(meanings: set[str], table: Table) -> bool:
    """The word names the table: by its name's parts or by a word of its comment."""
    if set(name_parts(table.name)) <= meanings:
        return True
    comment = {stem(w) for w in words(table.comment)} - STOP_STEMS
    return bool(meanings & comment)


def _generic_key_column(planner: OfflinePlanner, table: Table, token: str) -> str | None:
    """«дате», "date": the one primary-key column (else the one column) with that generic part."""
    generic = set(planner.vocabulary.meanings(token)) & GENERIC_PARTS
    if not generic:
        return None
    having = [c.name for c in table.columns if generic & set(name_parts(c.name))]
    keyed = [c for c in having if c in table.primary_key]
    if len(keyed) == 1:
        return keyed[0]
    return having[0] if len(having) == 1 else None
