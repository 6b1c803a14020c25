"""Texts of the web menu in English and Russian, and the choice of language per request.

The language is ``?lang=en|ru`` when given (remembered in the ``ai_etl_lang`` cookie), else that
cookie, else the browser's ``Accept-Language``, else English.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from flask import request

LANGUAGES = ("en", "ru")
DEFAULT_LANGUAGE = "en"
COOKIE = "ai_etl_lang"

EXAMPLES: dict[str, list[str]] = {
    "ru": [
        "Загружать данные о продажах из PostgreSQL в ClickHouse ежедневно в 2 часа ночи",
        "Каждый час переносить новые заказы из pg_shop в ClickHouse по полю updated_at",
        "Копировать клиентов в ClickHouse каждый понедельник в 6:30, email замаскировать",
    ],
    "en": [
        "Load sales from PostgreSQL to ClickHouse every day at 2 AM",
        "Every hour copy new orders from pg_shop to ClickHouse incrementally by updated_at",
        "Copy payments to ClickHouse daily at 3:15, mask card_number",
    ],
}

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "app": "AI ETL",
        "menu.new": "New pipeline",
        "menu.pipelines": "Pipelines",
        "menu.history": "History",
        "menu.catalog": "Catalog",
        "menu.audit": "Audit log",
        "menu.runs": "Runs",
        "runs.title": "Runs",
        "runs.intro": "The last runs of each pipeline, from Airflow's own records: state, duration, rows "
        "loaded, check results and volume anomalies.",
        "runs.all": "All pipelines",
        "runs.empty": "No runs yet.",
        "runs.none": "No pipelines deployed yet.",
        "runs.chart": "Rows loaded (bars) and duration (points) per run, oldest to newest",
        "runs.rows_axis": "rows",
        "runs.seconds_axis": "s",
        "runs.no_rows": "no rows reported",
        "runs.error": "Cannot read the runs: {error}",
        "col.run": "Run",
        "col.run_state": "State",
        "col.duration": "Duration",
        "col.rows": "Rows",
        "col.checks": "Checks",
        "col.anomaly": "Volume",
        "check.ok": "ok",
        "check.warn": "warning",
        "check.failed": "failed",
        "anomaly.yes": "anomaly",
        "anomaly.no": "normal",
        "lang.switch": "Русский",
        "user": "User",
        "new.title": "New pipeline",
        "new.intro": "Describe the pipeline in plain Russian or English. The assistant plans a spec, "
        "checks it against the catalog and Airflow, and shows you everything before anything is deployed.",
        "new.request": "Request",
        "new.placeholder": "e.g. Load sales from PostgreSQL to ClickHouse every day at 2 AM",
        "new.examples": "Examples (click to use)",
        "new.planner": "Planner",
        "new.planner.offline": "offline (deterministic, no network)",
        "new.planner.auto": "auto (rules first, language model when they cannot resolve)",
        "new.planner.llm": "language model (rules as fallback)",
        "new.generate": "Plan and validate",
        "new.working": "Working…",
        "new.no_generate": "You may look around, but planning needs the "
        "AI ETL Pipelines / can_generate permission.",
        "result.status": "Result",
        "status.ok": "Valid: ready to deploy",
        "status.needs_clarification": "Needs clarification",
        "status.rejected": "Rejected",
        "status.error": "Error",
        "result.schedule": "Schedule",
        "result.dag_id": "DAG id",
        "result.questions": "Please answer to re-plan",
        "result.assumptions": "Chosen for you (the request did not say)",
        "result.answer": "Your answer",
        "result.replan": "Re-plan with answers",
        "pii.title": "Personal data in the source",
        "pii.mask": "Mask them (hash)",
        "pii.allow": "Load as they are",
        "pii.values": "{matched} of {sampled} sampled values ({share}%) pass the check",
        "pii.hint.name": "the column's name says so",
        "pii.hint.comment": "the column's comment says so",
        "pii.answered.mask": "Masked (md5 hash inside the source): {columns}",
        "pii.answered.allow": "Loaded as they are, as you answered: {columns}",
        "result.validation": "Validation report",
        "result.valid": "All gates passed: schema, grounding, SQL safety, policy, render and import.",
        "result.spec": "Spec (JSON, editable)",
        "result.revalidate": "Re-validate edited spec",
        "result.bad_json": "The spec is not valid JSON",
        "result.graph": "Task graph",
        "result.code": "Rendered DAG code",
        "deploy.title": "Deploy",
        "deploy.new_file": "This DAG is new: the whole file will be written.",
        "deploy.current": "Changes against the deployed version",
        "deploy.unchanged": "Identical to the deployed version: nothing to change.",
        "deploy.button": "Deploy",
        "deploy.no_perm": "Deploying needs the AI ETL Pipelines / can_deploy permission.",
        "deploy.done": "Deployed",
        "deploy.version": "version",
        "deploy.open_dag": "Open the DAG in Airflow",
        "deploy.history": "Version history",
        "pipelines.title": "Pipelines",
        "pipelines.empty": "No pipelines deployed yet.",
        "col.dag_id": "DAG",
        "col.version": "Version",
        "col.schedule": "Schedule",
        "col.state": "File",
        "col.last_run": "Last run",
        "col.updated": "Updated",
        "col.user": "By",
        "col.request": "Request",
        "col.action": "Action",
        "col.when": "When",
        "col.status": "Result",
        "col.detail": "Details",
        "col.conn_id": "Connection",
        "col.type": "Type",
        "col.description": "Description",
        "col.host": "Host / database",
        "col.table": "Table",
        "col.columns": "Columns",
        "state.ok": "in sync",
        "state.modified": "edited by hand",
        "state.missing": "file missing",
        "manual": "manual",
        "history.title": "History",
        "history.pick": "Choose a pipeline",
        "history.diff": "Compare",
        "history.old": "old",
        "history.new": "new",
        "history.rollback": "Roll back to this version",
        "history.confirm_rollback": "Restore version {version}? It becomes a new version.",
        "history.rolled_back": "Restored; new version",
        "history.trigger": "Trigger a run",
        "history.triggered": "Run created",
        "history.no_diff": "No differences.",
        "catalog.title": "Catalog",
        "catalog.intro": "Connections and tables the planner can see.",
        "catalog.snapshot": "Catalog snapshot file",
        "catalog.refresh": "Refresh",
        "catalog.error": "Cannot read tables",
        "catalog.pk": "primary key",
        "catalog.relations": "Relations",
        "preview.button": "Preview the mart",
        "preview.title": "First rows of the mart",
        "preview.estimate_plan": "{shown} rows shown; PostgreSQL estimates the mart at about {rows} rows.",
        "preview.estimate_exact": "{shown} rows shown; the mart has {rows} rows.",
        "catalog.legend": "Arrows point from the referencing table to the referenced one: solid = declared "
        "foreign key, dashed = inferred from column names and types (hover for the evidence; "
        "`airflow ai-etl catalog --relations` also measures them on a sample).",
        "catalog.left_out": "tables not drawn",
        "audit.title": "Audit log",
        "audit.empty": "Nothing audited yet.",
        "forbidden.title": "Access denied",
        "forbidden.text": "Your role lacks the permission",
        "error.generic": "Something went wrong",
        "error.reload": "Reload the page",
        "form.title": "Form",
        "form.intro": "Every change is written into the JSON spec and checked at once; nothing is deployed "
        "until you press Deploy.",
        "form.build": "Build with the form",
        "form.source": "Source",
        "form.target": "Target",
        "form.connection": "Connection",
        "form.table": "Table",
        "form.columns": "Columns (none ticked: all)",
        "form.where": "Filter (SQL condition)",
        "form.incremental": "Incremental column",
        "form.incremental.none": "none: full load every run",
        "form.mode": "Mode",
        "form.mode.append": "append",
        "form.mode.replace": "replace",
        "form.mode.upsert": "upsert (by keys)",
        "form.keys": "Key columns",
        "form.masks": "Mask columns",
        "form.mask_method": "Mask method",
        "form.mask.hash": "hash",
        "form.mask.redact": "redact",
        "form.mask.partial": "partial",
        "form.checks": "Checks after the load",
        "form.row_count_min": "At least this many rows",
        "form.not_null": "Not null",
        "form.unique": "Unique",
        "form.schedule": "Schedule",
        "form.every": "Runs",
        "form.sched.manual": "manually",
        "form.sched.hourly": "every hour",
        "form.sched.daily": "every day",
        "form.sched.weekly": "every week",
        "form.sched.monthly": "every month",
        "form.sched.cron": "cron expression",
        "form.minute": "at minute",
        "form.time": "at",
        "form.days": "on",
        "form.day_of_month": "on day",
        "form.cron": "cron",
        "form.timezone": "Time zone",
        "form.dag_id": "DAG id",
        "form.json_broken": "The JSON spec has an error; fix it (or re-validate) before using the form.",
        "form.other_source": "The form edits PostgreSQL → ClickHouse pipelines; edit this one in the JSON.",
        "form.checking": "checking…",
        "day.1": "Mon",
        "day.2": "Tue",
        "day.3": "Wed",
        "day.4": "Thu",
        "day.5": "Fri",
        "day.6": "Sat",
        "day.0": "Sun",
        "new.planner.no_llm": "The language-model planners need an LLM connection ([ai_etl] llm_conn_id); "
        "without one only the offline planner is offered.",
        "result.field_errors": "Problems in the spec",
        "result.kept_text": "Your text is kept as you wrote it; fix the fields named below and re-validate.",
        "gate.schema": "schema",
        "gate.grounding": "catalog",
        "gate.sql_safety": "SQL safety",
        "gate.policy": "policy",
        "gate.import": "import",
        "gate.render": "render",
        "gate.planner": "planner",
        "gate.request": "request",
        "deploy.hand_edited.modified": "{path} was edited outside the assistant since v{version} was "
        "deployed; deploying would overwrite that edit. The edit is shown below.",
        "deploy.hand_edited.foreign": "{path} exists and was not written by the assistant; deploying would "
        "overwrite it. Its content is shown below.",
        "deploy.changed_again": "{path} changed again after you looked at it; review the new edit below.",
        "deploy.hand_edit": "Hand edit that a replace throws away",
        "deploy.replace": "Replace the hand-edited file",
        "deploy.replace_confirm": "Throw away the hand edit of this file and write the new version? "
        "The replace is recorded in the audit log.",
        "deploy.replace_no_perm": "Only roles with AI ETL Pipelines / can_deploy may replace a hand-edited "
        "file.",
        "trigger.checking": "Asking Airflow about this DAG…",
        "trigger.unknown": "Airflow has not parsed {dag_id} yet (the DAG processor picks new files up "
        "within a few minutes); a run can be created once it has.",
        "trigger.paused": "The DAG is paused (new DAGs start paused): a run waits in the queue until it "
        "is unpaused.",
        "trigger.unpause": "Unpause",
        "trigger.unpaused": "Unpaused",
        "trigger.pause": "Pause",
        "trigger.paused_done": "Paused: no new runs start until it is unpaused.",
        "lineage.title": "What starts it and what it feeds",
        "lineage.started_by": "Starts after",
        "lineage.feeds": "Feeds",
        "lineage.reads": "Reads",
        "lineage.writes": "Writes",
        "lineage.waiting": "Waits for assets no deployed pipeline loads",
        "lineage.nothing": "none",
        "trigger.no_perm": "Your role may not create runs of this DAG.",
        "trigger.last_run": "Latest run",
        "history.latest": "latest",
        "action.generate": "generate",
        "action.check": "check",
        "action.deploy": "deploy",
        "action.replace": "replace hand-edited file",
        "action.rollback": "rollback",
        "action.trigger": "trigger",
        "action.unpause": "unpause",
        "action.pause": "pause",
        "audit.status.ok": "ok",
        "audit.status.needs_clarification": "needs clarification",
        "audit.status.rejected": "rejected",
        "audit.status.refused": "refused",
        "audit.status.error": "error",
        "audit.status.forbidden": "forbidden",
        "detail.version": "version",
        "detail.path": "file",
        "detail.questions": "questions",
        "detail.errors": "problems",
        "detail.run_id": "run",
        "detail.to_version": "to version",
        "detail.new_version": "new version",
        "detail.strategy": "planner",
        "detail.pii": "personal data",
        "detail.error": "error",
        "detail.hand_edit": "hand edit",
        "detail.replaced_hand_edit": "hand edit thrown away",
        "run.queued": "queued",
        "run.running": "running",
        "run.success": "success",
        "run.failed": "failed",
        "run.up_for_retry": "up for retry",
        "run.skipped": "skipped",
        "api.no_request": 'Send the request text: {"request": "..."}',
        "api.unknown_strategy": "Unknown planner {strategy!r}; use one of {choices}.",
        "api.no_llm": "No LLM connection is configured ([ai_etl] llm_conn_id), so only the offline "
        "planner can be used.",
        "api.internal": "Internal error: {error}",
        "api.bad_pii": 'The personal-data answer is "mask" or "allow", not {pii!r}',
        "api.no_spec": 'Send the spec as a JSON object: {"spec": {...}}',
        "api.no_version": 'Send the version to restore: {"version": N}',
        "api.csrf": "The page's security token has expired (or the server restarted). Reload the page "
        "and try again; your text is kept in this page until you do.",
        "api.login": "Not logged in (or the session has ended): log in again.",
        "api.forbidden": "Permission denied: your role lacks {action} on {resource}.",
        "api.no_trigger": "Permission denied: your role may not create runs of {dag_id}.",
        "api.no_unpause": "Permission denied: your role may not unpause {dag_id}.",
        "api.no_pause": "Permission denied: your role may not pause {dag_id}.",
        "api.trigger_failed": "Cannot trigger {dag_id}: {error}",
    },
    "ru": {
        "app": "AI ETL",
        "menu.new": "Новый пайплайн",
        "menu.pipelines": "Пайплайны",
        "menu.history": "История",
        "menu.catalog": "Каталог",
        "menu.audit": "Журнал аудита",
        "menu.runs": "Запуски",
        "runs.title": "Запуски",
        "runs.intro": "Последние запуски каждого пайплайна по записям самого Airflow: состояние, "
        "длительность, загружено строк, результаты проверок и аномалии объёма.",
        "runs.all": "Все пайплайны",
        "runs.empty": "Запусков пока нет.",
        "runs.none": "Пока ничего не развёрнуто.",
        "runs.chart": "Загружено строк (столбцы) и длительность (точки) по запускам, от старых к новым",
        "runs.rows_axis": "строк",
        "runs.seconds_axis": "с",
        "runs.no_rows": "строки не сообщены",
        "runs.error": "Не удалось прочитать запуски: {error}",
        "col.run": "Запуск",
        "col.run_state": "Состояние",
        "col.duration": "Длительность",
        "col.rows": "Строк",
        "col.checks": "Проверки",
        "col.anomaly": "Объём",
        "check.ok": "пройдена",
        "check.warn": "предупреждение",
        "check.failed": "провалена",
        "anomaly.yes": "аномалия",
        "anomaly.no": "в норме",
        "lang.switch": "English",
        "user": "Пользователь",
        "new.title": "Новый пайплайн",
        "new.intro": "Опишите пайплайн обычными словами по-русски или по-английски. Ассистент составит "
        "спецификацию, проверит её по каталогу и в Airflow и всё покажет до развёртывания.",
        "new.request": "Запрос",
        "new.placeholder": "например: Загружать данные о продажах из PostgreSQL в ClickHouse "
        "ежедневно в 2 часа ночи",
        "new.examples": "Примеры (нажмите, чтобы подставить)",
        "new.planner": "Планировщик",
        "new.planner.offline": "офлайн (детерминированный, без сети)",
        "new.planner.auto": "авто (сначала правила, модель — если они не справились)",
        "new.planner.llm": "языковая модель (правила — запасной вариант)",
        "new.generate": "Составить и проверить",
        "new.working": "Работаю…",
        "new.no_generate": "Смотреть можно, но для составления нужно право AI ETL Pipelines / can_generate.",
        "result.status": "Результат",
        "status.ok": "Проверено: можно развернуть",
        "status.needs_clarification": "Нужно уточнение",
        "status.rejected": "Отклонено",
        "status.error": "Ошибка",
        "result.schedule": "Расписание",
        "result.dag_id": "Идентификатор DAG",
        "result.questions": "Ответьте, чтобы составить заново",
        "result.assumptions": "Выбрано за вас (в запросе не сказано)",
        "result.answer": "Ваш ответ",
        "result.replan": "Составить заново с ответами",
        "pii.title": "Персональные данные в источнике",
        "pii.mask": "Маскировать (хеш)",
        "pii.allow": "Загрузить как есть",
        "pii.values": "{matched} из {sampled} значений выборки ({share}%) проходят проверку",
        "pii.hint.name": "так названа колонка",
        "pii.hint.comment": "так сказано в комментарии колонки",
        "pii.answered.mask": "Замаскированы (хеш md5 в источнике): {columns}",
        "pii.answered.allow": "Загружаются как есть, по вашему ответу: {columns}",
        "result.validation": "Отчёт о проверке",
        "result.valid": "Все проверки пройдены: схема, каталог, безопасность SQL, политика, рендер и импорт.",
        "result.spec": "Спецификация (JSON, можно править)",
        "result.revalidate": "Проверить исправленную спецификацию",
        "result.bad_json": "Спецификация — некорректный JSON",
        "result.graph": "Граф задач",
        "result.code": "Сгенерированный код DAG",
        "deploy.title": "Развёртывание",
        "deploy.new_file": "Это новый DAG: файл будет записан целиком.",
        "deploy.current": "Изменения относительно развёрнутой версии",
        "deploy.unchanged": "Совпадает с развёрнутой версией: менять нечего.",
        "deploy.button": "Развернуть",
        "deploy.no_perm": "Для развёртывания нужно право AI ETL Pipelines / can_deploy.",
        "deploy.done": "Развёрнуто",
        "deploy.version": "версия",
        "deploy.open_dag": "Открыть DAG в Airflow",
        "deploy.history": "История версий",
        "pipelines.title": "Пайплайны",
        "pipelines.empty": "Пока ничего не развёрнуто.",
        "col.dag_id": "DAG",
        "col.version": "Версия",
        "col.schedule": "Расписание",
        "col.state": "Файл",
        "col.last_run": "Последний запуск",
        "col.updated": "Обновлён",
        "col.user": "Кто",
        "col.request": "Запрос",
        "col.action": "Действие",
        "col.when": "Когда",
        "col.status": "Результат",
        "col.detail": "Подробности",
        "col.conn_id": "Подключение",
        "col.type": "Тип",
        "col.description": "Описание",
        "col.host": "Хост / база",
        "col.table": "Таблица",
        "col.columns": "Колонки",
        "state.ok": "совпадает",
        "state.modified": "изменён вручную",
        "state.missing": "файла нет",
        "manual": "вручную",
        "history.title": "История",
        "history.pick": "Выберите пайплайн",
        "history.diff": "Сравнить",
        "history.old": "старая",
        "history.new": "новая",
        "history.rollback": "Откатить к этой версии",
        "history.confirm_rollback": "Восстановить версию {version}? Она станет новой версией.",
        "history.rolled_back": "Восстановлено; новая версия",
        "history.trigger": "Запустить",
        "history.triggered": "Запуск создан",
        "history.no_diff": "Различий нет.",
        "catalog.title": "Каталог",
        "catalog.intro": "Подключения и таблицы, которые видит планировщик.",
        "catalog.snapshot": "Файл-снимок каталога",
        "catalog.refresh": "Обновить",
        "catalog.error": "Не удалось прочитать таблицы",
        "catalog.pk": "первичный ключ",
        "catalog.relations": "Связи",
        "preview.button": "Предпросмотр витрины",
        "preview.title": "Первые строки витрины",
        "preview.estimate_plan": "Показано строк: {shown}; по оценке PostgreSQL в витрине около {rows} "
        "строк.",
        "preview.estimate_exact": "Показано строк: {shown}; в витрине {rows} строк.",
        "catalog.legend": "Стрелка ведёт от ссылающейся таблицы к той, на которую она ссылается: сплошная — "
        "объявленный внешний ключ, пунктир — выведена из имён и типов столбцов (наведите курсор, чтобы "
        "увидеть основания; `airflow ai-etl catalog --relations` проверяет их ещё и на выборке).",
        "catalog.left_out": "таблиц не показано",
        "audit.title": "Журнал аудита",
        "audit.empty": "Записей пока нет.",
        "forbidden.title": "Доступ запрещён",
        "forbidden.text": "У вашей роли нет права",
        "error.generic": "Что-то пошло не так",
        "error.reload": "Перезагрузить страницу",
        "form.title": "Форма",
        "form.intro": "Каждое изменение записывается в JSON-спецификацию и сразу проверяется; ничего не "
        "развёртывается, пока вы не нажмёте «Развернуть».",
        "form.build": "Собрать в форме",
        "form.source": "Источник",
        "form.target": "Приёмник",
        "form.connection": "Подключение",
        "form.table": "Таблица",
        "form.columns": "Колонки (ничего не отмечено — все)",
        "form.where": "Фильтр (условие SQL)",
        "form.incremental": "Колонка инкремента",
        "form.incremental.none": "нет: полная загрузка при каждом запуске",
        "form.mode": "Режим",
        "form.mode.append": "добавление",
        "form.mode.replace": "замена",
        "form.mode.upsert": "upsert (по ключам)",
        "form.keys": "Ключевые колонки",
        "form.masks": "Маскировать колонки",
        "form.mask_method": "Способ маскирования",
        "form.mask.hash": "хеш",
        "form.mask.redact": "скрыть",
        "form.mask.partial": "частично",
        "form.checks": "Проверки после загрузки",
        "form.row_count_min": "Не меньше строк",
        "form.not_null": "Не пустые",
        "form.unique": "Уникальные",
        "form.schedule": "Расписание",
        "form.every": "Запуск",
        "form.sched.manual": "вручную",
        "form.sched.hourly": "каждый час",
        "form.sched.daily": "каждый день",
        "form.sched.weekly": "каждую неделю",
        "form.sched.monthly": "каждый месяц",
        "form.sched.cron": "cron-выражение",
        "form.minute": "в минуту",
        "form.time": "в",
        "form.days": "по дням",
        "form.day_of_month": "числа",
        "form.cron": "cron",
        "form.timezone": "Часовой пояс",
        "form.dag_id": "Идентификатор DAG",
        "form.json_broken": "В JSON-спецификации ошибка; исправьте её (или проверьте снова), прежде чем "
        "пользоваться формой.",
        "form.other_source": "Форма редактирует пайплайны PostgreSQL → ClickHouse; этот правьте в JSON.",
        "form.checking": "проверяю…",
        "day.1": "пн",
        "day.2": "вт",
        "day.3": "ср",
        "day.4": "чт",
        "day.5": "пт",
        "day.6": "сб",
        "day.0": "вс",
        "new.planner.no_llm": "Планировщикам с языковой моделью нужно подключение к LLM ([ai_etl] "
        "llm_conn_id); без него доступен только офлайн-планировщик.",
        "result.field_errors": "Ошибки в спецификации",
        "result.kept_text": "Ваш текст сохранён как есть; исправьте указанные ниже поля и проверьте снова.",
        "gate.schema": "схема",
        "gate.grounding": "каталог",
        "gate.sql_safety": "безопасность SQL",
        "gate.policy": "политика",
        "gate.import": "импорт",
        "gate.render": "генерация кода",
        "gate.planner": "планировщик",
        "gate.request": "запрос",
        "deploy.hand_edited.modified": "Файл {path} изменён вне ассистента после развёртывания v{version}; "
        "развёртывание перезапишет эту правку. Правка показана ниже.",
        "deploy.hand_edited.foreign": "Файл {path} существует и записан не ассистентом; развёртывание "
        "перезапишет его. Его содержимое показано ниже.",
        "deploy.changed_again": "Файл {path} снова изменился после того, как вы его смотрели; проверьте "
        "новую правку ниже.",
        "deploy.hand_edit": "Ручная правка, которую удалит замена",
        "deploy.replace": "Заменить изменённый вручную файл",
        "deploy.replace_confirm": "Удалить ручную правку этого файла и записать новую версию? Замена "
        "записывается в журнал аудита.",
        "deploy.replace_no_perm": "Заменить изменённый вручную файл могут только роли с правом AI ETL "
        "Pipelines / can_deploy.",
        "trigger.checking": "Спрашиваю Airflow об этом DAG…",
        "trigger.unknown": "Airflow ещё не разобрал {dag_id} (процессор DAG подхватывает новые файлы за "
        "несколько минут); запуск можно будет создать после этого.",
        "trigger.paused": "DAG приостановлен (новые DAG создаются приостановленными): запуск ждёт в "
        "очереди, пока DAG не включат.",
        "trigger.unpause": "Включить",
        "trigger.unpaused": "Включён",
        "trigger.pause": "Приостановить",
        "trigger.paused_done": "Приостановлен: новые запуски не начнутся, пока DAG не включат.",
        "lineage.title": "Что его запускает и что он питает",
        "lineage.started_by": "Запускается после",
        "lineage.feeds": "Питает",
        "lineage.reads": "Читает",
        "lineage.writes": "Пишет",
        "lineage.waiting": "Ждёт активы, которые не загружает ни один развёрнутый пайплайн",
        "lineage.nothing": "нет",
        "trigger.no_perm": "Ваша роль не может создавать запуски этого DAG.",
        "trigger.last_run": "Последний запуск",
        "history.latest": "текущая",
        "action.generate": "составление",
        "action.check": "проверка",
        "action.deploy": "развёртывание",
        "action.replace": "замена изменённого вручную файла",
        "action.rollback": "откат",
        "action.trigger": "запуск",
        "action.unpause": "включение",
        "action.pause": "приостановка",
        "audit.status.ok": "успешно",
        "audit.status.needs_clarification": "нужно уточнение",
        "audit.status.rejected": "отклонено",
        "audit.status.refused": "не выполнено",
        "audit.status.error": "ошибка",
        "audit.status.forbidden": "запрещено",
        "detail.version": "версия",
        "detail.path": "файл",
        "detail.questions": "вопросы",
        "detail.errors": "ошибки",
        "detail.run_id": "запуск",
        "detail.to_version": "к версии",
        "detail.new_version": "новая версия",
        "detail.strategy": "планировщик",
        "detail.pii": "персональные данные",
        "detail.error": "ошибка",
        "detail.hand_edit": "ручная правка",
        "detail.replaced_hand_edit": "удалённая ручная правка",
        "run.queued": "в очереди",
        "run.running": "выполняется",
        "run.success": "успешно",
        "run.failed": "с ошибкой",
        "run.up_for_retry": "ждёт повтора",
        "run.skipped": "пропущен",
        "api.no_request": 'Отправьте текст запроса: {"request": "..."}',
        "api.unknown_strategy": "Неизвестный планировщик {strategy!r}; допустимы: {choices}.",
        "api.no_llm": "Подключение к LLM не настроено ([ai_etl] llm_conn_id), поэтому доступен только "
        "офлайн-планировщик.",
        "api.internal": "Внутренняя ошибка: {error}",
        "api.bad_pii": 'Ответ о персональных данных — "mask" или "allow", а не {pii!r}',
        "api.no_spec": 'Отправьте спецификацию как JSON-объект: {"spec": {...}}',
        "api.no_version": 'Укажите версию для восстановления: {"version": N}',
        "api.csrf": "Срок действия защитного токена страницы истёк (или сервер перезапущен). "
        "Перезагрузите страницу и повторите; до перезагрузки ваш текст остаётся на странице.",
        "api.login": "Вы не вошли (или сеанс завершён): войдите снова.",
        "api.forbidden": "Доступ запрещён: у вашей роли нет права {action} на {resource}.",
        "api.no_trigger": "Доступ запрещён: ваша роль не может создавать запуски {dag_id}.",
        "api.no_unpause": "Доступ запрещён: ваша роль не может включить {dag_id}.",
        "api.no_pause": "Доступ запрещён: ваша роль не может приостановить {dag_id}.",
        "api.trigger_failed": "Не удалось запустить {dag_id}: {error}",
    },
}


def localize_payload(payload: dict[str, Any], language: str) -> dict[str, Any]:
    """A result for the page with the planner's questions and the gates' messages in ``language``
    (English originals stay in ``questions_en`` / each problem's ``message_en`` for the audit log)."""
    from airflow_ai_etl.web.messages import translate

    if language == DEFAULT_LANGUAGE:
        return payload
    questions = list(payload.get("questions") or [])
    errors = [dict(p) for p in payload.get("errors") or []]
    for problem in errors:
        problem["message_en"] = problem.get("message", "")
        problem["message"] = translate(problem["message_en"], language)
    return {
        **payload,
        "questions": [translate(q, language) for q in questions],
        "questions_en": questions,
        "errors": errors,
    }


def detail_items(detail: str, language: str) -> list[tuple[str, str]]:
    """An audit entry's detail as (label, text) pairs in ``language``; free text is one pair."""
    import json

    from airflow_ai_etl.web.messages import translate

    t = translator(language)
    try:
        data = json.loads(detail) if detail.startswith(("{", "[")) else None
    except ValueError:
        data = None
    if not isinstance(data, dict):
        return [("", translate(detail, language))] if detail else []
    items = []
    for key, value in data.items():
        if isinstance(value, list):
            texts = [v.get("message", "") if isinstance(v, dict) else str(v) for v in value]
            value = "; ".join(translate(text, language) for text in texts)
        elif isinstance(value, str):
            value = translate(value, language)
        items.append((t(f"detail.{key}") if f"detail.{key}" in TEXTS[DEFAULT_LANGUAGE] else key, str(value)))
    return items


def negotiate(query: str | None, cookie: str | None, accept_language: Any) -> str:
    """Pick the UI language.

    :param query: the ``lang`` query argument, if any.
    :param cookie: the remembered choice, if any.
    :param accept_language: werkzeug's ``request.accept_languages`` (values with qualities).
    """
    for choice in (query, cookie):
        if choice and choice.lower()[:2] in LANGUAGES:
            return choice.lower()[:2]
    # Highest quality first; "ru-RU" counts as "ru" (werkzeug's best_match would prefer an exact "en").
    for value, _quality in accept_language or ():
        primary = value.lower().split("-")[0]
        if primary in LANGUAGES:
            return primary
    return DEFAULT_LANGUAGE


def current_language() -> str:
    """The language of the current Flask request."""
    return negotiate(request.args.get("lang"), request.cookies.get(COOKIE), request.accept_languages)


def translator(language: str) -> Callable[..., str]:
    """``t(key, **fields)``: the text in ``language``, falling back to English, then to the key."""
    texts = TEXTS.get(language, TEXTS[DEFAULT_LANGUAGE])

    def t(key: str, **fields: Any) -> str:
        text = texts.get(key) or TEXTS[DEFAULT_LANGUAGE].get(key) or key
        return text.format(**fields) if fields else text

    return t


def page_context() -> dict[str, Any]:
    """What every template needs: language, translator, the other language, permissions."""
    from airflow_ai_etl.web.permissions import capabilities, current_username, is_logged_in

    language = current_language()
    other = "ru" if language == "en" else "en"
    query = {k: v for k, v in request.args.items() if k != "lang"}
    return {
        "lang_switch_url": "?" + urlencode({**query, "lang": other}),
        "lang": language,
        "other_lang": other,
        "t": translator(language),
        "texts": TEXTS.get(language, TEXTS[DEFAULT_LANGUAGE]),
        "caps": capabilities() if is_logged_in() else {},
        "username": current_username() if is_logged_in() else "",
    }
