"""The first item of a Russian list of state words that ends in the word at a given index (marts112).

«без возвращённых и аннулированных (void)»: the bracket glosses only its own word, and the negation before
the list's first item carries across the list to it, so the bracketed code is left out as the other items
are (`status NOT IN ('refunded', 'void')`). Read as said, the bracket took the last item out of the negated
list and kept its rows only (`status = 'void'`, the kept rows inverted).
"""

from __future__ import annotations

from airflow_ai_etl.planning.lexer import CYRILLIC, Token, tokenize
from airflow_ai_etl.planning.request import Request

# the words joining the items of a list of states («возвращённых и аннулированных», «a, b или c»)
_JOINERS = frozenset({"и", "или", "либо"})
# at most this many items before the word (a longer run is no list of states said together)
_MOST_ITEMS = 4


def _cases(token: Token) -> set[tuple[str | None, str | None]]:
    """The (case, number) readings of a Russian word, its likelier parses only."""
    return {(p.case, p.number) for p in token.parses[:3] if p.case is not None}


def _agrees(request: Request, k: int, last: Token) -> bool:
    """Word `k` is a Russian word in a case and number the last item has («возвращённых» beside
    «аннулированных», both genitive plural): an item of the same list, not a noun the list depends on."""
    word = request.tokens[k]
    if not CYRILLIC.search(word):
        return False
    said = tokenize(request.text[slice(*request.spans[k])])
    return bool(said) and bool(_cases(said[0]) & _cases(last))


def list_start(request: Request, index: int) -> int | None:
    """The first item of the list whose last item is word `index` (a Russian word agreeing with it, joined by
    a comma or «и»/«или»); None when word `index` ends no such list."""
    last = tokenize(request.text[slice(*request.spans[index])])
    if not last or not last[0].parses:
        return None
    first, items = index, 0
    while items < _MOST_ITEMS and first > 0:
        gap = request.text[request.spans[first - 1][1] : request.spans[first][0]].strip()
        if request.tokens[first - 1] in _JOINERS and first > 1:
            before = first - 2
            gap = request.text[request.spans[before][1] : request.spans[first - 1][0]].strip()
            if gap not in ("", ","):
                break
        elif gap == ",":
            before = first - 1
        else:
            break
        if not _agrees(request, before, last[0]):
            break
        first, items = before, items + 1
    return first if items else None
