"""Mart requests of round marts27: the failure families of the blind batch heldout_marts_p (its .failures.md),
asked again with requests of my own over other tables, catalogs, wordings and inflections (none copied from an
eval file), scored as the eval scores them (tests/planned.py: the whole plan, README defaults for the rest).

1. a table's own title words are no dimension: «платежей по кредитам» of lending.loan_payments ('Платежи по
   кредитам'), «заправок по топливным картам» of fuel_cards ('Заправки по топливным картам') name the rows;
   only the comment's whole «по» phrase is the title («операций по счетам» alone still groups by account);
2. a bracketed "(<column> <value>)" is that column's condition, kept beside an "..., X only" filter (it was
   dropped as soon as another filter was read); a value the column's comment does not list is asked;
3. the fact's own noun with two time readings («записи» of appointments: booked or scheduled) picks no grain
   column: two time columns and no word choosing one are asked (eval/README.md), as in English;
4. a column named with a grain word ("monthly fee" = monthly_fee) is that column, not a monthly grain;
5. «успешных» is the listed status 'success' (asked where no column lists it);
6. «…, просто колво»: an adverb after a comma ends the dimension list («просто» a filler);
7. "branch city" of clients or loans is branches.city (the clients' own city was taken, or asked); a
   distinct count of people by another table's column is over the one table pointing at both (sales);
8. «сколько было заселений»: the copula is skipped and the event noun counted; a counted event noun naming
   a later, nullable time column («выселений», «увольнений») counts the rows it happened to (it counted
   every row: confident wrong on main);
9. «операций свыше 10000»: the comment's head noun compared with a number is the table's one money column,
   as its English-named noun was («транзакции больше 10000»);
o. "<listed value> ones only" is that value's condition ("dropped ones only"), as "<value> only" was;
p. a table reached along two join paths is asked also when one path is one join past the resolver's
   depth (branches from transactions: via account_id, or card_id -> cards), as the clients on them were.

First pass, against the unchanged planner (main 83c08fa): the 26 cases of 1-4, written before their rules,
18 of 26 failed (11 of them confident wrong plans). The cases of 5-9, o and p were written alongside their
rules (probing the batch's other families); run afterwards against 83c08fa, the whole file fails 45 of 64
(18 confident wrong plans: per family 1: 5, 2: 6, 3: 3, 4: 4, 5: 3, 6: 4, 7: 8, 8: 5, 9: 3, o: 1, p: 3 failed).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.planned import mart, ok, wrong_of

ASK = {"status": "needs_clarification"}


COUNT = [["count", None]]

# (family, catalog, request, expected)
CASES: list[tuple[str, str, str, dict[str, Any]]] = [
    # 1: the table's own title words are no dimension
    ("1", "bank", "число просроченных платежей по кредитам помесячно по плановой дате",
     mart("lending.loan_payments", COUNT, [], mart__time_grain=["due_date", "month"], mart__where="is_late = true")),
    ("1", "bank", "сколько платежей по кредитам, по месяцам плановой даты",
     mart("lending.loan_payments", COUNT, [], mart__time_grain=["due_date", "month"])),
    ("1", "logistics", "сумма заправок по топливным картам по месяцам",
     mart("fleet.fuel_cards", [["sum", "amount"]], [], mart__time_grain=["refueled_at", "month"])),
    ("1", "univ", "сумма оплаты обучения по договорам по неделям",
     mart("finance.tuition_payments", [["sum", "amount"]], [], mart__time_grain=["paid_at", "week"])),
    ("1", "bank", "сумма операций по счетам и картам по дням времени операции",
     mart("core.transactions", [["sum", "amount"]], [], mart__time_grain=["created_at", "day"])),
    # 1, controls: a part of the title, or the title and then a grouping, still groups
    ("1", "bank", "сумма операций по счетам по дням времени операции",
     mart("core.transactions", [["sum", "amount"]], ["account_id"], mart__time_grain=["created_at", "day"])),
    ("1", "univ", "сумма оплаты обучения по номерам договоров по неделям",
     mart("finance.tuition_payments", [["sum", "amount"]], ["contract_no"], mart__time_grain=["paid_at", "week"])),
    # 2: a bracketed "(column value)" is a condition, never dropped
    ("2", "bank", "sum of transaction amounts (direction credit) per channel per week of created_at, only completed",
     mart("core.transactions", [["sum", "amount"]], ["channel"], mart__time_grain=["created_at", "week"],
          mart__where="direction = 'credit' AND status = 'completed'")),
    ("2", "bank", "сумма операций (channel atm) по MCC по дням времени операции, только completed",
     mart("core.transactions", [["sum", "amount"]], ["mcc"], mart__time_grain=["created_at", "day"],
          mart__where="channel = 'atm' AND status = 'completed'")),
    ("2", "bank", "Total transaction amount by MCC per day of created_at (direction debit), completed only",
     mart("core.transactions", [["sum", "amount"]], ["mcc"], mart__time_grain=["created_at", "day"],
          mart__where="direction = 'debit' AND status = 'completed'")),
    ("2", "utility", "count of outages (kind emergency) by district per month of started_at",
     mart("ops.outages", COUNT, ["district"], mart__time_grain=["started_at", "month"],
          mart__where="kind = 'emergency'")),
    ("2", "telecom", "сумма платежей (status success) по каналам понедельно",
     mart("billing.payments", [["sum", "amount"]], ["channel"], mart__time_grain=["paid_at", "week"],
          mart__where="status = 'success'")),
    ("2", "utility", "число обходов (seal_ok false) по контролёрам по неделям даты обхода",
     mart("ops.inspections", COUNT, ["inspector_id"], mart__time_grain=["visited_on", "week"],
          mart__where="seal_ok = false")),
    # 2, asked: a value the column does not list, or another word left beside the filter
    ("2", "bank", "сумма операций (channel card) по MCC по дням времени операции, только completed", ASK),
    ("2", "utility", "count of outages (kind emergency) by district per month of started_at, over 100 households only",
     mart("ops.outages", COUNT, ["district"], mart__time_grain=["started_at", "month"],
          mart__where="kind = 'emergency' AND households > 100")),
    # 3: the fact's own noun with two time readings picks no grain column
    ("3", "clinic", "сколько записей к врачу по статусам помесячно", ASK),
    ("3", "clinic", "записи на приём: количество по врачам понедельно", ASK),
    ("3", "clinic", "Кол-во записей пациентов по врачам, по дням", ASK),
    ("3", "clinic", "number of appointments by status per month", ASK),
    # 3, controls: a word choosing the column
    ("3", "clinic", "число записей на приём по каналам по неделям приёма",
     mart("appointments", COUNT, ["channel"], mart__time_grain=["scheduled_at", "week"])),
    ("3", "clinic", "число записей на приём по каналам по неделям создания",
     mart("appointments", COUNT, ["channel"], mart__time_grain=["created_at", "week"])),
    ("3", "univ", "сколько выдач книг по неделям",
     mart("library_loans", COUNT, [], mart__time_grain=["issued_at", "week"])),
    # 4: a column named with a grain word
    ("4", "telecom", "average monthly fee by the archived flag",
     mart("tariffs", [["avg", "monthly_fee"]], ["is_archived"])),
    ("4", "telecom", "max monthly fee of tariffs per archived flag",
     mart("tariffs", [["max", "monthly_fee"]], ["is_archived"])),
    ("4", "telecom", "total monthly fee of tariffs split by is_archived",
     mart("tariffs", [["sum", "monthly_fee"]], ["is_archived"])),
    ("4", "telecom", "monthly fee average per tariff code",
     mart("tariffs", [["avg", "monthly_fee"]], ["code"])),
    # 5: «успешный» is a listed 'success' status; with no such value it is asked, never dropped
    ("5", "telecom", "число успешных платежей по дням",
     mart("billing.payments", COUNT, [], mart__time_grain=["paid_at", "day"], mart__where="status = 'success'")),
    ("5", "telecom", "сумма успешных платежей абонентов по каналам понедельно",
     mart("billing.payments", [["sum", "amount"]], ["channel"], mart__time_grain=["paid_at", "week"],
          mart__where="status = 'success'")),
    ("5", "telecom", "Платежи абонентов: средняя сумма успешных по каналам помесячно",
     mart("billing.payments", [["avg", "amount"]], ["channel"], mart__time_grain=["paid_at", "month"],
          mart__where="status = 'success'")),
    ("5", "shop", "сумма успешных платежей по дням", ASK),
    ("5", "bank", "сумма успешных операций по дням времени операции", ASK),  # pending/completed/...: asked
    # 6: «просто» before the count word ends the dimension list (a filler, no dimension)
    ("6", "shop", "заказы по статусам помесячно, просто число",
     mart("orders", COUNT, ["status"], mart__time_grain=["created_at", "month"])),
    ("6", "clinic", "визиты по врачам понедельно — просто количество",
     mart("visits", COUNT, ["doctor_id"], mart__time_grain=["visit_date", "week"])),
    ("6", "utility", "заявки абонентов по темам, просто количество", mart("ops.service_requests", COUNT, ["topic"])),
    ("6", "hr", "проходы по дверям по дням, просто кол-во",
     mart("badge_events", COUNT, ["door"], mart__time_grain=["occurred_at", "day"])),
    # 8: «сколько было <event noun>»; a counted later event counts the rows it happened to
    ("8", "univ", "сколько было заселений в общежития по корпусам помесячно",
     mart("campus.dorm_residents", COUNT, ["building"], mart__time_grain=["checked_in_on", "month"])),
    ("8", "univ", "количество выселений по корпусам",
     mart("campus.dorm_residents", COUNT, ["building"], mart__where="checked_out_on IS NOT NULL")),
    ("8", "univ", "сколько было выселений из общаг по корпусам",
     mart("campus.dorm_residents", COUNT, ["building"], mart__where="checked_out_on IS NOT NULL")),
    ("8", "hr", "количество увольнений по отделам",
     mart("employees", COUNT, ["department_id"], mart__where="fired_at IS NOT NULL")),
    ("8", "hr", "сколько было увольнений по отделам помесячно",
     mart("employees", COUNT, ["department_id"], mart__time_grain=["fired_at", "month"])),
    ("8", "clinic", "сколько записей к врачу по каналам", mart("appointments", COUNT, ["channel"])),
    # 9: a number compared right after the table comment's head noun is its one money column
    ("9", "bank", "сколько операций свыше 20000 по каналам по дням времени операции",
     mart("core.transactions", COUNT, ["channel"], mart__time_grain=["created_at", "day"],
          mart__where="amount > 20000")),
    ("9", "bank", "Привет! Нужна витрина: число операций больше пятидесяти тысяч по MCC помесячно (created_at)",
     mart("core.transactions", COUNT, ["mcc"], mart__time_grain=["created_at", "month"],
          mart__where="amount > 50000")),
    ("9", "bank", "операции больше 10000 в клик ежедневно",
     ok(source__table="core.transactions", schedule="0 0 * * *", source__where="amount > 10000")),
    ("9", "bank", "кредиты больше миллиона в клик ежедневно", ASK),  # principal, no money-named column
    # o: "<listed value> ones only" says which rows, as "<value> only" did
    ("o", "univ", "number of enrollments per course, active ones only",
     mart("enrollments", COUNT, ["course_id"], mart__where="status = 'active'")),
    ("o", "utility", "outages by district per month of started_at, emergency ones only",
     mart("ops.outages", COUNT, ["district"], mart__time_grain=["started_at", "month"],
          mart__where="kind = 'emergency'")),
    ("o", "telecom", "payments to clickhouse daily, failed ones only",
     ok(source__table="billing.payments", schedule="0 0 * * *", source__where="status = 'failed'")),
    # p: a table reached along two join paths is asked even when one of them is a join longer than the
    # others may be (branches from transactions: account_id, or card_id -> cards), as its clients are
    ("p", "bank", "sum of transaction amount by branch name per day of created_at", ASK),
    ("p", "bank", "число операций по кодам отделений помесячно (created_at)", ASK),
    ("p", "bank", "сумма операций по названиям отделений по дням времени операции", ASK),
    ("p", "bank", "сумма операций по сегментам клиентов помесячно (created_at)", ASK),
    # 7: a column of the table the words name, which the fact (or another joined table) also has
    ("7", "bank", "number of clients by branch city", mart("clients", COUNT, ["city"], mart__joins=["branches"])),
    ("7", "bank", "число клиентов по городам отделений", mart("clients", COUNT, ["city"], mart__joins=["branches"])),
    ("7", "bank", "сумма кредитов по городам отделений",
     mart("lending.loans", [["sum", "principal"]], ["city"], mart__joins=["clients", "branches"])),
    ("7", "bank", "sum of loan principal by branch city",
     mart("lending.loans", [["sum", "principal"]], ["city"], mart__joins=["clients", "branches"])),
    ("7", "bank", "total balance of accounts per client city",
     mart("core.accounts", [["sum", "balance"]], ["city"], mart__joins=["clients"])),
    # 7: a distinct count of people by a dimension of another table: the one table pointing at both
    ("7", "shop", "число уникальных покупателей по категориям товаров",
     mart("sales", [["count_distinct", "customer_id"]], ["category"], mart__joins=["products"])),
    ("7", "shop", "unique buyers by product category",
     mart("sales", [["count_distinct", "customer_id"]], ["category"], mart__joins=["products"])),
    ("7", "shop", "кол-во уникальных клиентов в разрезе категорий товаров",
     mart("sales", [["count_distinct", "customer_id"]], ["category"], mart__joins=["products"])),
    ("7", "shop", "count of distinct customers for each product category",
     mart("sales", [["count_distinct", "customer_id"]], ["category"], mart__joins=["products"])),
    ("7", "logistics", "distinct couriers per vehicle model", ASK),  # couriers by their vehicle, or routes'?
    # p, controls: one path
    ("p", "bank", "сумма кредитов по названиям отделений",
     mart("lending.loans", [["sum", "principal"]], ["name"], mart__joins=["clients", "branches"])),
    ("p", "bank", "sum of account balances by branch name",
     mart("core.accounts", [["sum", "balance"]], ["name"], mart__joins=["clients", "branches"])),
]  # fmt: skip


@pytest.mark.parametrize(
    ("family", "catalog", "text", "expected"),
    [pytest.param(*case, id=f"{case[0]}-{i}") for i, case in enumerate(CASES)],
)
def test_the_family_is_read(family: str, catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []
