"""Trigger requests of my own (round 11, issue 18): the families heldout_triggers_j missed.

Written on branch trig11 with sentences that are in no eval file, deployed pipelines set up as in
tests/unit/test_triggers_round9.py. Each family of eval/heldout_triggers_j.failures.md has its own block:
a bare «после X» / "after X" with no load word (a chain only when X is a deployed load), an upstream named
by an adjective, a generic noun with the table in brackets or a misspelled verb, a label with a «+» list and
«оба», a source named by a compound noun with an abbreviation, a key list joined with «+».
"""

from __future__ import annotations

import dataclasses

import pytest

from airflow_ai_etl.outcome import Outcome
from airflow_ai_etl.planning.offline import OfflinePlanner
from tests.unit.test_triggers_round9 import chained_spec, plan, planner, uri

# --- 1. a bare "after X": (id, catalog, request, deployed, source, upstream) ------------------------------

BARE_AFTER: list[tuple[str, str, str, str, str, list[str]]] = [
    ("a01", "clinic", "визиты перекидывать в ch_dwh после врачей, только новые по updated_at",
     "doctors patients", "visits", ["doctors"]),
    ("a02", "clinic", "copy visits to ch_dwh after doctors", "doctors patients", "visits", ["doctors"]),
    ("a03", "clinic", "назначения тащить в клик после пациентов и врачей", "doctors patients",
     "prescriptions", ["patients", "doctors"]),
    ("a04", "clinic", "appointments after docters, incremental by updated_at", "doctors patients",
     "appointments", ["doctors"]),  # a misspelled upstream
    ("a05", "clinic", "счета гнать после пацентов", "doctors patients", "billing.invoices", ["patients"]),
    ("a06", "shop", "load orders after customers", "customers products", "orders", ["customers"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "catalog", "text", "deployed", "source", "upstream"), BARE_AFTER, ids=[c[0] for c in BARE_AFTER]
)
def test_a_bare_after_a_deployed_load_is_a_chain(
    case: str, catalog: str, text: str, deployed: str, source: str, upstream: list[str]
) -> None:
    spec = chained_spec(catalog, text, deployed, source, upstream)
    assert spec.schedule is None


def cyclic_plan(catalog: str, text: str, deployed: str, runs_after: dict[str, list[str]]) -> Outcome:
    """``text`` planned where the deployed loads of ``runs_after``'s keys run after its values' loads."""
    base = planner(catalog, deployed).catalog
    schedules = {
        base.assets[uri(catalog, t)][0]: [uri(catalog, u) for u in ups] for t, ups in runs_after.items()
    }
    return OfflinePlanner(dataclasses.replace(base, schedules=schedules)).plan(text)


@pytest.mark.parametrize(
    "text", ["customers to clickhouse after orders", "клиентов в кликхаус после заказов"]
)
def test_a_bare_after_that_closes_a_cycle_is_refused(text: str) -> None:
    assert plan("shop", text, "orders customers").status == "ok"  # nothing deployed runs after anything
    refused = cyclic_plan("shop", text, "orders customers", {"orders": ["customers"]})
    assert refused.status == "rejected"
    assert "orders_pg_shop" in refused.errors[0].message


def test_a_bare_after_nothing_deployed_loads_is_no_trigger() -> None:
    # Planned as before the rule: a request naming two tables and no schedule is asked, never chained.
    outcome = plan("shop", "load orders after customers", "products")
    assert outcome.status == "needs_clarification"
    assert not any("No deployed pipeline" in str(q) for q in outcome.questions)


@pytest.mark.parametrize(
    ("text", "cron"),
    [
        ("load orders to clickhouse after midnight daily", "0 0 * * *"),  # a time, not a load
    ],
)
def test_a_bare_after_in_plain_loads_stays_a_clock(text: str, cron: str) -> None:
    outcome = plan("shop", text, "customers")
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.schedule == cron and not outcome.spec.schedule_assets


def test_an_unread_after_phrase_is_asked_never_a_trigger() -> None:
    # «скидки» loads nothing here; since planner165 an unread «после X» is asked about, quoting it
    outcome = plan("shop", "заказы в кликхаус после скидок ежедневно", "customers")
    assert outcome.status == "needs_clarification"
    assert any("после скидок" in q for q in outcome.questions)
    assert not any("No deployed pipeline" in str(q) for q in outcome.questions)


def test_a_bare_after_and_a_clock_is_asked() -> None:
    outcome = plan("shop", "load orders to clickhouse daily after customers", "customers")
    assert outcome.status == "needs_clarification"


def test_a_bare_after_in_a_mart_is_no_trigger() -> None:
    outcome = plan("shop", "выручка по дням после возвратов", "customers payments")
    assert outcome.status != "ok" or not (outcome.spec and outcome.spec.schedule_assets)


# --- 2. the upstream named by an adjective, a generic noun with the table in brackets, a typo of the verb ---

NAMED_OTHERWISE: list[tuple[str, str, str, str, str, list[str]]] = [
    ("b01", "hr", "после зарплатной загрузки переносить табель в ch_hr", "payslips employees", "timesheets",
     ["payslips"]),
    ("b02", "logistics", "после складской загрузки гнать отправления в клик", "hubs couriers", "shipments",
     ["hubs"]),
    ("b03", "logistics", "как только курьерская выгрузка отработает, перелить маршруты в ch_logistics",
     "hubs couriers", "routes", ["couriers"]),
    ("b04", "logistics", "после того как обновится реестр курьеров (couriers), грузить маршруты",
     "hubs couriers", "routes", ["couriers"]),
    ("b05", "logistics", "как только обновится справочник складов (hubs) — перелить отправления в клик",
     "hubs couriers", "shipments", ["hubs"]),
    ("b06", "utility", "when the readings load succeded, copy billing.charges", "meters readings",
     "billing.charges", ["readings"]),
    ("b07", "utility", "once meters_pg_utility_to_ch_utility suceeds, copy ops.outages", "meters readings",
     "ops.outages", ["meters"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "catalog", "text", "deployed", "source", "upstream"),
    NAMED_OTHERWISE,
    ids=[c[0] for c in NAMED_OTHERWISE],
)
def test_upstream_named_by_adjective_bracket_or_misspelled_verb(
    case: str, catalog: str, text: str, deployed: str, source: str, upstream: list[str]
) -> None:
    chained_spec(catalog, text, deployed, source, upstream)


@pytest.mark.parametrize(
    ("catalog", "text", "deployed"),
    [
        # an adjective of a table nothing deployed loads, or of no table: still asked
        ("hr", "когда отпускная выгрузка закончится, тащи табель в кх", "payslips employees"),
        ("hr", "когда кадровая выгрузка закончится, тащи отпуска в кх", "payslips employees"),
        ("logistics", "когда новая загрузка закончится, тащи маршруты в кх", "hubs couriers"),
    ],
)
def test_an_adjective_that_names_no_deployed_load_is_asked(catalog: str, text: str, deployed: str) -> None:
    assert plan(catalog, text, deployed).status == "needs_clarification"


def test_a_bracketed_upstream_the_pipeline_reloads_is_refused() -> None:
    text = "как только обновится реестр курьеров (couriers) — перелить couriers в клик с апсертом по id"
    assert plan("logistics", text, "hubs couriers").status == "rejected"


# --- 3. a dependency label with a «+» list, and «оба»/"both" for the loads it names ----------------------

DEPENDENCY_LABEL: list[tuple[str, str, str, str, str, list[str]]] = [
    ("c01", "utility", "dependencies: tariffs + subscribers. once both are refreshed, copy billing.payments "
     "to clickhouse", "tariffs subscribers charges", "billing.payments", ["tariffs", "subscribers"]),
    ("c02", "utility", "зависимость: абоненты. долги в кх целиком", "tariffs subscribers", "billing.debts",
     ["subscribers"]),
    ("c03", "univ", "зависимости: студенты + дисциплины; когда обе обновятся, перелить записи на дисциплины "
     "в ch_univ", "students courses teachers", "enrollments", ["students", "courses"]),
    ("c04", "shop", "dependency: customers + products. when both are loaded copy orders to clickhouse",
     "customers products", "orders", ["customers", "products"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "catalog", "text", "deployed", "source", "upstream"),
    DEPENDENCY_LABEL,
    ids=[c[0] for c in DEPENDENCY_LABEL],
)
def test_a_dependency_label_and_a_pronoun_for_its_loads(
    case: str, catalog: str, text: str, deployed: str, source: str, upstream: list[str]
) -> None:
    chained_spec(catalog, text, deployed, source, upstream)


def test_a_dependency_label_naming_an_undeployed_load_is_asked() -> None:
    text = "зависимости: счётчики + тарифы. когда обе обновятся, перелить начисления в кх"
    outcome = plan("utility", text, "tariffs subscribers charges")
    assert outcome.status == "needs_clarification"
    assert "meters" in str(outcome.questions)


# --- 5. a key list joined with «+» keeps every column: (id, catalog, request, deployed, source, keys) -------

PLUS_KEYS: list[tuple[str, str, str, str, str, list[str]]] = [
    ("k01", "univ", "when students load finishes copy enrollments, merge on student_id + course_id",
     "students courses", "enrollments", ["student_id", "course_id"]),
    ("k02", "univ", "после загрузки студентов переливать посещаемость в ch_univ, upsert по student_id + "
     "lesson_date", "students courses", "attendance", ["student_id", "lesson_date"]),
    ("k03", "logistics", "после отправлений гнать события трекинга, мерж по shipment_id+hub_id",
     "shipments hubs", "tracking_events", ["shipment_id", "hub_id"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "catalog", "text", "deployed", "source", "keys"), PLUS_KEYS, ids=[c[0] for c in PLUS_KEYS]
)
def test_a_plus_joined_key_list_in_a_chain(
    case: str, catalog: str, text: str, deployed: str, source: str, keys: list[str]
) -> None:
    spec = chained_spec(catalog, text, deployed, source, [deployed.split()[0]])
    assert spec.target.mode == "upsert" and spec.target.keys == keys


@pytest.mark.parametrize(
    "text",
    [
        "enrollments to ch_univ manually, merge on student_id + course_id",
        "записи на дисциплины в ch_univ вручную, апсерт по student_id + course_id",
    ],
)
def test_a_plus_joined_key_list_in_a_plain_load(text: str) -> None:
    outcome = plan("univ", text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.target.keys == ["student_id", "course_id"]
    assert not outcome.spec.schedule_assets


@pytest.mark.parametrize(
    "text",
    [
        "после отправлений гнать события трекинга, мерж по shipment_id+status",  # no status column
        "tracking events to clickhouse daily, merge on shipment_id and status",
    ],
)
def test_a_key_list_naming_a_missing_column_is_asked_not_shortened(text: str) -> None:
    outcome = plan("logistics", text, "shipments hubs")
    assert outcome.status == "needs_clarification"
    assert "status" in str(outcome.questions)


# --- 4. a source named by its table's words as a modifier of another noun ------------------------------


@pytest.mark.parametrize(
    ("text", "deployed", "upstream"),
    [
        (
            "once the couriers load is done, push fuel card transactions to clickhouse",
            "couriers",
            ["couriers"],
        ),
        (
            "after the vehicles load finishes load fuel card txns, new rows by refueled_at",
            "vehicles",
            ["vehicles"],
        ),
    ],
)
def test_a_table_whose_name_qualifies_its_rows_is_named_by_a_compound(
    text: str, deployed: str, upstream: list[str]
) -> None:
    # fleet.fuel_cards «Заправки по топливным картам»: its rows are refuelings, named after the cards
    chained_spec("logistics", text, deployed, "fleet.fuel_cards", upstream)


@pytest.mark.parametrize(
    "text",
    [
        "courier reviews to clickhouse daily",  # couriers «Курьеры»: its name says what its rows are
        "отзывы курьеров в кликхаус ежедневно",
    ],
)
def test_a_table_named_by_what_its_rows_are_still_asks_for_an_unknown_head(text: str) -> None:
    assert plan("logistics", text, "").status == "needs_clarification"


# --- keys named by nouns in a chained or manual request (the rest is planned with «вручную» after it) ------


@pytest.mark.parametrize(
    ("text", "deployed", "upstream"),
    [
        ("после загрузки студентов грузить посещаемость в ch_univ, мержить по студенту и дате", "students",
         ["students"]),
        ("after students load, copy attendance to ch_univ, merge on student and date", "students", ["students"]),
        ("грузить посещаемость в ch_univ вручную, мержить по студенту и дате", "", []),
    ],
)  # fmt: skip
def test_noun_keys_survive_the_trigger(text: str, deployed: str, upstream: list[str]) -> None:
    spec = chained_spec("univ", text, deployed, "attendance", upstream)
    assert spec.target.mode == "upsert" and spec.target.keys == ["student_id", "lesson_date"]
