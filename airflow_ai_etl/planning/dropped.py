"""Words of a condition no rule read, beside a condition another rule did read (planner136, issue 15).

Every content word of a condition must be read by some rule, or the request is asked about: a plan that keeps
one condition and silently drops another loads rows the user did not ask for (heldout 25a: «Ужастики и
комедии» loaded comedies only, "paid in crypto" every paid order, «для студентов» and «прошедших испытательный
срок» every row). The shapes here are the ones the earlier rules leave over, read whether or not the WHERE
holds another condition:

- a list of values («ужастики и комедии», «кошки и хомяки»): one item a column lists, read, the other a word
  no column, value, table or rule reads;
- a participle clause set off by commas after the rows' noun («Кандидатов, прошедших испытательный срок,»)
  whose words no rule read;
- an audience after «для» («мероприятия для студентов»): an animate noun no listed value reads;
- an English means after a payment participle ("paid in crypto", "settled with vouchers") no listed value
  reads;
- a value a column lists, written as listed, in brackets or after a preposition of means ("(succeeded)", "by
  card"), that the WHERE does not hold: a bracket read as explaining the words before it dropped the
  condition those words had read ("Payments by card (succeeded)" was `status = 'succeeded'` alone);
- English "with a/the X" beside another condition, X a column's word the WHERE does not compare ("… (code 1)
  with a penalty" loaded every breach of the kind);
- a Russian relative clause set off by a comma («, у которых есть паспорт», «, где ...», «, чьи ...») in
  which no condition starts, beside a WHERE (planner154: «Клиентов-покупателей, у которых есть паспорт» was
  client_type = 'buyer' alone; the English clause is the filters' `_unread_relative_clause`);
- a comparison with a number («старше 30 лет», "older than 60 years", «дороже 1500 рублей») beside a WHERE
  that neither holds the number nor starts a condition inside it (planner154: the comparison alone was
  asked, beside a listed value it was dropped);
- «после»/"after" and a noun no rule reads («Собаки после кастрации», "cars after repair"): an event the rows
  went through (planner165: the words were dropped, every dog loaded; «после стерилизации» is the flag's);
- an item after «или»/«либо»/"or" that no rule reads beside a first item some rule read («заблокированы
  (blocked), или фиолетовые», "scheduled or missed"): planner165, the second item was dropped;
- an English word no rule reads that is a part of another table's name of the same database ("Station
  faults" of ops.fault_tickets, planned as stations): planner165, the table the word names was dropped;
- «и выше», "and higher" after a value that is no number («высокий и выше», "senior and higher"): an order of
  coded levels no rule reads (planner165: `priority = 3` alone, or every agent).

Each returns the words to quote in a question; None when every word was read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from airflow_ai_etl.catalog import Table, listed_values
from airflow_ai_etl.planning.grammar import COMPARISON_WORDS
from airflow_ai_etl.planning.lexer import Token, animate_noun_lemmas, tokenize
from airflow_ai_etl.planning.lexicon import concepts
from airflow_ai_etl.planning.request import Request, status_word
from airflow_ai_etl.planning.vocabulary import NAME_PART_SUFFIXES, name_parts, stem
from airflow_ai_etl.planning.vocabulary import words as text_words

if TYPE_CHECKING:
    from airflow_ai_etl.planning.offline import OfflinePlanner

_JOINTS = frozenset({"и", "или", "либо"})
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]!?—–]|\s-\s|\.(?!\d)")
_CONTENT_POS = frozenset({"NOUN", "ADJF"})
# English participles of paying whose "in/with/via X" names the means
_PAID_EN = frozenset({"paid", "settled", "purchased", "bought", "prepaid"})
_MEANS_PREPOSITIONS_EN = frozenset({"in", "with", "via", "using", "through"})
_ARTICLES_EN = frozenset({"a", "an", "the"})
_WITH_WORDS = frozenset({"с", "со", "with"})
_WITH_JOINTS = frozenset({"и", "или", "либо", "and", "or"})
# "paid in full", "paid in advance", "paid in the last 2 days": no means
_NOT_MEANS_EN = frozenset({"full", "advance", "last", "past", "time", "part", "total", "first"})


def unread_condition_words(
    planner: OfflinePlanner, request: Request, table: Table, where: str | None
) -> str | None:
    """The first phrase of the shapes above that no rule read; None when none."""
    words = [t for t in tokenize(request.text) if t.lang != "punct"]
    return (
        _unread_list_item(planner, request, table, words, where or "")
        or _unread_with_item(planner, request, table, words)
        or _unread_participle_clause(planner, request, table, words, where or "")
        or _unread_audience(planner, request, table, words)
        or _unread_means_en(planner, request, table, words)
        or _unread_listed_value(request, table, words, where or "")
        or _unread_with_phrase_en(planner, request, table, words, where or "")
        or _unread_row_phrase_beside(planner, request, where or "")
        or _unread_clause_beside(planner, request, table, words, where or "")
        or _unread_relative_clause_ru(request, words, where or "")
        or _unread_comparison(request, words, where or "")
        or _unread_after_event(planner, request, table, words)
        or _unread_or_item(planner, request, table, words, where or "")
        or _unread_other_table_word(planner, request, table, words, where or "")
        or _unread_order_bound(request, words)
    )


def _read(
    planner: OfflinePlanner, request: Request, table: Table, word: Token, where: str | None = None
) -> bool:
    """`word` is one a rule read, or one that names something: handled, claimed, in the schedule, a word of
    the table, of a column (one the condition `where` compares, when given) or of the request's options, or a
    listed value of the table."""
    if request.is_handled(word.start) or word.lower in request.claimed or not word.lower.isalpha():
        return True
    if any(a <= word.start < b for a, b in request.schedule_spans):
        return True
    mentioned = {name for _, name in planner._column_mentions(table, [word.lower])}
    if where is not None:  # «прошедшие госрегистрацию» of registered_at: read only if compared
        mentioned = {name for name in mentioned if re.search(rf"\b{re.escape(name)}\b", where)}
    if planner._names_table(word.lower, table) or mentioned:
        return True
    if concepts(word.lemma, word.lang) or concepts(word.lower, word.lang):
        return True
    return bool(_listed_hits(word, table))


def _names_rows(planner: OfflinePlanner, table: Table, word: Token) -> bool:
    """`word` is the table's own noun: by its name or by its comment («Кандидатов» of 'Кандидаты на …')."""
    own = set(name_parts(table.name.split(".")[-1])) | {stem(w) for w in text_words(table.comment or "")}
    return planner._names_table(word.lower, table) or bool(planner.vocabulary.meanings(word.lower) & own)


def _listed_hits(word: Token, table: Table) -> set[tuple[str, str]]:
    """(column, value) of each value a column of `table` lists that `word` says (the filters' own reading)."""
    from airflow_ai_etl.planning.filters import _listed_value_hits  # filters imports the planner's modules

    listed = {c.name: listed_values(c.comment) for c in table.columns}
    listed = {name: values for name, values in listed.items() if values}
    if word.lang == "en":
        return {(n, v) for n, vs in listed.items() for v in vs if v.lower() == word.lower}
    return _listed_value_hits(word, listed) if listed else set()


def _content(word: Token) -> bool:
    return word.lang == "ru" and bool(word.parses) and word.parses[0].pos in _CONTENT_POS


def _unread_list_item(
    planner: OfflinePlanner, request: Request, table: Table, words: list[Token], where: str
) -> str | None:
    """«Ужастики и комедии»: two items joined by «и»/«или», one saying a listed value the WHERE holds, the
    other a content word of the same part of speech no rule reads; the pair is quoted."""
    for k in range(1, len(words) - 1):
        first, joint, second = words[k - 1], words[k], words[k + 1]
        if joint.lower not in _JOINTS or _CLAUSE_BREAK.search(request.text[first.end : second.start]):
            continue
        for said, other in ((first, second), (second, first)):
            values = {v for _, v in _listed_hits(said, table)}
            if not any(f"'{v}'" in where for v in values) or not _content(other):
                continue
            if other.parses[0].pos != said.parses[0].pos if said.parses else True:
                continue  # «комедии и новые»: not one list
            if not _read(planner, request, table, other):
                return request.text[first.start : second.end]
    return None


def _participle_clauses(
    planner: OfflinePlanner, request: Request, table: Table, words: list[Token], any_parse: bool
) -> Iterator[tuple[Token, list[Token]]]:
    """Each unread participle set off by a comma within three words after the rows' noun, with its clause's
    words up to the next clause break. `any_parse`: a participle by any of the word's parses, else by its
    first."""
    for k, word in enumerate(words):
        if not k or "," not in request.text[words[k - 1].end : word.start]:
            continue
        parses = word.parses if any_parse else word.parses[:1]
        if not any(p.pos == "PRTF" for p in parses) or _read(planner, request, table, word):
            continue
        if not any(_names_rows(planner, table, w) for w in words[max(0, k - 3) : k]):
            continue
        clause = [word]
        for later in words[k + 1 :]:
            if _CLAUSE_BREAK.search(request.text[clause[-1].end : later.start]):
                break
            clause.append(later)
        yield word, clause


def _unread_participle_clause(
    planner: OfflinePlanner, request: Request, table: Table, words: list[Token], where: str
) -> str | None:
    """«Кандидатов, прошедших испытательный срок,»: a participle after a comma that follows the table's noun
    (within three words), opening a clause whose words no rule read, says which rows; quoted."""
    if request.language != "ru":
        return None
    for word, clause in _participle_clauses(planner, request, table, words, any_parse=True):
        # a direct object right after the participle («прошедших испытательный срок»): a phrase after a
        # preposition («выгруженные в клик», «начатые за последние сутки») is the load's or a window's
        direct = len(clause) > 1 and clause[1].parses and clause[1].parses[0].pos in _CONTENT_POS
        if not direct or any(_read(planner, request, table, w, where) for w in clause[1:]):
            continue
        return request.text[word.start : clause[-1].end]
    return None


def _unread_audience(
    planner: OfflinePlanner, request: Request, table: Table, words: list[Token]
) -> str | None:
    """«Мероприятия для студентов»: «для» and an animate noun no listed value or rule reads names who the rows
    are for; quoted («для пенсионеров» of 'Аудитория (…, seniors)' is read by the value rules)."""
    for before, word in zip(words, words[1:], strict=False):
        if before.lower != "для" or word.lang != "ru" or not word.parses:
            continue
        if animate_noun_lemmas(word.lower) and not _read(planner, request, table, word):
            return request.text[before.start : word.end]
    return None


def _unread_means_en(
    planner: OfflinePlanner, request: Request, table: Table, words: list[Token]
) -> str | None:
    """ "paid in crypto", "settled with vouchers": the means after a payment participle that no listed value
    reads; quoted (a listed one, "paid in cash", is read by the value rules)."""
    for k in range(len(words) - 2):
        if words[k].lower not in _PAID_EN or words[k + 1].lower not in _MEANS_PREPOSITIONS_EN:
            continue
        j = k + 2 + (words[k + 2].lower in _ARTICLES_EN)
        if j >= len(words) or words[j].lang != "en" or words[j].lower in _NOT_MEANS_EN:
            continue
        if not words[j].lower.isalpha() or _read(planner, request, table, words[j]):
            continue
        return request.text[words[k].start : words[j].end]
    return None


# prepositions of means before a listed value said as listed: "by card", «через app»
_MEANS_BEFORE = frozenset({"by", "via", "through", "через"})


def _unread_listed_value(request: Request, table: Table, words: list[Token], where: str) -> str | None:
    """A value a column of `table` lists, written as listed inside brackets or after a preposition of means,
    that the WHERE does not compare: the words quoted (with the preposition)."""
    listed = {v.lower() for c in table.columns for v in listed_values(c.comment)}
    for k, word in enumerate(words):
        if word.lower not in listed or any(a <= word.start < b for a, b in request.schedule_spans):
            continue
        bracketed = re.fullmatch(r"\s*", request.text[: word.start].rsplit("(", 1)[-1]) is not None and (
            request.text[word.end :].lstrip().startswith(")")
        )
        means = not bracketed and k > 0 and words[k - 1].lower in _MEANS_BEFORE
        if not (bracketed or means) or re.search(rf"'{re.escape(word.lower)}'", where.lower()):
            continue
        start = words[k - 1].start if means else word.start
        return request.text[start : word.end]
    return None


def _unread_with_item(
    planner: OfflinePlanner, request: Request, table: Table, words: list[Token]
) -> str | None:
    """«Клубы с бассейном и сауной», "clubs with a pool and a sauna": the second thing of a «с»/"with" list
    no rule reads, when a rule read the first (bb-ru-030: has_pool alone, the sauna dropped); the list is
    quoted. A Russian second item must be a noun in the instrumental, as the first is after «с»."""
    for k in range(2, len(words) - 1):
        joint, first = words[k], words[k - 1]
        if joint.lower not in _WITH_JOINTS or not request.is_handled(first.start):
            continue
        # «с детским креслом и …», "with a child seat and …": the «с»/"with" up to four words back
        opener = next((j for j in range(k - 2, max(-1, k - 6), -1) if words[j].lower in _WITH_WORDS), None)
        if opener is None:
            continue
        after = k + 2 if words[k + 1].lower in _ARTICLES_EN and k + 2 < len(words) else k + 1
        second = words[after]
        if _CLAUSE_BREAK.search(request.text[words[opener].end : second.end]):
            continue
        if second.lang == "ru" and not any(p.pos == "NOUN" and p.case == "ablt" for p in second.parses[:2]):
            continue
        if second.lang == "en" and not second.lower.isalpha():
            continue
        if not _read(planner, request, table, second):
            return request.text[words[opener].start : second.end]
    return None


def _unread_with_phrase_en(
    planner: OfflinePlanner, request: Request, table: Table, words: list[Token], where: str
) -> str | None:
    """ "with a penalty" after another condition: "with", an article and up to three words none of which a
    rule read or a compared column names (clauses.unread_with_phrase asks so when the WHERE is empty)."""
    if request.language != "en" or not where:
        return None
    for k in range(len(words) - 2):
        if words[k].lower != "with" or words[k + 1].lower not in _ARTICLES_EN:
            continue
        phrase = []
        for later in words[k + 2 : k + 5]:
            if _CLAUSE_BREAK.search(request.text[words[k].end : later.start]):
                break
            phrase.append(later)
        if phrase and not any(_read(planner, request, table, w, where) for w in phrase):
            return request.text[words[k].start : phrase[-1].end]
    return None


def _unread_row_phrase_beside(planner: OfflinePlanner, request: Request, where: str) -> str | None:
    """«Издания в подарочном переплёте дороже 2000 рублей»: a prepositional phrase of rows beside a WHERE,
    that no condition starts inside (`Request.read_at`) and no word of which names a compared column; the
    planner's row-phrase rule, with every preposition (planner143)."""
    return planner._unread_row_phrase(request, where, every_prep=True) if where else None


# «за последние сутки», «в течение недели»: a clause of these says a window or a period, no state
_WINDOW_PREPOSITIONS = frozenset({"за", "течение", "после", "до"})


def _unread_clause_beside(
    planner: OfflinePlanner, request: Request, table: Table, words: list[Token], where: str
) -> str | None:
    """«Кредиты, попавшие в просрочку, кроме автокредитов»: a participle set off by a comma after the rows'
    noun, opening a clause in which no condition starts and whose nouns no rule reads, beside a WHERE; quoted
    (planner143: the participle clause of a direct object is `_unread_participle_clause`'s)."""
    if request.language != "ru" or not where:
        return None
    for word, clause in _participle_clauses(planner, request, table, words, any_parse=False):
        if any(word.start <= position < clause[-1].end for position in request.read_at):
            continue
        if any(w.lower in _WINDOW_PREPOSITIONS for w in clause):
            continue  # «начатые за последние сутки»: a window's words, read by the window rules
        nouns = [w for w in clause[1:] if w.parses and w.parses[0].pos == "NOUN"]
        if not nouns or any(_read(planner, request, table, w, where) for w in nouns):
            continue  # «выгруженные в клик», «начатые за последние сутки»: the load's or a window's
        return request.text[word.start : clause[-1].end]
    return None


# «у которых», «которые», «где», «чьи»: words that open a Russian relative clause after a comma
_RELATIVE_LEMMAS_RU = frozenset({"который", "чей"})
_RELATIVE_WORDS_RU = frozenset({"где", "кто"})
# «старше», «моложе», "older", "younger": comparatives of age the comparison words lack (a Russian comparative
# is also told by its parse)
_AGE_COMPARATIVES = frozenset({"older", "younger", "старше", "младше", "моложе"})
_COMPARISON_LINKS = frozenset({"than", "чем", "a", "an", "не", "no", "not"})


def _read_inside(request: Request, start: int, end: int) -> bool:
    """A condition starts inside [start, end) (`Request.read_at`), or a rule handled a word there."""
    return any(start <= at < end for at in request.read_at) or any(
        start <= a < end for a, _ in request.handled
    )


# a bracket inside a relative clause explains its words («которые ушли (churned)»): no break
_RELATIVE_BREAK = re.compile(r"[,;:!?—–]|\s-\s|\.(?!\d)")


def _clause_to_break(request: Request, words: list[Token], k: int) -> list[Token]:
    """Word `k` and the words after it, brackets included, up to the next clause break or the schedule."""
    clause = [words[k]]
    for later in words[k + 1 :]:
        if _RELATIVE_BREAK.search(request.text[clause[-1].end : later.start]):
            break
        if any(a <= later.start < b for a, b in request.schedule_spans):
            break
        clause.append(later)
    return clause


def _opens_relative_clause(words: list[Token], k: int) -> bool:
    """Word `k` opens a Russian relative clause: «которые», «у которых», «где», «чьи»."""
    word = words[k]
    if word.lang != "ru":
        return False
    if word.lower in _RELATIVE_WORDS_RU or word.has(_RELATIVE_LEMMAS_RU):
        return True
    return word.lower in ("у", "с") and k + 1 < len(words) and words[k + 1].has(_RELATIVE_LEMMAS_RU)


def _unread_relative_clause_ru(request: Request, words: list[Token], where: str) -> str | None:
    """«Клиентов-покупателей, у которых есть паспорт»: a relative clause set off by a comma, beside a WHERE
    (or with none, when a verb and its complement open it), in which no condition starts and no rule handled
    a word: quoted, never dropped. A clause of a window
    («которые пришли за последние сутки») is the window rules'."""
    if request.language != "ru":
        return None
    for k in range(1, len(words)):
        if "," not in request.text[words[k - 1].end : words[k].start] or not _opens_relative_clause(words, k):
            continue
        clause = _clause_to_break(request, words, k)
        if len(clause) < 2 or _read_inside(request, clause[0].start, clause[-1].end):
            continue
        if any(w.lower in _WINDOW_PREPOSITIONS for w in clause):
            continue
        if not where and not _verb_with_complement(clause):
            continue
        return request.text[clause[0].start : clause[-1].end]
    return None


def _verb_with_complement(clause: list[Token]) -> bool:
    """«которые передали коллекторам»: the clause's word after its pronoun is a finite verb with a word after
    it (planner165: with no WHERE beside it the clause was dropped and every row loaded; a lone verb,
    «которые продлили», is the filters' state-clause question)."""
    verb = 1 if clause[0].lower not in ("у", "с") else 2
    return len(clause) > verb + 1 and any(p.pos == "VERB" for p in clause[verb].parses[:1])


def _compares(word: Token) -> bool:
    """`word` is a comparison word before a number: «больше», «старше», "over", "older", any comparative."""
    if word.lower in COMPARISON_WORDS or word.lower in _AGE_COMPARATIVES:
        return True
    return word.lang == "ru" and any(p.pos == "COMP" for p in word.parses[:1])


def _holds_number(where: str, number: int) -> bool:
    """`where` holds a number written with `number`'s digits first ("15,000" is read as 15000)."""
    return re.search(rf"(?<![\w.]){number}", where) is not None


def _unread_comparison(request: Request, words: list[Token], where: str) -> str | None:
    """«Активных клиентов старше 30 лет», "Blocked readers older than 60 years": a number after a comparison
    word, beside a WHERE that does not hold the number and in which no condition starts from the comparison
    word on: quoted with the word after the number (its unit). A number of the schedule is not looked at."""
    if not where:
        return None
    for k, word in enumerate(words):
        if word.lang != "num" or word.number is None or request.is_handled(word.start):
            continue
        if any(a <= word.start < b for a, b in request.schedule_spans):
            continue
        j = k - 1
        while j >= 0 and words[j].lower in _COMPARISON_LINKS:
            j -= 1
        if j < 0 or not _compares(words[j]) or _holds_number(where, word.number):
            continue
        end = words[k + 1].end if k + 1 < len(words) and words[k + 1].lang != "num" else word.end
        if _read_inside(request, words[j].start, end):
            continue
        return request.text[words[j].start : end]
    return None


# «после кастрации», "after (the) repair": an event the rows went through
_AFTER_WORDS = frozenset({"после", "after"})
_OR_JOINTS = frozenset({"или", "либо", "or"})
# the parts of speech of a stated item: «фиолетовые», «повреждены», «мятые», «кастрации»
_ITEM_POS = frozenset({"NOUN", "ADJF", "ADJS", "PRTF", "PRTS", "VERB"})
_ONES_EN = frozenset({"ones", "one"})
# English words after "or" that open the next item's predicate, bound a quantity or correct the words before
# ("or rather just the email", round122): no item themselves
_NO_ITEM_EN = frozenset({
    "are", "is", "were", "was", "be", "been", "being", "still", "currently", "now", "already", "either",
    "not", "more", "less", "fewer", "greater", "so", "else", "otherwise", "rather", "maybe", "perhaps",
})  # fmt: skip


def _in_schedule(request: Request, word: Token) -> bool:
    return any(a <= word.start < b for a, b in request.schedule_spans)


def _after_article(words: list[Token], j: int) -> int:
    """`j` moved past an English article ("after the repair", "or a purple one")."""
    return j + 1 if j + 1 < len(words) and words[j].lower in _ARTICLES_EN else j


def _item_word(word: Token) -> bool:
    """`word` may say a state or an event of the rows: a Russian content word, an English word."""
    if not word.lower.isalpha():
        return False
    if word.lang == "ru":
        return bool(word.parses) and word.parses[0].pos in _ITEM_POS
    return word.lang == "en" and word.lower not in _ONES_EN


def _unread_after_event(
    planner: OfflinePlanner, request: Request, table: Table, words: list[Token]
) -> str | None:
    """«Кошки после кастрации», "cars after repair": «после»/"after" and a noun no rule reads (outside the
    schedule and the windows, no number) says which rows; the two words are quoted."""
    for k in range(len(words) - 1):
        if words[k].lower not in _AFTER_WORDS or _in_schedule(request, words[k]):
            continue
        noun = words[_after_article(words, k + 1)]
        if noun.lang == "ru" and not any(p.pos == "NOUN" for p in noun.parses[:1]):
            continue
        if (
            not _item_word(noun)
            or _in_schedule(request, noun)
            or _read_inside(request, words[k].start, noun.end)
        ):
            continue
        if not _read(planner, request, table, noun):
            return request.text[words[k].start : noun.end]
    return None


def _unread_or_item(
    planner: OfflinePlanner, request: Request, table: Table, words: list[Token], where: str
) -> str | None:
    """«Карты, которые заблокированы (blocked), или фиолетовые», "Callbacks scheduled or missed": the item
    after «или»/«либо»/"or" (a bracket or a comma may stand before it) that no rule, column, value or table
    reads, when a rule read the item before it; the pair is quoted (one read alone would load too few
    rows)."""
    for k in range(1, len(words) - 1):
        if words[k].lower not in _OR_JOINTS:
            continue
        first, second = words[k - 1], words[_after_article(words, k + 1)]
        if _in_schedule(request, first) or _in_schedule(request, second) or not _item_word(second):
            continue
        if second.lower in _NO_ITEM_EN or second.lower in COMPARISON_WORDS or second.lower in _ORDER_BOUNDS:
            continue  # "done or still in progress", "60 days or more": no item of its own here
        if k > 1 and words[k - 2].number is not None:
            continue  # "60 days or more", «3 дня или неделю»: a quantity, the comparison or window rules'
        if first.lang not in ("ru", "en") or not _read(planner, request, table, first):
            continue
        if not _read(planner, request, table, second) and not _says_quoted(planner, second, where):
            return request.text[first.start : second.end]
    return None


def _says_quoted(planner: OfflinePlanner, word: Token, where: str) -> bool:
    """`word` says a value the condition `where` quotes («не пришёл или отменил» -> 'cancelled': a state
    verb the status rule read without marking it, planner168)."""
    quoted = set(re.findall(r"'([^']*)'", where))
    return status_word(word.lower)[0] in quoted or planner.filters._says_value(word, quoted)


def _other_table_parts(planner: OfflinePlanner, table: Table) -> set[str]:
    """Stems of the name parts of the other tables of `table`'s database that `table`'s name lacks (no
    classifier part such as id or name)."""
    own = set(name_parts(table.name.split(".")[-1]))
    parts: set[str] = set()
    for conn in planner._readable("postgres"):
        tables = planner.catalog.tables_of(conn.conn_id)
        if any(t.qualified_name == table.qualified_name for t in tables):
            for other in tables:
                parts |= set(name_parts(other.name.split(".")[-1]))
    return parts - own - NAME_PART_SUFFIXES


def _unread_other_table_word(
    planner: OfflinePlanner, request: Request, table: Table, words: list[Token], where: str
) -> str | None:
    """ "Station faults", "Connector faults" of evcharge: an English word right after the table's own noun,
    whose stem is a part of another table's name (ops.fault_tickets) and that no rule reads (a column it
    names only when the WHERE compares it), is the head of the phrase: the rows may be that table's; quoted,
    never dropped (the table its modifier names was planned with every row)."""
    if request.language != "en":
        return None
    parts: set[str] | None = None
    for before, word in zip(words, words[1:], strict=False):
        if word.lang != "en" or len(word.lower) < 4 or not word.lower.isalpha():
            continue
        if _in_schedule(request, word) or not _names_rows(planner, table, before):
            continue
        if parts is None:
            parts = _other_table_parts(planner, table)
        if stem(word.lower) in parts and not _read(planner, request, table, word, where or ""):
            return request.text[before.start : word.end]
    return None


# «и выше», "and higher", "or above": a bound after the value it bounds
_ORDER_BOUNDS = frozenset({"выше", "ниже", "старше", "младше", "higher", "above", "lower", "below", "up"})
_BOUND_JOINTS = frozenset({"и", "или", "and", "or"})


def _unread_order_bound(request: Request, words: list[Token]) -> str | None:
    """«Тикеты с приоритетом высокий и выше», "Agents senior and higher": a bound word after «и»/"and"/"or"
    and a value that is no number (a number's bound, «85 и выше», is the comparison rules') that no rule
    handled; the three words are quoted: which codes are above a level is not said by the catalog."""
    for k in range(2, len(words)):
        if words[k].lower not in _ORDER_BOUNDS or words[k - 1].lower not in _BOUND_JOINTS:
            continue
        value = words[k - 2]
        if value.lang == "num" or value.number is not None or _in_schedule(request, words[k]):
            continue
        if not request.is_handled(words[k].start):
            return request.text[value.start : words[k].end]
    return None
