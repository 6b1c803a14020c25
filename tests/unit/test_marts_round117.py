"""Marts round 117 (blind batch ba: measures and row conditions).

Wrong confident mba-ru-51 «суммарная длительность в минутах и выручка» -> sum(duration_min) only: a money noun
that is no function word («выручка», "revenue"), listed right after another measure, was dropped as a bare
repeat of it. It is an amount of its own (read, or asked), as marts114 has it before another measure.

The others were asked: "Copies in the collection …" read "copies" as the load verb; "payments made online"
took the participle "made" for a value of payment_method; "state of charge" is the SOC a column name says
(start_soc); «выручка с зарядок» summed status (its value 'charging'); states said as a clause, a participle or
an idiom («которые состоялись», «только состоявшиеся», «отработанные смены», «остановленные из-за ошибки»,
"that went through") were not read.

First pass (on 52c4500, before any change): 14 of 16 failed. Two were wrong confident (the money noun dropped
after «суммарная энергия в кВт·ч» and after "total duration in minutes"); the other twelve were asked. The two
that passed are guards: «средняя длительность … и выручка» (two functions, nothing dropped) and the load twin
"Copies that are on loan …".
The four cases of test_owners_and_paths were written after the first fixes and run on 52c4500 then: 3 of 4
failed (all asked); the passing one is the guard that stays asked.
"""

from __future__ import annotations

import pytest

from tests.planned import mart, ok, wrong_of

CASES = [
    (  # a money noun after a measure with a unit: an amount of its own, never dropped
        "evcharge",
        "Зарядки по станциям: суммарная энергия в кВт·ч и выручка, посуточно",
        mart(
            "charging.sessions",
            [["sum", "energy_kwh"], ["sum", "cost"]],
            ["station_id"],
            mart__time_grain=["started_at", "day"],
        ),
    ),
    (
        "vet",
        "Процедуры по типам: средняя длительность в минутах и выручка, помесячно",
        mart(
            "care.treatments",
            [["avg", "duration_min"], ["sum", "cost"]],
            ["treatment_type"],
            mart__time_grain=["performed_at", "month"],
        ),
    ),
    (
        "vet",
        "Treatments by type: total duration in minutes and revenue, weekly",
        mart(
            "care.treatments",
            [["sum", "duration_min"], ["sum", "cost"]],
            ["treatment_type"],
            mart__time_grain=["performed_at", "week"],
        ),
    ),
    (  # "copies" is the library's noun, not the load verb "copy"
        "library",
        "Number of copies by edition format",
        mart("copies", [["count", None]], ["format"], mart__joins=["editions"]),
    ),
    (
        "library",
        "Book copies by branch: count and average purchase price",
        mart("copies", [["count", None], ["avg", "purchase_price"]], ["branch_id"]),
    ),
    (  # the load twin: no measure, still a load of the copies on loan
        "library",
        "Copies that are on loan, every two hours, into clickhouse table copies_on_loan",
        ok(
            source__table="copies",
            source__where="status = 'on_loan'",
            target__table="copies_on_loan",
            schedule="0 */2 * * *",
        ),
    ),
    (  # "made" is the verb of the listed means, no value of payment_method
        "library",
        "A mart of fine payments made online: total paid per branch, monthly",
        mart(
            "circ.payments",
            [["sum", "amount"]],
            ["branch_id"],
            mart__time_grain=["paid_at", "month"],
            mart__where="payment_method = 'online'",
        ),
    ),
    (  # «с» + the fact's own rows: whose money it is, not the status value 'charging'
        "evcharge",
        "Сессии по станциям: выручка с зарядок, помесячно",
        mart(
            "charging.sessions", [["sum", "cost"]], ["station_id"], mart__time_grain=["started_at", "month"]
        ),
    ),
    (  # "state of charge" is the SOC of start_soc / end_soc
        "evcharge",
        "Average end state of charge per station, monthly",
        mart(
            "charging.sessions",
            [["avg", "end_soc"]],
            ["station_id"],
            mart__time_grain=["started_at", "month"],
        ),
    ),
    (
        "evcharge",
        "Average start and end state of charge per station, weekly",
        mart(
            "charging.sessions",
            [["avg", "start_soc"], ["avg", "end_soc"]],
            ["station_id"],
            mart__time_grain=["started_at", "week"],
        ),
    ),
    (  # an event that took place: the done/completed state the status lists
        "vet",
        "Приёмы, которые состоялись, по клиникам, понедельно",
        mart(
            "care.appointments",
            [["count", None]],
            ["clinic_id"],
            mart__time_grain=["visit_at", "week"],
            mart__where="status = 'completed'",
        ),
    ),
    (
        "realty",
        "Показы, которые состоялись, по агентам помесячно",
        mart(
            "sales.viewings",
            [["count", None]],
            ["agent_id"],
            mart__time_grain=["scheduled_at", "month"],
            mart__where="status = 'done'",
        ),
    ),
    (  # «отработанные смены»: 'Статус смены: scheduled, worked, absent, sick'
        "agro",
        "Только отработанные смены по работникам: сумма часов, помесячно по дате смены",
        mart(
            "ops.shifts",
            [["sum", "hours_worked"]],
            ["worker_id"],
            mart__time_grain=["shift_date", "month"],
            mart__where="status = 'worked'",
        ),
    ),
    (  # the reason after «из-за»: 'Причина остановки (user, full, error, timeout)'
        "evcharge",
        "Сессии, остановленные из-за ошибки, по станциям помесячно",
        mart(
            "charging.sessions",
            [["count", None]],
            ["station_id"],
            mart__time_grain=["started_at", "month"],
            mart__where="stop_reason = 'error'",
        ),
    ),
    (  # "went through": succeeded, the status's spelling of success
        "hotel",
        "Guest payments that went through: count by method, monthly",
        mart(
            "finance.payments",
            [["count", None]],
            ["method"],
            mart__time_grain=["paid_at", "month"],
            mart__where="status = 'succeeded'",
        ),
    ),
    (
        "evcharge",
        "Payments that went through, daily into clickhouse",
        ok(source__table="billing.payments", source__where="status = 'succeeded'", schedule="0 0 * * *"),
    ),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), CASES)
def test_measures_and_row_conditions(catalog: str, text: str, expected: dict[str, object]) -> None:
    assert wrong_of(catalog, text, expected) == []


# Added after the first fixes (their own first pass is in the module docstring): a title noun said in English
# ("Grain" of 'Договоры продажи зерна'), the owner of a measure said in the genitive that another table's
# comment names (reviews 'Отзывы гостей'), and a joined dimension whose path a key's comment names.
OWNERS_AND_PATHS = [
    (
        "agro",
        "Grain contract count by crop, monthly by signing date",
        mart("sales.contracts", [["count", None]], ["crop_id"], mart__time_grain=["signed_on", "month"]),
    ),
    (
        "hotel",
        "Максимальная оценка гостей по отелям",
        mart(
            "booking.reviews",
            [["max", "rating"]],
            ["hotel_id"],
            mart__joins=["booking.reservations", "booking.rooms"],
        ),
    ),
    (
        "library",
        "Выдачи по районам филиалов выдачи: число выдач, понедельно по времени выдачи",
        mart(
            "circ.loans",
            [["count", None]],
            ["district"],
            mart__time_grain=["issued_at", "week"],
            mart__joins=["branches"],
        ),
    ),
    (  # no key's comment said: four paths to branches, asked as before
        "library",
        "Выдачи по районам филиалов: число выдач, понедельно по времени выдачи",
        {"status": "needs_clarification"},
    ),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), OWNERS_AND_PATHS)
def test_owners_and_paths(catalog: str, text: str, expected: dict[str, object]) -> None:
    assert wrong_of(catalog, text, expected) == []
