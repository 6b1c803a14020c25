"""Marts round 124, regression fix fixreg30b: an item restating a bare measure word after its dimensions.

marts124 kept each listed measure item's words its own («заявленная сумма и сумма к выплате»: each «сумма»
takes only its own comment word). It also took them from items said apart from the bare word: «ФОТ по
отделам помесячно (period), сумма начислено» (held-out mr-ru-13) then found no word for «ФОТ» and asked
gross or net, though «сумма начислено» after the dimension and grain phrase says of what the payroll fund is
summed. Items are one list only when list joiners, punctuation or other items' words lie between them.

First pass (on 1301bb4, before the change): 5 of 9 failed (the four «ФОТ» restatements past a dimension phrase
and «Убытки: итого …, сумма к выплате» were asked which column; «Выплаты …» and the three guards passed).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.planned import mart, plan_in, wrong_of

# a bare measure word, its dimensions and grain, then «сумма <a column's comment>» saying which column
RESTATED = [
    (
        "hr",
        "ФОТ по сотрудникам понедельно (period), сумма начислено",
        mart("payroll.payslips", [["sum", "gross"]], ["employee_id"], mart__time_grain=["period", "week"]),
    ),
    (
        "hr",
        "ФОТ в разрезе отделов по месяцам периода; сумма к выплате",
        mart(
            "payroll.payslips",
            [["sum", "net"]],
            ["department_id"],
            mart__time_grain=["period", "month"],
            mart__joins=["employees"],
        ),
    ),
    (
        "hr",
        "ФОТ по должностям помесячно (period): сумма к выплате",
        mart(
            "payroll.payslips",
            [["sum", "net"]],
            ["job_title"],
            mart__time_grain=["period", "month"],
            mart__joins=["employees"],
        ),
    ),
    (
        "hr",
        "ФОТ по отделам понедельно (period), сумма начислено",
        mart(
            "payroll.payslips",
            [["sum", "gross"]],
            ["department_id"],
            mart__time_grain=["period", "week"],
            mart__joins=["employees"],
        ),
    ),
    (
        "insurance",
        "Выплаты по типу события помесячно по дате заявления, сумма к выплате",
        mart(
            "settlement.claims",
            [["sum", "approved_amount"]],
            ["claim_type"],
            mart__time_grain=["reported_at", "month"],
        ),
    ),
    (
        "insurance",
        "Убытки: итого по типу события помесячно по дате заявления, сумма к выплате",
        mart(
            "settlement.claims",
            [["sum", "approved_amount"]],
            ["claim_type"],
            mart__time_grain=["reported_at", "month"],
        ),
    ),
]

# listed right beside the bare word (a comma or «и»): each item keeps its own words, so the bare one is asked
ASKED = [
    ("hr", "ФОТ, сумма начислено, по отделам помесячно (period)"),
    ("hr", "ФОТ и сумма к выплате по отделам помесячно (period)"),
    ("hr", "ФОТ и сумма начислено по сотрудникам понедельно (period)"),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), RESTATED)
def test_restated_bare_measure(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


@pytest.mark.parametrize(("catalog", "text"), ASKED)
def test_listed_beside_bare_measure_asked(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification", outcome.spec
