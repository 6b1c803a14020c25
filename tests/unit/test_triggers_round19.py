"""Trigger requests of my own (round 19): a manual word beside a chain or a file trigger, a rate limit on a
manual or event-driven pipeline, «сразу после полуночи», and "manual" as the adjective of a data noun.

Written on branch trig19 (= main 81dde69) before any rule change, over several demo catalogs:

* manual + an upstream load or new files: asked like manual + a clock (one question naming the event);
  «без расписания»/"no schedule" beside an event only says "no clock" and stays planned;
* a rate limit («не чаще раза в день», "at most once an hour") the spec cannot express: asked, never dropped;
* «сразу/вскоре после полуночи» is 00:00 daily, as "right/just/shortly after midnight" is;
* "manual checks", «ручные проверки», "manual readings": a data noun's adjective, no manual trigger.

First pass (planner at main 81dde69, before any change on this branch): 27 of 39 failed before the rules
(m01-m08, r01-r09, n01-n04, n07, p01, p03-p06); p09, p10, m12, r12, n10, n11 were added after the rules.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_triggers_round9 import bare, plan, uri

OK, ASK = "ok", "needs_clarification"

# (id, catalog, request, deployed tables, expected): `question` the catalog id of the one question asked,
# `cron` the planned clock, `upstream` the loads it runs after, `files` a file trigger
CASES: list[tuple[str, str, str, str, dict[str, Any]]] = [
    # --- manual + a chain or new files: one question, as manual + a clock ---------------------------------
    ("m01", "shop", "после загрузки заказов гони платежи в кликхаус, и вручную тоже", "orders customers",
     {"status": ASK, "question": "planner.manual_and_event", "says": "orders"}),
    ("m02", "hr", "как обновятся отделы, перекидывай сотрудников в кх; ну и по кнопке иногда",
     "departments vacations", {"status": ASK, "question": "planner.manual_and_event", "says": "departments"}),
    ("m03", "clinic", "after the patients load finishes, copy prescriptions to ch_dwh, or by hand",
     "patients doctors", {"status": ASK, "question": "planner.manual_and_event", "says": "patients"}),
    ("m04", "bank", "load cards to clickhouse manually and also once the clients load finishes",
     "clients accounts", {"status": ASK, "question": "planner.manual_and_event", "says": "clients"}),
    ("m05", "univ", "когда загрузятся студенты, гони оценки в ch_univ, а иногда руками", "students courses",
     {"status": ASK, "question": "planner.manual_and_event", "says": "students"}),
    ("m06", "logistics", "как только в s3://tms/waybills/ появится новый jsonl, грузи его в таблицу "
     "waybills_raw, а также вручную", "", {"status": ASK, "question": "planner.manual_and_event",
                                         "says": "s3://tms/waybills/"}),
    ("m07", "shop", "load new CSV files from s3://raw/orders/ as they arrive into table raw_orders, and on "
     "demand too", "", {"status": ASK, "question": "planner.manual_and_event", "says": "s3://raw/orders/"}),
    ("m08", "utility", "следи за папкой s3://meters/readings/ и новые csv заливай в таблицу readings_raw, плюс "
     "по кнопке", "", {"status": ASK, "question": "planner.manual_and_event", "says": "s3://meters/readings/"}),
    # controls: «без расписания» / "no schedule" beside an event is no manual run; manual + a clock as before
    ("m09", "logistics", "забирай каждый новый jsonl из s3://tms/waybills/ в таблицу waybills_raw, без "
     "расписания, по факту появления", "", {"status": OK, "files": True}),
    ("m10", "shop", "after the orders load finishes, load payments to clickhouse, no schedule", "orders",
     {"status": OK, "source": "payments", "upstream": ["orders"]}),
    ("m11", "hr", "отпуска в кх вручную, и ещё каждый день в 9", "", {"status": ASK,
                                                                    "question": "planner.manual_and_clock"}),
    # --- a rate limit the spec cannot express: asked ---------------------------------------------------
    ("r01", "shop", "платежи в кликхаус по кнопке, но не чаще раза в день", "",
     {"status": ASK, "question": "planner.rate_limit", "says": "не чаще раза в день"}),
    ("r02", "hr", "отпуска в кх вручную, не чаще одного раза в час", "",
     {"status": ASK, "question": "planner.rate_limit", "says": "не чаще одного раза в час"}),
    ("r03", "clinic", "visits to ch_dwh on demand, but at most once a day", "",
     {"status": ASK, "question": "planner.rate_limit", "says": "at most once a day"}),
    ("r04", "bank", "cards to clickhouse manually, no more than twice a day", "",
     {"status": ASK, "question": "planner.rate_limit", "says": "no more than twice a day"}),
    ("r05", "shop", "как только в s3://raw/orders/ появится новый csv, грузи в таблицу raw_orders, но не "
     "чаще раза в час", "", {"status": ASK, "question": "planner.rate_limit"}),
    ("r06", "shop", "after the orders load finishes, load payments to clickhouse, at most once an hour",
     "orders", {"status": ASK, "question": "planner.rate_limit"}),
    ("r07", "shop", "платежи в кликхаус не чаще раза в сутки", "", {"status": ASK, "question":
                                                                   "planner.rate_limit"}),
    ("r08", "univ", "оценки в ch_univ по запросу, максимум раз в неделю", "",
     {"status": ASK, "question": "planner.rate_limit"}),
    ("r09", "logistics", "couriers into clickhouse whenever we need it, no more often than hourly", "",
     {"status": ASK, "question": "planner.rate_limit"}),
    # controls: a frequency with no limit word is a clock; «не реже» is no cap
    ("r10", "shop", "платежи в кликхаус раз в день", "", {"status": OK, "cron": "0 0 * * *"}),
    ("r11", "hr", "copy vacations to ch_hr once a day", "", {"status": OK, "cron": "0 0 * * *"}),
    # --- right after midnight: 00:00 daily in both languages --------------------------------------------
    ("n01", "shop", "сразу после полуночи гони заказы в кликхаус", "", {"status": OK, "cron": "0 0 * * *"}),
    ("n02", "hr", "сразу после полуночи перекидывай отпуска в кх", "", {"status": OK, "cron": "0 0 * * *"}),
    ("n03", "clinic", "визиты в ch_dwh сразу после полуночи", "", {"status": OK, "cron": "0 0 * * *"}),
    ("n04", "logistics", "вскоре после полуночи грузи отправления в кх", "", {"status": OK, "cron": "0 0 * * *"}),
    ("n05", "univ", "по понедельникам сразу после полуночи гони оценки в ch_univ", "",
     {"status": OK, "cron": "0 0 * * 1"}),
    ("n06", "shop", "right after midnight ship orders to clickhouse", "", {"status": OK, "cron": "0 0 * * *"}),
    ("n07", "clinic", "just after midnight load visits into ch_dwh", "", {"status": OK, "cron": "0 0 * * *"}),
    ("n08", "hr", "shortly after midnight copy vacations to ch_hr", "", {"status": OK, "cron": "0 0 * * *"}),
    ("n09", "bank", "карты в кликхаус ежедневно сразу после полуночи", "", {"status": OK, "cron": "0 0 * * *"}),
    # --- "manual" qualifying a data noun: no manual trigger ----------------------------------------------
    ("p01", "utility", "run manual checks daily", "", {"not": ("planner.manual_and_clock",)}),
    ("p02", "utility", "ручные проверки ежедневно", "", {"not": ("planner.manual_and_clock",)}),
    ("p03", "utility", "manual readings to clickhouse daily", "", {"not": ("planner.manual_and_clock",),
                                                                  "no_manual_plan": True}),
    ("p04", "shop", "load manual orders to clickhouse daily", "", {"not": ("planner.manual_and_clock",),
                                                                 "no_manual_plan": True}),
    ("p05", "utility", "запуск ручных проверок каждый день в кх", "", {"not": ("planner.manual_and_clock",)}),
    ("p06", "hr", "run manual adjustments of vacations into ch_hr every day at 7", "",
     {"not": ("planner.manual_and_clock",), "no_manual_plan": True}),
    # controls: the manual run itself is still read
    ("p07", "shop", "orders to clickhouse, manual run", "", {"status": OK, "cron": None}),
    ("p08", "utility", "показания в кх, ручной запуск", "", {"status": OK, "cron": None}),
    # --- added after the rules (not in the first pass) -----------------------------------------------------
    ("p09", "shop", "orders to clickhouse, manual for now", "", {"status": OK, "cron": None}),
    ("p10", "bank", "cards to clickhouse, manual trigger only", "", {"status": OK, "cron": None}),
    ("m12", "telecom", "subscribers to clickhouse ad hoc, or after the tariffs load", "tariffs",
     {"status": ASK, "question": "planner.manual_and_event", "says": "tariffs"}),
    ("r12", "shop", "после загрузки заказов гони платежи в кх, но максимум раз в час", "orders",
     {"status": ASK, "question": "planner.rate_limit", "says": "максимум раз в час"}),
    ("n10", "shop", "заказы в кх каждую ночь сразу после полуночи по Москве", "", {"status": OK, "cron": "0 0 * * *"}),
    ("n11", "hr", "сразу после полудня перекидывай отпуска в кх", "", {"status": OK, "cron": "0 12 * * *"}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case_id", "catalog", "text", "deployed", "expected"), CASES, ids=[c[0] for c in CASES]
)
def test_round19(case_id: str, catalog: str, text: str, deployed: str, expected: dict[str, Any]) -> None:
    outcome = plan(catalog, text, deployed)
    ids = [getattr(q, "id", None) for q in outcome.questions]
    for unwanted in expected.get("not", ()):
        assert unwanted not in ids, outcome.questions
    if expected.get("no_manual_plan"):  # "manual" of a noun never makes the clock named beside it manual
        assert outcome.status != OK or (outcome.spec is not None and outcome.spec.schedule), outcome.spec
    if "status" not in expected:
        return
    assert outcome.status == expected["status"], (outcome.questions, outcome.errors, outcome.spec)
    if "question" in expected:
        assert ids == [expected["question"]], outcome.questions
        said = str(outcome.questions[0])
        assert expected.get("says", "") in said, said
        # a Russian request is asked in Russian
        assert bool(any("а" <= ch <= "я" for ch in said.lower())) == any("а" <= ch <= "я" for ch in text), (
            said
        )
    if expected["status"] != OK:
        return
    spec = outcome.spec
    assert spec is not None
    if "source" in expected:
        assert bare(spec.source.table) == expected["source"]
    assert set(spec.schedule_assets) == {uri(catalog, t) for t in expected.get("upstream", [])}
    assert spec.on_new_files == expected.get("files", False)
    assert spec.schedule == expected.get("cron")


@pytest.mark.parametrize(
    "text",
    [
        "payments per subscriber, sum and max, monthly",
        "monthly max of payments by tariff",
        "макс. ежедневно по тарифам",
    ],
)
def test_max_as_an_aggregate_is_no_cap(text: str) -> None:
    """ "max" / «макс.» name an aggregate too: beside a frequency adverb (a mart's grain) they cap nothing;
    only beside a count of runs ("max once a day") are they a cap."""
    from airflow_ai_etl.planning.schedule import rate_limit

    assert rate_limit(text) is None
    assert rate_limit("orders to clickhouse, max once a day") == "max once a day"
