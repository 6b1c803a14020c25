"""Marts round 92: a listed value before the rows' noun, a time grain said «в разрезе», a measure named by
the words of its column's comment.

Families (mart requests planned wrong, or asked where a plan was expected):
1. A value the table's comment lists after a colon ('Начисления на счёт гостя (фолио): проживание, минибар,
   …') said before the rows' noun ("minibar charges") is a filter (charge_type = 'minibar'), as a value in
   brackets is; only the comment's naming phrase before the colon names the table.
2. «в разрезе расчётных месяцев»: an adjective agreeing with a time unit in the genitive names the grain's
   column ('Расчётный месяц'), the unit is the grain — as «по расчётным месяцам» reads; not a dimension
   «расчётных месяцев» (a time unit after a noun, «в разрезе зон суток», still qualifies the noun).
3. «Страховые суммы по каналам»: an adjective agreeing with the measure word, the two spelling a numeric
   column's whole comment ('Страховая сумма'), name that column (no question between sum_insured and
   premium); «списаний», «зачислений» of a money movement are its listed direction (debit, credit).

Requests of my own over several catalogs, RU and EN; and requests that must still ask (an adjective no column
says, «календарных месяцев», «рабочих недель»; a bare «суммы» between two money columns).

First pass (at ba20b13, before the rules): 9 of 18 failed.
"""

from __future__ import annotations

import pytest

from tests.planned import mart, ok_spec, plan_in, wrong_of


@pytest.mark.parametrize(
    ("catalog", "text", "expected"),
    [
        # 2. «в разрезе <adjective> месяцев»
        (
            "utility",
            "Сумма начислений по статусам в разрезе расчётных месяцев",
            mart("billing.charges", [["sum", "amount"]], ["status"], mart__time_grain=["period", "month"]),
        ),
        (
            "utility",
            "Объём потребления по тарифам в разрезе расчётных месяцев",
            mart(
                "billing.charges",
                [["sum", "consumption"]],
                ["tariff_id"],
                mart__time_grain=["period", "month"],
            ),
        ),
        (
            "utility",
            "Средняя сумма начислений по районам в разрезе расчётных месяцев",
            mart(
                "billing.charges",
                [["avg", "amount"]],
                ["district"],
                mart__time_grain=["period", "month"],
                mart__joins=["subscribers"],
            ),
        ),
        (
            "utility",
            "Сумма начислений по статусам в разрезе зон суток",
            mart("billing.charges", [["sum", "amount"]], ["status", "zone"], mart__joins=["tariffs"]),
        ),
        # 3. an adjective and the measure word spell a column's comment
        (
            "insurance",
            "Страховые суммы по каналам продаж",
            mart("underwriting.policies", [["sum", "sum_insured"]], ["channel"]),
        ),
        (
            "insurance",
            "Страховые суммы по продуктам",
            mart("underwriting.policies", [["sum", "sum_insured"]], ["product"]),
        ),
        (
            "insurance",
            "Страховые премии по каналам продаж",
            mart("underwriting.policies", [["sum", "premium"]], ["channel"]),
        ),
        (
            "insurance",
            "Заявленные суммы убытков по статусам",
            mart("settlement.claims", [["sum", "claimed_amount"]], ["status"]),
        ),
        # 3. the listed direction said by its Russian noun ('Направление (debit, credit)')
        (
            "bank",
            "Сумма списаний по каналам помесячно",
            mart(
                "core.transactions",
                [["sum", "amount"]],
                ["channel"],
                mart__time_grain=["created_at", "month"],
                mart__where="direction = 'debit'",
            ),
        ),
        (
            "bank",
            "Число зачислений по каналам",
            mart("core.transactions", [["count", None]], ["channel"], mart__where="direction = 'credit'"),
        ),
    ],
)
def test_planned(catalog: str, text: str, expected: dict) -> None:
    assert wrong_of(catalog, text, expected) == []


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (
            "minibar charges per day, excluding refunded ones",
            "charge_type = 'minibar' AND is_refunded = false",
        ),
        ("minibar charges per week", "charge_type = 'minibar'"),
        ("total of minibar charges per month", "charge_type = 'minibar'"),
        ("spa charges per week, excluding refunded ones", "charge_type = 'spa' AND is_refunded = false"),
        ("folio charges by week", None),  # «фолио», the bracket of the naming phrase: the table, no filter
    ],
)
def test_listed_value_before_the_rows_noun(text: str, where: str | None) -> None:
    spec = ok_spec("hotel", text)
    assert spec.source.table == "finance.folio_charges"
    assert spec.source.mart is not None
    assert spec.source.mart.where == where


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("shop", "Сумма заказов по статусам в разрезе календарных месяцев"),  # no column is 'Календарный'
        ("shop", "Сумма заказов в разрезе рабочих недель"),
        ("insurance", "Суммы по каналам продаж"),  # sum_insured or premium
    ],
)
def test_still_asks(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"
