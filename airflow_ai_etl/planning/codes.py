"""Integer codes whose meanings a column comment spells (planner129): the load's condition writes the code.

The planner reads a coded column (`status smallint`, 'Статус: 1 — новая, 2 — в работе, 5 — закрыта') as a
text column listing its meanings (`with_codes_listed`: 'Статус (новая, в_работе, closed)'), so every rule
that reads a state word against listed values (by lemma, negated, in a list, RU and EN) reads it against the
meanings. A one-word Russian meaning the value lexicon translates is listed by its English word ('закрыта' ->
closed, as «закрытые» -> closed reads an English code), so an English request reads it too. The condition
(`status = 'closed'`) is then written with the code (`status = 5`, `codes_written`), and the plan's
assumptions say which meaning each code stands for ("status = 5 (закрыта)").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from airflow_ai_etl.catalog import Catalog, Column, Table, coded, without_codes
from airflow_ai_etl.messages import say
from airflow_ai_etl.outcome import Outcome
from airflow_ai_etl.planning.lexer import CYRILLIC, tokenize
from airflow_ai_etl.planning.request import Request
from airflow_ai_etl.planning.vocabulary import LOCATIVE_VALUE_MEANINGS, VALUE_MEANINGS
from airflow_ai_etl.spec import PipelineSpec

# A comparison of a column with listed values: `col = 'x'`, `col <> 'x'`, `col IS DISTINCT FROM 'x'`,
# `col IN ('x', 'y')`, `col NOT IN (...)`.
_COMPARED = re.compile(
    r"(?<![\w.])(?P<col>\w+)\s*(?P<op>=|<>|!=|\s(?:IS\s+(?:NOT\s+)?DISTINCT\s+FROM|(?:NOT\s+)?IN)\s)\s*"
    r"(?P<values>'(?:[^']|'')*'|\(\s*'(?:[^']|'')*'(?:\s*,\s*'(?:[^']|'')*')*\s*\))",
    re.IGNORECASE,
)
_LITERAL = re.compile(r"'((?:[^']|'')*)'")
# A coded column compared with a number: `status = 9`, `status IN (1, 9)`.
_NUMBERED = re.compile(
    r"(?<![\w.])(\w+)\s*(?:=|<>|!=|\s(?:NOT\s+)?IN\s)\s*\(?\s*(\d+(?:\s*,\s*\d+)*)", re.IGNORECASE
)


def listed_codes(column: Column) -> dict[str, int]:
    """The word each meaning of an integer column's code map is listed as -> its code: the English word
    the value lexicon gives a one-word Russian meaning ('закрыта' -> closed), else the meaning in one word
    ('в работе' -> 'в_работе'); {} when the column has no code map or two meanings would be listed alike."""
    meanings = coded(column)
    listed = [_listed_as(m) for m in meanings.values()]
    if len(set(listed)) != len(listed):  # two meanings one English word: each listed as it is written
        listed = [_one_word(m) for m in meanings.values()]
    return dict(zip(listed, meanings, strict=True)) if len(set(listed)) == len(listed) else {}


def _one_word(meaning: str) -> str:
    return "_".join(re.findall(r"[\w-]+", meaning.lower()))


def listed_as(meaning: str) -> str:
    """The listed word of a meaning written as a coded column's comment writes it ('ждёт клиента' ->
    'ждёт_клиента', 'закрыта' -> closed): a quoted meaning («со статусом «ждёт клиента»») reads as listed."""
    return _listed_as(meaning)


def _listed_as(meaning: str) -> str:
    """A one-word Russian meaning's English word when the value lexicon gives exactly one (VALUE_MEANINGS:
    закрытый -> closed), so English and Russian requests read it as they read an English code."""
    tokens = list(tokenize(meaning))
    if len(tokens) == 2 and tokens[0].lower in ("в", "на") and tokens[1].lang == "ru":
        # 'в работе' -> in_progress, as «в работе» reads an English code (LOCATIVE_VALUE_MEANINGS)
        codes = [c for lemma in tokens[1].lemmas for c in LOCATIVE_VALUE_MEANINGS.get(lemma, ()) if "_" in c]
        return codes[0] if len(set(codes)) == 1 else _one_word(meaning)
    if len(tokens) != 1 or tokens[0].lang != "ru":
        return _one_word(meaning)
    english = {VALUE_MEANINGS[lemma][0] for lemma in tokens[0].lemmas if lemma in VALUE_MEANINGS}
    return english.pop() if len(english) == 1 else _one_word(meaning)


def with_codes_listed(catalog: Catalog) -> Catalog:
    """The catalog as the planner reads it: each coded integer column with its meanings as its declared
    values and its comment's naming words only ('Статус: 1 — новая, 2 — закрыта' -> 'Статус' with values
    (новая, closed)), which `Catalog.with_values_listed` then writes into the comment."""
    if not any(listed_codes(c) for ts in catalog.tables.values() for t in ts for c in t.columns):
        return catalog
    tables = {
        conn_id: [replace(t, columns=tuple(_listing(c) for c in t.columns)) for t in conn_tables]
        for conn_id, conn_tables in catalog.tables.items()
    }
    return replace(catalog, tables=tables)


def _listing(column: Column) -> Column:
    codes = listed_codes(column)
    if not codes:
        return column
    return replace(column, comment=without_codes(column.comment), values=tuple(codes))


def coded_columns(table: Table) -> dict[str, dict[str, int]]:
    """column -> (listed meaning -> code) of each coded column of `table`."""
    return {c.name: codes for c in table.columns if (codes := listed_codes(c))}


def questions_with_codes(outcome: Outcome, catalog: Catalog) -> Outcome:
    """`outcome` with the listed meanings its questions quote shown as the codes they stand for: the values
    a coded column lists ('новая, in_progress, closed' -> '1 (новая), 2 (в работе), 5 (закрыта)') and a
    condition on it («status = 'новая'» -> «status = 1»), so a question never shows a value no row holds."""
    if not outcome.questions:
        return outcome
    questions = outcome.questions
    for table in (t for ts in catalog.tables.values() for t in ts):
        for name, codes in coded_columns(table).items():
            questions = [_question_with_codes(q, table, name, codes) for q in questions]
    return replace(outcome, questions=questions) if questions != outcome.questions else outcome


def _question_with_codes(question: str, table: Table, name: str, codes: dict[str, int]) -> str:
    meanings = coded(table.column(name))  # type: ignore[arg-type]
    shown = ", ".join(f"{code} ({meanings[code]})" for code in codes.values())
    written = _COMPARED.sub(lambda m: _with_codes(m, table, {name: codes}, []), question)
    return written.replace(", ".join(codes), shown)


def codes_written(outcome: Outcome, catalog: Catalog, language: str) -> Outcome:
    """`outcome` with each listed meaning of a coded column in its condition (a load's `where`, a mart's
    `where` and filters) written as its code, and an assumption per coded condition naming the meanings; a
    code its comment does not give, and a mart summing or averaging codes, are asked about; `outcome` itself
    when its table has no coded column."""
    outcome = questions_with_codes(outcome, catalog)
    spec = outcome.spec
    if spec is None or not spec.source.table:
        return outcome
    table = catalog.find_table(spec.source.conn_id or "", spec.source.table)
    columns = coded_columns(table) if table is not None else {}
    if table is None or not columns:
        return outcome
    data = spec.to_json_dict()
    holder = data["source"]["mart"] if spec.source.type == "mart" else data["source"]
    if spec.source.type == "mart":
        measured = _measured_code(holder, table, columns)
        if measured is not None:
            return Outcome.clarify(say(language, "codes.measured", **measured), spec=spec)
    where = holder.get("where") or ""
    unknown = _unknown_code(where, table, columns)
    if unknown is not None:
        return Outcome.clarify(say(language, "codes.unknown", **unknown), spec=spec)
    unmeant = _unmeant_literal(where, table, columns)
    code = _bracketed_code(spec.request, table.column(unmeant["column"])) if unmeant else None
    if unmeant is not None and code is not None:
        # "of the first-response kind (code 1)": the code the user wrote in brackets says the value
        name = unmeant["column"]
        said_code = _COMPARED.sub(lambda m: _code_for(m, name, code), where)
    elif unmeant is not None:
        return Outcome.clarify(say(language, "codes.unmeant", **unmeant), spec=spec)
    else:
        said_code = where
    said: list[tuple[str, str]] = []
    written = _no_blank_test(
        _COMPARED.sub(lambda m: _with_codes(m, table, columns, said), said_code), columns
    )
    filters = [_filter_with_codes(f, table, columns) for f in holder.get("filters") or []]
    if written == where and filters == (holder.get("filters") or []):
        return outcome
    if where:
        holder["where"] = written
    if filters:
        holder["filters"] = filters
    notes = [str(say(language, "codes.meaning", condition=c, column=n)) for c, n in said]
    return replace(
        outcome, spec=PipelineSpec.model_validate(data), assumptions=[*outcome.assumptions, *notes]
    )


def _filter_with_codes(found: dict, table: Table, columns: dict[str, dict[str, int]]) -> dict:
    """A mart's structured filter on a coded column with its listed meanings as codes."""
    name = str(found.get("column", "")).rsplit(".", 1)[-1]
    column = table.column(name)
    if name not in columns or column is None:
        return found
    value = found.get("value")
    values: list[object] = value if isinstance(value, list) else [value]
    codes = [_code_of(str(v), columns[name], coded(column)) for v in values]
    if value is None or any(c is None for c in codes):
        return found
    return {**found, "value": codes if isinstance(value, list) else codes[0]}


def _measured_code(mart: dict, table: Table, columns: dict[str, dict[str, int]]) -> dict[str, str] | None:
    """The function and column of a mart measure that sums, averages or ranks a coded column: its codes
    are no quantity («сумма статусов»), so what to measure is asked."""
    for measure in mart.get("measures") or []:
        name = str(measure.get("column") or "").rsplit(".", 1)[-1]
        column = table.column(name)
        if measure.get("func") in ("sum", "avg", "min", "max") and name in columns and column is not None:
            listed = ", ".join(f"{c} ({m})" for c, m in coded(column).items())
            return {"func": str(measure["func"]), "column": name, "codes": listed}
    return None


def _with_codes(
    match: re.Match[str], table: Table, columns: dict[str, dict[str, int]], said: list[tuple[str, str]]
) -> str:
    """One comparison with its meanings written as codes (unchanged when it compares no coded column, or a
    value that is neither a meaning nor a code of it)."""
    column = match.group("col")
    codes = columns.get(column)
    found_column = table.column(column)
    if codes is None or found_column is None:
        return match.group(0)
    meanings = coded(found_column)
    values = [v.replace("''", "'") for v in _LITERAL.findall(match.group("values"))]
    found = [_code_of(v, codes, meanings) for v in values]
    if any(code is None for code in found):
        return match.group(0)
    op = " ".join(match.group("op").split())
    listed = ", ".join(str(c) for c in found)
    written = (
        f"{column} {op} ({listed})" if match.group("values").startswith("(") else f"{column} {op} {listed}"
    )
    glossed = ", ".join(f"{c} ({meanings[c]})" for c in found if c is not None)
    said.append((f"{column} {op} {glossed}" if len(found) == 1 else f"{column} {op} ({glossed})", column))
    return written


def _code_of(value: str, codes: dict[str, int], meanings: dict[int, str]) -> int | None:
    """The code a listed meaning stands for, or the code itself said as a string ('5')."""
    if value.lower() in codes:
        return codes[value.lower()]
    if value.strip().isdigit() and int(value) in meanings:
        return int(value)
    return None


def _no_blank_test(where: str, columns: dict[str, dict[str, int]]) -> str:
    """`col IS NOT NULL AND col <> ''` of a coded column (read as a text column's "has a value"): an integer
    has no blank, `col IS NOT NULL` says it."""
    for column in columns:
        where = re.sub(rf"\b({column} IS NOT NULL) AND {column} <> ''", r"\1", where)
    return where


def _unknown_code(where: str, table: Table, columns: dict[str, dict[str, int]]) -> dict[str, str] | None:
    """The column and the number of a coded column compared with a code its comment does not give («со
    статусом 9» of codes 1-6): asked, never loaded as no rows."""
    for match in _NUMBERED.finditer(where):
        column = table.column(match.group(1))
        if match.group(1) not in columns or column is None:
            continue
        meanings = coded(column)
        for number in re.findall(r"\d+", match.group(2)):
            if int(number) not in meanings:
                listed = ", ".join(f"{c} ({m})" for c, m in meanings.items())
                return {"column": column.name, "code": number, "codes": listed}
    return None


def _unmeant_literal(where: str, table: Table, columns: dict[str, dict[str, int]]) -> dict[str, str] | None:
    """The column and the value of a coded column compared with a text that is neither a meaning nor a code
    its comment gives ("of the first-response kind" read as `breach_kind = 'first-response'`, planner136):
    an integer column holds no such text, so the condition would match nothing meant; asked, listing the
    codes."""
    for match in _COMPARED.finditer(where):
        column = table.column(match.group("col"))
        if match.group("col") not in columns or column is None:
            continue
        meanings = coded(column)
        for value in (v.replace("''", "'") for v in _LITERAL.findall(match.group("values"))):
            if _code_of(value, columns[column.name], meanings) is None:
                listed = ", ".join(f"{c} ({m})" for c, m in meanings.items())
                return {"column": column.name, "value": value, "codes": listed}
    return None


# "(code 1)", «(код 2)»: a code written in brackets
_BRACKETED_CODE = re.compile(r"\(\s*(?:code|код)\s*(\d+)\s*\)", re.IGNORECASE)


def _bracketed_code(request: str, column: Column | None) -> int | None:
    """The one code a bracket of the request writes ("(code 1)") that `column`'s comment gives; None when
    none or several."""
    found = {int(n) for n in _BRACKETED_CODE.findall(request)}
    if column is None or len(found) != 1 or next(iter(found)) not in coded(column):
        return None
    return found.pop()


def _code_for(match: re.Match[str], column: str, code: int) -> str:
    """The equality of `column` with a text no meaning is, written with the bracketed `code` instead."""
    if match.group("col") != column or match.group("op").strip() != "=":
        return match.group(0)
    return f"{column} = '{code}'"  # the code as a string: written and glossed as any said code is


def glossing_code(request: Request, index: int, meanings: Callable[[str], frozenset[str]]) -> str | None:
    """«события покупок (purchase)»: the Latin code in brackets right after Russian word `index` that means
    the same (покупка = purchase by the glossary) is the value the word names; the word glosses it and names
    no table or value of its own (planner162: «покупок» named the orders and the load was asked). None when
    no such bracket follows."""
    if index + 1 >= len(request.tokens) or not CYRILLIC.search(request.tokens[index]):
        return None
    gap = request.text[request.spans[index][1] : request.spans[index + 1][0]]
    code = request.raw[index + 1]
    if gap.strip() != "(" or not code.isascii() or not code.isalpha():
        return None
    return code if meanings(request.tokens[index]) & meanings(code.lower()) else None
