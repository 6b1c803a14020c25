# ruff: noqa: E501 - a catalog of whole sentences reads best one entry per line
"""Russian forms of the English messages the assistant's server side produces: planner questions and
refusals, validation gate findings, deploy and rollback errors.

The planner and the gates write English (their tests and the CLI compare it); a Russian page shows
them through :func:`translate`. Each entry is an anchored regular expression over the whole English
message and a Russian template; named groups (identifiers, lists, cron strings, values quoted from
the request) are copied into the template unchanged. A message without an entry stays English, so
an entry must be added here whenever a planner or gate message is added (tests/ui/test_russian.py
fails on English text in a Russian page).
"""

from __future__ import annotations

import re

# (English pattern, Russian template). Patterns are matched with re.fullmatch and re.DOTALL.
_RU: list[tuple[str, str]] = [
    # --- planner questions (planning/offline.py, planning/filters.py)
    (
        r"Which column of (?P<t>\S+) should the check «(?P<q>.*)» look at\? Columns: (?P<cols>.*)\.",
        "На какую колонку {t} смотреть проверке «{q}»? Колонки: {cols}.",
    ),
    (
        r"Which column should the check «(?P<q>.*)» look at\?",
        "На какую колонку смотреть проверке «{q}»?",
    ),
    (
        r"Columns (?P<c>.+) look like personal data — mask them\?",
        "В колонках {c} похоже персональные данные — маскировать?",
    ),
    (
        r"There is no table (?P<t>.+?)\. Tables I can see — (?P<list>.*)\.",
        "Таблицы {t} нет. Таблицы, которые я вижу: {list}.",
    ),
    (
        r"Which table should be loaded\? Tables I can see — (?P<list>.*)\.",
        "Какую таблицу загружать? Таблицы, которые я вижу: {list}.",
    ),
    (r"Which table should be loaded, and where to\?", "Какую таблицу загружать и куда?"),
    (
        r"I could not read the tables of (?P<c>.+?) \((?P<why>.*)\)\. Which table\?",
        "Не удалось прочитать таблицы {c} ({why}). Какую таблицу загружать?",
    ),
    (
        r"Which table should be loaded from (?P<c>\S+): (?P<list>.*)\? One pipeline loads one table\.",
        "Какую таблицу загружать из {c}: {list}? Один пайплайн загружает одну таблицу.",
    ),
    (
        r"Several PostgreSQL connections have this table: (?P<list>.*)\. Which one is the source\?",
        "Такая таблица есть в нескольких подключениях PostgreSQL: {list}. Какое из них источник?",
    ),
    (
        r"There is no PostgreSQL connection to read from\. Which connection should I use\?",
        "Нет подключения PostgreSQL, из которого можно читать. Какое подключение использовать?",
    ),
    (
        r"There is no (?P<l>\S+) connection to load into\. Which connection should be the target\?",
        "Нет подключения {l} для загрузки. Какое подключение сделать приёмником?",
    ),
    (
        r"Which (?P<l>\S+) connection should the data go to: (?P<ids>.*)\?",
        "В какое подключение {l} загружать данные: {ids}?",
    ),
    (
        r"Which connection is (?P<raw>.+?)\? No connection, engine or table has that name; connections: (?P<ids>.*)\.",
        "Что за подключение {raw}? Нет ни подключения, ни СУБД, ни таблицы с таким именем; подключения: {ids}.",
    ),
    (
        r"Which time zone is (?P<z>\S+)\? Name it, e\.g\. (?P<ex>.*)\.",
        "Какой часовой пояс означает {z}? Укажите его имя, например {ex}.",
    ),
    (
        r"How often should it run\? For example: 'daily at 2 AM', 'every hour' or 'manually'\.",
        "Как часто запускать? Например: «ежедневно в 2 часа ночи», «каждый час» или «вручную».",
    ),
    (
        r"Which key columns identify a row of (?P<t>.+?) for the upsert\?",
        "Какие ключевые колонки определяют строку {t} для upsert?",
    ),
    (
        r"Which key columns identify a row of the file for the upsert\?",
        "Какие ключевые колонки определяют строку файла для upsert?",
    ),
    (
        r"Which column marks new rows of (?P<t>\S+) \(candidates: (?P<list>.*)\)\?",
        "По какой колонке определять новые строки {t} (варианты: {list})?",
    ),
    (
        r"Leaving out (?P<c>.+?) leaves no column of (?P<t>\S+) to load; which then\?",
        "Без {c} в {t} не остаётся колонок для загрузки; какие же загружать?",
    ),
    (
        r"Which table should the file data be loaded into \(for example 'в таблицу sales_raw'\)\?",
        "В какую таблицу загружать данные файла (например, «в таблицу sales_raw»)?",
    ),
    (
        r"Which S3 connection should read the files: (?P<ids>.*)\?",
        "Через какое подключение S3 читать файлы: {ids}?",
    ),
    (
        r"Which S3 path should be read \(for example s3://bucket/prefix/\)\?",
        "Какой путь S3 читать (например, s3://bucket/prefix/)?",
    ),
    (
        r"Which Excel file \(path to the \.xlsx\) and sheet should be read\?",
        "Какой файл Excel (путь к .xlsx) и какой лист читать?",
    ),
    (
        r"Which format are the files at (?P<p>\S+): CSV, TSV, Parquet or JSONL\?",
        "В каком формате файлы в {p}: CSV, TSV, Parquet или JSONL?",
    ),
    (
        r"Which rows of (?P<t>\S+) should be loaded\? I read the filter '(?P<w>.*)', but the request also says what is not wanted\.",
        "Какие строки {t} загружать? Я понял фильтр «{w}», но в запросе сказано и о том, что не нужно.",
    ),
    (
        r"Which rows of (?P<t>\S+) should be skipped\? I read '(?P<w>.*)' but could not turn it into a filter of the rows to keep\.",
        "Какие строки {t} пропускать? Я понял «{w}», но не смог превратить это в фильтр оставляемых строк.",
    ),
    (
        r"Which (?P<c>\S+) of (?P<t>\S+) do you mean by (?P<w>.+?)(?:: (?P<opts>.+?))?\? Write the name as it is stored, for example (?P<ex>.*)\.",
        "Какое значение {c} в {t} имеется в виду под {w}{opts_ru}? Напишите его так, как оно хранится, например {ex}.",
    ),
    (
        r"Which column of (?P<t>\S+) should equal (?P<v>.+?)(?P<ex> \(.*\))?\?",
        "Какая колонка {t} должна быть равна {v}{ex}?",
    ),
    (
        r"Which column of (?P<t>\S+) should equal (?P<v>.+?): (?P<cols>.*)\?",
        "Какая колонка {t} должна быть равна {v}: {cols}?",
    ),
    (
        r"There is no (?P<n>.+?) connection; the assistant reads PostgreSQL tables \(and their change streams\), S3 files and Excel workbooks and loads into ClickHouse or PostgreSQL\. Connection types available: (?P<k>.*)\.",
        "Подключения {n} нет; ассистент читает таблицы PostgreSQL (и их потоки изменений), файлы S3 и книги Excel и загружает в ClickHouse или PostgreSQL. Доступные типы подключений: {k}.",
    ),
    (
        r"Which columns of (?P<t>\S+) should be masked\? Columns: (?P<cols>.*)\.",
        "Какие колонки {t} маскировать? Колонки: {cols}.",
    ),
    (
        r"(?P<t>\S+) has no column (?P<c>'[^']*')\. Which columns of (?P<t2>\S+) should be masked\? Columns: (?P<cols>.*)\.",
        "В {t} нет колонки {c}. Какие колонки {t2} маскировать? Колонки: {cols}.",
    ),
    (
        r"(?P<t>\S+) has no column (?P<c>'[^']*'); columns: (?P<cols>.*)\.",
        "В {t} нет колонки {c}; колонки: {cols}.",
    ),
    (
        r"(?P<t>\S+) has no column (?P<c>'[^']*'); columns: (?P<cols>.*)\. Which columns identify a duplicate\?",
        "В {t} нет колонки {c}; колонки: {cols}. По каким колонкам искать дубликаты?",
    ),
    (
        r"(?P<t>\S+) has no column (?P<c>'[^']*') to leave out; columns: (?P<cols>.*)\.",
        "В {t} нет колонки {c}, которую можно исключить; колонки: {cols}.",
    ),
    (
        r"(?P<t>\S+) has no column (?P<c>'[^']*') to filter on \((?P<w>[^)]*)\); columns: (?P<cols>.*)\.",
        "В {t} нет колонки {c} для фильтра ({w}); колонки: {cols}.",
    ),
    (
        r"I could not turn (?P<w>'[^']*') into a time window\. Which rows of (?P<t>\S+) should each run load, for example (?P<ex>.*)\?",
        "Не удалось превратить {w} в интервал времени. Какие строки {t} загружать при каждом запуске, например {ex}?",
    ),
    (
        r"(?P<c>\S+) is both masked and left out of the load; load it masked, or leave it out\?",
        "{c} и замаскирована, и исключена из загрузки; загрузить её замаскированной или исключить?",
    ),
    (
        r"(?P<t>\S+) has no city, region or country column to filter by (?P<w>'[^']*'); which rows should be loaded\? Columns: (?P<cols>.*)\.",
        "В {t} нет колонки города, региона или страны для фильтра {w}; какие строки загружать? Колонки: {cols}.",
    ),
    (
        r"I can filter (?P<t>\S+) by one (?P<c>\S+); which one do you mean by (?P<w>'[^']*') and the places after it\?",
        "Фильтр по {t} принимает одно значение ({c}); какое имеется в виду под {w} и следующими местами?",
    ),
    (
        r"The request names (?P<w>'[^']*') and another condition on (?P<c>\S+); which should the rows meet\?",
        "В запросе есть {w} и ещё одно условие на {c}; какому из них должны отвечать строки?",
    ),
    (
        r"What is (?P<v>'[^']*') in (?P<p>'[^']*')\? If it is a (?P<c>\S+) of (?P<t>\S+), write it as stored \(for example (?P<ex>.*)\); if it is a connection or a table, name it as the catalog does\.",
        "Что такое {v} в {p}? Если это значение {c} в {t}, напишите его так, как оно хранится (например, {ex}); если это подключение или таблица, назовите их так, как в каталоге.",
    ),
    # --- mart questions (marts/resolve.py): a Russian mart request is asked in Russian (planner26)
    (
        r"column (?P<c>'[^']*') not found in (?P<t>\S+) or the tables it joins; did you mean (?P<list>.*)\?",
        "колонка {c} не найдена ни в {t}, ни в присоединённых таблицах; может быть, {list}?",
    ),
    (
        r"column (?P<c>'[^']*') not found in (?P<t>\S+) or the tables it joins; columns: (?P<list>.*)",
        "колонка {c} не найдена ни в {t}, ни в присоединённых таблицах; колонки: {list}",
    ),
    (
        r"column (?P<c>'[^']*') not found in (?P<t>\S+); did you mean (?P<list>.*)\?",
        "колонка {c} не найдена в {t}; может быть, {list}?",
    ),
    (
        r"column (?P<c>'[^']*') not found in (?P<t>\S+); columns: (?P<list>.*)",
        "колонка {c} не найдена в {t}; колонки: {list}",
    ),
    (
        r"table (?P<t>'[^']*') not found in (?P<c>\S+); did you mean (?P<list>.*)\?",
        "таблица {t} не найдена в {c}; может быть, {list}?",
    ),
    (
        r"(?P<why>.+?): (?P<a>\S+) refers to (?P<b>.+?) \((?P<l>[^)]*)\), so joining it would repeat each (?P<f>\S+) row once per (?P<a2>\S+) row and count it several times; make (?P<a3>\S+) the fact table instead",
        "{why_ru}: {a} ссылается на {b} ({l}), поэтому присоединение повторит каждую строку {f} по разу на каждую строку {a2} и посчитает её несколько раз; сделайте {a3} таблицей фактов",
    ),
    (
        r"(?P<why>.+?): no relation leads from (?P<f>\S+) to (?P<a>\S+); name the join columns \(joins: (?P<hint>.*)\)",
        "{why_ru}: нет связи от {f} к {a}; укажите колонки соединения (joins: {hint})",
    ),
    (
        r"(?P<t>\S+) is joined twice; a mart joins each table once",
        "{t} присоединена дважды; витрина присоединяет каждую таблицу один раз",
    ),
    (
        r"cannot join (?P<a>\S+) \((?P<ta>[^)]*)\) to (?P<b>\S+) \((?P<tb>[^)]*)\): the types differ",
        "нельзя соединить {a} ({ta}) с {b} ({tb}): типы различаются",
    ),
    (
        r"joining (?P<t>\S+) on (?P<c>.+?) may repeat fact rows: that is not the primary key of (?P<t2>\S+) \((?P<k>[^)]*)\); join on its key",
        "соединение с {t} по {c} может повторить строки фактов: это не первичный ключ {t2} ({k}); соединяйте по ключу",
    ),
    (
        r"(?P<t>\S+) is not joined yet; join it before (?P<r>\S+)",
        "{t} ещё не присоединена; присоедините её до {r}",
    ),
    (
        r"(?P<fn>\w+) of (?P<l>\S+) \((?P<ty>[^)]*)\) has no order",
        "у {fn} по {l} ({ty}) нет порядка значений",
    ),
    (
        r"filter (?P<c>\S+) (?P<op>\S+) (?P<v>'.*'|\S+): (?P<l>\S+) is (?P<ty>.+)",
        "фильтр {c} {op} {v}: {l} имеет тип {ty}",
    ),
    (
        r"dimension (?P<d>\S+): (?P<a>\S+) can be joined to (?P<b>\S+) along (?P<n>\d+) paths: (?P<opts>.*)\. Which one\? \(set joins: (?P<hint>.*)\)",
        "измерение {d}: {a} можно присоединить к {b} по {n} путям{opts_ru}. Какой выбрать? (укажите joins: {hint})",
    ),
    (
        r"(?P<why>.+?): (?P<a>\S+) can be joined to (?P<b>\S+) along (?P<n>\d+) paths: (?P<opts>.*)\. Which one\? \(set joins: (?P<hint>.*)\)",
        "{why}: {a} можно присоединить к {b} по {n} путям{opts_ru}. Какой выбрать? (укажите joins: {hint})",
    ),
    (
        r"column '(?P<c>[^']+)' is in (?P<list>.+); which table's\? \(write table\.(?P<c2>\S+)\)",
        "колонка '{c}' есть в таблицах {list}; какой из них? (напишите таблица.{c2})",
    ),
    (
        r"a (?P<g>\w+) grain needs a date or time column; (?P<l>\S+) is (?P<ty>.+?)\. Which time column: (?P<list>.*)\?",
        "для разбивки по времени ({g}) нужна колонка даты или времени, а {l} имеет тип {ty}. Какую колонку времени взять: {list}?",
    ),
    (
        r"(?P<fn>\w+) needs a numeric column; (?P<l>\S+) is (?P<ty>.+?)\. Which column: (?P<list>.*)\? \(or count / count_distinct of (?P<c>\S+)\)",
        "для {fn} нужна числовая колонка, а {l} имеет тип {ty}. Какую колонку взять: {list}? (или count / count_distinct по {c})",
    ),
    (
        r"(?P<l>\S+) is a date \(no hours\); choose day, week or month",
        "{l} — дата (без часов): выберите день, неделю или месяц",
    ),
    # --- planner refusals (and the request gate, assistant.check_request)
    (
        r"The request is too long: (?P<n>[\d,]+) characters, at most (?P<m>[\d,]+) are allowed \(\[ai_etl\] max_request_chars\)\. Say briefly what to load, from where, to where and when\.",
        "Запрос слишком длинный: {n} символов, допустимо не больше {m} ([ai_etl] max_request_chars). Опишите коротко, что загружать, откуда, куда и когда.",
    ),
    (r"The request must be text, not (?P<t>\S+)\.", "Запрос должен быть текстом, а не {t}."),
    (
        r"The request is empty: describe what to load, from where and when\.",
        "Запрос пуст: опишите, что загружать, откуда и когда.",
    ),
    (
        r"Destructive intent \((?P<w>.+?)\): the assistant only builds pipelines that read a source and load a target; it never drops, deletes or truncates data\.",
        "Разрушающее действие ({w}): ассистент только строит пайплайны, которые читают источник и загружают приёмник; "
        "он никогда не удаляет и не очищает данные.",
    ),
    (
        r"The request carries code or SQL statements; describe the pipeline in words instead\.",
        "В запросе есть код или SQL-операторы; опишите пайплайн словами.",
    ),
    (
        r"This does not look like a data pipeline request\. Example: 'Load sales from PostgreSQL to ClickHouse daily at 2 AM'\.",
        "Это не похоже на запрос о пайплайне данных. Пример: «Загружать продажи из PostgreSQL в ClickHouse ежедневно в 2 часа ночи».",
    ),
    (
        r"There is no (?P<n>.+?) connection the assistant can read from; connection types available: (?P<k>.*)\.",
        "Нет подключения {n}, из которого ассистент может читать; доступные типы подключений: {k}.",
    ),
    (r"internal planner error: (?P<e>.*)", "внутренняя ошибка планировщика: {e}"),
    # --- validation gates (validation.py, spec.py)
    (
        r"'(?P<c>[^']*)': the (?P<f>minute|hour|day-of-month|month|day-of-week) field \((?P<v>[^)]*)\) is out of range (?P<r>\S+)",
        "«{c}»: значение {v} в поле «{f_ru}» вне диапазона {r}",
    ),
    (
        r"Value error, '(?P<c>[^']*)' is not a 5-field cron expression or a preset",
        "«{c}» — не cron-выражение из 5 полей и не пресет",
    ),
    (
        r"'(?P<c>[^']*)' is not a preset \((?P<p>[^)]*)\) or a cron expression of 5 fields separated by single spaces",
        "«{c}» — не пресет ({p}) и не cron-выражение из 5 полей, разделённых одиночными пробелами",
    ),
    (
        r"'(?P<c>[^']*)' has a field out of range \(minute 0-59, hour 0-23, day 1-31, \.\.\.\)",
        "в «{c}» поле вне диапазона (минуты 0-59, часы 0-23, день 1-31, ...)",
    ),
    (r"Value error, '(?P<z>[^']*)' is not an IANA time zone", "«{z}» — не часовой пояс IANA"),
    (r"mode upsert needs keys", "для режима upsert нужны ключевые колонки"),
    (r"a (?P<t>sql|cdc) source needs conn_id", "источнику {t} нужно подключение (conn_id)"),
    (
        r"a sql source needs exactly one of table or query",
        "источнику sql нужна ровно одна из двух: таблица или запрос",
    ),
    (r"a cdc source needs table", "источнику cdc нужна таблица"),
    (r"a (?P<t>\S+) source needs path", "источнику {t} нужен путь (path)"),
    (r"a (?P<t>\S+) target needs conn_id and table", "приёмнику {t} нужны подключение и таблица"),
    (r"a (?P<t>\S+) target needs path", "приёмнику {t} нужен путь (path)"),
    (r"(?P<n>'[^']*') is not a plain column name", "{n} — не простое имя колонки"),
    (
        r"(?P<n>'[^']*') is not a table name \(expected name or schema\.name\)",
        "{n} — не имя таблицы (ожидается name или schema.name)",
    ),
    (r"at most (?P<m>\d+) characters allowed, got (?P<n>\d+)", "допустимо не больше {m} символов, а их {n}"),
    (
        r"character (?P<c>'.*?'|\".*?\") at position (?P<n>\d+) is not allowed here",
        "символ {c} в позиции {n} здесь недопустим",
    ),
    (
        r"(?P<v>'[^']*') is not a column or toYYYYMM\(column\)-like expression",
        "{v} — не колонка и не выражение вида toYYYYMM(column)",
    ),
    (r"(?P<v>'[^']*'): a sheet name may not contain (?P<c>.*)", "{v}: имя листа не может содержать {c}"),
    (r"(?P<v>'[^']*') is not a type name", "{v} — не имя типа"),
    (r"a (?P<t>\S+) source has no mart", "у источника {t} нет витрины (mart)"),
    (
        r"a mart source needs conn_id, table \(the fact table\) and mart",
        "источнику mart нужны подключение, таблица (таблица фактов) и описание витрины",
    ),
    (r"String should have at most (?P<n>\d+) characters?", "Строка должна быть не длиннее {n} символов"),
    (r"String should have at least (?P<n>\d+) characters?", "Строка должна быть не короче {n} символов"),
    (
        r"List should have at least (?P<n>\d+) items? after validation, not (?P<m>\d+)",
        "В списке должно быть не меньше {n} элементов, а их {m}",
    ),
    (r"Input should be greater than or equal to (?P<n>\S+)", "Значение должно быть не меньше {n}"),
    (r"Input should be less than or equal to (?P<n>\S+)", "Значение должно быть не больше {n}"),
    (r"Field required", "Обязательное поле"),
    (r"Extra inputs are not permitted", "Лишнее поле"),
    (r"Input should be a valid string", "Нужна строка"),
    (r"Input should be a valid integer.*", "Нужно целое число"),
    (r"Input should be a valid boolean.*", "Нужно логическое значение"),
    (r"Input should be a valid list", "Нужен список"),
    (r"Input should be (?P<x>'.*)", "Допустимые значения: {x}"),
    (r"String should match pattern '(?P<p>.*)'", "Строка должна соответствовать шаблону «{p}»"),
    (r"connection (?P<c>'[^']*') does not exist", "подключения {c} не существует"),
    (
        r"connection (?P<c>'[^']*') is of type (?P<t>'[^']*'), not (?P<e>\S+)",
        "подключение {c} имеет тип {t}, а не {e}",
    ),
    (r"cannot read tables of (?P<c>\S+): (?P<e>.*)", "не удалось прочитать таблицы {c}: {e}"),
    (
        r"table (?P<t>'[^']*') not found in (?P<c>\S+); tables: (?P<list>.*)",
        "таблица {t} не найдена в {c}; таблицы: {list}",
    ),
    (r"column (?P<c>'[^']*') not found in (?P<t>\S+)", "колонка {c} не найдена в {t}"),
    (
        r"key column (?P<c>'[^']*') is not among the loaded columns",
        "ключевой колонки {c} нет среди загружаемых",
    ),
    (r"S3 connection (?P<c>'[^']*') does not exist", "подключения S3 {c} не существует"),
    (r"S3 bucket (?P<b>'[^']*') does not exist \((?P<c>[^)]*)\)", "бакета S3 {b} не существует ({c})"),
    (r"comments are not allowed in a source query", "комментарии в запросе к источнику запрещены"),
    (r"source query does not parse: (?P<e>.*)", "запрос к источнику не разбирается: {e}"),
    (
        r"source query must be one statement, found (?P<n>\d+)",
        "запрос к источнику должен быть одним оператором, а их {n}",
    ),
    (r"source query must be a read-only SELECT", "запрос к источнику должен быть только читающим SELECT"),
    (r"a condition may not contain ';' or comments", "условие не может содержать «;» или комментарии"),
    (r"condition does not parse: (?P<e>.*)", "условие не разбирается: {e}"),
    (
        r"a condition may only compare columns and values \(no subqueries\)",
        "условие может только сравнивать колонки и значения (без подзапросов)",
    ),
    (r"importing the DAG file took longer than (?P<s>\d+) s", "импорт файла DAG занял больше {s} с"),
    (r"the file defines no DAG named (?P<d>'[^']*')", "в файле нет DAG с именем {d}"),
    (
        r"the DAG's tasks (?P<a>.*) differ from the spec's (?P<b>.*)",
        "задачи DAG {a} отличаются от задач спецификации {b}",
    ),
    # --- deploy and rollback (deploy.py, assistant.py), trigger (web/api.py)
    (r"Airflow has not parsed the DAG yet", "Airflow ещё не разобрал DAG"),
    (r"DAG (?P<d>'[^']*') has never been deployed", "DAG {d} ещё не развёртывался"),
    (r"DAG (?P<d>'[^']*') has no version (?P<v>\d+)", "у DAG {d} нет версии {v}"),
    (
        r"version (?P<v>\d+) of (?P<d>\S+) no longer validates: (?P<why>.*)",
        "версия {v} пайплайна {d} больше не проходит проверку: {why}",
    ),
    (
        r"(?P<p>\S+) was changed outside the AI ETL assistant since v(?P<v>\d+) was deployed; refusing to overwrite those edits\. Use --force to replace it\.",
        "Файл {p} изменён вне ассистента после развёртывания v{v}; эти правки не будут перезаписаны.",
    ),
    (
        r"(?P<p>\S+) already exists and was not deployed by the AI ETL assistant; refusing to overwrite it\. Use --force to replace it\.",
        "Файл {p} уже существует и записан не ассистентом; он не будет перезаписан.",
    ),
    # --- triggers (planning/triggers.py) and the asset / local-folder gates (assets.py, validation.py)
    (
        r"No deployed pipeline loads (?P<names>.+?)\. After which loaded asset should this pipeline run\? No pipeline loads anything yet\.",
        "Ни один развёрнутый пайплайн не загружает {names}. После какого из загружаемых активов запускать? Пока ни один пайплайн ничего не загружает.",
    ),
    (
        r"No deployed pipeline loads (?P<names>.+?)\. After which loaded asset should this pipeline run\? Loaded assets: (?P<list>.*)",
        "Ни один развёрнутый пайплайн не загружает {names}. После какого из загружаемых активов запускать? Загружаемые активы: {list}",
    ),
    (
        r"Several pipelines load (?P<names>.+?)\. Loaded assets: (?P<list>.*)",
        "«{names}» загружают несколько пайплайнов. Загружаемые активы: {list}",
    ),
    (
        r"Start it on new files / after other loads, or on a clock\? One of the two\.",
        "Запускать по появлению новых файлов / после других загрузок или по расписанию? Одно из двух.",
    ),
    (
        r"Which folder or S3 prefix should be watched \(for example (?P<a>\S+) or (?P<b>\S+)\)\?",
        "За какой папкой или префиксом S3 следить (например {a} или {b})?",
    ),
    (r"New files from which folder or S3 prefix\?", "Новые файлы откуда: из какой папки или префикса S3?"),
    (
        r"(?P<p>\S+) is not a readable file or folder under the allowed file roots \((?P<o>[^)]*)\)",
        "{p} — нет такого файла или папки среди разрешённых каталогов ({o})",
    ),
    (
        r"no pipeline loads (?P<u>.+?): which of these should start (?P<d>\S+)\? Assets loaded by pipelines: none yet",
        "ни один пайплайн не загружает {u}: какой актив должен запускать {d}? Пока ни один пайплайн ничего не загружает.",
    ),
    (
        r"no pipeline loads (?P<u>.+?): which of these should start (?P<d>\S+)\? Assets loaded by pipelines: (?P<list>.*)",
        "ни один пайплайн не загружает {u}: какой из этих активов должен запускать {d}? Загружаемые активы: {list}",
    ),
    (
        r"pipelines would start each other in a circle: (?P<c>.*)",
        "пайплайны запускали бы друг друга по кругу: {c}",
    ),
]

_FIELD_RU = {"minute": "минуты", "hour": "часы", "day-of-month": "день месяца", "month": "месяц",
             "day-of-week": "день недели"}  # fmt: skip

_COMPILED = [(re.compile(pattern, re.DOTALL), template) for pattern, template in _RU]
# What a mart resolver question is about (marts/resolve.py `why`): its English lead word -> Russian.
_WHY_RU = [
    (re.compile(r"^dimension "), "измерение "),
    (re.compile(r"^column "), "колонка "),
    (re.compile(r"^filter on "), "фильтр по "),
    (re.compile(r"^time grain on "), "шаг времени по "),
    (re.compile(r"^where "), "условие "),
]


def _why_ru(why: str) -> str:
    """«dimension region» -> «измерение region»: the lead of a resolver question in Russian."""
    for pattern, russian in _WHY_RU:
        if pattern.match(why):
            return pattern.sub(russian, why, count=1)
    return why


def translate(message: str, language: str) -> str:
    """``message`` in ``language`` (only Russian has a catalog); unknown messages are returned as they are.

    Fragments the template names but the message lacks (optional groups) become empty. Pydantic's
    "Value error, " prefix is dropped around a message the catalog knows.
    """
    if language != "ru" or not message:
        return message
    if message.startswith("Value error, "):
        inner = translate(message.removeprefix("Value error, "), language)
        if inner != message.removeprefix("Value error, "):
            return inner
    for pattern, template in _COMPILED:
        match = pattern.fullmatch(message.strip())
        if match is None:
            continue
        fields = {k: v or "" for k, v in match.groupdict().items()}
        fields["f_ru"] = _FIELD_RU.get(fields.get("f", ""), fields.get("f", ""))
        fields["why_ru"] = _why_ru(fields.get("why", ""))
        fields["opts_ru"] = f": {fields['opts'].replace(' or ', ' или ')}" if fields.get("opts") else ""
        return template.format(**fields)
    return message
