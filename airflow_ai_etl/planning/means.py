"""A listed value after "by" / «по» says how the rows came about, not what to group by (planner135).

"Premium payments by card, hourly", "premium payments by cash daily at 6": "card" and "cash" are values a
column's comment lists ('Способ оплаты (card, cash, transfer, sbp)'), and no column is called so; "by" before
them is the preposition of means ("paid by card"), so the words say which rows to load (`payment_method =
'card'`), never a mart grouped by a "card" column with "hourly" its grain. The mart test reads the request
without such a "by"; the filter rules read the value as before (filters' means cue).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from airflow_ai_etl.catalog import listed_values
from airflow_ai_etl.planning.lexer import Token
from airflow_ai_etl.planning.vocabulary import name_parts, stem

if TYPE_CHECKING:
    from airflow_ai_etl.planning.offline import OfflinePlanner

# prepositions of means a grouping shares: "by card" / «по sbp» (a grouping is "by region", «по регионам»)
_MEANS_OR_GROUPING = frozenset({"by", "по"})
# words a schedule opens with right after the value ("by cash daily at 6", «по sbp каждый час»)
_SCHEDULE_OPENERS = frozenset(
    {
        "daily",
        "hourly",
        "nightly",
        "weekly",
        "every",
        "each",
        "at",
        "on",
        "каждый",
        "каждую",
        "каждые",
        "ежедневно",
    }
)


def _listed_code(planner: OfflinePlanner, word: str) -> bool:
    """`word` is a value some column of a PostgreSQL table lists, and no column of any of them is so named."""
    found = False
    for conn in planner.catalog.connections_of("postgres"):
        for table in planner.catalog.tables_of(conn.conn_id):
            if table.column(word) is not None or stem(word) in name_parts(table.name):
                return False  # "by status", "by branch": a column or a table, grouped by
            found = found or any(word in (v.lower() for v in listed_values(c.comment)) for c in table.columns)
    return found


def without_means_prepositions(planner: OfflinePlanner, tokens: Sequence[Token]) -> list[Token]:
    """`tokens` less each "by"/«по» right before a Latin value a column lists (see the module's doc), or
    before one English modifier and that value ("by credit card", "by bank transfer": planner157 reads the
    modifier with the value; planner161: "credit" alone made a mart of an hourly load)."""
    kept: list[Token] = []
    for k, token in enumerate(tokens):
        means = token.lower in _MEANS_OR_GROUPING and (
            _means_value_at(planner, tokens, k + 1)
            or k + 1 < len(tokens)
            and _latin_word(tokens[k + 1])
            and tokens[k + 1].lang == "en"
            and _means_value_at(planner, tokens, k + 2)
        )
        if not means:
            kept.append(token)
    return kept


def _latin_word(token: Token) -> bool:
    """`token` is one word of Latin letters."""
    return token.lower.isascii() and token.lower.isalpha()


def _means_value_at(planner: OfflinePlanner, tokens: Sequence[Token], at: int) -> bool:
    """Word `at` is a Latin value a column lists, and it ends its phrase: "by office city" groups by the
    office's city, no means."""
    if at >= len(tokens) or not _latin_word(tokens[at]):
        return False
    alone = (
        at + 1 >= len(tokens) or tokens[at + 1].lang == "punct" or tokens[at + 1].lower in _SCHEDULE_OPENERS
    )
    return alone and _listed_code(planner, tokens[at].lower)


# English participles of paying whose "by X" says the means ("payments made by card", "paid by cash"), and
# the articles allowed between ("paid by a card")
_MEANS_PARTICIPLES_EN = frozenset({"paid", "made", "settled", "prepaid", "charged"})
_MEANS_ARTICLES_EN = frozenset({"a", "an", "the"})


def means_after_participle(planner: OfflinePlanner, tokens: Sequence[Token], first: int) -> int | None:
    """Word `first` (a dimension's first word) is a value some column lists, said right after "by" and a
    participle of paying ("Sum of payments made by card per branch", "paid by cash"): the means of the rows
    (`payment_method = 'card'`), never a grouping by a card column (marts118). Unlike the bare "by card"
    above, the value need not end the phrase: the participle says it is the means. The index of "by", or
    None."""
    k = first - 1 - int(first > 1 and tokens[first - 1].lower in _MEANS_ARTICLES_EN)
    if k < 1 or tokens[k].lower != "by" or tokens[k - 1].lower not in _MEANS_PARTICIPLES_EN:
        return None
    word = tokens[first].lower
    return k if word.isascii() and word.isalpha() and _listed_code(planner, word) else None
