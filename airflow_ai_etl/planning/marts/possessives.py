""" "Bar orders by members' card tier": an English plural possessive before a column's words (marts128,
mbd-en-18). The apostrophe cut the owner off the words after it: the owner's noun was grouped by as its key
(member_id) and "card" read alone as payment_method 'card'. A singular possessive ("member's card tier") and
a bare noun ("member card tier") already read the joined column (loyalty.members.tier), so the plural
possessive is read as the bare plural noun: the apostrophe is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from airflow_ai_etl.planning.lexer import Token

# a plural noun's closing apostrophe before a word ("members' card", "guests’ loyalty"), never the closing
# quote of a quoted value ("category = 'Toys' and"); one pass, no nesting
_PLURAL_POSSESSIVE = re.compile(r"(?<!['’\w])([A-Za-z]{2,}s)['’](?=\s+[A-Za-z])")


def plural_possessives(text: str, _: Sequence[Token]) -> str:
    """ "members' card tier" -> "members card tier"."""
    return _PLURAL_POSSESSIVE.sub(r"\1", text)
