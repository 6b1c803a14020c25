"""Word lists and patterns the offline planner reads requests with (Russian and English).

Grouped by what they decide: what makes a request unacceptable, the words around names, the
options (mode, incremental, masking, filters), null checks and rolling windows, column
exclusions, and file / change-stream sources. :mod:`airflow_ai_etl.planning.offline` applies them.
"""

from __future__ import annotations

import re

from airflow_ai_etl.planning.vocabulary import ENGINE_WORDS, SHOW_FORMS_RU, UNSUPPORTED_ENGINES, stem

# --- what makes a request unacceptable -------------------------------------------------------

CODE_PATTERNS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r";\s*(select|insert|update|delete|drop|alter|create|truncate|grant|copy)\b",
        r"--|/\*|\*/",
        r"\bimport\s+(os|sys|subprocess|shutil|socket|requests)\b|\bfrom\s+[\w.]+\s+import\b",
        r"__\w+__|\bexec\s*\(|\beval\s*\(|os\.system|\bsubprocess\b|\blambda\s*:",
        r"`|\$\(|<script|\brm\s+-rf\b",
        r"\b(drop|alter|truncate)\s+(table|schema|database)\b",
        r"\b(insert\s+into|delete\s+from|update\s+\w+\s+set)\b",
    )
]
# "remove duplicates", "удалить дубли" are deduplication, not destruction.
DEDUPE_AFTER_VERB = re.compile(r"^\W*(\w+\W+){0,2}(duplicat\w*|dup\w*|дубл\w*|повтор\w*)", re.IGNORECASE)
# The clause a removal verb closes opens with the duplicates and the columns they are by: «задвоения по
# msisdn удалить», «дубли по email и телефону удалить» (a dedupe, nothing destroyed).
_DEDUPE_COLUMN_WORD = (
    r"(?!табл|table|баз|данн|data|всё|все\b|all\b|из\b|в\b|во\b|from\b|in\b|и\b|and\b)[\w.]+"
)
DEDUPE_BEFORE_VERB = re.compile(
    r"^\W*(?:(?:а|и|and|also|потом)\s+)?(?:duplicat\w*|dup\w*|дубл\w*|повтор\w*|задвоен\w*)"
    # a column may be named in up to three words («по номеру карты»), never with a place or a table in them
    r"(?:\s+(?:по|by|on)\s+[\w.]+(?:\s+"
    + _DEDUPE_COLUMN_WORD
    + r"){0,2}(?:\s*(?:,|и|and)\s*"
    + _DEDUPE_COLUMN_WORD
    + r"(?:\s+"
    + _DEDUPE_COLUMN_WORD
    + r"){0,2})*)?\s*$",
    re.IGNORECASE,
)
# A clause opening with the duplicates and «по»/"by": «дубли по коду брони (reservation_code) убрать», "dupes
# by e-mail (email) removed": what its verb removes is the duplicates, never the key column (planner44).
DEDUPE_CLAUSE_BY = re.compile(
    r"^\W*(?:(?:а|и|and|also|потом)\s+)?(?:duplicat\w*|dup\w*|дубл\w*|повтор\w*|задвоен\w*)\s+(?:по|by|on)\s",
    re.IGNORECASE,
)
# Change data capture: "deletes"/"удаления" there are events to replicate, not an order to delete.
CDC = re.compile(
    r"\b(cdc|change\s+data\s+capture|(stream|captur\w*|replicat\w*|track\w*)\s+(all\s+|[a-z]+\s+)?changes|"
    r"inserts,?\s+updates,?\s+and\s+deletes|logical\s+replication|логическ\w+\s+репликац\w*|"
    r"(стрим\w*|поток\w*|захват\w*|транслир\w*)\s+(все\s+)?изменени\w*|"
    r"вставки,?\s+обновления\s+и\s+удаления)\b",
    re.IGNORECASE,
)
CDC_DELETE_NOUNS = re.compile(r"^(deletes|удалени\w*|удалений)$", re.IGNORECASE)
PIPELINE_VERBS = re.compile(
    r"\b(load|copy|sync|synchroni[sz]e|transfer|move|replicate|export|import|ingest|stream|pull|push|"
    r"mirror|migrate|upload|send|land|pipeline|etl|refresh|reload|upsert|merge|dedup\w*|snapshot|capture|"
    r"загру\w*|выгру\w*|скопир\w*|копир\w*|перенос\w*|перенес\w*|переки\w*|перелив\w*|синхрон\w*|"
    r"реплиц\w*|забира\w*|импорт\w*|экспорт\w*|отправ\w*|перекладыва\w*|переложи\w*|залива\w*|залей\w*|"
    r"лить|грузи\w*|груз\w*|подгру\w*|догру\w*|прогру\w*|тяну\w*|стягива\w*|перезагру\w*|перегру\w*|"
    r"перезалив\w*|обновля\w*|"
    r"передава\w*|пополня\w*|стрим\w*|захватыва\w*|мерж\w*)\b",
    re.IGNORECASE,
)
OFF_TOPIC = re.compile(
    r"\b(write\s+me|tell\s+me|explain|poem|joke|weather|recipe|translate|напиши|расскажи|объясни|"
    r"стих\w*|анекдот\w*|шутк\w*|погод\w*|рецепт\s+борщ\w*|переведи)\b",
    re.IGNORECASE,
)

# --- words around names ----------------------------------------------------------------------

FROM_WORDS = {"from", "из", "с", "со", "out"}
TO_WORDS = {"to", "into", "в", "во", "на", "in"}
# Between two table words, these make the second a modifier of the first ("платежи по заказам",
# "orders of customers"); a bare English pair is a noun adjunct ("customer orders": orders).
MODIFIER_LINKS = {"по", "на", "для", "of", "for", "от", "у", "к"}
POSSESSIVE = {"s"}
STOP_WORDS = {
    "the", "a", "an", "of", "and", "to", "from", "into", "in", "on", "at", "by", "every", "each", "data",
    "table", "tables", "all", "only", "rows", "records", "load", "copy", "daily", "hourly", "new", "и", "в",
    "во", "из", "с", "со", "по", "на", "о", "об", "данные", "данных", "таблицу", "таблицы", "таблица",
    "все", "каждый", "каждые", "каждую", "ежедневно", "день", "час", "часа", "ночи", "утра", "вечера",
    "для", "за", "к", "ко", "у", "от", "до", "или", "or", "with", "for", "their", "its", "me", "please",
    "нужно", "нужна", "надо", "schema", "схема", "схемы", "database", "db", "базы", "база", "базу",
}  # fmt: skip
# Words that end a target-name phrase rather than name a table ("load the users table manually").
NOT_A_NAME = STOP_WORDS | {
    "manually", "weekly", "monthly", "nightly", "incrementally", "full", "well", "usual", "is", "soon",
    "before", "it", "them", "upsert", "append", "replace", "daily", "hourly", "minutes", "hours",
    "utc", "msk", "csv", "parquet", "jsonl", "json", "excel", "snapshot", "a", "the", "new", "changes",
}  # fmt: skip
# Words that place the rows vaguely in time with no threshold («которые скоро истекут», «недавно
# зарегистрированные», "ending soon", "signed up recently"): no column bound can be read from them.
VAGUE_TIME_WORDS = frozenset({"скоро", "вскоре", "недавно", "давно", "soon", "recently", "lately", "shortly"})
# The same said in several words or as an adjective («брони, отменённые на днях», "paid the other day", «в
# последнее время», «недавние возвраты»), and the words of them that look ahead, not back.
VAGUE_TIME_PHRASES = (("на", "днях"), ("в", "последнее", "время"), ("the", "other", "day"), ("of", "late"))
VAGUE_TIME_LEMMAS = frozenset({"недавний"})
VAGUE_FUTURE_WORDS = frozenset({"скоро", "вскоре", "soon", "shortly"})
# Zone abbreviations that are also a city's or a warehouse's code ("only warehouse msk"), and the words after
# which one is a value, not the time zone.
ZONE_VALUE_WORDS = frozenset({"msk", "мск", "spb", "спб"})
VALUE_ONLY_WORDS = frozenset({"only", "только", "лишь", "except", "кроме", "excluding"})
# The words that restrict a load to what follows them: a list of columns or of values ("only id, movie").
ONLY_CUES = frozenset({"only", "just", "только", "лишь"})
# Words of a connection's description that say nothing about which connection it is.
CONN_FILLER = {stem(w) for ws in ENGINE_WORDS.values() for w in ws} | {
    stem(w) for w in STOP_WORDS | {"default", "analytics", "conn", "connection", "server", "dashboards"}
}
STOP_STEMS = {stem(w) for w in STOP_WORDS}
# A column word never matched on its own (too generic): "номер" alone is not card_number.
GENERIC_PARTS = {
    stem(w) for w in ("id", "number", "name", "date", "at", "code", "type", "value", "full", "no")
}

# --- options -------------------------------------------------------------------------------

APPEND_WORDS = re.compile(r"\b(append\w*|add(?:s|ed|ing)?\b|добав\w*|дописыв\w*|дозагру\w*)", re.IGNORECASE)
INCREMENTAL = re.compile(
    r"\b(incremental\w*|инкремент\w*|only new|new (rows|records|data|ones)|нов\w*\s+(строк|запис|данн)\w*|"
    r"только нов\w*|changed|modified|updated (?:rows|records|ones)|изменённ\w*|измененн\w*|дельт\w*|delta|"
    r"only\s+(?:the\s+)?changes|только\s+изменени\w*|watermark\w*|водян\w+\s+знак\w*|ватермарк\w*)\b",
    re.IGNORECASE,
)
NEW_NOUN = re.compile(r"\b(new|fresh|нов(ые|ых|ыми|ый|ая|ое|ого|ую|ым)|свеж\w*)\b", re.IGNORECASE)
CHANGED = re.compile(
    r"\b(changed|changes|updated|modified|изменени\w*|изменённ\w*|измененн\w*|обновленн\w*)\b", re.I
)
STATUS_IS = re.compile(r"\b(статус\w*|status)\s*(=|is)?\s*'?\w+", re.IGNORECASE)
UPDATE_COLUMNS = ("updated_at", "modified_at", "changed_at")
# "a, b and c": a list of column names (after «только», "columns", ...; key lists: grammar.column_lists).
# Possessive (*+): a name or the list never gives back characters (what follows can never be a name
# character or a separator), and at most 64 names, so an attempt costs at most 64 names however
# long the text; together with the word-start lookbehinds below, planning stays linear in the input.
NAME_LIST = r"([a-z_][a-z0-9_]*+(?:\s*+(?:,|\band\b|\bи\b|&)\s*+[a-z_][a-z0-9_]*+){0,63}+)"
MASK = re.compile(
    r"\b(mask\w*|hide|hiding|hidden|hash\w*|anonymi[sz]\w*|obfuscat\w*|redact\w*|pseudonymi[sz]\w*|"
    r"маскир\w*|замаскир\w*|скры\w*|скро\w*|обезлич\w*|захешир\w*|хешир\w*|захэшир\w*|анонимиз\w*|"
    # «номер карты закрыть»: the verb only (infinitive, imperative); «закрытые заказы» is a status
    r"закрыть|закрывать|закрой|закройте|закрываем|закрывайте|"
    # colloquial verbs on the roots «хеш»/«хэш» and «звёздочк» («захешить», «прохешить», «хешнуть»,
    # «зазвёздочить»); the noun «маска на телефон», «под маску», «с маской на номер карты»; "conceal",
    # "encrypt", "blank out" (not a column name such as encrypted_key: letters only)
    r"(?:за|про)?х[еэ]ш[а-яё]*|зазв[её]здоч[а-яё]*|(?:(?:под|со?)\s+)?маск(?:а|и|е|у|ой|ою|ам|ами|ах)|"
    r"conceal[a-z]*|encrypt[a-z]*|censor[a-z]*|(?:blank|black|star|x|white)(?:s|ed|ing)?\s+out|"
    # «оклад не показывать», "don't show the salary", "phone not shown": a verb of showing, negated, hides the
    # values as «скрыть»/"hide" do (a mask; a verb of taking, «не брать», "without", leaves the column out)
    # (vocabulary.SHOW_FORMS_RU: «не показывать», «не светить», «не палить»)
    rf"не\s+(?:{SHOW_FORMS_RU})|(?:don[’']?t|do\s+not|never)\s+(?:show|display)|"
    r"not\s+(?:be\s+)?(?:shown|displayed))\b",
    re.IGNORECASE,
)
PII_WORDS = re.compile(
    r"\b(pii|personal\s+data|personal\s+info\w*|персональн\w*|пдн|чувствительн\w*)\b", re.I
)
# Name parts that make a column personal data (152-FZ / GDPR sense), each a set that must all appear.
PII_COLUMN_PARTS = tuple(
    frozenset(stem(p) for p in parts)
    for parts in (
        ("full", "name"), ("first", "name"), ("last", "name"), ("middle", "name"), ("email",), ("phone",),
        ("snils",), ("inn",), ("passport",), ("birth",), ("address",), ("card", "number"),
    )
)  # fmt: skip
# Stems of Russian verbs that throw rows away: убрать, выкинуть, выбросить, удалить, почистить, исключить.
_REMOVE_RU = r"убра|убер|убир|удал|выкин|выкид|выброс|выбрас|почист|вычист|исключ"
# A word that throws the rows away, closing a dedupe list: «дубли по снилсу выкинуть».
REMOVE_WORD = re.compile(rf"(?:{_REMOVE_RU})\w*|remove|drop|delete|kill|skip", re.IGNORECASE)
DEDUPE = re.compile(
    r"\b(dedup\w*|de-dup\w*|(?:remove|delete|drop) duplicat\w*|without duplicat\w*|no duplicat\w*|distinct|"
    # "no dupes by email": the everyday short form
    r"(?:no|without|remove|removing|drop|dropping|delete|kill|skip)\s+(?:the\s+)?dupes?|"
    r"без дубл\w*|удал\w* дубл\w*|дедуп\w*|убра\w* дубл\w*|убира\w* дубл\w*|без повтор\w*|"
    # «повторы» only beside a verb that removes them («повторы по email убрать», «выкинуть повторы»):
    # alone they are retries («3 повтора при ошибке»)
    rf"(?:{_REMOVE_RU})\w*\s+повтор\w*|повтор\w*(?=(?:\s+по\s+[\w.]+(?:\s*(?:,|и)\s*[\w.]+)*)?\s+(?:{_REMOVE_RU})))\b",
    re.IGNORECASE,
)
COLUMN_LIST = re.compile(
    r"\b(?:(?:keep\s+)?only(?:\s+the)?(?:\s+(?:columns?|fields?))?|columns?|fields?|"
    r"только(?:\s+(?:с|со))?(?:\s+(?:колонк\w*|столбц\w*|пол[яеи]\w*))?|колонк\w*|столбц\w*|пол[яе])\s*:?\s+"
    + NAME_LIST,
    re.IGNORECASE,
)
# "(id, sku, price only)", "id, amount и region только"
# A list starts at a word's start: without the lookbehind every letter of a long word starts an attempt.
COLUMN_LIST_AFTER = re.compile(r"(?<![a-z0-9_])" + NAME_LIST + r"\s+(?:only|только)\b", re.IGNORECASE)
# «полисы: policy_number, holder_id — каждый день», "employees: id, email, phone": a list after a colon
COLON_LIST = re.compile(r":\s*+" + NAME_LIST, re.IGNORECASE)
# «в таблицу» and its diminutive «в табличку»
# «назови таблицу x», «табличку назовём x»: Russian verbs that give the target table its name.
NAMING_VERBS_RU = r"назови(?:те)?|назов[её]м|назвать|назовите"
TARGET_TABLE = re.compile(
    # "as table X", "as a table called X", «как таблицу X»: the name after the table word
    r"\b(?:(?:as|как)\s+(?:(?:a|the|new)\s+){0,2}(?:table|табли(?:ц|чк)\w*)\s+(?:(?:called|named)\s+)?"
    r"|(?:into\s+table|to\s+table|target\s+table|table|в\s+табли(?:ц|чк)\w*|табли(?:ц|чк)\w*)\s+"
    # «в таблицу ClickHouse raw_sales», "into table ClickHouse x", «таблица в клике x», "table in ch x": the
    # engine word (its slang too, after an in-word) may stand between
    r"(?:(?:(?:in|в|во)\s+)?(?:clickhouse|клик\w*|кх|ch|postgres(?:ql)?|постгрес\w*)\s+(?=[\"'«]?[a-z_]))?"
    # "the ClickHouse table named x", «таблицу под названием x», "table name x", "table name: x", "... is x"
    # «табличку назови x», «таблицу назовите x»: the naming verb after the table word (planner63)
    r"(?:(?:named|called|name(?:\s+is|\s*[:=])?|под\s+названием|с\s+названием|с\s+именем|"
    + NAMING_VERBS_RU
    + r")\s+)?"
    # "into the returns_raw table": the name before the word "table" (not an engine or a place word)
    r"|(?:into|to)\s+(?:the\s+|a\s+)?(?:(?:clickhouse|postgres(?:ql)?)\s+)?"
    r"(?=(?!(?:warehouse|dwh|clickhouse|postgres\w*|same|new|target|reporting|analytics|staging|final|as)\s)"
    r"[a-z_][a-z0-9_]*\s+table\b)"
    # "to ClickHouse telemetry_lake", «в кликхаус raw_sales»: a snake_case name right after the engine
    r"|(?:into|to|в|во)\s+(?:clickhouse|клик\w*|кх|postgres(?:ql)?|постгрес\w*)\s+(?=[a-z][a-z0-9]*_[a-z0-9_]+\b)"
    r"|(?:as|into|как|под\s+именем|с\s+именем|под\s+названием|с\s+названием|named|called)\s+"
    r"(?:(?:a\s+|the\s+)?(?:new\s+)?table\s+)?)"  # "as table dorm_import", "as a new table x"
    r"[\"'«]?([a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)?)",
    re.IGNORECASE,
)
# A flag column written bare as a condition: "only with seal_ok true", «только is_overdue» (see
# filters._bare_flag_conditions, which keeps only the table's boolean columns).
BARE_FLAG = re.compile(
    r"(?<![\w-])(?P<col>[a-z_][a-z0-9_]*)\s+(?P<truth>true|false)(?![\w-])"
    r"|(?<![\w-])(?:только|лишь|only|just)\s+(?:(?:with|с|со)\s+)?(?P<only>[a-z_][a-z0-9_]*)"
    r"(?=\s*(?:[,.;)]|$)|\s+(?:and|и|по|per|by)\b)",
    re.IGNORECASE,
)
# column <op> literal, written as SQL by the analyst: "source = 'ads'", "total >= 250.5".
EXPLICIT_COMPARISON = re.compile(
    r"\b([a-z_][a-z0-9_]*)\s*(>=|<=|<>|!=|=|>|<|\s(?:is|equals)\s)\s*"
    r"('(?:[^']|'')*'|\"[^\"]*\"|-?\d+(?:[.,]\d+)?\b|[a-z_]\w*)",
    re.IGNORECASE,
)
# "amount between 100 and 500", "сумма от 100 до 500"
# Both start at a word's start with a possessive name (see NAME_LIST): linear in the text.
BETWEEN = re.compile(
    r"(?<![a-zа-яё0-9_])([a-zа-яё_][a-zа-яё0-9_]*+)\s+(?:is\s+)?(?:between|от|в\s+диапазоне(?:\s+от)?|между)\s+"
    r"(-?\d+(?:[.,]\d+)?)\s+(?:and|и|до)\s+(-?\d+(?:[.,]\d+)?)",
    re.IGNORECASE,
)
COMPARISON = re.compile(
    # «единиц (credits) больше 4»: a column named in brackets right before the comparison (see filters.py)
    # "a total of more than 100000": "of" between the column word and the comparison, as "is"
    r"(?<![a-zа-яё0-9_])([a-zа-яё_][a-zа-яё0-9_]*+)\)?\s+(?:(?:is|of)\s+)?"
    r"(over|above|greater than|more than|bigger than|exceeding|exceeds|at least|no less than|at most|"
    r"no more than|under|below|less than|превышает|сверх|не ниже|не выше|не больше|не меньше|больше|более|"
    r"свыше|выше|от|не менее|меньше|менее|ниже|до|не более|>=|<=|>|<|=)\s+[$€£₽]?"
    # "1,000" (thousands) or "1,5" / "1.5" (a fraction); a letter glued on ("1k", "5км") is not this number
    # "50k", «50к»: thousands in chat shorthand (a whole word: "5km" is no thousand); the filter multiplies
    r"(-?\d{1,3}(?:,\d{3})++(?![.,]?\d)|-?\d++(?:[.,]\d+)?+)(?![-.:/]?\d|(?![kк]\b)[a-zа-яё])",
    re.IGNORECASE,
)
# "a score of 90 or more", «баллом 90 и выше»: the bound after the number, inclusive both ways; "overdue by 60
# days or more", «просрочка на 60 дней и более»: a unit word after the number (the column must count it).
POSTFIX_COMPARISON = re.compile(
    r"(?<![a-zа-яё0-9_])([a-zа-яё_][a-zа-яё0-9_]*+)\s+(?:(?:is|of|by|на|=)\s+)?(-?\d++(?:[.,]\d+)?+)\s+"
    r"(?:(?P<unit>(?!or\b|and\b|или\b)[a-zа-яё]{3,})\s+)?"
    r"(?P<cmp>(?:or|and)\s+(?:more|above|higher|greater|over|up|less|below|lower|fewer|under)|"
    r"(?:и|или)\s+(?:больше|выше|более|меньше|ниже|менее))(?![a-zа-яё])",
    re.IGNORECASE,
)
POSTFIX_AT_LEAST = re.compile(r"(?:more|above|higher|greater|over|up|больше|выше|более)$", re.IGNORECASE)
FLIPPED = {">": "<=", ">=": "<", "<": ">=", "<=": ">"}
OPERATORS = {
    "over": ">", "above": ">", "greater than": ">", "more than": ">", "bigger than": ">", "at least": ">=",
    "exceeding": ">", "exceeds": ">", "превышает": ">", "сверх": ">",
    "under": "<", "below": "<", "less than": "<", "больше": ">", "более": ">", "свыше": ">", "выше": ">",
    "от": ">=", "не менее": ">=", "меньше": "<", "менее": "<", "ниже": "<", "до": "<=", "не более": "<=",
    "не ниже": ">=", "не выше": "<=", "не больше": "<=", "не меньше": ">=", "no less than": ">=",
    "at most": "<=", "no more than": "<=",
    ">=": ">=", "<=": "<=", ">": ">", "<": "<", "=": "=",
}  # fmt: skip
# "longer than 30" names no column: the comparative carries the concept (ordered: first found wins).
COMPARATIVES: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...] = (
    (re.compile(r"\b(?:longer than|дольше|длиннее)\s+(\d+(?:[.,]\d+)?)", re.I), ">", ("duration",)),
    (re.compile(r"\b(?:shorter than|короче)\s+(\d+(?:[.,]\d+)?)", re.I), "<", ("duration",)),
    (
        re.compile(
            r"\b(?:more expensive than|pricier than|costlier than|more costly than|дороже)"
            r"\s+(\d+(?:[.,]\d+)?)",
            re.I,
        ),
        ">",
        ("price", "amount", "total", "cost"),  # a repair's `cost` (service_jobs 'Стоимость работ')
    ),
    (
        re.compile(
            r"\b(?:cheaper than|less expensive than|less costly than|дешевле)\s+(\d+(?:[.,]\d+)?)", re.I
        ),
        "<",
        ("price", "amount", "total", "cost"),
    ),
)
# Status adjectives -> the value they usually mean in a `status` column.
STATUS_WORDS = {
    "paid": "paid", "оплачен": "paid", "оплаченн": "paid", "cancel": "cancelled", "отмен": "cancelled",
    "отменен": "cancelled", "отмененн": "cancelled", "ship": "shipped", "отгружен": "shipped",
    "отгруженн": "shipped", "deliv": "delivered", "доставлен": "delivered", "доставленн": "delivered",
    "complet": "completed", "завершен": "completed", "завершенн": "completed", "выполнен": "done",
    "выполненн": "done", "activ": "active", "активн": "active", "refund": "refunded",
    "возвращен": "refunded", "test": "test", "тестов": "test", "fail": "failed", "неуспешн": "failed",
    "неудачн": "failed", "ошибочн": "failed", "pend": "pending", "ожидающ": "pending",
    "lost": "lost", "потерян": "lost", "потерянн": "lost", "утерян": "lost", "утерянн": "lost",
    "success": "success", "успешн": "success",  # "successful payments", «успешные платежи» (planner80)
    # «законченные заказ-наряды»: the one of completed/done a status lists (planner116; English "finished"
    # stays the listed-value rule's, which notes finished_at beside 'finished')
    "закончен": "finished", "законченн": "finished",
}  # fmt: skip
# English phrasal verbs saying a state of STATUS_WORDS (marts117): "payments that went through" succeeded,
# "deals that fell through" failed; read only where a status column lists the value (or its spellings)
STATUS_IDIOMS_EN = {
    **dict.fromkeys((("went", "through"), ("gone", "through"), ("go", "through"), ("goes", "through")),
                    "success"),
    **dict.fromkeys((("fell", "through"), ("fallen", "through")), "failed"),
}  # fmt: skip
# Other spellings a status column may store for a value of STATUS_WORDS: 'Статус (pending, succeeded,
# failed)' stores the success of "successful payments" as succeeded; the comment's list says which.
# «выполненные заказ-наряды» of 'Статус заказ-наряда (open, ..., done, cancelled)' are done, and completed
# where a status lists that instead (planner101); «завершённые», "completed" are completed, and done where a
# status lists only that ("Completed work orders" of the same comment: planner106); «законченные» are
# whichever one of completed, done a status lists; two listed: asked (planner116)
STATUS_SPELLINGS = {
    "success": ("succeeded", "successful"), "cancelled": ("canceled",), "done": ("completed",),
    "completed": ("done",), "finished": ("completed", "done"),
}  # fmt: skip
# Status words that are also everyday words ("run it as a test"): a status only right before a row
# noun or the table's own noun ("test rows", "тестовые заказы").
STATUS_BEFORE_NOUN = {"test"}
VALUE_COLUMN_WORDS = {
    stem(w) for w in ("type", "status", "category", "region", "city", "specialty", "source")
}
STATUS_VALUES = {"new", "open", "closed", "draft", "pending"} | set(STATUS_WORDS.values())
# "for region north", "со статусом final", "из города Москва": <link> <column word> <value>.
VALUE_LINKS = {"for", "with", "of", "where", "in", "где", "по", "со", "с", "из", "для", "в", "во"}
TEXT_TYPES = ("text", "char", "varchar", "character", "string", "citext", "enum")
VALUE_TOKEN = re.compile(r"^[A-Za-zА-Яа-яЁё][\w\-]*$")
# Words after "is" that start a comparison in words, not a value ("total is greater than 5").
NOT_VALUES = {
    "greater",
    "less",
    "more",
    "over",
    "under",
    "above",
    "below",
    "not",
    "null",
    "between",
    "at",
    "equal",
    # "city is empty", "email is set": null checks, not values
    "empty",
    "blank",
    "missing",
    "set",
    "filled",
    "present",
    "populated",
    "known",
    "provided",
}
MONEY_PARTS = {stem(w) for w in ("amount", "total", "sum", "price", "cost")}
ROW_NOUNS = r"rows?|records?|entries|lines|строк\w*|запис\w*"
# "without test rows", "без тестовых записей": rows named by one word; asked about when no rule placed it.
ROWS_NAMED_BY_WORD = (
    r"(?:without|no|excluding|except|без|кроме)\s+(?!dup|дубл|повтор)[a-zа-яё]+\s+(?:" + ROW_NOUNS + ")"
)
# Words that announce a row filter; when no condition comes out of them the planner asks.
FILTER_HINTS = re.compile(
    r"\b(created\s+(after|before|since)|(after|before|since)\s+\d|older\s+than|newer\s+than|"
    r"last\s+\d+\s+days?|where|only\s+those|big|large|small|huge|top\s+\d+|за\s+последн\w*|"
    # judging adjectives ("with a bad credit score", «с плохой историей»): rows of some quality, never all
    # ("good morning", "best regards", «хорошего дня» are greetings, no quality of rows)
    r"bad|good(?!\s+(?:morning|afternoon|evening|day|night))|poor|high|low|worst|"
    r"best(?!\s+(?:regards|wishes))|плох\w*|хорош\w*(?!\s+(?:дня|вечера|выходных|недели))|высок\w*|низк\w*|"
    r"после\s+\d|старше|младше|новее|крупн\w*|мелк\w*|у\s+которых|которые\s+(больше|меньше|старше)|где|"
    r"nulls|null\s+values|empty\s+(?:rows|values|records)|пуст\w+\s+(?:строк|значени|запис)\w*|"
    # planner121: a bare year beside the rows in English ("orders of 2024", "2023 orders") with no year
    # column word: asked, as «заказы 2024 года» is (a path's /2026/, a date 2024-01-01 are no year said)
    r"(?:of|in|for|from|during)\s+(?:the\s+)?(?:year\s+)?(?:19|20)\d\d(?![\w/.:-])(?!\s+(?:"
    + ROW_NOUNS
    + r"|items)\b)|(?<![\w/.:-])(?:19|20)\d\d\s+(?!(?:"
    + ROW_NOUNS
    + r"|items)\b)[a-z]+|"
    + ROWS_NAMED_BY_WORD
    + r")\b",
    re.IGNORECASE,
)
# Words that say what is not wanted; a filter with one of them left unread is asked about.
# «…, остальные не нужны», "the rest are not needed", «прочие не грузить»: after a filter, the rows it leaves
# out are not wanted: a restatement of the filter, no second condition (planner51)
REST_UNWANTED = re.compile(
    r"\b(?:(?:все\s+)?(?:остальн|прочи)\w*|(?:all\s+)?the\s+rest|(?:the\s+)?others?|other\s+ones)"
    r"\s+(?:(?:нам|тут|здесь|are|is)\s+)?(?:не\s+\w+|not\s+needed|not\s+wanted|can\s+go|don'?t\s+\w+)",
    re.IGNORECASE,
)
# «нужны id и email, остальные колонки не нужны», "id, phone and email, nothing else", «больше ничего не
# надо»: after a list of columns the ones it leaves out are unwanted: the list is what to load (planner61)
REST_COLUMNS_UNWANTED = re.compile(
    r"\b(?:(?:(?:все\s+)?(?:остальн|прочи)\w*(?:\s+(?:колонк|столбц|пол[яей])\w*)?"
    r"|(?:all\s+)?the\s+rest(?:\s+of\s+(?:the\s+)?(?:columns|fields))?|(?:all\s+)?(?:the\s+)?other\s+(?:columns|fields))"
    r"\s+(?:(?:нам|тут|здесь|are|is)\s+)?(?:не\s+\w+|ненужн\w*|(?:(?:are|is)n't|not)\s+\w+|can\s+go|don'?t\s+\w+)"
    r"|(?:больше|более)\s+ничего(?:\s+не\s+\w+)?|ничего\s+(?:больше|другого)(?:\s+не\s+\w+)?"
    r"|nothing\s+else|no\s+other\s+(?:columns|fields))",
    re.IGNORECASE,
)
# The words that open a list of columns to load: «нужны id и email», "we need id and phone", «только …»
COLUMN_LIST_LEAD = re.compile(
    r"^\s*(?:(?:(?:we|i)\s+)?(?:нужн\w*|надо|необходим\w*|need(?:ed)?|want|only|just|keep|только|лишь|оставить|"
    r"оставь)\s+)?(?:(?:колонк|столбц|пол[яей])\w*|(?:the\s+)?(?:columns|fields))?\s*:?\s*",
    re.IGNORECASE,
)
NEGATION = re.compile(
    r"\b(не\s+нужн\w*|не\s+надо|не\s+грузи\w*|кроме|исключ\w*|except|exclud\w*|not\s+needed|"
    r"don'?t\s+(?:need|load|want)|skip\w*|без\s+(?:тех|строк|заказов|счетов|записей)|убра\w*|убер\w*|"
    r"убира\w*|удал\w*|выкин\w*|выкидыв\w*|отброс\w*|отбрас\w*|remov\w*|delet\w*|drop\w*|omit\w*|ignor\w*|"
    + ROWS_NAMED_BY_WORD
    + r")\b",
    re.IGNORECASE,
)
FILTER_GENERIC_OK = {stem("type")}  # "events of type purchase" -> event_type

# --- places ("клиенты из Москвы", "customers from Berlin") ----------------------------------

# A capitalised name right after "from"/"in"/"из"/"в": "из Санкт-Петербурга", "from New York". Acronyms
# (МИС, CRM) and CamelCase (ClickHouse) do not match; "Europe/Berlin" and "pg_shop.x" are not names.
PLACE_NAME_WORD = r"[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-Za-zА-Яа-яЁё]+)*"
# «по Самаре» (dative): the rows of a place too, where no clock before it makes it a time zone (schedule.py).
PLACE = re.compile(
    r"(?<![\w-])(?P<prep>(?i:from|in|из|в|во|по))\s+(?P<town>(?i:г\.|гор\.|(?:the\s+)?(?:city|town)\b(?:\s+of\b)?)\s*)?"
    rf"(?P<name>{PLACE_NAME_WORD}(?:\s+{PLACE_NAME_WORD})*)(?![\w/-]|\.\w)"
)
# Right after a place name: another one ("from Berlin and Munich", "из Москвы и Казани").
MORE_PLACES = re.compile(
    rf"\s*(?:,|\b(?i:and|or|и|или)\b)\s*(?:(?i:from|in|из|в|во)\s+)?(?P<name>{PLACE_NAME_WORD})(?![\w/-])"
)
# Column name parts that hold a place a request can name: a filter on the table's one such column.
PLACE_COLUMN_PARTS = {
    stem(w) for w in ("city", "town", "region", "country", "province", "district", "locality", "settlement")
}
# Software a request may name as where its data comes from: never a place ("from Salesforce", "из Оракла").
SOFTWARE_STEMS = {
    stem(w)
    for w in (
        *UNSUPPORTED_ENGINES, "salesforce", "bitrix", "битрикс", "hubspot", "shopify", "stripe", "jira",
        "zendesk", "sap", "amocrm", "google", "гугл", "yandex", "яндекс", "metrica", "метрика", "microsoft",
        "dynamics", "odoo", "airtable", "notion",
    )
}  # fmt: skip
# Languages, scripts, encodings, file formats and time standards: "column names in English", "in Parquet",
# "описание на русском", "in UTC" say how data is written or timed, never where its rows come from.
NOT_PLACE_STEMS = {
    stem(w)
    for w in (
        "english", "russian", "german", "french", "spanish", "italian", "portuguese", "chinese", "japanese",
        "korean", "arabic", "turkish", "ukrainian", "belarusian", "kazakh", "uzbek", "polish", "czech",
        "dutch", "swedish", "finnish", "norwegian", "danish", "greek", "hebrew", "hindi", "latin", "cyrillic",
        "transliteration", "translit", "unicode", "ascii", "utf", "utf8", "markdown", "avro", "orc", "xml",
        "yaml", "yml", "html", "csv", "tsv", "json", "jsonl", "ndjson", "parquet", "excel", "text", "plain",
        "binary", "iso", "utc", "gmt", "cet", "msk", "lowercase", "uppercase", "format", "русский",
        "английский", "немецкий", "французский", "испанский", "итальянский", "китайский", "японский",
        "украинский", "казахский", "латиница", "кириллица", "транслит", "транслитерация", "юникод", "формат",
    )
}  # fmt: skip
# Business systems the assistant has no reader or writer for. Named as where data comes from or goes to,
# with no connection described by that name, the request is refused like an unsupported engine, never
# read from another connection. Unmistakable names count anywhere; everyday words (Google, SAP, Stripe,
# Notion, Jira) only right after from/to ("from Google Sheets", "из Яндекс Метрики").
SYSTEM_NAME = re.compile(
    r"(?<![\w./-])(?P<name>salesforce|sfdc|hubspot|bitrix\s*24|bitrix|битрикс\s*24|битрикс\w*|1[сc](?:\s*:\s*\w+)?|"
    r"amo\s*crm|амо\s*(?:crm|срм|црм)|shopify|zendesk|freshdesk|pipedrive|zoho|airtable|odoo|netsuite|"
    r"quickbooks|magento|woocommerce|mailchimp|marketo|retail\s*crm|мой\s*склад\w*|iiko|dynamics\s*365|"
    r"google[\s-]*(?:sheets?|spreadsheets?|docs?|forms?)|гугл[\s-]*(?:таблиц\w*|док\w*|форм\w*|шит\w*))"
    r"(?![\w-]|\.\w)",  # not a part of a path or a file name ("s3://hubspot-exports/", "sfdc.xlsx")
    re.IGNORECASE,
)
SYSTEM_NAME_AFTER = re.compile(
    r"\b(?:from|out\s+of|to|into|из|с|со|в|во)\s+(?:the\s+|our\s+|наш\w*\s+)?"
    r"(?P<name>google(?:\s+\w+)?|гугл\w*(?:\s+\w+)?|yandex(?:\s+\w+)?|яндекс\w*(?:[\s.]+\w+)?|sap|jira|"
    r"stripe|notion|metrica|метрик\w*)(?![\w-]|\.\w)",
    re.IGNORECASE,
)
# A name written like a product (CamelCase, or letters with digits and a capital: "МойСклад", "Битрикс24",
# "1С") right after from/to that names no engine, connection or table: asked about, not guessed.
PRODUCT_LIKE = re.compile(r"[a-zа-яё][A-ZА-ЯЁ]|^(?=.*\d)(?=.*[A-ZА-ЯЁ])")
# Function words after "из"/"from" that name nothing ("один из них", "from scratch", "from now on").
NOT_PLACE_WORDS = {
    "них", "нее", "неё", "него", "которых", "которой", "которого", "этих", "этой", "этого", "тех", "всех",
    "каждой", "каждого", "любой", "любого", "списка", "scratch", "now", "there", "here", "it", "them",
    "which", "where", "what", "start", "beginning", "above", "below",
}  # fmt: skip
# Words after a name that make it a system rather than a place ("from Analytics database", "в Berlin DWH").
# Name parts of a column that records where a row came from (crm.leads.source, appointments.channel).
ORIGIN_COLUMN_WORDS = frozenset({"source", "channel", "origin", "referrer", "utm"})
# Prepositions of where a row came from: «с сайта», «из рекламы», «от партнёров», "from the website".
ORIGIN_PREPS_RU = frozenset({"с", "со", "из", "от"})
SYSTEM_NOUNS = {
    "database", "db", "schema", "table", "server", "cluster", "instance", "connection", "bucket", "system",
    "time", "timezone", "база", "базы", "базе", "бд", "схемы", "схеме", "таблицы", "таблице", "сервер",
    "сервера", "кластер", "кластера", "системы", "системе", "времени",
}  # fmt: skip
MONTHS = re.compile(
    r"^(january|february|march|april|may|june|july|august|september|october|november|december|"
    r"январ\w*|феврал\w*|март\w*|апрел\w*|ма[йяе]|июн\w*|июл\w*|август\w*|сентябр\w*|октябр\w*|"
    r"ноябр\w*|декабр\w*)$",
    re.IGNORECASE,
)

# «счётчики (is_smart)»: one bare name in brackets, nothing else.
BARE_NAME_IN_BRACKETS = re.compile(r"\(\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)")

# --- null checks, negated row filters, rolling windows ---------------------------------------

# After the column: "amount is null", "email is not empty", "ended_at empty", "телефон не заполнен", "город
# непустой", "email = null" (the particle «пусть», "let", is no «пустой»). Only the word null means SQL NULL
# alone; empty, missing, filled... are about a value being there, and an empty string is no value either (see
# filters._null_check).
NULL_AFTER = re.compile(
    r"(?:\b(?:is|are)\s+(?P<not>not\s+|non[\s-]?)?(?P<word>null|empty|blank|missing|set|present|"
    r"filled(?:\s+in)?|populated|known|provided)|"
    # "ended_at empty", "(closed_at empty)": no verb between the column and the word (read only when a column
    # of the table stands right before it, filters._null_conditions)
    r"\b(?P<bare>empty|blank)|"
    r"(?P<ru_not>\bне\s+)?\b(?P<ru>(?:не)?(?:пуст(?!ь\b)|заполнен|указан|задан)\w*)|"
    r"(?P<op>=|!=|<>)\s*null)\b",
    re.IGNORECASE,
)
# Before the column: "with no email", "with empty payload", "с пустым email", "с заполненным телефоном".
NULL_BEFORE = re.compile(
    r"\b(?P<word>(?<=with\s)no|(?<=having\s)no|(?<=\()no|(?<=\()нет|(?<=\()без|null|empty|blank|missing|non[\s-]?empty|non[\s-]?null|пуст(?!ь\b)\w*|непуст\w*|"
    r"незаполненн\w*|заполненн\w*|не\s+пуст\w*|не\s+заполненн\w*)\s+",
    re.IGNORECASE,
)
NULL_WORDS = re.compile(r"^(null|empty|blank|missing|no|пуст\w*|незаполненн\w*|отсутству\w*)$", re.IGNORECASE)
# "skip rows where ...", "пропускать строки, где ...": the conditions that follow are rows NOT to load.
NEGATING_VERBS = (
    r"skip\w*|exclud\w*|ignor\w*|filter(?:ing)?\s+out|leave\s+out|omit\w*|except(?:\s+for)?|"
    r"(?:don'?t|do\s+not)\s+(?:load|include|need|want|copy)|пропуск\w*|пропуст\w*|исключ\w*|игнорир\w*|"
    r"отбрас\w*|отброс\w*|выкидыв\w*|выкин\w*|убира\w*|убра\w*|убер\w*|кроме|не\s+(?:грузи\w*|загружа\w*|"
    r"выгружа\w*|переноси\w*|бери\w*|брать|нужн\w*|надо|включа\w*)|"
    # leave-out verbs, read here only in a load request naming no place to delete from (offline._destructive)
    r"remov\w*|delet\w*|drop(?:ping)?|удал(?:ить|и|ите|ять|яя|ив|яем)"
)
NEGATING_VERB = re.compile(r"(?:" + NEGATING_VERBS + r")\b", re.IGNORECASE)
# "exclude the suspicious ones", "except sleepy ones", "skip any dormant rows": an English leave-out word, one
# word and a row noun; the word says which rows to leave out (offline._unread_excepted_state asks when no rule
# read it)
EXCEPTED_ONES = re.compile(
    r"\b(?:" + NEGATING_VERBS + r")\s+(?:the\s+|those\s+|any\s+|all\s+)?(?P<word>[a-z][a-z-]+)\s+"
    r"(?:ones|rows|records|entries)\b",
    re.IGNORECASE,
)
# "the weird ones are not needed", "odd ones not wanted", "weird only", "without the fired ones": one word
# that says which rows to take or leave out, with its cue after it (or "without" before "<word> ones");
# offline._unread_unwanted_state asks when no rule read the word (planner52: every row was loaded)
# The word starts where its run of letters and hyphens starts: a start after a hyphen consumes the same run to
# the same end, so it never matches where the run's start did not, and trying it made "a-a-a-…" quadratic.
UNWANTED_ONES = re.compile(
    r"\b(?<!-)(?P<word>[a-z][a-z-]++)\s+(?:(?:ones|rows|records)\s+)?(?:(?:are|is)\s+)?"
    r"(?:not\s+(?:needed|wanted|required)|(?:are\s+)?only\b(?=\s*(?:[,.;!)]|$)))"
    r"|\bwithout\s+(?:the\s+|any\s+)?(?P<without>[a-z][a-z-]++)\s+(?:ones|rows|records)\b",
    re.IGNORECASE,
)
# «в Московской области», «из Краснодарского края», "in the Tver region", "in Tver oblast": a place that is a
# region, not a city; read only on a column holding regions, else asked (planner67: the region was dropped
# or its name read as a city)
REGION_PHRASE = re.compile(
    r"(?<!\w)(?:в|во|из|по)\s+[А-ЯЁ][а-яё-]+(?:ой|ом|ого|ему|ым)\s+(?:област|кра[ею]|округ|район|регион)\w*"
    r"|\b(?:in|from|for)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+(?:region|oblast|province|krai|district)\b"
)
# «странные не нужны», «кривые не надо», «левые только»: the Russian cues after an adjective or participle
UNWANTED_AFTER_RU = re.compile(
    r"^\s*(?:не\s+(?:нужн\w*|надо|требу\w*)|только\s*(?:[,.;!)]|$))", re.IGNORECASE
)
NEGATED_ROWS = re.compile(
    r"\b(?:" + NEGATING_VERBS + r"|without|без)\s+(?:the\s+|all\s+|any\s+|все\s+)?(?:[a-zа-яё_]+\s*)?,?\s*"
    r"(?:where|with|whose|that\s+have|which\s+have|having|if|когда|где|у\s+которых|в\s+которых|с|со|"
    # «кроме тех, кто в чёрном списке», «кроме тех, которые заблокированы»: the relative clause of the rows
    r"without|без|кто|которые|которых|у\s+кого)\b",
    re.IGNORECASE,
)
# Where a clause ends: the scope of "skip rows where ..." and of "remove rows where ...".
CLAUSE_END = re.compile(r"[,;!?\n]|\.(?!\d)")
# Markers of a restatement: the words after one explain the words before («то есть», «т.е.», «а именно»,
# «иначе говоря», "i.e.", "that is", "namely", "meaning"); "that is" only after a comma, dash or bracket,
# so "orders that is paid" is no marker.
RESTATEMENT = re.compile(
    r"(?<!\w)(?:то\s+есть|т\.\s?е\.?|а\s+именно|иначе\s+говоря|i\.\s?e\.?|namely|"
    r"(?<=[,(\u2014\u2013-])\s*(?:that\s+is|meaning)(?=[\s,:]))(?!\w)"
    # «только закрытые — status = 'closed'»: a dash right before a written condition explains the words
    r"|(?<=\s)[\u2014\u2013](?=\s*[A-Za-z_][A-Za-z0-9_]*\s*(?:=|<>|!=|[<>]=?)\s*\S)"
)
# "rows without amount", "пропускать платежи без суммы": rows missing a value, not a column left out.
ROWS_WITHOUT = re.compile(
    r"\b(?:rows?|records?|entries|ones|those|строк\w*|запис\w*|тех|те|(?:"
    + NEGATING_VERBS
    + r")\s+[a-zа-яё_]+)"
    r"\s+(?P<prep>without|без)\s+",
    re.IGNORECASE,
)
# «без даты увольнения», "without an expulsion date", "with no firing date": rows whose date is empty, never a
# column left out (that is «без колонки/поля X»); `date` spans the words that name the date column.
ROWS_WITHOUT_DATE = re.compile(
    r"\b(?:без|without|with\s+no|no)\s+(?:(?:a|an|the|any)\s+)?"
    r"(?P<date>дат[ыа]\s+[а-яё]+|[a-z]+\s+date)\b",
    re.IGNORECASE,
)
# "airports that are hubs", «аэропорты, которые являются хабами», «являющиеся хабами»: a relative clause with
# a copula says which rows; when no rule reads a condition in it, it is asked (planner59: the clause vanished
# and every row was loaded). `word` is the predicate's first word.
COPULA_CLAUSE = re.compile(
    r"\b(?:that|which|who)\s+(?:are|is)\s+(?:(?:a|an|the)\s+)?(?P<word>[a-z][\w-]*)"
    r"|(?<![\w-])(?:котор[а-яё]+\s+явля[а-яё]+|являющ[а-яё]+)\s+(?P<ru>[а-яё][\w-]*)",
    re.IGNORECASE,
)
# «без колонки email и без даты рождения», "without the email column and without a birth date": a column list
# left out, joined by «и»/"and", that the next «без»/"without" continues (planner59: read as rows with no
# birth date, a confident wrong plan). Matched against the text before that next «без».
COLUMN_LIST_CONTINUED = re.compile(
    r"\b(?:без|without)\s+(?:(?:a|an|the)\s+)?(?:(?:колонк|столбц|пол)[а-яё]*|columns?|fields?)\s+"
    r"[\w.]+(?:\s+(?:columns?|fields?))?(?:\s*,\s*[\w.]+)*\s*,?\s*(?:и|and)\s+$",
    re.IGNORECASE,
)


def continues_column_list(text: str, start: int) -> bool:
    """The «без»/"without" at `start` continues a list of columns left out («без колонки X и без Y»)."""
    return bool(COLUMN_LIST_CONTINUED.search(text[max(0, start - 120) : start]))


# «первые 5 колонок», «только первые три поля», "the first 5 columns", "last two fields": columns by their
# position; the spec names columns, and which come "first" depends on an order the user may not see as the
# catalog does, so these are asked, never guessed and never dropped. `count` must be a number (the
# caller checks): "first name field" is a column's name.
COLUMNS_BY_POSITION = re.compile(
    r"\b(?:перв\w+|последн\w+|first|last|top)\s+(?:(?P<count>[\w-]+)\s+)?"
    r"(?:колон\w*|столб\w*|пол(?:е|я|ей|ям)|columns?|fields?)\b",
    re.IGNORECASE,
)
# Words right before a status word, a value or a place that turn it around: "без отменённых", "except
# cancelled", "without test rows", "убрать тестовые строки", "not from Berlin".
NEGATORS = {
    "без", "кроме", "except", "excluding", "not", "не", "non", "исключая", "исключением", "минус", "without",
    "skip", "exclude", "omit", "ignore", "remove", "drop", "delete", "убрать", "убери", "уберите", "удалить",
    "удали", "удалите", "исключить", "исключи", "исключите", "пропускать", "пропустить", "выкинуть",
    "нет",  # «по которым нет пролонгации»: the rows without the state the noun names
}  # fmt: skip
# "за последние 7 дней", "last 24 hours", "за последнюю неделю": a rolling window of whole units.
LAST_N = re.compile(
    r"\b(?:(?:for|from|over|in|during|within)\s+)?(?:the\s+)?(?P<en>last|past|trailing)\s+"
    # "twenty four hours", «двадцать четыре часа»: a tens word and a unit numeral are one count (planner122)
    # "one hundred and eighty days", "a hundred twenty days": a hundreds part may lead the count (marts101)
    r"(?:(?P<n>\d{1,4}|(?:(?:a|one|two|three|four|five|six|seven|eight|nine)\s+hundred\s+(?:and\s+)?)?"
    r"[a-z]+(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?)\s+)?"
    r"(?P<unit>minutes?|hours?|days?|weeks?|months?)\b(?!\s+of\b)"
    r"|(?:\bза\s+)?\bпоследн\w*\s+"
    # «сто восемьдесят дней», «двести сорок пять дней»: a hundreds word may lead the tens, the unit (marts101)
    r"(?:(?P<n_ru>\d{1,4}|(?:(?:сто|двести|триста|четыреста|пятьсот|шестьсот|семьсот|восемьсот|девятьсот)\s+)?"
    r"[а-я]+(?:\s+(?:один|одну|одна|два|две|три|четыре|пять|шесть|семь|восемь|девять))?)\s+)?"
    r"(?P<unit_ru>минут\w*|час\w*|дн\w*|день|сут\w*|недел\w*|месяц\w*)"
    r"(?!\s+(?:месяц\w*|недел\w*|год\w*|квартал\w*))"
    # «за двое суток», «за три дня»: a count in words as in digits (planner118)
    r"|\bза\s+(?P<n_za>\d{1,4}|двое|трое|четверо|пятеро|два|две|три|четыре|пять|шесть|семь|десять)"
    r"\s+(?P<unit_za>минут\w*|час\w*|дн\w*|день|сут\w*|недел\w*|месяц\w*)"
    # «заказы за сутки», «за неделю»: one whole unit, as «за последние сутки» (planner52); never «за час до …»
    # (a time before an event); «за месяц», «за день» stay unread: «расчётка за месяц» is the payslip's period
    r"|\bза\s+(?P<unit_one>час|сутки|неделю)\b(?!\s+до\b)",
    re.IGNORECASE,
)
# «заказы за месяц», «за день» with no «последний»: a window or the rows' own period («расчётка за месяц» on a
# table with a period column)? Never read as a window; asked on a table with no period column (planner55)
UNIT_SPAN_RU = re.compile(r"\bза\s+(?:месяц|день)\b(?!\s+до\b)", re.IGNORECASE)
PERIOD_PARTS = frozenset({"period", "month"})
WINDOW_UNITS = (
    (re.compile(r"^(minute|min|минут)", re.I), "minute"),
    (re.compile(r"^(hour|час)", re.I), "hour"),
    (re.compile(r"^(day|дн|день|сут)", re.I), "day"),
    (re.compile(r"^(week|недел)", re.I), "week"),
    (re.compile(r"^(month|месяц)", re.I), "month"),
)
# «за сутки», «за прошлый квартал», «за весь период»: a span of time after «за», never the reason a row was
# made («штрафы за курение»; planner50)
SPAN_NOUN_RU = re.compile(r"^(минут|час|дн|день|сут|недел|месяц|год|лет|квартал|полугоди|период|время|сезон)")
# «больше 3 недель», "over 2 months", «свыше 1 года»: a calendar unit right after a compared number (the
# filters convert it to the unit the compared column counts, or ask; planner38)
CALENDAR_UNIT_AFTER = re.compile(
    r"\s*+(?P<unit>дн(?:ей|я|и)|день|сут(?:ки|ок)|недел\w*|месяц\w*|год\w*|лет|days?|weeks?|months?|years?)"
    r"(?![a-zа-яё])",
    re.IGNORECASE,
)
# "last week" / "прошлый месяц" may be the calendar week or the last 7 days: asked, not guessed.
CALENDAR_UNITS = {"week", "month"}
DAY_WINDOW = re.compile(
    r"\b(?:(?P<yesterday>yesterday|вчера|вчерашн\w*|(?:the\s+)?previous\s+day|"
    r"предыдущ\w*\s+(?:день|дня|сутки|суток))|(?P<today>today|сегодня|сегодняшн\w*))\b",
    re.IGNORECASE,
)
# "starting today", "начиная с сегодня": when the pipeline starts, not which rows it loads.
STARTING_BEFORE = re.compile(
    r"\b(starting|start|beginning|начиная(?:\s+(?:с|со))?|с|со)(?:\s+from)?\s*$", re.IGNORECASE
)
# Words between a time column and its window ("created in the last 7 days", "updated since yesterday").
WINDOW_PREPOSITIONS = {
    "in", "within", "during", "for", "over", "since", "after", "from", "the", "за", "с", "после",
}  # fmt: skip
# "updated since yesterday": every row from the start of that day on, with no end.
SINCE_BEFORE = re.compile(r"\b(since|after|from\s+the\s+start\s+of|после)\s*$", re.IGNORECASE)
UNTIL_BEFORE = re.compile(r"\b(until|till|before|up\s+to|до|по)\s*$", re.IGNORECASE)
# Time phrases the planner does not turn into a window; with any of them it asks.
WINDOW_HINTS = re.compile(
    r"\b((?:last|past|previous|recent|trailing)\s+(?:\d+|few|several|couple)\b|previous\s+(?:week|month|year)|"
    r"last\s+(?:week|month|year)|this\s+(?:week|month|year)|(?:for|over)\s+the\s+(?:week|month)\b|прошл\w+\s+(?:день|недел\w*|месяц\w*|год\w*)|"
    r"за\s+(?:эт\w+|текущ\w+|несколько|пару)\b|последн\w*\s+(?:несколько|пару))",
    re.IGNORECASE,
)

# --- column exclusions -----------------------------------------------------------------------

# Words that leave columns out of a load: "drop the email column", "без колонок phone и snils".
# Russian verbs only, not their nouns: "обновления и удаления" are change events (CDC), not an order.
RU_EXCLUDE_VERBS = (
    r"убра(?:ть|в)|убер(?:и|ите|ем)|убира(?:ть|я|ем|йте)|удал(?:ить|и|ите|ять|яя|ив|яем)|"
    r"исключ(?:ить|и|ите|ать|ая|ив|аем)|выкин(?:уть|ь|ьте)|выкидыва(?:ть|я)|выброс(?:ить|ь|ьте)"
)
EXCLUDE = re.compile(
    r"\b(drop|dropping|remove|removing|delete|exclude|excluding|without|skip|skipping|omit|omitting|"
    r"leave\s+out|except(?:\s+for)?|but\s+not|(?:don'?t|do\s+not)\s+(?:load|include|copy|need|want|send)|"
    r"(?:is\s+|are\s+)?not\s+(?:needed|required|wanted)|no\s+need\s+for|(?<!with\s)(?<!having\s)no(?!-)|без|кроме|за\s+исключением|"
    + RU_EXCLUDE_VERBS
    + r"|"
    r"не\s+(?:нужн\w*|нужен|надо|грузи\w*|загружа\w*|выгружа\w*|переноси\w*|включа\w*|бери\w*|брать|"
    r"тащи\w*|тащат|тяну\w*|тянуть|копирова\w*|передава\w*|отдава\w*|перелива\w*|"
    r"выводи\w*|отправля\w*|сохраня\w*))\b",
    re.IGNORECASE,
)
# ("no" is never the first part of a code such as "no-show": planner128)
# Prepositions among those words: they never come after the columns ("email без" means nothing).
EXCLUDE_PREPOSITIONS = re.compile(
    r"^(without|excluding|except(\s+for)?|but\s+not|no|без|кроме|за\s+исключением)$", re.IGNORECASE
)
# Destructive verbs that, in a load request, may name columns or rows to leave out of the load rather
# than data to destroy ("drop the email column", "remove rows where status is test").
LEAVE_OUT_VERBS = re.compile(r"^(drop|remove|delete|удал(?:ить|и|ите|ять|яя|ив|яем))$", re.IGNORECASE)
# What such a verb removes when it means rows not to load: rows with a condition ("rows where ...",
# "строки, где ...") or rows named by a status word ("test rows", "тестовые записи").
ROWS_OBJECT = re.compile(
    r"\W+(?:(?:the|all|any|все)\s+)?(?:(?P<word>[a-zа-яё]+)\s+)?(?:" + ROW_NOUNS + r")\b"
    r"(?P<condition>\s*,?\s*(?:where|with|without|whose|that|which|having|if|when|где|у\s+которых|"
    r"в\s+которых|с|со|без|когда)\b)?",
    re.IGNORECASE,
)
COLUMN_NOUN = re.compile(r"^(columns?|fields?|attributes?|колон\w*|столб\w*|пол[еяй]\w*)$", re.IGNORECASE)
# Generic words around a column word that belong to it: "phone numbers", "номера телефонов", "email address".
COLUMN_NOUN_PARTS = GENERIC_PARTS | {stem("address"), stem("адрес")}
QUANTIFIERS = {"all", "any", "все", "всех"}
# English nouns for "everything a database holds" after a modifier: "hotel data" of the hotel database
DATA_WORDS = {"data", "dataset", "datasets", "данные", "данных"}
# Vaguer nouns for the same after the database's own word: "the hotel stuff" is everything, no one table;
# after a phrase of two words ("the movie theater stuff") or a Russian adjective («библиотечное барахло») too
VAGUE_DATA_WORDS = {"stuff", "things", "барахло", "барахла", "хлам", "хлама"}
# Words a list of columns is joined with ("the email and phone columns", "телефон и почту").
LIST_JOINERS = {"the", "a", "an", "and", "or", "и", "или", "also", "также", "its", "their", "его", "их", "s"}
# Words that may follow a list of columns and end it ("without email to ClickHouse daily").
CLAUSE_WORDS = (STOP_WORDS | TO_WORDS | FROM_WORDS | {
    "but", "then", "when", "while", "before", "after", "so", "please", "а", "но", "затем", "потом",
    "пожалуйста", "nightly", "weekly", "monthly", "ежечасно", "еженедельно", "ежемесячно", "раз", "once",
    "twice", "каждое", "каждой", "every", "evry", "with", "and",
}) - {
    "table", "tables", "таблицу", "таблицы", "таблица", "schema", "схема", "схемы", "database", "db", "базы",
    "база", "базу", "data", "данные", "данных", "rows", "records",
}  # fmt: skip
# Words after "from"/"из" that name where the source data lives ("delete email from the source table").
SOURCE_PLACES = {
    "source", "источник", "источника", "источнике", "table", "таблицы", "таблице", "database", "db", "базы",
    "базе", "бд", "schema", "схемы", "прода", "production", "prod",
}  # fmt: skip
# Words after "in"/"в" that name where the loaded data goes ("delete rows ... in the target").
TARGET_PLACES = {"target", "destination", "цели", "приемник", "приемнике", "приемника"}
# Key lists after an upsert cue: "upsert by product and warehouse", "по ключу product_id, warehouse".
# Words right after a column word that are not its value ("по региону ежедневно").
VALUE_NOISE = {
    "ежедневно", "ежечасно", "еженедельно", "каждый", "каждые", "каждую", "every", "daily", "hourly",
    "weekly", "monthly", "грузить", "выгружать", "переносить", "загружать",
    "который", "которые", "которых", "которым", "которая", "которое", "которой", "которую", "которого",
    "ones",  # "except rejected ones": the pronoun of the rows after a state word, never a value
}  # fmt: skip
UNSUPPORTED_TARGET = (
    "Loading into S3 or Excel is not supported by this version yet; "
    "which ClickHouse or PostgreSQL connection should the data go to?"
)

# --- file and change-stream sources ----------------------------------------------------------

S3_PATH = re.compile(r"\bs3a?://[a-z0-9][a-z0-9.\-]*(?:/[^\s,;'\"«»()]*)?", re.IGNORECASE)
# A path starts where its run of path characters starts (a drive letter may follow a "-" or "\"):
# an attempt from inside the run ("a-a-a-...") would rescan it, quadratic in its length.
EXCEL_PATH = re.compile(
    r"(?<![\w/.])(?:(?<![\\\-])|(?=[a-z]:))(?:[a-z]:)?[\w./\\\-]*\.xlsx?\b", re.IGNORECASE
)
SHEET = re.compile(
    r"\b(?:sheet|worksheet|tab|лист\w*)\b\s*[:=]?\s*(?:[«\"']([^»\"']+)[»\"']|([^\s,;()«»\"']+))", re.I
)
FILE_FORMATS = (
    (re.compile(r"\bparquets?\b|\.parquet\b|паркет", re.I), "parquet"),  # "parquets": the plural
    # «json-файлы», "json files", «джейсоны», .json: JSON records, read as JSON lines
    (
        re.compile(r"\b(jsonl|ndjson|json\s*lines|json)\b|\.jsonl?\b|\.ndjson\b|джейсон\w*|json\w*", re.I),
        "jsonl",
    ),
    (re.compile(r"\bcsvs?\b|\.csv\b|цсв", re.I), "csv"),  # "parcel CSVs"
    # tab-separated files: FilesToClickHouseOperator reads them as TSVWithNames
    (re.compile(r"\btsvs?\b|\.tsv\b|\btab[- ]separated\b|разделител\w*[- ]табуляци\w*", re.I), "tsv"),
)
