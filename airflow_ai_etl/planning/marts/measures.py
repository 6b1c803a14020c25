"""Measures of a mart: which aggregate over which column each measure phrase asks for."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from airflow_ai_etl.catalog import Column, Table
from airflow_ai_etl.marts.resolve import column_kind
from airflow_ai_etl.planning.filters import (
    EN_IRREGULAR_PARTICIPLES,
    assumed_state,
    state_two_columns_question,
)
from airflow_ai_etl.planning.lexer import Token, _morph, analyse, tokenize
from airflow_ai_etl.planning.lexicon import (
    GENERIC_VALUE_EN,
    GENERIC_VALUE_NAMES,
    GENERIC_VALUE_RU,
    PER_UNIT_ADJECTIVES,
    PER_UNIT_COMMENT_PHRASES,
    PER_UNIT_NAME_WORDS,
    UNIT_QUANTITIES,
)
from airflow_ai_etl.planning.marts.adjective_items import _adjective
from airflow_ai_etl.planning.marts.ground import (
    _column_stems,
    _comment_head_words,
    _comment_names,
    _comment_word,
    _describes,
    _event_time_columns,
    _fact_connections,
    _fk_column,
    _Ground,
    _holds_dims,
    _how_many_of_nothing,
    _how_much_column,
    _joined_words,
    _key_column,
    _leading_words_name_column,
    _money_columns,
    _money_name,
    _numeric_columns,
    _numeric_names,
    _own_value_column,
    _part_match,
    _person_named,
    _qualifies_comment_only,
    _quantity_column,
    _rate_column,
    _referring_tables,
    _row_total,
    _spelled_by_genitive,
    _spelled_columns,
    _time_columns,
)
from airflow_ai_etl.planning.marts.phrase import MartPhrase, _per_grain
from airflow_ai_etl.planning.marts.row_filters import (
    _listed_state_of_measured,
    _means_listed_value,
    _state_adjective,
)
from airflow_ai_etl.planning.marts.words import (
    AMOUNT_NOUNS_EN,
    ARTICLES_EN,
    CARRIED_FUNCS,
    COLUMN_WORDS,
    COUNT_EN,
    COUNT_RU,
    CUT_WORDS,
    DIM_PREPS_EN,
    DIM_PREPS_RU,
    DISTINCT_EN,
    DISTINCT_RU,
    FILTER_CUES,
    FROM_RU,
    GRAIN_ADVERBS_EN,
    GRAIN_ADVERBS_RU,
    GRAIN_RU,
    IRREGULAR_PARTICIPLES_EN,
    LIST_JOINERS,
    MONEY_EN,
    MONEY_NOUNS_EN,
    MONEY_NOUNS_RU,
    MONEY_RU,
    PEOPLE_EN,
    PEOPLE_PARTS,
    PEOPLE_RU,
    SOLD_LEMMAS,
    SPEND_EN,
    SQUARE_PARTS,
    SUM_FUNCTION_EN,
    SUM_FUNCTION_RU,
    TITLE_EN,
    TITLE_RU,
    TRIGGER_EN,
    TRIGGER_RU,
    UNITS_EN,
    UNITS_RU,
    MeasureWord,
    _after_do_support,
    _agreeing_noun,
    _asker,
    _chat_word,
    _comment_head,
    _comment_lemmas,
    _comment_stems,
    _comment_words,
    _comparison_follows,
    _en,
    _english_participle,
    _finite_event_verb,
    _full_participle_form,
    _grain_adjective,
    _grain_noun,
    _header_cut,
    _is_measure,
    _is_quantity_word,
    _key_name,
    _measure_func,
    _participle,
    _ru,
    _slang_count,
    _square_unit,
    _time_noun,
    _time_word,
    _title_nouns,
    _unit_part,
    _verb_times,
    _word,
)
from airflow_ai_etl.planning.patterns import STOP_WORDS
from airflow_ai_etl.planning.request import status_word
from airflow_ai_etl.planning.vocabulary import CURRENCY_EN, CURRENCY_RU, name_parts, stem
from airflow_ai_etl.relations import relations_of

if TYPE_CHECKING:
    from airflow_ai_etl.planning.offline import OfflinePlanner


PER_ONE_RU = {"один", "каждый"}  # «на одного абонента», «на каждого клиента»: per entity


def _state_rows_grouped(words: Sequence[Token]) -> bool:
    """«Свободные койки по палатам (ward)», «уволенные сотрудники по отделам»: a state adjective or participle
    before a plural noun, then «по» and a plural noun: a load keeps no grouping, so the rows in that state
    are counted per group."""
    state = any(
        (_state_adjective(t) or _full_participle_form(t))
        and t.has(t.lemmas, number="plur")
        and _plural_noun(nxt)  # by the best parse: «в» is no noun («аналитик данных в клик»)
        for t, nxt in zip(words, words[1:], strict=False)
    )
    return (
        state
        and any(
            t.lower in DIM_PREPS_RU
            and _plural_noun(nxt)
            and nxt.parses[0].case == "datv"
            and not _time_noun(nxt)  # «маршрутные листы по вторникам»: the schedule's days, no grouping
            for t, nxt in zip(words, words[1:], strict=False)
        )
    )


def _plural_noun(token: Token) -> bool:
    """A Russian noun (its best parse) one parse of which is plural («койки», «палатам»); not «в» (a noun
    abbreviation in one of its parses)."""
    return (
        token.lang == "ru"
        and bool(token.parses)
        and token.parses[0].pos == "NOUN"
        and token.has(token.lemmas, pos=("NOUN",), number="plur")
    )


def _measure_owner_after(ph: MartPhrase, ground: _Ground, fact: Table) -> Table | None:
    """«средняя премия по полисам по каналам»: «по <table noun>» right after the measure's words, naming
    another table than the fact that holds a numeric column those words name (policies.premium 'Страховая
    премия' while the fact read is premium_payments), may say whose measure it is (the policies' premium)
    rather than a dimension (per policy): that table, asked about, never grouped by its key as a guess. Not
    when the fact is named («Deposits overview: highest rate per currency») and holds the column itself."""
    tokens = ph.tokens
    named_fact = any(ground.table_of(tokens[i]) is fact for i in ph.sources)
    for m in ph.measures:
        said = [tokens[k] for k in [m.index, *m.object]]
        if any(_says_comment(c, said) for c in _numeric_columns(fact)):
            continue  # «базовая цена билета» of screenings.base_price 'Базовая цена билета': its own words
        if (genitive := _genitive_owner(ground, fact, [tokens[k] for k in m.object])) is not None:
            return genitive  # «средняя премия полисов по продуктам»: the policies' premium, or the payments'?
        words = [tokens[k] for k in m.object] or [tokens[m.index]]
        if named_fact and any(c.name in _numeric_names(fact) for c in ground.columns_named(fact, words)):
            continue
        last = max([m.index, *m.object])
        if last + 2 >= len(tokens) or tokens[last + 1].lower not in DIM_PREPS_RU | DIM_PREPS_EN:
            continue
        owner = ground.table_of(tokens[last + 2])
        if owner is None or owner is fact or _glossed_attribute(ph, ground, owner, last + 2):
            continue
        if any(
            c.name in _numeric_names(owner) and not (m.func == "sum" and _rate_column(c))
            for c in ground.columns_named(owner, words)
        ):
            return owner  # (a sum is never of a rate: "Agency commission per agent" is no commission_pct)
        followed = last + 3 < len(tokens) and tokens[last + 3].lower in DIM_PREPS_RU | DIM_PREPS_EN
        if followed and _priced(tokens[m.index], words) and _price_columns(owner):
            return owner  # «средняя стоимость по номерам по типам»: the rooms' tariff, or the bookings' cost?
    return None


def _glossed_attribute(ph: MartPhrase, ground: _Ground, owner: Table, k: int) -> bool:
    """«по тарифам (название тарифа)», «по отелям (название)»: the owner's noun at k followed by a bracket
    naming one of its text columns is a dimension (the attribute grouped by), never whose measure it is."""
    for _, words, inner in ph.bracketed:
        if words and words[0] == k:
            named = ground.columns_named(owner, [ph.tokens[j] for j in inner])
            return bool(named) and all(c.name not in _numeric_names(owner) for c in named)
    return False


def _genitive_owner(ground: _Ground, fact: Table, words: Sequence[Token]) -> Table | None:
    """«премия полисов» read over premium_payments: the measure's last word, in the genitive, naming another
    table that holds a numeric column the words before it name (policies.premium) says whose measure it may
    be, as «по полисам» does (marts36): that table, to be asked about."""
    owner = ground.table_of(words[-1]) if len(words) > 1 and words[-1].lang == "ru" else None
    if owner is None or owner is fact:
        return None
    if not any(p.case == "gent" for p in words[-1].parses[:1]):
        return None
    named = ground.columns_named(owner, list(words[:-1]))
    measured = [c for c in named if c.name in _numeric_names(owner) and not _key_column(owner, c)]
    return owner if measured else None


def _price_columns(table: Table) -> list[Column]:
    """Numeric columns whose comment says a price («Базовый тариф за ночь», «Цена за единицу»)."""
    return [
        c
        for c in _numeric_columns(table)
        if c.comment and _comment_lemmas(c.comment) & (PRICE_RU | TARIFF_RU)
    ]


def _average_number_of_rows(ph: MartPhrase, ground: _Ground, m: MeasureWord, named: list[Column]) -> bool:
    """ "average number of orders per customer", "… of items per order": the average of a count of rows
    (orders per customer, then averaged) is no column's average; asked, never an avg of the fact's amount. A
    column whose name says the counted noun ("the average number of days", "of shift hours") is averaged."""
    tokens = ph.tokens
    after = m.index + 1
    if m.func != "avg" or after >= len(tokens) or tokens[after].lower != "number":
        return False
    # the column's name says the object ("days", "shift hours"); a meaning ("items" -> quantity) is a count
    said = {stem(tokens[k].lower) for k in m.object}
    return not any(
        said & {stem(p) for p in name_parts(c.name)} for c in named if column_kind(c.type).numeric
    )  # fine_type of "the average number of fines" is no number to average


def _amount_of_money_measure(token: Token, fact: Table, measures: list[dict[str, Any]]) -> bool:
    """ "smallest order amount" of orders.total: the English "amount" in a measure's object only says the
    money column measured (a money name: total, price), no value for the filter rules."""
    if token.lang != "en" or token.lower not in ("amount", "amounts"):
        return False
    return any((c := fact.column(m.get("column") or "")) is not None and _money_name(c) for m in measures)


def _counted_event_noun(ph: MartPhrase, ground: _Ground, fact: Table) -> str | None:
    """«количество увольнений по отделам», «сколько было выселений»: a counted Russian noun whose time word
    names one nullable time column of the fact that is not its first (every row's) event: only the rows it
    happened to are counted (`fired_at IS NOT NULL`; with a grain on it, the grain dates them instead).
    Not the fact's own noun («записей» of appointments) nor the rows' creation."""
    times = _time_columns(fact)
    for m in ph.measures:
        for k in m.object if m.func == "count" else []:
            t = ph.tokens[k]
            if t.lang != "ru" or not any(p.pos == "NOUN" for p in t.parses[:1]) or ground.table_of(t) is fact:
                continue
            part = _time_word(t)
            named = [c for c in times if part and _part_match(part, c)]
            if len(named) == 1 and named[0] is not times[0] and named[0].nullable and part != "creat":
                return named[0].name
    return None


def _drop_header_measures(ph: MartPhrase) -> None:
    """ "Churn overview: number of subscribers per region", «Конверсия — количество лидов по источникам": a
    measure word in a short header (a metric no aggregate computes, the body's measure restated) titles the
    mart when the body after the colon has measures that each say what they compute (a count, or an object
    or a column). A bare body measure («Маржа: сумма по продуктам») leaves the header to say of what."""
    cut = _header_cut(ph.tokens)
    if cut is None:
        return
    header = [m for m in ph.measures if m.index < cut]
    body = [m for m in ph.measures if m.index > cut]
    if header and body and all(m.func == "count" or m.object or m.column_ref for m in body):
        ph.measures = body


def _titled_column(tokens: Sequence[Token], fact: Table) -> Column | None:
    """The one column of the fact whose comment says every word before the first colon (see above)."""
    cut = next((i for i, t in enumerate(tokens) if t.text == ":"), None)
    if cut is None or cut == 0 or cut > 4:
        return None
    words = [tokens[i] for i in range(cut) if tokens[i].lang != "punct"]
    if not words or any(w.lang != "ru" for w in words):
        return None
    found = [
        c for c in fact.columns if c.comment and all(w.lemmas & _comment_lemmas(c.comment) for w in words)
    ]
    return found[0] if len(found) == 1 else None


def _attribute(token: Token) -> bool:
    """A Russian adjective or participle («занятых», «свободных»)."""
    return token.lang == "ru" and bool(token.parses) and token.parses[0].pos in ("ADJF", "PRTF")


def _titled_measures(ph: MartPhrase) -> None:
    """«Коечный фонд: число занятых коек по палатам», «Выручка: сумма по регионам»: a measure word in the
    short title before the colon names the mart; the measures after the colon are what it computes."""
    tokens = ph.tokens
    cut = next((i for i, t in enumerate(tokens) if t.text == ":"), None)
    if cut is None or cut == 0 or cut > 3 or not any(m.index > cut for m in ph.measures):
        return
    before = [m for m in ph.measures if m.index < cut]
    if before and all(not m.object or max(m.object) < cut for m in before):
        ph.measures = [m for m in ph.measures if m.index > cut]
        ph.used.update(range(cut))


def _title_measure(ph: MartPhrase, fact: Table) -> None:
    """«Объявленная ценность: среднее по городам»: a measure word after the colon with no object of its
    own measures the numeric column the title names."""
    column = _titled_column(ph.tokens, fact)
    if column is None or column.name not in _numeric_names(fact):
        return
    cut = next(i for i, t in enumerate(ph.tokens) if t.text == ":")
    after = [
        m for m in ph.measures if m.index > cut and not m.object and not m.column_ref and m.func != "count"
    ]
    for m in after:
        m.column_ref = column.name
    if after:  # «Сумма долга: максимум …»: «Сумма» is the column's name there, not a second measure
        ph.measures = [m for m in ph.measures if m.index > cut]


def _postposed_subject_measures(ph: MartPhrase, ground: _Ground) -> None:
    """«Рыночная стоимость машин по маркам: средняя и максимальная», "Trip cost per tariff: average and max":
    aggregate words after the colon that ends a grouped phrase, with no object of their own and none before
    the colon, measure the words the request opens with (before its first «по»/"by"/"per"), as «средняя и
    максимальная рыночная стоимость машин по маркам» does; the measure rules then read those words."""
    tokens = ph.tokens
    cut = next((i for i, t in enumerate(tokens) if t.text == ":"), None)
    first_prep = next((i for i, t in enumerate(tokens) if t.lower in DIM_PREPS_RU | DIM_PREPS_EN), None)
    if cut is None or first_prep is None or not 0 < first_prep < cut:
        return
    after = [m for m in ph.measures if m.index > cut]
    if not after or len(after) != len(ph.measures):
        return
    if any(m.object or m.column_ref or m.subject or m.units or m.func not in ("avg", "min", "max", "sum")
           for m in after):  # fmt: skip
        return
    words = [
        k for k in range(first_prep) if tokens[k].lang in ("ru", "en") and tokens[k].lower not in ARTICLES_EN
    ]
    if not words or any(
        k in ph.used or _word(tokens[k], TRIGGER_RU | TITLE_RU, TRIGGER_EN | TITLE_EN) for k in words
    ):
        return  # «Отчёт по полисам: сумма по каналам»: a title's «по», no measured words (asked)
    if all(ground.table_of(tokens[k]) is not None for k in words):
        return  # «Питомцы по видам: средний»: a table's noun alone names no column (the bare rules decide)
    for m in after:
        m.object = list(words)
    ph.used.update(words)


REGISTER_COLUMNS = {"email", "phone", "full_name", "name", "login"}


def _register(table: Table) -> bool:
    """A register of people or things (leads, customers, doctors: a name or a contact column), not a
    log of events (badge passages, appointments): a bare mart of it does not say that rows are counted."""
    return any(c.name.lower() in REGISTER_COLUMNS for c in table.columns)


def _counted_head(ph: MartPhrase, ground: _Ground, fact: Table) -> bool:
    """The sentence opens with the fact table's own noun grouped by «по»/"per"/"by" ("Visits per
    diagnosis code, with the average duration", «Возвраты по причинам и сумма возвратов»): those rows
    are counted, and the measures named later are added to the count, not put in its place."""
    tokens = ph.tokens
    s = _after_greeting(tokens)  # "Hi! Escalated tickets per queue …": the rows' noun opens what follows
    opening = tokens[s:]
    if len(opening) < 2 or not ph.measures:
        return False
    g = s + _after_head_event(opening)  # "Policies signed per agent …, with the total sum insured": the count
    if _owner_genitive_head(opening) and _joined_measures(tokens, ph.measures):
        g = s + 2  # «жалобы клиентов по причинам …, и общая компенсация»: the owner's genitive, then «по»
    head = 1
    if (g >= len(tokens) or tokens[g].lower not in DIM_PREPS_EN) and _with_measures(tokens, ph.measures):
        head = _compound_head_en(opening, ground, fact)  # "Field operations per …, with total area": marts109
        g = s + _after_state_phrase_en(opening, head)  # "Fault tickets in resolved status per technician, …"
    if g >= len(tokens) or tokens[g].lower not in DIM_PREPS_RU | DIM_PREPS_EN:
        return False
    if head == 1 and (s in ph.used or ground.table_of(tokens[s]) is not fact):
        return False
    if _is_measure(tokens[s]):
        return False
    colon = next((k for k, t in enumerate(tokens) if t.text == ":"), None)
    if colon is not None and all(m.index > colon for m in ph.measures):
        return (
            False  # «Стипендии по группам: сумма …»: the head titles the mart, the measures follow the colon
        )
    bare = {m.index for m in ph.measures if not (m.object or m.column_ref or m.subject)}
    if all(_apposed_bare_measure(tokens, m, bare) for m in ph.measures):
        return False  # «Начисления по тарифам, сумма»: the one bare measure word says what of the head
    if _apposed_measure_list(tokens, ph.measures):
        return False  # "payments per day, total amount": what of the head's rows, no count beside it
    return all(m.index > g and not m.subject for m in ph.measures)


# the words joining the rows' noun to a measure as an item of the list («поездки и стоимость»); a comma may
# open a clause about the rows instead («…, заявки, которые отменили, не считаем»)
_ITEM_AND = frozenset({"и", "and"})


def _relative_after(tokens: Sequence[Token], k: int) -> bool:
    """A relative clause opens at `k` (past a comma): «, которые …», ", that/which/who …"."""
    k += k < len(tokens) and tokens[k].text == ","
    return k < len(tokens) and (tokens[k].lemma == "который" or tokens[k].lower in ("that", "which", "who"))


def _counted_list_item(ph: MartPhrase, ground: _Ground, fact: Table) -> bool:
    """ "Ticket sales per movie title: tickets sold and total discount given", «…: билетов продано и сумма
    скидок», "…: total discount and tickets sold": the fact's own noun (and the participle of its event) as
    an item of the measure list after a colon, joined by "and"/«и» or a comma to a measure, is an item of its
    own: the rows are counted beside the measure (marts127, mbd-en-17: the count was dropped and only the
    discount summed). Its words are read."""
    tokens = ph.tokens
    colon = next((k for k, t in enumerate(tokens) if t.text == ":"), None)
    if colon is None and ph.measures:
        return _counted_opening_item(ph, ground, fact)  # «Полевые работы и общая площадь по видам работ»
    if colon is None or not ph.measures:
        return False
    ends = {max([m.index, *m.object]) for m in ph.measures}
    for i in range(colon + 1, len(tokens) - 1):
        noun = tokens[i]
        first = i == colon + 1
        if not (first or (tokens[i - 1].lower in _ITEM_AND and i - 2 in ends)):
            continue
        if not _rows_noun(noun) or _is_measure(noun) or ground.table_of(noun) is not fact:
            continue  # «Убытки: заявленная и одобренная суммы»: an adjective of the sums, no rows' noun
        k = i + 1
        if k < len(tokens) and (_participle(tokens[k]) or tokens[k].lower in EN_IRREGULAR_PARTICIPLES):
            k += 1
        if first and (k >= len(tokens) or tokens[k].lower not in _ITEM_AND):
            continue
        if _relative_after(tokens, k):
            continue  # «…, заявки, которые отменили, не считаем»: the rows of a state, no item
        if first and not any(k < m.index <= k + 3 for m in ph.measures):
            continue
        if not first and k < len(tokens) and tokens[k].lang != "punct":
            continue  # "… and tickets of the hall": more words than the item
        ph.used.update(range(i, k))
        return True
    return False


def _counted_opening_item(ph: MartPhrase, ground: _Ground, fact: Table) -> bool:
    """«Полевые работы и общая обработанная площадь по видам работ», «Курьерские маршруты и общий пробег по
    дням», "Orders and total amount per status": with no colon, the fact's own noun opening the request (past
    a greeting and its adjectives: «Полевые», «Курьерские», "Field") and joined by «и»/"and" to a measure
    within three words is the first item of the list, as after a colon: its rows are counted beside the
    measure (marts134, mbf-ru-05/mbf-ru-42: the count was dropped and only the sum planned). Its words are
    read."""
    tokens = ph.tokens
    s = _after_greeting(tokens)
    i = s
    last = min(s + 2, len(tokens) - 1)
    while i < last and _qualifier(tokens[i]) and ground.table_of(tokens[i + 1]) is fact:
        i += 1  # «Курьерские маршруты», "Field operations": the words before the rows' noun qualify it
    if i + 2 >= len(tokens) or tokens[i + 1].lower not in _ITEM_AND:
        return False
    noun = tokens[i]
    if not _rows_noun(noun) or _is_measure(noun) or ground.table_of(noun) is not fact:
        return False
    if not any(i + 1 < m.index <= i + 4 and not m.subject for m in ph.measures):
        return False  # «Заказы и клиенты по городам»: no measure is the list's next item
    ph.used.update(range(s, i + 1))
    return True


def _qualifier(token: Token) -> bool:
    """A word that may qualify the rows' noun before it: a Russian adjective, an English word; no measure
    ("gross sales and units sold": "gross sales" is the amount, no rows' noun)."""
    if token.lower in _AMOUNT_QUALIFIERS or token.lemma in _AMOUNT_QUALIFIERS:
        return False
    return (_adjective(token) or token.lang == "en") and not _is_measure(token)


# words that make a rows' noun an amount ("gross sales", «валовые продажи»): never a kind of the rows
_AMOUNT_QUALIFIERS = frozenset({"gross", "net", "total", "overall", "валовый", "валовой", "чистый", "общий"})


def _rows_noun(token: Token) -> bool:
    """A plural noun («поездки», «билетов», "tickets"), never an adjective or participle naming a column."""
    if token.lang == "ru":
        return _plural_noun(token)
    return token.lang == "en" and token.lower.endswith("s") and not _participle(token)


def _after_greeting(tokens: Sequence[Token]) -> int:
    """Where the request starts past a greeting and its punctuation ("Hi! …", «Привет, …», "Hello, …"): a
    chat word names no rows, so the head rules read the words after it (marts124: "Hi! Escalated tickets
    per queue, …, with the total refund" lost its count)."""
    k = 0
    while k < len(tokens) and (tokens[k].lang == "punct" or _chat_word(tokens[k])):
        k += 1
    return k if k < len(tokens) else 0


def _with_measures(tokens: Sequence[Token], measures: Sequence[MeasureWord]) -> bool:
    """The measures come after a closing "with" ("…, with total repair cost", "…, with the total area"):
    added to the rows the request opened with, as «и сумма …» adds them (marts109)."""
    first = min(m.index for m in measures)
    return any(t.lower == "with" for t in tokens[max(0, first - 2) : first])


def _compound_head_en(tokens: Sequence[Token], ground: _Ground, fact: Table) -> int:
    """How many words open an English request naming the fact's rows: 2 when the second names the fact
    ("Field operations" of field_operations, "Charging sessions" of sessions) and the first is no measure,
    else 1. The compound's first word may name another table (fields), so the one-word test misses it."""
    if len(tokens) > 2 and tokens[0].lang == "en" and tokens[1].lang == "en" and not _is_measure(tokens[0]):
        if ground.table_of(tokens[1]) is fact and tokens[1].text != ",":
            return 2
    return 1


# "Fault tickets in resolved status per technician": a state phrase between the rows' noun and the grouping
_STATE_PHRASE_EN = ("in", "status")


def _after_state_phrase_en(tokens: Sequence[Token], head: int) -> int:
    """Where the grouping word stands after the head and an English "in <value> status" phrase (marts109)."""
    k = head
    if k + 2 < len(tokens) and (tokens[k].lower, tokens[k + 2].lower) == _STATE_PHRASE_EN:
        return k + 3
    return k


def _owner_genitive_head(tokens: Sequence[Token]) -> bool:
    """«жалобы клиентов по …», «штрафы читателей по …»: a Russian noun opening the request, a genitive noun
    of whose rows they are (no measure word), then «по»."""
    if len(tokens) < 3 or tokens[0].lang != "ru" or tokens[2].lower not in DIM_PREPS_RU:
        return False
    owner = tokens[1]
    return (
        owner.lang == "ru"
        and bool(owner.parses)
        and owner.parses[0].pos == "NOUN"
        and owner.has(owner.lemmas, pos=("NOUN",), case=("gent",))
        and not _is_measure(owner)
    )


def _joined_measures(tokens: Sequence[Token], measures: Sequence[MeasureWord]) -> bool:
    """The measures follow «и»/"and" right before them (past an adjective: «, и общая компенсация»): a second
    thing asked beside the opening rows, not an apposition saying what of them («— нужна сумма»; marts106)."""
    first = min(m.index for m in measures)
    return any(t.lower in ("и", "and") for t in tokens[max(0, first - 2) : first])


def _after_head_event(tokens: Sequence[Token]) -> int:
    """Where the grouping word stands after the opening noun and the participle naming its event: 1 in
    "Visits per code", 2 in "Policies signed per agent", 3 in «Договоры, подписанные по агентам»."""
    k = 2 if len(tokens) > 2 and tokens[1].text == "," and tokens[0].lang == "ru" else 1
    # "memberships sold per plan": any English participle not spelt with -ed names the event as well
    if k < len(tokens) and (_participle(tokens[k]) or tokens[k].lower in EN_IRREGULAR_PARTICIPLES):
        return k + 1
    return _after_negated_state(tokens)


# "tickets that are not closed yet": the words of an English reduced or relative clause around its participle
_NEGATED_CLAUSE_EN = {"that", "which", "are", "is", "were", "was", "not", "yet", "still"}


def _after_negated_state(tokens: Sequence[Token]) -> int:
    """Where the grouping word stands after the opening noun and an English negated state of it: 4 in
    "tickets not closed yet, by priority", 5 in "orders that are not shipped per day" (marts107: the rows
    were counted only when no clause stood between the noun and "by"); 1 when no such clause follows."""
    k = 1
    while k < len(tokens) and tokens[k].lower in _NEGATED_CLAUSE_EN - {"yet"}:
        k += 1
    if "not" not in {t.lower for t in tokens[1:k]} or k >= len(tokens):
        return 1
    if tokens[k].lower == "yet":
        k += 1
    if k >= len(tokens) or not (_participle(tokens[k]) or tokens[k].lower in EN_IRREGULAR_PARTICIPLES):
        return 1
    k += 1
    while k < len(tokens) and (tokens[k].lower == "yet" or tokens[k].text == ","):
        k += 1
    return k


MONEY_SUMMED_EN = {"collected"}  # "payments received per day" may count them; "collected" is money


def _participle_en(token: Token) -> bool:
    """An English past participle ("closed", "sold")."""
    return token.lang == "en" and (token.lower.endswith("ed") or token.lower in IRREGULAR_PARTICIPLES_EN)


def _counts_people(ph: MartPhrase) -> bool:
    """«сколько человек …», "how many people …": the count's object is a people noun."""
    return any(
        m.func in ("count", "count_distinct")
        and m.object
        and _word(ph.tokens[m.object[0]], PEOPLE_RU, PEOPLE_EN)
        for m in ph.measures
    )


def _of_people(table: Table, ground: _Ground) -> bool:
    """Rows of people or of what people do (a register of people, or rows pointing at one: appointments of
    patients, dorm residents of students); counting "people" in any other table (vehicles) counts things."""
    if _person_named(table):
        return True
    referenced = {
        r.ref_table
        for r in relations_of(ground.planner.catalog, ground.conn_id)
        if r.joinable and r.table == table.qualified_name
    }
    return any(t.qualified_name in referenced and _person_named(t) for t in ground.tables)


def _people_count(ph: MartPhrase, ground: _Ground) -> None:
    """«Сколько человек уволено по отделам», "how many people were hired per month": «человек»/"people" name
    no table; the people are the rows of the one register (a table of people or things with a name) with a
    time column the verb names (fired_at), and that column is the grain's. No such verb: nothing is set
    (the fact is asked about)."""
    tokens = ph.tokens
    for m in ph.measures:
        if m.func != "count" or not m.object or not _word(tokens[m.object[0]], PEOPLE_RU, PEOPLE_EN):
            continue
        found: list[tuple[int, Table, Column]] = []
        for k, t in enumerate(tokens):
            if k in ph.used and k not in ph.grain_words and k not in m.object:
                continue  # "how many people were hired": the verb read as the count's object
            for part in _verb_times(t) or ({stem(t.lower)} if _after_do_support(tokens, k) else set()):
                for table in ground.tables:
                    if not _register(table):
                        continue
                    found += [(k, table, c) for c in _time_columns(table) if _part_match(part, c)]
        if len({(t.qualified_name, c.name) for _, t, c in found}) != 1:
            return
        k, table, column = found[0]
        ph.fact_hint = table
        ph.used.update({*m.object, k})
        m.object = []
        if ph.grain and not ph.grain_column and not ph.grain_words:
            ph.grain_column = column.name
        elif not ph.grain:  # «сколько человек уволено по отделам»: the people the event happened to
            ph.happened = column.name
        for j in (k + 1, k + 2):  # «принято на работу», «зачислено в вуз»: where to, not a slot
            if (
                j + 1 < len(tokens)
                and tokens[j].lower in ("на", "в")
                and tokens[j + 1].lemma in ("работа", "штат")
            ):
                ph.used.update({j, j + 1})
        return


def _participle_sum(ph: MartPhrase, ground: _Ground) -> None:
    """«Сколько скачано байт», «сколько затронуто домохозяйств», «Сколько начислено зарплаты»: «сколько»
    before a participle that a numeric column's comment says ('Скачано байт', 'Начислено') asks for the
    sum of that column, not for a count of rows (the one such column of the request's tables)."""
    tokens, n = ph.tokens, len(ph.tokens)
    for m in ph.measures:
        if m.func == "count" and not m.column_ref and tokens[m.index].lemma == "сколько":
            _counted_noun_participle(ph, ground, m)  # «сколько байт отправлено»: the other word order
        if (
            m.func != "count"
            or m.object
            or m.column_ref
            or m.index + 1 >= n
            or tokens[m.index].lemma != "сколько"
        ):
            continue
        word = tokens[m.index + 1]
        if word.lang != "ru" or not any(p.pos in ("PRTS", "PRTF") for p in word.parses[:1]):
            continue
        tables = [ph.fact_hint] if ph.fact_hint is not None else ground.tables
        found = [(t, c) for t in tables for c in _numeric_columns(t) if _comment_names(c, word)]
        if len(found) != 1:
            continue
        table, column = found[0]
        m.func, m.column_ref = "sum", column.name
        ph.fact_hint = table
        ph.used.add(m.index + 1)
        k = m.index + 2
        if (
            k < n
            and tokens[k].lang == "ru"
            and (_comment_names(column, tokens[k]) or ground.table_of(tokens[k]) is table)
        ):
            ph.used.add(k)  # «байт» ('Скачано байт'), «зарплаты» (the payslips' own word)
        return


def _counted_noun_participle(ph: MartPhrase, ground: _Ground, m: MeasureWord) -> None:
    """«сколько байт отправлено по APN»: «сколько», one noun and a participle after it that together spell a
    numeric column's comment ('Отправлено байт') ask for the sum of that column, never a count of rows."""
    tokens = ph.tokens
    if len(m.object) != 1 or m.object[0] + 1 >= len(tokens):
        return
    noun, word = tokens[m.object[0]], tokens[m.object[0] + 1]
    # «сколько мест продали» says 'Продано мест' with the finite verb («продали»), as «мест продано» does
    if word.lang != "ru" or not any(p.pos in ("PRTS", "PRTF", "VERB") for p in word.parses[:1]):
        return
    tables = [ph.fact_hint] if ph.fact_hint is not None else ground.tables
    found = [
        (t, c)
        for t in tables
        for c in _numeric_columns(t)
        if _comment_names(c, word) and _comment_names(c, noun)
    ]
    if len(found) != 1:
        return
    table, column = found[0]
    ph.used.update({m.object[0], m.object[0] + 1})
    m.func, m.column_ref, m.object = "sum", column.name, []
    ph.fact_hint = table


def _joined_words_column(ph: MartPhrase, fact: Table, m: MeasureWord) -> str | None:
    """The numeric column of the fact two words of the measure's object name when joined ("debt amount")."""
    for name, indexes in _joined_words(ph, m).items():
        column = fact.column(name)
        if column is not None and column_kind(column.type).numeric:
            ph.used.update(indexes)
            return column.name
    return None


def _genitive_spells_none(
    ground: _Ground, fact: Table, tokens: Sequence[Token], m: MeasureWord
) -> list[Column]:
    """The numeric columns whose comments all carry the measure noun («оценка»: 'Общая оценка', 'Оценка еды')
    when the genitive right after that noun («оценка обслуживания») is no table's noun and no word of any
    comment of the fact: the request names a kind of that measure the fact does not hold. Empty when
    fewer than two columns carry the noun (one column is then what the noun means)."""
    said = [m.index, *m.object]
    for a, b in zip(said, said[1:], strict=False):
        head, genitive = tokens[a], tokens[b]
        if (
            b != a + 1
            or head.lang != "ru"
            or not any(p.pos == "NOUN" for p in head.parses)
            or not any(p.pos == "NOUN" and p.case == "gent" for p in genitive.parses)
            or ground.table_of(genitive) is not None
            or any(_comment_names(c, genitive) for c in fact.columns)
        ):
            continue
        numeric = _numeric_names(fact)
        carrying = [
            c
            for c in fact.columns
            if c.comment and c.name in numeric and head.lemmas & _comment_lemmas(c.comment.split(",")[0])
        ]
        if len(carrying) > 1:
            return carrying
    return []


def _says_comment(column: Column, words: Sequence[Token]) -> bool:
    """The words say every word of the column's comment (two words or more) in some form: «стоимость
    зарядок» says 'Стоимость зарядки, руб.', «заряд батареи в конце» says 'Заряд батареи в конце, %'."""
    own = _comment_head_words(column)
    return len(own) >= 2 and all(any(t.lemmas & w.lemmas or t.lower == w.lower for w in words) for t in own)


PLACE_PREPS = {"в", "во", "на", "при", "at", "in", "on"}


def _placed_comment_column(
    ph: MartPhrase, fact: Table, m: MeasureWord, object_words: Sequence[Token]
) -> Column | None:
    """«средний заряд батареи в начале зарядки»: the measured noun and the place phrase after it («в начале»,
    «в конце») say the whole comment of one numeric column (start_soc 'Заряд батареи в начале, %', not
    end_soc); the phrase's words are read, and a genitive after it naming the fact («зарядки») too."""
    tokens = ph.tokens
    end = max([m.index, *m.object]) + 1
    if not object_words or end + 1 >= len(tokens) or tokens[end].lower not in PLACE_PREPS:
        return None
    phrase = [end, end + 1]
    numeric = [c for c in fact.columns if c.name in _numeric_names(fact)]
    found = [
        c for c in numeric if _says_comment(c, [tokens[m.index], *object_words, tokens[end], tokens[end + 1]])
    ]
    if len(found) != 1 or not _comment_word(found[0], tokens[end + 1]):
        return None
    if (
        end + 2 < len(tokens)
        and tokens[end + 2].lang == "ru"
        and tokens[end + 2].has(tokens[end + 2].lemmas, case=("gent",))
    ):
        if _describes(tokens[end + 2], fact):
            phrase.append(end + 2)  # «в конце зарядки» of 'Сессии зарядки': the fact's own noun
    ph.used.update(phrase)
    return found[0]


def _second_placed_column(
    ph: MartPhrase, fact: Table, m: MeasureWord, object_words: Sequence[Token], first: Column
) -> Column | None:
    """«средний заряд батареи в начале и в конце»: a second place phrase after «и»/"and" shares the measured
    noun and its measure word (end_soc 'Заряд батареи в конце, %' beside start_soc); its words are read. None
    unless the noun and that phrase say the whole comment of exactly one other numeric column (marts105)."""
    tokens = ph.tokens
    j = max([m.index, *m.object]) + 3  # past «в начале»
    while j < len(tokens) and j in ph.used and tokens[j].lower not in LIST_JOINERS:
        j += 1  # «в начале зарядки»: the fact's noun read with the first phrase
    if j + 2 >= len(tokens) or tokens[j].lower not in ("и", "and") or tokens[j + 1].lower not in PLACE_PREPS:
        return None
    said = [tokens[m.index], *object_words, tokens[j + 1], tokens[j + 2]]
    numeric = [c for c in fact.columns if c.name in _numeric_names(fact) and c.name != first.name]
    found = [c for c in numeric if _says_comment(c, said)]
    if len(found) != 1 or not _comment_word(found[0], tokens[j + 2]):
        return None
    ph.used.update({j, j + 1, j + 2})
    if j + 3 < len(tokens) and tokens[j + 3].has(tokens[j + 3].lemmas, case=("gent",)):
        if _describes(tokens[j + 3], fact):
            ph.used.add(j + 3)  # «в начале и в конце зарядки»: the fact's own noun, said of both
    return found[0]


PRICE_RU = {"цена", "стоимость"}
TARIFF_RU = {"тариф"}  # a price in a column's comment ('Базовый тариф за ночь'), no money word of a request
PRICE_EN = {"price", "cost", "costs"}


def _mart_with(tokens: Sequence[Token], i: int) -> bool:
    """ "a mart with fuel spend per vehicle", «витрину с выручкой по залам»: «с»/"with" right after the
    mart's own noun says what the mart holds, no filter of rows."""
    return (
        i > 0
        and tokens[i].lower in ("with", "с", "со")
        and (_ru(tokens[i - 1], TRIGGER_RU) or _en(tokens[i - 1], TRIGGER_EN))
    )


def _cut_at(tokens: Sequence[Token], i: int) -> bool:
    """«в разрезе станций», «с разбивкой по дням»: the preposition of a cut noun opens the grouping, as «по»
    does (marts97: «Стоимость работ … в разрезе станций» had no words before a grouping to read)."""
    return (
        tokens[i].lower in ("в", "с", "со")
        and i + 1 < len(tokens)
        and bool(tokens[i + 1].lemmas & CUT_WORDS or tokens[i + 1].lower in CUT_WORDS)
    )


def _sole_word_comment(column: Column, word: Token) -> bool:
    """The column's comment, before its unit or gloss, is this one word ('Скидка, руб.' of «скидки»)."""
    own = _comment_head_words(column)
    return len(own) == 1 and bool(own[0].lemmas & word.lemmas or own[0].lower == word.lower)


def _listed_whole_comments(
    tokens: Sequence[Token],
    subject: Sequence[int],
    whole: Sequence[tuple[Table, Column]],
    numeric: Sequence[tuple[Table, Column]] = (),
) -> list[tuple[int, Table, Column]]:
    """«Стоимость работ и стоимость запчастей по …» (labor_amount 'Стоимость работ', parts_amount 'Стоимость
    запчастей'): a list of items («и», "and", ",") each of which says one numeric column's whole comment and
    no other's names those columns, one sum each (marts97: the words named no single column and the mart
    counted rows). [] unless every item says exactly one column of one table. An item of one word may say a
    one-word comment of a column of the table the other items' comments name («Стоимость доставки и скидки»:
    delivery_fee, discount 'Скидка, руб.'; marts105)."""
    groups: list[list[int]] = [[]]
    for k in subject:
        if tokens[k].lower in LIST_JOINERS:
            groups.append([])
        elif groups[-1] and k != groups[-1][-1] + 1:
            groups.append([k])
        else:
            groups[-1].append(k)
    groups = [g for g in groups if g]
    spelled = {
        t.qualified_name for t, c in whole if any(_says_comment(c, [tokens[k] for k in g]) for g in groups)
    }
    found: list[tuple[int, Table, Column]] = []
    for group in groups:
        said = [tokens[k] for k in group]
        items = [(t, c) for t, c in whole if _says_comment(c, said)]
        if not items and len(group) == 1 and len(spelled) == 1:
            items = [
                (t, c) for t, c in numeric if t.qualified_name in spelled and _sole_word_comment(c, said[0])
            ]
        if len(items) != 1:
            return []
        table, column = items[0]
        found += [(k, table, column) for k in group if _comment_word(column, tokens[k])]
    if len(groups) < 2 or len({t.qualified_name for _, t, _ in found}) != 1:
        return []
    return found


def _past_bracket(tokens: Sequence[Token], k: int) -> int:
    """The word after the bracket that follows word `k` («зарплата (gross) и …») or that word `k` closes
    («(gross) и …»): a bracket naming the column stands between a listed measure word and «и» (marts107);
    -1 when no bracket follows."""
    if k + 1 < len(tokens) and tokens[k + 1].text == ")":
        return k + 2
    if k + 1 < len(tokens) and tokens[k + 1].text == "(":
        shut = next((j for j in range(k + 2, min(len(tokens), k + 6)) if tokens[j].text == ")"), None)
        return -1 if shut is None else shut + 1
    return -1


def _short_stop_word(token: Token) -> bool:
    """A preposition or conjunction of one or two letters («в», «с», «и», "of"): it names no column, though a
    column's comment may hold it ('Позиций в заказе')."""
    return len(token.lower) <= 2 and token.lower in STOP_WORDS


def _pieces_beside_currency_sum(ph: MartPhrase, fact: Table, m: MeasureWord) -> str | None:
    """«сумма в рублях и (общее) количество»: a bare «количество» listed with a sum said in a currency is the
    quantity column's sum, the unit telling money from pieces; with no unit («сумма и количество по
    регионам», round14) the rows are counted."""
    tokens = ph.tokens
    if m.object or m.column_ref or m.units or tokens[m.index].lemma != "количество":
        return None
    in_currency = any(
        o.func == "sum"
        and o.index + 2 < m.index
        and tokens[o.index + 1].lower == "в"
        and tokens[o.index + 2].lemma in CURRENCY_RU
        for o in ph.measures
    )
    if not in_currency:
        return None
    # quantity numeric(12,3) of materials delivered by weight is the pieces' column too, though no integer
    named = [c.name for c in _numeric_columns(fact) if c.name.lower() in ("quantity", "qty")]
    return _quantity_column(fact) or (named[0] if len(named) == 1 else None)


def _participle_instrument(tokens: Sequence[Token], k: int) -> bool:
    """«оплаченные бонусами», «проданные картой»: a Russian noun in the instrumental right after a participle
    says how the rows' event happened (a value of the fact), never a column to sum (members.bonus_balance)."""
    if k == 0 or tokens[k].lang != "ru" or not _participle(tokens[k - 1]):
        return False
    return any(p.case == "ablt" for p in tokens[k].parses[:1])


LIST_WINDOW = 12  # words looked back from a grain adverb for the «и» of a list


def _listed_before_grain(tokens: Sequence[Token], i: int) -> bool:
    """«литры и сумма посуточно», "liters and amount weekly": a grain adverb right after a list of at least
    two items (an «и»/"and" before it in its clause) closes the list as «по»/"by" does (marts121); a grain
    adverb opening its clause ("Daily liters by vehicle") or after one word («Выручка посуточно») closes
    nothing."""
    if tokens[i].lower not in GRAIN_ADVERBS_RU and tokens[i].lower not in GRAIN_ADVERBS_EN:
        return False
    for j in range(i - 1, max(-1, i - LIST_WINDOW), -1):  # a bounded look back: linear on long inputs
        if tokens[j].lang == "punct" or tokens[j].lower in DIM_PREPS_RU | DIM_PREPS_EN:
            return False
        if tokens[j].lower in ("и", "and"):
            return j < i - 1
    return False


def _subject_ends(tokens: Sequence[Token], i: int) -> bool:
    """Where the words naming the measures end: «по»/"by"/"per", a cut noun's preposition, or a grain adverb
    closing a list («литры и сумма посуточно»)."""
    return (
        tokens[i].lower in DIM_PREPS_RU | DIM_PREPS_EN
        or _cut_at(tokens, i)
        or _listed_before_grain(tokens, i)
    )


def _measure_end(ph: MartPhrase, ground: _Ground, m: MeasureWord) -> int:
    """The last word of a measure: its object's, or a numeric column's own name right after an object-less
    measure word («сумма duration_min», written by the unit rules from «длительность в минутах»), else the
    measure word itself."""
    if m.object:
        return m.object[-1]
    k = m.index + 1
    if k < len(ph.tokens) and any(ph.tokens[k].text in _numeric_names(t) for t in ground.tables):
        return k
    return m.index


def _opens_item(tokens: Sequence[Token], k: int) -> bool:
    """The word opens a list item: right after a colon, a comma or «и»/"and"."""
    return tokens[k - 1].text in (":", ",") or tokens[k - 1].lower in LIST_JOINERS


def _units_restating(tokens: Sequence[Token], by_word: dict[int, str]) -> list[int]:
    """«Пробег в км», "distance in km": a unit after «в»/"in" right after the word naming the same column is
    that column's unit, no second word naming it (marts121: two words naming one column made a list asked)."""
    return [
        k
        for k, name in by_word.items()
        if k >= 2 and tokens[k - 1].lower in IN_UNIT_PREPS and by_word.get(k - 2) == name
    ]


def _subject_measure(ph: MartPhrase, ground: _Ground, listed_only: bool = False) -> None:
    """No measure word, but the words before «по»/"by"/"per" name numeric columns: "Hours worked per
    project", "Invoice amount by diagnosis", «Отработанные часы по проектам», «литры и деньги по госномеру»,
    "gross and net pay per month" -> the sum of each (a count needs a counted noun: "Visits per doctor").
    A participle next to the column's word ("worked", «отработанные») only describes it; a money word
    («деньги», "spend") is the one money column of that table the other words did not name."""
    tokens = ph.tokens
    end = next((i for i in range(len(tokens)) if _subject_ends(tokens, i)), None)
    if end is None:
        return
    titled = _title_nouns(tokens)
    # "Refuels per vehicle model monthly: liters": the words after a colon past the grouping name the measure
    colon = max((i for i, t in enumerate(tokens) if t.text == ":"), default=-1)
    tail_end = next(
        (i for i in range(colon + 1, len(tokens)) if _listed_before_grain(tokens, i)), len(tokens)
    )
    tail = list(range(colon + 1, tail_end)) if colon > end and not listed_only else []
    if listed_only:  # "…: count and households affected": a word after «и»/"and" right after a measure word
        ends = {_measure_end(ph, ground, m) for m in ph.measures}
        listed = [
            k
            for k in range(end + 1, len(tokens))
            if tokens[k - 1].lower in ("и", "and", "&") and k - 2 in ends
        ]
        tail = sorted(
            {j for k in listed for j in (k, k + 1) if j == k or (j < len(tokens) and _participle(tokens[j]))}
            # «Заправки по картам: литры и сумма посуточно»: a one-word item opening the list after a titled
            # grouping's colon (no word inside another item: «вес нетто в тоннах и средняя влажность»)
            | {k for k in range(colon + 1, tail_end) if colon > end and _opens_item(tokens, k)}
        )
    subject = [
        k for k in [*range(end), *tail]
        if k not in ph.used and tokens[k].lang in ("ru", "en")
        and not _short_stop_word(tokens[k])  # «в» of «Заказы в кинобаре» ~ 'Позиций в заказе' (marts114)
        and not _participle_instrument(tokens, k)  # «оплаченные бонусами»: how, a value (marts114)
        and not any(a <= tokens[k].start < b for a, b in ph.schedule_spans)  # «каждые 5 минут»: the schedule
        and not _comparison_follows(tokens, k)  # «с суммой свыше 2000», "with distance over 200": a filter
        and not _value_after_column_name(ground, tokens, k)  # «сумма liters бензина»: a condition (marts119)
        and not (k > 0 and tokens[k - 1].lower in FILTER_CUES and not _mart_with(tokens, k - 1))
        and not (k > 1 and tokens[k - 1].lower in ("the", "a") and tokens[k - 2].lower in FILTER_CUES)
    ]  # fmt: skip
    if listed_only:  # measures named already: only a column word listed with one of them is another
        cues = {k for m in ph.measures for k in (m.index, *m.object, _measure_end(ph, ground, m))}
        subject = [
            k for k in subject
            if any(0 <= j < len(tokens) and tokens[j].lower in LIST_JOINERS and cues & {j - 1, j + 1}
                   for j in (k - 1, k + 1, _past_bracket(tokens, k)))
        ]  # fmt: skip
    named_tables = {t.qualified_name for k in subject if (t := ground.table_of(tokens[k])) is not None}
    # "kwh consumption … from telemetry": the table named after «из»/"from" holds the column words
    named_tables |= {t.qualified_name for k in ph.sources if (t := ground.table_of(tokens[k])) is not None}
    found: list[tuple[int, Table, Column]] = []
    qualifiers = set()  # «Премии» of premium_payments ('Платежи страховой премии'): maybe policies.premium
    for k in subject:
        if (named := ground.table_of(tokens[k])) is not None:
            if not _qualifies_comment_only(ground, named, tokens[k]):
                continue
            qualifiers.add(k)
        # "Tickets sold per hall type": a participle right after a table's noun is what happened to its rows
        # (the grain's event), no column of another table (screenings.seats_sold)
        owner = ground.table_of(tokens[k - 1]) if k > 0 and _participle_en(tokens[k]) else None
        for table in ground.tables:
            if owner is not None and table is not owner:
                continue
            for c in ground.columns_named(table, [tokens[k]]):
                if c.name in _numeric_names(table):
                    found.append((k, table, c))
    if named_tables:
        found = [f for f in found if f[1].qualified_name in named_tables] or found
    said = [tokens[k] for k in subject]  # «Стоимость зарядок по …»: the whole of 'Стоимость зарядки, руб.'
    whole = [
        (t, c)
        for t in ground.tables
        for c in t.columns
        if c.name in _numeric_names(t) and _says_comment(c, said)
    ]
    if len(whole) == 1 and not ph.measures:
        spelled_table, spelled = whole[0]
        found = [(k, spelled_table, spelled) for k in subject if _comment_word(spelled, tokens[k])]
    numeric = [(t, c) for t in ground.tables for c in t.columns if c.name in _numeric_names(t)]
    listed_items = (  # «Наряды: стоимость работ и стоимость запчастей»: the title is no item (marts110)
        _listed_whole_comments(tokens, [k for k in subject if k not in titled], whole, numeric)
        if whole and not ph.measures
        else []
    )
    if listed_items:
        found = (
            listed_items  # «стоимость запчастей»: the column's comment, not the parts table the word names
        )
        qualifiers |= {k for k, _, _ in found if ground.table_of(tokens[k]) is not None}
    coverage: dict[tuple[str, str], set[int]] = {}
    for k, t, c in found:
        coverage.setdefault((t.qualified_name, c.name), set()).add(k)
    best = max((len(v) for v in coverage.values()), default=0)
    tops = [key for key, v in coverage.items() if len(v) == best]
    if best >= 2 and len(tops) == 1:  # "Refund amount": returns.refund_amount, not fuel_cards.amount
        found = [f for f in found if f[1].qualified_name == tops[0][0]]
    if not found and not ph.measures and (spent := _table_money_word(ph, ground, subject)) is not None:
        k, column = spent  # "fuel spend per vehicle": the one money column of the table the word before names
        ph.measures.append(MeasureWord("sum", k, column_ref=column, subject=True))
        ph.used.update({k - 1, k})
        return
    tables = {t.qualified_name for _, t, _ in found}
    if len(tables) > 1:  # «Пробег по курьерам»: routes.distance_km (it reaches couriers), not vehicles'
        holding = [f for f in found if _holds_dims(ph, ground, f[1])]
        if len({t.qualified_name for _, t, _ in holding}) == 1:
            found, tables = holding, {holding[0][1].qualified_name}
    if (
        len(tables) > 1
    ):  # «сумма сделок и комиссия агентства»: deals' 'Комиссия агентства', said whole (marts97)
        said_whole = [f for f in found if _says_comment(f[2], tokens[f[0] : f[0] + 3])]
        if len({t.qualified_name for _, t, _ in said_whole}) == 1:
            found, tables = said_whole, {said_whole[0][1].qualified_name}
            ph.used.update(
                j
                for k, _, c in said_whole
                for j in range(k + 1, min(k + 3, len(tokens)))
                if _comment_word(c, tokens[j])
            )
    if len(tables) > 1 and listed_only:  # «сумма сделок и комиссия»: the table the measure before names
        found, tables = _of_listed_measures_table(ph, ground, found, tables)
    if len(tables) > 1 and not ph.measures:
        # "Agency commission by agent": agents.commission_pct is a rate, never summed (no aggregate is said,
        # the subject is summed), so the one table whose column holds an amount is meant (deals)
        amounts = [f for f in found if not _rate_column(f[2])]
        if len({t.qualified_name for _, t, _ in amounts}) == 1:
            found, tables = amounts, {amounts[0][1].qualified_name}
            ph.fact_hint = ph.fact_hint or amounts[0][1]  # the amount's rows, not the rate's (agents)
    if len(tables) != 1:
        return
    table = found[0][1]
    columns = list(dict.fromkeys(c.name for _, _, c in found))
    if (
        len(columns) > 1
        and any(k in titled for k, _, _ in found)
        and not all(k in titled for k, _, _ in found)
    ):
        found = [f for f in found if f[0] not in titled]  # «Часы по отделам: ...»: the title is not a second
        columns = list(dict.fromkeys(c.name for _, _, c in found))
    by_word: dict[int, str] = {}
    for k, _, c in found:
        by_word.setdefault(k, c.name)
    restated = _units_restating(tokens, by_word)  # «Пробег в км и длительность»: «км» is the mileage's unit
    for k in restated:
        del by_word[k]
    if len(set(by_word.values())) != len(by_word) and len(columns) > 1 and not listed_items:
        return  # one word naming two columns: asked later
    money = [
        k
        for k in subject
        if k not in by_word
        and _word(tokens[k], MONEY_NOUNS_RU | MONEY_RU, MONEY_NOUNS_EN | MONEY_EN)
        and (not by_word or _listed(tokens, k))
    ]  # fmt: skip  (a money word next to a column word qualifies it: "gross and net pay")
    for k in money:
        left = [c for c in _money_columns(table) if c.name not in by_word.values() and _money_name(c)]
        if len(left) != 1:
            return
        by_word[k] = left[0].name
    for k in sorted(by_word):
        if by_word[k] in [m.column_ref for m in ph.measures]:
            ph.used.add(k)
            continue
        func = _carried_func(ph, k) if listed_only else "sum"  # «среднее кол-во взрослых и детей»: avg
        ph.measures.append(MeasureWord(func, k, column_ref=by_word[k], subject=True))
        ph.used.add(k)
        for j in (k - 1, k + 1):  # «Отработанные часы»: both words name hours ('Отработано часов')
            if 0 <= j < len(tokens) and j not in ph.used and j in subject and _participle(tokens[j]):
                ph.used.add(j)
    for k, _, _ in found:
        ph.used.add(k)
    ph.used.update(j for k in restated for j in (k - 1, k))
    for k, name in by_word.items():  # marts98: «Стоимость работ (labor_amount)»: the bracket restates it
        j = k + 1
        while j < len(tokens) and j in ph.used and tokens[j].lang != "punct":
            j += 1
        if j + 2 < len(tokens) and tokens[j].text == "(" and tokens[j + 2].text == ")":
            if tokens[j + 1].lower == name.lower():
                ph.used.update({j, j + 1, j + 2})
    for k, name in by_word.items():  # «обработанная площадь в гектарах» of area_ha: the column's unit
        j = k + 1
        while j in by_word:
            j += 1
        if (
            j + 1 < len(tokens)
            and tokens[j].lower in ("в", "in")
            and _unit_part(tokens[j + 1]) in name_parts(name)
        ):
            ph.used.update({j, j + 1})
        elif (
            j + 1 < len(tokens)
            and tokens[j].lower in ("в", "in")
            and SQUARE_PARTS & set(name_parts(name))
            and (square := _square_unit(tokens, j + 1))
        ):
            ph.used.update(range(j, j + 1 + square))  # marts98: «площадь в м²» of area_m2 (its unit)
    if qualifiers & set(by_word) and ph.fact_hint is None:
        ph.fact_hint = table  # the column's rows, not the ones whose comment the word only qualifies
    money_word = MONEY_NOUNS_RU | MONEY_RU, MONEY_NOUNS_EN | MONEY_EN
    ph.used.update(_title_money_restated(ph, colon, table, by_word))
    for k in subject:  # "gross and net pay": a money word right after the columns' words qualifies them
        if k - 1 in by_word and k not in by_word and _word(tokens[k], *money_word):
            ph.used.add(k)
        if k - 1 in by_word and k not in by_word and _word(tokens[k], AMOUNT_NOUNS_RU, AMOUNT_NOUNS_EN):
            ph.used.add(k)  # "kwh consumption", «литры расход»: the column's word says what is measured
        bracketed = k + 3 < len(tokens) and tokens[k + 1].text == "(" and tokens[k + 3].text == ")"
        if bracketed and k + 2 in by_word and k not in by_word and _word(tokens[k], *money_word):
            ph.used.add(k)  # "payroll cost (gross)": the bracket names the column the money word means


def _title_money_restated(ph: MartPhrase, colon: int, table: Table, by_word: dict[int, str]) -> set[int]:
    """ "Fuel card spend per vehicle: liters and amount", "Trip spend per car model: distance and total cost"
    (marts130): a money noun of the title before the colon ("spend", «затраты», «расходы») is restated by
    the money item listed after it, so it is read with the items, not asked; only when an item after the
    colon is a money column of the table or a measure said with a money word."""
    tokens = ph.tokens
    money_words = MONEY_NOUNS_RU | MONEY_RU, MONEY_NOUNS_EN | MONEY_EN
    money_after = any(
        k > colon and (c := table.column(name)) is not None and _money_name(c) for k, name in by_word.items()
    ) or any(
        m.index > colon and any(_word(tokens[k], *money_words) for k in (m.index, *m.object))
        for m in ph.measures
    )
    if colon < 0 or not money_after:
        return set()
    return {
        k
        for k in range(colon)
        if k not in ph.used and k not in by_word and _word(tokens[k], MONEY_NOUNS_RU, SPEND_EN)
    }


def _of_listed_measures_table(
    ph: MartPhrase, ground: _Ground, found: list[tuple[int, Table, Column]], tables: set[str]
) -> tuple[list[tuple[int, Table, Column]], set[str]]:
    """A column word listed after a measure of a named table's rows («сумма сделок и комиссия»: deals'
    'Комиссия агентства', not agents.commission_pct) is that table's column, when exactly one table holding
    the word is named by the other measures' words (marts130); else `found` unchanged."""
    named = {
        t.qualified_name
        for m in ph.measures
        for j in m.object
        if (t := ground.table_of(ph.tokens[j])) is not None
    }
    kept = [f for f in found if f[1].qualified_name in named]
    if len({t.qualified_name for _, t, _ in kept}) != 1:
        return found, tables
    return kept, {kept[0][1].qualified_name}


# Units a request says only of a column carrying them (area_ha, area_m2): a column without one is asked
SAID_UNITS_ONLY = frozenset({"m2", "ha"})


def _names_unit(column: Column, unit: str) -> bool:
    """The column's name carries the unit: duration_min of "min"; area_m2 or area_sqm of "m2" (marts98)."""
    parts = set(name_parts(column.name))
    return unit in parts or (unit == "m2" and bool(SQUARE_PARTS & parts))


def _carried_func(ph: MartPhrase, k: int) -> str:
    """The aggregate of a column word listed after a measure: «среднее кол-во взрослых и детей», "average
    distance and duration", «максимальное число взрослых и детей» carry the first measure's aggregate over
    «и»/"and" to the noun after it, in English and when, in Russian, the noun stands in the case of the
    measured noun before «и» (both genitive after «кол-во», both nominative). Otherwise a sum, as a column
    word alone is read."""
    tokens = ph.tokens
    if k < 2 or tokens[k - 1].lower not in ("и", "and"):
        return "sum"
    before = [m for m in ph.measures if (m.object[-1] if m.object else m.index) == k - 2]
    if len(before) != 1 or before[0].func not in CARRIED_FUNCS:
        return "sum"
    previous, word = tokens[k - 2], tokens[k]
    if word.lang == "en" and previous.lang == "en":
        return before[0].func
    cases = {p.case for p in previous.parses if p.case} & {p.case for p in word.parses if p.case}
    return before[0].func if word.lang == "ru" and before[0].object and cases else "sum"


def _listed(tokens: Sequence[Token], k: int) -> bool:
    """The word is an item of a list: «литры и деньги», "spend and liters" (a joiner next to it)."""
    return any(0 <= j < len(tokens) and tokens[j].lower in LIST_JOINERS for j in (k - 1, k + 1))


def _units_word_column(tokens: Sequence[Token], m: MeasureWord, fact: Table) -> str | None:
    """ "number of items", "how many items" of bar orders (items_count 'Позиций в заказе'): the units word a
    count is of is a part of the name of one integer column of the fact, no key, so that column counts
    them on each row and is summed; counting the orders would count no items (marts104). None when no
    column or several are named so (the units counted are the rows, «лиды … сколько штук»)."""
    words = [t for t in tokens[m.index + 1 : m.index + 4] if t.lang == "en" and t.lower not in ("of", "many")]
    if not words:
        return None
    said = stem(words[0].lower)
    found = [
        c.name
        for c in fact.columns
        if column_kind(c.type).family == "int" and not _key_column(fact, c) and said in name_parts(c.name)
    ]
    return found[0] if len(found) == 1 else None


def _summed_rate(measures: Sequence[dict[str, Any]], fact: Table) -> str | None:
    """The rate or score column a measure sums: adding up rates or scores means nothing, so it is asked."""
    for m in measures:
        column = fact.column(m["column"]) if m.get("func") == "sum" and m.get("column") else None
        if column is not None and _rate_column(column):
            return column.name
    return None


# Words for the money a row brings in as a whole: with several money columns, the row's total is meant.
REVENUE_RU = {"выручка", "чек", "оборот", "gmv"}
REVENUE_EN = {"revenue", "turnover", "gmv", "basket", "aov"}


# Money a row holds that is no takings of the business: a tip, a discount given, a bonus, a refund.
NOT_REVENUE_PARTS = frozenset({"tip", "discount", "bonus", "cashback", "refund"})
CHECK_NAME_PARTS = frozenset({"total", "amount", "sum", "order", "check", "bill", "gross", "price", "paid"})


def _check_column(table: Table, column: Column) -> bool:
    """A money column «чек» may name: the row's total, or one named only as an amount or a total (amount,
    total_amount), never a part of it or a money of its own (tip_amount, delivery_fee, discount)."""
    return column is _row_total(table) or set(name_parts(column.name)) <= CHECK_NAME_PARTS


def _part_of_row_total(table: Table, column: Column) -> bool:
    """A money column beside the row's total that is not it (subtotal 'Сумма позиций' beside total 'Итого к
    оплате'): a plain «сумма» naming it by its comment's word may mean either."""
    total = _row_total(table)
    return total is not None and column is not total and column in _money_columns(table)


def _own_rows_after_measure(
    ph: MartPhrase, ground: _Ground, fact: Table
) -> list[tuple[MeasureWord, list[int], bool]]:
    """Each «по <the fact's own noun>» right after measure words that name a numeric column of the fact: the
    measure, the group and whether another dimension follows it («… по полисам по продуктам»). The group says
    whose measure it is (the policies' premium), as marts36 reads it of another table, so it is no dimension
    (it grouped by sum_insured, which «полис» ~ "insurance" reached). A coordinated
    list («по складам и категориям») is dimensions still, and so is a noun that also names a text column of
    the fact («по складам»: warehouse; «по номерам» of rooms: room_number)."""
    tokens, found = ph.tokens, []
    for m in ph.measures:
        # «сумма по строкам по препаратам» of receipt_lines: a bare «сумма» is the lines' own 'Сумма строки'
        bare = [tokens[m.index]] if m.func == "sum" and not m.column_ref else []
        words = [tokens[k] for k in m.object] or bare
        if not words or not any(c.name in _numeric_names(fact) for c in ground.columns_named(fact, words)):
            continue
        last = max([m.index, *m.object])
        group = [last + 2]
        if group not in ph.dims or ground.table_of(tokens[last + 2]) is not fact:
            continue
        followed = ph.dims[-1] != group  # another dimension after it («… по полисам по продуктам»)
        if len(ph.dims) > 1 and not followed:
            continue
        if last + 3 < len(tokens) and tokens[last + 3].lower in LIST_JOINERS | {","}:
            continue  # «суммарный остаток по складам и категориям»: a list of dimensions (warehouse)
        named = ground.columns_named(fact, [tokens[last + 2]])
        if any(c.name not in _numeric_names(fact) and not (followed and _row_label(c)) for c in named):
            continue  # «по складам» of inventory: the warehouse column too, a dimension whatever follows
        found.append((m, group, followed))
    return found


def _sum_per_own_rows(
    ph: MartPhrase, ground: _Ground, fact: Table, own_rows: list[tuple[MeasureWord, list[int], bool]]
) -> tuple[str, list[str]] | None:
    """«сумма абонентской платы по тарифам», "total monthly fee by tariff": a sum of the fact's column «по
    <the fact's own noun>» and nothing after it is one total over every tariff (the source, marts40) or one
    per tariff over the rows that reference it (each subscriber's fee, the premiums paid per policy); when a
    table references the fact both readings exist, so the words and those tables, to ask. An average, min or
    max is the source's (per row it would be each row's own value), so is a sum with a dimension after it."""
    for m, group, followed in own_rows:
        if m.func != "sum" or followed:
            continue
        if referrers := _referring_tables(ground, fact):
            words = " ".join(ph.tokens[k].text for k in [m.index, *m.object, group[0] - 1, *group])
            return words, [t.name for t in referrers]
    return None


def _row_label(column: Column) -> bool:
    """A column that labels each row (room_number 'Номер комнаты', a code or a name): «средний тариф по
    номерам по типам» groups the rooms by type, never room by room and then by type."""
    from airflow_ai_etl.planning.offline import GENERIC_COLUMN_PARTS

    return bool(set(column.name.lower().split("_")) & (GENERIC_COLUMN_PARTS - {"id"}))


def _total_adjective_of_comment(ph: MartPhrase, fact: Table) -> None:
    """«средняя общая оценка» of reviews.rating 'Общая оценка от 1 до 5': a sum word («общая», «суммарная»)
    right after an average (or min, max) word with nothing of its own, whose noun after it begins exactly one
    numeric column's comment with it, is that comment's first word: the one measure is the average of that
    column (marts105: it was read as a sum beside a bare average and asked which rating)."""
    for first, second in zip(ph.measures, ph.measures[1:], strict=False):
        if (
            first.func not in ("avg", "min", "max")
            or first.object
            or first.column_ref
            or second.func != "sum"
        ):
            continue
        if second.index != first.index + 1 or second.object[:1] != [second.index + 1]:
            continue  # «общая площадь (объектов)»: the noun right after the sum word
        said = [ph.tokens[second.index], ph.tokens[second.index + 1]]
        found = [
            c
            for c in _numeric_columns(fact)
            if len(head := _comment_head_words(c)) >= 2
            and all(w.lemmas & t.lemmas for w, t in zip(head[:2], said, strict=True))
        ]
        if len(found) != 1:
            continue
        first.column_ref, first.object = found[0].name, [second.index, *second.object]
        ph.measures.remove(second)
        ph.used.update(first.object)
        return
    _extreme_adjective_of_column(ph, fact)


def _begins_column(column: Column, said: Sequence[Token]) -> bool:
    """The two words begin the column's comment ('Максимальная мощность, кВт') or its name (max_power_kw)."""
    head = _comment_head_words(column)
    if len(head) >= 2 and all(w.lemmas & t.lemmas for w, t in zip(head[:2], said, strict=True)):
        return True
    parts = column.name.lower().split("_")
    return len(parts) >= 3 and parts[:2] == [t.lower for t in said]


def _extreme_adjective_of_column(ph: MartPhrase, fact: Table) -> None:
    """marts108: "total max power in kW", «суммарная максимальная мощность» of stations.max_power_kw: a max
    (or min) word right after a sum word with nothing of its own, whose noun after it begins exactly one
    numeric column's comment or name with it, is that column's first word: the one measure is the sum of
    it (the max word took the noun and the sum asked which column)."""
    for first, second in zip(ph.measures, ph.measures[1:], strict=False):
        if first.func != "sum" or first.object or first.column_ref or second.func not in ("min", "max"):
            continue
        if second.index != first.index + 1 or second.object[:1] != [second.index + 1]:
            continue
        said = [ph.tokens[second.index], ph.tokens[second.index + 1]]
        found = [c for c in _numeric_columns(fact) if _begins_column(c, said)]
        if len(found) != 1:
            continue
        first.column_ref, first.object = found[0].name, [second.index, *second.object]
        first.unit = first.unit or second.unit
        ph.measures.remove(second)
        ph.used.update(first.object)
        return


def _other_measures_words(ph: MartPhrase, m: MeasureWord) -> set[int]:
    """The words of the measures listed beside `m`: each one's adjective before its cue, its cue, its object
    and the words after them up to the next list joiner, punctuation or «по»/"by" («сумма к выплате»). A
    bare measure word looking for its column by a comment word elsewhere in the request never takes another
    item's word (marts124: «суммарные часы и суммарные сверхурочные часы» summed overtime_hours once;
    «заявленная сумма и сумма к выплате» heard both columns for each «сумма» and was asked). An item said
    apart from `m`, past a dimension or grain phrase, keeps no words from it: «ФОТ по отделам помесячно
    (period), сумма начислено» says of what the payroll fund is summed (fixreg30b: mr-ru-13 was asked)."""
    tokens = ph.tokens
    spans = {id(o): _measure_item_span(ph, o) for o in ph.measures}
    words: set[int] = set()
    for o in ph.measures:
        if o is m or _shares_object(tokens, m, o) or not _listed_beside(ph, spans, m, o):
            continue
        words.update(range(*spans[id(o)]))
    return words - {m.index, *m.object}


def _measure_item_span(ph: MartPhrase, o: MeasureWord) -> tuple[int, int]:
    """The words of one measure item, as a range: its adjective before the cue, the cue, its object and the
    words after them up to the next cue, list joiner, punctuation or «по»/"by" («заявленная сумма»,
    «сумма к выплате»)."""
    tokens = ph.tokens
    cues = {x.index for x in ph.measures}
    start = o.index
    before = tokens[start - 1] if start > 0 else None
    if before is not None and before.lang == "ru" and before.parses[:1] and before.parses[0].pos == "ADJF":
        start -= 1  # «заявленная сумма»: the adjective says which sum
    end = max([o.index, *o.object]) + 1
    while (
        end < len(tokens)
        and end not in cues
        and tokens[end].lang in ("ru", "en")
        and tokens[end].lower not in LIST_JOINERS | DIM_PREPS_RU | DIM_PREPS_EN
    ):
        end += 1
    return start, end


def _listed_beside(ph: MartPhrase, spans: dict[int, tuple[int, int]], m: MeasureWord, o: MeasureWord) -> bool:
    """`m` and `o` are items of one list: only list joiners, punctuation and other items' words lie between
    them («суммарные часы и суммарные сверхурочные часы»), no dimension or grain phrase («ФОТ по отделам
    помесячно, сумма начислено»: the later item restates the earlier one)."""
    first, last = sorted((spans[id(m)], spans[id(o)]))
    items = {k for a, b in spans.values() for k in range(a, b)}
    return all(
        k in items or ph.tokens[k].lang == "punct" or ph.tokens[k].lower in LIST_JOINERS
        for k in range(first[1], last[0])
    )


def _shares_object(tokens: Sequence[Token], m: MeasureWord, o: MeasureWord) -> bool:
    """«Средняя и максимальная зарплата к выплате»: two cues of one object (or an adjective cue with no object
    of its own, only a list joiner before the next measure's cue) measure the same words."""
    if set(m.object) & set(o.object):
        return True
    cue = tokens[m.index]
    return (
        not m.object
        and m.index < o.index
        and all(t.lower in LIST_JOINERS for t in tokens[m.index + 1 : o.index])
        and cue.lang == "ru"
        and bool(cue.parses)
        and cue.parses[0].pos == "ADJF"
    )


def _measures(
    ph: MartPhrase, ground: _Ground, fact: Table, ask: Any
) -> tuple[list[dict[str, Any]], list[str]]:
    tokens = ph.tokens
    measures: list[dict[str, Any]] = []
    questions: list[str] = []
    if not ph.measures:
        # "Leads per source per week": a table noun grouped by something counts its rows; a «витрина
        # продаж по регионам» names no measure at all (sum of what? count?), so it is asked about.
        # With «витрина»/"mart" and no measure word, a count is read only for a table without numbers
        # whose rows are events («Витрина проходов по дверям») or spread over time («Витрина регистраций
        # пользователей по неделям»); a register of people or things grouped by categories only
        # («Витрина лидов по источникам») is asked, not guessed (marts_e W4).
        if (collected := _collected_money(ph, ground, fact)) is not None:
            return collected  # "premium payments collected per week": the money collected
        if (by_name := _leading_words_name_column(tokens, fact)) is not None:
            ph.used |= set(range(len(name_parts(by_name))))  # the leading words, read as the column
            return [{"func": "sum", "column": by_name}], []  # "cooked orders per station": orders_cooked
        if _rate_of_fact(ph, ground, fact):
            return [{"func": "count"}], []  # "orders per day mart"
        trigger = any(_ru(t, TRIGGER_RU) or _en(t, TRIGGER_EN) or t.lower == "report" for t in tokens)
        rows_only = not _numeric_columns(fact) and (ph.grain is not None or not _register(fact))
        headed = any(_fact_noun_grouped(tokens[k:], ground, fact) for k in _clause_heads(tokens))
        if (not trigger or rows_only or headed) and (ph.dims or ph.grain):
            return [{"func": "count"}], []  # rows are all there is to aggregate
        return [], [ask("no_measure")]
    _column_count_word(ph, ground, fact)  # "average page count": avg(pages), no row count beside it
    _total_adjective_of_comment(ph, fact)  # «средняя общая оценка»: avg(rating) 'Общая оценка …'
    for m in ph.measures:
        if m.column_ref:
            func = "sum" if _how_much_of_column(ph, ground, fact, m) else m.func
            if func == "count" and m.object and _amount_column(fact, m.column_ref):
                # «Сколько заказов (total)»: the noun counts rows, the bracket names an amount (a sum?)
                word = _words_of(tokens, m.object)
                return [], [ask("sum_or_count", word=word, table=fact.name, column=m.column_ref)]
            keys = {x.lower() for x in fact.primary_key}
            holders = _tables_with_column(ground, m.column_ref)
            if func == "count" and m.object and fact not in holders and holders:
                # «Сколько клиентов (customer_id)»: customers lack customer_id; the tables having it are asked
                tables = ", ".join(t.name for t in holders)
                return [], [ask("column_elsewhere", table=fact.name, column=m.column_ref, tables=tables)]
            if func == "count" and m.object and m.column_ref.lower() not in keys:
                # «Сколько заказов (customer_id)»: the orders, or the distinct customers? (the key «(id)»
                # names the rows themselves)
                word = _words_of(tokens, m.object)
                return [], [ask("rows_or_distinct", word=word, table=fact.name, column=m.column_ref)]
            measures.append({"func": func, "column": m.column_ref})
            continue
        object_words = [  # «сумма оплаченных платежей», "total succeeded payments": the state is no column
            tokens[k] for k in m.object if not _listed_state_of_measured(ground.planner, fact, m, k, tokens)
        ]
        if _money_from_own_rows(ph, ground, fact, m):
            object_words = []  # «выручка с зарядок» of 'Сессии зарядки': the fact's money, no «зарядок»
        cue = tokens[m.index]
        column: Column | None = None
        named = ground.columns_named(fact, object_words) if object_words else []
        if _average_number_of_rows(ph, ground, m, named):  # "average number of orders per customer"
            columns = ", ".join(c.name for c in _numeric_columns(fact))
            return [], [ask("which_column", table=fact.name, func="avg", columns=columns)]
        if m.func == "count" and (how_much := _how_much_column(ph, fact, m)) is not None:
            measures.append({"func": "sum", "column": how_much.name})  # «сколько начислено»
            continue
        if m.func == "count" and (quantity := _pieces_beside_currency_sum(ph, fact, m)) is not None:
            measures.append({"func": "sum", "column": quantity})  # «сумма в рублях и количество» (marts114)
            continue
        if m.func == "count" and len(named) != 1 and len(object_words) == 1 and ground.table_of(cue) is None:
            # «сколько упаковок» of receipt lines: 'Количество, упаковок' counts the noun, 'Цена за упаковку'
            # only prices one: the column that is a number of the noun is summed
            lemmas = object_words[0].lemmas
            said = [c for c in _numeric_columns(fact) if _comment_lemmas(c.comment or "") & lemmas]
            pieces = [c for c in said if _counts_pieces(c) and not _key_column(fact, c)]
            if len(said) > 1 and len(pieces) == 1 and ground.table_of(object_words[0]) is None:
                measures.append({"func": "sum", "column": pieces[0].name})
                continue
        if m.func == "count":
            unit_cols = [  # "number of vacation days", «число дней отпуска»: a unit noun naming a column
                c.name
                for w in object_words
                if (_grain_noun(w) or _unit_part(w)) and ground.table_of(w) is None
                for c in [*ground.columns_named(fact, [w]), fact.column(f"{_grain_noun(w)}s")]
                if c is not None and column_kind(c.type).numeric and not c.name.endswith("_id")
            ]
            if len(set(unit_cols)) == 1:
                measures.append({"func": "sum", "column": unit_cols[0]})
                continue
            one_word = object_words[0] if len(object_words) == 1 else None
            if (
                one_word is not None
                and (counted_unit := _counted_unit_column(ground, fact, one_word)) is not None
            ):
                measures.append({"func": "sum", "column": counted_unit.name})  # «сколько миль»: the miles
                continue
            counted = ground.table_of(object_words[0]) if object_words else None
            if (
                counted is None
                and len(object_words) > 1
                and (_attribute(object_words[0]) or _means_listed_value(object_words[0], fact))
            ):  # "number of overdue loans": the state of the loans counted, never a sum of overdue_days
                counted = ground.table_of(
                    object_words[1]
                )  # «число занятых коек»: the noun after the adjective
            sold = any(w.lemma in SOLD_LEMMAS or w.lower == "sold" for w in tokens)
            if counted is not None and counted is not fact and sold and _quantity_column(fact):
                measures.append({"func": "sum", "column": _quantity_column(fact)})  # «товаров продано»
                continue
            if m.units or (
                named
                and counted is None  # "number of beds": a table noun counts its rows (not a sum of bed_no)
                and column_kind(named[0].type).numeric
                and not named[0].name.endswith("_id")
            ):
                qty = _quantity_column(fact)
                unit = named[0] if named and column_kind(named[0].type).numeric else None
                if unit is not None and not _is_quantity_word(object_words[0]) and not m.units:
                    measures.append({"func": "sum", "column": unit.name})  # «сколько часов отработано»
                    continue
                counting = _word(cue, COUNT_RU, COUNT_EN | {"many"}) or _slang_count(tokens, m.index)
                if qty is None and m.units and (units_of := _units_word_column(tokens, m, fact)) is not None:
                    measures.append({"func": "sum", "column": units_of})  # "number of items": items_count
                    continue
                if qty is None and m.units and counting:  # «скока штук»: slang counts as «сколько»
                    measures.append({"func": "count"})  # «лиды ... сколько штук»: no pieces column, rows
                    continue
                if qty is None:
                    columns = ", ".join(c.name for c in _numeric_columns(fact))
                    questions.append(ask("which_column", func="sum", table=fact.name, columns=columns))
                    continue
                measures.append({"func": "sum", "column": qty})
                continue
            if (key := _people_beside_rows(ph, ground, fact, m, counted)) is not None:
                measures.append({"func": "count_distinct", "column": key})  # «… и число читателей»
                continue
            measures.append({"func": "count"})
            continue
        if m.func == "count_distinct":
            target = None
            for w in _head_first(object_words, tokens):
                other = ground.table_of(w)
                if other is not None and other is not fact:
                    target = _fk_column(fact, other)
                    break
                cols = ground.columns_named(fact, [w])
                if cols:
                    target = cols[0].name
                    break
            if (
                target is None
                and cue.lower in ("dau", "mau", "wau")
                or (target is None and any(w.lower == "active" for w in tokens))
            ):
                users = [t for t in ground.tables if stem("user") in name_parts(t.name)]
                target = _fk_column(fact, users[0]) if users else None
            if target is None:
                questions.append(ask("distinct_what", table=fact.name))
                continue
            measures.append({"func": "count_distinct", "column": target})
            continue
        # sum / avg / min / max
        if (joined := _joined_words_column(ph, fact, m)) is not None:  # "interest rate": interest_rate
            measures.append({"func": m.func, "column": joined})
            continue
        if object_words and (with_cue := _spelled_with_cue(ground, fact, [cue, *object_words])) is not None:
            measures.append({"func": m.func, "column": with_cue.name})  # "total seats": seats_total
            continue
        generic = object_words and all(_word(w, GENERIC_VALUE_RU, GENERIC_VALUE_EN) for w in object_words)
        if generic and (value := _generic_value_column(fact, object_words)) is not None:
            measures.append({"func": m.func, "column": value.name})  # «среднее значение»: results.value
            continue
        spelled_by_genitive = _spelled_by_genitive(fact, tokens, m)
        if len(spelled_by_genitive) == 1:  # «средняя оценка еды»: food_rating 'Оценка еды', never rating
            measures.append({"func": m.func, "column": spelled_by_genitive[0].name})
            continue
        if len(spelled_by_genitive) > 1:  # two comments spelled alike: which one is asked, never guessed
            questions.append(ask("which_column", func=m.func, table=fact.name,
                                 columns=", ".join(c.name for c in spelled_by_genitive)))  # fmt: skip
            continue
        if len(unspelled := _genitive_spells_none(ground, fact, tokens, m)) > 1:
            # «средняя оценка обслуживания» of 'Общая оценка', 'Оценка еды', 'Оценка доставки': the genitive
            # names none of the «оценки», so which one is asked (the overall one was a confident guess)
            questions.append(ask("which_column", func=m.func, table=fact.name,
                                 columns=", ".join(c.name for c in unspelled)))  # fmt: skip
            continue
        by_said_unit = [c for c in _numeric_columns(fact) if m.unit and m.unit in name_parts(c.name)]
        if (
            len(by_said_unit) == 1
        ):  # «средний расход кВт·ч»: the unit said names the column, «расход» is no cost
            measures.append({"func": m.func, "column": by_said_unit[0].name})
            continue
        if _priced(cue, object_words) and not any(_money_name(c) for c in _numeric_columns(fact)):
            words = _words_of(tokens, [m.index, *m.object])
            questions.append(ask("no_money", func=m.func, table=fact.name, words=words))
            continue  # «средняя стоимость визита» of visits: duration_min is no cost, never its only number
        unit_part = m.unit or next((u for w in object_words if (u := _unit_part(w))), None)  # "total minutes"
        if unit_part:
            by_unit = [c for c in _numeric_columns(fact) if _names_unit(c, unit_part)]
            if not by_unit and unit_part in SAID_UNITS_ONLY:  # marts98: «площадь в гектарах» of area_m2
                columns = ", ".join(c.name for c in _numeric_columns(fact))
                questions.append(ask("which_column", func=m.func, table=fact.name, columns=columns))
                continue
            if len(by_unit) == 1:
                measures.append({"func": m.func, "column": by_unit[0].name})
                continue
        if m.func == "sum" and (m.units or any(_is_quantity_word(w) for w in object_words)):
            qty = _quantity_column(fact)
            if qty is None and m.units:  # marts98: "total items": items_count
                qty = _pieces_column(fact, tokens)
            if qty:
                measures.append({"func": "sum", "column": qty})
                continue
            if m.units:  # "items total per category" of products: no pieces column, never the sum of price
                questions.append(ask("no_pieces", table=fact.name, word=tokens[m.index].text))
                continue
        if m.units and m.func in ("avg", "min", "max") and _priced(cue, object_words):
            # "average unit price in pieces": a price is no count of pieces, asked (marts98's guard, reached
            # once planner151 let "dish" name the food catalog's tables)
            columns = ", ".join(c.name for c in _numeric_columns(fact))
            questions.append(ask("which_column", func=m.func, table=fact.name, columns=columns))
            continue
        if m.units and m.func in ("avg", "min", "max"):  # «средний размер продажи в штуках»: of the pieces
            qty = _quantity_column(fact) or _pieces_column(fact, tokens)  # "average items": items_count
            if qty is None:
                columns = ", ".join(c.name for c in _numeric_columns(fact))
                questions.append(ask("which_column", func=m.func, table=fact.name, columns=columns))
                continue
            measures.append({"func": m.func, "column": qty})
            continue
        bare = not object_words and not m.column_ref and not m.subject and not _word(cue, MONEY_RU, MONEY_EN)
        if bare and m.func in ("avg", "min", "max") and len(_numeric_columns(fact)) > 1:
            questions.append(ask("which_column", func=m.func, table=fact.name,
                                 columns=", ".join(c.name for c in _numeric_columns(fact))))  # fmt: skip
            continue  # «среднее по курьерам» of routes (stops or distance_km): a bare average asks
        placed = _placed_comment_column(ph, fact, m, object_words)
        both = [c for c in _numeric_columns(fact) if all(_comment_word(c, w) for w in object_words)]
        if placed is None and len(object_words) > 1 and len(both) > 1:
            questions.append(ask("which_column", func=m.func, table=fact.name,
                                 columns=", ".join(c.name for c in both)))  # fmt: skip
            continue  # «средний заряд батареи»: at the start or at the end ('Заряд батареи в начале/конце')?
        if placed is not None:  # «средний заряд батареи в конце зарядки»: end_soc 'Заряд батареи в конце, %'
            measures.append({"func": m.func, "column": placed.name})
            if (second := _second_placed_column(ph, fact, m, object_words, placed)) is not None:
                measures.append({"func": m.func, "column": second.name})  # «… в начале и в конце»
            continue
        explicit = [c for c in named if any(c.name.lower() == w.lower for w in object_words)]
        # «Сумма счетов пациентам»: a table noun names its key (patient_id), never an amount to sum
        named = [c for c in named if c in explicit or not _key_column(fact, c)]
        textual = [  # «сумма регионов», «средний статус»: a text column named by its word, asked about
            c
            for w in object_words
            if ground.table_of(w) is None and not _word(w, MONEY_RU | UNITS_RU, MONEY_EN | UNITS_EN)
            for c in ground.columns_named(fact, [w])
            if not column_kind(c.type).numeric and not column_kind(c.type).temporal
        ]
        if explicit:
            column = explicit[0]  # named as written: a text column is the resolver's question
        elif textual and not (named and column_kind(named[0].type).numeric):
            column = textual[0]
        elif named and column_kind(named[0].type).numeric and not _key_name(named[0].name):
            column = named[0]  # "average loan payment": not loan_id, a key named by "loan"
        else:
            numeric_named = [
                c
                for w in object_words
                for c in ground.columns_named(fact, [w])
                if column_kind(c.type).numeric and not _key_column(fact, c)
            ]
            if len({c.name for c in numeric_named}) == 1:
                column = numeric_named[0]
        if column is None:
            money_word = (
                _word(cue, MONEY_RU, MONEY_EN)
                or _en(cue, {"gross", "net"})
                or any(
                    _word(w, MONEY_RU | MONEY_NOUNS_RU | CURRENCY_RU, MONEY_EN | SPEND_EN | CURRENCY_EN)
                    for w in object_words
                )
            )  # «на сколько рублей»: a currency is money too
            money = _money_columns(fact)
            numeric = _numeric_columns(fact)
            named_money = [c for c in money if _money_name(c)]
            fact_row = any(ground.table_of(w) is fact for w in object_words) and m.func in (
                "min",
                "max",
                "avg",
            )
            if _sum_or_count(m, object_words, ground, fact):
                questions.append(ask("sum_or_count", word=cue.text, table=fact.name, column=numeric[0].name))
                continue  # "calls per subscriber, sum": of duration_sec, or the calls counted?
            checked = any(_ru(w, {"чек"}) for w in [cue, *object_words])
            # «Выручка по породам» of pets: weight_kg 'Вес, кг' (decimal) is no takings; asked (marts120)
            no_takings = any(_word(w, REVENUE_RU, REVENUE_EN) for w in [cue, *object_words]) and all(
                _unit_amount(fact, c) for c in money
            )
            if money and any(_word(w, REVENUE_RU, REVENUE_EN) for w in [cue, *object_words]):
                # «Витрина доставок: выручка …»: tip_amount is the courier's tip, no revenue of the deliveries
                takings = named_money or money
                checked = checked or all(set(name_parts(c.name)) & NOT_REVENUE_PARTS for c in takings)
            if checked and not any(_check_column(fact, c) for c in money):
                words = _words_of(tokens, [m.index, *m.object])
                columns = ", ".join(c.name for c in money) or "-"
                questions.append(ask("no_check", func=m.func, table=fact.name, words=words, columns=columns))
                continue  # «средний чек» of deliveries: tip_amount is a tip, never the order's check
            if no_takings:
                column = None
            elif (money_word or fact_row) and len(money) == 1:
                column = money[0]  # «самая крупная продажа»: the sale's amount
            elif money_word and len(named_money) == 1:
                column = named_money[0]  # «литры и сумма»: amount, not liters (both decimal)
            elif money_word and len(money) > 1:
                # «выручка по видам ремонта», «средний чек» over labor, parts and total amounts: the total
                revenue = any(_word(w, REVENUE_RU, REVENUE_EN) for w in [cue, *object_words])
                column = _row_total(fact) if revenue else None
            elif len(numeric) == 1:
                column = numeric[0]
        # «Страховые суммы по каналам» of 'Страховая сумма': an adjective agreeing with the cue says which sum
        said_before = (
            [tokens[m.index - 1]]
            if m.index > 0
            and tokens[m.index - 1].lang == "ru"
            and tokens[m.index - 1].parses[:1]
            and tokens[m.index - 1].parses[0].pos == "ADJF"
            else []
        )
        if column is None and len(spelled := _spelled_columns(fact, [*said_before, cue, *object_words])) == 1:
            column = spelled[
                0
            ]  # «сумма заявленных убытков»: claimed_amount 'Заявленная сумма', not 'Сумма к выплате'
        if column is None:
            candidates = _money_columns(fact) or _numeric_columns(fact)
            others = _other_measures_words(ph, m)
            by_word = {
                k: c.name
                for c in candidates
                for k, w in enumerate(tokens)
                if w.lang == "ru"
                and k not in ph.grain_phrase  # «по месяцам заявления»: the time's, not 'Заявленная сумма'
                and k not in ph.grain_words  # «по дате заявления»: the date's words
                and k not in others  # «заявленная сумма и сумма к выплате»: each item's words are its own
                and (ground.columns_named(fact, [w]) == [c] or _comment_names(c, w))
                and not _shared_comment_word(w, candidates)
            }  # «сумма к выплате», «начисленной зарплаты»: a column comment ('К выплате', 'Начислено')
            if len(set(by_word.values())) == 1:
                chosen = fact.column(next(iter(by_word.values())))
                naming = [tokens[k] for k in by_word if k != m.index]  # the cue, or the fact's own noun
                if chosen is not None and not naming and _part_of_row_total(fact, chosen):
                    money_names = ", ".join(c.name for c in _money_columns(fact))
                    questions.append(ask("which_column", func=m.func, table=fact.name, columns=money_names))
                    continue  # «сумма по типам заказа»: 'Сумма позиций' or the total? (README: asked)
                if chosen is not None:  # «сумма броней»: only «сумма» reached total_amount (~ "total")
                    if amounts := _rows_sum_unsaid(m, cue, ground, fact, [*naming, *object_words], chosen):
                        questions.append(ask("which_column", func=m.func, table=fact.name,
                                             columns=", ".join(c.name for c in amounts)))  # fmt: skip
                        continue  # «Полисы: сумма по каналам»: 'Страховая сумма' repeats «сумма», no more
                first = next(iter(by_word.values()))
                if rivals := _same_root_rivals(fact, [tokens[k] for k in m.object], first):
                    columns = ", ".join([first, *rivals])  # «сумма оплат»: amount_due or amount_paid?
                    questions.append(ask("which_column", func=m.func, table=fact.name, columns=columns))
                    continue
                ph.used |= set(by_word)
                measures.append({"func": m.func, "column": first})
                continue
            if (own := _fact_noun_column(ground, fact, object_words, candidates)) is not None:
                measures.append({"func": m.func, "column": own})  # "sum of charges": 'Сумма начисления'
                continue
            if not candidates:  # «средний доход» of subscribers: no column to choose from, never «: -?»
                words = _words_of(tokens, [m.index, *m.object])
                questions.append(ask("no_numeric", func=m.func, table=fact.name, words=words))
                continue
            questions.append(ask("which_column", func=m.func, table=fact.name,
                                 columns=", ".join(c.name for c in candidates)))  # fmt: skip
            continue
        texty = [  # «средняя оценка» of grades: 'Оценка' is the text column mark; score was a synonym's guess
            c
            for w in object_words[:1]
            if w.lemmas & set(COLUMN_WORDS)  # the numeric column came from a synonym, not from the word
            for c in fact.columns
            if c.comment
            and not column_kind(c.type).numeric
            and not column_kind(c.type).temporal
            and _comment_names(c, w)
            and not _comment_names(column, w)
            and column.name.lower() != w.lower
        ]
        if texty:
            numeric_names = ", ".join(c.name for c in _numeric_columns(fact))
            questions.append(ask("which_column", func=m.func, table=fact.name, columns=numeric_names))
            continue  # (texty needs a numeric column: `column` is one, so the list is never empty)
        spelled = _spelled_columns(fact, [*said_before, cue]) if said_before else []
        spelled_whole = column.name in {c.name for c in spelled}  # «Страховые суммы»: no other sum asked
        if not spelled_whole and (amounts := _rows_sum_unsaid(m, cue, ground, fact, object_words, column)):
            questions.append(ask("which_column", func=m.func, table=fact.name,
                                 columns=", ".join(c.name for c in amounts)))  # fmt: skip
            continue  # «сумма полисов», "total of policies": the premium or the sum insured?
        if rivals := _same_root_rivals(fact, [tokens[k] for k in m.object], column.name):
            questions.append(ask("which_column", func=m.func, table=fact.name,
                                 columns=", ".join([column.name, *rivals])))  # fmt: skip
            continue  # «сумма оплат»: amount_due 'Сумма к оплате' or amount_paid 'Оплачено'?
        measures.append({"func": m.func, "column": column.name})
    unique = []
    for item in measures:
        if item not in unique:
            unique.append(item)
    return unique, questions


def _same_root_rivals(fact: Table, words: Sequence[Token], column: str) -> list[str]:
    """Other numeric columns of the fact whose comment says the measured Russian noun's root as a verb's form
    («оплат»: amount_paid 'Оплачено' of «оплатить» beside the chosen amount_due 'Сумма к оплате'): the noun
    names the act, and the amount planned for it and the amount done are both its sums, so neither is a
    confident reading (asked)."""
    roots = {stem(lemma) for w in words if w.lang == "ru" for lemma in w.lemmas}
    roots = {r for r in roots if len(r) >= 4}
    if not roots:
        return []
    return [
        c.name
        for c in _numeric_columns(fact)
        if c.name != column
        and not _key_column(fact, c)
        and roots
        & {stem(lemma) for lemma in _comment_lemmas(c.comment or "") if lemma.endswith(VERB_ENDINGS)}
    ]


# Infinitive endings: a comment's participle ('Оплачено') lemmatised to its verb (оплатить).
VERB_ENDINGS = ("ть", "ться", "ти", "чь")


def _column_count_word(ph: MartPhrase, ground: _Ground, fact: Table) -> None:
    """ "average page count", "max room count": "count" right after the object of another aggregate, where
    that noun names no table but one numeric column of the fact (pages 'Число страниц'), is the second word
    of the column's name: the count measure it would make is dropped. "average order count per customer"
    (a table's noun: rows per customer) keeps both, for the rules that ask."""
    drop: list[int] = []
    for m, nxt in zip(ph.measures, ph.measures[1:], strict=False):
        if m.func not in ("avg", "min", "max", "sum") or not m.object or m.column_ref:
            continue
        if nxt.func != "count" or nxt.object or nxt.column_ref or nxt.index != m.object[-1] + 1:
            continue
        words = [ph.tokens[k] for k in m.object]
        if any(ground.table_of(w) is not None for w in words):
            continue
        named = ground.columns_named(fact, words)
        if len(named) == 1 and column_kind(named[0].type).numeric and not _key_column(fact, named[0]):
            drop.append(nxt.index)
    if drop:
        ph.measures = [m for m in ph.measures if m.func != "count" or m.index not in drop]


def _rows_sum_unsaid(
    m: MeasureWord, cue: Token, ground: _Ground, fact: Table, object_words: Sequence[Token], column: Column
) -> list[Column]:
    """«сумма полисов по каналам», «Полисы: сумма по …», "total of policies": a sum whose only words are the
    function word and the fact's own rows says no money column. With two money columns that fit (premium and
    sum_insured; gross and net) the column a word of the table's name reached («страхования» ~ insured) or a
    comment merely repeating «сумма» ('Страховая сумма') is a guess: the money columns, to be asked; empty
    when a word names the column («Сумма кредита» of loans: the fact comment's head noun) or one fits."""
    if m.func != "sum" or m.column_ref or not _word(cue, SUM_FUNCTION_RU, SUM_FUNCTION_EN):
        return []
    if not all(ground.table_of(w) is fact or _fact_comment_names(fact, w) for w in object_words):
        return []
    amounts = [c for c in _money_columns(fact) if _money_name(c) and not _rate_column(c)]
    if len(amounts) < 2 or column not in amounts:
        return []
    if _fact_noun_column(ground, fact, object_words, amounts) == column.name:
        return []
    others = [c for c in amounts if c is not column]
    if any(_comment_names(column, w) and not any(_comment_names(c, w) for c in others) for w in object_words):
        return []  # «сумма заявленных убытков»: 'Заявленная сумма' of claims, not 'Сумма к выплате'
    return amounts


def _money_from_own_rows(ph: MartPhrase, ground: _Ground, fact: Table, m: MeasureWord) -> bool:
    """«выручка с зарядок» over 'Сессии зарядки': a money noun's «с» + noun (phrase._revenue_from) naming the
    fact's own rows says whose money it is, as a bare «выручка» of the fact does; the noun is no column to sum
    (a status value 'charging' it also means is no amount, marts117)."""
    tokens = ph.tokens
    if m.func != "sum" or not m.object:
        return False
    # «выручка с зарядок» (the money noun the cue), «суммарная выручка с зарядок» (the noun the object too)
    money = m.object[-2] if len(m.object) > 1 else m.index
    if m.object[-1] != money + 2 or any(k > money for k in m.object[:-1]):
        return False
    if tokens[money + 1].lower not in FROM_RU or not _ru(tokens[money], MONEY_RU - SUM_FUNCTION_RU):
        return False
    return _names_rows_of(ground, fact, tokens[m.object[-1]])


def _fact_comment_names(fact: Table, word: Token) -> bool:
    """A word of the fact table's own comment («страхования» of 'Страховые полисы (договоры страхования)')."""
    return bool(fact.comment and word.lang == "ru" and word.lemmas & _comment_lemmas(fact.comment))


def _shared_comment_word(word: Token, candidates: Sequence[Column]) -> bool:
    """«сумма» of claims, whose 'Заявленная сумма' and 'Сумма к выплате' both say it: the word names no one
    of the candidates (asked which), however one comment puts it first."""
    return sum(bool(c.comment and word.lemmas & _comment_lemmas(c.comment)) for c in candidates) > 1


def _priced(cue: Token, object_words: Sequence[Token]) -> bool:
    """«стоимость», «цена», "cost", "price", "spend", a currency: the measure is money by its noun (unlike
    the function words «сумма», "total", which sum any number): only a column named as money can hold it."""
    return any(
        _word(w, MONEY_NOUNS_RU | PRICE_RU | CURRENCY_RU, SPEND_EN | PRICE_EN | CURRENCY_EN)
        for w in [cue, *object_words]
    )


def _tables_with_column(ground: _Ground, name: str) -> list[Table]:
    """The tables of the catalog that have a column of this name (case-insensitive)."""
    return [t for t in ground.tables if any(c.name.lower() == name.lower() for c in t.columns)]


def _sum_or_count(m: MeasureWord, object_words: Sequence[Token], ground: _Ground, fact: Table) -> bool:
    """ "visits per doctor, sum", «Звонки по абонентам, итого»: a sum naming no column, over rows with no
    money and no quantity column and just one number (duration_min): that number is a guess, and a «total»
    of visits may as well be their count, so it is asked (money, "orders …, total", is the order's total).
    So is a sum whose words name only the fact's own rows («сумма отключений электроэнергии» of outages
    'Отключения электроэнергии', "sum of calls"): events are counted, their one number is not named."""
    return (
        m.func == "sum"
        and all(ground.table_of(w) is fact or _fact_comment_names(fact, w) for w in object_words)
        and not m.units
        and not _money_columns(fact)
        and _quantity_column(fact) is None
        and len(_numeric_columns(fact)) == 1
        and not _numbers_named(object_words, fact)  # «сумма начисленных миль»: miles 'Количество миль'
    )


def _numbers_named(words: Sequence[Token], fact: Table) -> bool:
    """A Russian word of the sum is what a numeric column counts ('Количество миль' of miles): the sum is of
    that number, even when the word also names the fact's rows ('Операции с милями'). Only a comment opening
    with «Количество»/«Число» says so ('Длительность звонка' is no number of calls: «сумма звонков» asked)."""
    counts = [
        _comment_lemmas(c.comment or "")
        for c in _numeric_columns(fact)
        if (c.comment or "").lower().startswith(("количество", "число"))
    ]
    return any(w.lang == "ru" and w.lemmas & (said - KIND_WORDS_OF_NUMBERS) for w in words for said in counts)


KIND_WORDS_OF_NUMBERS = frozenset({"количество", "сумма", "число"})  # what any number's comment opens with


def _names_unit_column(word: Token, fact: Table, measures: list[dict[str, Any]]) -> bool:
    """«сумма дней», "total hours": a time unit naming the measured column (days, hours)."""
    grain = _grain_noun(word)
    if grain is not None and any(m.get("column") == f"{grain}s" for m in measures):
        return True
    unit = _unit_part(word)  # "total minutes": duration_min
    return unit is not None and any(m.get("column") and unit in name_parts(m["column"]) for m in measures)


def _pieces_column(fact: Table, tokens: Sequence[Token]) -> str | None:
    """ "average items per order" of bar_orders: the one integer column whose name holds the English pieces
    word said (items_count), when the table has no quantity column."""
    said = {stem(t.lower) for t in tokens if t.lang == "en" and t.lower in UNITS_EN}
    found = [
        c.name
        for c in _numeric_columns(fact)
        if column_kind(c.type).family == "int" and not _key_column(fact, c) and said & set(name_parts(c.name))
    ]
    return found[0] if len(found) == 1 else None


def _mass_noun_counted(ph: MartPhrase, ground: _Ground, fact: Table) -> bool:
    """«Сколько трафика по регионам»: «сколько» before a singular genitive noun asks how much of a mass, not
    how many rows («сколько сессий», a plural genitive); when the noun names the fact table (data_sessions
    'Интернет-сессии (мобильный трафик)') and none of its columns, what to sum is not said (asked), never a
    count of the rows."""
    tokens = ph.tokens
    for m in ph.measures:
        if m.func != "count" or m.column_ref or not m.object or tokens[m.index].lemma != "сколько":
            continue
        word = tokens[m.object[0]]
        if word.lang != "ru" or not word.parses or ground.table_of(word) is not fact:
            continue
        first = word.parses[0]
        if first.pos == "NOUN" and first.case == "gent" and first.number == "sing":
            return not ground.columns_named(fact, [word])
    return False


def _amount_column(fact: Table, name: str) -> bool:
    """A numeric column of the fact that holds an amount (total, weight_kg), not a key (id, customer_id)."""
    column = fact.column(name)
    return column is not None and column in _numeric_columns(fact)


def _words_of(tokens: Sequence[Token], indexes: Sequence[int]) -> str:
    return " ".join(tokens[k].text for k in indexes)


def _how_much_of_column(ph: MartPhrase, ground: _Ground, fact: Table, m: MeasureWord) -> bool:
    """«Сколько начислено (gross)», «сколько к выплате (net)»: «сколько» on a named numeric column, with no
    noun naming a table to count, asks how much of it: its sum, never a count of its non-empty values."""
    column = fact.column(m.column_ref or "")
    if m.func != "count" or column is None or ph.tokens[m.index].lemma != "сколько":
        return False
    kind = column_kind(column.type)
    if not kind.numeric or column.name.endswith("_id") or column.name in fact.primary_key:
        return False
    # «сколько транзакций (amount)»: a plural noun in the genitive is counted, whether or not it names a
    # table (count or sum: asked by _measures)
    return all(ground.table_of(ph.tokens[k]) is None and not _counted_noun(ph.tokens[k]) for k in m.object)


def _how_much_of_rows_bracket(ph: MartPhrase, ground: _Ground, fact: Table) -> None:
    """«сколько по заказам (total) по статусам», «сколько по бронированиям (total_amount)»: «сколько по
    <the fact's rows> (<numeric column>)» asks how much of that column the rows hold: the bracket is what
    «сколько» measures (its sum, see _how_much_of_column), never a count beside a sum nor a dimension; the
    rows' noun is no dimension either. Another table's noun or a key in the bracket is left as it was."""
    tokens = ph.tokens
    for m in ph.measures:
        i = m.index
        if m.func != "count" or m.object or m.column_ref or i + 5 >= len(tokens):
            continue
        if tokens[i].lemma != "сколько":
            continue
        if tokens[i + 1].lower not in DIM_PREPS_RU or ground.table_of(tokens[i + 2]) is not fact:
            continue
        if tokens[i + 3].text != "(" or tokens[i + 5].text != ")":
            continue
        column = fact.column(tokens[i + 4].text)
        if column is None or column.name not in _numeric_names(fact) or _key_column(fact, column):
            continue
        m.column_ref = column.name
        ph.measures = [other for other in ph.measures if other is m or other.index != i + 4]
        ph.dims = [group for group in ph.dims if not set(group) & {i + 2, i + 4}]
        ph.bracketed = [entry for entry in ph.bracketed if i + 4 not in entry[2]]
        ph.used |= {i + 1, i + 2, i + 3, i + 4, i + 5}


def _counted_noun(token: Token) -> bool:
    """«заказов», «транзакций» after «сколько»: a noun in the genitive plural, the things counted."""
    return token.lang == "ru" and any(
        p.pos == "NOUN" and p.case == "gent" and p.number == "plur" for p in token.parses[:1]
    )


def _measured_dimensions(
    ph: MartPhrase, ground: _Ground, fact: Table, dims: list[str], measures: list[dict[str, Any]]
) -> tuple[list[str], str | None]:
    """(dimensions, the column of a question) when a column is both aggregated and grouped by. "avg price
    per kwh by zone" of `price_per_kwh`: "per kwh" right after the measure's words is the rest of the
    measured column's name, not a grouping, so that dimension is dropped. Any other column both measured
    and grouped by (avg(x) per x is x itself) is asked, never planned."""
    measured = {m["column"] for m in measures if m.get("column") and m["func"] != "count_distinct"}
    both = [d for d in dims if d in measured]
    if not both:
        return dims, None
    tokens = ph.tokens
    for group in ph.dims:
        prep = group[0] - 1
        if prep < 1 or tokens[prep].lang != "en" or tokens[prep].lower not in DIM_PREPS_EN:
            continue
        if not any(m.object and m.object[-1] == prep - 1 for m in ph.measures):
            continue  # the words before "per" are the measure's own
        named = ground.columns_named(fact, [tokens[k] for k in group])
        if len(named) != 1 or named[0].name not in both:
            continue
        said = [tokens[prep], *(tokens[k] for k in group)]
        # "liters and average price per liter": the rest of another measured column's name (price_per_liter)
        if any(_rest_of_name(name, said) for name in {named[0].name} | measured):
            both.remove(named[0].name)
            dims = [d for d in dims if d != named[0].name]
    return dims, (both[0] if both else None)


def _rest_of_name(name: str, said: Sequence[Token]) -> bool:
    """ "per kwh" of price_per_kwh: every word said (the preposition and the group) is a part of the name."""
    parts = set(name_parts(name))
    return all(stem(t.lower) in parts for t in said)


def _counts_pieces(column: Column) -> bool:
    """A column whose comment starts with a number of something ('Количество, упаковок', 'Число мест')."""
    comment = _comment_words(column.comment or "")
    return bool(comment) and bool({p.lemma for p in analyse(comment[0])} & {"количество", "число"})


def _counted_unit_column(ground: _Ground, fact: Table, token: Token) -> Column | None:
    """«сколько миль», "how many miles", «число миль» of miles_transactions ('Операции с милями'): the counted
    noun names the fact only by a qualifier and is the unit of its one value column (miles 'Количество миль':
    the column's name, or a comment that is a count of that noun), so the units are summed, never the rows
    counted. «кол-во стипендий» of scholarships (amount 'Сумма стипендии') stays a count of rows."""
    column = _own_value_column(ground, fact, token)
    if column is None:
        return None
    comment = _comment_words(column.comment or "")
    heads = {p.lemma for p in analyse(comment[0])} if comment else set()
    return column if column.name.lower() == token.lower or heads & {"количество", "число"} else None


def _distinct_people(ph: MartPhrase, ground: _Ground, fact: Table) -> None:
    """«сколько разных людей заходило», "distinct people": people counted once each on a fact that points at
    one register of people (badge_events.employee_id -> employees) are that key's distinct values."""
    for m in ph.measures:
        if m.func != "count_distinct" or m.column_ref or not m.object:
            continue
        if not all(_word(ph.tokens[k], PEOPLE_RU, PEOPLE_EN) for k in m.object):
            continue
        keys = {
            key
            for t in ground.tables
            if set(name_parts(t.name)) & PEOPLE_PARTS and (key := _fk_column(fact, t)) is not None
        }
        if len(keys) == 1:
            m.column_ref = keys.pop()


def _collected_money(
    ph: MartPhrase, ground: _Ground, fact: Table
) -> tuple[list[dict[str, Any]], list[str]] | None:
    """ "premium payments collected per week", no measure word: the fact's noun and a participle of money
    collected say how much was collected, the sum of the fact's one money column (several: asked)."""
    tokens = ph.tokens
    said = any(
        t.lower in MONEY_SUMMED_EN and k > 0 and ground.table_of(tokens[k - 1]) is fact
        for k, t in enumerate(tokens)
    )
    money = _money_columns(fact)
    if not said or not money:
        return None
    if len(money) > 1:
        columns = ", ".join(c.name for c in money)
        return [], [_asker("en")("which_column", func="sum", table=fact.name, columns=columns)]
    return [{"func": "sum", "column": money[0].name}], []


def _rate_of_fact(ph: MartPhrase, ground: _Ground, fact: Table) -> bool:
    """ "orders per day mart", "wifi sessions per hour", «заказов в день»: the fact's own noun right before a
    rate of a time unit counts its rows (even with «витрина»/"mart", which alone does not say a count)."""
    tokens, n = ph.tokens, len(ph.tokens)
    for k in range(n - 2):
        t, per, unit = tokens[k], tokens[k + 1], tokens[k + 2]
        names = ground.table_of(t) is fact or (k > 0 and ground.table_of_pair(tokens[k - 1], t) is fact)
        if not names or _grain_noun(unit) is None:
            continue
        if t.lang == "en" and per.lower == "per":
            return True
        if t.lang == "ru" and per.lower in ("в", "во") and _per_grain(ph, t, per, unit):
            return True
    return False


def _units_word_of_table_name(ph: MartPhrase, ground: _Ground) -> bool:
    """ "menu items", "order items", "Dessert menu items": a pieces word ("items", "units") that with the
    noun right before it spells every part of a two-part table's name (menu_items) names that table; it is no
    sum of pieces ("units sold" stays one). The measure it made is dropped (planner101: "Menu items to
    ClickHouse daily" was asked as one number over order_items, "Order items ..." planned a one-row mart).
    Whether a measure was dropped."""
    tokens, dropped = ph.tokens, False
    for m in list(ph.measures):
        if not m.units or m.column_ref or m.index == 0 or tokens[m.index].lang != "en":
            continue
        after = tokens[m.index + 1].lower if m.index + 1 < len(tokens) else ""
        if after in ("sold", "bought", "ordered", "shipped", "left") or _in_stock_after(tokens, m.index + 1):
            continue  # "items sold", "items left in stock", "items in stock": pieces counted
        pair = ground.meanings(tokens[m.index - 1].lower) | ground.meanings(tokens[m.index].lower)
        spelled = [
            t for t in ground.tables if len(set(name_parts(t.name))) == 2 and set(name_parts(t.name)) <= pair
        ]
        if len(spelled) != 1:
            continue
        ph.measures.remove(m)
        ph.used.discard(m.index)
        dropped = True
    return dropped


# Places pieces are counted in: "items in stock", "units in the warehouse" (any other "in" after a table's
# "menu items" is a row phrase: "menu items in the desserts category", planner157)
_STOCK_PLACES_EN = frozenset({"stock", "warehouse", "warehouses", "inventory", "storage"})


def _in_stock_after(tokens: Sequence[Token], k: int) -> bool:
    """Word `k` is "in" before a stock place, an article allowed between ("in stock", "in the warehouse")."""
    if k >= len(tokens) or tokens[k].lower != "in":
        return False
    j = k + 1 + int(k + 1 < len(tokens) and tokens[k + 1].lower in ("the", "a", "our"))
    return j < len(tokens) and tokens[j].lower in _STOCK_PLACES_EN


def _value_after_column_name(ground: _Ground, tokens: Sequence[Token], k: int) -> bool:
    """«сумма liters бензина и …» (what «литры бензина» is rewritten to): a word meaning a value a text column
    lists, right after a column's own name in that column's table, says which rows are measured (fuel_kind
    'petrol'); it is no column word of a measure of its own (fuel_level_pct of telemetry, by «топливо»)."""
    if k == 0:
        return False
    return any(
        t.column(tokens[k - 1].lower) is not None and _means_listed_value(tokens[k], t) for t in ground.tables
    )


def _per_entity_ratio(ph: MartPhrase, ground: _Ground, fact: Table) -> str | None:
    """«средний платёж на абонента по каналам», "average revenue per customer by region": a measure per an
    entity that is not the fact's own row is a ratio (the sum over the distinct entities), which no mart
    measure computes: the words, asked as ARPU is. Russian «на (одного) <noun>» says it always; English
    "per <noun>" only after an average and beside another grouping ("average visit duration per doctor"
    groups by the doctor). An average per the fact's own row ("average salary per employee" of employees)
    is the plain average, unless the measured words name no column of it («средний доход на абонента» read
    on subscribers)."""
    tokens = ph.tokens
    averaged = [m for m in ph.measures if m.func == "avg"]
    for k in range(len(tokens) - 1):
        j = k + 1 + (tokens[k + 1].lemma in PER_ONE_RU and k + 2 < len(tokens))
        noun = tokens[j]
        each = tokens[k + 1].lemma == "каждый"  # «число заправок на каждую машину»: a grouping by it
        if _ru(tokens[k], {"на"}) and (averaged or (ph.measures and not each)) and _per_person(noun):
            measured = averaged or ph.measures
        elif (
            _en(tokens[k], {"per"})
            and any(m.index < k for m in averaged)  # "Orders per station: average …": a title's grouping
            and [j] in ph.dims
            and (len(ph.dims) > 1 or _averaged_count(ph))
        ):
            measured = averaged  # "per customer by region"; not "per course title" (a column of courses)
            if _averages_per_unit_values(ph, ground, fact, averaged):
                continue  # "average base rate by floor per hotel": a rate is never summed, so no ratio
        else:
            continue
        entity = ground.table_of(noun)
        if entity is None:
            continue
        named = any(ground.columns_named(fact, [tokens[i] for i in m.object]) for m in measured)
        # "average items per order" of bar_orders (items_count): the pieces of one row, its quantity column
        pieces = any(m.units for m in measured) and (_quantity_column(fact) or _pieces_column(fact, tokens))
        if entity is fact and (named or pieces):
            ph.used.update(range(k, j + 1))  # "average salary per employee": a row is an employee
            continue
        start = measured[0].index
        return _words_of(tokens, list(range(start, j + 1)) if start < k else [*measured[0].object, k, j])
    return None


def _averages_per_unit_values(
    ph: MartPhrase, ground: _Ground, fact: Table, averaged: Sequence[MeasureWord]
) -> bool:
    """Every averaged word names only rates or values counted per a unit of time (deposits.rate '% годовых',
    base_rate 'Базовый тариф за ночь'): no sum of them over an entity means anything, so "per <entity>" after
    them groups by the entity, as "by" does."""
    for m in averaged:
        named = ground.columns_named(fact, [ph.tokens[k] for k in m.object]) if m.object else []
        if not named or not all(_rate_column(c) or _per_unit(c) for c in named):
            return False
    return True


def _averaged_count(ph: MartPhrase) -> bool:
    """ "average number of fines per customer": an average with no object of its own right before a count is
    an average of counts, a ratio of the rows over the entities whatever else groups them."""
    return any(
        a.func == "avg"
        and not a.object
        and any(c.func == "count" and 0 < c.index - a.index <= 2 for c in ph.measures)
        for a in ph.measures
    )


def _people_event_asked(ph: MartPhrase, fact: Table, lang: str) -> tuple[str | None, str | None]:
    """(question, condition). The load's question when the verb that named the people's event («отчислено»
    of expelled_on) may be a status value too; none when no status listing could say it or the verb is a
    status word itself. When the status lists the very value the event is named after, the condition is
    that value (`status = 'expelled'`, the README's convention, as a load reads «отчисленных»), its note
    added to ph.assumed."""
    verb = next(
        (t for t in ph.tokens if ph.happened in {c.name for c in _event_time_columns(t, fact)}),
        None,
    )
    if verb is None or status_word(verb.lower)[0]:
        return None, None
    if (state := assumed_state(lang, fact, verb.text, ph.happened or "")) is not None:
        if state[1] not in ph.assumed:
            ph.assumed.append(state[1])
        return None, state[0]
    return state_two_columns_question(lang, fact, verb.text, ph.happened or ""), None


def _per_person(token: Token) -> bool:
    """«на абонента», «на одного клиента»: an animate noun in the singular accusative (read as its genitive)
    is what a ratio is per; not «записей на приём», «кандидатов на вакансию», «на дисциплины» (what the rows
    are for)."""
    if token.lang != "ru" or not token.parses or token.parses[0].pos != "NOUN":
        return False
    tag = _morph().parse(token.lower)[0].tag
    return "anim" in tag and "sing" in tag and ("accs" in tag or "gent" in tag)


def _noun(token: Token) -> bool:
    return bool(token.parses) and token.parses[0].pos == "NOUN"


def _counts_fact_rows(ph: MartPhrase, ground: _Ground, fact: Table, m: MeasureWord) -> bool:
    """A count whose counted noun (its first word) is the fact's own noun: «сколько выдач» of loans."""
    if m.func != "count" or m.column_ref or not m.object:
        return False
    return ground.table_of(ph.tokens[m.object[0]]) is fact


def _people_beside_rows(
    ph: MartPhrase, ground: _Ground, fact: Table, m: MeasureWord, counted: Table | None
) -> str | None:
    """marts132: «сколько выдач и число читателей», "how many trips and how many customers": a count of a
    table the fact points at, beside another count of the fact's own rows, is the distinct keys of that
    table (reader_id); both are measures. Read as two row counts, the pair was one count(*), which the
    counted-entity rule then made count_distinct alone: the rows' count was dropped. The key, else None."""
    if counted is None or counted is fact or _counts_fact_rows(ph, ground, fact, m):
        return None
    if not any(_counts_fact_rows(ph, ground, fact, other) for other in ph.measures if other is not m):
        return None
    return _fk_column(fact, counted)


def _counted_entity(ph: MartPhrase, ground: _Ground, fact: Table) -> Table | None:
    """The table the counted noun names when the fact is another one («сколько кредитов просрочено» on
    loan_payments, "students who paid tuition" on tuition_payments): a count of the fact's rows would count
    payments, not loans. The head noun is the first word counted («кредитов с просроченными платежами»), in
    English the last of its compound ("order payments": payments)."""
    tokens = ph.tokens
    for m in ph.measures:
        if m.func != "count" or m.column_ref or not m.object:
            continue
        nouns = [x for x in m.object if tokens[x].lang != "ru" or _noun(tokens[x])]  # not «умных»
        if not nouns:
            continue
        k = nouns[0]
        while tokens[k].lang == "en" and k + 1 in m.object and ground.table_of(tokens[k + 1]) is not None:
            k += 1
        table = ground.table_of(tokens[k])
        if table is not None and table is not fact:
            return table
    return None


def _one_row_per_entity(fact: Table, key: str, dims: Sequence[str], grain: dict[str, Any] | None) -> bool:
    """Each group holds at most one row per entity when the fact's primary key is the entity's key and the
    grouping's columns (attendance: student_id, course_id, lesson_date by course and day): its rows counted
    are the entities counted."""
    grouped = {key, *dims}
    if grain is not None and grain["grain"] == "day" and (c := fact.column(grain["column"])) is not None:
        grouped |= {c.name} if c.type.lower() == "date" else set()
    return bool(fact.primary_key) and set(fact.primary_key) <= grouped


def _counted_noun_first(text: str, tokens: Sequence[Token]) -> str:
    """«сколько выпустилось студентов», «сколько закрылось валютных счетов»: a finite event verb between
    «сколько» and the counted noun (a genitive, with its attributes) says the same as after it («сколько
    студентов выпустилось»), the order the state rules read: the noun phrase moved before the verb."""
    for i in range(len(tokens) - 2):
        verb = tokens[i + 1]
        if tokens[i].lemma != "сколько" or not _finite_event_verb(verb):
            continue
        end = i + 2
        while end < len(tokens) and _genitive_attribute(tokens[end]):
            end += 1
        head = tokens[end] if end < len(tokens) else None
        if head is None or not any(p.pos == "NOUN" and p.case == "gent" for p in head.parses[:2]):
            continue
        phrase = text[tokens[i + 2].start : head.end]
        return text[: verb.start] + phrase + " " + verb.text + text[head.end :]
    return text


def _genitive_attribute(token: Token) -> bool:
    """«валютных» of «валютных счетов»: an adjective or participle in the genitive plural."""
    return token.lang == "ru" and any(
        p.pos in ("ADJF", "PRTF") and p.case == "gent" and p.number == "plur" for p in token.parses[:1]
    )


# People-count nouns: after a count word they are the counted rows («сколько человек», "how many people",
# «число сотрудников»), never a value of a dimension column (building = 'человек').
COUNTED_PEOPLE_RU = PEOPLE_RU | {"народ", "сотрудник", "работник", "служащий", "посетитель", "участник",
                                 "пользователь", "клиент", "студент", "пациент", "жилец",
                                 "житель"}  # fmt: skip
COUNTED_PEOPLE_EN = PEOPLE_EN | {"folks", "employees", "staff", "workers", "visitors", "participants",
                                 "users", "customers", "students", "patients", "residents"}  # fmt: skip


def _counted_people(ph: MartPhrase, ground: _Ground, m: MeasureWord, k: int) -> bool:
    """«сколько человек заселилось по корпусам», "how many people checked in": a people noun that is the
    object of a count and names no table is what is counted (the fact's rows); it stays read so the
    filter rules never take it for a column's value."""
    token = ph.tokens[k]
    if m.func not in ("count", "count_distinct") or not m.object or k != m.object[0]:
        return False
    if ground.table_of(token) is not None:
        return False  # «число сотрудников» of employees: the table's own rules read it
    return _word(token, COUNTED_PEOPLE_RU, COUNTED_PEOPLE_EN) or (
        token.lang == "en" and token.lower.rstrip("s") in {w.rstrip("s") for w in COUNTED_PEOPLE_EN}
    )


def _fact_noun_column(
    ground: _Ground, fact: Table, object_words: Sequence[Token], candidates: Sequence[Column]
) -> str | None:
    """ "sum of charges" of charges ('Начисления за расчётный период') with consumption ('Объём потребления')
    and amount ('Сумма начисления, руб.'): the measured noun is the fact's own, so the column is the one
    candidate whose comment names the fact comment's head noun; none or several: None (asked)."""
    if not fact.comment or not any(ground.table_of(w) is fact for w in object_words):
        return None
    head = _comment_head(fact.comment)
    if head is None:
        return None
    named = [c.name for c in candidates if c.comment and head in _comment_stems(c.comment)]
    return named[0] if len(named) == 1 else None


_BRACKETED_UNIT = re.compile(r"\(\s*(?:в|in)\s+([^\W\d_]+)\s*\)", re.IGNORECASE)


def _unbracketed_units(text: str) -> str:
    """«средняя продолжительность (в минутах)», "avg duration (in minutes)": a bracket holding only a unit
    says what the measure is in, as «в минутах» does without it; the brackets are blanked (same length)."""

    def plain(match: re.Match[str]) -> str:
        words = tokenize(match.group(1))
        if len(words) != 1 or _unit_part(words[0]) is None:
            return match.group(0)
        inner = match.group(0)
        return " " + inner[1:-1] + " "

    return _BRACKETED_CURRENCY.sub(lambda m: " " * len(m.group(0)), _BRACKETED_UNIT.sub(plain, text))


# marts130: «стоимость запчастей (руб.)», «выручка (в рублях)»: a bracket saying only the rouble a money
# measure is in adds nothing to read (its «руб» joined the item and no comment was said whole: the parts
# table was taken); blanked. A code in capitals («(RUB)») may be a currency column's value, and is left.
_BRACKETED_CURRENCY = re.compile(r"\(\s*(?:в\s+)?(?:руб\.?|рублях|рублей|₽)\s*\)")


def _bracketed_distinct(text: str, tokens: Sequence[Token]) -> str:
    """«число пассажиров (уникальных) по рейсам», "passengers (distinct) per flight": a distinct word alone in
    a bracket right after a noun says which of them are counted, as it does before it («уникальных
    пассажиров»): moved in front of the noun (same length), so the distinct-count rules read it."""
    for i in range(1, len(tokens) - 2):
        noun, opening, word, closing = tokens[i - 1], tokens[i], tokens[i + 1], tokens[i + 2]
        if opening.text != "(" or closing.text != ")" or noun.lang not in ("ru", "en"):
            continue
        if not _word(word, DISTINCT_RU, DISTINCT_EN) or (noun.lang == "ru" and not _noun(noun)):
            continue
        moved = f"{word.text} {noun.text}"
        span = text[noun.start : closing.end]
        return text[: noun.start] + moved + " " * (len(span) - len(moved)) + text[closing.end :]
    return text


def _per_unit_adjectives(planner: OfflinePlanner, text: str, tokens: Sequence[Token]) -> str:
    """ "average nightly rate", «средняя ежемесячная абонентская плата»: a frequency adjective right before
    the words of a numeric column whose comment says it is counted per that unit (base_rate 'Базовый тариф за
    ночь', monthly_fee 'Абонентская плата в месяц') is the column's own word, dropped from the text, so it is
    read neither as a schedule ("nightly" at 00:00) nor as a grain."""
    sources = _fact_connections(planner, tokens)
    if len(sources) != 1:
        return text
    # a unit that is a grain («почасовое потребление» of 'Потребление за час') stays the grain where the
    # table has a time to put it on; "nightly" is no grain at all
    per_unit = [
        c
        for t in planner.catalog.tables_of(sources[0].conn_id)
        for c in _numeric_columns(t)
        if _per_unit(c)
        and (_per_unit(c) not in GRAIN_RU.values() or not _time_columns(t) or _price_column(c))
    ]
    if not per_unit:
        return text
    drop: list[tuple[int, int]] = []
    for i, t in enumerate(tokens[:-1]):
        unit = _unit_of_adjective(t)
        if unit is None:
            continue
        # the column's own words, never a preposition its comment shares («помесячно, в Excel»: «в месяц»)
        after = {
            stem(w.lower)
            for w in tokens[i + 1 : i + 3]
            if w.lang in ("ru", "en") and len(w.lower) > 2 and w.lower not in STOP_WORDS
        }
        if any(_per_unit(c) == unit and after & _column_stems(c) for c in per_unit):
            drop.append((t.start, t.end))
    return _without_spans(text, drop)


def _without_spans(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """`text` less the (start, end) spans, in the order found; each span's trailing space goes with it."""
    for start, end in reversed(spans):  # from the end, so the earlier spans stay where they are
        text = f"{text[:start]}{text[end:].lstrip()}"
    return text


# Words of a price per a unit of time (a rate): its "per hour" is what the value means, never a grain.
PRICE_PER_UNIT_WORDS = ("ставк", "тариф", "цен", "стоимост", "плат", "rate", "price", "fee", "tariff", "cost")
UNIT_NOUNS = {"ночь": "night", "night": "night", "сутки": "day"}


def _per_unit_phrases(planner: OfflinePlanner, text: str, tokens: Sequence[Token]) -> str:
    """«средняя ставка в час», «ставка за час», "average rate per hour", "price per night": «в/за/per» and a
    unit of time right after the words of a numeric column whose comment prices per that unit (hourly_rate
    'Ставка за час, руб.', base_rate 'Базовый тариф за ночь') is that column's meaning, dropped from the text
    so it is never read as an hourly grain (nor a dimension). A per-unit amount that is no price («потребление
    за час» of 'Потребление за час') is left: its hour may be the grain asked for."""
    sources = _fact_connections(planner, tokens)
    if len(sources) != 1:
        return text
    per_unit = [
        c for t in planner.catalog.tables_of(sources[0].conn_id) for c in _numeric_columns(t) if _per_unit(c)
    ]
    priced = [
        c
        for c in per_unit
        if any(
            w.startswith(PRICE_PER_UNIT_WORDS)
            for w in [*name_parts(c.name), *_comment_words(c.comment or "")]
        )
    ]
    if not priced:
        priced = [c for c in per_unit if _other_grain_said(tokens, _per_unit(c))]
    if not priced:
        return text
    drop: list[tuple[int, int]] = []
    for i in range(1, len(tokens) - 1):
        prep, noun = tokens[i], tokens[i + 1]
        if prep.lower not in ("в", "за", "per"):
            continue
        unit = _grain_noun(noun) or next(
            (UNIT_NOUNS[x] for x in noun.lemmas | {noun.lower} if x in UNIT_NOUNS), None
        )
        if unit is None or (noun.lang == "ru" and not noun.has(noun.lemmas, number="sing")):
            continue
        before = {stem(w.lower) for w in tokens[max(0, i - 2) : i] if w.lang in ("ru", "en")}
        if any(_per_unit(c) == unit and before & _column_stems(c) for c in priced):
            drop.append((prep.start, noun.end))
    return _without_spans(text, drop)


def _other_grain_said(tokens: Sequence[Token], unit: str | None) -> bool:
    """A grain of another unit than `unit` is said («посуточно», «по дням», "daily"): then «потребление за
    час» of 'Потребление за час, кВт·ч' is the column's meaning, not a second grain (marts113); with no other
    grain its hour may be the grain asked for, and is left."""
    for token in tokens:
        said = (
            _grain_noun(token) or GRAIN_ADVERBS_RU.get(token.lower) or _ENGLISH_GRAIN_ADVERBS.get(token.lower)
        )
        if said is not None and said != unit:
            return True
    return False


_ENGLISH_GRAIN_ADVERBS = {"hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month"}


def _unit_of_adjective(token: Token) -> str | None:
    """The unit a frequency adjective says: "nightly", «ночной» -> night; «ежемесячный» -> month."""
    if token.lang == "en" and token.lower in PER_UNIT_ADJECTIVES:
        return PER_UNIT_ADJECTIVES[token.lower]
    if token.lang == "ru" and token.lemma in PER_UNIT_ADJECTIVES and token.has(token.lemmas, pos=("ADJF",)):
        return PER_UNIT_ADJECTIVES[token.lemma]
    return _grain_adjective(token)


def _per_unit(column: Column) -> str | None:
    """The unit of time a column's comment («за ночь» -> night) or name (hourly_rate -> hour) says its value
    is counted per, else None."""
    comment = (column.comment or "").lower()
    said = next(
        (unit for unit, phrases in PER_UNIT_COMMENT_PHRASES.items() if any(p in comment for p in phrases)),
        None,
    )
    return said or next(
        (PER_UNIT_NAME_WORDS[w] for w in column.name.lower().split("_") if w in PER_UNIT_NAME_WORDS), None
    )


def _price_column(column: Column) -> bool:
    """A column whose name or comment says a price or rate («Ставка …», hourly_rate, base_price)."""
    return any(
        w.startswith(PRICE_PER_UNIT_WORDS)
        for w in [*name_parts(column.name), *_comment_words(column.comment or "")]
    )


def _comment_measures(planner: OfflinePlanner, text: str, tokens: Sequence[Token]) -> str:
    """A phrase that is exactly one numeric column's comment names that column: «начислено и к выплате»
    (payslips.net, 'К выплате'), «трафик (скачано байт)» (the bracket spells bytes_down's comment, so the
    jargon word before it is that column). Only comments held by one column of the connection's tables and
    not a noun phrase (the measure rules read those); a one-word comment only as a list item with no measure
    word before it («к выплате и начислено»: a participle is no slot of its own and would be dropped). The
    phrase becomes the column's name, after «сумма» when no measure word precedes it."""
    sources = _fact_connections(planner, tokens)
    if len(sources) != 1:
        return text
    by_phrase: dict[tuple[str, ...], list[str]] = {}
    for table in planner.catalog.tables_of(sources[0].conn_id):
        numeric = _numeric_names(table)
        for column in table.columns:
            if column.name not in numeric or not column.comment:
                continue
            words = tuple(_comment_words(column.comment.split(",")[0]))
            if words:
                by_phrase.setdefault(words, []).append(column.name)
    for words, columns in by_phrase.items():
        if len(set(columns)) != 1:
            continue
        phrase = r"\s+".join(re.escape(w) for w in words)
        pattern = re.compile(
            rf"(?:(?P<jargon>{_JARGON_WORD})\s*\(\s*{phrase}\s*\)|(?<![\w-]){phrase}(?![\w-]))", re.IGNORECASE
        )
        found = list(pattern.finditer(text.replace("ё", "е").replace("Ё", "Е")))
        if len(found) != 1:
            continue
        match = found[0]
        start = _jargon_start(text, match) if match.group("jargon") else match.start()
        before = tokenize(text[:start])
        words_before = [t for t in before if t.lang != "punct"]
        measured = bool(words_before) and _measure_func(words_before, len(words_before) - 1) is not None
        if (
            not match.group("jargon")
            and words_before
            and not (before[-1].lang == "punct" or before[-1].lower in LIST_JOINERS or measured)
        ):
            continue  # inside a longer phrase: not the comment alone
        head = tokenize(match.group(0))[0]
        if not match.group("jargon") and head.parses[:1] and head.parses[0].pos in ("NOUN", "ADJF", "PRTF"):
            continue  # «объём потребления»: a noun phrase the measure rules read (a list shares its measure)
        if match.group("jargon") and _measure_func(tokenize(match.group("jargon")), 0) is not None:
            continue  # «сумма (скачано байт)»: read by the bracket rules
        if len(words) == 1 and (measured or match.group("jargon") or head.lang != "ru"):
            continue  # «сколько начислено»: after a measure word, one word is _participle_sum's
        # the comment's language says the lead: «трафик wi-fi (скачано байт)» is Russian, whatever the jargon
        lead = "" if measured else ("сумма " if re.match(r"[а-яё]", words[0]) else "sum of ")
        text = text[:start] + lead + columns[0] + text[match.end() :]
    return text


# Units of measure a noun of the request says -> (the column-name parts, the comment pattern) a column carries
# that unit by: «литры» -> liters, «минуты» -> duration_min ('Длительность, мин'), «нормо-часы» (labor_hours).
MEASURE_UNITS: dict[str, tuple[frozenset[str], str]] = {
    "min": (frozenset({"min", "mins", "minutes"}), r"(?<![\w-])мин(?:ут\w*)?(?![\w-])"),
    "hour": (frozenset({"hours"}), r"(?<![\w])час(?:ов|ы|а)?(?![\w])"),
    "labor_hour": (frozenset(), r"нормо-час"),
    "liter": (frozenset({"liters", "litres"}), r"(?<![\w-])(?:литр\w*|л)(?![\w-])"),
    "km": (frozenset({"km"}), r"(?<![\w-])(?:км|километр\w*)(?![\w-])"),
    "kg": (frozenset({"kg"}), r"(?<![\w-])(?:кг|килограмм\w*)(?![\w-])"),
    "kwh": (frozenset({"kwh"}), r"квт\s*[·*.]?\s*ч|kwh"),
    "byte": (frozenset({"bytes"}), r"(?<![\w-])байт\w*"),
    "sec": (frozenset({"sec", "seconds"}), r"(?<![\w-])(?:сек\w*)(?![\w-])"),
    "mile": (frozenset({"miles"}), r"(?<![\w-])мил[ьяией]\w*"),
    # marts97: «миллилитров вакцины» (dose_ml 'Доза, мл'), «в гектарах» (area_ha 'Площадь, га')
    "ml": (frozenset({"ml"}), r"(?<![\w-])(?:мл|миллилитр\w*)(?![\w-])"),
    "ha": (frozenset({"ha"}), r"(?<![\w-])(?:га|гектар\w*)(?![\w-])"),
    "t": (frozenset({"t"}), r"(?<![\w/-])(?:т|тонн\w*)(?![\w/-])"),  # 'Вес нетто, т', not 'т/га'
}
UNIT_NOUN_WORDS = {
    "минута": "min", "мин": "min", "minutes": "min", "mins": "min", "час": "hour", "hours": "hour",
    "нормо-час": "labor_hour", "нормочас": "labor_hour", "литр": "liter", "liters": "liter",
    "litres": "liter",
    "километр": "km", "км": "km", "kilometers": "km", "kilometres": "km", "килограмм": "kg", "кг": "kg",
    "kilograms": "kg", "киловатт-час": "kwh", "kwh": "kwh", "kilowatt-hours": "kwh", "байт": "byte",
    "bytes": "byte", "секунда": "sec", "seconds": "sec", "миля": "mile", "miles": "mile",
    "миллилитр": "ml", "мл": "ml", "millilitres": "ml", "milliliters": "ml", "ml": "ml", "гектар": "ha",
    "га": "ha", "hectares": "ha", "тонна": "t", "tonnes": "t", "tons": "t",
}  # fmt: skip
# Words before a unit noun that make it no measure: «в минутах», «за 5 минут», "per hour", "by hours".
UNIT_BLOCKERS = DIM_PREPS_RU | DIM_PREPS_EN | {
    "в", "во", "за", "на", "с", "со", "из", "от", "до", "через", "каждые", "каждый", "in", "per", "by", "for",
    "at", "within", "over", "under", "every", "each", "after", "before",
}  # fmt: skip


def _unit_of_noun(token: Token) -> str | None:
    """The unit of measure a noun says («нормо-часов» -> labor_hour, "minutes" -> min; English plurals)."""
    if token.lang == "en":
        return UNIT_NOUN_WORDS.get(token.lower)
    if token.lang != "ru":
        return None
    return next(
        (UNIT_NOUN_WORDS[x] for x in (*sorted(token.lemmas), token.lower) if x in UNIT_NOUN_WORDS), None
    )


def _carries_unit(table: Table, column: Column, unit: str) -> bool:
    """A numeric column holding an amount in `unit`, by its name (duration_min) or comment ('Пробег, км'), and
    no price or rate per that unit ('Цена за кВт·ч, руб.', 'Ставка за нормо-час, руб.')."""
    if _key_column(table, column) or _price_column(column) or _per_unit(column):
        return False
    comment = (column.comment or "").lower().replace("ё", "е")
    if "руб" in comment or "%" in comment:
        return False
    parts, pattern = MEASURE_UNITS[unit]
    return bool(parts & set(column.name.lower().split("_"))) or bool(re.search(pattern, comment))


def _unit_amount(table: Table, column: Column) -> bool:
    """A column holding an amount in a unit of measure (kg, liters, km, minutes), so no money."""
    return any(_carries_unit(table, column, unit) for unit in MEASURE_UNITS)


def _names_rows_of(ground: _Ground, table: Table, word: Token) -> bool:
    """The word names the table's rows: its name or glossary, or a word of its comment (a stem or, for an
    English word, the Russian comment noun it stands for: "procedure" ~ 'Процедуры …')."""
    if ground.table_of(word) is table:
        return True
    meanings = ground.meanings(word.lower)
    return bool(meanings & (set(name_parts(table.name)) | set(_comment_stems(table.comment or ""))))


def _qualifier_of(tokens: Sequence[Token], i: int) -> int | None:
    """The index of the noun qualifying a measured noun at i: a Russian genitive noun right after it
    («литры топлива»), an English noun right before it ("procedure minutes"), else None."""
    w = tokens[i]
    if w.lang == "ru" and i + 1 < len(tokens):
        q = tokens[i + 1]
        if q.lang == "ru" and q.parses and q.parses[0].pos == "NOUN" and q.parses[0].case == "gent":
            return i + 1
    if w.lang == "en" and i > 0:
        q = tokens[i - 1]
        if q.lang == "en" and q.lower not in STOP_WORDS and _measure_func(tokens, i - 1) is None:
            return i - 1
    return None


def _before_modifiers(tokens: Sequence[Token], first: int) -> int:
    """The index of the word before the modifiers ending right before `first` (English articles, Russian
    adjectives and participles: «сумма полученных …»), -1 at the start."""
    k = first - 1
    while k >= 0 and (
        (tokens[k].lang == "en" and tokens[k].lower in ARTICLES_EN)
        or (
            tokens[k].lang == "ru"
            and tokens[k].parses
            and tokens[k].parses[0].pos in ("ADJF", "PRTF")
            and _measure_func(tokens, k) is None
        )
    ):
        k -= 1
    return k


def _heads_phrase(tokens: Sequence[Token], i: int, measured_ok: bool = True) -> bool:
    """A Russian noun heading its phrase: at the start, after punctuation or «и» (its adjectives skipped), or,
    when `measured_ok`, right after a measure word («сколько нормо-часов»)."""
    j = _before_modifiers(tokens, i)
    if j < 0 or tokens[j].lang == "punct" or tokens[j].lower in LIST_JOINERS:
        return True
    return measured_ok and (_measure_func(tokens, j) is not None or tokens[j].lemma == "сколько")


def _owner_of_comment(column: Column, meanings: set[str]) -> bool:
    """The word is the genitive right after the head of the column's comment: 'Стоимость билета', 'Сумма
    вклада' are the money of a ticket or a deposit, so «билеты» names the rows, not that money ('Сумма к
    выплате' is the payout itself)."""
    words = [t for t in tokenize(column.comment or "") if t.lang == "ru"]
    return (
        len(words) >= 2
        and stem(words[1].lower) in meanings
        and bool(words[1].parses)
        and words[1].parses[0].case == "gent"
    )


def _unit_price_column(column: Column) -> bool:
    """A rate or price of one unit (hourly_rate 'Ставка за час', 'Цена за штуку'): never a payout's sum."""
    words = [*name_parts(column.name), *_comment_words(column.comment or "")]
    return any(w.startswith(("ставк", "тариф", "цен", "rate", "price", "tariff")) for w in words)


def _real_money(column: Column) -> bool:
    """A decimal column of money (its name says amount, rent, price…, or its comment roubles or a sum), not
    millilitres or kilograms."""
    comment = (column.comment or "").lower()
    return _money_name(column) or "руб" in comment or bool(_comment_lemmas(comment) & MONEY_COMMENT_LEMMAS)


def _paraphrased_unit_columns(tables: Sequence[Table], text: str, tokens: Sequence[Token]) -> str:
    """marts98: "bytes downloaded and bytes uploaded per APN": an English unit noun opening a list item (or
    the request), and a word after it whose column-name meaning (COLUMN_WORDS: "downloaded" -> down) picks
    one of the columns of one table carrying that unit (bytes_down 'Получено байт', bytes_up) become that
    column's name, which the measure rules sum. A word picking none or two leaves the words alone."""
    spans: list[tuple[int, int, str]] = []
    for i, w in enumerate(tokens[:-1]):
        unit = _unit_of_noun(w) if w.lang == "en" else None
        after = tokens[i + 1]
        meant = COLUMN_WORDS.get(after.lower, set()) if after.lang == "en" else set()
        if unit is None or not meant:
            continue
        if i > 0 and tokens[i - 1].lower not in LIST_JOINERS and tokens[i - 1].text not in (":", ",", ";"):
            continue  # "total bytes downloaded": the measure rules read a measure word's object
        picked = [
            (t, c)
            for t in tables
            for c in _numeric_columns(t)
            if _carries_unit(t, c, unit) and meant & set(name_parts(c.name))
        ]
        if len(picked) == 1:
            spans.append((w.start, after.end, picked[0][1].name))
    for start, end, name in reversed(spans):
        text = text[:start] + name + text[end:]
    return text


def _unit_noun_measures(planner: OfflinePlanner, text: str, tokens: Sequence[Token]) -> str:
    """«Литры топлива по машинам», «Нормо-часы по мастерам», «сколько киловатт-часов по станциям», "total
    procedure minutes per vet": a unit noun heading the measure names the one numeric column of the
    connection's tables that carries that unit by its name or comment (liters, labor_hours 'Нормо-часы',
    energy_kwh '…, кВт·ч', duration_min 'Длительность, мин'); a noun of a table's rows qualifying it
    («топлива», «поездок», "procedure") says whose, and is read with it. The phrase becomes the column's name,
    after «сумма»/"sum of" when no measure word precedes it («сколько» of a unit is its sum). Two columns of
    the unit on the one table («байты»: bytes_up, bytes_down) become «сумма байт», which the measure rules
    ask about naming both; no column of the unit, or a qualifier naming no table, leaves the words alone."""
    sources = _fact_connections(planner, tokens)
    if len(sources) != 1:
        return text
    tables = planner.catalog.tables_of(sources[0].conn_id)
    if (paraphrased := _paraphrased_unit_columns(tables, text, tokens)) != text:
        return paraphrased
    ground = _Ground(planner, sources[0].conn_id, tables)
    for i, w in enumerate(tokens):
        unit = _unit_of_noun(w)
        if unit is None or _comparison_follows(tokens, i):
            continue
        before = tokens[i - 1] if i > 0 else None
        if before is not None and (before.number is not None or before.lower in UNIT_BLOCKERS):
            continue
        if w.lang == "ru" and not _heads_phrase(tokens, i):
            continue  # «по пакету минут»: a genitive of another noun, no measure
        if (before is not None and before.text == "(") or (i + 1 < len(tokens) and tokens[i + 1].text == ":"):
            continue  # "volume (liters)", «часы: сумма и среднее»: a bracket or a title the other rules read
        if (_listed(tokens, i) and not _unit_item_after_amount(tokens, i)) or (
            i + 2 < len(tokens)
            and tokens[i + 2].lower in LIST_JOINERS
            and not any(_means_listed_value(tokens[i + 1], t) for t in tables)
        ):
            continue  # «литры и деньги», "spend and liters": a list the subject rules read
        # «литры дизеля и число заправок»: a listed value (fuel_kind 'diesel') qualifies the unit, read below
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if w.lang == "en" and after is not None and after.lang == "en" and after.lower not in STOP_WORDS:
            if after.lower not in DIM_PREPS_EN | GRAIN_ADVERBS_EN and _measure_func(tokens, i + 1) is None:
                continue  # "bytes downloaded", "minutes tariff": the words after say more, the measure rules'
        if w.lang == "ru" and after is not None and after.lang == "ru" and after.parses:
            if after.parses[0].pos in ("PRTS", "PRTF", "VERB", "ADJS"):
                continue  # «байт скачано»: the participle says which column (_participle_sum)
        q = _qualifier_of(tokens, i)
        owners = [t for t in tables if q is not None and _names_rows_of(ground, t, tokens[q])]
        if q is not None and len(owners) != 1:
            if w.lang == "en" or len(owners) > 1:
                continue  # "weekend minutes": a word that names no rows may be a filter, asked
            q = None  # «часы работы»: a genitive naming no table is no qualifier here
        candidates = [
            (t, c) for t in (owners or tables) for c in _numeric_columns(t) if _carries_unit(t, c, unit)
        ]
        if not candidates or len({t.qualified_name for t, _ in candidates}) != 1:
            continue
        first = min(i, q) if q is not None else i
        last = max(i, q) if q is not None else i
        if q is not None and q > i and any(_means_listed_value(tokens[q], t) for t in owners):
            last = i  # «литры бензина» (fuel_kind 'petrol'): the value stays said, a condition (marts119)
        k = _before_modifiers(tokens, first)
        how_many = k >= 0 and (tokens[k].lemma == "сколько" or tokens[k].lower == "many")
        measured = k >= 0 and _measure_func(tokens, k) is not None and not how_many
        if how_many:
            start = tokens[k - 1].start if tokens[k].lower == "many" and k > 0 else tokens[k].start
        else:
            start = tokens[first].start
        if k < first - 1 and not (how_many or measured):
            continue  # «отработанные часы», "outgoing call seconds": the words before say more, the rules'
        if w.lang == "en" and k >= 0 and not (how_many or measured):
            if tokens[k].lang != "punct" and tokens[k].lower not in LIST_JOINERS:
                continue
        if k < first - 1 and (how_many or measured):
            if len(candidates) > 1:
                continue  # «сумма полученных байт»: the words between say which, the measure rules read them
            start = tokens[first].start
            how_many, measured = False, True
        ru = w.lang == "ru"
        lead = "" if measured else ("сумма " if ru else "sum of ")
        if len(candidates) == 1:
            said = candidates[0][1].name
        elif ru:
            said = "байт" if unit == "byte" else w.text  # «сумма байт»: the measure rules ask which column
        else:
            said = w.text
        return text[:start] + lead + said + text[tokens[last].end :]
    return text


def _unit_item_after_amount(tokens: Sequence[Token], i: int) -> bool:
    """«итоговая сумма и нормо-часы», «сумма total_amount и нормо-часы»: a Russian unit noun that closes a
    list after «и», the item before it said with a measure word, is a sum of its own column, read as the
    list's first item is (marts119). With no measure word before («стоимость работ и нормо-часы», «деньги и
    литры»), or a bare one («сумма и литры»), the pair is the subject rules'."""
    if tokens[i].lang != "ru" or i < 2 or tokens[i - 1].lower != "и":
        return False
    if i + 1 < len(tokens) and tokens[i + 1].lower in LIST_JOINERS:
        return False
    item = []  # the item before «и», back to its clause's punctuation (at most six words)
    for j in range(i - 2, max(-1, i - 8), -1):
        if tokens[j].lang == "punct" or tokens[j].lower in LIST_JOINERS:
            break
        item.append(j)
    # «сумма и литры»: a bare measure word before «и» is the subject rules' pair (sum of the money, liters)
    return len(item) >= 2 and any(_measure_func(tokens, j) is not None for j in item)


IN_UNIT_PREPS = {"в", "во", "in"}  # «площадь в гектарах», "net weight in tonnes": the unit a measure is in


def _in_unit_measures(planner: OfflinePlanner, text: str, tokens: Sequence[Token]) -> str:
    """«площадь в гектарах и число работ», "net weight in tonnes", «Заправки по видам топлива в литрах»: a
    unit said after «в»/"in" names what is measured, the one numeric column carrying that unit of the tables
    the request names (area_ha 'Обработанная площадь, га', liters 'Объём, л'). Said right after a word naming
    that column, the phrase becomes its sum («сумма area_ha»; with a measure word before it the phrase is the
    measure rules': «суммарная доза в мл»); said of the rows (a table's noun before it and no column word),
    the rows' sum of it, written as a bracket after their noun («Заправки (сумма liters) по видам топлива»).
    Two columns of the unit, or none, leave the words to the residue rules (asked)."""
    sources = _fact_connections(planner, tokens)
    if len(sources) != 1:
        return text
    tables = planner.catalog.tables_of(sources[0].conn_id)
    ground = _Ground(planner, sources[0].conn_id, tables)
    named = {
        id(t): found for t in tokens if t.lang in ("ru", "en") and (found := ground.table_of(t)) is not None
    }
    said_tables = [t for t in tables if any(t is found for found in named.values())]
    for i, w in enumerate(tokens[:-1]):
        unit = _unit_of_noun(tokens[i + 1]) if w.lower in IN_UNIT_PREPS else None
        if unit is None or i == 0 or tokens[i - 1].number is not None:
            continue
        carrying = [(t, c) for t in said_tables for c in _numeric_columns(t) if _carries_unit(t, c, unit)]
        noun = tokens[i - 1]
        of_noun = [(t, c) for t, c in carrying if c in ground.columns_named(t, [noun])]
        if len(of_noun) != 1 and len(carrying) != 1:
            continue  # two columns of the unit («в тоннах» of shipments and elevators): asked
        table, column = of_noun[0] if len(of_noun) == 1 else carrying[0]
        ru = w.lang == "ru"
        end = tokens[i + 1].end
        if len(of_noun) == 1:
            first = i - 1
            while (
                first > 0
                and tokens[first - 1].lang == noun.lang
                and column in ground.columns_named(table, [tokens[first - 1]])
            ):
                first -= 1  # "net weight": both words of the column
            k = _before_modifiers(tokens, first)
            if any(
                _measure_func(tokens, j) is not None or tokens[j].lemma == "сколько"
                for j in range(max(0, min(k, first - 3)), first)
            ):
                continue  # «суммарная доза в мл», "total call duration in seconds": the measure rules'
            lead = "сумма " if ru else "sum of "
            return text[: tokens[first].start] + lead + column.name + text[end:]
        heads = [t for t in tokens[:i] if named.get(id(t)) is table]
        if not heads or any(_measure_func(tokens, k) is not None for k in range(i)):
            continue
        head = heads[0]
        bracket = f" ({'сумма' if ru else 'sum of'} {column.name})"
        return text[: head.end] + bracket + text[head.end : w.start].rstrip() + text[end:]
    return text


MONEY_COMMENT_LEMMAS = {"сумма", "плата", "стоимость", "выплата", "цена", "взнос", "премия", "оклад"}
GENERIC_MONEY_RU = {"сумма", "итог", "деньги", "стоимость", "цена"}
GENERIC_MONEY_EN = {"amount", "amounts", "sum", "sums", "total", "totals", "money", "value", "values"}
VOLUME_NOUNS = {"volume", "объём", "объем"}  # "deposit volume", «объём вкладов»: the rows' money, totalled


def _of_rows(ground: _Ground, table: Table, tokens: Sequence[Token], i: int) -> bool:
    """ "rent of active leases": an English "of" right after the word, then a noun of the table's rows within
    two more words (adjectives of state between)."""
    if i + 1 >= len(tokens) or tokens[i + 1].lower != "of":
        return False
    return any(_names_rows_of(ground, table, t) for t in tokens[i + 2 : i + 5] if t.lang == "en")


def _money_noun_measures(planner: OfflinePlanner, text: str, tokens: Sequence[Token]) -> str:
    """ "claim payouts by claim type", «выплаты по типам событий»: a noun that names one money column by a
    word of its comment (approved_amount 'Сумма к выплате'), not the rows of a table (its comment's head noun:
    "folio charges" are the rows of 'Начисления …', counted), sums that column; an English word before it
    that is a part of the column's name ("approved") and a noun of its table ("claim") are read with it.
    "deposit volume", «объём вкладов»: a volume of a table's rows that hold money is their total, as "total
    deposits" reads (the measure rules choose or ask the money column)."""
    sources = _fact_connections(planner, tokens)
    if len(sources) != 1:
        return text
    tables = planner.catalog.tables_of(sources[0].conn_id)
    ground = _Ground(planner, sources[0].conn_id, tables)
    for i, w in enumerate(tokens):
        if w.lang not in ("ru", "en") or (i > 0 and tokens[i - 1].lower in UNIT_BLOCKERS):
            continue
        if w.lower in VOLUME_NOUNS or w.lemma in VOLUME_NOUNS:
            if i + 1 < len(tokens) and tokens[i + 1].text == "(":
                continue  # "Fuel volume (liters)": the bracket says what is measured
            q = _qualifier_of(tokens, i)
            owner = ground.table_of(tokens[q]) if q is not None else None
            if q is None or owner is None or not _money_columns(owner):
                continue
            if ground.columns_named(owner, [tokens[q]]):
                continue  # «объём потребления»: a column's word, read by the measure rules
            first, last = min(i, q), max(i, q)
            if first > 0 and _measure_func(tokens, first - 1) is not None:
                continue
            said = f"сумма {tokens[q].text}" if w.lang == "ru" else f"total {tokens[q].text}"
            return text[: tokens[first].start] + said + text[tokens[last].end :]
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if w.lang == "en" and after is not None and after.lang == "en" and after.lower not in STOP_WORDS:
            if after.lower not in DIM_PREPS_EN and _measure_func(tokens, i + 1) is None:
                continue  # "rent payments", "payout date": a modifier of the noun after it
        if w.lang == "ru" and not any(
            p.pos == "NOUN" and p.number == "plur" and p.case in ("nomn", "accs") for p in w.parses[:1]
        ):
            continue  # «сумма платежей», «стоимость работ»: a genitive is the measure rules' object
        if w.lang == "ru" and not _heads_phrase(tokens, i, measured_ok=False):
            continue  # «по видам стипендии»: a noun after another word is no subject of its own
        if i + 1 < len(tokens) and _measure_func(tokens, i + 1) is not None:
            continue  # "monthly fee average": a measure said after its words, read by the measure rules
        if any(t.column(w.lower) is not None for t in tables):
            continue  # "gross": a column's own name
        if w.lang == "en" and (w.lower.endswith(("ed", "ing")) or _listed(tokens, i)):
            continue  # "Paid and due amounts": a participle or a list item, the other rules'
        if _measure_func(tokens, i) is not None or _word(w, GENERIC_MONEY_RU, GENERIC_MONEY_EN):
            continue  # "amounts", «суммы»: which money column is the measure rules' question
        meanings = ground.meanings(w.lower) - {"сумм", "amount", "total"}
        if not meanings:
            continue
        found = [
            (t, c)
            for t in tables
            for c in _money_columns(t)
            if not _key_column(t, c)
            and _real_money(c)
            and not _unit_price_column(c)
            and c.comment
            and meanings & ((set(_comment_stems(c.comment)) | set(c.name.split("_"))) - {"сумм", "amount"})
        ]
        if any(
            _comment_head(t.comment or "") in meanings or name_parts(t.name)[-1] in meanings
            for t in tables
            if name_parts(t.name)
        ):
            continue  # «позиций» of order_items ('Позиции заказов'), "charges": a noun of rows, counted
        if len(found) != 1:
            continue
        table, column = found[0]
        if _owner_of_comment(column, meanings):
            continue  # «Билеты» of price 'Стоимость билета': the ticket's money, not the noun's own
        outside = re.sub(r"\([^()]*\)", " ", table.comment or "")
        if ground.table_of(w) is table and meanings & set(_comment_stems(outside)):
            continue  # «Стипендии …» of scholarships ('Стипендии …'): the rows, counted or asked
        if ground.table_of(w) not in (None, table) and not _of_rows(ground, table, tokens, i):
            continue  # "rent per agent": the rows of rent_payments, counted
        first = i
        own = column.name.split("_")
        if first > 0 and tokens[first - 1].lang == "en" and tokens[first - 1].lower in own:
            first -= 1  # "monthly rent": the name's own word, no grain
        q = _qualifier_of(tokens, first)
        if q is not None and q == first - 1:
            if not _names_rows_of(ground, table, tokens[q]):
                continue
            first = q
        if first > 0 and tokens[first - 1].lang == "en" and tokens[first - 1].lower in own:
            first -= 1  # "approved claim payouts": the name's own word, no state
        k = _before_modifiers(tokens, first)
        if w.lang == "ru" and k >= 0 and _measure_func(tokens, k) is not None:
            continue  # «средние выплаты»: the measure rules read the words
        measured = k >= 0 and _measure_func(tokens, k) is not None  # "total payouts"
        lead = "" if measured else ("сумма " if w.lang == "ru" else "sum of ")
        return text[: tokens[first].start] + lead + column.name + text[w.end :]
    return text


def _shared_measure_of_pair(text: str, tokens: Sequence[Token]) -> str:
    """ "total bytes down and bytes up", "sum of bytes down and bytes up": an English measure word before two
    list items that share their head noun and differ in the word after it: the measure word is said again
    before the second item, as "total bytes down and total bytes up" reads (two sums, each grounded or asked
    by the measure rules)."""
    for i, cue in enumerate(tokens):
        if cue.lang != "en" or _measure_func([cue], 0) is None:
            continue
        k = i + 1 + (i + 1 < len(tokens) and tokens[i + 1].lower == "of")
        if k + 4 >= len(tokens):
            continue
        head, first, joiner, again, second = tokens[k : k + 5]
        if not (
            joiner.lower in ("and", ",", "&")
            and head.lang == again.lang == first.lang == second.lang == "en"
            and head.lower == again.lower
            and first.lower != second.lower
            and not any(_grain_noun(t) or _is_measure(t) for t in (first, second))
            and first.lower not in DIM_PREPS_EN
        ):
            continue
        said = text[cue.start : tokens[k - 1].end] + " "  # "total ", "sum of "
        return text[: again.start] + said + text[again.start :]
    return text


def _shared_measure_of_pair_ru(text: str, tokens: Sequence[Token]) -> str:
    """«суммарные часы и сверхурочные часы», «сумма часов и сверхурочных часов»: a Russian measure word before
    a noun, «и», then one or two adjectives and the same noun again: the measure word is said again before the
    second item (two measures, each grounded or asked), never one of them dropped (marts124, mbc-ru-15)."""
    for i, cue in enumerate(tokens[:-4]):
        if cue.lang != "ru" or _measure_func([cue], 0) is None:
            continue
        head, joiner = tokens[i + 1], tokens[i + 2]
        if joiner.lower != "и" or head.lang != "ru" or _is_measure(head):
            continue
        k = i + 3
        while k < min(len(tokens), i + 5) and _plain_adjective_ru(tokens[k]):
            k += 1
        if k == i + 3 or k >= len(tokens) or tokens[k].lang != "ru" or not (tokens[k].lemmas & head.lemmas):
            continue
        return text[: tokens[i + 3].start] + cue.text + " " + text[tokens[i + 3].start :]
    return text


def _plain_adjective_ru(token: Token) -> bool:
    """A Russian adjective or participle that is no measure word («сверхурочные», not «средние»)."""
    return (
        token.lang == "ru"
        and bool(token.parses)
        and token.parses[0].pos in ("ADJF", "PRTF")
        and _measure_func([token], 0) is None
    )


def _amount_noun_bracket(text: str, tokens: Sequence[Token]) -> str:
    """ "Wi-Fi traffic (bytes downloaded) by access point", "power usage (kwh) per meter": an English amount
    noun ("traffic", "usage", "consumption", "volume") with no measure word before it in its clause, and a
    bracket right after it naming what is measured: the bracket's words are the measure, summed, as «трафик
    (скачано байт)» is by its comment; the amount noun and one jargon word opening the clause before it
    ("Wi-Fi") only say what kind of quantity it is. Rewritten "sum of <bracket words>", so the measure
    rules ground the words (or ask, when no numeric column fits them)."""
    for k in range(len(tokens) - 3):
        noun, opening = tokens[k], tokens[k + 1]
        if noun.lang != "en" or noun.lower not in AMOUNT_NOUNS_EN or opening.text != "(":
            continue
        close = next((m for m in range(k + 2, min(len(tokens), k + 6)) if tokens[m].text == ")"), None)
        inner = tokens[k + 2 : close] if close is not None else []
        if not inner or any(t.lang != "en" or _measure_func([t], 0) is not None for t in inner):
            continue  # "traffic (sum)", "usage (2024)": read by the bracket rules
        start = k
        if k > 0 and tokens[k - 1].lang == "en" and tokens[k - 1].lower not in STOP_WORDS:
            start = k - 1  # "Wi-Fi traffic": the kind of traffic, the jargon of the measure
        clause = [t for t in tokens[:start] if t.text not in (",", ";", ":", ".")]
        leads = start == 0 or tokens[start - 1].lang == "punct" or tokens[start - 1].lower in LIST_JOINERS
        if not leads:
            continue  # inside a longer phrase ("total traffic (…)", "by traffic (…)"): the other rules'
        if any(_measure_func([t], 0) is not None for t in clause[-3:]):
            continue
        assert close is not None
        said = text[inner[0].start : inner[-1].end]
        return text[: tokens[start].start] + "sum of " + said + text[tokens[close].end :]
    return text


def _comment_glossed_measure(planner: OfflinePlanner, text: str, tokens: Sequence[Token]) -> str:
    """«выручка (итоговая сумма)», "revenue (total amount)": a noun with, in brackets right after it, words
    that say the whole comment of exactly one numeric column of the connection's tables and nothing else
    (service.work_orders.total_amount 'Итоговая сумма, руб.') names that column: the bracket glosses the
    measure, it is no second «сумма» asking which sum. Rewritten to the column's name after «сумма»/"sum of"
    (kept as said when a measure word stands right before the noun: «средняя выручка (…)»). A bracket naming
    two columns, or words that are not all the comment's, stays for the other rules (marts119)."""
    sources = _fact_connections(planner, tokens)
    if len(sources) != 1 or "(" not in text:
        return text
    numeric = [
        c
        for t in planner.catalog.tables_of(sources[0].conn_id)
        for c in _numeric_columns(t)
        if not _key_column(t, c)
    ]
    for k in range(len(tokens) - 3, -1, -1):  # from the end: earlier spans stay where they are
        noun, opening = tokens[k], tokens[k + 1]
        if noun.lang not in ("ru", "en") or opening.text != "(" or noun.lower in STOP_WORDS:
            continue
        close = next((j for j in range(k + 2, min(len(tokens), k + 7)) if tokens[j].text == ")"), None)
        inner = tokens[k + 2 : close] if close is not None else []
        if len(inner) < 2 or any(t.lang not in ("ru", "en") for t in inner):
            continue
        glossed = [c for c in numeric if _says_comment(c, inner) and all(_comment_word(c, t) for t in inner)]
        if len({c.name for c in glossed}) != 1 or close is None:
            continue
        if _measure_func([noun], 0) not in (None, "sum"):  # «среднее (итоговая сумма)»: the noun is the cue
            return text[: opening.start] + glossed[0].name + text[tokens[close].end :]
        measured = k > 0 and _measure_func(tokens, k - 1) is not None
        lead = "" if measured else ("сумма " if noun.lang == "ru" else "sum of ")
        return text[: noun.start] + lead + glossed[0].name + text[tokens[close].end :]
    return text


# A jargon word before a bracketed comment: letters, digits and hyphens, with a letter («wi-fi», «4g-сети»).
_JARGON_WORD = r"(?=[\w-]*[^\W\d_])[^\W_][\w-]*"


def _jargon_start(text: str, match: re.Match[str]) -> int:
    """Where the jargon of a comment bracket starts: «трафик wi-fi (скачано байт)», «трафик 4g-сети (…)»: a
    plain word before the one jargon word belongs to it when the two open the request, a clause or a list
    item (nothing but punctuation or «и» before them) and neither is a measure word or a preposition; else
    the jargon is the one word before the bracket."""
    start = match.start("jargon")
    before = tokenize(text[:start])
    if not before or before[-1].lang not in ("ru", "en"):
        return start
    head, rest = before[-1], before[:-1]
    if rest and not (rest[-1].lang == "punct" or rest[-1].lower in LIST_JOINERS):
        return start
    jargon = tokenize(match.group("jargon"))
    if any(_measure_func([t], 0) is not None for t in (head, *jargon)) or head.lower in STOP_WORDS:
        return start
    return head.start


# «заявлено vs одобрено (claimed_amount, approved_amount)», "sent and received (bytes_up, bytes_down)": two
# words joined by vs/и/and/против and, in brackets, one column name for each.
_PAIRED_BRACKET = re.compile(
    r"(?<![\w-])(?P<a>[^\W\d_][\w-]*)\s+(?:vs\.?|versus|против|и|and|/)\s+(?P<b>[^\W\d_][\w-]*)\s*"
    r"\(\s*(?P<c1>[A-Za-z_]\w*)\s*,\s*(?P<c2>[A-Za-z_]\w*)\s*\)",
    re.IGNORECASE,
)


# "… and booked seats (booked_count)", «… и записанных человек (booked_count)»: a list item after «и»/"and" or
# a comma, one or two words and one column name in brackets.
_LABELLED_BRACKET = re.compile(
    r"(?:(?<![\w-])(?:and|и)\s+|,\s*)(?P<words>[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*)?)\s*"
    r"\(\s*(?P<column>[A-Za-z_]\w*)\s*\)",
    re.IGNORECASE,
)


def _labelled_bracket_column(planner: OfflinePlanner, text: str, tokens: Sequence[Token]) -> str:
    """ "Total capacity and booked seats (booked_count)": a list item after a measure whose words describe the
    one numeric column bracketed after them (a word shares a stem with its name or comment: booked ~
    booked_count, «записанных» ~ 'Записано человек') is that column, listed as the measure's next item (the
    words become the name). A bracket whose words say nothing of the column stays for the other rules."""
    sources = _fact_connections(planner, tokens)
    if len(sources) != 1 or "(" not in text:
        return text
    tables = planner.catalog.tables_of(sources[0].conn_id)
    words_all = [t for t in tokens if t.lang != "punct"]  # the text before a match is never rewritten
    first_measure = next((t.start for k, t in enumerate(words_all) if _measure_func(words_all, k)), len(text))
    for match in reversed(list(_LABELLED_BRACKET.finditer(text))):  # from the end: earlier spans stay put
        name = match.group("column")
        columns = [t.column(name) for t in tables if _summable(t, name)]
        words = tokenize(match.group("words"))
        if not columns or any(
            _measure_func(words, k) is not None or w.lower in STOP_WORDS for k, w in enumerate(words)
        ):
            continue
        if not any(stem(w.lower) in _column_stems(c) for w in words for c in columns if c is not None):
            continue
        if first_measure >= match.start():
            continue  # no measure listed before: the bracket is some other phrase's
        text = f"{text[: match.start('words')]}{name}{text[match.end() :]}"
    return text


def _summable(table: Table, name: str) -> bool:
    """A numeric column of the table that holds an amount, not a key."""
    column = table.column(name)
    return column is not None and _amount_column(table, name) and not _key_column(table, column)


def _paired_bracket_columns(planner: OfflinePlanner, text: str, tokens: Sequence[Token]) -> str:
    """«заявлено vs одобрено (claimed_amount, approved_amount)»: two words joined by vs/и/and, then a bracket
    naming two numeric columns of one table of the connection, one for each word: the words label the two
    columns, and with no measure word before them each is summed (the phrase becomes «сумма a и сумма b»).
    Columns of no one table, a key or a text column leave the words to the other rules (asked)."""
    sources = _fact_connections(planner, tokens)
    if len(sources) != 1 or "(" not in text:
        return text
    tables = planner.catalog.tables_of(sources[0].conn_id)
    words = [t for t in tokens if t.lang != "punct"]  # the text before a match is never rewritten
    ends = [t.end for t in words]
    for match in reversed(list(_PAIRED_BRACKET.finditer(text))):  # from the end: earlier spans stay put
        names = (match.group("c1"), match.group("c2"))
        if not any(all(_summable(t, n) for n in names) for t in tables):
            continue
        pair = tokenize(f"{match.group('a')} {match.group('b')}")
        last = bisect.bisect_right(ends, match.start()) - 1  # the word right before the pair
        if any(_measure_func(pair, k) is not None for k in range(len(pair))) or (
            last >= 0 and _measure_func(words, last) is not None
        ):
            continue  # «средние заявлено и одобрено (…)»: the measure word's own rules read it
        lead = "сумма" if pair[0].lang == "ru" else "sum of"
        joined = "и" if pair[0].lang == "ru" else "and"
        text = f"{text[: match.start()]}{lead} {names[0]} {joined} {lead} {names[1]}{text[match.end() :]}"
    return text


# Russian adjective suffixes made from a noun: «час» -> «часовой», «месяц» -> «месячный», «день» -> «дневной».
NOUN_ADJECTIVE_SUFFIXES_RU = ("овой", "евой", "овый", "евый", "ный", "ной", "ний", "ский", "ской")


def _adjective_of_measured_comment(
    ground: _Ground,
    fact: Table,
    tokens: Sequence[Token],
    m: MeasureWord,
    k: int,
    measures: list[dict[str, Any]],
) -> bool:
    """«средняя часовая ставка» of trainers.hourly_rate 'Ставка за час': a Russian adjective right before the
    object word that named the measured column, made from a noun of that column's comment (час -> часовой),
    says the column's own unit; it is no filter, dimension or grain."""
    token = tokens[k]
    if token.lang != "ru" or k + 1 not in m.object or not any(p.pos == "ADJF" for p in token.parses[:1]):
        return False
    measured = {mm["column"] for mm in measures if mm.get("column")}
    for c in ground.columns_named(fact, [tokens[k + 1]]):
        if c.name not in measured or not c.comment:
            continue
        nouns = [x for x in _comment_lemmas(c.comment) if len(x) >= 3]
        if any(token.lemma == x + suffix for x in nouns for suffix in NOUN_ADJECTIVE_SUFFIXES_RU):
            return True
    return False


def _qualifies_measured_word(
    ground: _Ground,
    fact: Table,
    tokens: Sequence[Token],
    m: MeasureWord,
    k: int,
    measures: list[dict[str, Any]],
) -> bool:
    """«суммарно дней лечения», «сумма часов работы»: a Russian genitive noun right after the object word
    that named the measured column (days) describes that quantity; it names no column or table itself."""
    token = tokens[k]
    if (
        token.lang != "ru"
        or k - 1 not in m.object
        or not any(p.case == "gent" and p.pos == "NOUN" for p in token.parses)
        or _agreeing_noun(tokens, k)  # «длительность исходящих звонков»: the calls' adjective, a state
    ):
        return False
    if ground.columns_named(fact, [token]) or _is_measure(token):
        return False
    if _means_listed_value(token, fact):
        return False  # «литров дизеля» (fuel_kind 'diesel, …'): which rows are measured (marts119)
    measured = {mm["column"] for mm in measures if mm.get("column")}
    if any(c.name in measured for c in ground.columns_named(fact, [tokens[k - 1]])):
        return True
    unit = _unit_part(tokens[k - 1])  # «дней» -> day, a part of `days`
    return unit is not None and any(unit in name_parts(name) for name in measured)


AMOUNT_NOUNS_RU = {"потребление", "расход", "объём", "объем", "трафик"}


def _table_money_word(ph: MartPhrase, ground: _Ground, subject: list[int]) -> tuple[int, str] | None:
    """ "fuel spend per vehicle", "scholarship payout per faculty": an English money noun right after a word
    naming a table whose one money-named column is what is summed ((index of the money word, column))."""
    tokens = ph.tokens
    for k in subject:
        if k == 0 or k - 1 not in subject or not _en(tokens[k], SPEND_EN):
            continue
        table = ground.table_of(tokens[k - 1])
        if table is None:
            parts = [t for t in ground.tables if stem(tokens[k - 1].lower) in name_parts(t.name)]
            table = parts[0] if len(parts) == 1 else None  # "fuel" of fuel_cards
        if table is None:
            continue
        money = [c for c in _money_columns(table) if _money_name(c)]
        if len(money) == 1:
            return k, money[0].name
    return None


def _apposed_measure_list(tokens: Sequence[Token], measures: Sequence[MeasureWord]) -> bool:
    """ "payments per day, total amount", «платежи по дням, общая сумма и средняя сумма»: the measures, none a
    count, set off by a comma after the head and its grouping as one list (joined by «и»/"and"/","), that list
    ending the clause: they say what of the head's rows is computed, as a colon would («Стипендии по группам:
    сумма …»; marts97: a count was added beside the sum). "Visits per code, with the average duration" and
    «Возвраты по причинам и сумма возвратов» add the measure to the count: «с»/"with"/«и» before it."""
    ordered = sorted(measures, key=lambda m: m.index)
    if not ordered or any(m.func in ("count", "count_distinct", "unsupported") for m in ordered):
        return False
    first = ordered[0].index
    if first < 1 or tokens[first - 1].text not in (",", "—"):
        return False
    end = first
    for m in ordered:
        if m.index != first and (m.index - 2 != end or tokens[m.index - 1].lower not in ("и", "and", ",")):
            return False  # "…, total amount, with refunds, and …": not one list
        end = max([m.index, *m.object])
    nxt = tokens[end + 1] if end + 1 < len(tokens) else None
    return nxt is None or nxt.lang == "punct" or nxt.lower in DIM_PREPS_RU | DIM_PREPS_EN


def _head_first(words: Sequence[Token], tokens: Sequence[Token]) -> list[Token]:
    """The words of a counted noun phrase, its head noun first: the last of English words written together
    ("distinct policy holders": holders, then policy), else as said («уникальных владельцев полисов»,
    "unique customers of receipts": the head comes first). The head says what is counted; a modifier naming
    the fact itself ("policy" of policies) would pick its own column (policy_number) instead (marts101)."""
    at = [next(k for k, t in enumerate(tokens) if t is w) for w in words]
    together = all(b == a + 1 for a, b in zip(at, at[1:], strict=False))
    if len(words) > 1 and together and all(w.lang == "en" for w in words):
        return [*reversed(words)]
    return list(words)


def _clause_heads(tokens: Sequence[Token]) -> list[int]:
    """Where the request's words begin: its first word, and the word after a colon («Коллеги, нужна
    витрина: посещения по клубам», "we need a mart: fault tickets per station"), a header's end."""
    return [0, *(k + 1 for k, t in enumerate(tokens[:-1]) if t.text == ":")]


def _fact_noun_grouped(tokens: Sequence[Token], ground: _Ground, fact: Table) -> bool:
    """ "visits per day mart", «посещения по клубам»: the words begin with the fact's own noun grouped right
    away (after a state word: «Отклонённые операции по каналам», the rows in that state; or in two English
    words: "fault tickets per station"): its rows counted."""
    pair = len(tokens) > 3 and tokens[0].lang == tokens[1].lang == "en"
    if pair and ground.table_of_pair(tokens[0], tokens[1]) is fact:
        after = 2
    else:
        lead = int(
            len(tokens) > 3 and tokens[0].lang == "ru" and _state_rows_grouped(_without_with_phrase(tokens))
        )
        if len(tokens) <= 2 + lead or ground.table_of(tokens[lead]) is not fact:
            return False
        after = lead + 1
    after = _past_with_phrase(tokens, after)
    return after < len(tokens) and tokens[after].lower in DIM_PREPS_RU | DIM_PREPS_EN


def _without_with_phrase(tokens: Sequence[Token]) -> Sequence[Token]:
    """The first four words, a «с …» phrase after the first two left out («эскалированные заявки с высоким
    приоритетом по очередям»: «эскалированные заявки по очередям»)."""
    return [*tokens[:2], *tokens[_past_with_phrase(tokens, 2) :]][:4]


def _past_with_phrase(tokens: Sequence[Token], k: int) -> int:
    """Where the words go on after a «с/со»/"with" phrase of the rows at `k` («заявки с высоким или критичным
    приоритетом по очередям», "tickets with high priority per queue": up to five words, no comma, no
    grouping word in it): the rows' condition, read by the filter rules, before the grouping (marts107).
    `k` when no such phrase stands there."""
    if k >= len(tokens) or tokens[k].lower not in ("с", "со", "with"):
        return k
    for j in range(k + 1, min(len(tokens), k + 7)):
        if tokens[j].lower in DIM_PREPS_RU | DIM_PREPS_EN:
            return j if j > k + 1 else k
        if tokens[j].lang not in ("ru", "en") or tokens[j].number is not None:
            return k
    return k


def _apposed_bare_measure(tokens: Sequence[Token], m: MeasureWord, bare: set[int] | None = None) -> bool:
    """«…, сумма, …», «…, сумма и максимум, …», "…, total": measure words with no object of their own, set off
    by a comma (a list of them joined by «и»/"and"), none of them a count: they name the aggregates of the
    head's rows («колво» after a comma is the count itself)."""
    if m.func in ("count", "count_distinct", "unsupported") or m.object or m.column_ref or m.subject:
        return False
    bare = bare if bare is not None else {m.index}
    joiners = ("и", "and", ",")
    k = m.index - 1
    while k > 0 and tokens[k].lower in ("и", "and") and k - 1 in bare:
        k -= 2  # «сумма и максимум»: back to the list's first word
    if k < 0 or tokens[k].text not in (",", ";", "—", "-"):
        return False
    j = m.index + 1
    while j + 1 < len(tokens) and tokens[j].lower in joiners and j + 1 in bare:
        j += 2  # «сумма и максимум, по неделям»: past the list's last word
    nxt = tokens[j] if j < len(tokens) else None
    return nxt is None or nxt.lang == "punct" or nxt.lower in DIM_PREPS_RU | DIM_PREPS_EN


def _head_column_measure(ph: MartPhrase, ground: _Ground, fact: Table) -> None:
    """ "stops per courier per week, sum", «остановки по курьерам, максимум»: the sentence opens with a noun
    (or a noun phrase: «объём потребления по тарифам, сумма») naming one numeric column of the fact, grouped
    by «по»/per/by, and the only measures are bare words set off by a comma: they aggregate that column (never
    the rows' count, never another numeric column)."""
    tokens = ph.tokens
    # the head: up to three words before the first «по»/per/by («объём потребления по тарифам, сумма»)
    prep = next((k for k, t in enumerate(tokens[:4]) if t.lower in DIM_PREPS_RU | DIM_PREPS_EN), None)
    if prep is None or prep == 0 or not ph.measures or any(k in ph.used for k in range(prep)):
        return
    head = tokens[:prep]
    if any(t.lang not in ("ru", "en") for t in head):
        return
    bare = {m.index for m in ph.measures if not (m.object or m.column_ref or m.subject)}
    if not all(_apposed_bare_measure(tokens, m, bare) for m in ph.measures):
        return
    numeric = _numeric_names(fact)
    cols = [c for c in ground.columns_named(fact, head) if c.name in numeric]
    if len(cols) != 1:
        return
    for m in ph.measures:
        m.column_ref = cols[0].name
    # «просроченные начисления по районам, сумма»: a state word before the column's noun names no column,
    # it is the rows' state, left to the filter rules
    ph.used.update(k for k in range(prep) if not _state_word_beside(ground, fact, tokens[k], cols[0]))


def _names_measured(ground: _Ground, fact: Table, measures: list[dict[str, Any]], token: Token) -> bool:
    """`token` names a column of the fact the mart measures ("rate" of deposits.rate)."""
    measured = {m.get("column") for m in measures}
    return any(c.name in measured for c in ground.columns_named(fact, [token]))


def _spells_measured_comment(fact: Table, measures: list[dict[str, Any]], token: Token) -> bool:
    """`token` is a word of the comment of a column the mart sums or averages whose comment has two words or
    more ('Страховая премия'): read as that column's name, never as the noun of another table."""
    for measure in measures:
        column = fact.column(measure.get("column") or "")
        lemmas = _comment_lemmas(column.comment) if column is not None and column.comment else frozenset()
        if len(lemmas) >= 2 and token.lang == "ru" and token.lemmas & lemmas:
            return True
    return False


def _state_word_beside(ground: _Ground, fact: Table, token: Token, column: Column) -> bool:
    """A participle or state adjective that does not itself name `column` («просроченные», "overdue")."""
    stated = (
        _full_participle_form(token) or _state_adjective(token)
        if token.lang == "ru"
        else _english_participle(token)
    )
    return stated and column not in ground.columns_named(fact, [token])


def _postposed_measure(ph: MartPhrase) -> None:
    """«кол-во остановок максимум по курьерам»: an average, min or max word with no object right after a count
    phrase (before «по»/by, a comma or the end) says which aggregate of that phrase's column is meant, as
    «максимум кол-ва остановок» does; it is no second measure to place (a count of rows is then asked)."""
    tokens = ph.tokens
    for a, b in zip(ph.measures, ph.measures[1:], strict=False):
        if a.func != "count" or not a.object or a.column_ref or a.subject or a.units:
            continue
        if b.func not in ("avg", "min", "max") or b.object or b.column_ref or b.index != max(a.object) + 1:
            continue
        nxt = tokens[b.index + 1] if b.index + 1 < len(tokens) else None
        if nxt is not None and nxt.lang != "punct" and nxt.lower not in DIM_PREPS_RU | DIM_PREPS_EN:
            continue
        b.object = [a.index, *a.object]
        ph.measures = [m for m in ph.measures if m is not a]
        return


def _rows_noun_bracket_measure(ph: MartPhrase, ground: _Ground) -> None:
    """«выручка по броням (total_amount)», «выручка по заказам (total)»: a measure naming no column, «по» and
    a table's own noun (the rows it is taken over), then a bracket holding one numeric column of that table
    by its name: the bracket names the measure's column and the table is the fact, neither a dimension nor a
    second measure (a bracket holding a text column's word, «по отделам (название)», still says which
    column of the department groups)."""
    tokens, n = ph.tokens, len(ph.tokens)
    for m in list(ph.measures):
        first = max([m.index, *m.object]) + 2  # the noun after «по»
        if m.func not in ("sum", "avg", "min", "max") or m.column_ref is not None or first + 2 >= n:
            continue
        inside = first + 2  # «(total_amount)» replaced the noun's dimension, "(total)" read as a measure,
        # or qualifies it («по билетам (price)»: a column of that very table, read as which of its columns)
        if tokens[first - 1].lower not in DIM_PREPS_RU | DIM_PREPS_EN or not {
            (first,),
            (inside,),
            (inside, first),
        } & {tuple(d) for d in ph.dims}:
            continue
        if tokens[first + 1].text != "(" or tokens[first + 3].text != ")":
            continue
        table = ground.table_of(tokens[first])
        column = table.column(tokens[inside].text) if table is not None else None
        if table is None or column is None or column not in _numeric_columns(table):
            continue
        if ph.fact_hint is not None and ph.fact_hint is not table:
            continue
        m.column_ref = column.name
        ph.fact_hint = table
        ph.used.update({first - 1, first, first + 1, inside, first + 3})
        ph.measures = [e for e in ph.measures if e.index != inside]  # "(total)" read as a second sum
        ph.dims = [d for d in ph.dims if d != [first] and inside not in d]
        ph.bracketed = [e for e in ph.bracketed if first not in e[1]]
        return


def _measure_of_nothing(ph: MartPhrase, ground: _Ground, fact: Table) -> bool:
    """A sum/average/min/max whose words name no column: only a generic noun («среднее значение», "average
    figure") or the fact's own noun summed or averaged over a fact with no money column ("average outage"
    on outages: households or a duration?). Which column is meant only the user can say; a word that names a
    column of the fact, or "order value" (the fact's noun and a generic one: its money), is never this."""
    for m in ph.measures:
        if m.func in ("count", "count_distinct", "unsupported") or m.column_ref or m.subject or m.units:
            continue
        words = [ph.tokens[k] for k in m.object if ph.tokens[k].lang in ("ru", "en")]
        if not words or any(ground.columns_named(fact, [w]) for w in words):
            continue
        if all(_word(w, GENERIC_VALUE_RU, GENERIC_VALUE_EN) for w in words):
            if _generic_value_column(fact, words) is not None:
                continue  # «среднее значение» of lab.results.value: the column the word translates
            return True
        # "average outage" over outages (no money, households and times): households or a duration? With a
        # money column («средний заказ», «сумма вкладов») the other rules take the money
        if (
            all(ground.table_of(w) is fact for w in words)
            and m.func in ("avg", "sum")
            and not _money_columns(fact)
        ):
            return True
    return False


PURPOSE_LINKS = {"на", "за", "for", "on"}  # «расходы на топливо», "spend on fuel": what the money went on


def _measure_qualifiers(
    ph: MartPhrase, ground: _Ground, fact: Table, measures: Sequence[dict[str, Any]]
) -> None:
    """Words of a measured phrase that say what the chosen column already is, read (never asked as residue):
    a part of its name ("total seats" of seats_total), the quantity its unit measures («вес багажа» of
    baggage_kg: kg is a weight) and, after the money word or behind «на»/"for", a word naming a part of the
    fact's own compound name («сумма расходов на топливо» of fleet.fuel_cards: fuel)."""
    tokens = ph.tokens
    units = {
        UNIT_QUANTITIES[part]
        for item in measures
        if (column := fact.column(str(item.get("column")))) is not None
        for part in column.name.lower().split("_")
        if part in UNIT_QUANTITIES
    }
    parts = set(name_parts(fact.name)) if len(name_parts(fact.name)) > 1 else set()
    measured = {  # "total seats" of seats_total: a word of the measured column's own name
        part
        for item in measures
        if (column := fact.column(str(item.get("column")))) is not None
        for part in name_parts(column.name)
    }
    for m in ph.measures:
        span = list(m.object)
        last = max([m.index, *m.object])
        if (
            last + 2 < len(tokens)
            and tokens[last + 1].lower in PURPOSE_LINKS
            and tokens[last + 2].lang == "ru"
        ):
            span.append(last + 2)
        for k in span:
            word = tokens[k]
            if k in ph.used or word.lang not in ("ru", "en") or _means_listed_value(word, fact):
                continue  # «литров бензина» of fuel_logs: petrol is a listed fuel_kind, not the name's "fuel"
            meanings = ground.meanings(word.lower)
            own = bool(parts & meanings) and ground.table_of(word) in (None, fact)
            named = k in m.object and bool(measured & (meanings | {stem(word.lower)}))
            if own or named or units & meanings:
                ph.used.add(k)
                if k not in m.object:
                    ph.used.add(k - 1)


def _spelled_with_cue(ground: _Ground, fact: Table, words: Sequence[Token]) -> Column | None:
    """ "total seats" of aircraft.seats_total (beside seats_business): the measure word and its object spell
    every part of one numeric column's compound name, the cue «total» included, and each object word is one
    of those parts; None unless exactly one column is spelled so."""
    said = [{stem(w.lower), *ground.meanings(w.lower)} for w in words]
    spelled = [  # every part said, and every object word saying one («сумма предоплат» is no total_amount)
        c
        for c in _numeric_columns(fact)
        if len(parts := set(name_parts(c.name))) > 1
        and parts <= set().union(*said)
        and all(x & parts for x in said[1:])
        and not _key_column(fact, c)
    ]
    return spelled[0] if len(spelled) == 1 else None


def _generic_value_column(fact: Table, words: Sequence[Token]) -> Column | None:
    """«среднее значение», "average value" over a fact with a numeric column named by the word's English
    (lab.results.value, readings.value 'Показание'): that column; None when the fact has none (asked)."""
    names = {GENERIC_VALUE_NAMES.get(x) for w in words for x in (w.lower, *w.lemmas)} - {None}
    if len(names) != 1:
        return None
    column = fact.column(str(next(iter(names))))
    return column if column is not None and column.name in _numeric_names(fact) else None


def _measure_per_own_row(
    ph: MartPhrase, ground: _Ground, fact: Table, measures: Sequence[dict[str, Any]]
) -> bool:
    """«сумма абонентской платы по тарифам» on tariffs: a value of the fact's rows summed or averaged per the
    fact's own rows (one row a group) is no aggregate at all: per what, or over which table, is asked. A
    count per own row, a word naming a column too («по складам» of inventory: warehouse), or the fact's noun
    with a dimension after it (marts38: whose measure), is not this."""
    if not measures or any(m.get("func") in ("count", "count_distinct") for m in measures):
        return False
    words = [[ph.tokens[k] for k in group if ph.tokens[k].lang in ("ru", "en")] for group in ph.dims]
    own = [
        group
        for group in words
        if group and all(ground.table_of(w) is fact and not ground.columns_named(fact, [w]) for w in group)
    ]
    return len(own) == len(words) == 1 and not ph.grain


# Prepositions placing the rows in a table («в табеле», "in the timesheet"): the table, not what is counted.
REGISTER_PLACE_WORDS = {"в", "во", "in"}


def _how_many_in_register(ph: MartPhrase, ground: _Ground, fact: Table) -> bool:
    """«Сколько по каждому проекту в табеле?»: a bare «сколько» whose table is only named as the place the
    rows are in, over a table with a quantity of its own (timesheets.hours): rows or hours, only the user
    knows."""
    if not _how_many_of_nothing(ph) or any(m.units for m in ph.measures) or not _numeric_columns(fact):
        return False
    own = [i for i, w in enumerate(ph.tokens) if w.lang in ("ru", "en") and ground.table_of(w) is fact]
    return bool(own) and all(i and ph.tokens[i - 1].lower in REGISTER_PLACE_WORDS for i in own)
