"""The three asked-where-a-plan-or-refusal-was-expected families of eval/heldout_triggers_m (trig15).

Written after the fixes (these are regression tests, not a first pass), with sentences in no eval file:

1. a jargon reload verb the dictionary lacks («перезаливай», «перезаливаем») with an upsert and its keys is
   the upsert (planning/reload.py), so a chain re-loading the very table it runs after is refused (README:
   "a pipeline scheduled on its own output is refused"), not asked which of two modes;
2. an English frequency adjective right after a mart's refresh verb and before its measure ("rebuild hourly
   event counts") is the mart's grain, not a clock that conflicts with the chain;
3. a one-letter typo in the head word of a compound table name ("wifi sesions", "tracking evnets") is read
   as that word (planning/spelling.py: the parts after the first of a snake_case table name are targets).
"""

from __future__ import annotations

import pytest

from tests.unit.test_triggers_round9 import chained_spec, plan

# --- 1. a jargon reload verb + upsert by keys after its own table's load: refused -------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "deployed"),
    [
        ("shop", "когда обновятся товары, перезаливай товары в clickhouse_default апсертом по id", "products orders"),
        ("clinic", "после загрузки пациентов перезаливаем пациентов в ch_dwh ещё раз, апсерт по id",
         "patients doctors"),
        ("univ", "как догрузятся студенты — перезаливайте студентов в ch_univ upsert по id", "students grades"),
    ],
)  # fmt: skip
def test_a_jargon_reload_with_upsert_keys_after_its_own_load_is_refused(
    catalog: str, text: str, deployed: str
) -> None:
    outcome = plan(catalog, text, deployed)
    assert outcome.status == "rejected", (outcome.questions, outcome.spec)


def test_a_jargon_reload_with_upsert_keys_after_another_load_is_the_upsert() -> None:
    spec = chained_spec("shop", "после загрузки клиентов перезаливай заказы в clickhouse_default апсертом по id",
                        "customers orders", "orders", ["customers"])  # fmt: skip
    assert spec.target.mode == "upsert"
    assert spec.target.keys == ["id"]


def test_a_jargon_reload_noun_with_an_upsert_is_still_two_modes() -> None:
    # «перезаливка» is the noun (a full reload), not the verb: two modes named, asked
    outcome = plan("shop", "после загрузки клиентов перезаливка заказов в clickhouse_default и апсерт по id",
                   "customers orders")  # fmt: skip
    assert outcome.status == "needs_clarification", outcome.spec


# --- 2. a frequency adjective before the mart's measure is its grain -------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "deployed", "fact", "upstream", "grain"),
    [
        ("utility", "when readings are loaded, refresh daily reading counts by meter_id",
         "readings meters", "metering.readings", "readings", "day"),
        ("clinic", "after the visits load finishes, refresh weekly visit counts per doctor_id",
         "visits patients", "visits", "visits", "week"),
        ("shop", "when the sales load is done, recompute monthly revenue totals by region",
         "sales orders", "sales", "sales", "month"),
    ],
)  # fmt: skip
def test_a_frequency_adjective_before_the_measure_is_the_grain(
    catalog: str, text: str, deployed: str, fact: str, upstream: str, grain: str
) -> None:
    spec = chained_spec(catalog, text, deployed, fact, [upstream])
    assert spec.source.mart is not None and spec.source.mart.time_grain is not None
    assert spec.source.mart.time_grain.grain == grain
    assert spec.schedule is None


def test_a_frequency_adverb_with_a_clock_in_a_chained_mart_is_still_asked() -> None:
    outcome = plan("logistics", "once shipments are loaded, rebuild daily at 6 the shipment counts by status",
                   "shipments couriers")  # fmt: skip
    assert outcome.status == "needs_clarification", outcome.spec


# --- 3. a typo in the head word of a compound table name -------------------------------------------------


def test_a_typo_in_a_compound_table_noun_with_new_rows_and_a_chain() -> None:
    spec = chained_spec("logistics", "tracking evnets: only new rows (occurred_at) to CH once shipments load",
                        "shipments couriers", "tracking_events", ["shipments"])  # fmt: skip
    assert spec.source.incremental is not None and spec.source.incremental.column == "occurred_at"


def test_a_typo_in_a_compound_table_noun_on_a_clock() -> None:
    outcome = plan("univ", "copy dorm residnets to ch_univ every day at 3")
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.source.table == "campus.dorm_residents"
