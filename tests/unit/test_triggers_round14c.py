"""Twenty more trigger requests of my own (round 14c, issue 18), in the styles of heldout_triggers_l.

Written on branch trig14 after round 14b's fixes, before any rule change for them, over the six demo catalogs
the round-9 helpers know: modifiers of the upstream in other cases and prepositions («с», «от», «для», "from",
"per"), spoken openers with a politeness particle, a frequency adjective in a chain, a cycle hidden behind a
modifier, and requests that must stay questions. Checked with round 14b's ``verdict``.

Two expectations were replaced before the first run, not after: a mart after one load aggregating another
table (legitimate either way) and a file drop whose clock is the schedule (no "ask" to check).

First pass (branch trig14 at 281442c, once): 20/20 right (RU 12/12, EN 8/8), 0 wrong confident; no rule
changed for them.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_triggers_round14b import verdict

CASES: list[tuple[str, str, str, str, Any]] = [
    ("r01", "clinic", "как тока обновятся назначения лекарств для пациентов, перелей счета в двх",
     "prescriptions patients", {"source": "billing.invoices", "upstream": ["prescriptions"]}),
    ("r02", "logistics", "после загрузки возвратов от курьеров гоняй отправления в ch_logistics",
     "returns couriers", {"source": "shipments", "upstream": ["returns"]}),
    ("r03", "univ", "когда догрузятся сессии wi-fi в кампусе плз перелей посещаемость в ch_univ",
     "wifi_sessions students", {"source": "attendance", "upstream": ["wifi_sessions"]}),
    ("r04", "utility", "када обновятся заявки абонентов на подключение — гоняй отключения в кх",
     "service_requests subscribers", {"source": "ops.outages", "upstream": ["service_requests"]}),
    ("r05", "hr", "после загрузки отпусков сотрудников и отделов перелей табель в ch_hr",
     "vacations employees departments", {"source": "timesheets", "upstream": ["vacations", "departments"]}),
    ("r06", "shop", "после загрузки заказов клиентов с доставкой перегружай таблицу orders в кх",
     "orders customers", "reject"),
    ("r07", "logistics", "ежедневные манифесты хабов кидают в /mnt/hub_share/daily/ в csv, каждый новый файл грузи "
     "в таблицу hub_daily_raw", "", {"path": "/mnt/hub_share/daily/", "target": "hub_daily_raw"}),
    ("r08", "shop", "как только обновятся продажи плиз перелей еженедельные остатки (inventory) в кх",
     "sales orders", {"source": "inventory", "upstream": ["sales"]}),
    ("r09", "clinic", "как только обновятся записи к врачам, каждый час перелей визиты в двх", "appointments",
     "ask"),
    ("r10", "univ", "после загрузки записей на дисциплины или оценок гоняй посещаемость в ch_univ",
     "enrollments grades", "ask"),
    ("r11", "hr", "как тока обновится табель — перелей зарплаты в кх, плиз", "timesheets employees",
     {"source": "payroll.payslips", "upstream": ["timesheets"]}),
    ("r12", "utility", "как тока догрузятся оплаты от абонентов плиз пересчитай витрину: сумма оплат по каналам по "
     "дням", "payments subscribers", {"source": "billing.payments", "upstream": ["payments"], "mart": True}),
    # --- English ---
    ("e01", "logistics", "once returns from couriers are loaded pls sync shipments to ch_logistics",
     "returns couriers", {"source": "shipments", "upstream": ["returns"]}),
    ("e02", "utility", "when the readings per meter are refreshed kindly copy charges to ch_utility",
     "readings meters", {"source": "billing.charges", "upstream": ["readings"]}),
    ("e03", "shop", "Weekly partner price lists land in s3://shop-drop/prices/ as csv - load new files into "
     "prices_raw as they arrive", "", {"path": "s3://shop-drop/prices/", "target": "prices_raw"}),
    ("e04", "hr", "after the vacations of employees load completes then copy timesheets to ch_hr",
     "vacations employees", {"source": "timesheets", "upstream": ["vacations"]}),
    ("e05", "univ", "once grades for exams have landed please copy attendance to ch_univ", "grades students",
     {"source": "attendance", "upstream": ["grades"]}),
    ("e06", "clinic", "after the invoices for patients load, reload the invoices table into ch_dwh",
     "invoices patients", "reject"),
    ("e07", "shop", "after the orders load finishes pls copy payments to clickhouse every hour", "orders", "ask"),
    ("e08", "logistics", "nightly tracking dumps land in s3://fleet-telemetry/nightly/ as jsonl; load new ones as "
     "they arrive into tracking_raw, and also every night at 2", "", "ask"),
]  # fmt: skip


@pytest.mark.parametrize(("case_id", "catalog", "text", "deployed", "expected"), CASES)
def test_round14c(case_id: str, catalog: str, text: str, deployed: str, expected: Any) -> None:
    assert verdict(catalog, text, deployed, expected) == "", case_id
