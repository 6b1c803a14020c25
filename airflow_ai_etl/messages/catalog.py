# ruff: noqa: E501 - whole sentences read best one per line
"""What the assistant says outside the web menu's labels: planner questions and refusals, the
request gate, deploy and rollback, the CLI's report. ``id -> {"en": ..., "ru": ...}``.

Placeholders are named (``{table}``), may carry a conversion (``{word!r}``), and are the same in
both forms (tests/unit/test_messages.py checks). Values quoted from the request, identifiers and
lists are passed in unchanged; a field that is itself a catalog message is shown in the same
language as the text around it.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- the request gate (assistant.check_request) and the planner's refusals (planning/offline.py)
    "request.not_text": {
        "en": "The request must be text, not {type}.",
        "ru": "Запрос должен быть текстом, а не {type}.",
    },
    "request.empty": {
        "en": "The request is empty: describe what to load, from where and when.",
        "ru": "Запрос пуст: опишите, что загружать, откуда и когда.",
    },
    "request.too_long": {
        "en": "The request is too long: {length:,} characters, at most {limit:,} are allowed ([ai_etl] max_request_chars). Say briefly what to load, from where, to where and when.",
        "ru": "Запрос слишком длинный: {length} символов, допустимо не больше {limit} ([ai_etl] max_request_chars). Опишите коротко, что загружать, откуда, куда и когда.",
    },
    "planner.destructive": {
        "en": "Destructive intent ({words!r}): the assistant only builds pipelines that read a source and load a target; it never drops, deletes or truncates data.",
        "ru": "Разрушающее действие («{words}»): ассистент только строит пайплайны, которые читают источник и загружают приёмник; он никогда не удаляет и не очищает данные.",
    },
    "planner.not_a_pipeline": {
        "en": "This does not look like a data pipeline request. Example: 'Load sales from PostgreSQL to ClickHouse daily at 2 AM'.",
        "ru": "Это не похоже на запрос о пайплайне данных. Пример: «Загружать продажи из PostgreSQL в ClickHouse ежедневно в 2 часа ночи».",
    },
    "planner.code_in_request": {
        "en": "The request carries code or SQL statements; describe the pipeline in words instead.",
        "ru": "В запросе есть код или SQL-операторы; опишите пайплайн словами.",
    },
    "planner.no_source_kind": {
        "en": "There is no {name} connection the assistant can read from; connection types available: {kinds}.",
        "ru": "Нет подключения {name}, из которого ассистент может читать; доступные типы подключений: {kinds}.",
    },
    "planner.unsupported_system": {
        "en": "There is no {name} connection; the assistant reads PostgreSQL tables (and their change streams), S3 files and Excel workbooks and loads into ClickHouse or PostgreSQL. Connection types available: {kinds}.",
        "ru": "Подключения {name} нет; ассистент читает таблицы PostgreSQL (и их потоки изменений), файлы S3 и книги Excel и загружает в ClickHouse или PostgreSQL. Доступные типы подключений: {kinds}.",
    },
    # --- planner questions (planning/offline.py)
    "planner.which_table_and_target": {
        "en": "Which table should be loaded, and where to?",
        "ru": "Какую таблицу загружать и куда?",
    },
    "planner.which_connection": {
        "en": "Which connection is {raw!r}? No connection, engine or table has that name; connections: {ids}.",
        "ru": "Что за подключение «{raw}»? Нет ни подключения, ни СУБД, ни таблицы с таким именем; подключения: {ids}.",
    },
    "planner.no_target_connection": {
        "en": "There is no {label} connection to load into. Which connection should be the target?",
        "ru": "Нет подключения {label} для загрузки. Какое подключение сделать приёмником?",
    },
    "planner.which_target_connection": {
        "en": "Which {label} connection should the data go to: {ids}?",
        "ru": "В какое подключение {label} загружать данные: {ids}?",
    },
    "planner.no_source_connection": {
        "en": "There is no PostgreSQL connection to read from. Which connection should I use?",
        "ru": "Нет подключения PostgreSQL, из которого можно читать. Какое подключение использовать?",
    },
    "planner.which_table_of": {
        "en": "Which table should be loaded from {conn_id}: {tables}? One pipeline loads one table.",
        "ru": "Какую таблицу загружать из {conn_id}: {tables}? Один пайплайн загружает одну таблицу.",
    },
    "planner.unreadable_tables": {
        "en": "I could not read the tables of {conn_ids} ({reasons}). Which table?",
        "ru": "Не удалось прочитать таблицы {conn_ids} ({reasons}). Какую таблицу загружать?",
    },
    "planner.which_table": {
        "en": "Which table should be loaded? Tables I can see — {tables}.",
        "ru": "Какую таблицу загружать? Таблицы, которые я вижу: {tables}.",
    },
    "planner.no_such_table": {
        "en": "There is no table {table!r}. Tables I can see — {tables}.",
        "ru": "Таблицы «{table}» нет. Таблицы, которые я вижу: {tables}.",
    },
    "planner.which_timezone": {
        "en": "Which time zone is {zone}? Name it, e.g. {examples}.",
        "ru": "Какой часовой пояс означает {zone}? Укажите его имя, например {examples}.",
    },
    "planner.how_often": {
        "en": "How often should it run? For example: 'daily at 2 AM', 'every hour' or 'manually'.",
        "ru": "Как часто запускать? Например: «ежедневно в 2 часа ночи», «каждый час» или «вручную».",
    },
    # An interval no single cron runs evenly (planning/offline._ask_uneven_interval); {runs}: when
    # the nearest cron would really run.
    "planner.uneven_minutes": {
        "en": "The schedule is one cron expression and every {n} minutes cannot be written as one exactly: '*/{n} * * * *' would run at {runs} of every hour, with uneven gaps. How should it run: e.g. 'every 30 minutes', 'every hour', or at named times?",
        "ru": "Расписание — одно выражение cron, а каждые {n} мин. им точно не записать: «*/{n} * * * *» запускало бы в {runs} каждого часа, с неравными промежутками. Как запускать: например, «каждые 30 минут», «каждый час» или в названное время?",
    },
    "planner.uneven_hours": {
        "en": "The schedule is one cron expression and every {n} hours cannot be written as one exactly: '0 */{n} * * *' would run at {runs} every day, with uneven gaps. How should it run: e.g. 'every 30 minutes', 'every hour', or at named times?",
        "ru": "Расписание — одно выражение cron, а каждые {n} ч. им точно не записать: «0 */{n} * * *» запускало бы в {runs} каждых суток, с неравными промежутками. Как запускать: например, «каждые 30 минут», «каждый час» или в названное время?",
    },
    "planner.uneven_interval": {
        "en": "The schedule is one cron expression and every {n} {unit}s cannot be written as one exactly: cron cannot express it, with uneven gaps. How should it run: e.g. 'every 30 minutes', 'every hour', or at named times?",
        "ru": "Расписание — одно выражение cron, а каждые {n} ({unit}) им точно не записать: cron так не умеет, с неравными промежутками. Как запускать: например, «каждые 30 минут», «каждый час» или в названное время?",
    },
    "planner.which_keys": {
        "en": "Which key columns identify a row of {table} for the upsert?",
        "ru": "Какие ключевые колонки определяют строку {table} для upsert?",
    },
    "planner.which_keys_unread": {
        "en": "Which key columns identify a row of {table} for the upsert? {unread!r} is no column of it; columns: {columns}.",
        "ru": "По какому ключу сливать строки {table}? «{unread}» — не колонка этой таблицы; колонки: {columns}.",
    },
    "planner.which_keys_file": {
        "en": "Which key columns identify a row of the file for the upsert?",
        "ru": "Какие ключевые колонки определяют строку файла для upsert?",
    },
    "planner.which_incremental": {
        "en": "Which column marks new rows of {table} (candidates: {columns})?",
        "ru": "По какой колонке определять новые строки {table} (варианты: {columns})?",
    },
    # the one event time of a table may be empty (loan_payments.paid_at): rows without it never load
    # «лиды с сайта» on crm.leads whose source column lists no values (planner62): asked, naming the column
    "planner.unlisted_origin": {
        "en": "'{phrase}': which value of {table}.{column} do those rows have? Its values are not listed, so I "
        "cannot match the words to one (for example 'where {column} = ...').",
        "ru": "«{phrase}»: какое значение {table}.{column} у этих строк? Значения колонки не перечислены, и я "
        "не могу сопоставить с ними эти слова (например: «где {column} = ...»).",
    },
    "planner.new_rows_column_nullable": {
        "en": "{column} of {table} may be empty (it is filled in later in a row's life), so rows without it "
        "would never be loaded as new rows. Which column marks new rows (candidates: {columns})?",
        "ru": "Колонка {column} в {table} может быть пустой (её заполняют позже), и строки без неё никогда не "
        "загрузятся как новые. По какой колонке определять новые строки (варианты: {columns})?",
    },
    "planner.new_rows_column_unfit": {
        "en": "{column} cannot mark the new rows of {table}: it is neither a time nor an increasing key, so a run would skip rows by its largest value. Which column marks new rows (candidates: {columns})?",
        "ru": "По колонке {column} нельзя отбирать новые строки {table}: это не время и не возрастающий ключ, запуск пропустит строки по её максимуму. По какой колонке определять новые строки (варианты: {columns})?",
    },
    "planner.file_target_table": {
        "en": "Which table should the file data be loaded into (for example 'в таблицу sales_raw')?",
        "ru": "В какую таблицу загружать данные файла (например, «в таблицу sales_raw»)?",
    },
    "planner.which_s3_connection": {
        "en": "Which S3 connection should read the files: {ids}?",
        "ru": "Через какое подключение S3 читать файлы: {ids}?",
    },
    "planner.which_s3_path": {
        "en": "Which S3 path should be read (for example s3://bucket/prefix/)?",
        "ru": "Какой путь S3 читать (например, s3://bucket/prefix/)?",
    },
    "planner.which_excel_file": {
        "en": "Which Excel file (path to the .xlsx) and sheet should be read?",
        "ru": "Какой файл Excel (путь к .xlsx) и какой лист читать?",
    },
    "planner.which_format": {
        "en": "Which format are the files at {path}: CSV, TSV, Parquet or JSONL?",
        "ru": "В каком формате файлы в {path}: CSV, TSV, Parquet или JSONL?",
    },
    # --- the language-model planner (planning/llm.py); the model's own questions are shown as it wrote them
    "llm.unavailable": {
        "en": "the language model is unavailable: {reason}",
        "ru": "языковая модель недоступна: {reason}",
    },
    "llm.unusable_answer": {
        "en": "unusable model answer: {error}",
        "ru": "ответ модели не удалось использовать: {error}",
    },
    "llm.refused": {
        "en": "The language model refused the request: {reason}",
        "ru": "Языковая модель отказалась выполнить запрос: {reason}",
    },
    "llm.refused_no_reason": {
        "en": "The language model refused the request.",
        "ru": "Языковая модель отказалась выполнить запрос.",
    },
    "llm.still_invalid": {
        "en": "{field}: {problem}",
        "ru": "Не удалось составить корректный план ({field}): {problem}",
    },
    "llm.still_invalid_plain": {
        "en": "{problem}",
        "ru": "Не удалось составить корректный план: {problem}",
    },
    "llm.unknown_assets": {
        "en": "no deployed pipeline loads {uris}; loaded assets: {loaded}",
        "ru": "ни один развёрнутый пайплайн не загружает {uris}; загружаемые активы: {loaded}",
    },
    "llm.no_assets_loaded": {"en": "none yet", "ru": "пока нет"},
    "llm.two_ways": {
        "en": "The request reads two ways (they differ in {fields}): 1) {rules}; 2) {model}. Which one is meant? Please rephrase.",
        "ru": "Запрос понят двумя способами (расходятся: {fields}): 1) {rules}; 2) {model}. Какой вариант верный? Уточните запрос.",
    },
    # --- the defaults a plan took that the request did not state (planning/defaults.py)
    "defaults.incremental": {
        "en": "New rows are those with a {column} later than the last run's: it is the table's event time column; name another with 'by column …'.",
        "ru": "Новые строки — те, у которых {column} больше, чем в прошлый запуск: это столбец времени событий таблицы; другой можно назвать: «по полю …».",
    },
    "defaults.replace": {
        "en": "Mode replace: no load mode was named, and appending the whole table to {table} on every run would double its rows. Say 'only new rows' to append new rows instead.",
        "ru": "Режим replace: режим загрузки не указан, а дописывать всю таблицу {table} при каждом запуске — значит удваивать её строки. Для дозагрузки новых строк скажите «только новые».",
    },
    "defaults.append": {
        "en": "Mode append: no load mode was named; each run adds its rows to {table}.",
        "ru": "Режим append: режим загрузки не указан; каждый запуск дописывает строки в {table}.",
    },
    "defaults.utc": {
        "en": "Time zone UTC: the request names none; e.g. 'Moscow time' gives Europe/Moscow.",
        "ru": "Часовой пояс UTC: в запросе он не указан; например, «по Москве» даст Europe/Moscow.",
    },
    "codes.meaning": {
        "en": "{condition}: the code the comment of {column} gives that meaning.",
        "ru": "{condition}: код, которому комментарий колонки {column} даёт это значение.",
    },
    "codes.unknown": {
        "en": "The comment of {column} gives no code {code} (its codes: {codes}). Which one is meant?",
        "ru": "В комментарии колонки {column} нет кода {code} (его коды: {codes}). Какой из них нужен?",
    },
    "codes.unmeant": {
        "en": "{column} holds codes ({codes}); none of them means '{value}'. Which one is meant?",
        "ru": "Колонка {column} хранит коды ({codes}); ни один из них не означает «{value}». Какой нужен?",
    },
    "codes.measured": {
        "en": "{column} holds codes ({codes}), not quantities: {func}({column}) measures nothing. What should "
        "the mart measure: the number of rows (count), or another column?",
        "ru": "Колонка {column} хранит коды ({codes}), а не количества: {func}({column}) ничего не измеряет. "
        "Что считать в витрине: число строк (count) или другую колонку?",
    },
    "cli.assumed": {"en": "assumed: {assumption}", "ru": "по умолчанию: {assumption}"},
    # --- the mart preview (web/service.py, web/api.py)
    "preview.not_a_mart": {
        "en": "preview shows marts; this spec is not one",
        "ru": "предпросмотр показывает витрины, а эта спецификация — не витрина",
    },
    "preview.failed": {
        "en": "the mart query failed: {error}",
        "ru": "запрос витрины не выполнился: {error}",
    },
    # --- personal data (quality/policy.py)
    "pii.question": {
        "en": "Columns {columns} look like personal data — mask them?",
        "ru": "В колонках {columns} похоже персональные данные — маскировать?",
    },
    # --- deploy, history and rollback (deploy.py, assistant.py)
    "deploy.never_deployed": {
        "en": "DAG {dag_id!r} has never been deployed",
        "ru": "DAG «{dag_id}» ещё не развёртывался",
    },
    "deploy.no_version": {
        "en": "DAG {dag_id!r} has no version {version}",
        "ru": "у DAG «{dag_id}» нет версии {version}",
    },
    "deploy.foreign_file": {
        "en": "{path} already exists and was not deployed by the AI ETL assistant; refusing to overwrite it. Use --force to replace it.",
        "ru": "Файл {path} уже существует и записан не ассистентом; он не будет перезаписан. Чтобы заменить его, используйте --force.",
    },
    "deploy.hand_edited": {
        "en": "{path} was changed outside the AI ETL assistant since v{version} was deployed; refusing to overwrite those edits. Use --force to replace it.",
        "ru": "Файл {path} изменён вне ассистента после развёртывания v{version}; эти правки не будут перезаписаны. Чтобы заменить файл, используйте --force.",
    },
    "deploy.no_longer_validates": {
        "en": "version {version} of {dag_id} no longer validates: {reasons}",
        "ru": "версия {version} пайплайна {dag_id} больше не проходит проверку: {reasons}",
    },
    # --- the CLI's report of an outcome (cli.py); the words before ":" are labels a script may grep
    "cli.status": {"en": "status: {status}", "ru": "статус: {status}"},
    "cli.dag_id": {"en": "dag_id: {dag_id}", "ru": "dag_id: {dag_id}"},
    "cli.schedule": {
        "en": "schedule: {when} ({description}, {timezone})",
        "ru": "расписание: {when} ({description}, {timezone})",
    },
    "cli.source": {"en": "source: {conn_id} {table}", "ru": "источник: {conn_id} {table}"},
    "cli.target": {"en": "target: {conn_id} {table} ({mode})", "ru": "приёмник: {conn_id} {table} ({mode})"},
    "cli.question": {"en": "question: {question}", "ru": "вопрос: {question}"},
    "cli.error": {"en": "error ({gate}){where}: {message}", "ru": "ошибка ({gate}){where}: {message}"},
    "cli.deployed": {
        "en": "deployed: {path} (version {version})",
        "ru": "развёрнуто: {path} (версия {version})",
    },
    "cli.pii_answer_hint": {
        "en": "answer with --pii mask (hash these columns) or --pii allow (load them as they are)",
        "ru": "ответьте --pii mask (хешировать эти колонки) или --pii allow (загрузить как есть)",
    },
    "cli.when.manual": {"en": "manual", "ru": "вручную"},
    "cli.when.on_new_files": {"en": "on new files", "ru": "по новым файлам"},
    "cli.when.after_assets": {"en": "after assets", "ru": "после обновления ассетов"},
    "cli.no_request": {
        "en": 'give the request text, e.g. airflow ai-etl generate "copy sales to ClickHouse daily"',
        "ru": 'укажите текст запроса, например: airflow ai-etl generate "копировать продажи в ClickHouse ежедневно"',
    },
    "cli.no_difference": {"en": "no difference", "ru": "различий нет"},
    "cli.restored": {
        "en": "{dag_id}: restored version {old} as version {new} ({path})",
        "ru": "{dag_id}: версия {old} восстановлена как версия {new} ({path})",
    },
    "cli.failed": {"en": "error: {message}", "ru": "ошибка: {message}"},
    # --- the operator's task failures (operators/ai_pipeline.py)
    "operator.empty_request": {
        "en": "AIPipelineOperator: the request is empty",
        "ru": "AIPipelineOperator: запрос пуст",
    },
    "operator.needs_clarification": {
        "en": "The request needs clarification:\n{questions}",
        "ru": "Запрос нужно уточнить:\n{questions}",
    },
    "operator.rejected": {"en": "The request was rejected:\n{reasons}", "ru": "Запрос отклонён:\n{reasons}"},
    "operator.pii_hint": {
        "en": "(answer with pii='mask' or pii='allow')",
        "ru": "(ответьте pii='mask' или pii='allow')",
    },
    # --- triggers (planning/triggers.py, issue 18)
    "planner.folder_outside_roots": {
        "en": "The folder {path} is not under the allowed file roots ({roots}): which folder under them "
        "should be watched (or ask an administrator to add it to [ai_etl] file_roots)?",
        "ru": "Папка {path} не лежит под разрешёнными корнями файлов ({roots}): за какой папкой под ними "
        "следить (или попросите администратора добавить её в [ai_etl] file_roots)?",
    },
    "planner.trigger_on_own_output": {
        "en": "This pipeline writes {asset} and would start after {asset} is updated: it would start itself "
        "in a circle. Name another pipeline's load to run after, or a schedule.",
        "ru": "Этот пайплайн пишет в {asset} и запускался бы после обновления {asset}: он запускал бы сам "
        "себя по кругу. Укажите загрузку другого пайплайна или расписание.",
    },
    "planner.event_and_clock": {
        "en": "Start it on new files / after other loads, or on a clock? One of the two.",
        "ru": "Запускать по появлению новых файлов / после других загрузок или по расписанию? Одно из двух.",
    },
    "planner.assets_any_of": {
        "en": "A start after other loads waits for ALL of them ({upstream}), not any one: wait for all, or pick one?",
        "ru": "Запуск после загрузок можно задать только так: после того, как обновились ВСЕ названные ({upstream}). Ждать все или выбрать одну?",
    },
    "planner.which_watched_place": {
        "en": "Which folder or S3 prefix should be watched (for example s3://bucket/incoming/ or /mnt/share/in/)?",
        "ru": "За какой папкой или префиксом S3 следить (например s3://bucket/incoming/ или /mnt/share/in/)?",
    },
    "planner.new_files_from_where": {
        "en": "New files from which folder or S3 prefix?",
        "ru": "Новые файлы откуда: из какой папки или префикса S3?",
    },
    # The "run after" question when nothing (or not everything) a request names is loaded by a pipeline;
    # {listing}: planner.loaded_assets or planner.nothing_loaded
    "planner.no_producer": {
        "en": "No deployed pipeline loads {names}. After which loaded asset should this pipeline run? {listing}",
        "ru": "Ни один развёрнутый пайплайн не загружает {names}. После какого из загружаемых активов запускать? {listing}",
    },
    "planner.several_producers": {
        "en": "Several pipelines load {names}. {listing}",
        "ru": "«{names}» загружают несколько пайплайнов. {listing}",
    },
    "planner.loaded_assets": {"en": "Loaded assets: {assets}", "ru": "Загружаемые активы: {assets}"},
    "planner.nothing_loaded": {
        "en": "No pipeline loads anything yet.",
        "ru": "Пока ни один пайплайн ничего не загружает.",
    },
    "planner.manual_and_clock": {
        "en": "Run it manually or on a clock ({schedule})? One of the two.",
        "ru": "Запускать вручную или по расписанию ({schedule})? Одно из двух.",
    },
    # A manual word beside an upstream load or new files: asked like a manual word beside a clock ({event}:
    # what would start it, said by planner.event_after_loads / planner.event_new_files)
    "planner.manual_and_event": {
        "en": "Run it manually or {event}? One of the two (either way it can still be started by hand in Airflow).",
        "ru": "Запускать вручную или {event}? Одно из двух (вручную в Airflow его можно запустить в любом случае).",
    },
    "planner.event_after_loads": {
        "en": "after the load of {tables}",
        "ru": "после загрузки {tables}",
    },
    "planner.event_new_files": {
        "en": "when new files arrive in {path}",
        "ru": "при появлении новых файлов в {path}",
    },
    # «не чаще раза в день», "at most once an hour": a cap on runs the spec cannot express
    "planner.unclear_date": {
        "en": "Which date is {date!r}: the order of day and month is unclear or there is no such day. Please write it as YYYY-MM-DD (e.g. 2025-02-01).",
        "ru": "Какая дата имеется в виду в «{date}»: порядок дня и месяца неясен или такого дня нет. Напишите её как ГГГГ-ММ-ДД (например, 2025-02-01).",
    },
    # "every day at 8, maybe 3 times": a count of runs after the schedule (planning/run_counts.py)
    "planner.run_count": {
        "en": "The schedule says {words!r}: how many runs a day, and at which hours? For example 'daily at 08:00' or 'at 8, 12 and 16'.",
        "ru": "В расписании сказано «{words}»: сколько раз в день и в какие часы запускать? Например: «ежедневно в 8:00» или «в 8, 12 и 16».",
    },
    "planner.rate_limit": {
        "en": "A pipeline cannot cap how often it runs ({phrase!r}): run it on a schedule at that rate instead, or with no cap?",
        "ru": "Ограничить частоту запусков («{phrase}») пайплайн не может: запускать его по расписанию с такой частотой или без ограничения?",
    },
    # Outcome statuses, as the CLI prints them
    "outcome.ok": {"en": "ok", "ru": "проверено"},
    "outcome.needs_clarification": {"en": "needs_clarification", "ru": "нужно уточнение"},
    "outcome.rejected": {"en": "rejected", "ru": "отклонено"},
    # Two phrases of one request state different conditions on one column (planning/filters.py)
    "planner.conflicting_conditions": {
        "en": 'Which condition on {column}: "{first}" or "{second}" (or both)?',
        "ru": "Какое условие на {column}: «{first}» или «{second}» (или оба)?",
    },
    "planner.keep_old_rows": {
        "en": "'{phrase}': keep the rows already loaded and append only new ones (say which column marks "
        "new rows), or reload the whole table each run?",
        "ru": "«{phrase}»: сохранять уже загруженные строки и дописывать только новые (по какой колонке их "
        "отличать?) или каждый раз перезаливать таблицу целиком?",
    },
    "planner.filter_hint_unread": {
        "en": 'I could not turn {phrase!r} into a filter on {table}. Which condition should the rows meet (for example "{example}")?',
        "ru": "Не удалось превратить «{phrase}» в фильтр по {table}. Какому условию должны отвечать строки (например, «{example}»)?",
    },
    "planner.unread_clause": {
        "en": "I could not turn '{phrase}' into a row condition: which rows of {table} should be loaded "
        '(e.g. "where {example}")?',
        "ru": "Не понял условие «{phrase}»: какие строки {table} загружать? Например: «где {example}».",
    },
    # A vague time word of the rows ("recently", «на днях», "soon"; planning/filters._vague_time_clauses):
    # {phrase} the user's words, {example} a window over one of the table's time columns.
    "planner.vague_time": {
        "en": "'{phrase}' names no time window: which rows of {table} should each run load (for example "
        "'{example}')?",
        "ru": "«{phrase}» — не точный период: какие строки {table} загружать при каждом запуске (например, "
        "«{example}»)?",
    },
    "planner.state_or_count": {
        "en": "{phrase!r} may mean {column} = '{value}' or {counter} > 0: which rows of {table} should be loaded "
        "(for example 'only {column} {value}' or 'with {counter} over 0')?",
        "ru": "«{phrase}» может означать {column} = '{value}' или {counter} > 0: какие строки {table} загружать "
        "(например, «только {column} {value}» или «где {counter} больше 0»)?",
    },
    "planner.calendar_unit": {
        "en": "'{phrase}' has no exact number in the unit of {column} (a month or a year has no fixed number of days, a week is no whole month): what should {column} be compared with (e.g. 'where {column} >= {example}')?",
        "ru": "«{phrase}» нельзя точно перевести в единицы {column} (в месяце и году нет постоянного числа дней, неделя — не целый месяц): с чем сравнивать {column} (например, «где {column} >= {example}»)?",
    },
    "planner.other_table_flag": {
        "en": "'{phrase}' is {column}, a column of another table: a load of {table} cannot filter on it. Load "
        "{table} without that condition, or load the other table?",
        "ru": "«{phrase}» — это {column}, колонка другой таблицы: загрузка {table} не может фильтровать по ней. "
        "Загрузить {table} без этого условия или другую таблицу?",
    },
    "planner.zero_or_null": {
        "en": "'{phrase}': only the rows where {column} = 0, or also those where it is empty (NULL)?",
        "ru": "«{phrase}»: только строки, где {column} = 0, или и те, где значение не заполнено (NULL)?",
    },
    "planner.append_only_new_rows": {
        "en": "'{phrase}': each run should add only the rows newer than the last run (by {column}), or "
        "append everything the filter selects each time (the table will hold repeats)?",
        "ru": "«{phrase}»: каждый запуск дописывает только строки новее прошлого запуска (по {column}) или "
        "всё, что выбирает условие, каждый раз целиком (в таблице будут повторы)?",
    },
    "planner.column_value_unknown": {
        "en": "Which value of {column} means '{phrase}'? The catalog does not list its values "
        "(e.g. 'where {column} = ...').",
        "ru": "Какое значение {column} означает «{phrase}»? В каталоге значения этой колонки не перечислены "
        "(например: «где {column} = ...»).",
    },
    # The same question when the column's comment lists its values (planner78: it said they were not listed)
    "planner.column_value_not_among": {
        "en": "Which value of {column} means '{phrase}'? The catalog lists {values} (e.g. 'where {column} = ...').",
        "ru": "Какое значение {column} означает «{phrase}»? В каталоге перечислены значения {values} "
        "(например: «где {column} = ...»).",
    },
    "planner.filter_one_value": {
        "en": "A filter on {column} takes one value; which {name} do you mean by '{phrase}'?",
        "ru": "Фильтр по {column} принимает одно значение; какое значение {name} имеется в виду под «{phrase}»?",
    },
    # Questions of the mart reader (planning/marts/)
    "planner.mart.which_source": {
        "en": "Which database should the mart be built from?",
        "ru": "Из какой базы строить витрину?",
    },
    "planner.mart.unsupported": {
        "en": "A mart does not compute {word!r}: it offers sum, count, distinct count, average, min and "
        "max. What should it compute?",
        "ru": "«{word}» витрина не считает: доступны сумма, количество, количество уникальных, среднее, "
        "минимум и максимум. Что посчитать?",
    },
    "planner.mart.two_grains": {
        "en": "More than one time grain is named ({words}): hour, day, week or month?",
        "ru": "Назван не один шаг времени ({words}): по часам, дням, неделям или месяцам?",
    },
    "planner.mart.which_fact": {
        "en": "Which table should the mart aggregate: {tables}?",
        "ru": "Из какой таблицы строить витрину: {tables}?",
    },
    # A bare sum word over tables named only as dimensions (planning/marts/, marts85): «сумма по
    # специализациям» of «витрина по тренерам» says no column to sum.
    "planner.mart.sum_of_nothing": {
        "en": "{word!r} of what? Which column of which table should the mart sum?",
        "ru": "«{word}» чего? Какую колонку какой таблицы суммировать в витрине?",
    },
    "planner.mart.two_facts": {
        "en": "Which table should the mart aggregate: {tables}?",
        "ru": "Витрину какой таблицы строить: {tables}?",
    },
    # A counted noun naming one table while another table's rows are for it (planning/marts/, marts67):
    # «приёмов» of visits and of appointments ('Записи пациентов на приём к врачу').
    "planner.mart.counted_two_tables": {
        "en": "'{word}' may be the rows of {fact} or of {rival} ('{comment}'): which table's rows should the "
        "mart count?",
        "ru": "«{word}» — это строки {fact} или {rival} («{comment}»)? Строки какой таблицы считать в витрине?",
    },
    "planner.mart.no_measure": {
        "en": "What should the mart compute: a sum, count, average, min or max — of what?",
        "ru": "Что посчитать в витрине: сумму, количество, среднее, минимум или максимум — и чего?",
    },
    "planner.mart.no_numeric": {
        "en": "{table} has no numeric column for {func}: which table and column hold {words!r}?",
        "ru": "В {table} нет числовых колонок для ({func}): в какой таблице и колонке «{words}»?",
    },
    "planner.mart.no_money": {
        "en": "{table} has no money column for {func}: which table and column hold {words!r}?",
        "ru": "В {table} нет колонки с деньгами для ({func}): в какой таблице и колонке «{words}»?",
    },
    # «средний чек» over a fact whose money columns are no order total (tip_amount): {table}, {func},
    # {words}, {columns}.
    "planner.mart.no_check": {
        "en": "{table} has no order total for {func} of {words!r} ({columns} is not a check): which table and "
        "column hold it?",
        "ru": "В {table} нет суммы чека для ({func}) «{words}» ({columns} — не чек): в какой таблице и колонке "
        "она?",
    },
    # A sum of a rate, share or score column (interest_rate, score, rating): {table}, {column}.
    "planner.mart.sum_of_rate": {
        "en": "{column} of {table} is a rate or a score: a sum of it means nothing. Which aggregate should the "
        "mart take: the average of {column} (or its min/max), or a sum of another column?",
        "ru": "{column} в {table} — ставка, курс или оценка: сумма таких значений не имеет смысла. Что считать: "
        "среднее {column} (или минимум/максимум) или сумму другой колонки?",
    },
    "planner.mart.which_column": {
        "en": "Which column of {table} should {func} use: {columns}?",
        "ru": "Какую колонку {table} агрегировать ({func}): {columns}?",
    },
    "planner.mart.state_or_count": {
        "en": "{phrase!r} may mean {column} = '{value}' or {counter} > 0: which rows of {table} should the "
        "mart take (for example 'only {column} {value}' or 'with {counter} over 0')?",
        "ru": "«{phrase}» может означать {column} = '{value}' или {counter} > 0: какие строки {table} брать "
        "(например, «только {column} {value}» или «где {counter} больше 0»)?",
    },
    # A sum «по <the fact's own noun>» a table references (planning/marts._sum_per_own_rows): {words} the
    # user's words, {table} the fact, {tables} the tables whose rows reference it.
    "planner.mart.total_or_per_row": {
        "en": "{words!r}: one total over all rows of {table}, or a total for each row of {table} over the rows "
        "of {tables} that refer to it?",
        "ru": "«{words}»: одна общая сумма по всем строкам {table} или сумма для каждой строки {table} по "
        "ссылающимся на неё строкам {tables}?",
    },
    # People counted per grain whose only date is their profile's creation (planning/marts.
    # _people_active_elsewhere): {table}.{column} the profile's date, {tables} the tables of their activity.
    "planner.mart.profile_or_activity": {
        "en": "Count {table} by when their profile was created ({column}), or by their activity in {tables}? "
        "For example 'registered per month' or 'by month of <the activity's date>'.",
        "ru": "Считать {table} по дате создания профиля ({column}) или по их активности в {tables}? Например, "
        "«зарегистрировались по месяцам» или «по месяцам <даты активности>».",
    },
    "planner.mart.sum_or_count": {
        "en": "{word!r} of {table}: the number of rows, or the sum of {column}?",
        "ru": "«{word}» по {table}: количество строк или сумма {column}?",
    },
    "planner.mart.rows_or_distinct": {
        "en": "{word!r} of {table}: the number of rows, or of distinct {column} values?",
        "ru": "«{word}» по {table}: количество строк или количество уникальных {column}?",
    },
    "planner.mart.column_elsewhere": {
        "en": "{table} has no column {column} (it is in {tables}): count the rows of {table}, or build the mart over "
        "one of those tables?",
        "ru": "В {table} нет колонки {column} (она есть в {tables}): считать строки {table} или строить витрину по "
        "одной из этих таблиц?",
    },
    "planner.mart.distinct_what": {
        "en": "Distinct values of which column of {table}?",
        "ru": "Уникальные значения какой колонки {table} считать?",
    },
    "planner.mart.unknown_dim": {
        "en": "{word!r} is not a column of {fact} or of a table it joins: group by which column?",
        "ru": "Не нашёл «{word}» ни в {fact}, ни в связанных таблицах: по какой колонке группировать?",
    },
    "planner.mart.count_dim": {
        "en": "{table}.{column} counts units ({comment}), one group per count: group by which ranges of it, or "
        "by which other column?",
        "ru": "{table}.{column} — число ({comment}), а не категория: на какие диапазоны его разбить или по какой "
        "колонке группировать?",
    },
    "planner.mart.quantity_dim": {
        "en": "{table}.{column} is a measured quantity ({comment}), one group per value: group by which ranges "
        "of it, or by which other column?",
        "ru": "{table}.{column} — измеряемая величина ({comment}), а не категория: на какие диапазоны её разбить "
        "или по какой колонке группировать?",
    },
    "planner.mart.partial_dim": {
        "en": "{word!r} names only part of {table}.{column}: group by {column}, or by which other column?",
        "ru": "«{word}» называет только часть колонки {table}.{column}: группировать по {column} или по какой "
        "другой колонке?",
    },
    "planner.mart.own_rows_dim": {
        "en": "{word!r} names the rows of {fact} themselves, and {column} is only one of their attributes: group "
        "by each row (its key) or by {column}?",
        "ru": "«{word}» — это сами строки {fact}, а {column} лишь их атрибут: группировать по каждой строке (по "
        "ключу) или по {column}?",
    },
    "planner.mart.which_dim": {
        "en": "{word!r} is in several tables: {columns}. Which one?",
        "ru": "«{word}» есть в нескольких таблицах: {columns}. Какую взять?",
    },
    "planner.mart.unreachable": {
        "en": "{table}.{column} is not related to {fact} by keys: group by which column of {fact}?",
        "ru": "{table}.{column} не связан с {fact} по ключам: по какой колонке {fact} группировать?",
    },
    "planner.mart.no_time": {
        "en": "{table} has no date or time column: which time should the grain use?",
        "ru": "В {table} нет колонки даты или времени: по какому времени разбивать?",
    },
    "planner.mart.which_time": {
        "en": "Which time column should the {grain} grain use: {columns}?",
        "ru": "По какой колонке времени разбивать по {grain}: {columns}?",
    },
    "planner.mart.window_time": {
        "en": "Which time column does the window count on ('{words}'): {columns}?",
        "ru": "По какой колонке времени считать период («{words}»): {columns}?",
    },
    "planner.mart.grain_not_time": {
        "en": "A {grain} grain needs a date or time column, and {column} is neither: which time column should "
        "it use: {columns}?",
        "ru": "Разбивка по {grain} идёт по дате или времени, а {column} — не дата: по какой колонке времени "
        "разбивать: {columns}?",
    },
    "planner.mart.lookback_unit": {
        "en": "Recompute the last N of what? Give N in the mart's grain (days, weeks, months).",
        "ru": "Пересчитывать последние N — в тех же единицах, что шаг витрины (дни, недели, месяцы)? "
        "Уточните шаг и N.",
    },
    "planner.mart.clickhouse_only": {
        "en": "A mart is written to ClickHouse: which ClickHouse connection?",
        "ru": "Витрина пишется в ClickHouse: в какое подключение ClickHouse?",
    },
    "planner.mart.which_file": {
        "en": "Which file should the mart be exported to: an .xlsx path under [ai_etl] file_roots, or "
        "s3://…/file.xlsx?",
        "ru": "В какой файл выгружать витрину: путь .xlsx под [ai_etl] file_roots или s3://…/файл.xlsx?",
    },
    "planner.mart.which_s3": {
        "en": "{path} is on S3: through which S3 connection ({conns})?",
        "ru": "{path} — на S3: через какое подключение S3 писать ({conns})?",
    },
    "planner.mart.same_server": {
        "en": "A mart of a ClickHouse table is built on that table's server; {target} is another server "
        "than {fact}: build the mart in {fact}?",
        "ru": "Витрина из таблицы ClickHouse строится на её сервере, а {target} — другой сервер, чем "
        "{fact}: строить витрину в {fact}?",
    },
    "planner.mart.too_many": {
        "en": "More than {limit} measures or dimensions in one mart: split it into several marts.",
        "ru": "Слишком много мер или разрезов в одной витрине (больше {limit}): разбейте на несколько.",
    },
    "planner.mart.no_pieces": {
        "en": "{table} has no column counting pieces ({word!r}): which column should the sum use, or count the rows?",
        "ru": "В {table} нет колонки с количеством штук («{word}»): какую колонку суммировать или посчитать строки?",
    },
    "planner.mart.quantity_column": {
        "en": "{table} has no single quantity column: which column should the count filter use?",
        "ru": "В {table} нет однозначной колонки количества штук: по какой колонке фильтровать?",
    },
    "planner.mart.residue": {
        "en": "I did not understand {words!r} in the mart: a row filter, a dimension or a measure?",
        "ru": "Не понял «{words}» в описании витрины: что это — фильтр строк, разрез или мера?",
    },
    "planner.mart.currency_value": {
        "en": "{table} lists no currency to pick for {words!r}: which value should the rows have, or are all "
        "its amounts in that currency already?",
        "ru": "В {table} не перечислены значения валюты для «{words}»: каким значением отобрать строки — или все "
        "суммы уже в этой валюте?",
    },
    "planner.mart.money_column": {
        "en": "{table} has no single money column: which column should the amount filter use?",
        "ru": "В {table} нет однозначной денежной колонки: по какой колонке сравнивать сумму?",
    },
    "planner.mart.no_tables": {
        "en": "The catalog lists no tables of {conn}: the table is not loaded there yet or the catalog is"
        " stale. Build the mart from PostgreSQL, or load the table into {conn} first?",
        "ru": "В каталоге нет таблиц подключения {conn}: таблица ещё не загружена туда или каталог не "
        "обновлён. Строить витрину из PostgreSQL или сначала загрузить таблицу в {conn}?",
    },
    "planner.bracketed_column_elsewhere": {
        "en": "{table} has no column {column!r} (it is a column of {others}): which table should be loaded?",
        "ru": "В {table} нет колонки «{column}» (она есть в {others}): какую таблицу загружать?",
    },
    "planner.columns.no_such_column": {
        "en": "{table} has no column for {word!r} in the list of columns to load: which columns should be loaded?"
        " Columns: {columns}.",
        "ru": "В {table} нет колонки «{word}» из списка колонок для загрузки: какие колонки загружать? "
        "Колонки: {columns}.",
    },
    "planner.mask.no_such_column": {
        "en": "{table} has no column for {word!r} to mask: which columns should be masked? Columns: {columns}.",
        "ru": "В {table} нет колонки «{word}» для маскирования: какие колонки замаскировать? Колонки: {columns}.",
    },
    "cli.deployed_unchanged": {
        "en": "unchanged: {path} already holds version {version}; no new version recorded",
        "ru": "без изменений: в {path} уже версия {version}; новая версия не записана",
    },
    "cli.catalog_file": {
        "en": "cannot plan against the catalog snapshot {path}: {reason}; write one with "
        "`airflow ai-etl catalog --json > FILE`",
        "ru": "не могу планировать по снимку каталога {path}: {reason}; снимок пишет "
        "`airflow ai-etl catalog --json > FILE`",
    },
    "cli.catalog_file.not_json": {"en": "it is not JSON ({error})", "ru": "это не JSON ({error})"},
    "cli.catalog_file.not_snapshot": {
        "en": "it is JSON, but not a catalog snapshot",
        "ru": "это JSON, но не снимок каталога",
    },
    "planner.trigger_cycle": {
        "en": "Pipelines would start each other in a circle: {cycle}. Name a load outside that circle to run "
        "after, or a schedule.",
        "ru": "Пайплайны запускали бы друг друга по кругу: {cycle}. Укажите загрузку вне этого круга или "
        "расписание.",
    },
    "planner.unread_column_words": {
        "en": "The request mentions {words} ({columns} of {table}), but I could not read what to do with it. "
        "Which rows or columns do you mean (for example: 'only rows where {column} = ...', or 'without the "
        "{column} column')?",
        "ru": "В запросе есть {words} ({columns} в {table}), но я не понял, что с этим сделать. Какие строки "
        "или колонки нужны (например: «только строки, где {column} = ...» или «без колонки {column}»)?",
    },
    # A country named where the table's place columns hold cities or regions (planning/filters.py, planner127);
    # {phrase}: the user's words, {columns}: the place columns.
    "planner.country_no_column": {
        "en": "{phrase!r} names a country, but no column of {table} holds a country (its place column: "
        "{columns}), so that filter would match nothing meant. Which rows should be loaded (for example 'only rows "
        "where {columns} = ...')?",
        "ru": "«{phrase}» — это страна, но ни одна колонка {table} не хранит страну (колонка места: "
        "{columns}), и такой фильтр ничего нужного не выберет. Какие строки загружать (например: «только строки, "
        "где {columns} = ...»)?",
    },
    "planner.unread_content_words": {
        "en": "The request says {words}, but nothing I read of {table} (no column, listed value or other rule) "
        "takes it, so it would be dropped. Which rows or which table do you mean (for example: 'only rows "
        "where ... = ...', or another table's name)?",
        "ru": "В запросе есть {words}, но ничто из прочитанного в {table} (ни колонка, ни значение из списка, "
        "ни другое правило) это не берёт, и слово пропало бы. Какие строки или какую таблицу вы имеете в виду "
        "(например: «только строки, где ... = ...» или имя другой таблицы)?",
    },
    "planner.unread_ordinal": {
        "en": "The request says '{words}', but no column of {table} takes that number, so every row would "
        "load. Which rows do you mean (for example 'only rows where semester = 2')?",
        "ru": "В запросе есть «{words}», но ни одна колонка {table} не принимает это число, и загрузились бы "
        "все строки. Какие строки нужны (например: «только строки, где semester = 2»)?",
    },
    # A listed value the loaded table and a table it references both hold (planning/related_values.py).
    "planner.value_of_referenced_table": {
        "en": "'{value}' may be {column} of {table} or {other} (through {key}): which rows should be loaded "
        "(for example \"where {column} = '{value}'\")?",
        "ru": "«{value}» может означать {column} в {table} или {other} (через {key}): какие строки загружать "
        "(например, «где {column} = '{value}'»)?",
    },
    "planner.flag_or_event": {
        "en": "'{phrase}' may mean the flag {flag} or that {column} is filled in: which rows of {table} should "
        "be loaded (for example 'where {flag} = true' or 'where {column} IS NOT NULL')?",
        "ru": "«{phrase}» может означать флаг {flag} или заполненную колонку {column}: какие строки {table} "
        "загружать (например, «где {flag} = true» или «где {column} IS NOT NULL»)?",
    },
    "planner.without_time_column": {
        "en": "'{phrase}': leave the column {column} out of {table}, or load only the rows where {column} is "
        "empty ({column} IS NULL)?",
        "ru": "«{phrase}»: не выгружать колонку {column} из {table} или грузить только строки, где {column} "
        "пуст ({column} IS NULL)?",
    },
    "planner.excel_export_needs_mart": {
        "en": "Excel is a target only for a mart: what should it count or sum, and by what (for example "
        "'number of orders by status per month')?",
        "ru": "В Excel выгружается только витрина: что в ней посчитать или сложить и в каком разрезе "
        "(например, «количество заказов по статусам помесячно»)?",
    },
    "planner.mart.incremental_lookback": {
        "en": "An incremental mart recomputes its last N periods so that late rows are counted: how many "
        "(for example 'recompute the last 3 weeks')?",
        "ru": "Инкрементальная витрина пересчитывает последние N периодов, чтобы учесть опоздавшие строки: "
        "сколько (например, «пересчитывать последние 3 недели»)?",
    },
    # A grain the mart model does not offer (planning/marts._unsupported_grain); {word}: the user's word.
    "planner.mart.unsupported_grain": {
        "en": "A mart's time grain is an hour, a day, a week or a month; {word!r} is not offered. Which one "
        "should it use?",
        "ru": "Шаг витрины по времени — час, день, неделя или месяц; «{word}» не поддерживается. Какой шаг "
        "взять?",
    },
    # A time phrase with no grain («по времени оплаты»; planning/marts._date_phrase_grain).
    "planner.mart.which_grain": {
        "en": "{words!r}: per hour, day, week or month?",
        "ru": "«{words}»: по часам, дням, неделям или месяцам?",
    },
    # Two clock times offered as alternatives (planning/schedule.alternative_times); {phrase}: the user's words.
    "planner.schedule_alternatives": {
        "en": "Which time should it run at: {phrase!r} offers more than one? Name one, for example 'at 9 pm'.",
        "ru": "В какое время запускать: «{phrase}» — это несколько вариантов? Назовите один, например «в 21:00».",
    },
    # A state word two columns fit (planning/filters.py, planner16): the event's time column and a status
    # column whose listed values may hold it; {values}: the listed values.
    "planner.state_two_columns": {
        "en": "'{phrase}' may mean {event} IS NOT NULL or a value of {column} ({values}): which rows should be "
        "loaded (for example 'where {column} = ...' or 'where {event} IS NOT NULL')?",
        "ru": "«{phrase}» может означать {event} IS NOT NULL или значение {column} ({values}): какие строки "
        "загружать (например, «где {column} = ...» или «где {event} IS NOT NULL»)?",
    },
    # A state word read as the status value the event's time column is named after (planning/filters.py,
    # planner85): the plan's assumption, naming the other reading.
    "planner.assumed_state_value": {
        "en": "'{phrase}' = {column} '{value}' (the row's state; {event} records when); for {event} IS NOT NULL "
        "say so",
        "ru": "«{phrase}» = {column} '{value}' (состояние строки; {event} хранит, когда); если нужно {event} "
        "IS NOT NULL, скажите об этом",
    },
    # A state word read as the status value while a counter of the table says the same state (planner111)
    "planner.assumed_state_over_column": {
        "en": "'{phrase}' = {column} '{value}' (the row's state); for {other} say so",
        "ru": "«{phrase}» = {column} '{value}' (состояние строки); если нужно {other}, скажите об этом",
    },
    # A value taken back mid-sentence (planning/retractions.py, planner107): «в пять утра, а, нет, лучше в
    # шесть»; {retracted}: the words taken back, {marker}: the words read as the correction, {kept}: the value.
    # «email не трогать», "don't touch the phone": the column loads as it is, unmasked (planner127);
    # {phrase}: the user's words, {column}: the column.
    "planner.assumed_untouched": {
        "en": "{phrase!r} read as: {column} loaded as is, not masked or changed",
        "ru": "«{phrase}» прочитано так: {column} — как есть, без маски и изменений",
    },
    "planner.assumed_correction": {
        "en": "'{marker}' read as a correction: '{retracted}' taken back, '{kept}' planned",
        "ru": "«{marker}» прочитано как поправка: «{retracted}» отменено, взято «{kept}»",
    },
    # A negated state word two columns fit (planning/filters.py, planner84): «неоплаченные» of a status
    # listing paid beside paid_at; {values}: the listed values.
    "planner.negated_state_two_columns": {
        "en": "'{phrase}' may mean {event} IS NULL, {column} other than '{value}' or one of its values ({values}): "
        "which rows should be loaded (for example 'where {column} = ...' or 'where {event} IS NULL')?",
        "ru": "«{phrase}» может означать {event} IS NULL, {column} не '{value}' или одно из значений {column} "
        "({values}): какие строки загружать (например, «где {column} = ...» или «где {event} IS NULL»)?",
    },
    # A head noun no table matches, qualified by a table word (planning/heads.py); {phrase}: the user's words.
    "planner.no_table_for_head": {
        "en": "I found no table for '{phrase}' (only a word qualifying it names a table). Which table should "
        "be loaded? Tables I can see — {tables}.",
        "ru": "Не нашёл таблицу для «{phrase}» (таблицу называет только уточняющее слово). Какую таблицу "
        "загружать? Таблицы, которые я вижу: {tables}.",
    },
    # A table named only by a word for the whole database's subject (planning/content.domain_word_only);
    # {word}: the user's word, {tables}: the tables of the readable connections.
    "planner.domain_word_no_table": {
        "en": "'{word}' is what the whole database is about, not one of its tables. Which table should be "
        "loaded? Tables I can see — {tables}.",
        "ru": "«{word}» — это то, о чём вся база, а не одна из её таблиц. Какую таблицу загружать? Таблицы, "
        "которые я вижу: {tables}.",
    },
    # One column both aggregated and grouped by (planning/marts._measured_dimensions); {column}: its name.
    # A measure with no dimension, no grain and no mart word («выручка с заказов в ClickHouse каждый час"):
    # {words} the measure's words, {table} the fact (planning/marts._one_row_as_load).
    "planner.mart.one_row": {
        "en": "{words!r} would be one number over all of {table}: split it by which columns or periods (for "
        "example 'by day', 'by region'), or load the rows of {table} as they are?",
        "ru": "«{words}» — это одно число по всей {table}: по каким колонкам или периодам его разбить "
        "(например, «по дням», «по регионам»), или загружать строки {table} как есть?",
    },
    "planner.mart.measured_dimension": {
        "en": "{column} is both computed and grouped by in this mart: should the mart group by it or compute "
        "it?",
        "ru": "Колонка {column} в этой витрине и считается, и служит разрезом: группировать по ней или считать "
        "её?",
    },
    # A value after a column word («по теме возвраты») that the column's comment does not list (planning/
    # filters.py, planner18); {value}: the user's word, {column}: table.column, {values}: the listed values.
    "planner.value_not_listed": {
        "en": "{column} holds {values}; {value!r} is none of them. Which value should the rows have?",
        "ru": "В {column} бывают значения {values}; «{value}» среди них нет. Какое значение нужно?",
    },
    # Words after a dedupe cue's «по»/"by" that name no column (planner32: «дедуп по номеру счёта» deduped
    # every column before); {words}: the user's words, {table}, {columns}: the table's columns.
    # "(no email)", «(нет телефона)» on a column that records no event (planner52): both readings offered
    "planner.absent_column_or_rows": {
        "en": "{phrase} may mean loading {table} without the column {column}, or only the rows where {column} "
        "is empty. Which one?",
        "ru": "«{phrase}» может значить: загружать {table} без колонки {column} или только строки, где {column} "
        "пусто. Что именно?",
    },
    "planner.dedupe_key_unread": {
        "en": "I could not tell which columns of {table} {words!r} means (columns: {columns}). Which columns "
        "identify a duplicate?",
        "ru": "Не понял, какие колонки {table} означает «{words}» (колонки: {columns}). По каким колонкам искать "
        "дубликаты?",
    },
    # Columns named by their position («первые 5 колонок», "first 5 columns"; planner34): the spec lists columns
    # by name, so which ones are meant is asked. {phrase}: the user's words, {columns}: the table's columns.
    "planner.columns_by_position": {
        "en": "Which columns of {table} do you mean by {phrase!r}? Please name them ({table} has: {columns}).",
        "ru": "Какие колонки {table} имеются в виду под «{phrase}»? Назовите их по именам (в {table} есть: "
        "{columns}).",
    },
    # A column read both as an upsert key and as masked (planner19): which one is meant is asked.
    "planner.masked_key": {
        "en": "{columns} of {table} would be both an upsert key and masked; should it identify the rows (a key) "
        "or be hidden (masked)?",
        "ru": "{columns} в {table} получается и ключом слияния, и замаскированной колонкой: это ключ строки или "
        "её нужно скрыть?",
    },
    # Two schedules offered as alternatives (planning/schedule.alternative_frequencies); {phrase}: the user's words.
    "planner.frequency_alternatives": {
        "en": "How often should it run: {phrase!r} offers more than one schedule? Name one, for example 'hourly'.",
        "ru": "Как часто запускать: «{phrase}» — это несколько вариантов? Назовите один, например «каждый час».",
    },
    # A daily cue and one weekday in one schedule («каждый день в 9 утра во вторник"; planner122): every day, or
    # only that day? {phrase}: the user's words from the one cue to the other.
    # Two schedules said in two clauses, the days of one not the other's («в 9, а по пятницам ещё и в 18»;
    # planner127): one pipeline runs on one cron. {first}, {second}: the user's words of each.
    "planner.two_schedules": {
        "en": "{first!r} and {second!r} are two schedules; one pipeline runs on one of them. Which one (or "
        "make a second pipeline for the other)?",
        "ru": "«{first}» и «{second}» — это два расписания, а пайплайн запускается по одному. Какое выбрать "
        "(для второго можно сделать отдельный пайплайн)?",
    },
    "planner.daily_or_weekday": {
        "en": "Should it run every day or only on that day: {phrase!r}? Name one, for example 'daily at 9' or "
        "'every Tuesday at 9'.",
        "ru": "Запускать каждый день или только в этот день недели: «{phrase}»? Назовите одно, например "
        "«ежедневно в 9» или «каждый вторник в 9».",
    },
    # A lone value after only/только that no rule placed in a column (planning/filters.py, planner21: it was
    # asked in English only); {table}: the table, {value}: the user's word, {example}: " (for example x = 'v')"
    # or "".
    "planner.which_column_for_value": {
        "en": "Which column of {table} should equal {value!r}{example}?",
        "ru": "Какая колонка {table} должна быть равна «{value}»{example}?",
    },
    # A target engine named with a word no connection's id or description has («в аналитическую постгрю»
    # where only "Reporting Postgres" exists; planner24); {phrase}: the user's words, {label}: the engine.
    "planner.target_qualifier_unknown": {
        "en": "Which {label} connection is {phrase!r}? No connection is described so; connections: {ids}.",
        "ru": "Какое подключение {label} — «{phrase}»? Ни одно так не описано; подключения: {ids}.",
    },
}
