"""What starts a pipeline besides a clock: new files, other pipelines' loads, a person (issue 18).

Read from the request's tokens (lemmas from :mod:`airflow_ai_etl.planning.lexer`), in both languages:

* **new files** — «как только в s3://b/in/ появится новый файл», «по мере поступления файлов», «следи за
  папкой /mnt/share/», "when a CSV lands in /data/in/", "as they arrive", "watch s3://b/in/": an arrival
  word (появиться, поступать, падать, класть, кидать; arrive, land, appear, show up, drop, watch), or
  "new" with "immediately/automatically" («новые CSV сразу закидывать»), next to a file place. The spec
  gets ``on_new_files`` (a deferrable sensor waits, no clock); a clock as well is a question.
* **after other loads** — «после загрузки заказов», «когда обновятся и заказы, и клиенты», «по окончании
  загрузки клиентов», "when the sales load finishes", "once both orders and customers have been loaded":
  a clause opened by after/when/once/после/когда/как только with a load-event word (загрузка,
  загрузиться, обновиться, закончиться; load, refresh, finish, update). Its nouns name the upstream
  tables; each must be an asset a deployed pipeline loads (``Catalog.assets``), else the planner asks and
  lists what is loaded. The spec gets ``schedule_assets``.
* **a person** — "only when I trigger it", «когда я запущу»: a manual pipeline (no schedule).

The trigger's words leave the text; the rest is planned as a manual pipeline by the offline planner and the
trigger is then set on its spec. A clause with neither kind of word is not a trigger ("every hour load new
files" is a clock that reads new files).
"""

from __future__ import annotations

import contextvars
import dataclasses
import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from pydantic import ValidationError

from airflow_ai_etl.assets import AssetUriError, normalize_uri
from airflow_ai_etl.messages import say
from airflow_ai_etl.outcome import Outcome
from airflow_ai_etl.planning.colloquial import transliterates
from airflow_ai_etl.planning.grammar import is_mask_word, key_cues
from airflow_ai_etl.planning.lexer import Token, tokenize
from airflow_ai_etl.planning.marts.plan import is_mart_request
from airflow_ai_etl.planning.marts.words import (
    AVG_EN,
    COUNT_EN,
    DISTINCT_EN,
    GRAIN_ADVERBS_RU,
    GRAIN_EN,
    GRAIN_RU,
    MAX_EN,
    MIN_EN,
    SUM_EN,
)
from airflow_ai_etl.planning.patterns import PIPELINE_VERBS
from airflow_ai_etl.planning.schedule import MANUAL_FOLLOWERS, detect_language, parse_schedule
from airflow_ai_etl.planning.vocabulary import name_parts
from airflow_ai_etl.spec import PipelineSpec

if TYPE_CHECKING:
    from airflow_ai_etl.catalog import Catalog
    from airflow_ai_etl.planning.offline import OfflinePlanner

__all__ = [
    "Trigger",
    "bare_file_target",
    "files_from_system",
    "folder_path",
    "plan_triggered",
    "read_trigger",
    "without_paths",
]

# An absolute local folder (a mounted network share is one): /mnt/share/reports/, /data/in/*.csv.
# Not inside a URL (s3://...) and not an Excel file (that is the Excel source's path).
_FOLDER = re.compile(r"(?<![\w:/.\\])/(?:[\w.\-]+/)+[\w.\-*?]*", re.UNICODE)
_EXCEL = re.compile(r"\.xlsx?$", re.IGNORECASE)

# --- words, by lemma (Russian: pymorphy3 normal form; English: Snowball stem) ----------------------
ARRIVAL = frozenset({
    "появиться", "появляться", "появление", "поступить", "поступать", "поступление", "прийти",
    "приходить", "прилететь", "прилетать", "падать", "упасть", "класть", "положить", "кидать", "кинуть",
    "подкидывать", "выкладывать", "выложить", "следить", "приход", "попасть", "попадать", "come",
    "оказаться", "очутиться",
    "arriv", "land", "appear", "show", "drop", "watch", "upload",
    "мониторить", "отслеживать", "monitor", "poll",
})  # fmt: skip
FILE_NOUNS = frozenset({"файл", "файлик", "file", "csv", "parquet", "jsonl", "json", "tsv"})
CATCH = frozenset({"подхватывать", "подхватить", "ловить", "отлавливать", "забирать", "pick", "grab"})
_EACH_NEW_LEAD = frozenset(
    {"on", "upon", "every", "each", "при", "каждом", "каждый", "каждого", "любом", "любой"}
)
IMMEDIATE = frozenset({"сразу", "автоматически", "мгновенно", "immedi", "automat", "instant", "right"})
NEW = frozenset({"новый", "свежий", "new", "fresh"})
EVERY = frozenset({"каждый", "любой", "everi", "each", "ani"})  # English: Snowball stems ("everi")
FILE_PLACE = frozenset({
    "файл", "папка", "каталог", "директория", "бакет", "префикс", "выгрузка", "шара",
    "file", "folder", "directori", "bucket", "prefix", "share", "csv", "parquet", "jsonl", "json",
})  # fmt: skip
# A load that finished upstream: nouns and finite verbs (the INFN «обновлять» is the main clause's verb).
LOAD_EVENT = frozenset({
    "загрузка", "загрузиться", "загружаться", "загрузить", "обновиться", "обновляться", "обновление",
    "закончиться", "завершиться", "окончание", "завершение", "отработать", "залиться", "прогрузиться",
    "импорт", "синхронизация", "перенос", "заливка", "прогон", "обработка", "перезаливка", "перегрузка",
    "выполнение", "выполниться", "отработка", "succeed", "success", "выгрузка", "выгрузиться",
    "пересчёт", "пересчет", "пересчитаться", "перестроение", "перестроиться", "rebuilt", "rebuild",
    "recomput",
    "load", "refresh", "finish", "complet", "updat", "done", "run",
    "reload", "sync", "resync", "rerun", "закончить", "завершить",
    # a period's data is final: «когда закроются начисления», «после закрытия периода»
    "закрыться", "закрываться", "закрытие",
    # chat words for "done": «как врачи отстреляются», «после апдейта», «рефреш», "after X wraps up"
    "отстреляться", "апдейт", "рефреш", "wrap",
})  # fmt: skip
# Russian lemmas of the same roots with any prefix: «догрузиться», «подтянуться», «перезаливка», «долиться»
# (a finished load said with a prefix the list above lacks). Reflexive verbs and nouns only: the infinitive
# «догружать» is the main clause's verb, never the event.
_RU_EVENT_ROOT = re.compile(
    r"^(?:(?:за|до|под|про|вы|пере)груз(?:иться|ка)|(?:за|до|пере)(?:литься|ливка)|перезаливать|(?:пере)?залив"
    r"|(?:под|до)тянуться|обнов(?:иться|ляться|ление)|(?:пере|до)считаться|пересобраться"
    r"|синхронизироваться|(?:за|про|до)?синк(?:аться|алиться|нуться)|(?:про)?апдейт(?:иться|нуться)"
    r"|(?:от)?рефреш(?:иться|нуться))$"
)
# Russian arrival verbs of files with the prefixes that keep the sense "put/drop/send into a place":
# «закинут», «скинут», «положат», «выложат», «упадёт», «пришлют», «залетит».
_RU_ARRIVAL_ROOTS = {
    "кинуть": ("", "за", "под", "пере", "до", "с", "вы"), "кидывать": ("за", "под", "пере", "с"),
    "кидать": ("", "за", "с"), "ложить": ("по", "вы", "под"), "класть": ("", "по"),
    "падать": ("", "по", "за"), "пасть": ("у", "по", "за"), "лететь": ("при", "за", "до"),
    "летать": ("при", "за"), "слать": ("при", "за", "до", "пере"), "сылать": ("при", "за", "пере"),
}  # fmt: skip
_RU_ARRIVAL = frozenset(prefix + root for root, prefixes in _RU_ARRIVAL_ROOTS.items() for prefix in prefixes)
READY = frozenset({"готовый", "готовность", "readi"})
# Verbs whose short participle says a load is done («обновлены», «залиты»); the long one («обновлённые
# заказы») says which rows.
_DONE_PARTICIPLES = frozenset({
    "обновить", "залить", "перезалить", "догрузить", "подгрузить", "прогрузить", "выгрузить", "перегрузить",
    "синхронизировать", "пересчитать", "пересобрать", "закрыть",
})  # fmt: skip
OPENERS = frozenset(
    {"после", "когда", "как", "only", "after", "when", "onc", "whenev", "по", "вслед", "следом", "follow"}
)
FAILURE = frozenset({"fail", "failur", "error", "упасть", "падать", "ошибка", "сбой", "провалиться"})
# Arrival verbs that say an upstream table's load came through (when no file is in the clause).
UPSTREAM_ARRIVAL = frozenset({"доехать", "приехать", "долететь", "прилететь", "прийти", "land", "arriv"})
# «после дага X», "after the X pipeline": a pipeline named as what finishes (right after the opener).
# Verbs of appearing that say an upstream load came through only when the warehouse is the place named
# («когда в клике появятся свежие заказы»; «когда в базе появятся новые заказы» is about the source).
# «когда заказы окажутся / будут в клике», "once orders are in the warehouse": being there is loaded.
WAREHOUSE_ARRIVAL = frozenset({
    "оказаться", "появиться", "появляться", "попасть", "appear", "show", "быть", "be", "is", "are",
})  # fmt: skip


def _is_warehouse(token: Token) -> bool:
    from airflow_ai_etl.planning.patterns import ENGINE_WORDS

    words = set(ENGINE_WORDS.get("clickhouse", set())) | {"хранилище", "warehouse", "dwh"}
    return token.lower in words or token.lemma in words


PIPELINE_WORDS = frozenset({"даг", "пайплайн", "конвейер", "dag", "pipelin", "job"})
# «запускать после ...», "run after ...": the verb that says the trigger is part of its clause.
START_VERBS = frozenset(
    {"запускать", "запустить", "запуск", "стартовать", "run", "start", "trigger", "launch", "kick"}
)
# Words of a trigger clause that name nothing upstream (besides the openers and the events).
CLAUSE_GLUE = frozenset({
    "сразу", "тот", "как", "только", "и", "а", "также", "таблица", "данные", "каждый", "раз", "весь", "оба",
    "по", "в", "из", "с", "же", "уже", "будет", "быть", "за", "вслед", "следом", "даг", "пайплайн",
    "процесс", "задача", "джоба", "таск", "конвейер", "актив", "событие", "asset", "wait", "for",
    "right", "the", "both", "and", "have", "has", "been", "is", "are", "get", "got", "tabl", "data", "everi",
    "time", "all", "of", "up", "was", "were", "be", "in", "into", "pipelin", "job", "dag", "follow",
    "as", "soon", "пока", "не", "until", "till", "витрина", "mart", "факт", "итог", "успешный", "successful",
    "случай", "успешно", "пройти", "successfully", "if", "если",
    # a count of the loads listed next («все три — хабы, отправления и трекинг», "all three: ...")
    "два", "две", "обе", "три", "четыре", "пять", "two", "three", "four", "five",
})  # fmt: skip
# What a person does to start a run («когда я запущу», «когда сам нажму»), wants («когда захочу», "when we
# need it") or asks for ("when I ask for it", «когда попрошу»): after «когда»/"when" and a pronoun or «сам»,
# no load event.
MANUAL_VERBS = frozenset({
    "trigger", "run", "start", "launch", "press", "click", "hit", "запустить", "нажать", "дернуть", "скажу",
    "захотеть", "решить", "want", "need", "ask", "request", "попросить", "kick", "say",
})  # fmt: skip
# The particle of a phrasal start verb ("when I kick it off", "when we say so")
_VERB_PARTICLES = frozenset({"off", "so"})
PRONOUN_I = frozenset({"i", "я", "we", "мы", "someone", "somebody", "anyone", "кто-то", "кто-нибудь"})
_BOUNDARY_MARKS = frozenset({"—", "–", "-", ":", ";", ".", "then", "затем", "потом"})


# Set while plan_triggered plans the rest of a request: that text carries no trigger of its own.
_PLANNING_REST: contextvars.ContextVar[bool] = contextvars.ContextVar("ai_etl_planning_rest", default=False)


@dataclass(frozen=True)
class Trigger:
    """What a request says starts the pipeline, and where those words are.

    :param kind: ``files`` (new files at the source path), ``assets`` (other pipelines' loads) or
        ``manual`` (a person).
    :param spans: the character spans of the trigger's words; they leave the text the rest is planned from.
    :param upstream: for ``assets``, the clause's words that may name upstream tables, as (word, start).
    :param any_of: for ``assets``, the clause joins its loads with «или»/"or" (any one of them starts it).
    """

    kind: Literal["files", "assets", "manual"]
    spans: tuple[tuple[int, int], ...]
    upstream: tuple[tuple[str, int], ...] = field(default=())
    rewrites: tuple[tuple[int, int, str], ...] = field(default=())  # (start, end, word) put in place
    any_of: bool = False
    uris: tuple[tuple[str, str], ...] = field(default=())  # words standing for asset URIs in the text
    text: str | None = None  # the request with a trigger word's typo corrected (spans are into it)
    # a bare «после X» / "after X" (no load word): a trigger only when X names deployed loads, else the
    # request is planned as if it named none (``plan_triggered``)
    tentative: bool = False


def folder_path(text: str) -> str | None:
    """The absolute local folder a request names (``/mnt/share/reports/``), not an Excel file."""
    for match in _FOLDER.finditer(text):
        path = match.group(0).rstrip(".,:")
        if not _EXCEL.search(path) and "/" in path[1:]:
            return path
    return None


def _is(token: Token, lemmas: frozenset[str], pos: Sequence[str | None] | None = None) -> bool:
    return token.lang in ("ru", "en") and token.has(lemmas, pos=pos)


def _is_event(token: Token, pos: Sequence[str | None] | None = None) -> bool:
    """A word saying a load finished (:data:`LOAD_EVENT`, or a Russian reflexive verb / noun of a load root
    with any prefix: «догрузились», «подтянутся», «перезаливки»), or that its data is ready («будут
    готовы», «по готовности», "are ready": any part of speech)."""
    if _is(token, LOAD_EVENT, pos) or _is(token, READY):
        return True
    if token.lang == "ru" and (pos is None or "PRTS" in pos) and _is(token, _DONE_PARTICIPLES, pos=("PRTS",)):
        return True  # «табель обновлён», «отправления обновлены»: a load that is done
    return token.lang == "ru" and any(
        _RU_EVENT_ROOT.search(p.lemma) and (pos is None or p.pos in pos) and p.pos != "INFN"
        for p in token.parses
    )


def _is_arrival(token: Token) -> bool:
    """A word saying files arrive in a place: :data:`ARRIVAL`, or a prefixed Russian verb of putting,
    dropping or sending said of someone else («закинут», «скинут», «пришлют», «упадёт»; not the order
    «закинь»/«закинуть в кликхаус», which is the load itself)."""
    return _is(token, ARRIVAL) or (
        token.lang == "ru" and _is(token, _RU_ARRIVAL, pos=("VERB", "PRTS")) and not _imperative(token.lower)
    )


def _arrives_verb(token: Token) -> bool:
    """«появится», «прилетит», «упадёт»: a verb (most likely reading) saying files arrive."""
    return _is_arrival(token) and bool(token.parses) and token.parses[0].pos == "VERB"


def _has_file_place(text: str, tokens: Sequence[Token]) -> bool:
    return bool(re.search(r"\bs3a?://", text, re.I) or folder_path(text)) or any(
        _is(t, FILE_PLACE) for t in tokens
    )


def read_trigger(text: str, assets: Mapping[str, Sequence[str]] | None = None) -> Trigger | None:
    """The trigger a request names, or None when it names none (a clock or nothing).

    :param assets: asset URI -> the deployed pipelines (dag ids) loading it (``Catalog.assets``): a
        dag id after «после» / "after" names its load («после дага X», "run after X")."""
    if _PLANNING_REST.get():
        return None  # the rest of a triggered request is planned without its trigger («... вручную»)
    # «по мере появленя», "whenver", "after the orders load finshes": a trigger word one letter off is read
    # as that word (a word left unread would be taken for an upstream name, or hide the trigger)
    corrected = _trigger_typos(_slang_openers(text))
    if corrected != text and (found := _read(corrected, assets)) is not None:
        return dataclasses.replace(found, text=corrected)
    return _read(text, assets)


def _read(text: str, assets: Mapping[str, Sequence[str]] | None) -> Trigger | None:
    named, uris = _asset_uris(text)
    dag_ids = frozenset(d.lower() for dags in (assets or {}).values() for d in dags) | frozenset(uris)
    found = _read_assets(tokenize(named), dag_ids)
    if found is not None:
        return dataclasses.replace(found, uris=tuple(sorted(uris.items())))
    tokens = tokenize(text)
    return _read_files(text, tokens) or _read_manual(tokens)


# English trigger words long enough that a word one edit away is a typo of them (no dictionary to ask).
_EN_TRIGGER_WORDS = frozenset({
    "whenever", "manually", "arrives", "arrived", "arriving", "finishes", "finished", "completes",
    "completed", "refreshed", "uploaded", "following", "demand", "after", "succeeds", "succeeded",
})  # fmt: skip
_EN_REAL_WORDS = frozenset({"alter", "later", "rafter", "aft"})  # one edit from a trigger word, never typos
_RU_OPENERS = frozenset({"когда", "после"})
_RU_TRIGGER_LEMMAS = frozenset(ARRIVAL | LOAD_EVENT | CATCH | {"вручную", "ждать", "дождаться"})


# Spoken spellings of the openers: «как тока/токо/ток догрузятся», «када обновится». The dictionary knows
# «тока» and «ток» (a current), so only after «как»; «када» it does not know, and is no other word.
_SLANG_ONLY = re.compile(r"(?<![\w-])(как\s+)(?:тока|токо|ток|тольк|толька|тоько)(?![\w-])", re.IGNORECASE)
_SLANG_WHEN = re.compile(r"(?<![\w-])(?:када|кады|кагды)(?![\w-])", re.IGNORECASE)


def _slang_openers(text: str) -> str:
    """``text`` with a spoken spelling of «как только» / «когда» written out (word lengths may change: the
    trigger's spans are into this text, see :attr:`Trigger.text`)."""
    text = _SLANG_ONLY.sub(lambda m: f"{m.group(1)}только", text)
    return _SLANG_WHEN.sub(lambda m: "Когда" if m.group(0)[0].isupper() else "когда", text)


def _trigger_kinds(lemmas: frozenset[str]) -> frozenset[str]:
    """What trigger words the lemmas are: "event" (a load finished), "arrival" (files come), or the
    other trigger lemmas themselves; empty for no trigger word."""
    kinds = {lemma for lemma in lemmas & _RU_TRIGGER_LEMMAS if lemma not in ARRIVAL | LOAD_EVENT}
    if any(lemma in LOAD_EVENT or _RU_EVENT_ROOT.match(lemma) for lemma in lemmas):
        kinds.add("event")
    if lemmas & (ARRIVAL | _RU_ARRIVAL):
        kinds.add("arrival")
    return frozenset(kinds)


def _trigger_typos(text: str) -> str:
    """``text`` with each word one letter off a trigger word read as that word: Russian words the dictionary
    does not know with one known reading among the trigger lemmas, English words one edit from one of
    :data:`_EN_TRIGGER_WORDS` (no path, number or name: only letters, 5 to 30 of them; an English word of
    4 only when a letter was dropped from a 5-letter one: "aftr")."""
    from airflow_ai_etl.planning.lexer import _morph
    from airflow_ai_etl.planning.spelling import _EN_LETTERS, _RU_LETTERS, _edits, _ru_candidates

    edits: list[tuple[int, int, str]] = []
    for token in tokenize(without_paths(text)):
        word = token.lower
        if not (word.isalpha() and 4 <= len(word) <= 30) or token.lang not in ("ru", "en"):
            continue  # a 4-letter word only as a letter dropped from a longer one ("aftr")
        if token.lang == "ru":
            if _morph().word_is_known(word) or len(edits) > 8:
                continue
            openers = _edits(word, _RU_LETTERS) & _RU_OPENERS  # «кагда», «посл», «псле»
            if len(openers) == 1 and (len(word) >= 5 or len(word) < len(next(iter(openers)))):
                edits.append((token.start, token.end, openers.pop()))
                continue
            if len(word) < 5:
                continue
            readings = [(c, lemmas) for c, lemmas in _ru_candidates(word) if _trigger_kinds(lemmas)]
            if readings and (
                frozenset.intersection(*(lemmas for _, lemmas in readings))
                or len({_trigger_kinds(lemmas) for _, lemmas in readings}) == 1
            ):  # «обновяться»: обновятся, обновиться, обновляться are all a finished load
                # one lemma («появления», «появленья»): the common spelling
                hits = {min((c for c, _ in readings), key=lambda c: ("ь" in c, c))}
            else:
                hits = set()
        else:
            if word in _EN_TRIGGER_WORDS or word in _EN_REAL_WORDS:
                continue
            hits = {h for h in _edits(word, _EN_LETTERS) & _EN_TRIGGER_WORDS if len(word) >= 5 or len(h) == 5}
        if len(hits) == 1:
            edits.append((token.start, token.end, hits.pop()))
    for start, end, word in reversed(edits):
        text = text[:start] + word + text[end:]
    return text


# "when the asset clickhouse://127.0.0.1:9000/default/orders is updated": an asset named by its URI
_ASSET_URI = re.compile(r"\b(?:clickhouse|postgres(?:ql)?)://[^\s,;«»\"']+", re.IGNORECASE)


def _asset_uris(text: str) -> tuple[str, dict[str, str]]:
    """The text with each table asset URI replaced by one word of its length (offsets kept), and those
    words -> the URIs."""
    uris: dict[str, str] = {}

    def one_word(match: re.Match[str]) -> str:
        word = f"asseturi{len(uris)}".ljust(len(match.group(0)), "_")  # one token as long as the URI
        if len(word) > len(match.group(0)):
            return match.group(0)
        uris[word] = match.group(0).rstrip(".:")
        return word

    return _ASSET_URI.sub(one_word, text), uris


# --- new files -------------------------------------------------------------------------------------


def _paths(text: str) -> list[tuple[int, int]]:
    """The spans of the S3 and local paths a request names (their words are names, not cues): the load
    planner's paths (planning/paths.py) that are S3 URLs or local folders (an Excel file is the Excel
    source's path, a bare file name names a file, not a place)."""
    from airflow_ai_etl.planning.paths import path_spans

    spans = [(a, b - 1 if text[b - 1] == ":" else b) for a, b in path_spans(text)]  # «/mnt/in/: …»
    return [
        (a, b)
        for a, b in spans
        if re.match(r"s3a?://", text[a:b], re.I)
        or (text[a] == "/" and "/" in text[a + 1 : b] and not _EXCEL.search(text[a:b]))
    ]


def _is_start_label(token: Token) -> bool:
    """«Триггер», «Запуск», "Trigger", "Start", «Условие»: a label whose value says what starts it."""
    return _is(token, _LABELS | START_VERBS) or token.lower in _LABELS


def _read_files(text: str, tokens: Sequence[Token]) -> Trigger | None:
    paths = _paths(text)
    words = [i for i, t in enumerate(tokens) if not any(a <= t.start < b for a, b in paths)]
    arrival = [i for i in words if _is_arrival(tokens[i]) and not _is_event(tokens[i])]
    fresh = [i for i in words if _is(tokens[i], NEW)]
    immediate = [i for i in words if _is(tokens[i], IMMEDIATE)]
    # "on every new CSV", "trigger on new files", «при каждом новом файле»: each new file is the event
    each_new = [i for i in fresh if i > 0 and tokens[i - 1].lower in _EACH_NEW_LEAD]
    # "Trigger: new file in s3://…", «Триггер — новый файл»: the value of a start label
    each_new += [
        i
        for i in fresh
        if i > 1 and tokens[i - 1].text in (":", "—", "–", "-") and _is_start_label(tokens[i - 2])
    ]
    # «как только в s3://… будет (новый) csv», "once a file is in …": an opener with a file (no load event:
    # «когда загрузка csv закончится» is another pipeline's load)
    opened = [
        i for i in words
        if (_is(tokens[i], NEW) or _is(tokens[i], FILE_NOUNS)) and _opener_before(tokens, i, set(words))
        and not any(_is_event(tokens[j]) for j in words if abs(j - i) <= 4)
    ]  # fmt: skip
    opened = opened if paths else []
    if (
        not (arrival or opened or each_new or (fresh and immediate))
        and fresh
        and any(_is(tokens[i], CATCH) for i in words)
    ):
        each_new = fresh  # «подхватывай новые файлы»: catching the new files as they come
    if not (arrival or opened or each_new or (fresh and immediate)) or not _has_file_place(text, tokens):
        return None
    # «при каждом новом файле», "on every new CSV": each new file is named as the event to start on, so a
    # clock as well is a second trigger (a question), not a schedule that reads them
    announced = [i for i in each_new if _new_file_event(tokens, i)]
    if not (arrival or opened or immediate or announced) and _clock(text, paths):
        return None  # "every hour load every new file": a clock that reads the new files
    if arrival and not (opened or each_new or immediate) and _clock(text, paths):
        # «подрядчик кладёт csv в /mnt/x/; грузи их ежедневно в 23:45»: a verb that only says how the files
        # get there (no «при»/«как только»/"as"/"when", no «следи») next to a clock: the clock is the schedule
        outside = set(words)
        if not any(_announces_arrival(tokens, i, outside) for i in arrival):
            return None
    blank = set(arrival) | set(fresh) | set(immediate) | _delivery_verbs(tokens, paths)
    for i in arrival:
        # «при появлении», «по мере поступления», «следи за», "as they arrive", "shows up"
        for j in (i - 1, i - 2, i + 1):
            if 0 <= j < len(tokens) and tokens[j].lower in ("при", "по", "мере", "за", "as", "they", "up"):
                blank.add(j)
    for i in words:
        token = tokens[i]
        if _is(token, OPENERS) or token.lower in ("только", "soon", "whenever"):
            blank.add(i)  # «как только», «когда», "as soon as", "when": the clause's opener
            if token.lower == "soon":
                blank.update(j for j in (i - 1, i + 1) if 0 <= j < len(tokens) and tokens[j].lower == "as")
        if _is(token, EVERY) and i + 1 < len(tokens) and (i + 1 in blank or _is(tokens[i + 1], NEW)):
            blank.add(i)  # «каждый новый файл», "every new file": not «каждый день»
    spans = [(tokens[i].start, tokens[i].end) for i in sorted(blank)]
    rewrites = _place_words(text, tokens, paths)
    for i in arrival:  # "every new export lands in lms_activity": the table it lands in is the target
        if i + 2 < len(tokens) and tokens[i + 1].lower in ("in", "into") and "_" in tokens[i + 2].text:
            if not any(a <= tokens[i + 2].start < b for a, b in paths):
                rewrites.append((tokens[i + 1].start, tokens[i + 1].end, "to"))
    return Trigger("files", tuple(spans), rewrites=tuple(rewrites))


def _new_file_event(tokens: Sequence[Token], i: int) -> bool:
    """New-file word ``i`` follows an event lead («при», «по», "on", "upon": :data:`_ARRIVAL_LEADS`), over
    «каждый»/"every" ("on every new file"); "every hour load every new file" has none: the clock's object."""
    j = i - 1
    while j >= 0 and _is(tokens[j], EVERY):
        j -= 1
    return j >= 0 and tokens[j].lower in _ARRIVAL_LEADS


def _delivery_verbs(tokens: Sequence[Token], paths: Sequence[tuple[int, int]]) -> set[int]:
    """«GPS-трекеры сливают jsonl в s3://…», «маркетплейс скидывает csv в /mnt/in/»: a Russian finite verb
    (not an order: no infinitive or imperative) whose object is the files put into the watched place says how
    they get there; its word leaves the text (the load rules would read «сливают» as a merge)."""

    def file_word(token: Token) -> bool:  # «csv», «файлы», «parquet-файлы»
        parts = {token.lower, token.lemma, *token.lemma.split("-"), *token.lower.split("-")}
        return _is(token, FILE_NOUNS) or bool(parts & FILE_NOUNS)

    def adjective(token: Token) -> bool:
        return bool(token.parses) and token.parses[0].pos in ("ADJF", "PRTF")

    found: set[int] = set()
    for i, token in enumerate(tokens):
        if (
            token.lang != "ru"
            or not token.parses
            or token.parses[0].pos != "VERB"
            or _imperative(token.lower)
        ):
            continue
        j = i + 1  # the object: file words with their adjectives («новые csv», «свежие файлы»)
        while j < min(len(tokens), i + 4) and (
            file_word(tokens[j]) or _is(tokens[j], NEW) or adjective(tokens[j])
        ):
            j += 1
        if (
            j + 1 < len(tokens)
            and any(file_word(tokens[k]) for k in range(i + 1, j))
            and tokens[j].lower in ("в", "во", "на")
            and any(a <= tokens[j + 1].start < b for a, b in paths)
        ):
            found.add(i)
    return found


_FILES_FROM = re.compile(
    r"(?:\b(?:csv|tsv|parquet|jsonl?|xlsx?|files?|exports?|dumps?)|\b(?:файл|выгрузк|экспорт|дамп)\w*)"
    r"\s+(?:(?:из|от|с|со|from|out\s+of)\s+|[\w-]+\s+(?:из|от|from)\s+)$",
    re.IGNORECASE,
)


def files_from_system(text: str, start: int) -> bool:
    """«новый CSV из 1С», "CSV exports from Salesforce" in s3://… or a local folder: the system named at
    ``start`` is where the files came from; the source is their place, not a connection to that system."""
    if not (re.search(r"\bs3a?://", text, re.I) or folder_path(text)):
        return False
    return bool(_FILES_FROM.search(text[max(0, start - 40) : start]) or _SYSTEM_DROPS.match(text, start))


# «1С выкладывает csv с ценами», "SAP drops CSV exports": the system named is the subject delivering files
# (the verb may be blanked out already: a trigger's words leave the text the rest is planned from).
_SYSTEM_DROPS = re.compile(
    r"[^\s,;:]+\s+(?:выкладыва\w*|выложит|кладёт|кладет|клад[уяю]т|присыла\w*|пришл[её]т|сбрасыва\w*|"
    r"скидыва\w*|drops?|puts?|uploads?|pushes|push|sends?|writes?)?\s+(?:\w+\s+)?"
    r"(?:csv|tsv|parquet|jsonl?|xlsx?|files?|exports?|файл\w*|выгрузк\w*)\b",
    re.IGNORECASE,
)


# "Partners drop gzipped CSVs into s3://…", "files dropped in /mnt/in/": a delivery of files into a place.
_DELIVERY_DROP = re.compile(
    r"\b(?:drop(?:s|ped|ping)?|dump(?:s|ed|ing)?)\b"
    r"(?=(?:\s+[\w().,*-]+){0,6}?\s+(?:into|in|onto|to|under)\s+(?:the\s+)?(?:s3a?://|/\w))",
    re.IGNORECASE,
)
_DELIVERED = re.compile(r"\b(?:files?|csvs?|tsvs?|parquets?|jsonl|json|exports?|reports?|dumps?)\b", re.I)


_ARRIVAL_LEADS = frozenset({"при", "мере", "по", "as", "on", "upon", "when", "once", "whenever"})
_WATCH = frozenset({"следить", "watch", "ловить", "подхватывать"})


def _announces_arrival(tokens: Sequence[Token], i: int, words: set[int]) -> bool:
    """Arrival word ``i`` names an event to start on: after «при» / «по мере» / "as" / "when", inside a
    clause an opener starts, or a verb of watching («следи за папкой», "watch the folder")."""
    lead = any(t.lower in _ARRIVAL_LEADS for t in tokens[max(0, i - 3) : i])  # "as they land", «по мере»
    return lead or _opener_before(tokens, i, words) or _is(tokens[i], _WATCH)


def without_paths(text: str) -> str:
    """The text with its S3 and local paths blanked (offsets kept): s3://wh/drop/ names a place, it
    asks nothing to be dropped; so is a verb that drops files into such a place ("partners drop CSVs into
    s3://…": a delivery, its object files, not a table)."""
    for match in _DELIVERY_DROP.finditer(text):
        following = text[match.end() : match.end() + 80]
        if _DELIVERED.search(following.split("://")[0]) or re.match(r"\s+(?:into|in)\s", following):
            text = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
    for a, b in _paths(text):
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _opener_before(tokens: Sequence[Token], i: int, words: set[int]) -> bool:
    """A «как только» / «когда» / "when" / "once" opens the clause that holds token ``i`` (``words``: the
    tokens outside paths)."""
    for j in range(i - 1, max(-1, i - 20), -1):
        if j not in words:
            continue
        if tokens[j].text in _BOUNDARY_MARKS or tokens[j].text == ",":
            return False
        if _opener_at(tokens, j) and tokens[j].lower not in ("после", "after", "по"):
            return True
    return False


def _clock(text: str, paths: Sequence[tuple[int, int]]) -> bool:
    for a, b in paths:  # s3://b/daily/: a name, not a schedule
        text = text[:a] + " " * (b - a) + text[b:]
    schedule = parse_schedule(_without_data_grain(text))
    return schedule is not None and schedule.cron is not None


# Where new files appear is where they are read from: «появится в s3://...» / "lands in /data/in/".
_PLACE_PREPOSITIONS = {"в": "из", "во": "из", "на": "из", "in": "from", "into": "from", "under": "from",
                       "to": "from", "at": "from"}  # fmt: skip


def _place_words(
    text: str, tokens: Sequence[Token], paths: Sequence[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """(start, end, replacement) for the preposition right before each path, or before «папку X»."""
    rewrites = []
    for start, _ in paths:
        before = [t for t in tokens if t.end <= start]
        # «в папку /mnt/...», «в бакете s3://...», "in the folder /mnt/...": the preposition before the noun
        while before and (
            _is(before[-1], FILE_PLACE) or before[-1].lower in ("the", "a", "сетевой", "сетевую")
        ):
            before.pop()
        if before and before[-1].lower in _PLACE_PREPOSITIONS:
            token = before[-1]
            rewrites.append((token.start, token.end, _PLACE_PREPOSITIONS[token.lower]))
    return rewrites


# --- after other loads -------------------------------------------------------------------------------


_TWO_WORD_OPENERS = frozenset({("downstream", "of"), ("triggered", "by"), ("depends", "on"), ("depend", "on"),
                               ("upon", "the"), ("upon", "completion"), ("upon", "finishing"),
                               ("wait", "for"), ("wait", "until"), ("wait", "till"),
                               ("по", "событию"), ("по", "факту"), ("по", "итогам"),
                               ("в", "случае")})  # fmt: skip


def _after_grain(tokens: Sequence[Token], i: int) -> bool:
    """Token ``i`` follows "per/by/each <grain noun>" ("per month when …", "by week when …")."""
    return i >= 2 and tokens[i - 1].lower in GRAIN_EN and tokens[i - 2].lower in ("per", "by", "each")


def _after_grain_ru(tokens: Sequence[Token], i: int) -> bool:
    """Token ``i`` («по» of «по окончанию аренды») follows a Russian grain: «помесячно», «по дням», «в
    неделю»: the words after it name the grain's time column (marts), no upstream load."""
    if i < 1:
        return False
    before = tokens[i - 1]
    if before.lower in GRAIN_ADVERBS_RU:
        return True
    if _grain_noun_ru(before) and i >= 2 and tokens[i - 2].lower in ("по", "в", "во", "за"):
        return True
    # «(день считаем по окончанию аренды)», «месяц берём по началу»: a grain noun and a verb of taking
    return i >= 2 and _grain_noun_ru(tokens[i - 2]) and _is(before, _GRAIN_SOURCE_VERBS, pos=("VERB",))


_GRAIN_SOURCE_VERBS = frozenset({"брать", "взять", "считать", "посчитать", "определять", "смотреть"})


def _grain_noun_ru(token: Token) -> bool:
    return token.lang == "ru" and any(p.lemma in GRAIN_RU and p.pos == "NOUN" for p in token.parses)


def _opener_at(tokens: Sequence[Token], i: int) -> bool:
    token = tokens[i]
    if token.lower == "when" and _after_grain(tokens, i):
        return False  # "per month when the job was opened": the grain's event (marts), no upstream load
    if token.lower in ("после", "после,", "after", "when", "once", "whenever", "когда"):
        return True
    if token.lower in ("если", "if") and any(
        _is_event(t, pos=("VERB", "PRTS", None)) or t.lower in ("succeeds", "succeeded", "прошла", "прошло")
        for t in tokens[i + 1 : i + 7]
    ):
        return True  # «если загрузка заказов прошла успешно», "if the orders load succeeds"
    if (
        token.lower == "как"
        and i + 1 < len(tokens)
        and _is_event(tokens[i + 1], pos=("NOUN",))
        and any(_is_event(t, pos=("VERB",)) for t in tokens[i + 2 : i + 6])
    ):
        return True  # «как загрузка заказов закончится»
    if (
        token.lower == "as"
        and i + 2 < len(tokens)
        and tokens[i + 1].lower == "soon"
        and tokens[i + 2].lower == "as"
    ):
        return True  # "as soon as the events load finishes"
    if _is(token, WAIT) and i + 1 < len(tokens) and _is_event(tokens[i + 1], pos=("NOUN",)):
        return True  # «дождаться загрузки клиентов, потом ...»
    if token.lower == "пока" and _waits_for(tokens, i):
        return True  # «ждать, пока обновятся визиты»: wait until they are loaded
    if token.lower == "как" and i + 1 < len(tokens) and tokens[i + 1].lower == "только":
        return True  # «как только»
    if [t.lower for t in tokens[i : i + 3]] in (["не", "раньше", "чем"], ["не", "ранее", "чем"]):
        return True  # «но не раньше чем обновятся клиенты»: that load finishes first too
    if token.lower == "как" and i + 1 < len(tokens) and _is(tokens[i + 1], UPSTREAM_ARRIVAL, pos=("VERB",)):
        return True  # «сразу, как доедут врачи»
    if token.lower == "как" and i + 1 < len(tokens) and _is_event(tokens[i + 1], pos=("VERB",)):
        return True  # «как отработает загрузка», «как загрузятся заказы»: «как» = «когда»
    if token.lower == "как" and i + 1 < len(tokens) and _arrives_verb(tokens[i + 1]):
        return True  # «как появится новый csv в s3://…», «как прилетит файл»: files arrive, «как» = «когда»
    nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    if (token.lower, nxt) in _TWO_WORD_OPENERS or (_is(token, frozenset({"зависеть"})) and nxt == "от"):
        return True  # "downstream of", "triggered by", "depends on", «зависит от», "upon"
    if token.lower in ("вслед", "следом") and i + 1 < len(tokens) and tokens[i + 1].lower == "за":
        return True  # «вслед за загрузкой отправлений»
    if token.lower == "following":
        return True  # "following the orders load"
    if (
        token.lower == "по"
        and i + 1 < len(tokens)
        and _is(tokens[i + 1], frozenset({"окончание", "завершение", "готовность"}))
        and not _after_grain_ru(tokens, i)
    ):
        return True  # «по окончании загрузки», «по готовности сотрудников»
    if token.lower == "на" and i + 1 < len(tokens) and _is_event(tokens[i + 1], pos=("NOUN",)):
        if any(p.case == "accs" for p in tokens[i + 1].parses) and tokens[i + 1].lower not in ("загрузку",):
            return True  # «на обновление врачей запускай ...»: on that event
    if (
        token.lower in ("за", "следом")
        and i + 1 < len(tokens)
        and tokens[i + 1].lower in ("дагом", "пайплайном")
    ):
        return True  # «в очередь за дагом X»: after that pipeline's run
    if token.lower == "за" and i + 1 < len(tokens) and _is_event(tokens[i + 1], pos=("NOUN",)):
        if any(p.case == "ablt" for p in tokens[i + 1].parses):
            return True  # «цепочкой за загрузкой врачей»: following that load
    if _label_opener(tokens, i):
        return True  # «триггер — обновление тарифов», "trigger: orders refreshed"
    if token.lower == "time" and i > 0 and tokens[i - 1].lower in ("every", "each"):
        return True  # "every time orders get refreshed", "each time the sales pipeline finishes"
    if token.lower == "soon" and nxt == "as" and (i == 0 or tokens[i - 1].lower != "as"):
        return True  # "soon as employees are through loading": "as soon as" without its first word
    if token.lower == "как" and _as_when(tokens, i):
        return True  # «как врачи отстреляются», «как все хабы обновятся»: «как» = «когда»
    return False


def _as_when(tokens: Sequence[Token], i: int) -> bool:
    """«как» + a short noun phrase (or «оба»/«обе») + a perfective finite verb of a finished load: «как врачи
    отстреляются», «как хабы с курьерами обновятся», «как оба обновились» (when they will have been
    loaded; the imperfective «как заказы обновляются» says how, not when)."""
    from airflow_ai_etl.planning.lexer import _morph

    for j in range(i + 1, min(len(tokens), i + 6)):
        token = tokens[j]
        if token.lang == "ru" and token.parses and token.parses[0].pos == "VERB":
            if not (j > i + 1 and _is_event(token, pos=("VERB",))):
                return False
            tag = _morph().parse(token.lower)[0].tag
            return "perf" in tag and "pres" not in tag and "impr" not in tag
        if (
            token.lang == "ru"
            and not (token.parses and token.parses[0].pos in ("NOUN", "ADJF", "CONJ", "PREP", "NPRO"))
            and token.lower not in _BACK_PRONOUNS
        ):  # «как оба обновились — товары и склад —»: a numeral
            return False
        if token.lang == "punct":
            return False
    return False


_LABELS = frozenset({"триггер", "trigger", "событие", "event", "condition", "условие"})
# «зависимость: тарифы + абоненты», "dependencies: tariffs, subscribers": a label whose value is what it runs
# after, with or without a load word.
_DEPENDENCY_LABELS = frozenset({"зависимость", "dependency", "dependencies"})


def _dependency_label(token: Token) -> bool:
    return token.lower in _DEPENDENCY_LABELS or _is(token, frozenset({"зависимость"}), pos=("NOUN",))


# Openers that say "after" by themselves: the clause after them names what finishes, with or without a load
# word ("downstream of both orders and customers", «зависит от заказов»).
_STRONG_OPENERS = frozenset({("downstream", "of"), ("triggered", "by"), ("depends", "on"), ("depend", "on"),
                             ("зависит", "от"), ("зависеть", "от"), ("вслед", "за"), ("следом", "за"),
                             ("chained", "after"), ("chained", "to")})  # fmt: skip


def _says_after(tokens: Sequence[Token], i: int) -> bool:
    """The opener at ``i`` says by itself that what follows finishes first: "downstream of", «зависит от»,
    or «после»/"after" right after a start verb («Запускать после отправлений», "Run it after students")."""
    nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    if (tokens[i].lower, nxt) in _STRONG_OPENERS or (tokens[i].lemma, nxt) in _STRONG_OPENERS:
        return True
    if _dependency_label(tokens[i]) and _label_opener(tokens, i):
        return True  # «зависимость: тарифы + абоненты»
    if tokens[i].lower not in ("после", "after"):
        return False
    before = [t for t in tokens[max(0, i - 2) : i] if t.lower not in ("it", "его", "ее", "её", "их", "this")]
    return bool(before) and _is(before[-1], START_VERBS)


def _opens_request(tokens: Sequence[Token], i: int, end: int) -> bool:
    """«после»/"after" opens the request and a short clause of names is followed by the main one («после
    врачей (doctors) и отделений (departments) — грузим приёмы»): the names are loads that finish first (the
    names are then matched to deployed pipelines' assets, or asked about)."""
    return (
        i == 0
        and tokens[i].lower in ("после", "after")
        and 0 < sum(t.lang in ("ru", "en") for t in tokens[i + 1 : end]) <= 6  # brackets are no names
        and end < len(tokens)
        and tokens[i + 1].text not in (",", ":")
        and any(_table_like(t) for t in tokens[i + 1 : end])
    )


def _bare_after(tokens: Sequence[Token], i: int, end: int) -> bool:
    """«после»/"after" (or "wait for") with only table nouns after it and an order elsewhere in the request
    («возвраты гнать в кх после отправлений», "vacations after employes, incremental on created_at", "the
    employees load should wait for timesheets"): maybe a chain. Whether
    it is one the deployed loads decide (:attr:`Trigger.tentative`)."""
    words = [j for j in range(i + 1, end) if tokens[j].lang in ("ru", "en")]
    rest = [t for k, t in enumerate(tokens) if not i <= k < end and t.lang in ("ru", "en")]
    wait_for = (
        tokens[i].lower == "wait" and i + 1 < end and tokens[i + 1].lower == "for"
    )  # "should wait for X"
    return (
        (tokens[i].lower in ("после", "after") or wait_for)
        and 0 < len(words) <= 8
        and bool(rest)
        and tokens[i + 1].text not in (",", ":")
        and any(_table_like(tokens[j]) for j in words)
        and not _names_a_time(tokens, range(i + 1, _without_count(tokens, i + 1, end)))
    )


def _without_count(tokens: Sequence[Token], start: int, end: int) -> int:
    """``end``, or where a bracketed count of the loads listed begins («… и дисциплин (всех трёх)»)."""
    for j in range(start, end):
        if tokens[j].text == "(" and all(
            t.text == ")" or _is(t, CLAUSE_GLUE) or t.lower in CLAUSE_GLUE for t in tokens[j + 1 : end]
        ):
            return j
    return end


def _table_like(token: Token) -> bool:
    """A word that may name a table of rows: a plural noun («пациентов», "students") or a snake_case name;
    not «после обеда», «после дедупликации», "after lunch" (a time of day or a step of the load)."""
    if "_" in token.text or "." in token.text.strip("."):
        return True
    if token.lang == "ru":
        return any(p.pos == "NOUN" and p.number == "plur" for p in token.parses[:2])
    return token.lang == "en" and len(token.lower) > 3 and token.lower.endswith("s")


_CLOCK_WORDS = frozenset({"midnight", "noon", "полночь", "полуночи", "полдень", "полудня"})
_CLOCK_TIME = re.compile(r"^\d{1,2}:\d{2}$")


def _clock_word(tokens: Sequence[Token], j: int) -> bool:
    """The word at ``j`` is an hour by itself («полуночи», "midnight", "18:00"): what it opens is a time."""
    return j < len(tokens) and (tokens[j].lower in _CLOCK_WORDS or bool(_CLOCK_TIME.match(tokens[j].text)))


def _names_a_time(tokens: Sequence[Token], span: range) -> bool:
    """The words name a time or a number ("run after midnight", «после 18:00»): a clock, not a load."""
    if any(tokens[j].lang == "num" or tokens[j].number is not None for j in span):
        return True
    words = " ".join(tokens[j].text for j in span)
    return parse_schedule(f"after {words}") is not None or parse_schedule(words) is not None


def _label_opener(tokens: Sequence[Token], i: int) -> bool:
    """«триггер —», «событие:», "trigger:", «зависимость:»: a label whose value is the event to start on
    (or, for a dependency label, the loads it runs after)."""
    return (
        (tokens[i].lower in _LABELS or _is(tokens[i], _LABELS, pos=("NOUN",)) or _dependency_label(tokens[i]))
        and i + 2 < len(tokens)
        and tokens[i + 1].text in (":", "—", "–", "-")
        and tokens[i + 2].text not in (">",)
    )


WAIT = frozenset({"ждать", "дождаться", "подождать", "ожидать", "дожидаться"})


def _waits_for(tokens: Sequence[Token], i: int) -> bool:
    """«пока» after a wait verb («ждать, пока ...») or before a load event («пока не загрузятся»)."""
    before = [t for t in tokens[max(0, i - 2) : i] if t.text != ","]
    after = [t for t in tokens[i + 1 : i + 3] if t.lower != "не"]
    return bool(before and _is(before[-1], WAIT)) or bool(after and _is_event(after[0], pos=("VERB",)))


# Words between a finished load and the main clause's verb that belong to neither: politeness, "then", "just".
_FILLERS = frozenset({
    "pls", "plz", "please", "kindly", "just", "then", "also", "so", "now", "simply", "go", "ahead", "you",
    "u", "can", "could", "would", "пожалуйста", "плз", "плиз", "пжлст", "пжл", "пж", "плс",
})  # fmt: skip


# «пусть/пускай кредиты едут в клик», "let payments go to clickhouse": an order to a third person opens the
# main clause as an imperative does, so it closes a trigger clause that has no comma before it.
_THIRD_PERSON_ORDERS = frozenset({"пусть", "пускай", "let"})


def _before_fillers(tokens: Sequence[Token], j: int) -> int:
    """The index of the last word before ``j`` that is not a filler (:data:`_FILLERS`; "and" only next to one:
    "please go ahead and copy"), at most 4 back."""
    k = j - 1
    while (
        k > 0
        and j - k <= 4
        and (tokens[k].lower in _FILLERS or (tokens[k].lower == "and" and tokens[k - 1].lower in _FILLERS))
    ):
        k -= 1
    return k


def _done(token: Token) -> bool:
    """A word saying an upstream load finished or its rows came through ("done", "refreshed", "land")."""
    return _is_event(token) or _is(token, UPSTREAM_ARRIVAL)


def _clause_end(tokens: Sequence[Token], start: int) -> int:
    """Where the trigger clause that opens at ``start`` ends: a dash or colon, a comma (in Russian not one
    before «и»: «и заказы, и клиенты»), the main clause's infinitive («... загружать платежи»), or the end."""
    for j in range(start + 1, len(tokens)):
        token = tokens[j]
        if token.text in _BOUNDARY_MARKS:
            return j
        if token.text == ",":
            nxt = tokens[j + 1] if j + 1 < len(tokens) else None
            if nxt is not None and nxt.lower in ("как", "когда") and tokens[j - 1].lower == "того":
                continue  # «после того, как отработают загрузки»: one clause
            if nxt is not None and nxt.lower == "а" and j + 2 < len(tokens) and tokens[j + 2].lower in _ALSO:
                continue  # «заказов и платежей, а также клиентов»: one more item
            if not (
                nxt is not None and nxt.lower in ("и", "and", "либо", "или", "or")
            ) and not _continues_list(tokens, start, j):
                return j
        if (
            token.lang == "en"
            and token.lower in EN_ORDERS
            and j > start + 1
            and _done(tokens[_before_fillers(tokens, j)])
        ):
            return j  # "after orders load copy payments", "once X is done pls refresh Y": the order
        if token.lower in _THIRD_PERSON_ORDERS and j > start + 1:
            return j  # «как тока отработает загрузка клиентов пусть кредиты едут в клик»
        if (
            token.lang == "ru"
            and token.parses
            and token.parses[0].pos == "INFN"
            and not token.lower.endswith("ся")
        ):
            return j  # not «грузиться» («когда закончат грузиться сотрудники»): no order is reflexive
        if token.lang == "ru" and _imperative(token.lower) and not token.lower.endswith(("ся", "сь")):
            return j  # «вслед за загрузкой визитов перелей назначения»: the main clause's verb (an order is
            # not reflexive: «засинкались» guessed as an imperative is the finished load)
    return len(tokens)


def _verbless_main_clause(tokens: Sequence[Token], opener: int, end: int) -> int:
    """Where a Russian «после …» clause with no verb ends when the main clause has no verb either: «после
    загрузки клиентов заказы в кликхаус», «после врачей визиты в ch_dwh». After «после» the loads are
    genitives («загрузки», «клиентов и товаров»; a preposition governs the noun after it: «записей на
    приём»); the first other noun or adjective that cannot be a genitive starts what is loaded, and so does
    a plural noun that is a genitive only in the singular after plural tables («после клиентов продажи»,
    «после загрузки счётчиков показания»: tables are named in the plural). A verb stops the search (the
    clause then ends the usual way)."""
    if tokens[opener].lower != "после" or (end < len(tokens) and _starts_command(tokens[end])):
        return end  # «после выгрузки оплат обучения … перелей стипендии»: the main clause has its verb
    genitives, plural_genitives, governed = 0, 0, False
    for j in range(opener + 1, end):
        token = tokens[j]
        if (
            token.lower in ("и", "или", "либо", ",")
            or token.lang in ("num", "en")
            or token.text in ("'", "’")
        ):
            continue  # «клиентов и товаров», «load'а»: the list and its joins, names written in Latin
        parses = token.parses if token.lang == "ru" else ()
        if not parses or parses[0].pos in ("VERB", "INFN", "PRTS", "GRND"):
            return end
        if parses[0].pos == "PREP":
            governed = True
            continue
        if parses[0].pos not in ("NOUN", "ADJF", "PRTF"):
            continue
        if governed:  # «на приём», «в кликхаус»: the preposition's own noun phrase
            governed = parses[0].pos != "NOUN"
            continue
        plural = any(p.case in ("nomn", "accs") and p.number == "plur" for p in parses)
        if plural_genitives and plural and not any(p.case == "gent" and p.number == "plur" for p in parses):
            return j  # «после клиентов продажи»: a genitive only in the singular after plural tables
        if any(p.case == "gent" for p in parses):
            genitives += 1
            plural_genitives += any(p.case == "gent" and p.number == "plur" for p in parses)
        elif genitives:
            return j
    return end


# Words that may stand between a finished load and the order ("… is done pls refresh users").
_LIST_JOINS = frozenset({"и", "and", "или", "or", "либо"})
_ALSO = frozenset({"также", "еще", "ещё"})
# English verbs that give the order of the main clause ("copy payments ..."), in their base form.
EN_ORDERS = frozenset({
    "copy", "load", "reload", "move", "sync", "run", "start", "push", "send", "transfer", "replicate",
    "export", "put", "write", "refresh", "kick", "trigger", "launch", "pull", "ingest", "import", "upload",
    "rebuild", "recompute", "update",
})  # fmt: skip


def _continues_list(tokens: Sequence[Token], start: int, comma: int) -> bool:
    """The comma at ``comma`` separates items of a list of upstream tables, not the trigger clause from the
    main one: «после того как обновятся студенты, преподаватели и дисциплины, ...», «после загрузок врачей,
    отделений и пациентов», "once students, teachers and courses are loaded". The words after it, up to the
    next comma or «и»/"and", are one to three words that go on (not the last ones before the main clause);
    in Russian a noun in a case the word before the comma has, with no verb; in English only while the
    clause names no load yet (the list comes before its verb)."""
    segment: list[Token] = []
    stop: Token | None = None
    following = tokens[comma + 1 :]
    for k, token in enumerate(following):
        if token.text == "," or token.lower in _LIST_JOINS or token.text in _BOUNDARY_MARKS:
            stop = token
            break
        if [t.lower for t in following[k : k + 3]] == ["as", "well", "as"]:
            stop = token  # "orders, payments as well as customers"
            break
        segment.append(token)
    if (
        not segment
        or len(segment) > 3
        or stop is None
        or not (stop.text == "," or stop.lower in _LIST_JOINS | {"as"})
    ):
        return False
    before = tokens[comma - 1]
    if before.lang == "ru" and all(t.lang == "ru" for t in segment):
        cases = {p.case for p in before.parses if p.pos == "NOUN"}
        head = segment[-1]
        return (
            bool(cases)
            and any(p.pos == "NOUN" and p.case in cases for p in head.parses)
            and all(t.parses and t.parses[0].pos in ("NOUN", "ADJF") for t in segment)
            and not any(_imperative(t.lower) for t in segment)
        )
    if before.lang == "en" and all(t.lang == "en" for t in segment):
        if any(t.lower in _EN_CLAUSE_WORDS or _load_option(t) for t in segment):
            return False  # "after students, upsert on student_id, …": the load's own options, not a table
        return not any(_is_event(t) for t in tokens[start:comma]) and not any(_is_event(t) for t in segment)
    return False


# English words that start a clause of the load's own options, never an item of a list of tables.
_EN_CLAUSE_WORDS = frozenset({
    "on", "by", "using", "with", "without", "for", "in", "into", "from", "to", "at", "per", "where", "except",
    "only", "but", "not", "no",
})  # fmt: skip


def _load_option(token: Token) -> bool:
    """A word of a load option: upsert/merge, incremental, replace/reload, mask (lexicon concepts)."""
    from airflow_ai_etl.planning.lexicon import is_

    return any(is_(token, concept) for concept in ("MERGE", "INCREMENTAL", "REPLACE", "MASK", "APPEND_ONLY"))


@functools.lru_cache(maxsize=4096)
def _imperative(word: str) -> bool:
    """«перелей», «грузи», «загрузи»: the most likely reading is an imperative verb."""
    from airflow_ai_etl.planning.lexer import _morph

    parses = _morph().parse(word)
    return bool(parses) and parses[0].tag.POS == "VERB" and "impr" in parses[0].tag


def _clause_start(tokens: Sequence[Token], opener: int) -> int:
    """The opener with the words that lead into it: «сразу после», «каждый раз, когда», "right after"."""
    start = opener
    if start > 0 and _is(tokens[start - 1], START_VERBS):
        start -= 1  # «запускать после ...», "run after ...": the whole "start when" phrase
    while start > 0 and (
        tokens[start - 1].lower in ("сразу", "right", "just", "only", "раз", "каждый", ",", "every", "тех")
        or _is(tokens[start - 1], WAIT)
        or (tokens[start - 1].lower == "time" and start >= 2 and tokens[start - 2].lower == "every")
    ):
        start -= 1
    if tokens[start].text == ",":
        start += 1
    return start


PREPOSITIONS = frozenset({"на", "к", "для", "о", "об", "of", "for", "on", "with", "у"})
# English prepositions that open a phrase qualifying a noun ("enrollments of students in courses"); a
# Russian one is any word the dictionary reads first as a preposition («к», «по», «в», «от»).
_EN_QUALIFYING = frozenset({"of", "for", "on", "with", "in", "to", "by", "from", "per", "at"})
_TOGETHER = frozenset({"вместе", "together", "along"})  # «вместе с», "together with": one more item


def _with_modifier_marks(
    tokens: Sequence[Token], clause: range, end: int, upstream: tuple[tuple[str, int], ...]
) -> tuple[tuple[str, int], ...]:
    """The clause's upstream words without fillers («после загрузки абонентов пжлст перелей …») and with each
    preposition right after one of them: «записей к врачам», «заправок по картам», "enrollments of students
    in courses" — a preposition (a glue word or not) opens a phrase that qualifies the word before it, and
    is kept so that the phrase is read as a modifier, not as a second upstream (:func:`_upstream_assets`)."""
    starts = {start for _, start in upstream}
    kept = [j for j in clause if tokens[j].start in starts and tokens[j].lower not in _FILLERS]
    kept += [j for j in clause if j - 1 in kept and j + 1 < end and _qualifying_preposition(tokens, j)]
    return tuple((tokens[j].lower, tokens[j].start) for j in sorted(set(kept)))


def _qualifying_preposition(tokens: Sequence[Token], j: int) -> bool:
    """Token ``j`` is a preposition that may open a phrase qualifying the noun before it, with a word after
    it (not «вместе с» / "along with", which add an item)."""
    token = tokens[j]
    if j == 0 or tokens[j - 1].lower in _TOGETHER | _LIST_JOINS | DISJUNCTION or _opener_at(tokens, j):
        return False  # «либо после заказов, либо после платежей»: «после» opens one more item
    if tokens[j + 1].lang not in ("ru", "en"):
        return False
    if token.lang == "ru":
        return bool(token.parses) and token.parses[0].pos == "PREP"
    return token.lang == "en" and token.lower in _EN_QUALIFYING


# «после загрузки заказов или продаж», "either the orders or the sales load": any one of the loads.
DISJUNCTION = frozenset({"или", "либо", "or", "either"})


def _read_assets(
    tokens: Sequence[Token], dag_ids: frozenset[str] = frozenset(), sequenced: bool = True
) -> Trigger | None:
    """The first clause that says which loads finish first, joined with any later one («после загрузки заказов
    перелей платежи, но не раньше чем обновятся клиенты»); ``sequenced``: also a fact before an arrow."""
    files = any(_is(t, FILE_PLACE | FILE_NOUNS) or "/" in t.text or "s3" in t.lower for t in tokens)
    for i in range(len(tokens)):
        if not _opener_at(tokens, i) or _clock_word(tokens, i + 1):
            continue  # "just after midnight load visits": a clock, not "the midnight load"
        end = _clause_end(tokens, i + 1 if _label_opener(tokens, i) else i)
        end = _verbless_main_clause(tokens, i, end)
        clause = range(i, end)
        events = [j for j in clause if _is_event(tokens[j], pos=("NOUN", "VERB", "PRTS", "PRTF", None))]
        if (
            not events
            and end - i > 3
            and [t.lower for t in tokens[end - 2 : end]] in (["are", "in"], ["is", "in"])
        ):
            events = [end - 1]  # "once products and customers are in"
        if not events and _says_after(tokens, i) and not _names_a_time(tokens, range(i + 1, end)):
            events = [i]  # "downstream of both orders and customers": the opener says they finish first
        if not events and _opens_request(tokens, i, end) and not _names_a_time(tokens, range(i + 1, end)):
            events = [i]  # «после пациентов грузить счета»: a request opening with «после X» then its order
        tentative = False
        if not events and _bare_after(tokens, i, end):
            events, tentative = [i], True  # «возвраты гнать после отправлений», "load routes after couriers"
        # «после дага X», "after the X pipeline": the pipeline word right after the opener is the event
        events += [j for j in clause if j > i and _is(tokens[j], PIPELINE_WORDS)]  # "downstream of the X job"
        if any(tokens[j].lower in dag_ids for j in clause):  # a deployed dag id names its finished run
            events.append(next(j for j in clause if tokens[j].lower in dag_ids))
        # «как только доедут визиты», "after the payments land in the warehouse": tables that arrive are
        # loads that finished (in a request naming files or their place, what arrives is a file)
        if not files:
            events += [j for j in clause if _is(tokens[j], UPSTREAM_ARRIVAL)]
            if any(_is_warehouse(tokens[j]) for j in clause):  # «когда заказы окажутся в клике»
                events += [j for j in clause if _is(tokens[j], WAREHOUSE_ARRIVAL)]
        if not events or any(_is_arrival(tokens[j]) and j not in events for j in clause):
            continue
        if any(_is(tokens[j], FAILURE) for j in clause):
            continue  # "if the orders load fails": a retry or an alert, not a start after it
        if any(_person_starts(tokens, j, end) for j in clause):
            continue  # "whenever I run it by hand", «когда я запущу», «когда сам нажму»: a person, no load
        start = _clause_start(tokens, i)
        named = _named_in_brackets(tokens, clause) | _period_words(tokens, clause)
        upstream = tuple(
            (tokens[j].lower, tokens[j].start)
            for j in clause
            if tokens[j].lang in ("ru", "en")
            and j not in named
            and (j not in events or tokens[j].lower in dag_ids)
            and not _opener_at(tokens, j)
            and (
                _object_of_load(tokens, j, events)
                or not _is(tokens[j], CLAUSE_GLUE)
                or tokens[j].lower in PREPOSITIONS  # «записей к врачам»: «к» keeps «врачам» a modifier
            )
            and tokens[j].lower not in CLAUSE_GLUE
        )
        upstream = _with_modifier_marks(tokens, clause, end, upstream)
        if not upstream and end < len(tokens) and tokens[end].text in (":", "—", "–"):
            # «когда отработают обе загрузки: сотрудники и отделы»: the loads are listed after the colon
            tail = _clause_end(tokens, end)
            listed = _named_in_brackets(tokens, range(end + 1, tail))
            upstream = tuple(
                (tokens[j].lower, tokens[j].start)
                for j in range(end + 1, tail)
                if tokens[j].lang in ("ru", "en") and j not in listed
                and not _is(tokens[j], CLAUSE_GLUE)
                and tokens[j].lower not in CLAUSE_GLUE
            )  # fmt: skip
            end = tail
        if not upstream:
            continue
        last = tokens[end - 1]
        any_of = any(tokens[j].lower in DISJUNCTION for j in clause)
        found = Trigger(
            "assets", ((tokens[start].start, last.end),), upstream, any_of=any_of, tentative=tentative
        )
        # «… . как оба обновились — долги (…) …»: a pronoun for the loads just named, read before the next
        # clause (which, as «как оба обновились — X и Y —», may list loads of its own after the dash)
        back = _back_reference(tokens, end)
        more = None if back or end >= len(tokens) else _read_assets(tokens[end:], dag_ids, sequenced=False)
        if back is not None:
            # «зависимость: тарифы + абоненты. как оба обновились — …»: a clause that says the loads named
            # before are done, by a pronoun; its words leave the text with the first clause's
            found = dataclasses.replace(
                found, spans=(*found.spans, (tokens[back[0]].start, tokens[back[1] - 1].end))
            )
        if more is not None:
            # «…, но не раньше чем обновятся клиенты» waits for both; «…, а после загрузки клиентов ещё раз»
            # runs after each one (any of them): asked, as an «или» is
            both = any(t.start == more.spans[0][0] and t.lower == "не" for t in tokens[end:])
            found = dataclasses.replace(
                found, spans=found.spans + more.spans, upstream=found.upstream + more.upstream,
                any_of=found.any_of or more.any_of or not both,
            )  # fmt: skip
        return found
    return None if files or not sequenced else _read_sequenced(tokens, dag_ids)


# Glue words that may also be a table's noun: «по событию: …» is a label, «загрузки событий» the events load.
_GLUE_TABLE_NOUNS = frozenset({"событие"})


def _object_of_load(tokens: Sequence[Token], j: int, events: Sequence[int]) -> bool:
    """«по завершении загрузки событий»: a glue noun in the genitive right after the load's event noun is
    what that load loads (a table), not a word of the clause."""
    token = tokens[j]
    return (
        j - 1 in events
        and _is(token, _GLUE_TABLE_NOUNS)
        and any(p.pos == "NOUN" and p.case == "gent" for p in token.parses)
    )


# «за период», «за прошлый месяц», "for the day": a period the upstream data covers, never a load of its own
PERIOD_NOUNS = frozenset({
    "период", "месяц", "день", "сутки", "неделя", "квартал", "год", "смена", "число",
    "period", "month", "day", "week", "quarter", "year", "shift",
})  # fmt: skip
_PERIOD_LEADS = frozenset({"за", "for", "of", "over"})
_PERIOD_FILLERS = frozenset(
    {"the", "a", "весь", "этот", "that", "this", "whole", "last", "previous", "current"}
)


def _period_words(tokens: Sequence[Token], span: range) -> set[int]:
    """The words of ``span`` that name the period the data covers: «оплаты за (расчётный) период», "closed
    for the day" — a period noun after «за»/"for"/"of" with the adjectives between (not a table)."""
    found: set[int] = set()
    for j in span:
        if not _is(tokens[j], PERIOD_NOUNS, pos=("NOUN", None)):
            continue
        k = j - 1
        while k > span.start and (
            tokens[k].lower in _PERIOD_FILLERS
            or (tokens[k].parses and tokens[k].parses[0].pos in ("ADJF", "PRTF"))
        ):
            k -= 1
        if k >= span.start and tokens[k].lower in _PERIOD_LEADS:
            found.update(range(k + 1, j + 1))
    return found


_NAME_IN_BRACKETS = re.compile(r"^[a-z_][a-z0-9_.]*$")
_PHRASE_BREAKS = frozenset({",", "и", "and", "или", "or", "либо", "а", "also", "также"})


def _named_in_brackets(tokens: Sequence[Token], span: range) -> set[int]:
    """The words of ``span`` a table name in brackets stands for: «справочник складов (hubs)», «врачей
    (doctors)» — the user named the table; the words before it, back to a comma, «и» or an event word, only
    describe it (a generic «справочник» names no load)."""
    described: set[int] = set()
    for j in span:
        if not (
            tokens[j].text == "("
            and j + 2 < len(tokens)
            and tokens[j + 2].text == ")"
            and _NAME_IN_BRACKETS.match(tokens[j + 1].lower)
        ):
            continue
        k = j - 1
        while (
            k >= span.start
            and tokens[k].lang in ("ru", "en")
            and tokens[k].lower not in _PHRASE_BREAKS
            and not _is_event(tokens[k])
            and not _opener_at(tokens, k)
        ):
            described.add(k)
            k -= 1
    return described


_BACK_PRONOUNS = frozenset({"оба", "обе", "все", "они", "both", "all", "they", "these", "those", "them"})
_BACK_OPENERS = frozenset({"как", "когда", "после", "when", "once", "after", "as"})


def _back_reference(tokens: Sequence[Token], end: int) -> tuple[int, int] | None:
    """The span (first, end) of a clause right after the trigger clause that only says the loads named there
    are done: an opener, a pronoun for them and a load event («. как оба обновились —», ". once both are
    refreshed,", «; когда все догрузятся»); None when the next clause is anything else."""
    k = end
    while k < len(tokens) and tokens[k].text in (".", ";", ",", "!"):
        k += 1
    if k == end or k + 2 >= len(tokens) or tokens[k].lower not in _BACK_OPENERS:
        return None
    if tokens[k + 1].lower == "только":  # «как только оба обновятся»
        k += 1
    if tokens[k + 1].lower not in _BACK_PRONOUNS:
        return None
    tail = _clause_end(tokens, k + 1)
    words = [t for t in tokens[k + 2 : tail] if t.lang in ("ru", "en")]
    if not words or len(words) > 3 or not any(_is_event(t) for t in words):
        return None
    if any(not (_is_event(t) or _is(t, CLAUSE_GLUE) or t.lower in CLAUSE_GLUE) for t in words):
        return None  # «когда все заказы обновятся»: a clause of its own, read by itself
    return end, tail


# «-> », «=>», «→», «— после этого», ", then", «, потом»: what follows comes after what was said before.
_ARROW_HEADS = frozenset({"-", "—", "–", "=", "--"})
_SEQUENCE_WORDS = frozenset({"then", "потом", "затем", "afterwards", "тогда"})
# «… — можно гнать оценки», «… — пора грузить»: a modal word before the order's infinitive
_MODALS = frozenset({"можно", "нужно", "надо", "пора", "давай", "давайте", "следует"})
_AFTER_THAT = {("после", "этого"), ("после", "чего"), ("after", "that"), ("after", "this"), ("вслед", "за")}
_SEQUENCE_FILLERS = frozenset({"сразу", "же", "right", "immediately", "and", "и", "only", "только", ","})


def _sequence_marker(tokens: Sequence[Token], k: int) -> int | None:
    """The index after a sequencing marker that starts at ``k`` (an arrow, or a dash / colon / comma with
    «после этого» / «потом» / "then", or those words alone), with the fillers after it («сразу же»)."""
    token = tokens[k]
    end: int | None = None
    if token.text in ("→", "⇒", "⟶"):
        end = k + 1
    elif token.text in _ARROW_HEADS:  # "->", "-->", "=>": the marks written next to each other
        j = k + 1
        while j < len(tokens) and tokens[j].text in ("-", "—", "–") and tokens[j].start == tokens[j - 1].end:
            j += 1
        if j < len(tokens) and tokens[j].text == ">" and tokens[j].start == tokens[j - 1].end:
            end = j + 1
    if end is None:
        j = k + 1 if token.text in ("—", "–", "-", ":", ",", "?") else k
        while j < len(tokens) and tokens[j].lower in _SEQUENCE_FILLERS - {","}:
            j += 1
        if j < len(tokens) and tokens[j].lower in _SEQUENCE_WORDS:
            end = j + 1
        elif j + 1 < len(tokens) and (tokens[j].lower, tokens[j + 1].lower) in _AFTER_THAT:
            end = j + 2
        elif token.text in ("—", "–", ":") and k + 1 < len(tokens) and _starts_command(tokens[k + 1]):
            end = k + 1  # «загрузка отделов завершилась — запускай перенос сотрудников»
        elif (
            token.text in ("—", "–", ":")
            and k + 2 < len(tokens)
            and tokens[k + 1].lower in _MODALS
            and _starts_command(tokens[k + 2])
        ):
            end = k + 1  # «студенты залились — можно гнать оценки»
    if end is None:
        return None
    while end < len(tokens):  # «-> сразу после этого», "-> then"
        if end + 1 < len(tokens) and (tokens[end].lower, tokens[end + 1].lower) in _AFTER_THAT:
            end += 2
        elif tokens[end].lower in _SEQUENCE_FILLERS | _SEQUENCE_WORDS:
            end += 1
        else:
            break
    return end


def _starts_command(token: Token) -> bool:
    """A Russian infinitive or imperative, or a start verb: where the main clause's order begins."""
    if token.lang != "ru":
        return False
    return (
        bool(token.parses and token.parses[0].pos == "INFN")
        or _imperative(token.lower)
        or _is(token, START_VERBS)
    )


def _finished_event(token: Token) -> bool:
    """A word stating that a load is over: a Russian finite verb or short participle of a load event
    («обновилась», «догрузились», «завершилась»), an English past participle or "done"/"finished"."""
    if token.lang == "ru":
        return _is_event(token, pos=("VERB", "PRTS"))
    return _is_event(token) and (
        token.lower.endswith("ed") or token.lower in ("done", "finished", "complete")
    )


RELATIVE = frozenset({"который", "that", "which", "who", "whose", "where"})
_AFTER_FACT = frozenset(
    {"тоже", "также", "уже", "успешно", "too", "also", "already", "successfully", "fine", "ok"}
)


def _after_the_fact(token: Token) -> bool:
    """A word that may follow «обновилась» / "refreshed" in a clause that states a load is over: a mark, a
    glue word («в», «таблица»), «тоже»/"too", a noun naming more tables («хабы обновились, курьеры тоже») or
    where they were loaded («в кликхаусе»); not a time or a condition ("since yesterday", «за сутки»)."""
    from airflow_ai_etl.planning.patterns import ENGINE_WORDS

    if (
        token.lang == "punct"
        or token.lower in _AFTER_FACT
        or token.lower in CLAUSE_GLUE - {"за", "of", "for"}
    ):
        return True
    if token.lang == "num" or parse_schedule(token.text) is not None:
        return False
    if any(token.lower in ws or token.lemma in ws for ws in ENGINE_WORDS.values()) or "_" in token.lower:
        return True
    if token.lang == "ru":
        return any(p.pos == "NOUN" and p.case == "nomn" for p in token.parses)
    return token.lower.endswith("s") and len(token.lower) > 3


_ALREADY = frozenset({"уже", "already"})
_THERE = frozenset({"там", "туда", "there"})
_THERE_REACH = 3  # «— построй там витрину», «— посчитай прямо там …»: «там» among the order's first words


def _placed_there(tokens: Sequence[Token], clause: range, end: int) -> bool:
    """«Таблица X уже загружена в кликхаус — построй там витрину»: a clause saying a table is already loaded
    somewhere, then an order to work «там»/"there" on it, states where the table lies (a mart built inside
    ClickHouse), not a load to wait for; «заказы уже загружены — гони платежи» is still a sequence."""
    return any(tokens[j].lower in _ALREADY for j in clause) and any(
        t.lower in _THERE for t in tokens[end : end + _THERE_REACH]
    )


def _read_sequenced(tokens: Sequence[Token], dag_ids: frozenset[str]) -> Trigger | None:
    """«таблица customers обновилась -> сразу после этого гоняй заказы», «курьеры догрузились => гоняй
    маршруты», "customers refreshed -> then load orders": a clause with no opener that states a load is
    over, then a sequencing marker, then the order. The clause holds no main verb (infinitive, imperative,
    start verb); in English the finished word comes after the table it is about ("updated orders -> CH" is
    a table, not an event)."""
    start = 0
    for k in range(len(tokens)):
        if tokens[k].text in (".", ";", "!"):
            start = k + 1
            continue
        if k == start:
            continue
        end = _sequence_marker(tokens, k)
        if end is None or end >= len(tokens):
            continue
        clause = range(start, k)
        if any(
            _starts_command(tokens[j]) or _is(tokens[j], START_VERBS) or _opener_at(tokens, j) for j in clause
        ):
            start = end
            continue
        finished = [j for j in clause if _finished_event(tokens[j])]
        events = {j for j in clause if _is_event(tokens[j], pos=("NOUN", "VERB", "PRTS", "PRTF", None))}
        upstream = [
            j
            for j in clause
            if tokens[j].lang in ("ru", "en")
            and (j not in events or tokens[j].lower in dag_ids)
            and not _is(tokens[j], CLAUSE_GLUE)
            and tokens[j].lower not in CLAUSE_GLUE
        ]
        if not finished or not upstream or any(_is(tokens[j], FAILURE) for j in clause):
            start = end
            continue
        if tokens[start].lang == "en" and not max(finished) > min(upstream):
            start = end
            continue
        if any(_is(tokens[j], RELATIVE) for j in clause) or not all(
            _after_the_fact(tokens[j]) for j in range(max(finished) + 1, k)
        ):  # «заказы, которые обновились за сутки ->», "orders updated since yesterday ->": which rows
            start = end
            continue
        if _placed_there(tokens, clause, end):
            start = end
            continue
        words = tuple((tokens[j].lower, tokens[j].start) for j in upstream)
        any_of = any(tokens[j].lower in DISJUNCTION for j in clause)
        return Trigger("assets", ((tokens[start].start, tokens[end - 1].end),), words, any_of=any_of)
    return None


# --- a person ----------------------------------------------------------------------------------------


def _person_starts(tokens: Sequence[Token], j: int, end: int) -> int:
    """Where the words of a person starting the pipeline that begin at ``j`` (before ``end``) end: a pronoun,
    «сам»/"myself" or both, then a start verb («я запущу», «сам нажму», «я сам дёрну», "I trigger", "I
    myself run"), or a Russian start verb in the first person alone («когда захочу», «как нажму»); 0 when
    they do not begin there."""
    k = j + (tokens[j].lower in PRONOUN_I)
    k += k < end and tokens[k].lower in _MYSELF
    if k >= end or not _is(tokens[k], MANUAL_VERBS):
        return 0
    # «когда захочу»: the person is in the verb (only right after «когда»/«как»: «после загрузки заказов
    # запущу платежи» is a load event and an order)
    alone = j > 0 and tokens[j - 1].lower in ("когда", "как") and _first_person(tokens[k].lower)
    return k + 1 if k > j or alone else 0


@functools.lru_cache(maxsize=4096)
def _first_person(word: str) -> bool:
    """«запущу», «нажмём», «захочу»: a Russian verb whose most likely reading is in the first person."""
    from airflow_ai_etl.planning.lexer import _morph

    parses = _morph().parse(word)
    return bool(parses) and parses[0].tag.POS == "VERB" and "1per" in parses[0].tag


def _read_manual(tokens: Sequence[Token]) -> Trigger | None:
    """ "only when I trigger it", «когда я запущу», «когда сам нажму»: the opener, the person, the verb and
    what follows it ("it", "myself")."""
    for i, token in enumerate(tokens[:-1]):
        if token.lower not in ("when", "once", "whenever", "когда", "как"):
            continue
        end = _person_starts(tokens, i + 1, len(tokens))
        if end:
            start = _run_lead_in(tokens, i)
            if end + 1 < len(tokens) and (tokens[end].lower, tokens[end + 1].lower) == ("for", "it"):
                end += 1  # "when I ask for it"
            end += end < len(tokens) and tokens[end].lower in ("it", "его", "manual")
            end += end < len(tokens) and tokens[end].lower in _VERB_PARTICLES  # "when I kick it off"
            end += end < len(tokens) and tokens[end].lower in _MYSELF  # "when I run it myself"
            # "when I kick it off manually": the manual words beside the person's clause are the same trigger
            words = _manual_words(tokens)
            return Trigger(
                "manual", ((tokens[start].start, tokens[end - 1].end), *(words.spans if words else ()))
            )
    return _manual_words(tokens)


def _run_lead_in(tokens: Sequence[Token], i: int) -> int:
    """Where the words leading into the person's clause at ``i`` («когда»/"when") begin: "only" and a start
    verb («только запускай когда …», "only run when …", "run it only when …"), read with the clause: "only
    run" before it restricts when it runs, it is no value of a column ('run')."""
    start = i - (i > 0 and tokens[i - 1].lower in ("only", "только"))
    verb = start - (start > 0 and tokens[start - 1].lower in ("it", "его"))
    if verb > 0 and _is(tokens[verb - 1], START_VERBS):
        start = verb - 1
        start -= start > 0 and tokens[start - 1].lower in ("only", "только")
    return start


# «вручную», «руками», «по кнопке», «по запросу», «по требованию», «по необходимости», «когда надо»,
# "manually", "by hand", "on demand", "as needed", "when required": a person starts it. (word, the words
# that may lead into it)
# A word alone, or only after its preposition ("on hand" is stock, "by hand" is manual).
_MANUAL_ALONE = frozenset(
    {
        "вручную",
        "руками",
        "кнопкой",
        "manually",
        "разово",
        "однократно",
        "единоразово",
        "единожды",
        "ad-hoc",
        "adhoc",
        "адхок",
        "ад-хок",
    }
)
_MANUAL_AFTER = {"ручную": ("в",), "hand": ("by",), "demand": ("on",), "request": ("on",), "кнопке": ("по",),
                 "кнопку": ("на", "по"), "требованию": ("по",), "необходимости": ("по",), "hoc": ("ad",),
                 "хок": ("ад",), "schedule": ("no", "without"), "расписания": ("без",)}  # fmt: skip
# ("no schedule", «без расписания»: no clock, so a person starts it; read here so that a catalog with a
# «schedule» column does not take the words for a column left out)
_UI_LEAD = frozenset({"в", "из", "через", "in", "from", "via", "through"})
_UI_WORD = re.compile(r"^(?:интерфейс\w*|ui|веб\w*|web|airflow|айрфло\w*|консол\w*|console)$")
_MYSELF = frozenset({"сам", "сама", "сами", "самостоятельно", "самому", "myself", "ourselves", "yourself"})
_WHEN_NEEDED = frozenset({"надо", "нужно", "потребуется", "понадобится", "needed", "required", "necessary"})


# «запуск ручной», «ручной старт», «запуск только ручной», "manual run", "run mode: manual": the adjective of
# a person starting it, before or after the noun of a run (either order; «только»/"only" may stand between)
MANUAL_ADJECTIVES = frozenset({"ручной", "manual"})
RUN_NOUNS = frozenset({"запуск", "старт", "режим", "run", "trigger", "start", "mode", "launch"})


def _manual_run_noun(tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
    """The token range (first, last) of a manual adjective at ``i`` and the run noun beside it, or None."""
    if not _is(tokens[i], MANUAL_ADJECTIVES):
        return None
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    if tokens[i].lang == "en" and following is not None and following.lang == "en":
        if not _is(following, RUN_NOUNS) and following.lower not in MANUAL_FOLLOWERS:
            return None  # "run manual checks": the adjective of the noun after it, not of "run"
    for j in (i - 1, i - 2, i + 1, i + 2):
        between = tokens[min(i, j) + 1 : max(i, j)]
        if (
            0 <= j < len(tokens)
            and _is(tokens[j], RUN_NOUNS)
            and all(t.lower in ("только", "only", ":") for t in between)
            and _agree(tokens[i], tokens[j])
        ):
            return min(i, j), max(i, j)
    return None


def _agree(adjective: Token, noun: Token) -> bool:
    """A Russian adjective agrees with the noun in case and number («ручной запуск»; not «запуск ручных
    проверок», whose adjective is the checks'); English words always do."""
    if adjective.lang != "ru" or noun.lang != "ru":
        return True
    forms = {(p.case, p.number) for p in adjective.parses if p.lemma in MANUAL_ADJECTIVES}
    return any((p.case, p.number) in forms for p in noun.parses if p.lemma in RUN_NOUNS)


def _manual_words(tokens: Sequence[Token]) -> Trigger | None:
    spans = []
    for i, token in enumerate(tokens):
        if (run := _manual_run_noun(tokens, i)) is not None:
            spans.append((tokens[run[0]].start, tokens[run[1]].end))
            continue
        lead = _MANUAL_AFTER.get(token.lower, ())
        if token.lower in _MANUAL_ALONE or (i > 0 and tokens[i - 1].lower in lead):
            start = i - 1 if lead else i
            while start > 0 and tokens[start - 1].lower in ("только", "only"):
                start -= 1
            end = i
            if (
                i + 2 < len(tokens)
                and tokens[i + 1].lower in _UI_LEAD
                and _UI_WORD.match(tokens[i + 2].lower)
            ):
                end = i + 2  # «кнопкой в интерфейсе», "manually from the UI": where the person starts it
            if i + 3 < len(tokens) and tokens[i + 1].lower in _UI_LEAD and tokens[i + 2].lower == "the":
                end = i + 3 if _UI_WORD.match(tokens[i + 3].lower) else end
            spans.append((tokens[start].start, tokens[end].end))
        elif token.lower in _MYSELF and any(_is(t, START_VERBS) for t in tokens[max(0, i - 3) : i + 4]):
            verbs = [j for j in range(max(0, i - 3), min(len(tokens), i + 4)) if _is(tokens[j], START_VERBS)]
            first, last = min([i, *verbs]), max([i, *verbs])
            spans.append((tokens[first].start, tokens[last].end))  # «сам буду запускать», "run it myself"
        elif (
            token.lower in _WHEN_NEEDED
            and i > 0
            and tokens[i - 1].lower in ("когда", "as", "when", "whenever")
        ):
            spans.append((tokens[i - 1].start, token.end))  # «когда надо», "as needed"
    return Trigger("manual", tuple(spans)) if spans else None


# Words that say "no clock" and no more («без расписания», "no schedule"): beside new files or an upstream
# load they agree with it, so they are no manual run competing with it.
_NO_CLOCK = frozenset({"schedule", "расписания"})


def _manual_beside(text: str, trigger: Trigger) -> bool:
    """A request with an event trigger also says a person starts it («и вручную тоже», "or by hand"), outside
    the trigger's own words (read from the whole text: a trigger may have taken the «по» of «по кнопке»)."""
    manual = _read_manual(tokenize(text))
    return manual is not None and any(
        tokenize(text[a:b])[-1].lower not in _NO_CLOCK
        and not any(x <= a and b <= y for x, y in trigger.spans)
        for a, b in manual.spans
    )


def _event_words(trigger: Trigger, upstream: Sequence[str], text: str, language: str) -> str:
    """What starts an event-triggered pipeline, said for a question: the loads it runs after, or the place
    new files arrive in."""
    if trigger.kind == "assets":
        tables = ", ".join(uri.rstrip("/").rsplit("/", 1)[-1] for uri in upstream)
        return say(language, "planner.event_after_loads", tables=tables)
    places = [text[a:b] for a, b in _paths(text)]
    return say(language, "planner.event_new_files", path=places[0] if places else "?")


# --- planning ----------------------------------------------------------------------------------------


def _without(text: str, trigger: Trigger) -> str:
    """The text without the trigger's words (blanked, offsets kept) and with its rewrites in place."""
    edits = [(a, b, " " * (b - a)) for a, b in trigger.spans] + list(trigger.rewrites)
    for start, end, word in sorted(edits, reverse=True):
        text = text[:start] + word.ljust(end - start) + text[end:]
    return text


_BARE_RU = re.compile(r"(?<![\w/])(в|во)\s+([a-z][a-z0-9_]*)(?![\w/:]|\.\w)", re.IGNORECASE)
_BARE_EN = re.compile(
    r"\b(into|to)\s+(?:the\s+)?([a-z][a-z0-9_]*)(\s+table\b)?(?![\w/:]|\.\w)", re.IGNORECASE
)
_EXPLICIT_TABLE = re.compile(r"\b(?:table|таблиц\w*)\s*:?\s+([a-z_][a-z0-9_]*)", re.IGNORECASE)
_BRACKETED = re.compile(r"([\w-]+)\s*\(\s*([a-z_][a-z0-9_]*)\s*\)", re.IGNORECASE)
_NOT_A_TABLE = {"clickhouse", "postgres", "postgresql", "csv", "parquet", "json", "jsonl", "xlsx", "excel",
                "s3", "table", "it", "them", "the", "a", "an", "ch", "pg", "tsv"}  # fmt: skip


def _bare_names(planner: OfflinePlanner, text: str) -> list[re.Match[str]]:
    """«заливай в partner_feed», "into the clicks table": an ASCII name after «в» / "into" (or "to the
    X table") that is no connection id, engine or file format."""
    connections = {c.lower() for c in planner.catalog.connections}
    if _explicit_names(planner, text):  # "into the warehouse table lab_messages": the name after "table"
        return []
    found = []
    for match in [*_BARE_RU.finditer(text), *_BARE_EN.finditer(text)]:
        name = match.group(2).lower()
        if name in connections or name in _NOT_A_TABLE or _is_engine_word(name):
            continue  # "into the warehouse", «в dwh»: the target system, not a table
        if re.match(r"\s+(folder|directory|dir|bucket|prefix|share)\b", text[match.end() :], re.I):
            continue  # "into the mounted folder /mnt/...": the place of the files, not a table
        pronoun = re.search(r"\b(it|them|these|those|this|that)\s*$", text[: match.start()], re.I)
        if match.group(1).lower() == "to" and not (match.group(3) or pronoun or "_" in name):
            continue  # "to X" may be a place; "append them to X", "to partner_prices" name the table
        found.append(match)
    return found


def _under_roots(path: str, roots: Sequence[str]) -> bool:
    import os

    real = os.path.realpath(re.split(r"[*?\[]", path)[0])
    return any(os.path.commonpath([real, root]) == root for root in roots)


def _local_folder_checked(text: str) -> bool:
    """A local folder the planner can vouch for: under the configured ``[ai_etl] file_roots``. With no
    roots configured it cannot tell a mounted share meant for data from any other path."""
    from airflow_ai_etl.file_roots import configured_roots

    path = folder_path(text)
    return path is not None and _under_roots(path, configured_roots())


def _folder_outside_roots(text: str, language: str) -> Outcome | None:
    """A question when file roots are configured and the watched local folder is not under them (the
    deploy gate would refuse it; asking now names the roots)."""
    from airflow_ai_etl.file_roots import configured_roots

    path, roots = folder_path(text), configured_roots()
    if path is None or re.search(r"\bs3a?://", text, re.I) or not roots or _under_roots(path, roots):
        return None
    return Outcome.clarify(say(language, "planner.folder_outside_roots", path=path, roots=", ".join(roots)))


def _explicit_names(planner: OfflinePlanner, text: str) -> set[str]:
    """The names after «таблица»/"table" (not stop words, formats or connection ids)."""
    from airflow_ai_etl.planning.patterns import STOP_WORDS

    connections = {c.lower() for c in planner.catalog.connections}
    # "into ClickHouse (exports_raw)", «в хранилище (claims_raw)»: a name in brackets after the target system
    bracketed = [
        m
        for m in _BRACKETED.finditer(text)
        if m.group(1).lower() in connections or _is_engine_word(m.group(1))
    ]
    return {
        m.group(m.lastindex or 1).lower()
        for m in [*_EXPLICIT_TABLE.finditer(text), *bracketed]
        if m.group(m.lastindex or 1).lower() not in STOP_WORDS | _NOT_A_TABLE | connections
    }


def _is_engine_word(word: str) -> bool:
    from airflow_ai_etl.planning.patterns import ENGINE_WORDS
    from airflow_ai_etl.planning.vocabulary import stem

    tokens = tokenize(word)
    forms = {word, stem(word)} | ({tokens[0].lemma} if tokens else set())
    return any(form in ws for ws in ENGINE_WORDS.values() for form in forms)


def bare_file_target(planner: OfflinePlanner, text: str) -> str | None:
    """The target table of a file load named bare («грузить в gps_points», "into the clicks table"),
    when the files' place is S3 or a local folder under the file roots; None when none or several.
    A name after «таблица»/"table" anywhere («…, таблица drop_rows») is the target of any file load:
    the files are the source, so a table can only be what they are loaded into."""
    explicit = _explicit_names(planner, text)
    if explicit:
        return explicit.pop() if len(explicit) == 1 else None
    matches = _bare_names(planner, text)
    if not (re.search(r"\bs3a?://", text, re.I) or _local_folder_checked(text)):
        # "into the telemetry table" calls it a table, as «в таблицу X» does (read for any folder)
        matches = [m for m in matches if m.re is _BARE_EN and m.group(3)]
    names = {m.group(2).lower() for m in matches}
    return names.pop() if len(names) == 1 else None


def _bare_target_named(planner: OfflinePlanner, text: str) -> str:
    """A new file's target table named bare is said the way the file rules read it («в таблицу X»)."""
    chosen = bare_file_target(planner, text)
    for match in sorted(_bare_names(planner, text), key=lambda m: m.start(), reverse=True):
        name = match.group(2)
        if name.lower() == chosen:
            text = text[: match.start()] + f"{match.group(1)} таблицу {name}" + text[match.end() :]
    return text


_INTO_WORD = re.compile(r"(?<![\w/])(?:в|во|into|to|in)\s{1,3}(?:the\s{1,3})?([^\W\d][\w-]*)", re.IGNORECASE)


def _unread_names(planner: OfflinePlanner, text: str) -> list[str]:
    """Words of ``text`` (outside paths) that may name the target table the rules did not read: a snake_case
    name that is no connection id ("lands in lms_activity"), a table word («в таблицу заказов», "the table
    for orders"), a word after «в»/"into" that is no engine, connection or pronoun («в заказы»). With any of
    them no table name is made up."""
    connections = {c.lower() for c in planner.catalog.connections}
    plain = without_paths(text)
    found = [
        n for n in re.findall(r"\b[a-z][a-z0-9]*_[a-z0-9_]+\b", plain, re.I) if n.lower() not in connections
    ]
    found += re.findall(r"\btables?\b|\bтаблиц\w*", plain, re.I)
    for match in _INTO_WORD.finditer(plain):
        word = match.group(1).lower()
        if (
            word not in connections
            and not _is_engine_word(word)
            and word not in ("it", "them", "its", "their")
        ):
            found.append(word)
    return found


def folder_raw_table(planner: OfflinePlanner, text: str, rest: str | None = None) -> str | None:
    """The raw table files from the S3 prefix or checked local folder of ``text`` land in when no table is
    named (`_folder_table`); None when a word of ``rest`` (default: ``text``) the rules did not read may name
    the table: then it is asked."""
    if not (re.search(r"\bs3a?://", text, re.I) or _local_folder_checked(text)):
        return None
    if _unread_names(planner, text if rest is None else rest):
        return None
    return _folder_table(text)


def _folder_table(text: str) -> str | None:
    """s3://hr-exports/employees/ -> employees_raw, /mnt/in/*.csv -> in_raw: the last folder of the watched
    path (not a glob), as an identifier, with "_raw" (the files land as they are, beside any table a
    pipeline loads from a database: «employees» stays theirs)."""
    found = re.search(r"\bs3a?://\S+", text, re.I)
    path = found.group(0) if found else folder_path(text)
    if path is None:
        return None
    parts = [p for p in re.sub(r"^s3a?://", "", path, flags=re.I).rstrip(".,;").split("/") if p]
    names = [re.sub(r"[^a-z0-9_]+", "_", p.lower()).strip("_") for p in parts if not re.search(r"[*?\[]", p)]
    names = [n for n in names if n and n[0].isalpha()]  # s3://in/orders/2024/: the orders, not the year
    if not names:
        return None
    name = names[-1]
    return name if name.endswith("raw") else f"{name}_raw"


def _upstream_assets(
    planner: OfflinePlanner, trigger: Trigger, language: str
) -> tuple[list[str], str | None]:
    """The asset URIs the clause's words name, or a question when some named table is not loaded by any
    deployed pipeline (or nothing in the clause names a table)."""
    produced = planner.catalog.assets
    by_table: dict[str, list[str]] = {}
    for uri in produced:
        by_table.setdefault(uri.rstrip("/").rsplit("/", 1)[-1].lower(), []).append(uri)
    by_dag: dict[str, list[str]] = {}
    for uri, dags in produced.items():
        for dag in dags:
            by_dag.setdefault(dag.lower(), []).append(uri)
    known = {t.name.lower() for tables in planner.catalog.tables.values() for t in tables} | set(by_table)
    schemas: dict[str, list[str]] = {}
    for tables in planner.catalog.tables.values():
        for table in tables:
            schema, _, _ = table.qualified_name.lower().partition(".")
            if schema not in ("public", table.name.lower()):
                schemas.setdefault(schema, []).append(table.name.lower())
    uri_words = dict(trigger.uris)
    # «после загрузки заказав»: a one-letter typo of a table noun, read as the load planner reads it
    words = [
        w if w in by_dag or w in uri_words or w in known else planner._speller.correct(w)[0].lower()
        for w, _ in trigger.upstream
    ]

    def tables_named(word: str, meanings: frozenset[str] | None = None) -> list[str]:
        """The tables one word names: by name, glossary meaning, schema, comment, sound or load rules."""
        meanings = _meanings(planner, word) if meanings is None else meanings
        # The table's own name wins over a glossary meaning ("sales" is also a word for CRM leads).
        named = [word] if word in known else [n for n in sorted(known) if set(name_parts(n)) <= meanings]
        if not named and len(schemas.get(word, [])) == 1:
            named = schemas[word]  # "the payroll load": a schema with one table names it
        return (
            named
            or _named_by_comment(planner, meanings)
            or _named_by_sound(known, word)
            or _named_by_load_rules(planner, word)
            or _named_by_typo(known, word)
            or _named_by_comment_sound(planner, word)
        )

    found: list[str] = []
    missing: list[str] = []
    adjectives: list[tuple[str, frozenset[str]]] = []  # adjectives that named nothing, with their nouns
    modifier_of_previous = False
    named_before = -1  # the index of the last word that named a table, or of the last word qualifying it
    i = 0
    while i < len(words):
        word, i = words[i], i + 1
        if modifier_of_previous:  # «записи на приём», «по топливным картам»: the phrase after a preposition
            # qualifies the last noun (its adjectives, then its noun)
            modifier_of_previous = _adjective(word)
            named_before = i - 1
            continue
        if word in PREPOSITIONS or _is_preposition(word):
            modifier_of_previous = bool(found or missing)
            if word in ("с", "со") and i < len(words) and tables_named(words[i]):
                modifier_of_previous = False  # «табель с отпусками»: a second load, not «заказов с доставкой»
            continue
        if named_before == i - 2 and _genitive_after(trigger.upstream[i - 2], trigger.upstream[i - 1]):
            # «показаний счётчиков», «счетов пациентам», «обходов счётчиков контролёрами»: an oblique noun
            # right after a table's noun (or after its modifier) qualifies it
            named_before = i - 1
            continue
        if (
            i < len(words)
            and _generic_head(trigger.upstream[i - 1], trigger.upstream[i])
            and tables_named(words[i])
        ):
            continue  # «справочник сортировочных центров», «список врачей»: the genitive names the load
        if word in dict(trigger.uris):  # the asset named by its URI
            try:
                uri = normalize_uri(dict(trigger.uris)[word])
            except AssetUriError:
                uri = dict(trigger.uris)[word]
            if uri in produced:
                found += [uri] if uri not in found else []
            else:
                missing.append(uri)
            continue
        if "." in word and word not in known and word.rsplit(".", 1)[-1] in by_table:
            word = word.rsplit(".", 1)[-1]  # "the ClickHouse table default.customers": the warehouse's name
        if word in by_dag:  # «после дага orders_pg_shop_to_clickhouse_default»: what that pipeline loads
            found += [uri for uri in by_dag[word] if uri not in found]
            continue
        if _is_engine_word(word) and word not in known:
            continue  # «как только в хранилище обновятся кандидаты»: where they load, not what
        meanings = _meanings(planner, word)
        named: list[str] = []
        if i < len(words):  # "lab results" -> lab_results: two words naming one table
            pair = meanings | _meanings(planner, words[i])
            joined = f"{word}_{words[i]}"
            two = [joined] if joined in known else [
                n for n in sorted(known) if len(name_parts(n)) > 1 and set(name_parts(n)) <= pair
            ]  # fmt: skip
            if len(two) == 1:
                named, i = two, i + 1
            elif _noun_modifier(trigger.upstream[i - 1], trigger.upstream[i]) and tables_named(words[i]):
                continue  # "patient visits", "meter readings": the last noun names the table
        named = named or tables_named(word, meanings)
        if len(named) == 1 and named[0] != word and named[0] in by_table:
            named = _second_reading(planner, named[0], meanings, set(by_table))
        if not named:
            if _is_noun(planner, word):
                missing.append(word)  # a load nothing here names: asked about, never dropped
            elif nouns := _adjective_nouns(word):
                adjectives.append((word, nouns))
            continue
        named_before = i - 1
        uris = [uri for name in named for uri in by_table.get(name, [])]
        if not uris:
            missing.append(named[0])
        elif len(uris) > 1:
            return [], _question(language, named, produced, several=True)
        elif uris[0] not in found:
            found.append(uris[0])
    if not found and not missing:
        # «когда зарплатная выгрузка закончится»: the load is named by an adjective of its table's noun
        # («…начисленная зарплата»); only when no word of the clause names a table («клиентские заказы»)
        for word, nouns in adjectives:
            meanings = frozenset().union(*(planner.vocabulary.meanings(n) for n in nouns)) | nouns
            named = tables_named(word, meanings)
            uris = [uri for name in named for uri in by_table.get(name, [])]
            if len(uris) != 1:
                return [], _question(language, [word], produced, several=len(uris) > 1)
            found += [uris[0]] if uris[0] not in found else []
    if missing or not found:
        return [], _question(language, missing or words, produced)
    return found, None


_RELATIONAL_SUFFIX = re.compile(r"(?:ов|ев|енн|ск|н)$")


def _adjective_nouns(word: str) -> frozenset[str]:
    """The noun stems a Russian relational adjective is made from: «зарплатная» -> зарплат, «складской» ->
    склад, «кадровый» -> кадр; empty for any other word."""
    from airflow_ai_etl.planning.vocabulary import stem

    tokens = tokenize(word)
    if not tokens or tokens[0].lang != "ru" or not tokens[0].parses or tokens[0].parses[0].pos != "ADJF":
        return frozenset()
    base = stem(tokens[0].lemma)
    noun = _RELATIONAL_SUFFIX.sub("", base)
    return frozenset({noun}) if noun != base and len(noun) >= 3 else frozenset()


# Russian nouns that only say a table is a list of something («справочник курьеров», «реестр абонентов»):
# what the list holds, the genitive after it, names the load.
GENERIC_HEADS = frozenset({
    "справочник", "список", "реестр", "перечень", "каталог", "словарь", "информация", "инфа", "табличка",
    "датасет", "набор", "база",
})  # fmt: skip


def _generic_head(word: tuple[str, int], following: tuple[str, int]) -> bool:
    """``word`` is a generic Russian head noun (:data:`GENERIC_HEADS`) right before ``following`` in the
    genitive («справочник сортировочных центров»): the words after it name the table, it names none."""
    (text, start), (after, at) = word, following
    tokens = tokenize(text)
    if not (tokens and tokens[0].lang == "ru" and _is(tokens[0], GENERIC_HEADS, pos=("NOUN",))):
        return False
    nxt = tokenize(after)
    return (
        at == start + len(text) + 1
        and bool(nxt)
        and any(p.case == "gent" and p.pos in ("NOUN", "ADJF") for p in nxt[0].parses)
    )


def _noun_modifier(word: tuple[str, int], following: tuple[str, int]) -> bool:
    """An English word right before another (only a space between: no "and", no comma) modifies it, as
    "patient" in "patient visits": the head is the last word of a noun phrase."""
    (text, start), (after, at) = word, following
    return at == start + len(text) + 1 and text.isascii() and after.isascii() and text.isalpha()


def _genitive_after(previous: tuple[str, int], word: tuple[str, int]) -> bool:
    """``word`` follows ``previous`` with only a space between them and is a Russian noun in the genitive,
    dative or instrumental («показаний счётчиков», «счетов пациентам», «обходов контролёрами»): a modifier
    of the table ``previous`` names, not a second upstream (a list has «и» or a comma between its items, and
    its items share their case)."""
    (before, start), (text, at) = previous, word
    if at != start + len(before) + 1:
        return False
    tokens = tokenize(text)
    return (
        bool(tokens)
        and tokens[0].lang == "ru"
        and any(p.pos == "NOUN" and p.case in ("gent", "datv", "ablt") for p in tokens[0].parses)
    )


def _is_preposition(word: str) -> bool:
    """An English preposition that qualifies a noun, or a word the dictionary reads first as a preposition."""
    if word in _EN_QUALIFYING:
        return True
    tokens = tokenize(word)
    return (
        bool(tokens)
        and tokens[0].lang == "ru"
        and bool(tokens[0].parses)
        and tokens[0].parses[0].pos == "PREP"
    )


def _adjective(word: str) -> bool:
    """A Russian adjective, participle or numeral: more of the phrase follows («по топливным картам»)."""
    tokens = tokenize(word)
    return (
        bool(tokens)
        and tokens[0].lang == "ru"
        and bool(tokens[0].parses)
        and tokens[0].parses[0].pos in ("ADJF", "PRTF", "NUMR")
    )


def _meanings(planner: OfflinePlanner, word: str) -> frozenset[str]:
    """The word's glossary meanings and its lemma's («посылок» -> посылка)."""
    tokens = tokenize(word)
    lemma = tokens[0].lemma if tokens else word
    return planner.vocabulary.meanings(word) | planner.vocabulary.meanings(lemma)


def _is_noun(planner: OfflinePlanner, word: str) -> bool:
    """A word of the trigger clause that names a load's object: a Russian noun, an English plural
    ("parcels"); not an engine or connection word («в ClickHouse»), nor a new/successful/nightly."""
    from airflow_ai_etl.planning.patterns import ENGINE_WORDS, STOP_WORDS

    if word in STOP_WORDS or word in {c.lower() for c in planner.catalog.connections}:
        return False
    tokens = tokenize(word)
    if not tokens or any(word in ws or tokens[0].lemma in ws for ws in ENGINE_WORDS.values()):
        return False
    token = tokens[0]
    if token.lang == "ru":
        return bool(token.parses) and token.parses[0].pos == "NOUN" and not _is(token, CLAUSE_GLUE)
    return token.lang == "en" and len(word) > 3 and word.endswith("s") and not word.endswith("ss")


def _named_by_load_rules(planner: OfflinePlanner, word: str) -> list[str]:
    """The one table the load planner reads ``word`` as, alone («счётчиков»: three comments hold the word,
    the meters table is the one the others refer to); several tables or none: none."""
    from airflow_ai_etl.planning.request import Request

    if not _is_noun(planner, word):
        return []
    tokens = tokenize(word)
    for form in dict.fromkeys([word, tokens[0].lemma if tokens else word]):  # «расчёток»: as «расчётки»
        hits = {
            table.name.lower()
            for conn_id in planner.catalog.tables
            for table in planner._match_tables(Request(form), conn_id)
        }
        if hits:
            return sorted(hits) if len(hits) == 1 else []
    return []


def _named_by_sound(known: set[str], word: str) -> list[str]:
    """«хабы» -> hubs, «инвойсы» -> invoices: a Russian word written for an English table name (its head, the
    name's last part), read by the load planner's own rule (colloquial.transliterates). Several tables or
    none: none."""
    hits = [name for name in sorted(known) if transliterates(word, re.split(r"[_.]", name)[-1])]
    return hits if len(hits) == 1 else []


def _named_by_typo(known: set[str], word: str) -> list[str]:
    """ "employes" -> employees: an English word one letter off a table name (its last part), when one table
    is that close. The speller leaves such a word when it is one letter off two words ("employee",
    "employees"), but both name the same table."""
    from airflow_ai_etl.planning.spelling import _EN_LETTERS, _edits

    if not (word.isascii() and word.isalpha() and len(word) >= 5):
        return []
    near = _edits(word, _EN_LETTERS)
    hits = [name for name in sorted(known) if re.split(r"[_.]", name)[-1] in near]
    return hits if len(hits) == 1 else []


def _named_by_comment_sound(planner: OfflinePlanner, word: str) -> list[str]:
    """ "recruiting" -> candidates («Кандидаты на вакансии (рекрутинг)»), "contingent" -> students («Студенты
    (контингент)»): an English word a Russian noun of one table's comment spells by ear (the load planner's
    transliteration rule, read the other way). Several tables or none: none."""
    if not (word.isascii() and word.isalpha() and len(word) >= 5):
        return []
    hits = sorted(
        table.name.lower()
        for tables in planner.catalog.tables.values()
        for table in tables
        if any(transliterates(part, word) for part in re.findall(r"[а-яё]+", (table.comment or "").lower()))
    )
    return hits if len(hits) == 1 else []


def _named_by_comment(planner: OfflinePlanner, meanings: frozenset[str]) -> list[str]:
    """«когда обновится табель»: the table whose comment («Табель учёта рабочего времени») holds the word,
    as the load planner reads table comments. The comment's first word (its head noun: «Отправления
    (посылки)») wins over a later one («Возвраты отправлений»); several tables either way: none."""
    from airflow_ai_etl.planning.offline import name_parts_of_text
    from airflow_ai_etl.planning.patterns import STOP_STEMS

    heads: set[str] = set()
    anywhere: set[str] = set()
    for tables in planner.catalog.tables.values():
        for table in tables:
            parts = [p for p in name_parts_of_text(table.comment or "") if p not in STOP_STEMS]
            if parts and parts[0] in meanings:
                heads.add(table.name.lower())
            if meanings & set(parts):
                anywhere.add(table.name.lower())
    for hits in (heads, anywhere):
        if hits:
            return sorted(hits) if len(hits) == 1 else []
    return []


def _second_reading(
    planner: OfflinePlanner, named: str, meanings: frozenset[str], loaded: set[str]
) -> list[str]:
    """«после загрузки приёмов» with appointments and visits deployed: a word the glossary reads as one table
    (visits, «Состоявшиеся приёмы») that another deployed table's comment names in the same case («Записи
    пациентов на приём»: a «приём» is either) names both, and is asked. A genitive or dative in the other
    comment only qualifies its head («Табель … сотрудников», «Счета пациентам»): one table, as before."""
    holders = sorted(
        table.name.lower()
        for tables in planner.catalog.tables.values()
        for table in tables
        if table.name.lower() in loaded and _comment_holds(table.comment or "", meanings)
    )
    if named in holders and len(holders) > 1:
        return holders
    return [named]


def _comment_holds(comment: str, meanings: frozenset[str]) -> bool:
    """A Russian word of ``comment`` in the nominative or accusative whose stem is one of ``meanings``."""
    from airflow_ai_etl.planning.offline import name_parts_of_text

    for token in tokenize(comment):
        if token.lang != "ru" or not set(name_parts_of_text(token.text)) & meanings:
            continue
        if token.parses and token.parses[0].case not in ("gent", "datv", "ablt", "loct"):
            return True
    return False


def _question(
    language: str, names: Sequence[str], produced: dict[str, list[str]], several: bool = False
) -> str:
    assets = "; ".join(f"{uri} ({', '.join(dags)})" for uri, dags in produced.items())
    listing = (
        say(language, "planner.loaded_assets", assets=assets)
        if assets
        else say(language, "planner.nothing_loaded")
    )
    key = "planner.several_producers" if several else "planner.no_producer"
    return say(language, key, names=", ".join(names), listing=listing)


_GRAIN_ADJECTIVES = frozenset({"nightly", "daily", "hourly", "weekly", "monthly", "morning", "evening"})


def _without_load_grain(clause: str) -> str:
    """The trigger clause without a frequency adjective of the upstream load ("once the nightly orders load is
    done": when that load runs is its own schedule, not this pipeline's clock)."""
    tokens = tokenize(clause)
    for i, token in enumerate(tokens):
        ahead = tokens[i + 1 : i + 4]
        if token.lower in _GRAIN_ADJECTIVES and any(_is_event(t, pos=("NOUN", None)) for t in ahead):
            clause = clause[: token.start] + " " * (token.end - token.start) + clause[token.end :]
    return clause


# Nouns a frequency adjective may qualify and still be the run's frequency: "on a daily basis", «в ежедневном
# режиме», "the nightly job".
_RUN_NOUNS = frozenset({
    "basi", "schedul", "cadenc", "frequenc", "interval", "job", "cycl", "run", "основа", "режим",
    "расписание", "график", "запуск", "цикл", "периодичность", "порядок",
})  # fmt: skip


def _describes_data(tokens: Sequence[Token], i: int) -> bool:
    """The frequency adjective at ``i`` qualifies a noun of data, not of the run: "hourly profiles", "daily
    stock snapshots", "a nightly dump lands", «ежедневные (складские) остатки», «ежедневные выгрузки» (files);
    not "hourly load", "daily at 6", "on a daily basis", «ежедневная загрузка», «на ежедневной основе»."""
    following = tokens[i + 1 : i + 4]
    if tokens[i].lang == "ru":
        # the forms the adjective may have: the noun it qualifies agrees with one («ежедневные выгрузки»:
        # nominative plural, though «выгрузки» reads first as a genitive singular)
        forms = {
            (p.case, p.number) for p in tokens[i].parses if p.pos == "ADJF" and p.case in ("nomn", "accs")
        }
        for token in following:
            agreeing = [p for p in token.parses if (p.case, p.number) in forms] if token.lang == "ru" else []
            if any(p.pos in ("ADJF", "PRTF") for p in agreeing) and not any(
                p.pos == "NOUN" for p in agreeing
            ):
                continue  # «ежедневные складские остатки»
            nouns = [p for p in agreeing if p.pos == "NOUN"]
            if not nouns or _is(token, _RUN_NOUNS) or _is(token, START_VERBS):
                return False
            # «выгрузки» are files when several arrive; «ежедневная выгрузка» is the load itself
            return not _is_event(token) or (_is(token, FILE_PLACE) and any(p.number == "plur" for p in nouns))
        return False
    data = False  # a plural noun seen ("profiles"), or a noun an arrival verb follows ("a dump lands")
    for k, token in enumerate(following):
        word = token.lower
        if token.lang != "en" or not word.isalpha() or len(word) < 3 or word in CLAUSE_GLUE | _EN_QUALIFYING:
            break
        if _is_event(token) or word in EN_ORDERS or _is(token, START_VERBS) or _is(token, _RUN_NOUNS):
            return False  # "the daily payments copy", "hourly sales load": the load's own frequency
        if _is(token, NEW):
            continue  # "daily new files"
        data = data or (word.endswith("s") and not word.endswith("ss") and len(word) > 3)
        data = data or (k + 1 < len(following) and _is_arrival(following[k + 1]))
    return data


# Words of a mart's measure an English frequency adjective may stand before: "hourly event counts", "daily
# revenue", "weekly order totals", "monthly average fare" (the marts reader's measure words).
_MEASURE_WORDS_EN = frozenset(COUNT_EN | SUM_EN | AVG_EN | MIN_EN | MAX_EN | DISTINCT_EN)
_EN_ARTICLES = frozenset({"the", "a", "an"})
_EN_GRAIN_ADJECTIVES = frozenset({"hourly", "daily", "weekly", "monthly"})  # the grains a mart has


def _measure_grain_attributive(text: str) -> str:
    """A mart started by something else than a clock: an English frequency adjective right after the refresh
    verb that stands before its measure ("rebuild hourly event counts by event_code", "refresh daily revenue
    per region") qualifies the measure, so it is the mart's grain; it is given an article so the marts reader
    takes it as one ("rebuild the hourly event counts"). Not when a noun phrase does not follow or holds no
    measure word ("refresh daily at 6", "rebuild hourly, counts by hub", "refresh daily the mart")."""
    tokens = tokenize(text)
    for i in reversed(range(1, len(tokens))):
        token, before = tokens[i], tokens[i - 1]
        if token.lang != "en" or token.lower not in _EN_GRAIN_ADJECTIVES or before.lower in _EN_ARTICLES:
            continue
        if not (before.lang == "en" and before.lower.isalpha() and before.lower not in _EN_QUALIFYING):
            continue  # "… by region, daily counts": no verb before it, nothing to tell apart
        for following in tokens[i + 1 : i + 4]:
            word = following.lower
            if following.lang != "en" or not word.isalpha() or word in CLAUSE_GLUE | _EN_QUALIFYING:
                break
            if word in _EN_ARTICLES or _is(following, _RUN_NOUNS):
                break
            if word in _MEASURE_WORDS_EN:
                text = f"{text[: token.start]}the {text[token.start :]}"
                break
    return text


def _without_data_grain(text: str) -> str:
    """The text without a frequency adjective that describes the data ("Smart meter hourly profiles land in
    s3://…", «партнёры кидают ежедневные остатки в …»): what the files or rows hold, not when to run."""
    tokens = tokenize(text)
    for i, token in enumerate(tokens):
        if token.lang not in ("ru", "en") or (
            token.lang == "ru" and not (token.parses and token.parses[0].pos == "ADJF")
        ):
            continue
        schedule = parse_schedule(token.text)
        if schedule is not None and schedule.cron is not None and _describes_data(tokens, i):
            text = text[: token.start] + " " * (token.end - token.start) + text[token.end :]
    return text


def _cycle(
    catalog: Catalog, dag_id: str, upstream: Sequence[str], inlets: Sequence[str], outlets: Sequence[str]
) -> list[str] | None:
    """The circle of "runs after" the new pipeline would close with the deployed ones (their outlets from
    ``Catalog.assets``, their schedules from ``Catalog.schedules``), as [dag_id, ..., dag_id], or None."""
    from airflow_ai_etl.assets import AssetGraph, PipelineAssets

    if not catalog.schedules:
        return None  # nothing deployed runs after anything: no circle can close
    outlets_of: dict[str, list[str]] = {}
    for uri, dags in catalog.assets.items():
        for dag in dags:
            outlets_of.setdefault(dag, []).append(uri)
    deployed = AssetGraph.of(
        PipelineAssets(dag, tuple(catalog.schedules.get(dag, ())), (), tuple(outlets_of.get(dag, ())))
        for dag in {*outlets_of, *catalog.schedules}
    )
    mine = PipelineAssets(dag_id, tuple(upstream), tuple(inlets), tuple(outlets))
    return deployed.with_pipeline(mine).cycle_through(dag_id)


_SNAKE_NAME = re.compile(r"(?<![\w/.:])[a-z][a-z0-9]*(?:_[a-z0-9]+)*(?![\w/:])")


def _reloads_upstream(
    planner: OfflinePlanner, rest: str, upstream: Sequence[str], mart: bool = False
) -> str | None:
    """The upstream asset the rest of a request loads again, when the rest names one table and nothing else
    that may be a table («перегружай ещё раз таблицу appointments в ch_dwh, …» after the appointments load;
    with no table word, the one table the load rules read in its words: «перезаливай счета в ch_dwh …»): its
    copy into a ClickHouse connection the rest names (any, when it names none) is that asset. Read only when
    the rest's plan asked a question: a pipeline that would start on its own output is refused anyway. A
    mart writes a table of its own, never the one its words name."""
    from airflow_ai_etl.planning.request import Request

    explicit = _explicit_names(planner, rest)
    if not explicit and not mart:
        read = {
            table.name.lower()
            for conn_id in planner.catalog.tables
            for table in planner._match_tables(Request(rest), conn_id)
        }
        explicit = read if len(read) == 1 else explicit
    if len(explicit) != 1:
        return None
    name = next(iter(explicit))
    tables = [t for ts in planner.catalog.tables.values() for t in ts]
    known = {t.name.lower() for t in tables}
    columns = {c.name.lower() for t in tables if t.name.lower() == name for c in t.columns}
    words = {w.lower() for w in _SNAKE_NAME.findall(without_paths(rest))}
    words -= {c.lower() for c in planner.catalog.connections} | columns | {name}
    if any("_" in w or w in known for w in words):
        return None  # another name that may be the target («… в appointments_hist»)
    from airflow_ai_etl.assets import _table_uri

    warehouses = [c.conn_id for c in planner.catalog.connections_of("clickhouse")]
    named = [c for c in warehouses if c.lower() in {w.lower() for w in re.findall(r"[\w-]+", rest)}]
    for conn_id in named or warehouses:
        asset = _table_uri("clickhouse", conn_id, name, planner.catalog)
        if asset is not None and asset in upstream:
            return asset
    return None


def _planned_without_trigger(planner: OfflinePlanner, text: str) -> Outcome:
    """``text`` planned as a request that names no trigger."""
    nested = _PLANNING_REST.set(True)
    try:
        return planner.plan(text)
    finally:
        _PLANNING_REST.reset(nested)


# The Russian parts of day whose «по …ам» says a window («по ночам»; «по дням» is a mart's grain)
_WINDOW_PARTS = frozenset({"утро", "вечер", "ночь"})
_EN_HOURS = frozenset({"business", "working", "office", "work"})


def _time_of_day_window(tokens: Sequence[Token]) -> bool:
    """A part of the day the run is kept to or out of («но не ночью», «только днём», «по ночам», "not at
    night", "during the day", "in business hours"): a clock's words a start on new files or after other loads
    cannot hold (so asked, never dropped). Adjectives name data or a load («после ночной загрузки»)."""
    from airflow_ai_etl.planning.grammar import RU_PARTS
    from airflow_ai_etl.planning.lexicon import is_

    for i, token in enumerate(tokens):
        before = tokens[i - 1].lower if i else ""
        if token.lang == "ru" and is_(token, "PART_OF_DAY"):
            if token.has(RU_PARTS, pos=("NOUN",), case=("ablt",)) or (
                before == "по" and token.has(_WINDOW_PARTS, case=("datv",), number="plur")
            ):
                return True  # «ночью», «днём», «по ночам»
        elif token.lower in ("night", "daytime", "day"):
            lead = tokens[i - 2].lower if before == "the" and i > 1 else before
            if lead == "during" or (lead == "at" and token.lower == "night"):
                return True  # "at night", "during the night", "during the day"
        elif token.lower == "hours" and before in _EN_HOURS:
            return True  # "business hours", "working hours"
    return False


# «у нас цепочка: клиенты, за ними заказы. Добавь …», «у нас уже грузятся …», "we already load …", "our chain
# is … ; add …": a first sentence that says what is deployed (a speaker's «у нас»/"we"/"our", then «уже»/
# "already", a chain or «есть»/"have") before the one asking for the new load.
_CONTEXT_OPENERS = frozenset({"мы", "наш", "we", "our"})
_CONTEXT_MARKS = frozenset({"уже", "цепочка", "звено", "есть", "already", "chain", "have"})
_ADD_TO_CHAIN = frozenset({"добавь", "добавьте", "добавим", "add"})
# Its words that name no table: the speaker, the chain and its order («за ними», "then")
_CONTEXT_GLUE = frozenset({
    "у", "мы", "наш", "цепочка", "звено", "есть", "уже", "потом", "затем", "они", "он", "она", "сначала",
    "we", "our", "us", "already", "chain", "then", "is", "have", "first", "it", "them",
})  # fmt: skip


def _without_deployed_context(planner: OfflinePlanner, text: str, language: str) -> str:
    """``text`` with its first sentence blanked when that sentence describes deployed loads (see
    _CONTEXT_OPENERS) and every table it names is loaded by a deployed pipeline: those tables are what exists,
    not tables to load («у нас цепочка: клиенты, за ними заказы. Добавь платежи …»). Otherwise unchanged (a
    described table nothing loads stays in the request, and the load rules ask about it)."""
    tokens = tokenize(text)
    opener = tokens[1] if len(tokens) > 1 and tokens[0].lower == "у" else tokens[0] if tokens else None
    if opener is None or not _said(opener, _CONTEXT_OPENERS):
        return text
    end = next((j for j, t in enumerate(tokens) if t.text in (".", ";")), len(tokens))
    sentence = tokens[:end]
    if end >= len(tokens) - 1 or not any(_said(t, _CONTEXT_MARKS) for t in sentence):
        return text
    words = tuple(
        (t.lower, t.start)
        for t in sentence
        if t.lang in ("ru", "en")
        and not (_said(t, _CONTEXT_GLUE) or _said(t, CLAUSE_GLUE) or _is_event(t))
        and not (
            _is_warehouse(t) or t.lower in planner.catalog.connections or PIPELINE_VERBS.fullmatch(t.lower)
        )
    )
    if not words or _upstream_assets(planner, Trigger("assets", (), upstream=words), language)[1] is not None:
        return text
    # «Добавь (третьим звеном) платежи», "add payments as the next step": a pipeline added to that chain, not
    # the append mode (a whole table appended on every run would double its rows)
    adds = [(t.start, t.end) for t in tokens[end + 1 :] if t.lower in _ADD_TO_CHAIN]
    return _without(" " * tokens[end].end + text[tokens[end].end :], Trigger("assets", tuple(adds)))


_PREPOSITION_NUMBER = re.compile(r"(?<!\w)(?:at|в|во|к|@)\s+\d", re.IGNORECASE)


def _bare_time_of_day(rest: str, language: str) -> bool:
    """ "cards to clickhouse at 5", «в 5: карты в кх»: an hour the clock rules read as a time only beside a
    day cue (alone, «в 5» may be a count). The rest of a triggered request is planned as a manual run, which
    would drop it silently: beside a trigger it is a second start, asked."""
    if not _PREPOSITION_NUMBER.search(rest):
        return False  # no «в 5» / "at 5" (most requests): no clock to parse twice
    text = _without(rest, Trigger("files", tuple(_paths(rest))))  # s3://b/at/5/: a name
    if _clock(text, ()):
        return False  # a clock of its own: asked by the caller
    day = "ежедневно" if language == "ru" else "daily"
    with_day, day_alone = parse_schedule(f"{day} {_without_data_grain(text)}"), parse_schedule(day)
    return (
        with_day is not None
        and day_alone is not None
        and with_day.cron not in (None, day_alone.cron)  # «без расписания»: no clock at all
    )


def _said(token: Token, words: frozenset[str]) -> bool:
    """The token as written or its lemma (a Snowball stem in English: "already" -> "alreadi") is one of
    ``words``."""
    return token.lower in words or _is(token, words)


def plan_triggered(
    planner: OfflinePlanner, text: str, trigger: Trigger, written: str | None = None
) -> Outcome:
    """Plan ``text`` whose ``trigger`` was read: the rest as a manual pipeline, then the trigger set on it.
    ``written`` is the request as the user wrote it (kept in the spec)."""
    if trigger.text is not None:  # a trigger word's typo corrected: its spans are into that text
        text, written = trigger.text, written or text
    language = detect_language(text)
    ru = language == "ru"
    rest = _without_deployed_context(planner, _without(text, trigger), language)
    both = say(language, "planner.event_and_clock")
    # A mart reads its own words: "the daily visit count" is a grain, «обновлять ежедневно» a clock
    # (new files are loaded, never aggregated: «ежедневные остатки» in a bucket are files, not a mart's grain)
    mart = trigger.kind != "files" and is_mart_request(tokenize(rest))
    if mart:
        rest = _measure_grain_attributive(rest)  # "rebuild hourly event counts": the grain, never a clock
    if not mart and trigger.kind != "manual":
        rest = _without_data_grain(rest)  # "hourly profiles land in …": what the files hold, not a clock
    if trigger.tentative and (mart or _upstream_assets(planner, trigger, language)[1] is not None):
        # a bare «после X» that names no deployed load (or a mart's «выручка после возвратов»): no trigger
        return _planned_without_trigger(planner, written or text)
    schedule = parse_schedule(_without(rest, Trigger("files", tuple(_paths(rest)))))  # s3://b/daily/: a name
    if trigger.kind != "manual" and not mart and schedule is not None and schedule.cron is not None:
        return Outcome.clarify(both)
    if trigger.kind == "assets" and any(_clock(_without_load_grain(text[a:b]), ()) for a, b in trigger.spans):
        return Outcome.clarify(both)  # «после загрузки заказов и каждый день в 6 утра»: a clock in the clause
    if trigger.kind == "manual" and schedule is not None and schedule.cron is not None:
        return Outcome.clarify(say(language, "planner.manual_and_clock", schedule=schedule.phrase.strip()))
    if trigger.kind != "manual" and not mart and _bare_time_of_day(rest, language):
        return Outcome.clarify(both)  # "after the clients load: cards to clickhouse at 5": a second start
    if trigger.kind != "manual" and not mart and _time_of_day_window(tokenize(rest)):
        return Outcome.clarify(both)  # «после загрузки заказов гони платежи, но не ночью»: a clock's words
    upstream: list[str] = []
    if trigger.kind == "assets":
        upstream, question = _upstream_assets(planner, trigger, language)
        if question:
            return Outcome.clarify(question)
        if trigger.any_of and len(upstream) > 1:
            # schedule_assets means every one of them (Airflow's AND); an "or" must not become an "and"
            return Outcome.clarify(say(language, "planner.assets_any_of", upstream=", ".join(upstream)))
    if trigger.kind == "files" and not (re.search(r"\bs3a?://", text, re.I) or folder_path(text)):
        return Outcome.clarify(say(language, "planner.which_watched_place"))
    if trigger.kind == "files" and (outside := _folder_outside_roots(text, language)) is not None:
        return outside
    if trigger.kind != "manual" and _manual_beside(text, trigger):
        # «после загрузки заказов гони платежи, и вручную тоже»: asked as a manual word beside a clock is
        return Outcome.clarify(
            say(language, "planner.manual_and_event", event=_event_words(trigger, upstream, text, language))
        )
    # The rest is planned as a manual pipeline (its trigger replaces a clock); a mart is refreshed on
    # demand when it names no schedule, and reads «вручную» as a column, so it gets no such word.
    if trigger.kind == "files" and bare_file_target(planner, rest):
        # S3, a local folder under the file roots, or "the X table" (else a bare target stays asked for)
        rest = _bare_target_named(planner, rest)
    manual = "" if mart else (" вручную" if ru else " manually")
    said = tokenize(rest)
    if manual and (key_cues(said) or any(is_mask_word(t.text) for t in said if t.lang in ("ru", "en"))):
        # a list at the end of the rest (keys «мержить по студенту и дате», a mask "hash sender and recipient
        # phones") ends before the manual word, not with "phones manually"
        manual = f";{manual}"
    nested = _PLANNING_REST.set(True)
    try:
        outcome = planner.plan(f"{rest.strip()}{manual}")
        if (
            trigger.kind == "files"
            and [getattr(q, "id", None) for q in outcome.questions] == ["planner.file_target_table"]
            and (name := folder_raw_table(planner, text, rest)) is not None
        ):  # new files of a named format and no table named: a raw table named after their folder (not
            # when a snake_case name the rules did not read may be the table: then it is asked)
            outcome = planner.plan(f"{rest.strip()}{manual} {'в таблицу' if ru else 'into table'} {name}")
        if (
            mart
            and trigger.kind == "assets"
            and [getattr(q, "id", None) for q in outcome.questions]
            in (["planner.mart.two_facts"], ["planner.mart.which_fact"])
            and len(upstream) == 1
        ):  # «по факту загрузки продаж пересобирай витрину: сумма amount по регионам»: two tables hold the
            # columns and the one the mart runs after is among them: its fact table (asked if it is not)
            table = upstream[0].rstrip("/").rsplit("/", 1)[-1]
            again = planner.plan(f"{rest.strip()} ({table})")
            if again.spec is not None and (again.spec.source.table or "").rsplit(".", 1)[-1] == table:
                outcome = again
    finally:
        _PLANNING_REST.reset(nested)
    if outcome.status != "ok" or outcome.spec is None:
        if (
            trigger.kind == "assets"
            and (reloaded := _reloads_upstream(planner, rest, upstream, mart)) is not None
        ):
            # a refusal outranks a question: whatever else is unclear, it would start on its own output
            return Outcome.reject("lineage", say(language, "planner.trigger_on_own_output", asset=reloaded))
        return outcome
    if trigger.kind != "manual" and outcome.spec.schedule is not None:
        return Outcome.clarify(both)
    data = outcome.spec.model_dump()
    data.update(request=written or text, schedule=None)
    if trigger.kind == "files":
        if data["source"]["type"] != "s3":
            return Outcome.clarify(say(language, "planner.new_files_from_where"))
        data["on_new_files"] = True
    elif trigger.kind == "assets":
        data["schedule_assets"] = upstream
    try:
        spec = PipelineSpec.model_validate(data)
    except ValidationError as exc:
        return Outcome.clarify(str(exc.errors()[0]["msg"]))
    if trigger.kind == "assets":
        from airflow_ai_etl.assets import pipeline_lineage

        lineage = pipeline_lineage(spec, planner.catalog)
        own = set(lineage.outlets) & set(upstream)
        if own:  # «после загрузки продаж перезаливать продажи»: it would start itself on its own output
            return Outcome.reject("lineage", say(language, "planner.trigger_on_own_output", asset=own.pop()))
        cycle = _cycle(planner.catalog, spec.dag_id, upstream, lineage.inlets, lineage.outlets)
        if cycle:  # A after B after A: through deployed pipelines scheduled on each other's assets
            return Outcome.reject("lineage", say(language, "planner.trigger_cycle", cycle=" -> ".join(cycle)))
    return Outcome("ok", spec=spec)
