"""The offline planner reads what starts a pipeline: new files, other pipelines' loads, a person (issue 18)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from airflow_ai_etl.planning.offline import OfflinePlanner
from airflow_ai_etl.planning.triggers import folder_path, read_trigger
from tests.catalogs import shop_catalog

CH = "clickhouse://127.0.0.1:9000/default/"
LOADED = {CH + t: [f"{t}_pg_shop_to_clickhouse_default"] for t in ("orders", "sales", "customers")}


@pytest.fixture(scope="module")
def planner() -> OfflinePlanner:
    """A shop whose orders, sales and customers are loaded into ClickHouse by deployed pipelines."""
    return OfflinePlanner(dataclasses.replace(shop_catalog(), assets=LOADED))


@pytest.fixture(scope="module")
def bare() -> OfflinePlanner:
    """A shop with nothing deployed."""
    return OfflinePlanner(shop_catalog())


# --- new files ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "path", "fmt", "table"),
    [
        ("Как только в s3://raw/orders/ появится новый csv, грузи его в таблицу raw_orders",
         "s3://raw/orders/", "csv", "raw_orders"),
        ("При появлении новых файлов jsonl в s3://events/app/ загружать их в таблицу app_events",
         "s3://events/app/", "jsonl", "app_events"),
        ("Загружать CSV из s3://raw/returns/ в таблицу returns_raw по мере поступления файлов",
         "s3://raw/returns/", "csv", "returns_raw"),
        ("новые CSV в s3://feed/prices/ сразу закидывать в таблицу partner_prices",
         "s3://feed/prices/", "csv", "partner_prices"),
        ("As soon as a new CSV shows up in s3://raw/orders/, load it into raw_orders",
         "s3://raw/orders/", "csv", "raw_orders"),
        ("Load new CSV files from s3://feed/prices/ into partner_prices as they arrive",
         "s3://feed/prices/", "csv", "partner_prices"),
    ],
)  # fmt: skip
def test_new_files_in_s3(planner: OfflinePlanner, text: str, path: str, fmt: str, table: str) -> None:
    outcome = planner.plan(text)
    assert outcome.status == "ok", outcome.questions
    spec = outcome.spec
    assert spec.on_new_files is True and spec.schedule is None and spec.schedule_assets == []
    assert (spec.source.type, spec.source.path, spec.source.format) == ("s3", path, fmt)
    assert spec.target.table == table and spec.target.type == "clickhouse"
    assert spec.request == text  # the request as written, not the text the rest was planned from


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("Когда в папку /mnt/share/reports/ падает новый csv, загружать его в таблицу reports", "/mnt/share/reports/"),
        # «uploads» inside the path is a name, not the arrival word "upload"
        ("Бухгалтерия кидает выгрузки в /mnt/buh/uploads/ в формате csv, хочу чтобы каждый новый файл сам "
         "грузился в таблицу reports", "/mnt/buh/uploads/"),
        ("When a new CSV lands in the folder /mnt/share/reports/, import it into reports", "/mnt/share/reports/"),
    ],
)  # fmt: skip
def test_new_files_in_a_local_folder(planner: OfflinePlanner, text: str, path: str) -> None:
    outcome = planner.plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.on_new_files is True
    assert (outcome.spec.source.type, outcome.spec.source.path) == ("s3", path)
    assert outcome.spec.source.conn_id is None  # a local folder needs no S3 connection


def test_a_clock_that_reads_new_files_is_not_a_file_trigger(planner: OfflinePlanner) -> None:
    outcome = planner.plan("Каждый час забирать новые csv из s3://raw/orders/ в таблицу raw_orders")
    assert outcome.status == "ok"
    assert outcome.spec.schedule == "0 * * * *" and outcome.spec.on_new_files is False


def test_a_path_word_is_not_read_as_a_schedule(planner: OfflinePlanner) -> None:
    """s3://exports/daily/ names a place; «daily» in it is no clock competing with the file trigger."""
    outcome = planner.plan(
        "Следи за бакетом s3://exports/daily/ и каждый новый parquet-файл заливай в таблицу d"
    )
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.on_new_files is True and outcome.spec.schedule is None


@pytest.mark.parametrize(
    "text",
    [
        "Загружать csv из s3://raw/orders/ в raw_orders сразу при появлении файла и ещё каждый день в 6 утра",
        "Load CSV files from /mnt/share/reports/ into reports as soon as they appear, and also daily at 7",
    ],
)
def test_files_and_a_clock_at_once_is_a_question(planner: OfflinePlanner, text: str) -> None:
    outcome = planner.plan(text)
    assert outcome.status == "needs_clarification"
    assert any("One of the two" in q or "Одно из двух" in q for q in outcome.questions)


def test_new_files_without_a_place_is_a_question(planner: OfflinePlanner) -> None:
    outcome = planner.plan("Когда в папке появится новый файл, загрузить его в таблицу files_raw")
    assert outcome.status == "needs_clarification"
    assert any("S3" in q for q in outcome.questions)


# --- after other loads -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "upstream"),
    [
        ("После загрузки orders загружать payments в ClickHouse", "payments", ["orders"]),
        ("Когда закончится загрузка заказов, переносить клиентов в ClickHouse", "customers", ["orders"]),
        ("Грузить товары в ClickHouse каждый раз, когда обновится таблица sales", "products", ["sales"]),
        ("По окончании загрузки клиентов запускать перенос заказов в ClickHouse", "orders", ["customers"]),
        ("Загружать платежи в ClickHouse, когда обновятся и заказы, и клиенты", "payments", ["orders", "customers"]),
        ("When the sales load finishes, copy payments to ClickHouse", "payments", ["sales"]),
        ("Load customers into ClickHouse right after the orders table is loaded", "customers", ["orders"]),
        ("Run the products load every time orders get refreshed", "products", ["orders"]),
        ("Copy payments to ClickHouse once both orders and customers have been loaded", "payments",
         ["orders", "customers"]),
    ],
)  # fmt: skip
def test_after_other_loads(planner: OfflinePlanner, text: str, source: str, upstream: list[str]) -> None:
    outcome = planner.plan(text)
    assert outcome.status == "ok", outcome.questions
    spec = outcome.spec
    assert spec.source.table == source
    assert set(spec.schedule_assets) == {CH + t for t in upstream}
    assert spec.schedule is None and spec.on_new_files is False


def test_a_mart_after_a_load(planner: OfflinePlanner) -> None:
    outcome = planner.plan(
        "Сразу после того как загрузятся продажи, обновлять витрину выручки по регионам и дням"
    )
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.source.type == "mart" and outcome.spec.source.table == "sales"
    assert outcome.spec.schedule_assets == [CH + "sales"]


def test_a_load_nothing_deployed_produces_is_a_question_listing_what_is_loaded(
    planner: OfflinePlanner,
) -> None:
    outcome = planner.plan("After the inventory load finishes, copy users to ClickHouse")
    assert outcome.status == "needs_clarification"
    (question,) = outcome.questions
    assert "inventory" in question
    assert all(uri in question for uri in LOADED)  # the loaded assets, to choose from


def test_nothing_deployed_is_a_question(bare: OfflinePlanner) -> None:
    outcome = bare.plan("После загрузки заказов обновлять клиентов в ClickHouse")
    assert outcome.status == "needs_clarification"
    assert "ни один пайплайн" in outcome.questions[0].lower()


# --- a person ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["Load the products table only when I trigger it", "Переносить клиентов в ClickHouse по запросу"]
)
def test_manual(bare: OfflinePlanner, text: str) -> None:
    outcome = bare.plan(text)
    assert outcome.status == "ok", outcome.questions
    assert (
        outcome.spec.schedule is None and not outcome.spec.on_new_files and not outcome.spec.schedule_assets
    )


# --- the reader itself -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Загружать заказы из PostgreSQL в ClickHouse ежедневно в 2 часа ночи",
        "Load orders updated after midnight into ClickHouse every hour",
        "Грузить заказы, которые обновились после 1 января, каждый день",
    ],
)
def test_plain_loads_have_no_trigger(text: str) -> None:
    assert read_trigger(text) is None


def test_folder_path() -> None:
    assert folder_path("из папки /mnt/share/reports/ в ClickHouse") == "/mnt/share/reports/"
    assert folder_path("Грузить /data/prices.xlsx в prices") is None  # an Excel file, not a folder
    assert folder_path("из s3://bucket/in/") is None


# --- through the assistant: the deployed pipelines' assets reach the planner ------------------------


def test_generate_after_a_deployed_load(tmp_path: Path) -> None:
    """«после загрузки заказов ...» names the asset a deployed pipeline loads; the DAG is scheduled on it."""
    from airflow_ai_etl.assistant import Assistant

    assistant = Assistant(catalog=shop_catalog(), dags_folder=tmp_path / "dags", state_dir=tmp_path / "state")
    before = assistant.generate("После загрузки заказов переносить товары в ClickHouse")
    assert before.status == "needs_clarification"  # nothing loads orders yet
    loaded = assistant.generate("Загружать заказы из PostgreSQL в ClickHouse ежедневно в 2 часа ночи")
    assert loaded.status == "ok", loaded.questions
    assistant.deploy(loaded)
    after = Assistant(catalog=shop_catalog(), dags_folder=tmp_path / "dags", state_dir=tmp_path / "state")
    outcome = after.generate("После загрузки заказов переносить товары в ClickHouse")
    assert outcome.status == "ok", (outcome.questions, outcome.errors)
    assert outcome.spec.schedule_assets == [CH + "orders"]
    assert (
        'Asset(uri="clickhouse://127.0.0.1:9000/default/orders")'
        in outcome.source_code.split("schedule=[")[1]
    )


@pytest.mark.parametrize(
    "text",
    [
        "Загружать платежи в ClickHouse после загрузки заказов или клиентов",
        "Copy payments to ClickHouse when either the customers or the orders load is done",
    ],
)
def test_an_or_between_upstream_loads_is_a_question(planner: OfflinePlanner, text: str) -> None:
    outcome = planner.plan(text)  # schedule_assets waits for all: an «или» must not become an «и»
    assert outcome.status == "needs_clarification"
    assert "orders" in outcome.questions[0] and "customers" in outcome.questions[0]


def test_an_or_with_one_known_upstream_is_still_that_one(planner: OfflinePlanner) -> None:
    outcome = planner.plan("После загрузки или обновления заказов переносить платежи в ClickHouse")
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.schedule_assets == [CH + "orders"]


def test_a_table_name_in_brackets_is_no_filter_value(planner: OfflinePlanner) -> None:
    outcome = planner.plan("Когда загрузятся заказы, переносить остатки по складам (inventory) в ClickHouse")
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.source.table == "inventory" and outcome.spec.source.where is None
    assert outcome.spec.schedule_assets == [CH + "orders"]


@pytest.mark.parametrize(
    ("text", "table"),
    [
        ("Следить за s3://vendor/landing/ и каждый новый csv загружать в vendor_rows", "vendor_rows"),
        (
            "Watch s3://vendor/landing/ and load each new parquet file into the vendor_rows table",
            "vendor_rows",
        ),
        ("Новые json из s3://vendor/in/ сразу грузить в ch_stage_rows", "ch_stage_rows"),
    ],
)
def test_a_bare_target_table_of_new_s3_files(planner: OfflinePlanner, text: str, table: str) -> None:
    outcome = planner.plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.on_new_files is True and outcome.spec.target.table == table


def test_a_bare_target_of_a_local_folder_is_asked_without_file_roots(
    planner: OfflinePlanner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AIRFLOW__AI_ETL__FILE_ROOTS", raising=False)
    outcome = planner.plan("Когда в /mnt/landing/ появится новый csv, грузить его в landing_rows")
    assert outcome.status == "needs_clarification"  # no roots: the planner cannot vouch for the folder


@pytest.mark.parametrize(
    ("text", "table", "schedule", "on_new_files"),
    [
        ("Когда в /srv/in/landing/ появится новый csv, грузить его в landing_rows", "landing_rows", None, True),
        ("Следить за папкой /srv/in/acts/ и загружать каждый новый parquet в acts_raw", "acts_raw", None, True),
        ("Раз в сутки в 4 утра подгружать новые parquet из /srv/in/gps/ в gps_track", "gps_track", "0 4 * * *",
         None),
        ("Every 10 minutes pick up new jsonl files from /srv/in/events/ into the events_raw table", "events_raw",
         "*/10 * * * *", None),
    ],
)  # fmt: skip
def test_a_bare_target_of_a_local_folder_under_the_file_roots(
    planner: OfflinePlanner,
    monkeypatch: pytest.MonkeyPatch,
    text: str,
    table: str,
    schedule: str | None,
    on_new_files: bool | None,
) -> None:
    monkeypatch.setenv("AIRFLOW__AI_ETL__FILE_ROOTS", "/srv/in")
    outcome = planner.plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.target.table == table and outcome.spec.schedule == schedule
    assert bool(outcome.spec.on_new_files) is bool(on_new_files) and outcome.spec.source.type == "s3"


@pytest.mark.parametrize(
    "text",
    [
        "Когда в сетевой папке /mnt/share/in/ появится новый csv — грузи его в reports_raw",
        "When a new csv lands in /mnt/share/in/, load it into reports_raw",
    ],
)
def test_a_watched_folder_outside_the_file_roots_is_a_question_naming_them(
    planner: OfflinePlanner, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    monkeypatch.setenv("AIRFLOW__AI_ETL__FILE_ROOTS", "/srv/in,/srv/reports")
    outcome = planner.plan(text)
    assert outcome.status == "needs_clarification"
    assert "/mnt/share/in/" in outcome.questions[0] and "/srv/in, /srv/reports" in outcome.questions[0]


@pytest.mark.parametrize(
    ("text", "table"),
    [
        ("Every 15 minutes, pick up new CSV files from s3://raw/clicks/ into the click_rows table", "click_rows"),
        ("Каждый час забирать csv из s3://raw/clicks/ в click_rows", "click_rows"),
        ("Ежедневно в 5 утра догружать parquet из s3://raw/gps/ в gps_rows.", "gps_rows"),
    ],
)  # fmt: skip
def test_a_bare_target_table_of_a_clocked_file_load(planner: OfflinePlanner, text: str, table: str) -> None:
    outcome = planner.plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.target.table == table and outcome.spec.schedule and not outcome.spec.on_new_files


def test_two_bare_names_are_a_question(planner: OfflinePlanner) -> None:
    outcome = planner.plan("Каждый час забирать csv из s3://raw/clicks/ в click_rows или в click_copy")
    assert outcome.status == "needs_clarification"


# --- after other loads: more ways to name the upstream (heldout_triggers_c families) ---------------


@pytest.mark.parametrize(
    ("text", "source", "upstream"),
    [
        ("Как отработает загрузка заказов — сразу перелить товары в кликхаус", "products", ["orders"]),
        ("Как загрузятся продажи, перелить товары в кликхаус", "products", ["sales"]),
        ("Вслед за загрузкой клиентов грузить товары в кликхаус", "products", ["customers"]),
        ("Следом за загрузкой продаж перелить товары в ClickHouse", "products", ["sales"]),
        ("Following the customers load, copy products to ClickHouse", "products", ["customers"]),
        ("Run after sales_pg_shop_to_clickhouse_default: copy products to ClickHouse", "products", ["sales"]),
        ("Start after the customers_pg_shop_to_clickhouse_default pipeline: load products into ClickHouse",
         "products", ["customers"]),
        ("запускать после дага orders_pg_shop_to_clickhouse_default: перелить товары в кликхаус", "products",
         ["orders"]),
    ],
)  # fmt: skip
def test_the_upstream_by_a_verb_phrase_or_a_dag_id(
    planner: OfflinePlanner, text: str, source: str, upstream: list[str]
) -> None:
    outcome = planner.plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.source.table == source and outcome.spec.schedule is None
    assert outcome.spec.schedule_assets == [CH + t for t in upstream]


def test_a_dag_id_nothing_deployed_has_is_a_question(planner: OfflinePlanner) -> None:
    outcome = planner.plan(
        "запускать после дага returns_pg_shop_to_clickhouse_default: перелить товары в кликхаус"
    )
    assert outcome.status == "needs_clarification"
    assert "orders_pg_shop_to_clickhouse_default" in outcome.questions[0]  # the loaded assets are listed


def test_a_dag_id_with_a_mart_after_it(planner: OfflinePlanner) -> None:
    outcome = planner.plan(
        "запускать после дага orders_pg_shop_to_clickhouse_default: витрина количества заказов по статусам"
    )
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.source.type == "mart" and outcome.spec.schedule_assets == [CH + "orders"]


def test_the_upstream_named_by_its_table_comment() -> None:
    """«табель»: the comment of the loaded timesheets table («Табель учёта рабочего времени»)."""
    from tests.catalogs import hr_catalog

    hr = "clickhouse://127.0.0.1:9000/hr/"
    loaded = {hr + t: [f"{t}_pg_hr_to_ch_hr"] for t in ("timesheets", "employees")}
    planner = OfflinePlanner(dataclasses.replace(hr_catalog(), assets=loaded))
    outcome = planner.plan("Когда обновится табель — строить сводку часов по проектам по неделям")
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.schedule_assets == [hr + "timesheets"] and outcome.spec.source.table == "timesheets"
    outcome = OfflinePlanner(dataclasses.replace(hr_catalog(), assets={hr + "employees": ["e"]})).plan(
        "Когда обновится табель — строить сводку часов по проектам по неделям"
    )
    assert outcome.status == "needs_clarification"  # the timesheets are not loaded by anything deployed


@pytest.mark.parametrize(
    ("text", "grain"),
    [
        ("Once the sales load is done, rebuild the daily revenue by region", "day"),
        ("Rebuild the monthly revenue by region mart once the sales load has finished", "month"),
    ],
)
def test_a_grain_adjective_of_a_triggered_mart_is_no_clock(
    planner: OfflinePlanner, text: str, grain: str
) -> None:
    outcome = planner.plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.schedule is None and outcome.spec.schedule_assets == [CH + "sales"]
    assert outcome.spec.source.mart.time_grain.grain == grain


def test_a_triggered_mart_with_a_clock_too_is_a_question(planner: OfflinePlanner) -> None:
    outcome = planner.plan("После загрузки продаж обновлять витрину выручки по регионам ежедневно в 6 утра")
    assert outcome.status == "needs_clarification"


def test_compute_is_a_mart_verb(planner: OfflinePlanner) -> None:
    outcome = planner.plan("After the sales load finishes, compute total revenue by region")
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.source.type == "mart" and outcome.spec.schedule_assets == [CH + "sales"]


# --- heldout_triggers_d families -------------------------------------------------------------------


def test_a_clause_ends_at_the_main_clauses_imperative(planner: OfflinePlanner) -> None:
    outcome = planner.plan("Вслед за загрузкой заказов перелей товары в клик")
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.source.table == "products" and outcome.spec.schedule_assets == [CH + "orders"]


def test_the_upstream_loads_listed_after_a_colon(planner: OfflinePlanner) -> None:
    outcome = planner.plan(
        "Запускать загрузку товаров в CH только когда отработают обе загрузки: заказы и продажи"
    )
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.source.table == "products"
    assert set(outcome.spec.schedule_assets) == {CH + "orders", CH + "sales"}


def _clinic(*tables: str) -> OfflinePlanner:
    from tests.catalogs import clinic_catalog

    dwh = "clickhouse://127.0.0.1:9000/dwh/"
    return OfflinePlanner(
        dataclasses.replace(clinic_catalog(), assets={dwh + t: [f"{t}_to_ch"] for t in tables})
    )


def test_a_noun_after_a_preposition_qualifies_the_upstream_before_it() -> None:
    """«записи на приём»: appointments; «приём» (also a word of the visits) adds no upstream."""
    outcome = _clinic("patients", "appointments", "visits").plan(
        "после того как загрузятся и пациенты, и записи на приём, переносить счета в хранилище"
    )
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.schedule_assets == [
        "clickhouse://127.0.0.1:9000/dwh/patients",
        "clickhouse://127.0.0.1:9000/dwh/appointments",
    ]


def test_every_upstream_noun_resolves_or_it_is_a_question() -> None:
    """«табель» names the timesheets by their comment; nothing deployed loads them: ask, never drop it."""
    from tests.catalogs import hr_catalog

    hr = OfflinePlanner(
        dataclasses.replace(
            hr_catalog(), assets={"clickhouse://127.0.0.1:9000/hr/employees": ["employees_to_ch"]}
        )
    )
    outcome = hr.plan("когда обновятся и сотрудники, и табель, грузить отпуска в клик")
    assert outcome.status == "needs_clarification"
    assert "timesheets" in outcome.questions[0] and "employees_to_ch" in outcome.questions[0]


def test_a_comments_head_noun_names_its_table() -> None:
    """«отправления»: shipments ('Отправления (посылки)'), not returns ('Возвраты отправлений')."""
    from tests.catalogs import logistics_catalog

    lg = "clickhouse://127.0.0.1:9000/logistics/"
    planner = OfflinePlanner(
        dataclasses.replace(
            logistics_catalog(), assets={lg + t: [f"{t}_to_ch"] for t in ("shipments", "returns")}
        )
    )
    outcome = planner.plan(
        "Когда загрузятся и отправления, и возвраты, обновлять витрину суммы возвратов по причинам"
    )
    assert outcome.status == "ok", outcome.questions
    assert set(outcome.spec.schedule_assets) == {lg + "shipments", lg + "returns"}


@pytest.mark.parametrize(
    "text",
    [
        "После каждой загрузки продаж в ClickHouse заново перезаливать продажи в ClickHouse",
        "Every time the sales table is updated, reload sales into ClickHouse",
    ],
)
def test_a_pipeline_after_its_own_output_is_rejected(planner: OfflinePlanner, text: str) -> None:
    outcome = planner.plan(text)
    assert outcome.status == "rejected" and outcome.errors[0].gate == "lineage"
    assert CH + "sales" in outcome.errors[0].message


@pytest.mark.parametrize(
    "text",
    [
        "load orders into ClickHouse manually and also every night at 1am",
        "Загружать заказы в ClickHouse только вручную, каждый день в 8 утра",
        "Грузить заказы в клик руками, а ещё каждый час",
    ],
)
def test_manual_and_a_clock_is_a_question(bare: OfflinePlanner, text: str) -> None:
    outcome = bare.plan(text)
    assert outcome.status == "needs_clarification"
    assert (
        "manually or on a clock" in outcome.questions[0]
        or "вручную или по расписанию" in outcome.questions[0]
    )


@pytest.mark.parametrize(
    "text",
    [
        "заказы в клик перелить, запускать руками когда надо",
        "Сделай пайплайн выгрузки заказов в ClickHouse, запуск только по кнопке",
        "Copy orders to ClickHouse by hand, as needed",
        "Грузить заказы в кликхаус по необходимости",
    ],
)
def test_manual_words(bare: OfflinePlanner, text: str) -> None:
    outcome = bare.plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.source.table == "orders" and outcome.spec.schedule is None


def test_on_hand_is_not_manual() -> None:
    assert read_trigger("Stock on hand by warehouse") is None


@pytest.mark.parametrize(
    ("text", "table"),
    [
        ("Watch s3://lab/hl7/ and load each new JSON lines file into the staging table lab_messages", "lab_messages"),
        ("when new files matching s3://partners/stock/*.parquet arrive, append them to partner_stock in CH",
         "partner_stock"),
    ],
)  # fmt: skip
def test_the_target_after_table_or_after_a_pronoun(planner: OfflinePlanner, text: str, table: str) -> None:
    outcome = planner.plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.target.table == table and outcome.spec.on_new_files is True


# --- more ways to say each trigger (written from the families, not from a batch) -------------------


@pytest.mark.parametrize(
    "text",
    [
        "По приходу нового csv в s3://shop-raw/in/ загружать в таблицу raw_in",
        "On every new CSV file in s3://shop-raw/in/, ingest it into table raw_in",
        "Trigger on new CSV files under s3://shop-raw/in/ and load them into raw_in",
        "Load CSV files from s3://shop-raw/in/ into raw_in as they come in",
        "При каждом новом csv в s3://shop-raw/in/ загружать его в таблицу raw_in",
        "Как только csv попадёт в s3://shop-raw/in/, загружать его в таблицу raw_in",
    ],
)
def test_more_file_arrival_wordings(planner: OfflinePlanner, text: str) -> None:
    outcome = planner.plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.on_new_files is True and outcome.spec.schedule is None
    assert outcome.spec.target.table == "raw_in" and outcome.spec.source.format == "csv"


@pytest.mark.parametrize(
    ("text", "cron"),
    [
        ("Every hour load every new CSV file from s3://shop-raw/in/ into raw_in", "0 * * * *"),
        (
            "Каждый день в 6 утра загружать каждый новый csv из s3://shop-raw/in/ в таблицу raw_in",
            "0 6 * * *",
        ),
    ],
)
def test_a_clock_reading_every_new_file_is_no_file_trigger(
    planner: OfflinePlanner, text: str, cron: str
) -> None:
    outcome = planner.plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.schedule == cron and not outcome.spec.on_new_files


@pytest.mark.parametrize(
    "text",
    [
        "Copy products to ClickHouse downstream of the orders load",
        "Copy products to ClickHouse, triggered by the orders load",
        "Перелить товары в кликхаус, зависит от загрузки заказов",
        "Copy products to ClickHouse upon completion of the orders load",
    ],
)
def test_more_chaining_wordings(planner: OfflinePlanner, text: str) -> None:
    outcome = planner.plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.source.table == "products" and outcome.spec.schedule_assets == [CH + "orders"]


@pytest.mark.parametrize(
    "text",
    ["Перелить товары в кликхаус, сам буду запускать", "Copy products to ClickHouse, I will run it myself"],
)
def test_i_will_run_it_myself_is_manual(bare: OfflinePlanner, text: str) -> None:
    outcome = bare.plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.schedule is None and outcome.spec.source.table == "products"


def test_the_x_table_of_a_local_folder_is_read_without_file_roots(
    planner: OfflinePlanner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "into the telemetry table" calls it a table (as «в таблицу X»); "the mounted folder" is no table."""
    monkeypatch.delenv("AIRFLOW__AI_ETL__FILE_ROOTS", raising=False)
    outcome = planner.plan(
        "Pick up every new jsonl file dropped into the mounted folder /mnt/nas/tm/ and load it into the tm_rows table"
    )
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.target.table == "tm_rows" and outcome.spec.source.path == "/mnt/nas/tm/"


def _loaded(catalog_name: str, database: str, *tables: str) -> OfflinePlanner:
    from tests.catalogs import CATALOGS

    uris = {f"clickhouse://127.0.0.1:9000/{database}/{t}": [f"{t}_to_ch"] for t in tables}
    return OfflinePlanner(dataclasses.replace(CATALOGS[catalog_name](), assets=uris))


def test_an_upstream_noun_that_names_nothing_is_asked_not_dropped() -> None:
    planner = _loaded("logistics", "logistics", "shipments", "couriers")
    outcome = planner.plan("После загрузки зарплат и курьеров перелить маршруты в ClickHouse")
    assert outcome.status == "needs_clarification" and "зарплат" in outcome.questions[0]
    outcome = planner.plan("After the salaries and couriers loads, copy routes to ClickHouse")
    assert outcome.status == "needs_clarification" and "salaries" in outcome.questions[0]


def test_an_upstream_by_lemma_schema_and_two_words() -> None:
    lg = _loaded("logistics", "logistics", "shipments", "couriers")
    outcome = lg.plan(
        "После загрузки посылок и курьеров перелить маршруты в ClickHouse"
    )  # «посылок» -> посылка
    assert outcome.status == "ok", outcome.questions
    assert [u.rsplit("/", 1)[1] for u in outcome.spec.schedule_assets] == ["shipments", "couriers"]
    hr = _loaded("hr", "hr", "payslips", "employees")
    outcome = hr.plan(
        "After the payroll load finishes, copy vacations to ClickHouse"
    )  # schema payroll: payslips
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.schedule_assets == ["clickhouse://127.0.0.1:9000/hr/payslips"]


def test_a_path_named_drop_is_a_place_and_catching_new_files_is_the_trigger(planner: OfflinePlanner) -> None:
    outcome = planner.plan(
        "Склад сбрасывает csv в s3://wh/drop/, подхватывай новые файлы и заливай в таблицу wh_rows"
    )
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.source.path == "s3://wh/drop/" and outcome.spec.on_new_files is True
    assert outcome.spec.target.table == "wh_rows"
    assert planner.plan("Удалить таблицу orders в ClickHouse").status == "rejected"  # destroy still read


def test_a_clock_inside_the_trigger_clause_is_the_both_question(planner: OfflinePlanner) -> None:
    outcome = planner.plan("После загрузки заказов и каждый день в 6 утра перелить товары в кликхаус")
    assert outcome.status == "needs_clarification"


@pytest.mark.parametrize(
    "text",
    [
        "После выполнения дага orders_pg_shop_to_clickhouse_default перелить товары в кликхаус",
        "When the orders_pg_shop_to_clickhouse_default DAG succeeds, copy products to ClickHouse",
    ],
)
def test_a_dag_that_ran_or_succeeded(planner: OfflinePlanner, text: str) -> None:
    outcome = planner.plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.schedule_assets == [CH + "orders"]


def test_a_table_named_after_table_anywhere_is_a_file_loads_target(planner: OfflinePlanner) -> None:
    outcome = planner.plan(
        "Загружать в кликхаус файлы из s3://shop-raw/drop/*.csv по мере их появления, таблица drop_rows"
    )
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.target.table == "drop_rows" and outcome.spec.on_new_files is True


def test_either_or_after_a_comma_stays_in_the_trigger_clause(planner: OfflinePlanner) -> None:
    outcome = planner.plan("Перелить товары в клик, как только обновятся либо заказы, либо продажи")
    assert outcome.status == "needs_clarification" and "ВСЕ" in outcome.questions[0]


@pytest.mark.parametrize(
    "text",
    [
        f"When the asset {CH}orders is updated, copy products to ClickHouse",
        f"После обновления {CH}orders перелить товары в клик",
        "Wait for the orders load to complete, then copy products to ClickHouse",
        "Запускать перенос товаров в клик по событию загрузки заказов",
    ],
)
def test_an_asset_uri_wait_for_and_on_the_event_of(planner: OfflinePlanner, text: str) -> None:
    outcome = planner.plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.source.table == "products" and outcome.spec.schedule_assets == [CH + "orders"]


def test_an_asset_uri_nothing_loads_is_a_question(planner: OfflinePlanner) -> None:
    outcome = planner.plan(f"После обновления {CH}returns перелить товары в клик")
    assert outcome.status == "needs_clarification" and f"{CH}returns" in outcome.questions[0]


def test_an_opener_with_a_new_file_is_the_file_trigger(planner: OfflinePlanner) -> None:
    outcome = planner.plan("Как только в s3://shop-raw/in/ будет новый csv — в raw_in его")
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.on_new_files is True and outcome.spec.target.table == "raw_in"


def test_once_i_trigger_it_and_fresh_files(bare: OfflinePlanner, planner: OfflinePlanner) -> None:
    outcome = bare.plan("Load the products table only once I trigger it")
    assert outcome.status == "ok" and outcome.spec.schedule is None, outcome.questions
    outcome = planner.plan(
        "Как только в s3://shop-raw/in/ появится свежий csv, загружать его в таблицу raw_in"
    )
    assert outcome.status == "ok" and outcome.spec.on_new_files is True, outcome.questions


@pytest.mark.parametrize(
    "text",
    [
        "Как только в s3://shop-raw/in/ окажется CSV — грузи в raw_orders, и ещё каждый день в 9 утра",
        "When a CSV is in s3://shop-raw/in/, load it into raw_orders, and also every day at 9",
    ],
)
def test_an_opened_file_clause_with_a_clock_is_the_both_question(planner: OfflinePlanner, text: str) -> None:
    assert planner.plan(text).status == "needs_clarification"


@pytest.mark.parametrize(
    ("text", "table"),
    [
        ("Load new CSV files from s3://p/prices/ to partner_prices as they arrive", "partner_prices"),
        ("Как только в s3://p/prices/ окажется csv, грузи его в partner_prices", "partner_prices"),
    ],
)
def test_to_a_table_name_and_a_file_that_turns_up(planner: OfflinePlanner, text: str, table: str) -> None:
    outcome = planner.plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.target.table == table and outcome.spec.on_new_files is True


@pytest.mark.parametrize(
    "text",
    [
        "Load new CSV files from s3://lab/in/ into the warehouse as they arrive",
        "Как только в s3://lab/in/ появится новый csv, грузи в dwh",
        "When a new CSV lands in s3://shop-raw/in/, load it to clickhouse_default",
    ],
)
def test_a_target_system_is_no_table_name(planner: OfflinePlanner, text: str) -> None:
    outcome = planner.plan(text)
    # not a table named "warehouse": with no table named, one after the watched folder (trig8)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.target.table == "in_raw"
