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
        "result.answer": "Your answer",
        "result.replan": "Re-plan with answers",
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
    },
    "ru": {
        "app": "AI ETL",
        "menu.new": "Новый пайплайн",
        "menu.pipelines": "Пайплайны",
        "menu.history": "История",
        "menu.catalog": "Каталог",
        "menu.audit": "Журнал аудита",
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
        "result.dag_id": "DAG id",
        "result.questions": "Ответьте, чтобы составить заново",
        "result.answer": "Ваш ответ",
        "result.replan": "Составить заново с ответами",
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
    },
}


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
