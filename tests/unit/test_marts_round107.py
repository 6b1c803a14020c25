"""Marts round 107: plannable marts that were asked (blind batch zv, the asked family less the measures named
by a comment noun or a unit, which marts105 takes).

Families (found by printing the planner's question on each asked request of zv):
1. An English negated state after the rows' noun ("tickets not closed yet"): the filter rules read `status
   <> 5` but marked only the participle read, so the mart's residue asked about the "not" left; the head
   noun's count was lost beside a later sum ("…, plus the sum of refunds"; "plus" itself was asked); and
   with a comma before "by" ("tickets not yet closed, by priority, daily") the request was a load that
   dropped "by priority".
2. A listed code of two parts said with the preposition it leaves out ("waiting for parts" of waiting_parts).
3. "left out" after the states excluded ("sick and absent shifts left out", "no-shows left out"): read as a
   second dimension, then as the kept state beside the NOT IN.
4. An English register grouped by a list ("Pets by species and sex, sterilized only"): a load, its schedule
   asked («Питомцы по видам и полу, только стерилизованные» was a mart).
5. "per buyer" of buyer_name beside buyer_inn ('ИНН покупателя'): a party's registration number, like its
   phone (marts101), only identifies whom the name says.
6. «эскалированные заявки с высоким или критичным приоритетом по очередям»: a «с …» phrase between the rows'
   noun and «по» hid the counted rows behind «витрина» (no measure asked); «Собери витрину mart_x: …» named
   no mart table (only «в витрину mart_x» did).
7. «Зарядные сессии» of charging.sessions ('Сессии зарядки'): an adjective made from the comment's noun with
   its last consonant changed (зарядка → зарядный) was asked.
8. «Начисленная зарплата (gross) и сумма к выплате»: a bracket between a listed measure word and «и» hid the
   list, so the first measure was asked.
9. «только корпоративные аккаунты» on sessions: a value of crm.accounts, which the fact references by
   account_id; the load rules ask (a load cannot filter on another table), a mart joins it
   (planning/marts/joined_filters.py). Written after the first pass: 2 of 2 failed before the rule.
10. «по машинам» of machine_id ('Техника'): «машина» was a vehicle only (glossary). Written after the first
   pass: failed before the rule.
11. "total parts cost" of parts_amount ('Стоимость запчастей'): "parts" names service.parts and "cost" its
   price, so the parts table was the fact; "labor cost" asked which of four columns. Two English words
   "<thing> cost" now join to `<thing>_amount` as "parts amount" did. Written after the first pass: 2 of 2
   failed before the rule.

First pass (the tests below run against main 8ea5714, before the rules): 14 of 16 planned cases failed, 0 of
5 must-ask cases failed (one, «Сумма к выплате (net) и начисленная зарплата (gross) …», was written as a
plan, failed, and stays asked: see its comment).
"""

from __future__ import annotations

import pytest

from tests.planned import mart, plan_in, wrong_of


@pytest.mark.parametrize(
    ("catalog", "text", "expected"),
    [
        # 1. an English negated state after the rows' noun
        (
            "helpdesk",
            "tickets not closed yet per agent, monthly",
            mart(
                "support.tickets",
                [["count", None]],
                ["agent_id"],
                mart__time_grain=["created_at", "month"],
                mart__where="status <> 5",
            ),
        ),
        (
            "helpdesk",
            "tickets not yet closed, by channel, daily",
            mart(
                "support.tickets",
                [["count", None]],
                ["channel"],
                mart__time_grain=["created_at", "day"],
                mart__where="status <> 5",
            ),
        ),
        (
            "helpdesk",
            "tickets by channel, plus the total refund, weekly",
            mart(
                "support.tickets",
                [["count", None], ["sum", "refund_rub"]],
                ["channel"],
                mart__time_grain=["created_at", "week"],
            ),
        ),
        # 2. a two-part code said with its preposition
        (
            "autoservice",
            "work orders waiting on parts per mechanic, weekly",
            mart(
                "service.work_orders",
                [["count", None]],
                ["mechanic_id"],
                mart__time_grain=["opened_at", "week"],
                mart__where="status = 'waiting_parts'",
            ),
        ),
        # 3. "left out" after the excluded states
        (
            "agro",
            "Hours worked per machine per week of shift date, sick shifts left out",
            mart(
                "ops.shifts",
                [["sum", "hours_worked"]],
                ["machine_id"],
                mart__time_grain=["shift_date", "week"],
                mart__where="status <> 'sick'",
            ),
        ),
        (
            "hotel",
            "Bookings per room type by month of check-in, no-shows left out",
            mart(
                "booking.reservations",
                [["count", None]],
                ["room_type"],
                mart__time_grain=["check_in", "month"],
                mart__joins=["booking.rooms"],
                mart__where="status <> 'no_show'",
            ),
        ),
        # 4. an English register grouped by a list
        (
            "vet",
            "Pets by species and breed, sterilized only",
            mart("pets", [["count", None]], ["species", "breed"], mart__where="is_sterilized = true"),
        ),
        (
            "hotel",
            "Guests by country and loyalty level",
            mart("guests", [["count", None]], ["country", "loyalty_level"]),
        ),
        (
            "helpdesk",
            "tickets by channel and priority, escalated only",
            mart(
                "support.tickets",
                [["count", None]],
                ["channel", "priority"],
                mart__where="is_escalated = true",
            ),
        ),
        # 5. a party's name beside its registration number
        (
            "construction",
            "total project budget per customer, monthly",
            mart(
                "projects.projects",
                [["sum", "budget_rub"]],
                ["customer_name"],
                mart__time_grain=["created_at", "month"],
            ),
        ),
        (
            "construction",
            "Бюджет проектов по заказчикам помесячно",
            mart(
                "projects.projects",
                [["sum", "budget_rub"]],
                ["customer_name"],
                mart__time_grain=["created_at", "month"],
            ),
        ),
        # 6. a «с …» phrase of the counted rows; a mart named after its build verb
        (
            "helpdesk",
            "Витрина: закрытые заявки с высоким приоритетом по очередям помесячно",
            mart(
                "support.tickets",
                [["count", None]],
                ["queue_id"],
                mart__time_grain=["created_at", "month"],
                mart__where="status = 5 AND priority = 3",
            ),
        ),
        (
            "autoservice",
            "Витрина: заказ-наряды с гарантией по станциям помесячно",
            mart(
                "service.work_orders",
                [["count", None]],
                ["station_id"],
                mart__time_grain=["opened_at", "month"],
                mart__where="is_warranty = true",
            ),
        ),
        (
            "helpdesk",
            "Построй витрину mart_queue_load: заявки по очередям по дням",
            mart(
                "support.tickets",
                [["count", None]],
                ["queue_id"],
                mart__time_grain=["created_at", "day"],
                target__table="mart_queue_load",
            ),
        ),
        # 7. an adjective of the fact comment's noun
        (
            "evcharge",
            "Зарядные сессии: стоимость зарядок по станциям понедельно",
            mart(
                "charging.sessions",
                [["sum", "cost"]],
                ["station_id"],
                mart__time_grain=["started_at", "week"],
            ),
        ),
        # 8. a bracket between a listed measure word and «и»
        (
            "hr",
            "Начисленная зарплата (gross) и сумма к выплате (net) по отделам по периоду (period) помесячно",
            mart(
                "payroll.payslips",
                [["sum", "gross"], ["sum", "net"]],
                ["department_id"],
                mart__time_grain=["period", "month"],
                mart__joins=["employees"],
            ),
        ),
        # 9. a condition on the table the fact references
        (
            "evcharge",
            "Charging sessions per station, monthly, fleet accounts only",
            mart(
                "charging.sessions",
                [["count", None]],
                ["station_id"],
                mart__time_grain=["started_at", "month"],
                mart__joins=["crm.accounts"],
                mart__where="account_type = 'fleet'",
            ),
        ),
        (
            "food",
            "Order item quantities per menu category, weekly, vegan dishes only",
            mart(
                "sales.order_items",
                [["sum", "quantity"]],
                ["category"],
                mart__time_grain=["added_at", "week"],
                mart__joins=["menu_items"],
                mart__where="is_vegan = true",
            ),
        ),
        # 10. «машина» of a farm's machinery (machine_id 'Техника на смене')
        (
            "agro",
            "Отработанные часы по машинам по неделям даты смены",
            mart(
                "ops.shifts",
                [["sum", "hours_worked"]],
                ["machine_id"],
                mart__time_grain=["shift_date", "week"],
            ),
        ),
        # 11. "<thing> cost" of <thing>_amount beside a table the thing names (service.parts, whose price
        # "cost" also names)
        (
            "autoservice",
            "total parts cost per mechanic, weekly",
            mart(
                "service.work_orders",
                [["sum", "parts_amount"]],
                ["mechanic_id"],
                mart__time_grain=["opened_at", "week"],
            ),
        ),
        (
            "autoservice",
            "average labor cost per station, monthly",
            mart(
                "service.work_orders",
                [["avg", "labor_amount"]],
                ["station_id"],
                mart__time_grain=["opened_at", "month"],
            ),
        ),
    ],
)
def test_asked_mart_is_planned(catalog: str, text: str, expected: dict) -> None:
    assert wrong_of(catalog, text, expected) == []


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        # no listed value says "waiting for approval": asked, never dropped
        ("autoservice", "work orders waiting for approval per station, daily"),
        # no status value is a holiday
        ("agro", "Hours worked per worker per month of shift date, holidays left out"),
        # "paid by card" names the rows' means: a comma does not make "card" a column
        ("helpdesk", "tickets paid, by card, daily"),
        # the other table's value excluded: which rows of the join are meant stays asked
        ("evcharge", "Сессии зарядки по станциям помесячно, кроме корпоративных аккаунтов"),
        # not fixed this round (the bracketed item second, «зарплата» also names employees.salary): still asked,
        # never a mart with one of the two sums dropped
        (
            "hr",
            "Сумма к выплате (net) и начисленная зарплата (gross) по отделам помесячно по периоду (period)",
        ),
    ],
)
def test_still_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"
