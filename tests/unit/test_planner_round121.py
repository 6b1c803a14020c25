"""Round 121: value words that name a listed value (or a year) are read, or asked, never dropped nor guessed
(issue 15).

A currency said in words ("in euros", "in yuan", "pounds", «рублёвые», «долларовые») is the code a currency
column of the table lists (RUB, USD, EUR, CNY, GBP); where the column lists no such code the words are asked,
never dropped. An audience («для детей», «детские», «для пенсионеров», «для подростков») is the value an
audience column lists (kids, seniors, teens); a fuel said by its noun («бензином») is the fuel kind even when
the connection's description says "fuel logs" (the word was taken for the connection's and every refuelling
loaded); a sold-out session («распроданные сеансы»), sick days («больничные», "sick days") and car loans
(«автокредиты»: a compound of «кредиты», the table's noun) are the listed values sold_out, sick and auto;
"round-the-clock", "24-hour" are the flag whose comment says «круглосуточно»; "except mortgages" is the rows
of a listed value's plural (it left the product column out of the load). A bare year beside the rows' noun in
English ("orders of 2024", "2023 orders") is asked, as «заказы 2024 года» already is (README: a year with no
word naming a year column is asked); a second excluded word no value answers ("except drafts and blue ones")
is asked, as the Russian side does, and so is a word after "except" that nothing reads ("except absences").

Requests of my own over several catalogs, RU and EN.
First pass (at 68e1ad3, before the rules): 31 of 39 failed (every request that must ask or be read but
"visits from 2025", which already asked; the seven readings that must stay passed).
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

ASK = "needs_clarification"

READ = [
    ("bank", "Accounts in euros to ClickHouse every day at 5", "core.accounts", "currency = 'EUR'"),
    ("bank", "Load accounts held in yuan daily", "core.accounts", "currency = 'CNY'"),
    ("realty", "Listings in dollars to the warehouse daily", "sales.listings", "currency = 'USD'"),
    ("hr", "Payslips in pounds daily at 7", "payroll.payslips", "currency = 'GBP'"),
    ("agro", "Contracts in yuan daily", "sales.contracts", "currency = 'CNY'"),
    ("bank", "Рублёвые счета в хранилище ежедневно", "core.accounts", "currency = 'RUB'"),
    ("bank", "Долларовые счета в клик каждый день в 4", "core.accounts", "currency = 'USD'"),
    ("library", "Мероприятия для детей в клик ежедневно", "circ.events", "audience = 'kids'"),
    ("library", "Мероприятия для пенсионеров ежедневно в 8", "circ.events", "audience = 'seniors'"),
    ("library", "Детские мероприятия в клик ежедневно", "circ.events", "audience = 'kids'"),
    ("library", "Мероприятия для подростков в хранилище каждый час", "circ.events", "audience = 'teens'"),
    ("agro", "Заправки бензином ежедневно", "ops.fuel_logs", "fuel_kind = 'petrol'"),
    (
        "agro",
        "Заправки бензином и дизелем в клик ежедневно",
        "ops.fuel_logs",
        "fuel_kind IN ('petrol', 'diesel')",
    ),
    ("cinema", "Только распроданные сеансы в хранилище каждый час", "ops.screenings", "status = 'sold_out'"),
    ("agro", "Смены кроме больничных в клик ежедневно", "ops.shifts", "status <> 'sick'"),
    ("agro", "Shifts except sick days to ClickHouse daily", "ops.shifts", "status <> 'sick'"),
    ("bank", "Автокредиты в клик ежедневно в 6", "lending.loans", "product = 'auto'"),
    ("bank", "Loans except mortgages to ClickHouse daily", "lending.loans", "product <> 'mortgage'"),
    ("pharmacy", "24-hour pharmacies to the warehouse daily", "pharmacies", "is_round_the_clock = true"),
    ("autoservice", "Round-the-clock stations to ClickHouse daily", "stations", "is_round_the_clock = true"),
    ("pharmacy", "Load round-the-clock pharmacies every hour", "pharmacies", "is_round_the_clock = true"),
]


@pytest.mark.parametrize(("catalog", "text", "table", "where"), READ)
def test_value_word_is_the_listed_value(catalog: str, text: str, table: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.table.endswith(table)
    assert spec.source.where == where


ASKED = [
    ("shop", "orders of 2024 daily", "2024"),
    ("shop", "Load 2023 orders daily", "2023"),
    ("clinic", "visits from 2025 to ClickHouse daily", "2025"),
    ("agro", "Contracts except drafts and blue ones daily", "blue"),
    ("bank", "Loans except mortgages and green ones daily", "green"),
    ("bank", "Deposits in euros daily", "euros"),
    ("evcharge", "Tariffs in dollars to ClickHouse daily", "dollars"),
    ("bank", "Accounts in pounds daily", "pounds"),
    ("agro", "Shifts except absences daily", "absences"),
    ("cinema", "Screenings except premieres to ClickHouse daily", "premieres"),
    ("library", "Events except lectures daily", "lectures"),
]


@pytest.mark.parametrize(("catalog", "text", "quoted"), ASKED)
def test_value_word_nothing_answers_is_asked(catalog: str, text: str, quoted: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == ASK, outcome.spec and outcome.spec.source.where
    assert any(quoted in q for q in outcome.questions), outcome.questions


STILL = [
    ("bank", "Счета в долларах в клик ежедневно", "core.accounts", "currency = 'USD'"),
    ("bank", "Accounts in USD daily", "core.accounts", "currency = 'USD'"),
    ("agro", "Заправки дизелем ежедневно", "ops.fuel_logs", "fuel_kind = 'diesel'"),
    ("agro", "Contracts except drafts and terminated ones daily", "sales.contracts",
     "status NOT IN ('draft', 'terminated')"),
    ("agro", "Plantings of the 2025 season daily", "plantings", "season_year = 2025"),
    ("library", "Events for seniors daily", "circ.events", "audience = 'seniors'"),
    ("pharmacy", "Круглосуточные аптеки ежедневно", "pharmacies", "is_round_the_clock = true"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "table", "where"), STILL)
def test_readings_that_stay(catalog: str, text: str, table: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.table.endswith(table)
    assert spec.source.where == where
