"""Row filters and row states of a mart: the flags, states, values and conditions a sentence puts on
the fact's rows."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from airflow_ai_etl.catalog import Column, Table, listed_values
from airflow_ai_etl.marts.resolve import column_kind
from airflow_ai_etl.planning.filters import (
    assumed_state,
    counts_units,
    ends_in_exception,
    state_two_columns_question,
)
from airflow_ai_etl.planning.flags import of_table
from airflow_ai_etl.planning.lexer import Token, _morph, tokenize
from airflow_ai_etl.planning.lexicon import (
    SPLIT_LINKS,
    SPLIT_NEGATIONS,
    SPLIT_REST_EN,
    SPLIT_REST_RU,
    SPLIT_SEPARATELY,
)
from airflow_ai_etl.planning.marts.ground import (
    _column_stems,
    _columns_of_word,
    _comment_names,
    _comment_verb,
    _describes,
    _event_happened,
    _event_time_columns,
    _fact_connections,
    _fk_column,
    _Ground,
    _key_column,
    _listed_text_values,
    _listed_value_condition,
    _names_clickhouse,
    _numeric_columns,
    _part_match,
    _rate_column,
    _same_head,
    _state_participle_value,
    _state_readings,
    _time_columns,
    _titles_fact,
    _via_comment_tables,
    _via_key,
)
from airflow_ai_etl.planning.marts.phrase import MartPhrase
from airflow_ai_etl.planning.marts.words import (
    _BARE_NULL,
    ARTICLES_EN,
    DIM_PREPS_EN,
    DIM_PREPS_RU,
    EACH,
    EVENT_PREFIX,
    FILLER_EN,
    FROM_WORDS,
    LIST_JOINERS,
    NEGATION_WORDS,
    NULL_WORDS,
    ONLY_WORDS,
    PEOPLE_EN,
    PEOPLE_RU,
    SOLD_LEMMAS,
    MeasureWord,
    _chat_word,
    _comment_head,
    _comment_lemmas,
    _dim_word,
    _english_participle,
    _finite_event_verb,
    _flag_adjective,
    _full_participle_form,
    _grain_adjective,
    _is_measure,
    _said_excluded,
    _spans_blanked,
    _stops,
    _verb_times,
    _word,
)
from airflow_ai_etl.planning.request import status_spellings, status_word
from airflow_ai_etl.planning.vocabulary import (
    CURRENCY_CODE_ALIASES,
    ROW_PRONOUNS_EN,
    currency_code,
    name_parts,
    stem,
)

if TYPE_CHECKING:
    from airflow_ai_etl.planning.offline import OfflinePlanner


def _dim_word_columns(table: Table, token: Token) -> list[Column]:
    """The table's column DIM_WORDS names by this word, as a list (none when it has no such column)."""
    local = _dim_word(token)
    column = table.column(local) if local else None
    return [column] if column is not None else []


_BARE_VALUE = re.compile(
    r"\b(?P<col>[A-Za-z_][A-Za-z0-9_]*)\s*(?P<op>=|!=|<>)\s*(?P<word>[A-Za-z][\w-]*)\b(?![\w'(.])"
)


def _quoted_bare_values(text: str, fact: Table) -> str:
    """«только direction = in», "status = paid": an unquoted word compared with a text column of the fact (and
    naming no column of it) is that column's value, quoted for the filter rules (an English preposition such
    as "in" is otherwise read as a word of the sentence)."""

    def quote(match: re.Match[str]) -> str:
        column = fact.column(match.group("col"))
        word = match.group("word")
        if column is None or column_kind(column.type).family != "text" or fact.column(word) is not None:
            return match.group(0)
        if word.lower() in ("null", "true", "false"):
            return match.group(0)
        return f"{match.group('col')} {match.group('op')} '{word}'"

    return _BRACKETED_VALUE.sub(functools.partial(_bracketed_value, fact), _BARE_VALUE.sub(quote, text))


# "(direction debit)", «(seal_ok false)»: a column name and one word alone in brackets
_BRACKETED_VALUE = re.compile(r"\(\s*(?P<col>[A-Za-z_][A-Za-z0-9_]*)\s+(?P<word>[A-Za-z][\w-]*)\s*\)")


def _bracketed_value(fact: Table, match: re.Match[str]) -> str:
    """ "(direction debit)" -> "(direction = 'debit')": a text column of the fact with a value its comment
    lists, or a boolean column with true/false, is that condition (it was dropped as soon as another filter
    was read). Any other word is left as said, for the rules that ask."""
    column, word = fact.column(match.group("col")), match.group("word")
    if column is None or fact.column(word) is not None:
        return match.group(0)
    family = column_kind(column.type).family
    if family == "bool" and word.lower() in ("true", "false"):
        return f"({column.name} = {word.lower()})"
    if family == "text" and word in listed_values(column.comment):
        return f"({column.name} = '{word}')"
    if family == "text" and not listed_values(column.comment) and _may_hold(column, word):
        return f"({column.name} = '{word}')"  # «только вход (direction in)»: no values listed, both said
    return match.group(0)


def _relative_flag(ph: MartPhrase, ground: _Ground, fact: Table) -> str | None:
    """«число занятий, на которых студент присутствовал», «…, где студент не присутствовал»: a relative
    clause whose verb is the comment of one boolean column of the fact ('Присутствовал на занятии') is that
    flag's condition (`present = true`, with «не» `present = false`); the clause's own nouns (the person who
    did it) say nothing more. Any other word in the clause leaves it to the other rules (asked)."""
    tokens, n = ph.tokens, len(ph.tokens)
    flags = [c for c in fact.columns if column_kind(c.type).family == "bool" and c.comment]
    if not flags:
        return None
    for i, t in enumerate(tokens):
        if not (t.lower == "где" or (t.lang == "ru" and t.lemma == "который")) or i in ph.used:
            continue
        start = i - 1 if i > 0 and tokens[i - 1].lang == "ru" and tokens[i - 1].has({"на", "в", "у"}) else i
        end, negated, verb = i + 1, False, None
        while end < n and tokens[end].lang == "ru" and end - i <= 4 and end not in ph.used:
            w = tokens[end]
            if w.lower == "не":
                negated = True
            elif w.parses and w.parses[0].pos == "VERB":
                verb = w
                end += 1
                break
            elif not (w.parses and w.parses[0].pos == "NOUN" and w.has(w.lemmas, case=("nomn",))):
                break
            end += 1
        if verb is None or (end < n and tokens[end].lang == "ru"):
            continue  # the clause goes on past its verb: not only a flag
        named = [c for c in flags if verb.lemmas & _comment_lemmas(c.comment or "")]
        if len(named) != 1:
            continue
        if start > 0 and tokens[start - 1].lower in ONLY_WORDS and start - 1 not in ph.used:
            start -= 1  # «только где студент присутствовал»: the cue is the clause's condition too
        ph.used.update(range(start, end))
        return f"{named[0].name} = {'false' if negated else 'true'}"
    return None


WITH_WORDS = {"с", "со", "with", "having"}  # «поездки с промокодом», "trips with a promo code"


def _state_or_counter(ph: MartPhrase, ground: _Ground, fact: Table, ask: Any) -> str | None:
    """«Сумма просроченных кредитов», "total of overdue loans": a sum/avg/min/max whose object is only the
    fact's noun and a state word before it that means one listed value of a text column (status 'overdue')
    while a column counting units of the same thing (overdue_days 'Дней просрочки') could be the measured
    column: the loans' amount where the status says so, or their overdue days? Asked, never the money
    column guessed. A count («сколько просроченных кредитов»), or a measure naming its column («ставка
    просроченных кредитов»), reads the word as the rows' state (status = 'overdue'), as marts26 decided."""
    counters = [c for c in fact.columns if counts_units(c)]
    if not counters:
        return None
    tokens, listed = ph.tokens, _listed_text_values(fact)
    for m in ph.measures:
        if m.func not in ("sum", "avg", "min", "max") or m.column_ref:
            continue
        for k in m.object:
            word = tokens[k]
            if k + 1 >= len(tokens) or ground.table_of(tokens[k + 1]) is not fact:
                continue
            others = [tokens[j] for j in m.object if j not in (k, k + 1)]
            if any(ground.columns_named(fact, [w]) for w in others):
                continue  # «ставка просроченных кредитов»: the rate is measured, the word is a state
            values, counted = _state_readings(word, listed, counters)
            if len(values) == 1 and len(counted) == 1:
                column, value = values[0]
                return ask("state_or_count", phrase=word.text, column=column.name, value=value,
                           counter=counted[0].name, table=fact.name)  # fmt: skip
    return None


def _means_listed_value(word: Token, fact: Table) -> bool:
    """A word meaning a value a text column of the fact lists ("overdue", «просроченных»: status
    'overdue')."""
    return bool(_state_readings(word, _listed_text_values(fact), [])[0])


def _rows_by_listed_value(ph: MartPhrase, fact: Table) -> bool:
    """«убытки по болезням»: no measure word, and every word after «по» is a Russian word
    for a value a text column of the fact lists (vocabulary.VALUE_MEANINGS): the rows of that value are
    loaded, nothing is grouped (planner49). A measure word («сумма убытков по болезням») keeps the mart."""
    if ph.measures or not ph.dims or any(len(words) != 1 for words in ph.dims):
        return False
    listed = _listed_text_values(fact)
    return all(ph.tokens[words[0]].lang == "ru" and _state_readings(ph.tokens[words[0]], listed, [])[0]
               for words in ph.dims)  # fmt: skip


def _english_event_noun_columns(token: Token, fact: Table) -> list[Column]:
    """ "activations" -> activated_on: the time columns of the fact an English event noun's stem begins."""
    if token.lang != "en" or not token.lower.endswith(("tion", "tions", "ment", "ments")):
        return []
    return [c for c in _time_columns(fact) if _part_match(stem(token.lower), c)]


_EXPLAINED = re.compile(r"((?:[^\W\d_][\w-]*\s+){1,4})\(\s*([A-Za-z_][A-Za-z0-9_]*)\b[^()]*\)")
EXPLAINED_CLAUSE = {"who", "that", "which", "have", "has", "had", "not", "never", "been", "was", "were", "is",
                    "are", "который", "не", "был", "была", "были", "было"}  # fmt: skip
EXPLAINED_KEEP = {"только", "лишь", "only", "just", "где", "where", "с", "со", "with", "и", "and"}


def _explained_filter(text: str, fact: Table) -> str:
    """«только оплаченные счета (paid_at заполнен)», "only shipped orders (shipped_at is set)": the
    bracket says what the adjective means, so the adjective is not read as a second condition
    (a guessed status = 'paid'); only the spelled-out condition on the column stays."""
    chars = list(text)
    for match in _EXPLAINED.finditer(text):
        if fact.column(match.group(2)) is None:
            continue
        if ends_in_exception(text[: match.start(1)].lower() + match.group(1).lower()):
            continue  # «без возвращённых (status refunded)»: the rows left out, read by the filter rules
        start = match.start(1)
        said = list(re.finditer(r"\S+", match.group(1)))
        leads = [w for w in said[:-1] if w.group(0).lower() in EXPLAINED_KEEP]
        if leads:  # «только где указан страховой полис (…)»: the words after the last lead are explained
            start += leads[-1].end()
        elif len(said) > 2 and said[-1].group(0).lower() not in EXPLAINED_KEEP:
            start += said[-3].end()  # no lead: the two words right before the bracket, as before
        if len(said) == 2 and said[-1].group(0).lower() in ONLY_WORDS:
            before = re.search(r"([^\W\d_][\w-]*)\s+$", text[:start])
            if before is not None:  # "active staff only (fired_at empty)": the words the «only» closes
                start = before.start(1)
        while (  # "who have not been fired (fired_at is null)": the whole clause the bracket explains
            (before := re.search(r"(\S+)\s+$", text[:start])) is not None
            and before.group(1).lower() in EXPLAINED_CLAUSE
        ):
            start = before.start(1)
        for word in re.finditer(r"\S+", text[start : match.end(1)]):
            if word.group(0).lower() in EXPLAINED_KEEP or fact.column(word.group(0)) is not None:
                continue
            for k in range(start + word.start(), start + word.end()):
                chars[k] = " "
    return "".join(chars)


def _bare_null_check(text: str, fact: Table) -> tuple[str, str | None]:
    """ "unpaid invoices (paid_at empty)", "employees with fired_at empty": a column of the fact and a null
    word with no "is" between them (the filter rules read "paid_at is empty") is that null check; the
    phrase is blanked so it is not read again. A column the fact lacks is left for the rules to ask about."""
    for match in _BARE_NULL.finditer(text):
        column = fact.column(match.group("col"))
        if column is None or (match.group(0).startswith("(") and not match.group("close")):
            continue
        missing = match.group("word").lower().startswith(NULL_WORDS) != bool(match.group("not"))
        from airflow_ai_etl.planning.filters import _null_check

        condition = _null_check(fact, column.name, missing, match.group("word").lower() == "null")
        begin = match.start()
        while (
            (  # "active staff only (fired_at empty)", «только где … (x не пустой)»: the lead words too
                lead := re.search(
                    r"(?<![\w-])(только|лишь|где|only|just|where)\s+$", text[:begin], re.IGNORECASE
                )
            )
            is not None
        ):
            begin = lead.start()
        blanked = text[:begin] + " " * (match.end() - begin) + text[match.end() :]
        return blanked, condition
    return text, None


_KEY_NOUN_NULL = re.compile(
    r"(?<![\w-])(?:(?:только|лишь)\s+)?(?:у\s+(?:кого|которых)|где)\s+(?P<noun>[^\W\d_]+)\s+(?P<not>не\s+)?"
    r"(?P<word>назначен\w*|указан\w*|заполнен\w*|привязан\w*)(?![\w-])",
    re.IGNORECASE,
)


def _key_noun_null_check(text: str, fact: Table) -> tuple[str, str | None]:
    """«число записей, где врач не назначен»: a clause whose subject is the noun one key column of the fact
    is commented with ('Врач' of vet_id, 'Курьер (пусто, пока не назначен)' of courier_id) and whose
    participle says it is (not) set is that key's null check, as «где vet_id не заполнен» is. The clause is
    blanked; a noun no key or several keys say is left for the rules to ask about."""
    from airflow_ai_etl.planning.filters import _null_check

    for match in _KEY_NOUN_NULL.finditer(text):
        noun = tokenize(match.group("noun"))
        if len(noun) != 1:
            continue
        keys = [
            c
            for c in fact.columns
            if _key_column(fact, c) and c.name not in fact.primary_key and c.comment
            and (head := next(iter(tokenize(c.comment)), None)) is not None and head.lemmas & noun[0].lemmas
        ]  # fmt: skip
        if len(keys) != 1:
            continue
        condition = _null_check(fact, keys[0].name, bool(match.group("not")), False)
        return text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :], condition
    return text, None


def _people_at_flagged_event(ph: MartPhrase, ground: _Ground) -> None:
    """«Сколько студентов присутствовало на занятиях», «сколько студентов не присутствовало»: a counted noun
    naming a register (students) followed by a verb that names the one boolean column of a table pointing
    at that register (attendance.present, 'Присутствовал на занятии') counts that table's rows: the verb is
    their flag (read later by _verb_flag, «не» making it false), and «на занятиях» after it names the same
    table, not a filter value. Any other verb leaves the register (and the rules that ask) alone."""
    tokens, n = ph.tokens, len(ph.tokens)
    for m in ph.measures:
        if m.func != "count" or not m.object or m.column_ref:
            continue
        negated = [k for k in m.object[1:] if tokens[k].lower == "не"]  # «студентов не присутствовало»
        if len(m.object) != 1 + len(negated) or negated not in ([], [m.object[0] + 1]):
            continue
        people = ground.table_of(tokens[m.object[0]])
        k = m.object[0] + 1 + (m.object[0] + 1 < n and tokens[m.object[0] + 1].lower == "не")
        if people is None or k >= n or k in ph.used or tokens[k].lang != "ru" or not tokens[k].parses:
            continue
        if tokens[k].parses[0].pos not in ("VERB", "PRTS", "PRTF"):
            continue
        events = [
            table
            for table in ground.tables
            if table is not people
            and _fk_column(table, people) is not None
            and [column_kind(c.type).family for c in ground.columns_named(table, [tokens[k]])] == ["bool"]
        ]
        if len(events) != 1:
            continue
        ph.fact_hint = events[0]
        ph.counted_entity = people  # the students are counted, the attendance rows say which
        ph.used.add(m.object[0])
        ph.used.difference_update(negated)  # «не» stays with the verb: _verb_flag reads it (present = false)
        m.object = []
        if (
            k + 2 < n
            and tokens[k + 1].lower in ("на", "в", "во")
            and ground.table_of(tokens[k + 2]) is events[0]
        ):
            ph.used.update({k + 1, k + 2})  # «на занятиях»: the event table's own noun
        return


def _and_where(definition: dict[str, Any], condition: str) -> None:
    """ANDs `condition` onto the mart's WHERE, bracketing a WHERE with an OR so the AND binds all of it."""
    prior = definition.get("where")
    definition["where"] = (
        f"({prior}) AND {condition}"
        if prior and " OR " in prior.upper()
        else (f"{prior} AND {condition}" if prior else condition)
    )


REQUIRED_VALUE = re.compile(r"(\w+) = ('(?:[^']|'')*'|true|false|-?\d+(?:\.\d+)?)")
EXCLUDED_LIST = re.compile(r"(\w+) NOT IN \(((?:'(?:[^']|'')*'(?:, )?)+)\)")
EXCLUDED_VALUE = re.compile(r"(\w+) (?:<>|!=|IS DISTINCT FROM) ('(?:[^']|'')*'|true|false|-?\d+(?:\.\d+)?)")


def _drop_split_flag_conditions(definition: dict[str, Any], fact: Table) -> None:
    """A flag the mart is split by ("split by is_roaming", «в разбивке по is_esim») keeps both its values: a
    word naming one of them elsewhere ("Roaming vs home:", "Roaming calls …") titles the split, so the
    condition it was read as (`is_roaming = true`, ANDed at the top) is dropped: beside the dimension it
    would make a one-valued split."""
    where = definition.get("where") or ""
    if not where or " OR " in where.upper():
        return
    split = {d.lower() for d in definition.get("dimensions") or [] if isinstance(d, str)}
    flags = {c.name.lower() for c in fact.columns if "bool" in c.type.lower()} & split
    if not flags:
        return
    parts = where.split(" AND ")
    kept = [
        p
        for p in parts
        if not (
            (m := REQUIRED_VALUE.fullmatch(p.strip()))
            and m.group(1).lower() in flags
            and m.group(2) in ("true", "false")
        )
    ]
    if len(kept) != len(parts):
        definition["where"] = " AND ".join(kept) or None


def _contradicted(where: str) -> tuple[str, str, str] | None:
    """(column, required, excluded) when one WHERE both requires and excludes a value of a column
    («status = 'x' AND status <> 'x'»): a mart of no rows, which two rules reading the same words, or two
    phrases saying opposite things, would otherwise plan. Only the parts ANDed at the top count (an OR may
    hold either)."""
    tops = [p.strip() for p in where.split(" AND ") if " OR " not in p.upper()]
    parts = [p for p in tops if "(" not in p]
    required = {m.groups(): p for p in parts if (m := REQUIRED_VALUE.fullmatch(p))}
    excluded = {m.groups(): p for p in parts if (m := EXCLUDED_VALUE.fullmatch(p))}
    for p in tops:  # "status NOT IN ('cancelled', 'refunded') AND status = 'refunded'" (marts97)
        if (listed := EXCLUDED_LIST.fullmatch(p)) is not None:
            excluded.update({(listed.group(1), v): p for v in re.findall(r"'(?:[^']|'')*'", listed.group(2))})
    both = sorted(required.keys() & excluded.keys())
    if both:
        return both[0][0], required[both[0]], excluded[both[0]]
    # «успешных оплат (refunded)»: two values one column must equal, each said by other words
    by_column: dict[str, list[str]] = {}
    for (column, _), part in required.items():
        by_column.setdefault(column, []).append(part)
    return next(((c, ps[0], ps[1]) for c, ps in sorted(by_column.items()) if len(ps) > 1), None)


def _release_via_values(ph: MartPhrase, ground: _Ground, fact: Table) -> None:
    """«операций через СБП», "payments via sbp": a «через»/"via" phrase whose word names no table nor a
    table's comment is no path to join through; it goes back to the filter rules (channel = 'sbp'), which
    read it or ask, instead of being dropped unread."""
    comments = _via_comment_tables(ph, ground)
    for k in ph.via:
        if ground.table_of(ph.tokens[k]) is not None or fact in comments or _via_key(ph, ground, fact, k):
            continue  # a table, a table's comment or a key of the fact («через passenger_id»): a path
        ph.used.difference_update({k - 1, k})


def _release_from_values(ph: MartPhrase, ground: _Ground, fact: Table) -> None:
    """«заказов из агрегаторов», "orders from aggregators" ('Канал заказа (app, website, call_center,
    aggregator)'): a «из»/"from" word read as the rows' source that names no table but a value a column of
    the fact lists says where the rows came from; it goes back to the filter rules (channel = 'aggregator'),
    never dropped (marts104)."""
    tokens = ph.tokens
    for k in list(ph.sources):
        if k < 1 or tokens[k - 1].lower not in FROM_WORDS or ground.table_of(tokens[k]) is not None:
            continue
        if _means_listed_value(tokens[k], fact):
            ph.sources.remove(k)
            ph.used.difference_update({k - 1, k})


def _release_only_value_bracket(ph: MartPhrase, fact: Table) -> None:
    """«только проход по лицу (face_id)», «только вход по карте (card)» ('Способ прохода (card, app,
    face_id)'): a «по» group after an only-word of its clause whose bracket holds a value a column of the fact
    lists says which rows are kept, not a grouping; its words go back to the filter rules (entry_method =
    'face_id'), never a dimension beside the unread noun (marts104)."""
    tokens = ph.tokens
    listed = {v.lower() for _, v in _listed_text_values(fact)}
    for group in list(ph.dims):
        bracketed = [k for k in group if 0 < k < len(tokens) - 1 and tokens[k - 1].text == "("]
        if not bracketed or not all(tokens[k].lower in listed for k in bracketed):
            continue
        first, last = min(group), max(group) + 1  # the bracket's closing mark after the value
        clause = first
        while clause > 0 and tokens[clause - 1].text not in (",", ";", ":"):
            clause -= 1
        by = next((k for k in range(first - 1, clause - 1, -1) if tokens[k].lower in ("по", "by")), None)
        if by is None or not any(tokens[k].lower in ONLY_WORDS for k in range(clause, by)):
            continue
        ph.dims.remove(group)
        ph.used.difference_update(range(by, min(last + 1, len(tokens))))


NOT_YET_LEAD = {"только", "лишь", "only", "те", "тех", "которые", "что", "кто", "ещё", "еще", "пока", "still",
                "yet", "those", "that", "which", "are", "were", "have", "has", "been", ","}  # fmt: skip


def _not_yet_lead(tokens: Sequence[Token], i: int) -> bool:
    """Word `i` leads a not-yet phrase: NOT_YET_LEAD, or «так и» of «так и не вернули» ("never did", as the
    loads' clause rule reads it: filters.NEVER_YET, marts126)."""
    word = tokens[i].lower
    if word in NOT_YET_LEAD:
        return True
    before = tokens[i - 1].lower if i > 0 else ""
    after = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    return (word, after) == ("так", "и") or (before, word) == ("так", "и")


def _state_column(token: Token, fact: Table) -> Column | None:
    """The nullable time column a verb or participle says has happened: «вернули», «возвращённые»,
    "returned" -> returned_at; «закрыли» -> closed_at (by the time word, or the column's comment: 'Когда книгу
    вернули')."""
    parts = _verb_times(token)
    columns = [c for c in _time_columns(fact) if c.nullable]
    found = [c for c in columns if any(_part_match(p, c) for p in parts)]
    if not found and token.lang == "ru":
        found = [c for c in columns if token.lemmas & _comment_lemmas(c.comment or "")]
    return found[0] if len(found) == 1 else None


def _not_yet_span(ph: MartPhrase, fact: Table) -> tuple[int, int, Column] | None:
    """(first, last token, column) of «(только те, что) ещё не вернули», «не возвращённые», "not (yet)
    returned": a row whose event has not happened, its time column still empty."""
    tokens = ph.tokens
    for i, t in enumerate(tokens):
        if t.lower not in ("не", "not") or i + 1 >= len(tokens):
            continue
        k = i + 1 + (tokens[i + 1].lower in ("yet", "ещё", "еще", "been"))
        if k >= len(tokens) or k in ph.used:
            continue
        column = _state_column(tokens[k], fact)
        if column is None:
            continue
        first = i
        while first > 0 and first - 1 not in ph.used and _not_yet_lead(tokens, first - 1):
            first -= 1
        last = k + (k + 1 < len(tokens) and tokens[k + 1].lower == "yet")
        return first, last, column
    return None


def _claim_not_yet(ph: MartPhrase, fact: Table) -> None:
    found = _not_yet_span(ph, fact)
    if found is not None:
        first, last, _ = found
        while first <= last and ph.tokens[first].lang == "punct":
            first += 1
        ph.used.update(range(first, last + 1))
        ph.blank.append((ph.tokens[first].start, ph.tokens[last].end))
        ph.not_yet = found[2].name


def _value_of_column(ph: MartPhrase, ground: _Ground, fact: Table) -> str | None:
    """ "only sales from the north region", "only orders in the web channel": a plain word before a noun that
    names one text column of the fact, after from/in, is that column's value (claimed, so no other rule
    reads «north» as a table or leaves "region" unread). "only" right before the pair or right after it says
    the same ("only the north region", "north region only": marts122)."""
    tokens, n = ph.tokens, len(ph.tokens)
    for j in range(1, n - 1):
        i = j - 1 - int(tokens[j - 1].lower == "the" and j > 1)
        only_after = j + 2 < n and tokens[j + 2].lower == "only"
        ends = j + 2 >= n or tokens[j + 2].lang == "punct" or only_after  # "only where status is paid": no
        before = tokens[i].lower in ("from", "in") or (tokens[i].lower == "only" and ends)
        if not (before or only_after) or (j + 1) in ph.used:
            continue
        value, noun = tokens[j], tokens[j + 1]
        if value.lang != "en" or not value.text.isalpha() or ground.table_of(value) is not None:
            continue
        if fact.column(value.text) or ground.columns_named(fact, [value]):
            continue
        columns = [c for c in ground.columns_named(fact, [noun]) if column_kind(c.type).family == "text"]
        if len(columns) != 1 or columns[0].name.lower() != noun.lower:
            continue
        if not _may_hold(columns[0], value.lower):
            continue  # "in escalated status" of 'Статус (open, in_progress, resolved, closed)': left, asked
        first = i if before else j
        while first > 0 and (tokens[first - 1].lower == "only" or ground.table_of(tokens[first - 1]) is fact):
            first -= 1
        last = j + 1 + int(only_after)
        ph.used.update(range(first, last + 1))
        ph.blank.append((tokens[first].start, tokens[last].end))
        ph.sources = [k for k in ph.sources if k != j]
        return f"{columns[0].name} = '{value.lower}'"
    return None


def _may_hold(column: Column, value: str) -> bool:
    """Whether a value said in plain words may be stored in ``column``: one of the values its comment lists
    (or a spelling of one), or any value when it lists none, except for a state column whose comment says
    what it is without listing its values (a state word that no comment lists is asked, never guessed)."""
    listed = {v.lower() for v in listed_values(column.comment)}
    if listed:
        return value in listed or any(v in listed for v in status_spellings(value))
    return column.name.lower() not in ("status", "state") or not (column.comment or "").strip()


def _type_column(fact: Table) -> Column | None:
    """The fact's one text column for the kind of its rows, `<own noun>_type`/`_kind` (events.event_type)."""
    own = set(name_parts(fact.name))
    found = [
        c
        for c in fact.columns
        if column_kind(c.type).family == "text"
        and len(parts := name_parts(c.name)) == 2
        and parts[0] in own
        and parts[1] in ("type", "kind")
    ]
    return found[0] if len(found) == 1 else None


def _type_word_value(ph: MartPhrase, ground: _Ground, fact: Table) -> str | None:
    """ "hourly purchase events per user", "a login event": an English word right before the fact's own noun,
    on a fact whose rows have a kind column named after that noun (events.event_type), is that kind's value,
    when the word is nothing else the mart reads (no measure, grain, column or the fact itself), no word of a
    table's name ("user events") or of the fact's columns, no adjective of age or state ("recent", "failed":
    asked). When the kind column's comment lists its values, only a listed one is a value: "Bank accounts" of
    a bank whose account types are current/savings/salary is the domain's word, not account_type = 'bank'."""
    from airflow_ai_etl.planning.offline import EN_LEAD_WORDS, EN_STATE_FORM

    column = _type_column(fact)
    if column is None:
        return None
    listed = {v.lower() for v in listed_values(column.comment)}
    named = {p for x in (*(t.name for t in ground.tables), *fact.column_names) for p in name_parts(x)}
    tokens = ph.tokens
    for i in range(len(tokens) - 1):
        t, noun = tokens[i], tokens[i + 1]
        if i in ph.used or t.lang != "en" or not t.text.isalpha() or t.lower in FILLER_EN | EACH:
            continue
        if not (ground.table_of(noun) is fact or stem(noun.lower) in name_parts(fact.name)):
            continue
        if (
            ground.table_of(t) is fact
            or t.lower in EN_LEAD_WORDS
            or EN_STATE_FORM.fullmatch(t.lower)
            or stem(t.lower) in named
            or _is_measure(t)
            or _grain_adjective(t)
            or _stops(t)
            or fact.column(t.lower) is not None
            or ground.columns_named(fact, [t])
            or (listed and t.lower not in listed)
            or _names_clickhouse(ground.planner, t)  # "the clickhouse events table": where it lies, no kind
            or _fact_comment_says(ground, fact, t)  # "Library events" of 'Мероприятия библиотек': whose rows
        ):
            continue
        ph.used.add(i)
        ph.blank.append((t.start, t.end))
        return f"{column.name} = '{t.lower}'"
    return None


def _fact_comment_says(ground: _Ground, fact: Table, token: Token) -> bool:
    """The fact's own comment says the word, in either language by the glossary ("library" of circ.events
    'Мероприятия библиотек'): it says whose rows they are, no kind of them."""
    said = stem(token.lower)
    return any(said in ground.meanings(w) for w in re.findall(r"[^\W\d_]+", (fact.comment or "").lower()))


def _not_yet(ph: MartPhrase, fact: Table) -> str | None:
    return f"{ph.not_yet} IS NULL" if ph.not_yet else None


def _schema_before_own_noun(ground: _Ground, fact: Table, tokens: Sequence[Token], k: int) -> bool:
    """ "charging sessions": the fact's schema spelled right before a noun naming the fact spell its qualified
    name (charging.sessions), so a word that is also a value a column lists is no value ('charging' of
    sessions.status)."""
    if not fact.schema or k < 0 or k + 1 >= len(tokens) or tokens[k].lang != "en":
        return False
    word = tokens[k]
    if stem(word.lower) != stem(fact.schema.lower()) or ground.table_of(tokens[k + 1]) is not fact:
        return False
    return any(stem(v.lower()) == stem(word.lower) for c in fact.columns for v in listed_values(c.comment))


# --- round marts15: flags in the counted phrase, chat words, target names, fact tables by columns ---------


def _release_flag_words(ph: MartPhrase, ground: _Ground, fact: Table, measures: list[dict[str, Any]]) -> None:
    """ "count occupied beds", "approved vacations per kind": a word of a counted phrase that names a boolean
    column of the fact states a row condition (`occupied = true`), so it goes to the filter rules like any
    other state word instead of being dropped as part of the counted noun. In another measure's words the
    flag word stands right before the fact's own noun ("average hourly rate of active trainers": marts102, the
    condition was dropped), not in the measured column's words."""
    measured = {m.get("column") for m in measures}
    for m in ph.measures:
        counted = m.func in ("count", "count_distinct")
        for k in m.object:
            token = ph.tokens[k]
            if k not in ph.used or ground.table_of(token) is not None:
                continue
            if not counted and not _before_fact_noun(ph, ground, fact, k):
                continue
            named = ground.columns_named(fact, [token])
            if (
                len(named) == 1
                and named[0].name not in measured
                and column_kind(named[0].type).family == "bool"
            ):
                ph.used.discard(k)


def _before_fact_noun(ph: MartPhrase, ground: _Ground, fact: Table, k: int) -> bool:
    """Word `k` stands right before the fact's own noun ("active trainers" of trainers)."""
    return k + 1 < len(ph.tokens) and ground.table_of(ph.tokens[k + 1]) is fact


def _release_noun_before_with(ph: MartPhrase, ground: _Ground, fact: Table) -> str:
    """«Поездки с промокодом: количество по тарифу», "Trips with a promo code: …": the fact's noun right
    before an unread «с»/"with" is left to the filter rules, which read «с <column>» only after the table's
    noun (as in «количество поездок с промокодом»); blanked, the title's condition was dropped. Returns the
    words of the condition (to ask about when no filter rule reads them), "" when there is none."""
    tokens = ph.tokens
    for k in range(len(tokens) - 1):
        if k + 1 in ph.used or tokens[k + 1].lower not in WITH_WORDS:
            continue
        if ground.table_of(tokens[k]) is not fact:
            continue
        ph.used.discard(k)
        said = []
        for j in range(k + 1, min(len(tokens), k + 5)):
            if j in ph.used or tokens[j].lang not in ("ru", "en"):
                break
            said.append(tokens[j].text)
        if len(said) > 1:
            return " ".join(said)
    return ""


def _noun_names_a_value(ph: MartPhrase, ground: _Ground, fact: Table) -> str | None:
    """«показания по моделям счётчиков по неделям» (no measure word): the noun naming the fact table
    (readings, 'Показания счётчиков') also names a numeric column of it (value, 'Показание'), so the request
    may ask for the number of rows or for an aggregate of that column; it is asked, not counted. A noun that
    names only its table ("Leads per source per week") still counts the rows (README). "Total readings",
    «всего показаний» ask the same: "total" may count the rows or sum the values."""
    for m in ph.measures:  # "total readings": the number of readings or the sum of their values?
        cue = ph.tokens[m.index]
        if m.func == "sum" and not m.column_ref and _word(cue, COUNT_OR_SUM_RU, COUNT_OR_SUM_EN):
            valued = [c for k in m.object for c in _fact_and_value_columns(ground, fact, ph.tokens[k])]
            if valued and not any(_rate_column(c) for c in valued):  # a rate's sum has its own question
                return cue.text
    if ph.measures:
        return None
    return next((t.text for t in ph.tokens if _fact_and_value_columns(ground, fact, t)), None)


# Measure words that total either the rows or a value ("total readings", «всего показаний»): a sum only when
# the noun after them names no value of the rows.
COUNT_OR_SUM_RU = {"всего", "итого"}
COUNT_OR_SUM_EN = {"total", "overall"}


def _fact_and_value_columns(ground: _Ground, fact: Table, t: Token) -> list[Column]:
    """The numeric columns of the fact a word names when it names the fact table too (readings, 'Показания
    счётчиков': value, 'Показание'); empty when it does not name the fact."""
    if t.lang not in ("ru", "en") or ground.table_of(t) is not fact:
        return []
    return [
        c
        for c in _numeric_columns(fact)
        if not c.name.endswith("_id")
        and c.name not in fact.primary_key
        and ((_comment_names(c, t) and not _owner_in_comment(c, t)) or _same_head(c, fact))
    ]  # "readings" of 'Показания' ~ 'Показание'; «билеты» of 'Цена билета' is whose price, not the price


def _owner_in_comment(column: Column, word: Token) -> bool:
    """The word names only a genitive noun after the comment's head ('Цена билета' of «билеты»): the
    column is an attribute of what the word names (a ticket's price), not its value."""
    head = _comment_head(column.comment or "")
    if head is None or stem(word.lower) == head or any(stem(lemma) == head for lemma in word.lemmas):
        return False
    # 'Сумма платежа', 'Объём заказа': the row's own amount, «платежи» may well sum it (asked)
    return head not in _AMOUNT_HEADS


_AMOUNT_HEADS = {stem(w) for w in ("сумма", "объём", "объем", "количество", "размер", "итог")}


def _claim_not_yet_subject(ph: MartPhrase, ground: _Ground, fact: Table) -> None:
    """ "only people not fired yet", «только сотрудники, ещё не уволенные»: the people (or the fact's own
    noun) the «not yet» clause is said of belong to that clause; they are no value of a column."""
    if ph.not_yet is None:
        return
    tokens = ph.tokens
    for k, t in enumerate(tokens[1:], start=1):
        if t.lower not in ("не", "not", "ещё", "еще", "still") or k not in ph.used:
            continue
        j = k - 1 - (tokens[k - 1].text == ",")
        if j < 0 or j in ph.used:
            continue
        subject = tokens[j]
        if not (_word(subject, PEOPLE_RU, PEOPLE_EN) or ground.table_of(subject) is fact):
            continue
        first = j - (j > 0 and tokens[j - 1].lower in ("only", "только", "лишь"))
        ph.used.update(range(first, k))
        ph.blank.append((tokens[first].start, tokens[k - 1].end))
        return


def _english_state(
    ph: MartPhrase, ground: _Ground, fact: Table, grain: dict[str, Any] | None
) -> tuple[str | None, str | None]:
    """ "number of closed tickets", "how many tickets were closed", "delivered shipments count": an English
    participle on the counted rows states which rows: a value a text column's comment lists ('Статус
    (created, in_transit, delivered, lost)': status = 'delivered'), else the event whose time column it
    names (closed_at IS NOT NULL) unless the grain dates the rows by it ("issued books per week"). When both
    say it and the word is no status word of the load rules ("closed"), the load's question. (condition,
    question)."""
    tokens = ph.tokens
    if not ph.measures:  # "closed tickets per category": the rows counted with no count word
        head = next((k for k, t in enumerate(tokens) if ground.table_of(t) is fact), 0)
        own = set(name_parts(fact.name))
        while head > 1 and tokens[head - 1].lang == "en" and stem(tokens[head - 1].lower) in own:
            head -= 1  # "closed service requests": the state is said before the whole name
        named = _schema_before_own_noun(ground, fact, tokens, head - 1)  # "charging sessions": no status
        if head > 0 and head - 1 not in ph.used and not named:
            # the load rules read the word's condition from the rest; only the question is this rule's
            word = tokens[head - 1]
            condition, question = _english_word_state(word, ground, fact, grain, ph.assumed)
            if question is None and condition is not None and condition.endswith("IS NOT NULL"):
                # "closed service requests" beside closed_at and a status listing no 'closed': as a load asks
                question = state_two_columns_question("en", fact, word.text, condition.split()[0])
            return None, question
    for m in ph.measures:
        if m.func not in ("count", "count_distinct"):
            continue
        before = [m.object[0] - 1] if m.object and m.object[0] > 0 and m.object[0] - 1 not in ph.used else []
        for k in [*before, *m.object]:  # "closed requests count": the word before the counted noun too
            if _said_excluded(tokens, k) or _schema_before_own_noun(ground, fact, tokens, k):
                continue  # "failed calls excluded": the rows left out, read by the filter rules
            condition, question = _english_word_state(tokens[k], ground, fact, grain, ph.assumed)
            if question is not None:
                return None, question
            if condition is None:
                continue
            m.object = [x for x in m.object if x != k and tokens[x].lower not in ("were", "was", "got")]
            ph.used.add(k)
            return condition, None
    return _english_state_of_summed(ph, ground, fact), None


def _hyphenated_noun_value(token: Token, fact: Table) -> str | None:
    """ "no-shows", "no-show": a hyphenated English word spelling, with "_" for "-" and singular, the one
    value a text column of the fact lists ('Статус записи (…, no_show)'): `status = 'no_show'`."""
    spelled = token.lower.replace("-", "_")
    forms = {spelled, spelled.removesuffix("s"), spelled.removesuffix("es")}
    found = [
        (c.name, v)
        for c in fact.columns
        if column_kind(c.type).family == "text"
        for v in listed_values(c.comment)
        if v.lower() in forms
    ]
    return f"{found[0][0]} = '{found[0][1]}'" if len(found) == 1 else None


def _hyphenated_flag(token: Token, fact: Table) -> str | None:
    """ "fraud-suspected": the one boolean column of the fact whose name's parts are the word's parts
    (is_fraud_suspected): the rows where it holds."""
    parts = {stem(p) for p in token.lower.split("-") if p}
    found = [
        c.name
        for c in fact.columns
        if column_kind(c.type).family == "bool" and parts <= set(name_parts(c.name))
    ]
    return found[0] if len(found) == 1 else None


def _hyphenated_value(ph: MartPhrase, ground: _Ground, fact: Table) -> str | None:
    """ "high-priority tickets", "premium-segment clients": an English "<value>-<column noun>" before the
    fact's own noun, the value one the column's comment lists ('Приоритет (low, normal, high)'), says which
    rows: `priority = 'high'`."""
    tokens = ph.tokens
    for k, t in enumerate(tokens):
        if k in ph.used or t.lang != "en" or t.lower.count("-") != 1:
            continue
        if (noun_value := _hyphenated_noun_value(t, fact)) is not None:
            listed_after = k >= 2 and tokens[k - 1].lower in ("and", "or") and _said_excluded(tokens, k - 2)
            if _said_excluded(tokens, k) or listed_after:
                continue  # "no-shows excluded", "excluding cancelled and no-show": left out, for the filters
            ph.used.add(k)  # "no-shows": status 'no_show', the rows named by their state
            pair = ground.table_of_pair(tokens[k - 2], tokens[k - 1]) if k >= 2 else None
            if pair is not None and pair is not fact and _fk_column(fact, pair) is not None:
                ph.used.update({k - 2, k - 1})  # "group class no-shows": of the classes the bookings are for
            return noun_value
        if (flag := _hyphenated_flag(t, fact)) is not None:
            ph.used.add(k)  # "fraud-suspected claims": is_fraud_suspected
            return f"{flag} = true"
    for k in range(len(tokens) - 1):
        t = tokens[k]
        if t.lang != "en" or t.lower.count("-") != 1 or ground.table_of(tokens[k + 1]) is not fact:
            continue
        value, noun = t.lower.split("-")
        nouns = tokenize(noun)
        if len(nouns) != 1:
            continue
        columns = [c for c in _columns_of_word(ground, fact, nouns[0]) if value in listed_values(c.comment)]
        if len(columns) == 1:
            ph.used.add(k)
            return f"{columns[0].name} = '{value}'"
    return None


def _only_ones(tokens: Sequence[Token], k: int) -> bool:
    """ "successful ones only", "only the successful ones": the word at `k` before "ones", with "only" beside
    (never "paid ones excluded", which the load filters read as the rows left out)."""
    if k + 1 >= len(tokens) or tokens[k + 1].lower not in ROW_PRONOUNS_EN:
        return False
    return any(w.lower in ONLY_WORDS for w in tokens[max(0, k - 2) : k + 3])


def _english_state_of_summed(ph: MartPhrase, ground: _Ground, fact: Table) -> str | None:
    """ "average amount of failed payments", "successful payments: sum of amount": with no count, an English
    word right before the fact's own noun that is a value its text column lists (stem: successful ->
    'success') says which rows are summed: the condition, never dropped."""
    tokens = ph.tokens
    if any(m.func in ("count", "count_distinct") for m in ph.measures):
        return None  # read by the count rule above
    in_dims = {k for words in ph.dims for k in words}
    for k in range(len(tokens) - 1):
        t = tokens[k]
        if t.lang != "en" or k in in_dims or t.lower == "new" or _said_excluded(tokens, k):
            continue
        if _schema_before_own_noun(ground, fact, tokens, k):
            continue  # "charging sessions": the table's qualified name, no status 'charging'
        if ground.table_of(tokens[k + 1]) is not fact and not _only_ones(tokens, k):
            continue  # "successful payments", "successful ones only": the word before the rows' noun
        if ground.table_of(t) is not None or (condition := _listed_value_condition(fact, t)) is None:
            continue
        for m in ph.measures:
            m.object = [x for x in m.object if x != k]
        ph.used.add(k)
        if _only_ones(tokens, k):  # "successful ones only": the pronoun and its "only" are read too
            ph.used.add(k + 1)
            ph.used.update(
                j for j in range(max(0, k - 2), min(k + 3, len(tokens))) if tokens[j].lower in ONLY_WORDS
            )
        return condition
    for m in ph.measures:  # "total miles redeemed", "total redeemed miles": the measured rows' state
        for k in m.object:
            t = tokens[k]
            if t.lang != "en" or not t.lower.endswith("ed") or _said_excluded(tokens, k):
                continue
            if (
                not ({k - 1, k + 1} & set(m.object))
                or (listed := _state_participle_value(t, ground, fact)) is None
            ):
                continue
            m.object = [x for x in m.object if x != k]
            ph.used.add(k)
            return f"{listed[0].name} = '{listed[1]}'"
    return None


def _english_word_state(
    t: Token, ground: _Ground, fact: Table, grain: dict[str, Any] | None, assumed: list[str]
) -> tuple[str | None, str | None]:
    """The rows' state one English word says (see _english_state): (condition, question). A word the status
    lists while the event's time column dates it ("closed accounts": status 'closed' beside closed_at) is the
    listed value, its note added to `assumed` (the README's convention, as a load reads it)."""
    if t.lang != "en" or t.lower == "new" or ground.table_of(t) is not None:
        return None, None  # "new requests per month": rows counted by the month they appear in, no status
    condition = _listed_value_condition(fact, t)
    if grain is not None and _first_state_event(t, fact, grain["column"], condition):
        return None, None  # "shipments created per day": the rows' first state dates the grain, no state
    event = _event_happened(t.text, fact, grain) if _english_participle(t) else None
    if condition is not None and event is not None and not status_word(t.lower)[0]:
        state = assumed_state("en", fact, t.text, event.split()[0])
        if state is not None and state[0] == condition:
            if state[1] not in assumed:
                assumed.append(state[1])
            return condition, None
        question = state_two_columns_question("en", fact, t.text, event.split()[0])
        if question is not None:
            return None, question
    return condition or event, None


def _russian_verb_state(ph: MartPhrase, fact: Table) -> str | None:
    """«сколько студентов оплатили обучение»: a Russian verb right after the counted people is read as the
    state its passive participle names («оплаченные» -> 'paid'), when one text column of the fact lists that
    value, as "how many students paid tuition" is (status = 'paid')."""
    tokens = ph.tokens
    for m in ph.measures:
        if m.func not in ("count", "count_distinct") or not m.object:
            continue
        k = m.object[-1] + 1
        if k >= len(tokens) or tokens[k].lang != "ru" or not tokens[k].parses:
            continue
        if tokens[k].parses[0].pos != "VERB":
            continue
        verb = _morph().parse(tokens[k].lemma)[0]
        participle = verb.inflect({"PRTF", "pssv", "past", "plur", "nomn"})
        value = status_word(participle.word)[0] if participle is not None else None
        found = [
            (c.name, v)
            for c in fact.columns
            if value is not None and column_kind(c.type).family == "text"
            for v in listed_values(c.comment)
            if v.lower() in {s.lower() for s in status_spellings(value)}  # «выполнили»: done or completed
        ]
        if len(found) == 1:
            ph.used.add(k)
            return f"{found[0][0]} = '{found[0][1]}'"
    return None


def _currency_columns(fact: Table) -> list[Column]:
    """The fact's text columns that hold a currency: by name (currency) or comment ('Валюта операции')."""
    return [
        c
        for c in fact.columns
        if not column_kind(c.type).numeric
        and ("currency" in name_parts(c.name) or (c.comment or "").lower().startswith(("валют", "currency")))
    ]


def _currency_condition(ph: MartPhrase, fact: Table) -> tuple[str | None, str | None]:
    """«сумма транзакций в рублях», "average balance in dollars": a currency after the measure on a fact with
    a currency column keeps the rows in that currency: (the condition, None) when the column's comment lists
    the code, (None, the words) when it lists no codes to pick from (asked: a filter, or all amounts already
    in it?). A fact with no currency column has its money in that currency: (None, None), the unit read."""
    assert ph.currency is not None
    first, word = ph.currency
    columns = _currency_columns(fact)
    code = currency_code(ph.tokens[word])
    if not columns or code is None:
        return None, None
    words = " ".join(t.text for t in ph.tokens[first : word + 1])
    if len(columns) != 1:
        return None, words
    listed = {v.upper(): v for v in listed_values(columns[0].comment)}
    value = next((listed[c] for c in CURRENCY_CODE_ALIASES.get(code, (code,)) if c in listed), None)
    if value is None:
        return None, words
    return f"{columns[0].name} = '{value}'", None


def _with_state_participle(ph: MartPhrase, ground: _Ground, fact: Table, rest: str) -> tuple[str, str | None]:
    """«Сколько отправлений доставлено», «сколько заявок закрыто»: a short participle after the counted noun
    is a state of the rows (status = 'delivered', closed_at IS NOT NULL), read by the filter rules as its
    full form («…, только доставленные») appended to the text they read; the word, or None. A participle
    naming a numeric column («отработано») is not one; one naming an event's time that no status value
    says («выдано» of issued_at) is dropped again by plan_mart (no condition, no question)."""
    tokens = ph.tokens
    for m in ph.measures:
        if m.func != "count" or not m.object:
            continue
        # «сколько заявок закрыто»: the participle may have been read as a word of the counted object
        inside = [k for k in m.object[1:] if tokens[k].parses and tokens[k].parses[0].pos in ("PRTS", "ADJS")]
        # «число уволенных сотрудников»: a full participle before the counted noun, read into the object
        # («число активных абонентов»: a state adjective, kept only where a listed value answers it)
        attribute = [
            k
            for k in m.object[:-1]
            if tokens[k].lang == "ru" and (_full_participle_form(tokens[k]) or _state_adjective(tokens[k]))
        ]
        k = inside[0] if inside else attribute[0] if attribute else m.object[-1] + 1
        if k >= len(tokens):
            continue
        word = tokens[k]
        if (k in ph.used and not (inside or attribute)) or word.lang != "ru" or not word.parses:
            continue
        if (
            word.parses[0].pos not in ("PRTS", "ADJS")
            and k not in attribute
            and not _event_of_counted(ph, ground, fact, m.object, k)
        ):
            continue
        if any(_comment_names(c, word) for c in _numeric_columns(fact)):
            continue
        noun = tokens[m.object[0]]  # the counted word («литров»), not a participle before it («уволенных»)
        if (
            k not in attribute
            and m.object[0] != k
            and ground.table_of(noun) is None
            and ground.columns_named(fact, [noun])
        ):
            continue  # «сколько литров залито»: a column's amount counted, the fact's own event (as «залили»)
        if word.lemmas & SOLD_LEMMAS or _describes(word, fact):
            continue  # «товаров продано» of sales: the fact's own event, no state
        full = _full_participle(word)
        if full is None:
            continue
        if not _state_adjective(word):  # an adjective no value answers is read as before (see plan_mart)
            ph.used.add(k)
        m.object = [x for x in m.object if x != k]
        chars = list(rest)
        chars[word.start : word.end] = " " * (word.end - word.start)
        return "".join(chars) + ", только " + full, word.text
    return rest, None


def _state_adjective(token: Token) -> bool:
    """«активных», «просроченных»: a qualitative adjective (no participle reading) that may name a state
    the rows are listed in; not «новых» (new rows, read by the grain rules)."""
    return (
        token.lang == "ru"
        and bool(token.parses)
        and token.parses[0].pos == "ADJF"
        and "Qual" in str(_morph().parse(token.lower)[0].tag)
        and token.lemma != "новый"
        and not _full_participle_form(token)
    )


def _event_of_counted(ph: MartPhrase, ground: _Ground, fact: Table, counted: list[int], k: int) -> bool:
    """«сколько студентов выпустилось», «сколько клиентов ушло»: a finite event verb right after a counted
    noun says what happened to the rows (a state, read as its participle); not «сколько литров залили» (a
    column's word counted, liters: the fact's own event), «сколько человек записалось на приём»
    (the verb is the fact's comment: 'Записи на приём'), «сколько не присутствовали» (a negated flag verb)."""
    tokens = ph.tokens
    noun = tokens[counted[0]]
    return (
        _finite_event_verb(tokens[k])
        and (ground.table_of(noun) is not None or not ground.columns_named(fact, [noun]))
        and not _comment_verb(tokens[k], fact)
        and tokens[k - 1].lower not in NEGATION_WORDS
    )


def _first_state_event(word: Token, fact: Table, column_name: str, condition: str | None) -> bool:
    """«сколько посылок создано по дням», "accounts opened per month of opened_at": a verb naming the grain's
    own time column (created_at, opened_at) whose listed value is the first one its column lists ('Статус
    (created, in_transit, …)') says the event every row starts with, dated by the grain: each row counted
    passed through that state on the day it is grouped by, so `status = 'created'` would keep only the rows
    still stuck there (README: an event word the grain is dated by adds no condition). A later state
    («доставлено»: 'delivered') stays the condition it is. The condition may hold other conjuncts read
    beside the verb («…, только гарантийные»: is_warranty = true AND status = 'open')."""
    named = _event_time_columns(word, fact) or _english_event_noun_columns(word, fact)
    if condition is None or [c.name for c in named] != [column_name]:
        return False
    conjuncts = condition.split(" AND ")
    return any(
        f"{c.name} = '{listed_values(c.comment)[0]}'" in conjuncts
        for c in fact.columns
        if column_kind(c.type).family == "text" and listed_values(c.comment)
    )


def _full_participle(word: Token) -> str | None:
    """The plural full form a filter rule reads as a state: «закрыто» -> «закрытые», «выпустилось» ->
    «выпустившиеся», «доставили» (said of the counted things) -> «доставленные»."""
    parsed = _morph().parse(word.lower)[0]
    forms = [{"PRTF", "plur", "nomn"}, {"ADJF", "plur", "nomn"}]
    if parsed.tag.POS == "VERB":  # a transitive verb's object is the counted rows: the passive participle
        passive = {"PRTF", "pssv", "past", "plur", "nomn"}
        if parsed.normal_form.endswith(("ся", "сь")):  # «счетов закрылось»: as «закрытые» of «закрыть»
            plain = [p for p in _morph().parse(parsed.normal_form[:-2]) if p.tag.POS == "INFN"]
            if plain and "tran" in plain[0].tag and (full := plain[0].inflect(passive)) is not None:
                return str(full.word)
        forms = [passive] * ("tran" in parsed.tag) + [{"PRTF", "actv", "past", "plur", "nomn"}]
    for grammemes in forms:
        if (full := parsed.inflect(grammemes)) is not None:
            return str(full.word)
    return None


_LISTED_VALUES = re.compile(r"\(([a-z0-9_]+(?:\s*,\s*[a-z0-9_]+)+)\)")


def _instrumental_value(ph: MartPhrase, ground: _Ground, fact: Table) -> str | None:
    """«сумма оплат картой», «количество платежей наличными»: a noun in the instrumental case right after
    the fact's noun says how the rows were made; when its glossary meaning is one of the values a text
    column's comment lists ('Канал оплаты (bank, card, post, terminal)') in exactly one column, it is that
    column's value (claimed, so it is never read as the measured column card_number nor dropped)."""
    tokens = ph.tokens
    for i, t in enumerate(tokens):
        if i == 0 or t.lang != "ru" or not any(p.case == "ablt" and p.pos == "NOUN" for p in t.parses[:2]):
            continue
        if ground.table_of(tokens[i - 1]) is not fact or ground.table_of(t) is not None:
            continue
        meanings = ground.meanings(t.lower)
        found = {
            (c.name, value)
            for c in fact.columns
            if column_kind(c.type).family == "text"
            for match in _LISTED_VALUES.finditer(c.comment or "")
            for value in re.split(r"\s*,\s*", match.group(1))
            if stem(value) in meanings
        }
        if len(found) != 1:
            continue
        column, value = found.pop()
        ph.used.add(i)
        for m in ph.measures:
            m.object = [k for k in m.object if k != i]
        return f"{column} = '{value}'"
    return None


def _bracketed_value_of_measure(ph: MartPhrase, fact: Table) -> str | None:
    """«сумма успешных оплат (succeeded)», «сколько отменённых рейсов (cancelled)»: a word in brackets after
    a measure's noun that names no column of the fact but is one of the values exactly one text column's
    comment lists ('Статус оплаты (pending, succeeded, …)') says which rows are measured, not what: the
    column's condition, the measure left on its own words (rows counted, the sum's column found as usual)."""
    for m in ph.measures:
        value = m.column_ref
        named = fact.column(value) if value else None
        if (
            named is not None
            and m.func in ("count", "sum")
            and "bool" in named.type.lower()
            and _flag_said_by_verb(ph.tokens, named.name)
        ):
            # «сколько занятий посетили (present)»: the rows the flag is true on, counted (a flag has no sum)
            m.column_ref, m.func = None, "count"
            return f"{named.name} = true"
        if not value or named is not None:
            continue
        holders = [
            c
            for c in fact.columns
            if column_kind(c.type).family == "text" and value in listed_values(c.comment)
        ]
        if len(holders) == 1:
            m.column_ref = None
            return f"{holders[0].name} = '{value}'"
    return None


def _flag_said_by_verb(tokens: Sequence[Token], name: str) -> bool:
    """«посетили (present)»: a Russian verb or participle, not negated, right before the bracket holding the
    flag's name says the flag is true (a flag bracketed with no such word, «по кредитам (is_late)»: asked)."""
    for k in range(2, len(tokens) - 1):
        if tokens[k].text == "(" and tokens[k + 1].lower == name.lower():
            verb = tokens[k - 1]
            return (
                verb.lang == "ru"
                and bool(verb.parses)
                and verb.parses[0].pos in ("VERB", "PRTS", "PRTF")
                and tokens[k - 2].lower not in NEGATION_WORDS
            )
    return False


def _column_value_pair(ph: MartPhrase, ground: _Ground, fact: Table) -> str | None:
    """«сумма платежей по каналам, статус failed», "requests per topic, status done", «по приоритету high»:
    after a comma or «по»/by, a word naming one text column of the fact and then one of the values its
    comment lists ('Статус (success, failed, refunded)'), ending the phrase, is that column's value: a row
    condition, never a dimension with its value dropped."""
    tokens, n = ph.tokens, len(ph.tokens)
    preps = DIM_PREPS_RU | DIM_PREPS_EN
    for i in range(1, n - 2):
        if tokens[i - 1].text != "," or tokens[i + 2].lang != "en" or not tokens[i + 2].text.isascii():
            continue
        # «…, тип операции redemption»: two words that together are one text column's comment, and a value
        # it lists (never a dimension «тип операции» with its value dropped)
        after = tokens[i + 3] if i + 3 < n else None
        if after is not None and after.lang in ("ru", "en") and after.lower not in preps | LIST_JOINERS:
            continue
        pair = (tokens[i], tokens[i + 1])
        value = tokens[i + 2].text
        listing = [
            c
            for c in fact.columns
            if column_kind(c.type).family == "text"
            and value in listed_values(c.comment)
            and all(w.lemmas & _comment_lemmas(c.comment or "") for w in pair)
        ]
        if len(listing) == 1:
            ph.dims = [words for words in ph.dims if not {i, i + 1, i + 2} & set(words)]
            ph.used.update({i, i + 1, i + 2})
            return f"{listing[0].name} = '{value}'"
    for i in range(1, n - 1):
        if tokens[i - 1].text != "," and tokens[i - 1].lower not in preps:
            continue  # «по приоритету high по категориям» too: the value says which rows, not «по»
        after = tokens[i + 2] if i + 2 < n else None
        if after is not None and after.lang in ("ru", "en") and after.lower not in preps | LIST_JOINERS:
            continue
        value = tokens[i + 1].text
        texts = [c for c in _columns_of_word(ground, fact, tokens[i]) if column_kind(c.type).family == "text"]
        listing = [c for c in texts if value in listed_values(c.comment)]  # «оценка отлично»: mark, not score
        if len(listing) != 1 and not (len(texts) == 1 and _unlisted_value(ph, ground, fact, i)):
            continue
        column = listing[0] if len(listing) == 1 else texts[0]
        ph.dims = [words for words in ph.dims if not {i, i + 1} & set(words)]
        ph.used.update({i, i + 1})
        return f"{column.name} = '{value}'"
    return None


def _unlisted_value(ph: MartPhrase, ground: _Ground, fact: Table, i: int) -> bool:
    """«…, направление in», «…, статус new»: after a comma, a column whose comment lists no values and a
    lower-case Latin word no other rule read that names no column or table: the value the rows have."""
    word, other_groups = ph.tokens[i + 1], [k for words in ph.dims for k in words]
    return (
        ph.tokens[i - 1].text == ","
        and not any(listed_values(c.comment) for c in _columns_of_word(ground, fact, ph.tokens[i]))
        and re.fullmatch(r"[a-z][a-z0-9_-]*", word.text) is not None
        and (i + 1 not in ph.used or i + 1 in other_groups)
        and fact.column(word.text) is None
        and ground.table_of(word) is None
        and not _grain_adjective(word)
        and not _chat_word(word)
        and word.lower not in ONLY_WORDS  # "insured only (…)": the cue of a filter, no value
    )


def _shared_prefix(a: str, b: str) -> int:
    # «посетили» / «посещаемость»: ё is е, and the stem's т alternates with щ
    a, b = (w.replace("ё", "е").replace("щ", "т") for w in (a, b))
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _event_participle_flag(ph: MartPhrase, ground: _Ground, fact: Table) -> str | None:
    """(condition, word to ask about) of "attended lessons count", «количество посещённых занятий»: a
    participle on the counted noun made from the fact's own event noun (attendance, 'Посещаемость занятий')
    says the event happened, so on a fact with exactly one boolean column it is that flag (`present =
    true`), never dropped; with no such single column («сколько раз заправлялась машина» of fuel cards) the
    verb just names the rows. A participle of the counted noun itself ("delivered deliveries") or of any other
    word says nothing of the kind (other rules read it)."""
    tokens = ph.tokens
    flags = [c for c in fact.columns if column_kind(c.type).family == "bool"]
    if len(flags) != 1 or not _flag_says_event(flags[0]):
        return None
    event_words = {*name_parts(fact.name), *_comment_lemmas(fact.comment or "")}
    counted = {k for m in ph.measures if m.func in ("count", "count_distinct") for k in m.object}
    for i, t in enumerate(tokens):
        nxt = i + 1
        passive = i > 0 and tokens[i - 1].lower in ("were", "was") and i - 1 in counted
        on_counted = i in counted or nxt in counted or passive
        if (i in ph.used and not on_counted) or (i > 0 and tokens[i - 1].lower in ("не", "not", "un")):
            continue
        if t.lang == "en":  # "attended lessons", "lessons were attended"
            participle = on_counted and t.lower.endswith("ed") and len(t.lower) > 4
        elif t.lang == "ru":  # «посещённых занятий», «сколько занятий посетили»
            pos = t.parses[0].pos if t.parses else None
            participle = (on_counted and pos in ("PRTF", "PRTS")) or pos == "VERB"
        else:
            participle = False
        if not participle or ground.table_of(t) not in (None, fact) or ground.columns_named(fact, [t]):
            continue
        forms = {t.lower, t.lemma}
        if not any(_shared_prefix(f, w) >= EVENT_PREFIX for f in forms for w in event_words):
            continue
        if not any(_shared_prefix(f, w) >= EVENT_PREFIX for f in forms for w in _fact_head_words(fact)):
            continue  # «заказали» of 'Позиции заказов': every row's own event, no flag (marts89)
        if _fact_title_qualifier(t, fact):
            continue  # "insured vehicles" of insured_vehicles: the fact's own name, no event of the rows
        head = tokens[nxt] if nxt < len(tokens) and nxt in counted else None
        if head is not None and any(
            _shared_prefix(f, g) >= EVENT_PREFIX for f in forms for g in (head.lower, head.lemma)
        ):
            continue  # "delivered deliveries": the counted noun's own verb
        ph.used.add(i)
        return f"{flags[0].name} = true"
    return None


def _flag_says_event(flag: Column) -> bool:
    """'Присутствовал на занятии': a flag whose comment is a verb or a short participle says an event
    happened to the row, so a verb of the fact's event may be it; one whose comment names a thing or a
    kind of row ('Подарок по акции', 'Экстренный приём') is no such event (marts89). No comment: as before."""
    said = [w for w in tokenize(flag.comment or "") if w.lang == "ru" and w.parses]
    return not said or any(w.parses[0].pos in ("VERB", "PRTS") for w in said)


@functools.lru_cache(maxsize=1024)
def _fact_head_words(fact: Table) -> frozenset[str]:
    """The words naming what each row of `fact` is: the last part of its name (attendance, items of
    order_items) and the first noun of each part of its comment ('Посещаемость занятий' -> посещаемость,
    'Позиции заказов (состав заказа)' -> позиция, состав). A verb made from any other word of them (the
    «заказов» every order item belongs to) is the rows' own event: every row had it, so it is no flag."""
    heads = set(name_parts(fact.name)[-1:])
    for segment in re.split(r"[(),;:]", fact.comment or ""):
        for w in tokenize(segment):
            if w.lang == "ru" and w.parses and w.parses[0].pos == "NOUN":
                heads |= set(w.lemmas) | {w.lower}
                break
    return frozenset(heads)


def _fact_title_qualifier(token: Token, fact: Table) -> bool:
    """ "insured" of underwriting.insured_vehicles, «застрахованных» of its comment 'Застрахованные
    транспортные средства': a participle or adjective that is a word of the fact's own name or of its
    comment's adjectives names which rows the table holds (all of them), not an event some rows had."""
    if token.lang == "en":
        return token.lower in fact.name.rsplit(".", 1)[-1].lower().split("_")  # whole words: not attendance
    qualifiers = {
        lemma
        for w in tokenize(fact.comment or "")
        if w.lang == "ru" and w.parses and w.parses[0].pos in ("PRTF", "ADJF")
        for lemma in w.lemmas
    }
    return bool(token.lemmas & qualifiers)


def _verb_flag(ph: MartPhrase, ground: _Ground, fact: Table) -> str | None:
    """«сколько присутствовали по курсам», «число присутствовавших»: a Russian verb or participle no rule
    read that names one boolean column of the fact ('Присутствовал на занятии') states the rows' flag
    (`present = true`, after «не»: false). Verbs otherwise carry no slot, so without this the state would
    be dropped silently. A verb the fact's own comment says of every row ('Строки чеков (проданные
    позиции)': «продали») names the rows, never the flag sharing it ('Продано по акции', marts85)."""
    tokens = ph.tokens
    found: list[str] = []
    own = _comment_lemmas(fact.comment or "")
    for i, t in enumerate(tokens):
        if i in ph.used or t.lang != "ru" or not t.parses or t.parses[0].pos not in ("VERB", "PRTF", "PRTS"):
            continue
        if t.lemmas & own:
            continue
        named = ground.columns_named(fact, [t])
        if len(named) != 1 or column_kind(named[0].type).family != "bool":
            continue
        negated = i > 0 and tokens[i - 1].lower == "не"
        found.append(f"{named[0].name} = {'false' if negated else 'true'}")
        ph.used.add(i)
        if negated:
            ph.used.add(i - 1)
    return " AND ".join(dict.fromkeys(found)) or None


def _token_stems(token: Token) -> set[str]:
    """The stems of a word and of its lemmas («просроченных» and «просрочить»)."""
    return {stem(token.lower)} | {stem(lemma) for lemma in token.lemmas}


def _stems_meet(words: set[str], said: set[str]) -> bool:
    """A stem of a word is one of `said` or a longer form of one («роумингов» of «роуминг»), four letters
    or more (no «в», "is")."""
    return any(len(b) >= 4 and (a == b or a.startswith(b)) for a in words for b in said)


def _said_stems(name: str, comment: str | None) -> set[str]:
    """Stems of a name's parts and of its comment's words and their lemmas ('Платёж просрочен')."""
    words = [t for t in tokenize(comment or "") if t.lang in ("ru", "en")]
    return set(name_parts(name)) | {s for t in words for s in _token_stems(t)}


def _state_flag_bracket(ph: MartPhrase, ground: _Ground, fact: Table) -> str | None:
    """«Кол-во просроченных платежей по кредитам (is_late)», "late payments on loans (is_late)": a boolean
    column of the fact alone in brackets after a dimension whose words do not name it is no dimension. When
    another word of the request says the flag (a stem of its name or comment: «просроченных» of 'Платёж
    просрочен', "late" of is_late), the bracket glosses that state word: the dimension's own words come
    back (the fact's title, an owner: read as without the bracket) and the state word filters the rows
    (is_late = true), never a grouping by the flag (mzf-ru-27). With no such word, the bracket's role is
    asked (its name is returned)."""
    tokens = ph.tokens
    for entry in list(ph.bracketed):
        index, before, inner = entry
        if len(inner) != 1 or not before or index >= len(ph.dims) or ph.dims[index] != inner:
            continue
        column = fact.column(tokens[inner[0]].text)
        if column is None or column_kind(column.type).family != "bool":
            continue
        if any(c.name == column.name for c in ground.columns_named(fact, [tokens[k] for k in before])):
            continue  # «по просрочке (is_late)»: the dimension's words name the flag, a grouping by it
        # the flag's own words, not the rows' noun its comment repeats ('Платёж просрочен' of «платежей»)
        stems = _said_stems(column.name, column.comment) - _said_stems(fact.name, fact.comment)
        said = [
            k for k, t in enumerate(tokens)
            if t.lang in ("ru", "en") and k not in (*before, *inner) and _stems_meet(_token_stems(t), stems)
        ]  # fmt: skip
        if not said:
            return column.name
        ph.dims[index] = list(before)
        ph.bracketed.remove(entry)
        ph.state_glosses.add(inner[0])
    return None


_ONLY_NOUN_VALUE = re.compile(
    r"(?P<cue>\b(?:только|лишь|only)\s+)(?:(?:по|for|with)\s+)?(?P<noun>[^\W\d_]+)\s+"
    r"(?P<value>'[^']+'|\"[^\"]+\"|[A-Za-z][\w-]*\b)(?!\s*[=(])",
    re.IGNORECASE,
)


def _only_column_noun_value(text: str, ground: _Ground, fact: Table) -> str:
    """«только проект 'Apollo'», «только по проекту 'Apollo'», «только дверь main»: after only/«только», a
    Russian noun naming one text column of the fact (by the catalog's words: «проект» -> project) and a value
    in quotes or in Latin letters is that column's equality, spelled for the filter rules (`project =
    'Apollo'`); a noun naming no column, or several, is left as written (asked)."""

    def spell(match: re.Match[str]) -> str:
        noun = match.group("noun")
        if not re.search(r"[а-яё]", noun, re.IGNORECASE):
            return match.group(0)  # "only project 'Apollo'": the English rules read the column's name
        token = tokenize(noun)[0]
        named = ground.columns_named(fact, [token]) or _dim_word_columns(fact, token)  # «дверь» -> door
        cols = [c for c in named if column_kind(c.type).family == "text"]
        if len(cols) != 1:
            return match.group(0)
        value = match.group("value").strip("'\"")
        if fact.column(value) is not None:
            return match.group(0)
        return f"{match.group('cue')}{cols[0].name} = '{value}'"

    return _ONLY_NOUN_VALUE.sub(spell, text)


# «только звонки в роуминге», «лишь счётчики с телеметрией», "only calls in roaming": after only, a noun and
# a preposition opening the condition.
_ONLY_NOUN_CONDITION = re.compile(
    r"(?<![\w-])(?:только|лишь|only|just)\s+(?P<noun>[^\W\d_]+)(?=\s+(?:в|во|с|со|без|на|in|with|without|on)\s)",
    re.IGNORECASE,
)


def _only_fact_noun(text: str, ground: _Ground, fact: Table) -> str:
    """«…, только звонки в роуминге» of calls: the noun after «только» that names the fact table itself (not
    written as a column's name) repeats what is aggregated; the condition is the phrase after it (is_roaming =
    true). The noun is blanked (same length) so the filter rules never read it as a value ('звонки')."""

    def blank(match: re.Match[str]) -> str:
        token = tokenize(match.group("noun"))[0]
        if ground.table_of(token) is not fact or fact.column(token.lower) is not None:
            return match.group(0)
        start, end = match.span("noun")
        return match.group(0)[: start - match.start()] + " " * (end - start)

    return _ONLY_NOUN_CONDITION.sub(blank, text)


def _listed_state_of_measured(
    planner: OfflinePlanner, fact: Table, m: MeasureWord, k: int, tokens: Sequence[Token]
) -> bool:
    """«сумма оплаченных платежей», «средний вес потерянных посылок», "total succeeded payments": a participle
    or state adjective before the summed or averaged noun that means one value a column of the fact lists (in
    English any word meaning a listed value) is the rows' state, even
    where the glossary also ties the word to a column (paid_at, status): never swallowed as the measure's
    words. Counts read their states in _with_state_participle."""
    token = tokens[k]
    if m.func not in ("sum", "avg", "min", "max") or k == m.object[-1]:
        return False
    if token.lang == "en":  # "total succeeded payments", "successful payments": status 'succeeded'/'success'
        return _means_listed_value(token, fact)
    return (
        token.lang == "ru"
        and (_full_participle_form(token) or _state_adjective(token))
        and (
            planner.filters.names_one_listed_value(fact, token.text)
            or _lists_one_value(fact, status_word(token.lower)[0])
        )
    )


def _lists_one_value(fact: Table, value: str | None) -> bool:
    """One text column of the fact lists `value` in its comment ('Статус (pending, paid, refunded)'), as
    written or by another spelling of a status word ('done' stored as completed)."""
    spelled = set(status_spellings(value)) if value else set()
    found = [
        c
        for c in fact.columns
        if column_kind(c.type).family == "text" and spelled & set(listed_values(c.comment))
    ]
    return len(found) == 1


def _flag_split(planner: OfflinePlanner, text: str, tokens: Sequence[Token]) -> str:
    """«отдельно eSIM и обычные (is_esim)», «VIP и не-VIP клиентам», "privileged vs non-privileged": the
    rows of a flag set beside the rest (its negation, «обычные/остальные», "the rest") split the rows on that
    flag, a dimension, never the filter `flag = true` the first word alone would be. The phrase (with
    «отдельно» and a bracket naming the flag) becomes «по <flag>» / "by <flag>"; a word naming no single
    flag of the connection's tables is left to the other rules (they ask)."""
    sources = _fact_connections(planner, tokens)
    if len(sources) != 1:
        return text
    flags = [
        (t, c)
        for t in planner.catalog.tables_of(sources[0].conn_id)
        for c in t.columns
        if "bool" in c.type.lower()
    ]
    if not flags:
        return text
    russian = any(t.lang == "ru" for t in tokens)
    for i, t in enumerate(tokens):
        owners = {c.name: table for table, c in flags if _names_flag(t, c)}
        named = set(owners)
        end = _split_end(tokens, i) if len(named) == 1 else None
        if end is None:
            continue
        end, bracket = _split_tail(tokens, end)
        if bracket is not None and bracket not in named:
            continue  # the bracket names another column: the split is not this flag's, left as read
        start = i - 1 if i and tokens[i - 1].lower in SPLIT_SEPARATELY else i
        if start and tokens[start - 1].lower in SPLIT_PREPOSITIONS:
            start -= 1  # «по VIP и не-VIP», "for privileged vs non-privileged": one «по» for the flag
        flag = named.pop()
        owner = name_parts(owners[flag].name)
        if not russian and end + 1 < len(tokens) and stem(tokens[end + 1].lower) in owner:
            end += 1  # "for privileged vs non-privileged subscribers": the noun only says whose flag
        by = "по" if russian else "by"
        return f"{text[: tokens[start].start]}{by} {flag}{text[tokens[end].end :]}"
    return text


# A preposition before a split of rows («по», "for", «среди»), replaced with the flag's own «по» / "by".
SPLIT_PREPOSITIONS = {"по", "среди", "для", "у", "for", "among", "by", "of"}


def _names_flag(token: Token, column: Column) -> bool:
    """The word names the boolean column: by its name without is_/has_ or its comment («eSIM», "VIP",
    «льготники» of 'Льготник ...'), never a negated form."""
    if token.lang not in ("ru", "en") or len(token.lower) < 3 or token.lower.startswith(SPLIT_NEGATIONS):
        return False
    stems = _column_stems(column) - {"is", "has"}
    return stem(token.lower) in stems or token.lemma in stems


def _split_end(tokens: Sequence[Token], i: int) -> int | None:
    """The index of the last word of "<X> and <not X / the rest>" starting at the flag word i, else None."""
    if i + 2 >= len(tokens) or tokens[i + 1].lower not in SPLIT_LINKS:
        return None
    other = tokens[i + 2]
    flag_stem = stem(tokens[i].lower)
    for prefix in SPLIT_NEGATIONS:  # «не-VIP», "non-privileged", «нельготники»
        if other.lower.startswith(prefix) and stem(other.lower[len(prefix) :]) == flag_stem:
            return i + 2
    if other.lower in ("не", "non", "not") and i + 3 < len(tokens) and stem(tokens[i + 3].lower) == flag_stem:
        return i + 3  # «не VIP», "non privileged"
    if other.lang == "ru" and other.lemma in SPLIT_REST_RU:
        return i + 2
    if other.lower == "the" and i + 3 < len(tokens) and tokens[i + 3].lower in SPLIT_REST_EN:
        return i + 3
    return i + 2 if other.lang == "en" and other.lower in SPLIT_REST_EN else None


def _split_tail(tokens: Sequence[Token], end: int) -> tuple[int, str | None]:
    """A split's «отдельно» after it and a bracket naming a column ("(is_esim)"): the last index, the name."""
    if end + 1 < len(tokens) and tokens[end + 1].lower in SPLIT_SEPARATELY:
        end += 1
    if end + 3 < len(tokens) and tokens[end + 1].text == "(" and tokens[end + 3].text == ")":
        return end + 3, tokens[end + 2].text
    return end, None


# Words after which a measure says how the measure before them is computed: «—», «:», «то есть», "i.e.",
# "that is", "namely".
RESTATE_MARKS = frozenset({"—", "–", ":"})


def _restatement_mark(tokens: Sequence[Token], k: int) -> int | None:
    """The first index of a restatement marker ending right before index k (articles skipped): «— сумма»,
    «: сумма», «то есть сумма», "i.e. the sum", "that is, the sum", "namely the sum"; None when none is."""
    while k > 0 and tokens[k - 1].lower in ARTICLES_EN:
        k -= 1
    if k > 0 and tokens[k - 1].text == ",":  # "that is, the sum"
        k -= 1
        while k > 0 and tokens[k - 1].lower in ARTICLES_EN:
            k -= 1
    if k < 1:
        return None
    last = tokens[k - 1]
    if last.text in RESTATE_MARKS or last.lower in ("namely", "т.е"):
        return k - 1
    if last.text == "." and k >= 2 and tokens[k - 2].lower in ("i.e", "т.е"):
        return k - 2
    if k >= 2 and (tokens[k - 2].lower, last.lower) in {("то", "есть"), ("that", "is")}:
        return k - 2
    return None


# Parts of an integer column's name that say it counts pieces (quantity, qty, items_count, units).
PIECES_NAME_PARTS = frozenset({"quantity", "qty", "units", "count", "items", "pieces"})


def _pieces_name(column: Column) -> bool:
    """quantity, stock_qty, items_count: a column counting pieces, as which a count of them is computed."""
    return bool(PIECES_NAME_PARTS & set(column.name.lower().split("_")))


def _dash_restates_count(ph: MartPhrase, ground: _Ground, fact: Table) -> None:
    """«сколько позиций продано по категориям меню по дням — сумма количества», "how many items were sold …,
    i.e. the sum of quantity": a sum after «—», «:», «то есть», "i.e." whose words name one integer column of
    the fact counting pieces (quantity, items_count; no key, no money) says how the count before it is
    computed: one measure, that sum, no count beside it (it planned count + sum). Two measures joined by
    «и»/"and" («количество позиций и сумма количества») stay two, and so does a count followed by a sum of
    money or of another column (no count is computed so). A bracket holding the sum right after the count's
    phrase («сколько порций заказали по категориям (сумма quantity)») restates it the same way, and its
    counted noun («порций») is read with it."""
    tokens = ph.tokens
    for s in list(ph.measures):
        if s.func != "sum":
            continue
        mark = _restatement_mark(tokens, s.index) if s.column_ref is None else None
        bracket = mark is None and s.index > 0 and tokens[s.index - 1].text == "("
        if bracket:  # «сколько штук заказали … (сумма quantity)»: the bracket after the count says how
            close = next(
                (j for j in range(s.index + 1, min(len(tokens), s.index + 5)) if tokens[j].text == ")"), 0
            )
            if not close or any(tokens[j].text == "(" for j in range(s.index, close)):
                continue
            mark = s.index - 1
        if mark is None:
            continue
        before = [e for e in ph.measures if e.index < mark]
        if not before:
            continue
        said = before[-1]
        if said.func != "count" or said.column_ref is not None or max([said.index, *said.object]) >= mark:
            continue
        between = range(said.index, mark)
        if any(tokens[j].text in ".;?!" or tokens[j].lower in ("и", "and") for j in between):
            continue  # another sentence, or a second measure of its own
        words = [tokens[k] for k in s.object if tokens[k].lang in ("ru", "en")]
        named = ground.columns_named(fact, words) if words else []
        if s.column_ref is not None:  # «(сумма quantity)»: the column said by its name
            named = [c for c in [fact.column(s.column_ref)] if c is not None]
        if len(named) != 1:
            continue
        column = named[0]
        if column_kind(column.type).family != "int" or _key_column(fact, column) or not _pieces_name(column):
            continue  # «сколько сеансов — сумма проданных мест»: seats count no screenings, two measures
        ph.measures.remove(said)
        marks = set(range(mark, s.index))
        if bracket:  # the closing bracket, and the counted noun the sum of pieces computes («порций»)
            marks |= {*range(s.index + 1, close + 1), *said.object}
        ph.used |= marks
        ph.dims = [d for d in ph.dims if not set(d) & marks]


def _bracket_restates_measure(ph: MartPhrase, ground: _Ground, fact: Table) -> None:
    """A measure word alone in a bracket right after another measure restates it, no second measure: after a
    bare «сколько» it says which aggregate («сколько оплачено (сумма)»: the sum, no count); after any other
    measure it names that measure's column when it is one of the fact's («средний чек …, считаем по заказам
    (total)»: avg of total, no sum of total) and is dropped otherwise."""
    tokens = ph.tokens
    for m in list(ph.measures):
        k = m.index
        if not (0 < k < len(tokens) - 1 and tokens[k - 1].text == "(" and tokens[k + 1].text == ")"):
            continue
        before = [e for e in ph.measures if e.index < k]
        if not before:
            continue
        said = before[-1]
        if any(tokens[j].text in ".;?!" for j in range(said.index, k)):
            continue  # another sentence: a measure of its own
        if said.func == "count" and not said.object and said.column_ref is None and m.func != "count":
            ph.measures.remove(said)  # «сколько (сумма)»: the bracket's aggregate
            continue
        named = ground.columns_named(fact, [tokens[k]])
        if (
            said.func != "count"
            and said.column_ref is None
            and len(named) == 1
            and tokens[k].lower == named[0].name.lower()
        ):
            said.column_ref = named[0].name  # "(total)": the column the measure before it aggregates
        ph.measures.remove(m)


# --- round marts83: row states on the fact ------------------------------------------------------------------


def _flag_groups_of_fact(ph: MartPhrase, ground: _Ground, fact: Table) -> None:
    """«Сводка по гарантийным заказ-нарядам: …», «сумма дней по платным заморозкам по причинам»: a «по» group
    of the fact's own noun whose every other word is an adjective or participle naming one boolean column of
    the fact, as the load rules read a flag ('Гарантийный ремонт' of is_warranty), says which rows are kept,
    never a grouping on the flag: the group is no dimension, and its adjectives go to the filter rules
    (`is_warranty = true`). A split of the flag («по VIP и не-VIP клиентам») was made a «по <flag>» before."""
    tokens = ph.tokens
    flags = of_table(fact)
    if not flags:
        return
    for group in list(ph.dims):
        head, qualifier = group[0], group[1:]
        # «по экстренным приёмам»: «приём» names no one table, but the fact's comment ('Записи на приём')
        if qualifier and _titles_fact(ground, tokens[head], fact):
            if all(_flag_adjective(tokens[k], flags) for k in qualifier):
                ph.dims.remove(group)
                ph.used.difference_update(qualifier)
            continue
        # «по сторнированным начислениям» read as two groups: the flag's words, then the fact's noun alone
        noun = [max(group) + 1]
        if noun in ph.dims and _titles_fact(ground, tokens[noun[0]], fact):
            if all(_flag_adjective(tokens[k], flags) for k in group):
                ph.dims.remove(group)
                ph.dims.remove(noun)
                ph.used.difference_update(group)


def _flag_phrase_group(ph: MartPhrase, fact: Table) -> str | None:
    """«проданных по акции», «строк чеков по акции», «отпускаемых по рецепту»: a one-word «по» group whose
    «по» and word the comment of one boolean column of the fact says itself ('Продано по акции',
    'Отпускается по рецепту') names the flag's rows, never a grouping on it: the group is no dimension and
    the condition (`is_promo = true`) is returned (marts86). A split of the flag («по акции и без акции»)
    still groups by it."""
    tokens = ph.tokens
    for group in list(ph.dims):
        if group[0] < 1 or tokens[group[0] - 1].lower not in ("по",):
            continue
        k = group[0]
        # «число проданных по акции позиций»: the counted noun after the flag's words, inside the measure
        counted = [m for m in ph.measures if len(group) == 2 and m.object and m.object[-1] == k - 2]
        if len(group) != 1 and not counted:
            continue
        word = tokens[k]
        if word.lang != "ru" or any(t.lower in ("и", "или", "без", "не") for t in tokens[k + 1 : k + 3]):
            continue
        said = [
            c.name
            for c in fact.columns
            if column_kind(c.type).family == "bool" and _comment_says_po(c.comment or "", word)
        ]
        if len(said) == 1:
            ph.dims.remove(group)
            ph.used.update({k - 1, k})
            if counted:
                counted[0].object.append(group[1])
            return f"{said[0]} = true"
    return None


def _comment_says_po(comment: str, word: Token) -> bool:
    """The comment says «по <word>» (any form of the word: 'Продано по акции' of «по акции»)."""
    words = [t for t in tokenize(comment) if t.lang in ("ru", "en", "punct")]
    return any(
        t.lower == "по" and bool(nxt.lemmas & word.lemmas) for t, nxt in zip(words, words[1:], strict=False)
    )


def _fact_noun_before_value_bracket(text: str, ground: _Ground, fact: Table) -> str:
    """«только закрытые заказ-наряды (done)», "closed work orders only (done)": a bracket holding one value
    a text column of the fact lists, right after the fact's own noun, says which value the state word before
    the noun means (status = 'done', not closed_at IS NOT NULL), as the filter rules read «закрытые (done)».
    The noun, which only repeats what is aggregated, is blanked (same length) so the bracket follows the
    state word; a value no column lists leaves the text as it is (asked)."""
    tokens = tokenize(text)
    listed = {
        v.lower()
        for c in fact.columns
        if column_kind(c.type).family == "text"
        for v in listed_values(c.comment)
    }
    spans = []
    for k in range(1, len(tokens) - 3):
        noun, opening, value, closing = tokens[k], tokens[k + 1], tokens[k + 2], tokens[k + 3]
        if opening.text != "(" or closing.text != ")" or value.lower not in listed:
            continue
        if tokens[k - 1].lang not in ("ru", "en") or ground.table_of(tokens[k - 1]) is not None:
            continue  # the word before says the state; a noun of a table does not
        if ground.table_of(noun) is fact and fact.column(noun.lower) is None:
            spans.append((noun.start, noun.end))
    return _spans_blanked(text, spans)
