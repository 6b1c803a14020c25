"""A list after «только»/"only" whose every item is a plural adjective or participle says which rows, not
which columns (planner169).

«Загружай поставки, только срочные и отклонённые»: «срочные» answers to is_urgent ('Срочная поставка'), so the
list was read as columns and «отклонённые» asked as a column no table has. Items that are states or flags
(«срочные», «отклонённые», «эксклюзивные и снятые с публикации», "urgent and rejected ones") agree with the
rows' noun as adjectives do; a column item is a noun («номер накладной», «дистрибьютор», «ФИО»).
"""

from __future__ import annotations

from airflow_ai_etl.planning.lexer import Token, tokenize

# the Russian parts of speech of a word that qualifies the rows («срочные», «отклонённые»)
_QUALIFIER_POS = frozenset({"ADJF", "PRTF"})
# the English word that stands for the rows after a state ("urgent and rejected ones")
_ROWS_PRONOUNS = frozenset({"ones"})


def _qualifies_rows(token: Token) -> bool:
    """A plural adjective or participle in the nominative or accusative, its likeliest parse."""
    best = token.parses[:1]
    return (
        bool(best)
        and best[0].pos in _QUALIFIER_POS
        and best[0].number == "plur"
        and best[0].case
        in (
            "nomn",
            "accs",
        )
    )


def _row_item(item: str) -> bool:
    """`item` is a state or flag of the rows: a Russian plural adjective or participle not followed by a noun
    it agrees with («снятые с публикации», not «полные имена»)."""
    tokens = tokenize(item)
    if not tokens or tokens[0].lang != "ru" or not _qualifies_rows(tokens[0]):
        return False
    head = tokens[1:2]
    best = head[0].parses[:1] if head else []
    return not (best and best[0].pos == "NOUN" and best[0].case in ("nomn", "accs"))


def says_rows(items: list[str]) -> bool:
    """Every item of a «только» list is a state or flag of the rows: the list is a condition."""
    if not items:
        return False
    last = tokenize(items[-1])
    if last and last[-1].lower in _ROWS_PRONOUNS:
        return True  # "only urgent and rejected ones": "ones" closes the whole list
    return all(_row_item(i) for i in items)
