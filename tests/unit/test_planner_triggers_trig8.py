"""Trigger wording found in trigger batches e and f (issue 18), tested on phrasings of my own."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from airflow_ai_etl.planning.offline import OfflinePlanner
from airflow_ai_etl.planning.triggers import _named_by_sound
from tests.catalogs import logistics_catalog, shop_catalog

CH = "clickhouse://127.0.0.1:9000/default/"
LOADED = {CH + t: [f"{t}_pg_shop_to_clickhouse_default"] for t in ("orders", "sales", "customers", "events")}
LOG = "clickhouse://127.0.0.1:9000/logistics/"


@pytest.fixture(scope="module")
def planner() -> OfflinePlanner:
    """A shop whose orders, sales, customers and events are loaded into ClickHouse by deployed pipelines."""
    return OfflinePlanner(dataclasses.replace(shop_catalog(), assets=LOADED))


@pytest.fixture(scope="module")
def logistics() -> OfflinePlanner:
    assets = {LOG + t: [f"logistics_{t}_to_ch"] for t in ("hubs", "shipments", "routes")}
    return OfflinePlanner(dataclasses.replace(logistics_catalog(), assets=assets))


@pytest.mark.parametrize(
    ("text", "source", "upstream"),
    [
        # "as soon as" opens a chain as "when" does
        ("As soon as the orders load is done, copy products into ClickHouse", "products", ["orders"]),
        # «ждать, пока ...» / «пока не ...»: wait until the loads finish
        ("Дождаться, пока загрузятся заказы и продажи, затем переливать товары в клик", "products",
         ["orders", "sales"]),
        ("пока не обновятся клиенты, не запускать; потом грузить платежи в ClickHouse", "payments",
         ["customers"]),
        ("wait until the customers load finishes, then copy payments to ClickHouse", "payments", ["customers"]),
        # «после того, как …» with its comma, the loads listed after a dash
        ("Переливать платежи в CH после того, как отработают обе загрузки — заказов и клиентов", "payments",
         ["orders", "customers"]),
        # «в хранилище», "in the warehouse": where the upstream was loaded, not what
        ("когда в хранилище обновятся заказы, перегружать товары в ClickHouse", "products", ["orders"]),
        ("once the orders in the warehouse are refreshed, reload products into ClickHouse", "products",
         ["orders"]),
    ],
)  # fmt: skip
def test_chain_wordings(planner: OfflinePlanner, text: str, source: str, upstream: list[str]) -> None:
    outcome = planner.plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None
    assert outcome.spec.source.table == source
    assert set(outcome.spec.schedule_assets) == {CH + t for t in upstream}
    assert outcome.spec.schedule is None


def test_a_load_nothing_deployed_produces_is_still_asked_after_as_soon_as(planner: OfflinePlanner) -> None:
    outcome = planner.plan("as soon as the payments load finishes, copy products to ClickHouse")
    assert outcome.status == "needs_clarification"
    assert "payments" in outcome.questions[0]


def test_a_transliterated_upstream_names_its_table(logistics: OfflinePlanner) -> None:
    """«хабов» is how hubs are said in Russian; «маршрутов» is the glossary's word for routes."""
    outcome = logistics.plan("после загрузки хабов и маршрутов перекладывать курьеров в клик")
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.source.table == "couriers"
    assert set(outcome.spec.schedule_assets) == {LOG + "hubs", LOG + "routes"}


def test_sound_alike_names() -> None:
    known = {"hubs", "leads", "users", "invoices", "tracking_events", "badge_events"}
    assert _named_by_sound(known, "хабы") == ["hubs"]
    assert _named_by_sound(known, "лидов") == ["leads"]
    assert _named_by_sound(known, "юзеров") == ["users"]
    assert _named_by_sound(known, "тикеты") == []  # no such table
    assert _named_by_sound(known, "инвойсы") == ["invoices"]
    assert _named_by_sound(known, "ивенты") == []  # two tables end in events: none
    assert _named_by_sound(known, "заказы") == []
    assert _named_by_sound(known, "hubs") == []  # a Latin word is read by name, not by sound


@pytest.fixture(scope="module")
def bare() -> OfflinePlanner:
    return OfflinePlanner(shop_catalog())


@pytest.mark.parametrize(
    ("text", "path", "table"),
    [
        ("load each new json file from s3://feeds/prices/ into the warehouse (prices_raw) when it arrives",
         "s3://feeds/prices/", "prices_raw"),
        ("Забирать каждый новый CSV из папки /mnt/share/rates/ в ClickHouse (rates_raw), как только появится",
         "/mnt/share/rates/", "rates_raw"),
    ],
)  # fmt: skip
def test_a_target_table_in_brackets_after_the_target_system(
    bare: OfflinePlanner, text: str, path: str, table: str
) -> None:
    outcome = bare.plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.on_new_files
    assert outcome.spec.source.path == path and outcome.spec.target.table == table


def test_words_in_brackets_that_name_no_table_are_no_target(bare: OfflinePlanner) -> None:
    """A remark in brackets is no table name: the table is named after the folder as with none."""
    outcome = bare.plan("when a new csv lands in s3://feeds/inbox/, load it (see notes) into ClickHouse")
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.target.table == "inbox_raw"


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("при появлени нового parquet в s3://feeds/stock/ грузить его в таблицу stock_raw", "s3://feeds/stock/"),
        ("как только в s3://feeds/stock/ появтся новые parquet, грузить их в таблицу stock_raw",
         "s3://feeds/stock/"),
        ("whenevr a parquet file lands in s3://feeds/stock/, load it into table stock_raw", "s3://feeds/stock/"),
        ("load each parquet into table stock_raw as soon as it arives in s3://feeds/stock/",
         "s3://feeds/stock/"),
    ],
)  # fmt: skip
def test_a_typo_in_a_trigger_word(bare: OfflinePlanner, text: str, path: str) -> None:
    outcome = bare.plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.on_new_files and outcome.spec.schedule is None
    assert outcome.spec.source.path == path and outcome.spec.target.table == "stock_raw"
    assert outcome.spec.request == text  # the request is kept as written


def test_a_typo_of_an_upstream_load_word(planner: OfflinePlanner) -> None:
    outcome = planner.plan("после загрузкии заказов перелить товары в клик")
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.schedule_assets == [CH + "orders"]


@pytest.mark.parametrize(
    "text",
    [
        "Copy payments into ClickHouse whenever I run it by hand",
        "load products to ClickHouse when we trigger it, no schedule",
    ],
)
def test_a_person_running_it_is_no_upstream_load(planner: OfflinePlanner, text: str) -> None:
    outcome = planner.plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None
    assert (
        outcome.spec.schedule is None and not outcome.spec.schedule_assets and not outcome.spec.on_new_files
    )


@pytest.mark.parametrize(
    "text",
    [
        "если в /srv/in/erp/ появится новый CSV из 1С — заливать его в таблицу erp_raw в CH",
        "when new CSV exports from Salesforce land in s3://crm-drop/sf/, load them into table sf_raw",
    ],
)
def test_files_exported_from_a_system_are_read_from_their_place(bare: OfflinePlanner, text: str) -> None:
    outcome = bare.plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.source.type == "s3" and outcome.spec.on_new_files


@pytest.mark.parametrize(
    "text", ["загрузи заказы из 1С в ClickHouse ежедневно", "load the deals from Salesforce every day"]
)
def test_a_system_as_the_source_is_still_refused(bare: OfflinePlanner, text: str) -> None:
    assert bare.plan(text).status == "rejected"


@pytest.mark.parametrize(
    ("text", "table"),
    [
        ("как только в s3://crm-drop/leads/ появятся новые parquet-файлы, загружать их в ClickHouse", "leads_raw"),
        ("When new JSON lines files arrive in s3://feeds/clicks/*.jsonl, load them into ClickHouse", "clicks_raw"),
        ("при поступлении новых CSV в s3://vendor/stock_raw/ грузить их в клик", "stock_raw"),
    ],
)  # fmt: skip
def test_new_files_with_no_table_named_go_to_a_raw_table_named_after_their_folder(
    bare: OfflinePlanner, text: str, table: str
) -> None:
    outcome = bare.plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.on_new_files and outcome.spec.target.table == table


def test_new_files_with_no_format_and_no_table_are_still_asked(bare: OfflinePlanner) -> None:
    outcome = bare.plan("как только в s3://crm-drop/leads/ появится новый файл, загрузить его в ClickHouse")
    assert outcome.status == "needs_clarification"


def test_a_clock_pulling_new_files_whose_path_holds_a_mart_word_is_a_load(bare: OfflinePlanner) -> None:
    """«подтягивать» is a load verb: the path's «stock» makes no mart of it."""
    outcome = bare.plan("каждые два часа подтягивать новые csv из s3://vendor/stock/ в таблицу vendor_stock")
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.schedule == "0 */2 * * *"
    assert outcome.spec.target.table == "vendor_stock" and not outcome.spec.on_new_files


def test_a_transliterated_source_table_on_the_load_side() -> None:
    """«хабов» names hubs as the source of a manual load too; a verb («залей») never names a table."""
    planner = OfflinePlanner(logistics_catalog())
    outcome = planner.plan("Перелей хабы в ClickHouse, запуск только вручную")
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.source.table == "hubs" and outcome.spec.schedule is None
    assert OfflinePlanner(shop_catalog()).plan("Залей табличку в кликхаус каждый час").status != "ok"


def test_sound_alike_names_need_a_noun() -> None:
    assert _named_by_sound({"sales"}, "сейлы") == ["sales"]
    assert _named_by_sound({"sales"}, "залей") == []  # a verb
    assert _named_by_sound({"leads"}, "людей") == []  # «ю» is not the "ea" of lead


def _chained(schedules: dict[str, list[str]]) -> OfflinePlanner:
    """orders and sales loaded by deployed pipelines; a sales mart pipeline writes revenue_mart."""
    assets = {**LOADED, CH + "revenue_mart": ["revenue_mart_dag"]}
    return OfflinePlanner(dataclasses.replace(shop_catalog(), assets=assets, schedules=schedules))


def test_a_cycle_through_deployed_pipelines_is_rejected_with_the_cycle() -> None:
    """orders_… runs after customers_…, which runs after events_…: a new events load after the orders load
    closes the circle events -> customers -> orders -> events."""
    planner = _chained(
        {
            "orders_pg_shop_to_clickhouse_default": [CH + "customers"],
            "customers_pg_shop_to_clickhouse_default": [CH + "events"],
        }
    )
    outcome = planner.plan("после загрузки заказов перезаливать события в ClickHouse")
    assert outcome.status == "rejected"
    text = outcome.errors[0].message
    assert (
        "orders_pg_shop_to_clickhouse_default" in text and "customers_pg_shop_to_clickhouse_default" in text
    )
    assert outcome.errors[0].gate == "lineage"


def test_a_chain_with_no_cycle_is_planned() -> None:
    planner = _chained({"orders_pg_shop_to_clickhouse_default": [CH + "customers"]})
    outcome = planner.plan("после загрузки заказов перезаливать события в ClickHouse")
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.schedule_assets == [CH + "orders"]


def test_the_catalog_keeps_deployed_schedules() -> None:
    from airflow_ai_etl.catalog import Catalog

    catalog = dataclasses.replace(shop_catalog(), schedules={"a": [CH + "orders"]})
    assert Catalog.from_dict(catalog.to_dict()).schedules == {"a": [CH + "orders"]}
    assert catalog.fingerprint() != shop_catalog().fingerprint()


def test_the_assistant_tells_the_planner_what_deployed_pipelines_run_after(tmp_path: Path) -> None:
    """Deployed: orders daily, products after orders. «после загрузки товаров перезаливать заказы» would
    make orders run after products after orders: the planner (not only the lineage gate) rejects it."""
    from airflow_ai_etl.assistant import Assistant

    def assistant() -> Assistant:
        return Assistant(catalog=shop_catalog(), dags_folder=tmp_path / "dags", state_dir=tmp_path / "state")

    first = assistant()
    orders = first.generate("Загружать заказы из PostgreSQL в ClickHouse ежедневно в 2 часа ночи")
    assert orders.status == "ok", orders.questions
    first.deploy(orders)
    second = assistant()
    products = second.generate("После загрузки заказов переносить товары в ClickHouse")
    assert products.status == "ok", (products.questions, products.errors)
    second.deploy(products)
    third = assistant()
    catalog = third._catalog_with_assets()
    assert catalog.schedules == {products.spec.dag_id: [CH + "orders"]}
    request = "после загрузки товаров перезаливать заказы в ClickHouse"
    planned = OfflinePlanner(catalog).plan(request)  # the planner itself, before any gate
    assert planned.status == "rejected" and products.spec.dag_id in planned.errors[0].message
    assert third.generate(request).status == "rejected"


@pytest.mark.parametrize(
    ("text", "upstream"),
    [
        ("дождаться загрузки клиентов и потом перелить платежи в клик", ["customers"]),
        ("aftr the orders load finishes, copy payments to ClickHouse", ["orders"]),
        ("после загрузки клиентоов копировать платежи в клик", ["customers"]),  # a typo of the upstream noun
    ],
)
def test_more_chain_wordings(planner: OfflinePlanner, text: str, upstream: list[str]) -> None:
    outcome = planner.plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.source.table == "payments"
    assert outcome.spec.schedule_assets == [CH + t for t in upstream]


@pytest.mark.parametrize(
    "text", ["перелить платежи в клик разово", "однократно перенести платежи в ClickHouse"]
)
def test_a_one_off_load_is_manual(bare: OfflinePlanner, text: str) -> None:
    outcome = bare.plan(text)
    assert outcome.status == "ok", outcome.questions
    assert (
        outcome.spec is not None and outcome.spec.schedule is None and outcome.spec.source.table == "payments"
    )


def test_a_one_off_and_a_clock_is_a_question(bare: OfflinePlanner) -> None:
    assert (
        bare.plan("перелить товары в клик разово, а потом каждый день в 5 утра").status
        == "needs_clarification"
    )


def test_a_grain_adjective_of_the_upstream_load_is_no_clock(planner: OfflinePlanner) -> None:
    outcome = planner.plan("once the nightly orders load is done, copy products to ClickHouse")
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.schedule is None
    assert outcome.spec.schedule_assets == [CH + "orders"]
    # a clock of this pipeline still is one: asked
    assert planner.plan("once the orders load is done every night, copy products to ClickHouse").status == (
        "needs_clarification"
    )


def test_a_date_folder_names_no_table(bare: OfflinePlanner) -> None:
    outcome = bare.plan("when new parquet files land in s3://in/orders/2024/, load them into ClickHouse")
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.target.table == "orders_raw"


def test_the_table_new_files_land_in_is_the_target(bare: OfflinePlanner) -> None:
    outcome = bare.plan("Wire up s3://feeds/clicks/*.jsonl so each new file lands in click_stream right away")
    assert outcome.status == "ok", outcome.questions
    assert (
        outcome.spec is not None and outcome.spec.target.table == "click_stream" and outcome.spec.on_new_files
    )


def test_an_unread_snake_case_name_is_never_replaced_by_the_folder_name(bare: OfflinePlanner) -> None:
    """A name the rules cannot place (here after "towards") may be the table: ask, do not name one."""
    outcome = bare.plan("when new parquet files land in s3://in/orders/, push them towards orders_stage")
    assert outcome.status == "needs_clarification"


@pytest.mark.parametrize(
    ("text", "upstream"),
    [
        ("Платежи грузить в клик только после того, как приедут и заказы, и клиенты", ["orders", "customers"]),
        ("как только долетят заказы, переливать платежи в CH", ["orders"]),
        ("after the customers land in ClickHouse, copy payments there too", ["customers"]),
        ("once the orders have arrived in the warehouse, load payments into ClickHouse", ["orders"]),
    ],
)  # fmt: skip
def test_tables_that_arrive_are_upstream_loads(
    planner: OfflinePlanner, text: str, upstream: list[str]
) -> None:
    outcome = planner.plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.source.table == "payments"
    assert set(outcome.spec.schedule_assets) == {CH + t for t in upstream} and not outcome.spec.on_new_files


def test_a_file_that_arrives_is_still_a_file_trigger(bare: OfflinePlanner) -> None:
    outcome = bare.plan(
        "Hook up s3://feeds/pay/*.parquet so that each new one goes into table pay_raw when it arrives"
    )
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.on_new_files and not outcome.spec.schedule_assets


def test_the_upstream_mart_named_with_its_mart_words() -> None:
    assets = {**LOADED, CH + "sales_by_region": ["sales_by_region_mart"]}
    planner = OfflinePlanner(dataclasses.replace(shop_catalog(), assets=assets))
    for text in (
        "после пересчёта витрины sales_by_region перелить платежи в клик",
        "after the sales_by_region mart is rebuilt, copy payments to ClickHouse",
    ):
        outcome = planner.plan(text)
        assert outcome.status == "ok", (text, outcome.questions)
        assert outcome.spec is not None and outcome.spec.source.table == "payments"
        assert outcome.spec.schedule_assets == [CH + "sales_by_region"]


@pytest.mark.parametrize(
    "text",
    [
        "Vendors drop parquet files into s3://vendor-in/stock/ - load each new one into table stock_raw",
        "csv exports dropped into /mnt/in/stock/ should go to table stock_raw as soon as they appear",
    ],
)
def test_dropping_files_into_a_place_is_a_delivery_not_destruction(bare: OfflinePlanner, text: str) -> None:
    outcome = bare.plan(text)
    assert outcome.status == "ok", (outcome.questions, outcome.errors)
    assert outcome.spec is not None and outcome.spec.on_new_files and outcome.spec.target.table == "stock_raw"


@pytest.mark.parametrize(
    "text", ["drop the orders table into s3://b/x/", "drop orders, then load customers into ClickHouse daily"]
)
def test_dropping_a_table_is_still_refused(bare: OfflinePlanner, text: str) -> None:
    assert bare.plan(text).status == "rejected"


def test_a_misspelled_mode_word_the_dictionary_lacks() -> None:
    """«инкриментально»: one letter from the lexicon's «инкрементально», which pymorphy does not know."""
    outcome = OfflinePlanner(shop_catalog()).plan("заказы в клик инкриментально по created_at каждый час")
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.source.incremental is not None
    assert outcome.spec.source.incremental.column == "created_at" and outcome.spec.target.mode == "append"


@pytest.mark.parametrize(
    "text",
    [
        "poll s3://in/pay/ for new csv files and load each into table pay_raw",
        "pick up new csv files from s3://in/pay/ and load them into table pay_raw",
        "мониторить s3://in/pay/ и заливать новые csv в таблицу pay_raw",
    ],
)
def test_watch_verbs(bare: OfflinePlanner, text: str) -> None:
    outcome = bare.plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.on_new_files and outcome.spec.target.table == "pay_raw"


@pytest.mark.parametrize(
    ("text", "upstream"),
    [
        ("run payments to ClickHouse downstream of the orders pipeline", "orders"),
        ("запускать перенос платежей в клик по факту загрузки заказов", "orders"),
        ("сразу по завершении выгрузки клиентов грузить платежи в клик", "customers"),
        ("по итогам успешной загрузки клиентов перелить платежи в клик", "customers"),
    ],
)
def test_more_chain_openers(planner: OfflinePlanner, text: str, upstream: str) -> None:
    outcome = planner.plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.source.table == "payments"
    assert outcome.spec.schedule_assets == [CH + upstream]


def test_on_request_is_manual(bare: OfflinePlanner) -> None:
    outcome = bare.plan("load payments into ClickHouse on request")
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.schedule is None


@pytest.mark.parametrize(
    "text",
    [
        "как только в s3://b/in/ появится csv, грузить его в таблицу заказов",
        "как только в s3://b/in/ появится csv, грузить его в заказы",
        "when a csv lands in s3://b/in/, load it into the table for orders",
    ],
)
def test_a_target_said_in_words_is_asked_not_replaced_by_the_folder_name(
    bare: OfflinePlanner, text: str
) -> None:
    outcome = bare.plan(text)
    assert outcome.status == "needs_clarification"


@pytest.mark.parametrize(
    "text",
    [
        "load payments into ClickHouse when someone presses run",
        "перелить платежи в клик, запускать кнопкой в интерфейсе",
    ],
)
def test_someone_pressing_a_button_is_manual(planner: OfflinePlanner, text: str) -> None:
    outcome = planner.plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.schedule is None and not outcome.spec.schedule_assets


@pytest.mark.parametrize(
    "text",
    [
        "в случае успешной загрузки заказов переносить платежи в клик",
        "если загрузка заказов прошла успешно, переливать платежи в клик",
        "как загрузка заказов закончится — грузи платежи в клик",
        "if the orders load succeeds, copy payments to ClickHouse",
    ],
)
def test_conditional_chain_wordings(planner: OfflinePlanner, text: str) -> None:
    outcome = planner.plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.schedule_assets == [CH + "orders"]


def test_a_failed_upstream_is_no_start(planner: OfflinePlanner) -> None:
    outcome = planner.plan("if the orders load fails, copy payments to ClickHouse")
    assert not (outcome.spec is not None and outcome.spec.schedule_assets)
