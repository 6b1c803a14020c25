"""A negation at either end of the clause that holds the row condition it turns around.

«заказы в статусе 'cancelled' вообще не тащить», «отчисленных (status = 'expelled') не брать»: the
negation closes the clause, after the condition; «не тащить заказы в статусе 'cancelled'» opens it.
"orders with status 'test' are not needed" says the same in English. The rows to load are the others, so
the condition is turned around by the filter rules (`RowFilters._apply_negations`: `status <> 'x'`, or
`IS DISTINCT FROM` on a nullable column).

A clause counts only when it holds a condition a filter rule read and its negation is not one a rule
already read itself («тестовые убрать»): a clause with no condition («телефон не брать») leaves a
column out, which :mod:`airflow_ai_etl.planning.offline` reads.
"""

from __future__ import annotations

import re

from airflow_ai_etl.planning.lexer import Token, tokenize
from airflow_ai_etl.planning.vocabulary import SHOW_LEMMAS_RU

# Verbs (and the predicative «нужны») that, negated, say the rows are not to be loaded.
TAKE_LEMMAS = frozenset(
    {
        "тащить", "притащить", "брать", "взять", "грузить", "загружать", "загрузить", "выгружать",
        "выгрузить", "подгружать", "переносить", "перенести", "включать", "включить", "лить", "заливать",
        "залить", "гнать", "тянуть", "копировать", "скопировать", "передавать", "отдавать", "переливать",
        "сохранять", "отправлять", "возить", "нужный", "надо", "нужно", "учитывать", "учесть", "считать",
        # colloquial and other transfer verbs: «не перекидывать», «не закидываем», «пусть не попадают»
        "перекидывать", "перекинуть", "кидать", "закидывать", "закинуть", "пускать", "пропускать",
        "попадать", "попасть", "импортировать", "экспортировать", "качать", "выкачивать", "подтягивать",
        "подтянуть", "пересылать", "забирать", "забрать", "реплицировать", "синхронизировать",
    }
    # rows not shown are rows not loaded («возвращённые не показывать», «отменённые не светить»; a column not
    # shown is masked)
    | SHOW_LEMMAS_RU
)  # fmt: skip
TAKE_EN = re.compile(
    r"(?:(?:is|are|be)\s+)?not\s+(?:needed|wanted|required|counted|included|shown|displayed)"
    r"|(?:should|must)\s+not\s+be\s+(?:loaded|copied|shown)"
    r"|(?:don'?t|do\s+not)\s+(?:load|copy|want|need|show|display)(?:\s+(?:them|those|these))?"
    # "refunded ones excluded", "test rows are left out": a participle of leaving out closes the clause too
    r"|(?:(?:is|are|be)\s+)?(?:excluded|omitted|left\s+out)\b",
    re.IGNORECASE,
)
# "skip the ones flagged as suspected fraud", "exclude those marked as test": a leave-out verb with a pronoun
# of the rows opens the clause whose condition names the rows not to load
SKIP_ROWS_EN = re.compile(
    r"\b(?:skip|exclude|omit|ignore|leave\s+out)\s+(?:the\s+ones|those|the\s+rows|any\s+rows|all\s+rows)\b",
    re.IGNORECASE,
)
# Words that may stand around the negation and say nothing more: «вообще не тащить плиз».
FILLERS = frozenset(
    {
        "вообще", "совсем", "нам", "мне", "тут", "здесь", "уже", "плиз", "пожалуйста", "пж", "please", "pls",
        "at", "all", "here", "them", "those", "these", "их", "эти", "такие", "пусть", "we",
    }
)  # fmt: skip
LEADING = frozenset({"а", "и", "но", "and", "but"})
CLAUSE_MARK = re.compile(r"[,;!?\n]|\.(?!\d)")
CLAUSE_END = re.compile(CLAUSE_MARK.pattern + r"|\s[—–]\s")


# «тех, кто в чёрном списке, не брать», «всех, у кого долг, не грузить»: a demonstrative and the relative
# clause describing the rows, right before a negation that stands alone in its own clause
RELATIVE_ROWS_BEFORE = re.compile(
    r"(?<!\w)(?:тех|те|всех|все|those|the\s+ones)\s*,?\s*"
    r"(?:кто|которые|которых|что|у\s+кого|у\s+которых|где|who|which|that)\b[^,;!?\n]*,\s*$"
    # «заявки, которые отменили, не считаем»: the rows' noun itself before «которые» (marts112)
    r"|(?<![\w-])[а-яё]+\s*,\s*(?:которые|которых)\s[^,;!?\n]*,\s*$",
    re.IGNORECASE,
)


def _relative_rows_before(text: str, clause_start: int) -> int | None:
    """Where the «тех, кто ...» clause closed by a lone negation at `clause_start` begins; None when none."""
    match = RELATIVE_ROWS_BEFORE.search(text, max(0, clause_start - 200), clause_start)
    return match.start() if match else None


def _is_take(token: Token) -> bool:
    return token.lang == "ru" and token.has(TAKE_LEMMAS)


def _clause_bounds(text: str, start: int, end: int, dash: bool = True) -> tuple[int, int]:
    """The clause around [start, end): from after the previous clause mark (a dash counts when `dash`)
    to the next one."""
    marks = CLAUSE_END if dash else CLAUSE_MARK
    before = [m.end() for m in marks.finditer(text, 0, start)]
    after = CLAUSE_END.search(text, end)
    return (before[-1] if before else 0), (after.start() if after else len(text))


def negated_clauses(text: str) -> list[tuple[int, int, int, int]]:
    """(clause start, clause end, negation start, negation end) of every clause that a negation of a
    loading verb closes («... вообще не тащить плиз») or opens («не тащить ...»)."""
    words = [t for t in tokenize(text) if t.lang != "punct"]
    found = []
    for k, word in enumerate(words):
        if word.lower != "не" or k + 1 >= len(words) or not _is_take(words[k + 1]):
            continue
        start, end = word.start, words[k + 1].end
        clause_start, clause_end = _clause_bounds(text, start, end)
        rest = [t for t in words[k + 2 :] if t.start < clause_end]
        if not text[clause_start:start].strip() and re.search(r"[—–]\s*$", text[:clause_start]):
            clause_start = _clause_bounds(text, clause_start - 3, end, dash=False)[
                0
            ]  # «где x = 'y' — не брать»
        before = [t for t in words[:k] if t.start >= clause_start]
        while before and before[-1].lower in FILLERS:
            before.pop()
        if all(t.lower in FILLERS for t in rest) and before:  # the negation closes the clause
            found.append((clause_start, end, start, end))
        elif all(t.lower in FILLERS for t in rest) and (opened := _relative_rows_before(text, clause_start)):
            found.append((opened, end, start, end))  # «тех, кто в чёрном списке, не брать»: alone after it
        elif all(t.lower in FILLERS | LEADING for t in before) and rest:  # it opens the clause
            found.append((start, clause_end, start, end))
    for match in SKIP_ROWS_EN.finditer(text):
        clause_end = _clause_bounds(text, match.start(), match.end())[1]
        if text[match.end() : clause_end].strip():
            found.append((match.start(), clause_end, match.start(), match.end()))
    for match in TAKE_EN.finditer(text):
        clause_start, clause_end = _clause_bounds(text, match.start(), match.end())
        after = text[match.end() : clause_end].split()
        leading = text[clause_start : match.start()].split()
        if all(w.lower() in FILLERS for w in after) and leading:
            found.append((clause_start, match.end(), match.start(), match.end()))
        elif after and all(w.lower() in FILLERS | LEADING for w in leading):
            # "we don't need the closed ones": the negation opens the clause whose rows it leaves out
            found.append((match.start(), clause_end, match.start(), match.end()))
    return found


def condition_scopes(
    text: str, found: list[tuple[int, str]], scopes: list[tuple[int, int]], handled: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The spans of `negated_clauses` that hold conditions (`found`: position, condition) all of which name
    values («status = 'x'», a boolean), overlap no scope already read (`scopes`) and whose negation no rule
    read itself (`handled`). A negated comparison («меньше 100 не нужны») stays asked about: which of the
    bounds and the NULL rows are meant is not said."""
    out = []
    for start, end, neg_start, _neg_end in negated_clauses(text):
        inside = [condition for position, condition in found if start <= position < end]
        if not inside or not all(EQUALITY.fullmatch(c) or VALUE_LIST.fullmatch(c) for c in inside):
            continue
        if any(s < end and start < e for s, e in scopes):
            continue
        if any(s <= neg_start < e for s, e in handled):
            continue
        out.append((start, end))
    return out


EQUALITY = re.compile(r"\w+ = (?:'(?:[^']|'')*'|true|false|-?\d+(?:\.\d+)?)")
# «отменённые и незаезды не берём»: a list of listed values a negation closes is turned around as one value
# is (marts106: the IN list stayed, the kept rows inverted)
VALUE_LIST = re.compile(r"\w+ IN \((?:'(?:[^']|'')*'|-?\d+)(?:, (?:'(?:[^']|'')*'|-?\d+))+\)")
COMPARISON = re.compile(r"(?:[<>!]=|<>|[=<>])\s*['\"«\w-]|\b(?:is\s+(?:not\s+)?null|in\s*\()", re.IGNORECASE)


def states_condition(phrase: str) -> bool:
    """The phrase compares a column with a value («status = 'expelled'», "amount > 100"): it names rows,
    so a negation after it («... не брать») leaves those rows out, not the column."""
    return bool(COMPARISON.search(phrase))
