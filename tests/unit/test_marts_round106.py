"""Marts round 106: confident wrong marts of blind batch zv, as families (issue 16).

Families (requests of my own, in no eval file, over several catalogs, RU and EN):
1. A row count said beside a sum was dropped: a bare "number" before "and <measure>" ("number and total
   amount"), and the fact's noun opening the request with a genitive owner after it («штрафы читателей по
   типам …, и общая сумма»): the rows are counted too.
2. "week over week", "day over day" beside a schedule: the mart's grain, never a load of the rows.
3. An English dimension whose head word names nothing ("merchant region" where no column holds a region):
   asked, never grouped by the qualifier's column alone (merchant_name).
4. «Записи на ремонт …» of appointments whose creation (created_at 'Дата создания записи') and the booked slot
   (slot_at) are both NOT NULL: the record noun names the table, not which time (asked, README marts100 #7).
5. Loan payments by a grain with «сколько оплачено»: the word names the measured column ('Оплачено'), not the
   grain's event, so the plan beside the nullable payment time stays asked (README marts66 rule 3); the sum
   «к оплате» said beside it is not dropped.
6. A state said as a noun in an excluded list («незаезды и отменённые не считаем»): both left out. «незаезд»
   is the hotel's word for a no-show (vocabulary); and a list of listed values a negated verb closes
   («отменённые и неявки не берём», «отменённые и подтверждённые не берём») is turned around as one value is:
   loads and marts kept `status IN (...)`, the rows inverted.
7. "shift type" is shift_kind ('Тип смены'), never the agents' is_on_shift flag; "excluding weekend shifts" is
   that listed value, not a weekday schedule.

First pass (at be6281b, before the rules): 13 of 15 failed (the planned and asked tests). The two load tests
of family 6 were written after I found the inversion while fixing it (the fitness one gave `status IN
('cancelled', 'no_show')` before the rule). Left failing (xfail): «отменённые и подселения не берём», a noun no
rule reads in an excluded list, is still dropped (`status <> 'cancelled'`).
"""

from __future__ import annotations

import pytest

from tests.planned import mart, ok_spec, plan_in, wrong_of


@pytest.mark.parametrize(
    ("catalog", "text", "expected"),
    [
        # 1. a row count beside a sum
        (
            "library",
            "штрафы читателей по типам за последние 30 дней, и общая сумма в рублях",
            mart(
                "circ.fines",
                [["count", None], ["sum", "amount"]],
                ["fine_type"],
                mart__where="assessed_at >= now() - interval '30 days'",
            ),
        ),
        (
            "carshare",
            "Customer payments: number and total amount per method",
            mart("rental.payments", [["count", None], ["sum", "amount"]], ["method"]),
        ),
        (
            "shop",
            "Sales: number and total quantity per region",
            mart("sales", [["count", None], ["sum", "quantity"]], ["region"]),
        ),
        # 2. period over period beside a schedule
        (
            "shop",
            "Orders by status, day over day, rebuilt every day at 5 am",
            mart(
                "orders",
                [["count", None]],
                ["status"],
                mart__time_grain=["created_at", "day"],
                schedule="0 5 * * *",
            ),
        ),
        # 6. a state said as a noun in an excluded list
        (
            "hotel",
            "Бронирования по отелям по неделям по дате заезда, незаезды и отменённые не считаем",
            mart(
                "booking.reservations",
                [["count", None]],
                ["hotel_id"],
                mart__time_grain=["check_in", "week"],
                mart__joins=["booking.rooms"],
                mart__where="status NOT IN ('no_show', 'cancelled')",
            ),
        ),
        # 7. "shift type"
        (
            "helpdesk",
            "Agent shifts by shift type per month, without weekend shifts",
            mart(
                "support.shifts",
                [["count", None]],
                ["shift_kind"],
                mart__time_grain=["shift_date", "month"],
                mart__where="shift_kind <> 'weekend'",
            ),
        ),
        (
            "helpdesk",
            "Total planned hours by shift type, monthly",
            mart(
                "support.shifts",
                [["sum", "planned_hours"]],
                ["shift_kind"],
                mart__time_grain=["shift_date", "month"],
            ),
        ),
        # kept as they were
        (
            "bank",
            "Total transaction amount per merchant name per day",
            mart(
                "core.transactions",
                [["sum", "amount"]],
                ["merchant_name"],
                mart__time_grain=["created_at", "day"],
            ),
        ),
        (
            "autoservice",
            "Записи на ремонт по каналам помесячно по дате создания записи",
            mart(
                "service.appointments",
                [["count", None]],
                ["channel"],
                mart__time_grain=["created_at", "month"],
            ),
        ),
    ],
)
def test_zv_family_is_planned(catalog: str, text: str, expected: dict) -> None:
    assert wrong_of(catalog, text, expected) == []


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("bank", "Average transaction amount per merchant region"),  # 3: no column holds a region
        ("autoservice", "Сколько записей на обслуживание по станциям понедельно"),  # 4
        ("autoservice", "Записи на ремонт по статусам по дням"),  # 4
        ("bank", "Платежи по кредитам по неделям: сумма к оплате и сколько оплачено"),  # 5
        ("bank", "Кредитные платежи помесячно: сколько оплачено и сумма к оплате"),  # 5
        pytest.param(
            "hotel",
            "Бронирования по отелям по неделям по дате заезда, отменённые и подселения не берём",
            marks=pytest.mark.xfail(
                strict=True, reason="an unread noun in an excluded list is dropped (not fixed)"
            ),
        ),  # 6
    ],
)
def test_zv_family_is_asked(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification", outcome.spec


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        # 6 in loads too: a list of listed values a negated verb closes leaves out every one of them (the IN
        # list was kept, the rows inverted)
        (
            "fitness",
            "Загружать записи на занятия в клик ежедневно, отменённые и неявки не берём",
            "status NOT IN ('cancelled', 'no_show')",
        ),
        (
            "hotel",
            "Грузить брони в кликхаус ежедневно в 6 утра, незаезды и отменённые не нужны",
            "status NOT IN ('no_show', 'cancelled')",
        ),
    ],
)
def test_excluded_value_list_in_a_load(catalog: str, text: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.where == where
