"""A qualifier of a noun naming a foreign key (planner141, issue 15).

"Sessions charged at the night tariff": «tariff» names sessions.tariff_id and the table it references
(billing.tariffs), so the column and table rules skipped it, and the word before it («night») was dropped with
it: every row loaded. The qualifier says which referenced rows are meant (a tariff, an account, a connector);
unless a rule read it as a condition (the WHERE then names the key), the plan asks, quoting "night tariff",
instead of loading all rows (README: prefer asking over a confident guess).

Only the shape PREPOSITION [article] QUALIFIER NOUN is read ("at the night tariff", «на безлимитном
тарифе», «по корпоративным аккаунтам»): a bare noun ("sessions at the tariff") has no qualifier, and a
qualifier must be a content word (a Russian adjective or participle; an English word that is no
determiner or number).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from airflow_ai_etl.catalog import Table
from airflow_ai_etl.messages import Message
from airflow_ai_etl.planning.frame import covering
from airflow_ai_etl.planning.lexer import tokenize
from airflow_ai_etl.planning.patterns import STOP_STEMS
from airflow_ai_etl.planning.request import Request
from airflow_ai_etl.planning.vocabulary import name_parts, stem, words

if TYPE_CHECKING:
    from airflow_ai_etl.planning.offline import OfflinePlanner

_PREPOSITIONS = frozenset(
    {"at", "on", "under", "with", "for", "via", "through", "на", "по", "с", "со", "при"}
)
_ARTICLES = frozenset({"the", "a", "an"})
# English words before a noun that qualify no rows: determiners, pronouns, generic words
_NO_QUALIFIER_EN = frozenset(
    {"this", "that", "these", "those", "each", "every", "any", "all", "same", "its", "their", "our", "my",
     "your", "his", "her", "own", "one", "given", "respective", "related", "linked", "corresponding"}
)  # fmt: skip
_ADJECTIVE_POS = frozenset({"ADJF", "PRTF"})
# Russian pronominal adjectives: they point at rows («на которые клиент не пришёл», «по своим счетам»),
# they do not qualify them (fixreg28)
_NO_QUALIFIER_RU_LEMMAS = frozenset(
    {"который", "этот", "тот", "такой", "каждый", "любой", "свой", "наш", "ваш", "мой", "твой", "весь",
     "какой", "чей", "сам", "самый", "данный", "соответствующий", "связанный"}
)  # fmt: skip


def unread_linked_qualifier(
    planner: OfflinePlanner, request: Request, table: Table, where: str
) -> Message | None:
    """The question for "<qualifier> <noun>" where the noun names a foreign key of `table` (or the table it
    references) and nothing read the qualifier; None when no such phrase or the WHERE names the key."""
    from airflow_ai_etl.planning.residue import _question

    read = covering(list(request.handled))
    for index, token in enumerate(request.tokens):
        column = _linked_column(planner, table, token)
        if column is None or column.lower() in where:
            continue
        qualifier = _qualifier_before(request, index)
        if qualifier is None or request.tokens[qualifier] in request.claimed:
            continue
        if _spells_a_referenced_name(planner, table, column, request.tokens[qualifier]):
            continue
        # a span read with the noun in it («night tariff, every morning at 7» read by the schedule) did not
        # read the qualifier as a condition: the WHERE does not name the key
        start, end = request.spans[qualifier]
        if (read(start, end) and not read(*request.spans[index])) or request.tokens[qualifier] in where:
            continue
        return _question(request, table, [" ".join(request.raw[qualifier : index + 1])], [column])
    return None


def _spells_a_referenced_name(planner: OfflinePlanner, table: Table, column: str, word: str) -> bool:
    """The qualifier is a word of the referenced table's name or comment ("group classes" of
    schedule.group_classes 'Групповые занятия', «записи на групповые занятия» of bookings.class_id): the
    phrase names the referenced table, it picks no rows of it (fixreg28)."""
    ref = next((fk.ref_table for fk in table.foreign_keys if fk.columns == (column,)), None)
    target = _table_named(planner, ref) if ref else None
    if target is None:
        return False
    own = (set(name_parts(target.name)) | {stem(w) for w in words(target.comment)}) - STOP_STEMS
    return bool(planner.vocabulary.meanings(word) & own)


def _table_named(planner: OfflinePlanner, ref: str) -> Table | None:
    return next(
        (t for ts in planner.catalog.tables.values() for t in ts if ref in (t.qualified_name, t.name)), None
    )


def _linked_column(planner: OfflinePlanner, table: Table, token: str) -> str | None:
    """The foreign key column `token` names, by the column's words or by the referenced table's name."""
    keys = {c: fk.ref_table for fk in table.foreign_keys if len(fk.columns) == 1 for c in fk.columns}
    if not keys:
        return None
    named = [c for c in planner._columns_in(table, token) if c in keys]
    if named:
        return named[0]
    for column, ref in keys.items():
        target = _table_named(planner, ref)
        if target is not None and target is not table and planner._names_table(token, target):
            return column
    return None


def _qualifier_before(request: Request, index: int) -> int | None:
    """The index of the content word right before the noun at `index`, itself after a preposition (an article
    between them allowed); None for any other shape."""
    qualifier = index - 1
    if qualifier < 1:
        return None
    before = qualifier - 1
    if request.tokens[before] in _ARTICLES:
        before -= 1
    if before < 0 or request.tokens[before] not in _PREPOSITIONS:
        return None
    word = request.tokens[qualifier]
    if not word.isalpha() or len(word) < 3 or word in _ARTICLES or word in _PREPOSITIONS:
        return None
    if request.language == "en" or word.isascii():
        return None if word in _NO_QUALIFIER_EN else qualifier
    said = next(iter(tokenize(word)), None)
    if said is None or not said.parses or said.parses[0].pos not in _ADJECTIVE_POS:
        return None
    return None if said.parses[0].lemma in _NO_QUALIFIER_RU_LEMMAS else qualifier
