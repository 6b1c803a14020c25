"""Data quality checks asked for in the request, in Russian or English.

    «проверять, что сумма не отрицательная»        min_value   [amount]  0      fail
    "fail if fewer than 1000 rows arrive"          row_count_min         1000   fail
    «email не пустой»                              not_null    [email]          fail
    «предупреждать, если дубли по id»              unique      [id]             warn

How: the request is cut into clauses (commas, semicolons, sentence ends; «и», "and", «а» inside a
clause that already reads as a check). A clause that reads as a check leaves the text, the rest is
planned as usual (so «email не пустой» is not also read as a row filter), and the checks are
attached to the planned spec, their columns grounded in the source table. A clause that reads as a
check on a column the table does not have becomes a question, never a guess. A clause with a
relative word («у которых», «у кого», «кто», «где», "where", "with") is a row filter, not a check: it stays.

The catalog's default checks (quality/checks.py) are added later by the Assistant; an asked check
replaces a default one of the same kind on the same columns.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from airflow_ai_etl.outcome import Outcome
from airflow_ai_etl.planning.patterns import RESTATEMENT
from airflow_ai_etl.spec import Check, PipelineSpec

if TYPE_CHECKING:
    from airflow_ai_etl.catalog import Table

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}")
MAX_CLAUSES = 40  # a longer request is not read for checks (bounded work on odd input)

# Clause boundaries: , ; and a sentence end (not a decimal point), except before a subordinate
# word («предупреждать, если ...», "warn, if ...") which belongs to the clause before it.
# The dots of «т.е.» / "i.e." (a one-letter word before them) end no clause.
_BOUNDARY = re.compile(
    r"(?:[,;]|(?<!\b[теie])\.(?!\d))(?!\s*(?:если|что|чтобы|когда|if|that|when)\b)\s*", re.IGNORECASE
)
# «..., если дубли по телефону — предупреждать», "..., if duplicates by email — warn": a subordinate clause
# that carries its own severity after it is a check clause of its own, not part of the clause before it.
_CONDITIONAL_CHECK = re.compile(r",\s*(?=(?:если|if)\b)", re.IGNORECASE)
_FILTER_WORDS = re.compile(
    r"\b(?:у\s+которых|у\s+которого|у\s+кого|кто|котор\w+|где|только|кроме|where|with|whose|which|only|except|"
    # what a transform does to the rows, not a check on them: «убрать дубли», "dropping duplicates"
    r"убра\w*|убир\w*|удал\w*|без|исключ\w*|отбрасыв\w*|отбрось\w*|выкид\w*|"
    r"выкин\w*|выбро\w*|выбрас\w*|схлоп\w*|оставля\w*|оставить|"
    r"drop\w*|remov\w*|skip\w*|dedup\w*|de-dup\w*|discard\w*|collaps\w*|keep\w*|ignor\w*|exclud\w*|"
    r"without|mask\w*|маскир\w*|замаскир\w*|hash\w*)\b",
    re.IGNORECASE,
)
_WARN = re.compile(r"\b(?:предупрежд\w*|предупредить|warn\w*|alert)\b", re.IGNORECASE)
_FAIL = re.compile(r"\b(?:ошибк\w*|пада\w*|упасть|валить|fail\w*|error)\b", re.IGNORECASE)
# Words around the subject that are not a column: lead verbs, conjunctions, severity words.
_LEAD = re.compile(
    r"\b(?:проверя\w*|провер\w*|контролир\w*|убедит\w*|следить|чтобы|что|если|есть|ли|"
    r"предупрежд\w*|предупредить|ошибк\w*|пада\w*|упасть|должн\w*|быть|была|был|были|"
    r"check\w*|ensure|make\s+sure|verify|that|if|there|are|is|the|"
    r"warn\w*|fail\w*|on|must|should|be)\b",
    re.IGNORECASE,
)
_NUMBER = r"(?P<n>\d[\d\s ]*\d|\d|тысяч[аиу]?|тыщ\w*|a\s+thousand|thousand)"
_ROWS = r"(?:строк\w*|записей|записи|rows?|records?)"
_ROW_COUNT = [
    re.compile(rf"(?:меньше|менее|fewer\s+than|less\s+than|under|below)\s+{_NUMBER}\s+{_ROWS}", re.I),
    re.compile(
        rf"{_ROWS}\s+(?:\w+\s+)?(?:меньше|менее|fewer\s+than|less\s+than|under|below)\s+{_NUMBER}", re.I
    ),  # noqa: E501
    re.compile(rf"(?:не\s+меньше|не\s+менее|хотя\s+бы|at\s+least|minimum\s+of)\s+{_NUMBER}\s+{_ROWS}", re.I),
]
_AUX_RU = r"(?:(?:должн\w*|быть|может|будет|бывает|никогда|всегда)\s+)*"
_AUX_EN = r"(?:(?:is|are|must|should|be|always|never|ever|can|may)\s+)*"
_NOT_NEGATIVE = [
    re.compile(rf"^(?P<s>.+?)\s+(?:{_AUX_RU}не\s+{_AUX_RU}отрицательн\w*|{_AUX_RU}неотрицательн\w*)$", re.I),
    re.compile(rf"^(?P<s>.+?)\s+{_AUX_EN}(?:not\s+{_AUX_EN}negative|non-?negative)$", re.I),
    re.compile(r"^(?:если\s+)?(?P<s>.+?)\s+отрицательн\w*$", re.I),  # «ошибка, если сумма отрицательная»
    re.compile(r"^(?:if\s+)?(?P<s>.+?)\s+(?:is|are|goes)\s+negative$", re.I),
]
# «проверять, что сумма не меньше нуля», "check that amount is at least 0": no value of X below N, a check
# only with a word that says so; bare, «оклад не меньше 20000» says which rows to load (salary >= 20000)
_ZERO = r"(?:0|нул[ьяюе]|нолик\w*|zero)"
_AT_LEAST = [
    re.compile(
        rf"^(?P<s>.+?)\s+{_AUX_RU}(?:не\s+меньше|не\s+менее|не\s+ниже|>=|≥)\s+(?P<n>{_ZERO}|\d[\d\s\u00a0]*\d|\d)$",
        re.I,
    ),
    re.compile(
        rf"^(?P<s>.+?)\s+{_AUX_EN}(?:at\s+least|not\s+(?:less\s+than|below|under)|no\s+less\s+than|>=|≥)\s+"
        rf"(?P<n>{_ZERO}|\d[\d,]*\d|\d)$",
        re.I,
    ),
]
# "X is empty" is the failing state: a check only with a word that says so («если», «проверять», "alert if");
# bare, «сотрудники ежедневно, fired_at пустой» says which rows to load (fired_at IS NULL), and read as a
# not-null check it planned the opposite meaning (planner71)
_IS_EMPTY = [
    re.compile(r"^(?:если\s+)?(?P<s>.+?)\s+(?:пуст\w*|не\s+заполнен\w*|null)$", re.I),
    re.compile(r"^(?:if\s+)?(?P<s>.+?)\s+(?:is|are)\s+(?:empty|null|blank|missing)$", re.I),
]
_NOT_NULL = [
    re.compile(rf"^(?P<s>.+?)\s+{_AUX_RU}не\s+{_AUX_RU}(?:пуст\w*|null)$", re.I),
    re.compile(r"^(?P<s>.+?)\s+(?:всегда\s+)?(?:заполнен\w*|обязательн\w*)$", re.I),
    _IS_EMPTY[0],
    re.compile(rf"^(?P<s>.+?)\s+{_AUX_EN}not\s+{_AUX_EN}(?:empty|null|blank)$", re.I),
    re.compile(r"^(?P<s>.+?)\s+(?:is\s+)?(?:never\s+)?(?:non-?empty|non-?null|filled\s+in|required)$", re.I),
    _IS_EMPTY[1],
]
# Duplicates said as a noun: a check only with a word that says so (below); bare, «дубли по email» is the
# dedupe a load does (planner52: it was a unique check and the duplicates were loaded)
_DUPLICATES = [
    re.compile(r"\bдубл\w*\s+(?:по\s+|в\s+)?(?P<s>.+)$", re.I),
    re.compile(r"^(?P<s>.+?)\s+(?:повторя\w*|дублир\w*)$", re.I),
    re.compile(r"\bduplicates?\s+(?:by|on|in|of)\s+(?P<s>.+)$", re.I),
    re.compile(r"\bduplicated?\s+(?P<s>.+?)$", re.I),
]
_UNIQUE = [
    *_DUPLICATES,
    re.compile(r"\bуникальн(?!ых\b)\w*\s+(?:по\s+)?(?P<s>.+)$", re.I),  # «уникальных X»: X counted
    re.compile(r"^(?P<s>.+?)\s+(?:\w+\s+)?уникальн\w*$", re.I),
    re.compile(r"^(?P<s>.+?)\s+(?:is|are|must\s+be|should\s+be|be)\s+unique$", re.I),
    re.compile(r"\bunique(?:ness)?\s+(?:of\s+)?(?P<s>.+)$", re.I),
]
# Words that make duplicates a check: «проверять», «если есть дубли», «дубли — ошибка», "warn if", "fail on"
_CHECK_CUE = re.compile(
    r"\b(?:провер\w*|контролир\w*|убедит\w*|следить|если|есть|не\s+должн\w*|недопуст\w*|"
    r"check\w*|ensure|make\s+sure|verify|if|there|must|should|on)\b",
    re.IGNORECASE,
)


# "the value of amount", «поле email»: words around a column's name, unless the column has that name
_GENERIC_NOUNS = frozenset(
    "значение значения поле поля колонка колонки столбец столбца value values field column".split()
)


@dataclass(frozen=True)
class AskedCheck:
    """One check read from the request; `subject` is the words that name its column (none for a count)."""

    type: str
    subject: str
    value: int | None
    severity: str
    clause: str


# A count word in the clause: «колво и уникальных студентов», "count and unique users" list aggregates of a
# mart (a distinct count), not a uniqueness check on a column.
_COUNTED = re.compile(
    r"\b(?:кол-?во|колво|количеств\w*|числ[оа]\w*|сколько|count|counts|number\s+of|how\s+many)\b",
    re.IGNORECASE,
)


def _number(word: str) -> int:
    word = word.lower().replace(" ", "").replace("\u00a0", "").replace(",", "")
    if word.startswith(("тыс", "тыщ", "athousand", "thousand")):
        return 1000
    if re.fullmatch(_ZERO, word):
        return 0
    return int(word)


def _read_one(part: str, severity: str, cued: bool) -> AskedCheck | None:
    """The check one clause part asks for, or None; `cued`: the clause has a check or severity word."""
    for pattern in _ROW_COUNT:
        found = pattern.search(part)
        if found:
            return AskedCheck("row_count_min", "", _number(found.group("n")), severity, part)
    text = part.strip(" .!?:—–-")
    for pattern in _AT_LEAST if cued or _CHECK_CUE.search(part) else []:
        found = pattern.search(text)
        subject = _LEAD.sub(" ", found.group("s")).strip(" ,.—–-") if found else ""
        if found and subject and len(subject.split()) <= 4:
            return AskedCheck("min_value", subject, _number(found.group("n")), severity, part)
    for kind, patterns in (("min_value", _NOT_NEGATIVE), ("not_null", _NOT_NULL), ("unique", _UNIQUE)):
        if kind == "unique" and _COUNTED.search(text):
            continue
        for pattern in patterns:
            found = pattern.search(text)
            needs_cue = pattern in _DUPLICATES or pattern in _IS_EMPTY
            if found and needs_cue and not (cued or _CHECK_CUE.search(part)):
                continue  # «клиенты ежедневно, дубли по email»: the load's dedupe; «fired_at пустой»: rows
            if found:
                subject = _LEAD.sub(" ", found.group("s")).strip(" ,.—–-")
                if subject and len(subject.split()) <= 4:
                    return AskedCheck(kind, subject, 0 if kind == "min_value" else None, severity, part)
    return None


def _read_clause(clause: str) -> list[AskedCheck] | None:
    """The checks one clause asks for (several joined by «и»/"and"/«а»), or None when it is not a check."""
    if _FILTER_WORDS.search(clause) or RESTATEMENT.search(clause.lower()):
        return None  # «то есть paid_at пустой»: an explanation of which rows, not a check
    severity = "warn" if _WARN.search(clause) else "fail"
    cued = bool(_WARN.search(clause) or _FAIL.search(clause) or _CHECK_CUE.search(clause))
    parts = re.split(r"\s+(?:и|and|а|а\s+также|as\s+well\s+as)\s+", clause, flags=re.IGNORECASE)
    checks = [_read_one(p, severity, cued) for p in parts]
    if all(c is not None for c in checks):
        return checks  # type: ignore[return-value]
    whole = _read_one(clause, severity, cued)
    return [whole] if whole is not None else None


def split_checks(text: str) -> tuple[str, list[AskedCheck]]:
    """The request without its check clauses, and the checks they ask for (in order)."""
    pieces = [part for piece in _BOUNDARY.split(text) for part in _conditional_parts(piece)]
    if len(pieces) < 2 or len(pieces) > MAX_CLAUSES:
        return text, []  # the first clause is the pipeline itself
    asked: list[AskedCheck] = []
    kept = [pieces[0]]
    for piece in pieces[1:]:
        found = _read_clause(piece.strip()) if piece.strip() else None
        if found:
            asked += found
        else:
            kept.append(piece)
    if not asked:
        return text, []
    return ", ".join(p.strip() for p in kept if p.strip()), asked


def _conditional_parts(piece: str) -> list[str]:
    """`piece` split before «, если» / ", if" when what follows ends with its own severity word («если дубли
    по телефону — предупреждать»); «предупреждать, если дубли по id» keeps its severity before: whole."""
    found = _CONDITIONAL_CHECK.search(piece)
    if found is None:
        return [piece]
    tail = piece[found.end() :]
    if not (_WARN.search(tail) or _FAIL.search(tail)) or _WARN.search(piece[: found.start()]):
        return [piece]
    return [piece[: found.start()], tail]


ColumnFinder = Callable[["Table", str], "list[str]"]


def ground_checks(
    asked: list[AskedCheck], table: Table | None, columns_of: ColumnFinder
) -> tuple[list[Check], list[str]]:
    """Spec checks for `asked` over `table`'s columns, and a question for each check whose column is not
    there (or is not one column).

    :param columns_of: the planner's rule for which columns words name (glossary, comments, forms).
    """
    checks: list[Check] = []
    questions: list[str] = []
    for item in asked:
        if item.type == "row_count_min":
            checks.append(Check(type="row_count_min", value=item.value, severity=item.severity))
            continue
        if table is not None:
            named = columns_of(table, item.subject)
        else:  # a file: its columns are unknown until it is read; a plain column name is taken as it is
            named = [item.subject] if _IDENTIFIER.fullmatch(item.subject) else []
        if len(named) != 1:
            where = f" of {table.qualified_name}" if table is not None else ""
            listed = f" Columns: {', '.join(table.column_names)}." if table is not None else ""
            questions.append(f"Which column{where} should the check «{item.clause.strip()}» look at?{listed}")
            continue
        check = Check(type=item.type, columns=named, value=item.value, severity=item.severity)
        if check not in checks:
            checks.append(check)
    return checks, questions


def plan_with_checks(planner: Any, text: str, plan: Callable[[str], Outcome]) -> Outcome:
    """`plan` the request without its check clauses, then attach the checks they ask for.

    :param planner: the offline planner (its catalog, and its rule for which columns words name).
    :param plan: the planner's own planning of a request text.
    """
    from airflow_ai_etl.planning.vocabulary import words

    rest, asked = split_checks(text)
    if not asked:
        return plan(text)
    outcome = plan(rest)
    spec = outcome.spec
    if outcome.status != "ok" or spec is None:
        return outcome
    source = spec.source
    table = planner.catalog.find_table(source.conn_id or "", source.table) if source.table else None

    def columns_of(found: Table, subject: str) -> list[str]:
        tokens = words(subject)
        if not tokens:
            return []
        for candidate in (tokens, [t for t in tokens if t not in _GENERIC_NOUNS]):
            if not candidate:
                continue
            word_column = planner._word_column(found, candidate, False)
            if word_column is not None and word_column[1] == len(candidate):
                return [word_column[0]]
            named = list(dict.fromkeys(name for _, name in planner._column_mentions(found, candidate)))
            if len(named) == 1:
                return named
        return []

    checks, questions = ground_checks(asked, table, columns_of)
    if not questions and _off_mart_output(spec, checks):
        # «число студентов по факультетам, expelled_on не пустой»: the mart's table has no such column to
        # check, the clause says which rows are counted; the mart rules read it (a filter, or a question)
        return plan(text)
    # the whole request stays the spec's request, so a re-plan with answers reads the checks again
    if questions:
        return Outcome.clarify(*questions, spec=spec)
    data = spec.to_json_dict()
    data["request"] = text
    data["checks"] = [*data["checks"], *(c.model_dump(exclude_none=True) for c in checks)]
    return replace(outcome, spec=PipelineSpec.model_validate(data))


def _off_mart_output(spec: PipelineSpec, checks: list[Check]) -> bool:
    """A check on a column the mart does not output (none of its dimensions or its grain's column)."""
    mart = spec.source.mart if spec.source.type == "mart" else None
    if mart is None:
        return False
    output = set(mart.dimensions) | ({mart.time_grain.column} if mart.time_grain else set())
    return any(column not in output for check in checks for column in check.columns)
