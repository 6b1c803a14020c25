"""Abbreviated column words in a list: «тел.» (телефон), «ф.и.о.» (ФИО), "addr" (address), "tel." (telephone).

People shorten the words of a column list the way forms do: a word cut after a few letters with a dot, the
initials of a phrase with dots, or (in English) a clipped word without one. An abbreviation is expanded only
when it starts the words of exactly one column of the table (its name parts, its comment, the glossary words
for its name parts), so «тел.» is `phone` on a table with a phone column and is left alone (and asked
about) where «телеметрия» fits as well.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

# «ф.и.о.», "d.o.b.": initials with dots.
_INITIALS = re.compile(r"(?<![\w.])((?:[а-яёa-z]\.){2,}[а-яёa-z]?)\.?(?![\w])", re.IGNORECASE)
# «тел.», "tel.": a word cut with a dot; "addr": a Latin word of 3 to 6 letters (checked against the columns).
_CLIPPED = re.compile(r"(?<![\w.])([а-яёa-z]{2,6})(\.)?(?![\w])", re.IGNORECASE)

# «ВУ», «ДР»: capitals without dots, read as the initials of words in a column's comment (planner55).
_ACRONYM = re.compile(r"(?<![\w.])([А-ЯЁ]{2,5})(?![\w.])")

# Russian clippings written without a dot as often as with one («тел отправителя», «моб номер»).
_UNDOTTED_RU = frozenset({"тел", "моб", "адр"})


def expand(
    text: str,
    column_words: Mapping[str, Iterable[str]],
    known: set[str],
    column_phrases: Mapping[str, Iterable[str]] | None = None,
) -> str | None:
    """`text` with each abbreviation replaced by the one column word it starts; None when there is none.

    :param column_words: column name -> the lower-case words that name it (name parts, comment, glossary).
    :param known: lower-case words that are words of their own (never read as abbreviations).
    :param column_phrases: column name -> phrases of two words or more that name it ('Дата рождения'):
        initials with dots («д.р.») stand for the one phrase whose words they start.
    """
    by_initials: dict[str, dict[str, str]] = {}
    for column, phrases in (column_phrases or {}).items():
        for phrase in phrases:
            parts = re.findall(r"[а-яёa-z]+", phrase.lower())
            if len(parts) >= 2:
                by_initials.setdefault("".join(p[0] for p in parts), {})[column] = " ".join(parts)
    by_word = _by_word(column_words)
    rewrites: list[tuple[int, int, str]] = []
    for match in _INITIALS.finditer(text):
        letters = match.group(1).replace(".", "").lower()
        phrases = by_initials.get(letters, {})
        initials = _one_word(by_word, letters, whole=True) or (
            next(iter(phrases.values())) if len(phrases) == 1 else None
        )
        if initials:
            rewrites.append((match.start(), match.end(), initials))
    rewrites += _acronyms(text, column_phrases or {}, known | set(by_word), rewrites)
    for match in _CLIPPED.finditer(text):
        clip, dotted = match.group(1), match.group(2) is not None
        if any(a <= match.start() < b for a, b, _ in rewrites) or clip.lower() in known:
            continue
        if not dotted and not (clip.isascii() and len(clip) >= 3) and clip.lower() not in _UNDOTTED_RU:
            continue  # an undotted Cyrillic word is a word; "addr", "qty" are English clippings
        if clip.lower() in by_word:
            continue  # a whole column word ("email."), not an abbreviation
        full = _one_word(by_word, clip, whole=False)
        if full and len(full) > len(clip) + 1:
            rewrites.append((match.start(), match.end(), full))
    if not rewrites:
        return None
    for start, end, word in sorted(rewrites, reverse=True):
        text = text[:start] + word + text[end:]
    return text


def _acronyms(
    text: str,
    column_phrases: Mapping[str, Iterable[str]],
    known: set[str],
    taken: list[tuple[int, int, str]],
) -> list[tuple[int, int, str]]:
    """«номер ВУ» on a column 'Номер водительского удостоверения': capitals without dots that are the
    initials of consecutive words (two or more) of exactly one column's phrases, written out as those words.
    An acronym that is a word of its own or a column's word («ИНН», «СНИЛС») stays; one whose letters fit no
    column (an agent's 'Номер агентского договора') stays as written, so the mask rule asks about it."""
    runs: dict[str, dict[str, str]] = {}
    for column, phrases in column_phrases.items():
        for phrase in phrases:
            for letters, run in _initial_runs(phrase):
                runs.setdefault(letters, {})[column] = run
    found: list[tuple[int, int, str]] = []
    for match in _ACRONYM.finditer(text):
        letters = match.group(1).lower()
        fits = runs.get(letters, {})
        if letters in known or len(fits) != 1 or any(a <= match.start() < b for a, b, _ in taken):
            continue
        found.append((match.start(), match.end(), next(iter(fits.values()))))
    return found


def _initial_runs(phrase: str) -> Iterable[tuple[str, str]]:
    """(initials, words) of every run of two to five consecutive Russian words of `phrase`."""
    parts = re.findall(r"[а-яё]+", phrase.lower())
    for first in range(len(parts)):
        for last in range(first + 2, min(first + 5, len(parts)) + 1):
            yield "".join(p[0] for p in parts[first:last]), " ".join(parts[first:last])


def spells_initials(word: str, phrase: str | None) -> bool:
    """`word` is capitals without dots that spell the initials of consecutive words of `phrase` («ВУ» of
    'Номер водительского удостоверения'): said after its column's word it names the column, not a value."""
    if not _ACRONYM.fullmatch(word):
        return False
    return any(letters == word.lower() for letters, _ in _initial_runs(phrase or ""))


def _by_word(column_words: Mapping[str, Iterable[str]]) -> dict[str, set[str]]:
    """Lower-case word (ё as е) -> the names (columns, lemmas) it is a word of."""
    by_word: dict[str, set[str]] = {}
    for column, named in column_words.items():
        for word in named:
            by_word.setdefault(word.lower().replace("ё", "е"), set()).add(column)
    return by_word


def _one_word(by_word: Mapping[str, set[str]], prefix: str, whole: bool) -> str | None:
    """The shortest word `prefix` starts (or is, when `whole`) when every such word names one thing."""
    prefix = prefix.lower().replace("ё", "е")
    fits = [(w, cols) for w, cols in by_word.items() if (w == prefix if whole else w.startswith(prefix))]
    columns = {c for _, cols in fits for c in cols}
    if not columns:
        return None
    shortest = min((w for w, _ in fits), key=len)
    if len(columns) != 1 and not all(w.startswith(shortest) for w, _ in fits):
        return None  # «тел.» of телефон and телеметрия: asked; of two phone columns: the one word
    return shortest


def expand_dotted(
    text: str, words_by_lemma: Mapping[str, Iterable[str]], known: Callable[[str], bool]
) -> str:
    """`text` with each Cyrillic word cut with a dot («лаб. анализов», «трансп. средств») written out as the
    one word of `words_by_lemma` it starts (a catalog's comment words grouped by lemma: «лабораторных» of
    'Результаты лабораторных анализов'). A cut that starts words of two lemmas («абон.»: абонент and
    абонентский) or that the dictionary knows as a word of its own («мин.», «руб.», «ср.») is left as
    written, so the rules that read it (or ask about it) still see it."""
    by_word = _by_word(words_by_lemma)
    rewrites: list[tuple[int, int, str]] = []
    for match in _CLIPPED.finditer(text):
        clip = match.group(1).lower().replace("ё", "е")
        if match.group(2) is None or clip.isascii() or clip in by_word or known(clip):
            continue
        full = _one_word(by_word, clip, whole=False)
        if full and len(full) > len(clip) + 1:
            rewrites.append((match.start(), match.end(), full))
    for start, end, word in sorted(rewrites, reverse=True):
        text = text[:start] + word + text[end:]
    return text


# Russian words written with a hyphen inside («кол-во» = количество, «р-н» = район): the letters kept, then
# the case ending; the whole word is restored so the column words («количество» of quantity) meet it.
_HYPHEN_CONTRACTIONS = {("кол", "в"): "количеств", ("р", "н"): "район"}
_HYPHEN_CONTRACTION = re.compile(
    r"(?<![\w-])(кол|р)-(в|н)(о|а|у|ом|е|ах|ам|ами|ы|ов)?(?![\w-])", re.IGNORECASE
)
_AFTER_STEM = {"количеств": {"": "о"}, "район": {"о": ""}}  # «кол-в» alone is «количеств», «р-но» no word


def expand_contractions(text: str) -> str:
    """`text` with «кол-во», «кол-вом», «р-не» written out («количество», «количеством», «районе»)."""

    def whole(match: re.Match[str]) -> str:
        full = _HYPHEN_CONTRACTIONS.get((match.group(1).lower(), match.group(2).lower()))
        if full is None:
            return match.group(0)
        ending = match.group(3) or ""
        return full + _AFTER_STEM[full].get(ending, ending)

    return _HYPHEN_CONTRACTION.sub(whole, text)
