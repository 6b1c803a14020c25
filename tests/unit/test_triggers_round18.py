"""Trigger requests of my own (round 18): the families missed by heldout_triggers_o, said in other words.

Written on branch trig18 (= main 365358c) before any rule change, over several demo catalogs:

* a manual run said in other words: the adjective after its noun («запуск ручной», «старт ручной»), "ad hoc"
  beside "no schedule", a person asking for it ("when I ask for it", "whenever we request it");
* two upstreams listed after «оба»/«обе» between dashes, one named by its table in brackets;
* a one-letter typo in an English table noun inside a chain ("suport", "custmers").

Controls: a clock beside a manual word is still asked; an upstream nobody loads is still asked.

First pass (planner at main 365358c, before any change on this branch): 12 of 28 failed before the rules
(m01-m03, m07-m10, t05, t06 asked; c01, c03, c04 — a manual word beside a clock — failed too).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_triggers_round9 import bare, plan, uri
from tests.unit.test_triggers_round17 import ASK, OK

# (id, catalog, request, deployed tables, expected) as in round 17
CASES: list[tuple[str, str, str, str, dict[str, Any]]] = [
    # --- manual: the adjective after the noun, "ad hoc, no schedule", a person asking for it --------------
    ("m01", "hr", "отпуска в кх, запуск ручной", "", {"status": OK, "source": "vacations"}),
    ("m02", "clinic", "пациентов в ch_dwh, старт ручной", "", {"status": OK, "source": "patients"}),
    ("m03", "bank", "карты в кликхаус — запуск только ручной", "", {"status": OK, "source": "core.cards"}),
    ("m04", "univ", "студентов в ch_univ, ручной запуск", "", {"status": OK, "source": "students"}),
    ("m05", "shop", "orders to the warehouse, ad hoc, no schedule", "", {"status": OK, "source": "orders"}),
    ("m06", "logistics", "couriers into clickhouse, ad hoc", "", {"status": OK, "source": "couriers"}),
    ("m07", "hr", "copy vacations to ch_hr when I ask for it", "", {"status": OK, "source": "vacations"}),
    ("m08", "bank", "cards to clickhouse whenever we request it", "", {"status": OK, "source": "core.cards"}),
    ("m09", "univ", "grades to ch_univ when someone asks", "", {"status": OK, "source": "grades"}),
    ("m10", "clinic", "doctors to the warehouse, no schedule", "", {"status": OK, "source": "doctors"}),
    ("m11", "clinic", "врачей в ch_dwh без расписания", "", {"status": OK, "source": "doctors"}),
    ("m12", "shop", "orders to clickhouse, manual run", "", {"status": OK, "source": "orders"}),
    # controls: a clock beside a manual word is two triggers (asked)
    ("c01", "hr", "отпуска в кх, запуск ручной, и ещё каждый день в 9", "", {"status": ASK}),
    ("c03", "univ", "студентов в ch_univ, ручной запуск, плюс каждый час", "", {"status": ASK}),
    ("c04", "clinic", "врачей в ch_dwh без расписания, каждый день в 9", "", {"status": ASK}),
    ("c02", "shop", "orders to the warehouse ad hoc, also daily at 6", "", {"status": ASK}),
    # --- «оба»/«обе» then the two upstreams between dashes, one named by its table in brackets -------------
    ("b01", "hr", "как обе обновятся — отделы и сотрудники (employees) — гони отпуска в кх",
     "departments employees", {"status": OK, "source": "vacations", "upstream": ["departments", "employees"]}),
    ("b02", "bank", "как оба обновятся — клиенты (clients) и счета — перекидывай карты в кликхаус",
     "clients accounts", {"status": OK, "source": "core.cards", "upstream": ["clients", "accounts"]}),
    ("b03", "logistics", "когда оба отработают — хабы и курьеры (couriers) — грузи отправления в кх",
     "hubs couriers routes", {"status": OK, "source": "shipments", "upstream": ["hubs", "couriers"]}),
    ("b05", "hr", "как оба обновились — отделы (departments) и сотрудники — гони отпуска в кх",
     "departments employees", {"status": OK, "source": "vacations", "upstream": ["departments", "employees"]}),
    ("b06", "bank", "как обе обновились — клиенты и счета (accounts) — перекидывай карты в кликхаус",
     "clients accounts", {"status": OK, "source": "core.cards", "upstream": ["clients", "accounts"]}),
    ("b04", "shop", "как оба обновились — заказы и лиды (leads) — гоняй платежи в кликхаус", "orders customers",
     {"status": ASK, "lists": True}),
    # --- a one-letter typo in an English table noun of a chain ---------------------------------------------
    ("t01", "shop", "after orders are loaded, load custmers", "orders products",
     {"status": OK, "source": "customers", "upstream": ["orders"]}),
    ("t02", "hr", "once employees have loaded, copy vacatons to ch_hr", "employees departments",
     {"status": OK, "source": "vacations", "upstream": ["employees"]}),
    ("t03", "logistics", "after the couriers load, load shipmets", "couriers hubs",
     {"status": OK, "source": "shipments", "upstream": ["couriers"]}),
    ("t04", "clinic", "after pateints are loaded, load prescriptions into ch_dwh", "patients visits",
     {"status": OK, "source": "prescriptions", "upstream": ["patients"]}),
    ("t05", "univ", "once students have loaded, copy libary loans to ch_univ", "students courses",
     {"status": OK, "source": "library_loans", "upstream": ["students"]}),
    ("t06", "telecom", "after tariffs are loaded, load suport tickets", "tariffs subscribers",
     {"status": OK, "source": "support_tickets", "upstream": ["tariffs"]}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case_id", "catalog", "text", "deployed", "expected"), CASES, ids=[c[0] for c in CASES]
)
def test_round18(case_id: str, catalog: str, text: str, deployed: str, expected: dict[str, Any]) -> None:
    outcome = plan(catalog, text, deployed)
    assert outcome.status == expected["status"], (outcome.questions, outcome.errors, outcome.spec)
    if expected.get("lists"):
        loaded = [uri(catalog, item.partition(":")[0]) for item in deployed.split()]
        assert any(asset in " ".join(outcome.questions) for asset in loaded), outcome.questions
    if expected["status"] != OK:
        return
    spec = outcome.spec
    assert spec is not None
    assert bare(spec.source.table) == bare(expected["source"])
    assert set(spec.schedule_assets) == {uri(catalog, t) for t in expected.get("upstream", [])}
    assert not spec.on_new_files
    assert spec.schedule is None
