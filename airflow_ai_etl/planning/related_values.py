"""A listed value the loaded table and a table it references both hold (planner49).

«кредитные транзакции»: transactions.direction lists credit ('Направление (debit, credit)'), and so does the
card a transaction references (cards.card_type, 'Тип карты (debit, credit)'). The word may name either: the
transaction's direction or the kind of its card. Unless the request names the column, the planner asks
rather than pick one. A referenced column of the loaded column's own name (tickets.channel and the queue's
channel, both listing telegram) is the same attribute of the parent: the row's own column is read
(planner132). A state column (status: 'Статус ...', 'Состояние ...') is the row's own state and is
read as before («оспоренные штрафы» is the fine's status, not the trip's).
"""

from __future__ import annotations

import re

from airflow_ai_etl.catalog import Catalog, Column, Table, listed_values
from airflow_ai_etl.messages import say
from airflow_ai_etl.planning.vocabulary import name_parts, stem, words

_EQUALS = re.compile(r"\b(\w+) = '([^']*)'")
_STATE_COMMENT_STEMS = ("статус", "состоян", "status", "state")


def related_value_question(
    language: str, catalog: Catalog, conn_id: str, table: Table, where: str | None, text: str
) -> str | None:
    """The question for a `column = 'value'` of `where` that a table `table` references lists too, or None."""
    said = {stem(w) for w in words(text)}
    for name, value in _EQUALS.findall(where or ""):
        column = table.column(name, exact=True)
        if column is None or _is_state(column) or value not in listed_values(column.comment):
            continue
        if name.lower() in words(text) or _comment_head(column) in said or _kind_named(column, said):
            continue  # «направление credit», "direction = 'credit'", "yoga classes": the column is named
        # «заказы на доставку» of order_type: the kind of the loaded rows' own noun (orders), said in Russian,
        # is no question about a referenced row's flag (restaurants.has_delivery: planner128); a referenced
        # column listing the value as its own kind still is («занятия по пилатесу»: trainers.specialization)
        own_kind = _kind_named(column, set(name_parts(table.name)))
        for key in table.foreign_keys:
            parent = catalog.find_table(conn_id, key.ref_table)
            # or a yes/no column of the referenced row named by the value (customers.is_corporate of
            # «корпоративные платежи», method 'corporate': planner101)
            other = (
                next(
                    (c for c in parent.columns if _holds(c, value) or (_flag_of(c, value) and not own_kind)),
                    None,
                )
                if parent
                else None
            )
            if parent is not None and other is not None and other.name != name:
                return say(language, "planner.value_of_referenced_table", value=value, column=name,
                           table=table.qualified_name, other=f"{parent.qualified_name}.{other.name}",
                           key=key.columns[0])  # fmt: skip
    return None


_KIND_PARTS = frozenset({"type", "kind", "category"})


def _kind_named(column: Column, said: set[str]) -> bool:
    """ "Yoga classes" of class_type: the column is the kind of a noun the request says ("classes"), so the
    listed value before it is that kind (planner101), not the kind of a referenced trainer."""
    parts = name_parts(column.name)
    return len(parts) == 2 and parts[1] in _KIND_PARTS and parts[0] in said


def _flag_of(column: Column, value: str) -> bool:
    """A yes/no column whose name says the value (is_corporate of 'corporate')."""
    return "bool" in column.type.lower() and stem(value.lower()) in name_parts(column.name)


def _holds(column: Column, value: str) -> bool:
    return not _is_state(column) and value in listed_values(column.comment)


def _is_state(column: Column) -> bool:
    """A state column: the row's own status, never a kind of a related thing."""
    return column.name == "status" or _comment_head(column).startswith(_STATE_COMMENT_STEMS)


def _comment_head(column: Column) -> str:
    """Stem of the first word of the column's comment ('Направление (debit, credit)' -> направлен)."""
    first = words(column.comment or "")
    return stem(first[0]) if first else ""
