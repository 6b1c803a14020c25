"""Mart requests of probe marts39 (issue #16): an honest generalisation probe of the mart families fixed in
rounds marts30-36, written from their module docstrings and eval/README.md's marts30-36 prose only (no test
case and no rule code read first), in new words, tables and catalogs (hotel and carshare above all), RU
inflections and EN variants; scored as the eval scores them (tests/planned.py).

Each case: (family, lang, catalog, request, expected). Family = round.family of the docstring it probes
(30.1 ... 36.3; 31.x are the round-31 probe families). ASK = a question a careful engineer would ask.

First pass at e403060 (planner = main 6397c56, run once, 133 requests, 74 RU / 59 EN, 27 expecting a
question): RU 60/74, EN 35/59, 5 confident wrong ("average number of fines per customer" and "average trip
distance per customer" planned per customer_id instead of asked as ratios; «Средняя оценка по отзывам по
месяцам публикации» grouped by reviews.comment; «Число машин по пробегу» and "calls by duration" grouped by
mileage_km / duration_sec instead of asking for buckets). The 33 misses were questions (NOT_YET below).
(The first commit's message says 125 requests; it is 133.)

One expectation of mine was wrong by eval/README.md and is corrected after the first pass (it counted as a miss
there): «Сумма штрафов по городам клиентов» reaches customers along two paths (fines.customer_id, or
fines.trip_id -> trips.customer_id), and two join paths are the README's bad input, asked, not a join.
After the rules of this round (same 133, the corrected expectation included): RU 65/74, EN 44/59, 1 confident
wrong, disputed ("average trip distance per customer": marts26's rule groups an English "average X per
<entity>" by the entity, "average visit duration per doctor"; the README's marts26 line calls it a ratio). Fixed
in general form: a measured quantity (a unit in the column's name or after its comment's comma: distance_km
'Пробег, км', duration_sec, weight_kg) as a dimension is asked for ranges, as a day count is (new message
planner.mart.quantity_dim); "average number/count of X per Y" is a ratio, asked; «по <the fact's row noun>»
whose text column's comment names that noun as owner (reviews.comment 'Текст отзыва') is the source; bare
English "<qualifier(s)> <plural> by <group>" ("service jobs by type", "business-class cars by city") counts
the rows, as "tickets by priority" did ("new" of the loads' new rows excluded); "did we <verb> each <unit>" and
"we <verb> each <unit>", «мы выдавали каждый месяц» read the subject and do-support; «оспоренные»,
«завершённые» as listed values (disputed, finished); "sum insured" (the measure word and a participle) is
sum_insured. The 23 left are questions (NOT_YET). Tried and withdrawn: counting «Штрафы по видам» (mt-ru-47
expects a sum for «начисления … по видам»), reading "claimed amount" as claimed_amount (round31's "average
claimed amount per policy holder" became planned per holder_id). AFTER_RULES were written with the rules.
Questionable, kept as written: «Обращения в поддержку по неделям» (created_at vs closed_at; the planner asked,
which a careful engineer may also do: the README's "grain beside created_at" convention did not settle it;
marts66's "the time every row has" does: created_at, planned since).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.planned import mart, plan_in, wrong_of

ASK: dict[str, Any] = {"status": "needs_clarification"}

# (family, lang, catalog, request, expected)
CASES: list[tuple[str, str, str, str, dict[str, Any]]] = [
    # 30.1 a state word + the fact's noun under sum/avg/max: asked when a status value and a day count both
    # fit; a count, or a measure naming its column, keeps the state as status = 'overdue'
    ("30.1", "ru", "bank", "Максимум по просроченным кредитам в разрезе продуктов", ASK),
    ("30.1", "en", "bank", "average of overdue loans by product", ASK),
    (
        "30.1",
        "ru",
        "bank",
        "Количество просроченных кредитов по месяцам выдачи",
        mart(
            "lending.loans",
            [["count", None]],
            [],
            mart__where="status = 'overdue'",
            mart__time_grain=["issued_on", "month"],
        ),
    ),
    (
        "30.1",
        "ru",
        "bank",
        "Средняя процентная ставка просроченных кредитов в разрезе продуктов",
        mart("lending.loans", [["avg", "interest_rate"]], ["product"], mart__where="status = 'overdue'"),
    ),
    (
        "30.1",
        "en",
        "utility",
        "total of overdue charges by district",
        mart(
            "billing.charges",
            [["sum", "amount"]],
            ["district"],
            mart__where="status = 'overdue'",
            mart__joins=["subscribers"],
        ),
    ),
    (
        "30.1",
        "ru",
        "insurance",
        "Сумма просроченных взносов по способам оплаты",
        mart(
            "billing.premium_payments",
            [["sum", "amount"]],
            ["payment_method"],
            mart__where="is_overdue = true",
        ),
    ),
    # 30.2 an average/sum of the fact's own noun over two money columns no word chooses between: asked
    ("30.2", "en", "hotel", "average reservation by channel", ASK),
    ("30.2", "ru", "insurance", "Средний убыток по типам событий", ASK),
    ("30.2", "ru", "bank", "Итого платежей по кредитам помесячно", ASK),
    # 30.3 a word heading one column's comment names it
    (
        "30.3",
        "ru",
        "bank",
        "Минимальный срок кредитования по продуктам",
        mart("lending.loans", [["min", "term_months"]], ["product"]),
    ),
    (
        "30.3",
        "en",
        "bank",
        "average loan term by product",
        mart("lending.loans", [["avg", "term_months"]], ["product"]),
    ),
    (
        "30.3",
        "ru",
        "carshare",
        "Средний пробег поездок по тарифам",
        mart("rental.trips", [["avg", "distance_km"]], ["tariff"]),
    ),
    (
        "30.3",
        "ru",
        "carshare",
        "Средняя доплата по типам зон",
        mart("zones", [["avg", "surcharge"]], ["zone_type"]),
    ),
    # 30.4 a grain beside created_at is on the date of the event the table's comment names
    (
        "30.4",
        "ru",
        "hotel",
        "Оплаты гостей по месяцам, сумма",
        mart("finance.payments", [["sum", "amount"]], [], mart__time_grain=["paid_at", "month"]),
    ),
    (
        "30.4",
        "ru",
        "utility",
        "Количество проверок счётчиков по неделям",
        mart("ops.inspections", [["count", None]], [], mart__time_grain=["visited_on", "week"]),
    ),
    (
        "30.4",
        "en",
        "univ",
        "count of grades by month",
        mart("grades", [["count", None]], [], mart__time_grain=["exam_date", "month"]),
    ),
    (
        "30.4",
        "ru",
        "hotel",
        "Сколько гостей зарегистрировалось по месяцам",
        mart("guests", [["count", None]], [], mart__time_grain=["created_at", "month"]),
    ),
    (
        "30.4",
        "ru",
        "telecom",
        "Обращения в поддержку по неделям",
        mart("support_tickets", [["count", None]], [], mart__time_grain=["created_at", "week"]),
    ),
    # 30.5 a dimension word a column's comment is names that column
    (
        "30.5",
        "ru",
        "hotel",
        "Количество отзывов по оценкам",
        mart("booking.reviews", [["count", None]], ["rating"]),
    ),
    (
        "30.5",
        "ru",
        "hotel",
        "Сумма начислений по видам начисления",
        mart("finance.folio_charges", [["sum", "amount"]], ["charge_type"]),
    ),
    (
        "30.5",
        "ru",
        "hotel",
        "Средний базовый тариф по категориям номеров",
        mart("booking.rooms", [["avg", "base_rate"]], ["room_type"]),
    ),
    (
        "30.5",
        "ru",
        "insurance",
        "Количество полисов по видам страхования",
        mart("underwriting.policies", [["count", None]], ["product"]),
    ),
    (
        "30.5",
        "en",
        "carshare",
        "number of fines by fine type",
        mart("rental.fines", [["count", None]], ["fine_type"]),
    ),
    # 30.6 controls: a money word with no money column, an average per entity
    ("30.6", "ru", "telecom", "Выручка по сотам за каждый день", ASK),
    ("30.6", "en", "univ", "revenue by access point", ASK),
    ("30.6", "ru", "carshare", "Среднее количество поездок на клиента по месяцам", ASK),
    ("30.6", "en", "carshare", "average number of fines per customer", ASK),
    # 30.7 «по <adjective of the fact's comment> <fact noun>» titles the mart
    (
        "30.7",
        "ru",
        "bank",
        "Отчёт по банковским картам: количество по платёжным системам",
        mart("core.cards", [["count", None]], ["payment_system"]),
    ),
    (
        "30.7",
        "ru",
        "insurance",
        "Сводка по страховым полисам: средняя страховая сумма по каналам продаж",
        mart("underwriting.policies", [["avg", "sum_insured"]], ["channel"]),
    ),
    (
        "30.7",
        "ru",
        "insurance",
        "Отчёт по страховым случаям: сумма к выплате по типам событий",
        mart("settlement.claims", [["sum", "approved_amount"]], ["claim_type"]),
    ),
    (
        "30.7",
        "ru",
        "bank",
        "Сводка по банковским счетам: суммарный остаток по валютам",
        mart("core.accounts", [["sum", "balance"]], ["currency"]),
    ),
    # 30.8 one-letter typos of measure words
    (
        "30.8",
        "ru",
        "carshare",
        "колличество поездок по тарифам",
        mart("rental.trips", [["count", None]], ["tariff"]),
    ),
    (
        "30.8",
        "ru",
        "carshare",
        "сумарная стоимость работ по механикам",
        mart("fleet.service_jobs", [["sum", "cost"]], ["mechanic_name"]),
    ),
    (
        "30.8",
        "ru",
        "telecom",
        "среднея длительность звонков по направлениям",
        mart("network.calls", [["avg", "duration_sec"]], ["direction"]),
    ),
    (
        "30.8",
        "ru",
        "hotel",
        "количесво отзывов по оценкам",
        mart("booking.reviews", [["count", None]], ["rating"]),
    ),
    # 30.9 a table noun hyphenated with a flag's role noun
    (
        "30.9",
        "ru",
        "bank",
        "Количество клиентов-резидентов по городам",
        mart("clients", [["count", None]], ["city"], mart__where="is_resident = true"),
    ),
    (
        "30.9",
        "ru",
        "utility",
        "Сколько абонентов-льготников в каждом районе",
        mart("subscribers", [["count", None]], ["district"], mart__where="is_privileged = true"),
    ),
    ("30.9", "ru", "utility", "Средний долг абонентов-льготников по районам", ASK),
    # 30.10 "how many X did we <verb> each <period>": the verb's date is the grain, no schedule
    (
        "30.10",
        "en",
        "carshare",
        "how many cars did we add to the fleet each month",
        mart("fleet.cars", [["count", None]], [], mart__time_grain=["added_on", "month"]),
    ),
    (
        "30.10",
        "en",
        "univ",
        "how many students did we enroll each month",
        mart("students", [["count", None]], [], mart__time_grain=["enrolled_on", "month"]),
    ),
    (
        "30.10",
        "en",
        "bank",
        "how many loans did we issue each week",
        mart("lending.loans", [["count", None]], [], mart__time_grain=["issued_on", "week"]),
    ),
    (
        "30.10",
        "en",
        "insurance",
        "how many policies did we sign each month",
        mart("underwriting.policies", [["count", None]], [], mart__time_grain=["signed_at", "month"]),
    ),
    (
        "30.10",
        "ru",
        "bank",
        "сколько кредитов мы выдавали каждый месяц",
        mart("lending.loans", [["count", None]], [], mart__time_grain=["issued_on", "month"]),
    ),
    # 30.11 a participle after the measured column dates the grain
    (
        "30.11",
        "en",
        "hotel",
        "total amount charged per week",
        mart("finance.folio_charges", [["sum", "amount"]], [], mart__time_grain=["charged_at", "week"]),
    ),
    (
        "30.11",
        "en",
        "carshare",
        "total amount of fines issued per month",
        mart("rental.fines", [["sum", "amount"]], [], mart__time_grain=["issued_at", "month"]),
    ),
    (
        "30.11",
        "en",
        "insurance",
        "total claimed amount reported per month",
        mart("settlement.claims", [["sum", "claimed_amount"]], [], mart__time_grain=["reported_at", "month"]),
    ),
    (
        "30.11",
        "en",
        "carshare",
        "total cost of service jobs opened per week",
        mart("fleet.service_jobs", [["sum", "cost"]], [], mart__time_grain=["opened_at", "week"]),
    ),
    # 31.x the round-31 probe families (unit, money, per, distinct, state, excl, join, grain, daily, bare)
    (
        "31.unit",
        "ru",
        "carshare",
        "Сколько километров проехали по тарифам",
        mart("rental.trips", [["sum", "distance_km"]], ["tariff"]),
    ),
    (
        "31.unit",
        "en",
        "carshare",
        "total minutes driven by tariff",
        mart("rental.trips", [["sum", "duration_min"]], ["tariff"]),
    ),
    (
        "31.money",
        "ru",
        "carshare",
        "Выручка по тарифам",
        mart("rental.trips", [["sum", "total_cost"]], ["tariff"]),
    ),
    ("31.per", "en", "carshare", "average trip distance per customer", ASK),
    (
        "31.per",
        "en",
        "carshare",
        "average distance per trip by tariff",
        mart("rental.trips", [["avg", "distance_km"]], ["tariff"]),
    ),
    (
        "31.distinct",
        "ru",
        "carshare",
        "Сколько разных машин брали в аренду по месяцам начала аренды",
        mart("rental.trips", [["count_distinct", "car_id"]], [], mart__time_grain=["started_at", "month"]),
    ),
    (
        "31.distinct",
        "en",
        "hotel",
        "unique guests per month of check-in",
        mart(
            "booking.reservations",
            [["count_distinct", "guest_id"]],
            [],
            mart__time_grain=["check_in", "month"],
        ),
    ),
    (
        "31.state",
        "ru",
        "carshare",
        "оплаченные штрафы по видам, сумма",
        mart("rental.fines", [["sum", "amount"]], ["fine_type"], mart__where="status = 'paid'"),
    ),
    (
        "31.state",
        "en",
        "hotel",
        "successful payments by method",
        mart("finance.payments", [["count", None]], ["method"], mart__where="status = 'succeeded'"),
    ),
    (
        "31.state",
        "ru",
        "hotel",
        "Отменённые брони по каналам",
        mart("booking.reservations", [["count", None]], ["channel"], mart__where="status = 'cancelled'"),
    ),
    (
        "31.excl",
        "ru",
        "carshare",
        "Сумма поездок без отменённых по тарифам",
        mart("rental.trips", [["sum", "total_cost"]], ["tariff"], mart__where="status != 'cancelled'"),
    ),
    (
        "31.excl",
        "en",
        "carshare",
        "fines by type excluding cancelled ones",
        mart("rental.fines", [["count", None]], ["fine_type"], mart__where="status != 'cancelled'"),
    ),
    (
        "31.join",
        "ru",
        "carshare",
        "Выручка поездок по классам машин",
        mart("rental.trips", [["sum", "total_cost"]], ["car_class"], mart__joins=["fleet.cars"]),
    ),
    (
        "31.join",
        "en",
        "hotel",
        "number of reservations by hotel city",
        mart("booking.reservations", [["count", None]], ["city"], mart__joins=["booking.rooms", "hotels"]),
    ),
    ("31.join", "ru", "carshare", "Сумма штрафов по городам клиентов", ASK),  # two join paths (see docstring)
    (
        "31.grain",
        "ru",
        "carshare",
        "Сумма штрафов по месяцам оплаты",
        mart("rental.fines", [["sum", "amount"]], [], mart__time_grain=["paid_at", "month"]),
    ),
    (  # asked before marts66: issued_at is the one NOT NULL time beside a nullable paid_at
        "31.grain",
        "ru",
        "carshare",
        "Сумма штрафов по месяцам",
        mart("rental.fines", [["sum", "amount"]], [], mart__time_grain=["issued_at", "month"]),
    ),
    (
        "31.daily",
        "ru",
        "hotel",
        "Ежедневная сумма начислений на счёт гостя, обновлять каждый день в 7 утра",
        mart(
            "finance.folio_charges",
            [["sum", "amount"]],
            [],
            mart__time_grain=["charged_at", "day"],
            schedule="0 7 * * *",
        ),
    ),
    ("31.bare", "ru", "carshare", "Штрафы по видам", mart("rental.fines", [["count", None]], ["fine_type"])),
    (
        "31.bare",
        "en",
        "carshare",
        "service jobs by type",
        mart("fleet.service_jobs", [["count", None]], ["job_type"]),
    ),
    # 32.1 a grain «по неделям <X>» whose genitive X is a text column: asked
    ("32.1", "ru", "carshare", "Количество поездок по неделям тарифа", ASK),
    ("32.1", "ru", "hotel", "Сумма оплат по месяцам способа оплаты", ASK),
    ("32.1", "en", "carshare", "number of fines by week of fine type", ASK),
    # 32.2 «сумма» of a fact with two money columns whose comments both say «сумма»: asked
    ("32.2", "ru", "insurance", "Средняя сумма по убыткам по типам событий", ASK),
    ("32.2", "ru", "insurance", "Сумма страховых случаев по месяцам заявления", ASK),
    # 32.3 «сколько всего по <dim>» with no counted noun: asked; "how many <rows> in total" is one count
    ("32.3", "ru", "carshare", "сколько всего по маркам?", ASK),
    ("32.3", "en", "hotel", "how many in total per channel?", ASK),
    ("32.3", "en", "carshare", "how many fines in total", mart("rental.fines", [["count", None]], [])),
    # 32.4 a state adjective before the counted noun is a filter
    (
        "32.4",
        "en",
        "carshare",
        "failed payments per method",
        mart("rental.payments", [["count", None]], ["method"], mart__where="status = 'failed'"),
    ),
    (
        "32.4",
        "ru",
        "carshare",
        "Число оспоренных штрафов по видам",
        mart("rental.fines", [["count", None]], ["fine_type"], mart__where="status = 'disputed'"),
    ),
    (
        "32.4",
        "en",
        "carshare",
        "blocked customers by city",
        mart("customers", [["count", None]], ["city"], mart__where="status = 'blocked'"),
    ),
    (
        "32.4",
        "ru",
        "bank",
        "Сколько заблокированных карт по платёжным системам",
        mart("core.cards", [["count", None]], ["payment_system"], mart__where="status = 'blocked'"),
    ),
    # 32.5 bracketed examples of a dimension are no filter
    (
        "32.5",
        "ru",
        "hotel",
        "Сумма начислений по видам (минибар, ресторан и т.п.)",
        mart("finance.folio_charges", [["sum", "amount"]], ["charge_type"]),
    ),
    (
        "32.5",
        "en",
        "carshare",
        "fines by type (speeding, parking, etc.)",
        mart("rental.fines", [["count", None]], ["fine_type"]),
    ),
    (
        "32.5",
        "ru",
        "carshare",
        "Поездки по тарифам (поминутный, почасовой...)",
        mart("rental.trips", [["count", None]], ["tariff"]),
    ),
    # 32.6 "..., I mean <phrase>" replaces the phrase it corrects
    (
        "32.6",
        "en",
        "carshare",
        "number of trips by tariff, I mean by status",
        mart("rental.trips", [["count", None]], ["status"]),
    ),
    (
        "32.6",
        "en",
        "carshare",
        "total fines by status, I mean by type",
        mart("rental.fines", [["sum", "amount"]], ["fine_type"]),
    ),
    # 32.7 "<value>-<column noun>" before the fact's noun is the column's value ("type" means kind: marts106)
    (
        "32.7",
        "en",
        "carshare",
        "business-class cars by city",
        mart("fleet.cars", [["count", None]], ["city"], mart__where="car_class = 'business'"),
    ),
    (
        "32.7",
        "en",
        "hotel",
        "gold-level guests by country",
        mart("guests", [["count", None]], ["country"], mart__where="loyalty_level = 'gold'"),
    ),
    (
        "32.7",
        "en",
        "utility",
        "emergency-type outages by district",
        mart("ops.outages", [["count", None]], ["district"], mart__where="kind = 'emergency'"),
    ),
    # 32.8 two English words that, joined, are a column's name
    (
        "32.8",
        "en",
        "hotel",
        "average base rate by room type",
        mart("booking.rooms", [["avg", "base_rate"]], ["room_type"]),
    ),
    (
        "32.8",
        "en",
        "insurance",
        "total market value by make",
        mart("underwriting.insured_vehicles", [["sum", "market_value"]], ["make"]),
    ),
    (
        "32.8",
        "en",
        "insurance",
        "total sum insured by channel",
        mart("underwriting.policies", [["sum", "sum_insured"]], ["channel"]),
    ),
    # 32.9 a bracket after a «по» dimension that follows the grain is the dimension's column
    (
        "32.9",
        "ru",
        "telecom",
        "Длительность звонков по часам по сотам (cell_id)",
        mart(
            "network.calls", [["sum", "duration_sec"]], ["cell_id"], mart__time_grain=["started_at", "hour"]
        ),
    ),
    (
        "32.9",
        "ru",
        "hotel",
        "Сумма начислений по дням по бронированиям (reservation_id)",
        mart(
            "finance.folio_charges",
            [["sum", "amount"]],
            ["reservation_id"],
            mart__time_grain=["charged_at", "day"],
        ),
    ),
    # 33.1 «<measure> по <fact noun> по <dim>»: the fact's noun names the source
    (
        "33.1",
        "ru",
        "carshare",
        "Средняя стоимость по поездкам по тарифам",
        mart("rental.trips", [["avg", "total_cost"]], ["tariff"]),
    ),
    (
        "33.1",
        "ru",
        "carshare",
        "Сумма по штрафам по видам",
        mart("rental.fines", [["sum", "amount"]], ["fine_type"]),
    ),
    (
        "33.1",
        "ru",
        "hotel",
        "Количество по бронированиям по каналам",
        mart("booking.reservations", [["count", None]], ["channel"]),
    ),
    (
        "33.1",
        "ru",
        "hotel",
        "Средняя оценка по отзывам по месяцам публикации",
        mart("booking.reviews", [["avg", "rating"]], [], mart__time_grain=["published_at", "month"]),
    ),
    # 33.2 a dimension naming a whole-number column counting units: asked
    ("33.2", "ru", "carshare", "Число машин по пробегу", ASK),
    ("33.2", "en", "telecom", "calls by duration", ASK),
    # 33.3 "<state> ones only"
    (
        "33.3",
        "en",
        "carshare",
        "average trip cost, finished ones only",
        mart("rental.trips", [["avg", "total_cost"]], [], mart__where="status = 'finished'"),
    ),
    (
        "33.3",
        "en",
        "carshare",
        "sum of fines by type, paid ones only",
        mart("rental.fines", [["sum", "amount"]], ["fine_type"], mart__where="status = 'paid'"),
    ),
    # 34.1 the event verb of the grain's own date is no state; a terminal state stays
    (
        "34.1",
        "ru",
        "carshare",
        "Сколько штрафов выставлено по дням",
        mart("rental.fines", [["count", None]], [], mart__time_grain=["issued_at", "day"]),
    ),
    (
        "34.1",
        "ru",
        "carshare",
        "Сколько заявок на обслуживание открыто по неделям",
        mart("fleet.service_jobs", [["count", None]], [], mart__time_grain=["opened_at", "week"]),
    ),
    (
        "34.1",
        "en",
        "bank",
        "how many cards were issued per month",
        mart("core.cards", [["count", None]], [], mart__time_grain=["issued_at", "month"]),
    ),
    (
        "34.1",
        "ru",
        "carshare",
        "Сколько штрафов оплачено по дням оплаты",
        mart(
            "rental.fines",
            [["count", None]],
            [],
            mart__where="status = 'paid'",
            mart__time_grain=["paid_at", "day"],
        ),
    ),
    # 34.2 "<X> by <Y>, monthly by <date column>"
    (
        "34.2",
        "en",
        "carshare",
        "fines by type, monthly by issued_at",
        mart("rental.fines", [["count", None]], ["fine_type"], mart__time_grain=["issued_at", "month"]),
    ),
    (
        "34.2",
        "en",
        "hotel",
        "payments by method, weekly by paid_at",
        mart("finance.payments", [["count", None]], ["method"], mart__time_grain=["paid_at", "week"]),
    ),
    (
        "34.2",
        "en",
        "carshare",
        "service jobs by mechanic, daily by opened_at",
        mart(
            "fleet.service_jobs", [["count", None]], ["mechanic_name"], mart__time_grain=["opened_at", "day"]
        ),
    ),
    # 34.3 "how many and for how much": a second measure
    (
        "34.3",
        "ru",
        "carshare",
        "Сколько штрафов и на какую сумму по видам",
        mart("rental.fines", [["count", None], ["sum", "amount"]], ["fine_type"]),
    ),
    (
        "34.3",
        "en",
        "carshare",
        "how many trips and for how much, by tariff",
        mart("rental.trips", [["count", None], ["sum", "total_cost"]], ["tariff"]),
    ),
    (
        "34.3",
        "ru",
        "carshare",
        "Сколько поездок и на какое расстояние по тарифам",
        mart("rental.trips", [["count", None], ["sum", "distance_km"]], ["tariff"]),
    ),
    (
        "34.3",
        "en",
        "telecom",
        "how many calls and for how long by direction",
        mart("network.calls", [["count", None], ["sum", "duration_sec"]], ["direction"]),
    ),
    # 34.4 distinct entities «по <table whose rows point at them>»: that table is the fact
    (
        "34.4",
        "ru",
        "carshare",
        "Число уникальных клиентов по поездкам",
        mart("rental.trips", [["count_distinct", "customer_id"]], []),
    ),
    (
        "34.4",
        "en",
        "hotel",
        "distinct guests by reservations",
        mart("booking.reservations", [["count_distinct", "guest_id"]], []),
    ),
    # 35.1 a sum of a rate or score column: asked; avg/max and money sums stay
    ("35.1", "ru", "carshare", "Суммарный рейтинг клиентов по городам", ASK),
    ("35.1", "en", "hotel", "total stars of hotels by city", ASK),
    ("35.1", "ru", "hotel", "Общая сумма оценок отзывов по месяцам", ASK),
    ("35.1", "ru", "insurance", "Суммарная комиссия агентов по городам офисов", ASK),
    ("35.1", "en", "bank", "sum of deposit rates by currency", ASK),
    (
        "35.1",
        "ru",
        "hotel",
        "Средняя оценка отзывов по месяцам публикации",
        mart("booking.reviews", [["avg", "rating"]], [], mart__time_grain=["published_at", "month"]),
    ),
    (
        "35.1",
        "en",
        "insurance",
        "maximum commission rate by office city",
        mart("agents", [["max", "commission_rate"]], ["office_city"]),
    ),
    (
        "35.1",
        "en",
        "carshare",
        "total surcharge by zone type",
        mart("zones", [["sum", "surcharge"]], ["zone_type"]),
    ),
    # 36.1 an exchange rate is a rate: its sum asked, avg/min kept
    ("36.1", "ru", "bank", "Сумма курсов валют по неделям", ASK),
    ("36.1", "en", "bank", "sum of exchange rates by currency", ASK),
    (
        "36.1",
        "en",
        "bank",
        "average exchange rate by currency per month",
        mart("currency_rates", [["avg", "rate"]], ["currency"], mart__time_grain=["rate_date", "month"]),
    ),
    (
        "36.1",
        "ru",
        "bank",
        "Минимальный курс по валютам по дням",
        mart("currency_rates", [["min", "rate"]], ["currency"], mart__time_grain=["rate_date", "day"]),
    ),
    # 36.2 the bare English "<noun> by <grain>" counts rows per grain
    (
        "36.2",
        "en",
        "hotel",
        "reviews by month",
        mart("booking.reviews", [["count", None]], [], mart__time_grain=["published_at", "month"]),
    ),
    (
        "36.2",
        "en",
        "telecom",
        "calls by hour",
        mart("network.calls", [["count", None]], [], mart__time_grain=["started_at", "hour"]),
    ),
    (
        "36.2",
        "en",
        "hotel",
        "folio charges by week",
        mart("finance.folio_charges", [["count", None]], [], mart__time_grain=["charged_at", "week"]),
    ),
    (
        "36.2",
        "en",
        "hotel",
        "reviews by month every Monday at 7am",
        mart(
            "booking.reviews",
            [["count", None]],
            [],
            mart__time_grain=["published_at", "month"],
            schedule="0 7 * * 1",
        ),
    ),
    (  # asked before marts66: issued_at NOT NULL, paid_at nullable
        "36.2",
        "en",
        "carshare",
        "fines by month",
        mart("rental.fines", [["count", None]], [], mart__time_grain=["issued_at", "month"]),
    ),
    # 36.3 «<measure> по <table noun> по <dim>», the table holding the measured column but not the dimension
    ("36.3", "ru", "carshare", "Средняя стоимость по поездкам по способам оплаты", ASK),
    ("36.3", "ru", "carshare", "Средний пробег по машинам по тарифам", ASK),
    (
        "36.3",
        "ru",
        "carshare",
        "Средняя стоимость по заявкам на обслуживание по классам машин",
        mart("fleet.service_jobs", [["avg", "cost"]], ["car_class"], mart__joins=["fleet.cars"]),
    ),
]

# Written with the rules, after the first pass (not counted in it): the same families in more words
AFTER_RULES: list[tuple[str, str, str, str, dict[str, Any]]] = [
    (
        "30.10",
        "en",
        "bank",
        "how many loans we issue each week",  # was a weekly load of loans, no grain
        mart("lending.loans", [["count", None]], [], mart__time_grain=["issued_on", "week"]),
    ),
    (
        "30.10",
        "en",
        "insurance",
        "how many policies they sign every month",
        mart("underwriting.policies", [["count", None]], [], mart__time_grain=["signed_at", "month"]),
    ),
    (
        "31.state",
        "ru",
        "carshare",
        "Средняя стоимость завершённых поездок по тарифам",
        mart("rental.trips", [["avg", "total_cost"]], ["tariff"], mart__where="status = 'finished'"),
    ),
    ("31.per", "en", "telecom", "average count of calls per subscriber", ASK),
    ("33.2", "ru", "logistics", "Количество отправлений по весу", ASK),
    ("33.2", "en", "logistics", "number of vehicles by capacity", ASK),
    (
        "33.2",
        "ru",
        "telecom",
        "Число тарифов по пакету минут",  # a package size, no measured quantity
        mart("tariffs", [["count", None]], ["minutes"]),
    ),
    (
        "36.2",
        "en",
        "telecom",
        "high-priority tickets by category",
        mart("support_tickets", [["count", None]], ["category"], mart__where="priority = 'high'"),
    ),
    ("36.2", "en", "shop", "new orders by customer", ASK),
    (
        "32.8",
        "en",
        "insurance",
        "sum insured total by channel",  # was sum(market_value) of insured_vehicles
        mart("underwriting.policies", [["sum", "sum_insured"]], ["channel"]),
    ),
    (
        "32.8",
        "en",
        "insurance",
        "average approved amount by claim type",
        mart("settlement.claims", [["avg", "approved_amount"]], ["claim_type"]),
    ),
    (
        "32.8",
        "en",
        "hotel",
        "total amount charged per week",  # total_amount is reservations': not read
        mart("finance.folio_charges", [["sum", "amount"]], [], mart__time_grain=["charged_at", "week"]),
    ),  # "new" of the loads' new rows: not read as a mart
]

# (lang, catalog, request): a "by <period>" that is no grain keeps the load (controls, not in the counts;
# the first was run without ", daily at 1am" and only asked how often, as a load with no schedule is)
LOADS: list[tuple[str, str, str]] = [
    ("en", "hotel", "load reviews to clickhouse partitioned by month, daily at 1am"),
    ("en", "telecom", "copy calls to clickhouse every day by 3am"),
]

# request -> why it still fails (filled after the first pass)
NOT_YET: dict[str, str] = {
    "Штрафы по видам": "asked count or sum (amount is 'Сумма штрафа'); counting it made mt-ru-47 «начисления "
    "фолио по видам» (expects the sum) wrong, so the question stays",
    "Отчёт по банковским картам: количество по платёжным системам": "asked: ['status needs_clarification: ['Из какой таблицы строить витрину: branches, clients, accou",
    "сумарная стоимость работ по механикам": "asked: ['status needs_clarification: ['Не нашёл «механикам» ни в service_jobs, ни в связанных таб",
    "how many cars did we add to the fleet each month": "asked: ['status needs_clarification: ['I did not understand 'did add' in the mart: a row filter",
    "total minutes driven by tariff": "asked: ['status needs_clarification: ['I did not understand 'driven' in the mart: a row filter,",
    "average trip distance per customer": "disputed: planned avg per customer_id, as the English 'average X per "
    "<entity>' reads in marts26's rule ('average visit duration per doctor'); README calls it a ratio, asked",
    "unique guests per month of check-in": "asked: ['status needs_clarification: ['Which table should the mart aggregate: hotels, guests, roo",
    "fines by type excluding cancelled ones": "asked: ['status needs_clarification: ['How often should it run? For example: 'daily at 2 AM', ",
    "how many fines in total": "asked: ['status needs_clarification: ['How often should it run? For example: 'daily at 2 AM', ",
    "fines by type (speeding, parking, etc.)": "asked: ['status needs_clarification: ['How often should it run? For example: 'daily at 2 AM', ",
    "Поездки по тарифам (поминутный, почасовой...)": "asked: ['status needs_clarification: ['Как часто запускать? Например: «ежедневно в 2 часа ночи», ",
    "Количество по бронированиям по каналам": "asked: ['status needs_clarification: ['Из какой таблицы строить витрину: hotels, guests, rooms, r",
    "average trip cost, finished ones only": "asked: ['status needs_clarification: ['How often should it run? For example: 'daily at 2 AM', ",
    "Сколько заявок на обслуживание открыто по неделям": "asked: ['status needs_clarification: ['По какой колонке времени разбивать по week: opened_at, clo",
    "how many trips and for how much, by tariff": "asked: ['status needs_clarification: ['Which column of trips should sum use: distance_km, total_c",
    "how many calls and for how long by direction": "asked: ['status needs_clarification: ['I did not understand 'long' in the mart: a row filter, a",
    "Число уникальных клиентов по поездкам": "asked: ['status needs_clarification: ['Витрину какой таблицы строить: customers, trips, fines, pa",
}


def _params() -> list[Any]:
    return [
        pytest.param(catalog, text, expected, id=f"{family}-{lang}-{text}",
                     marks=[pytest.mark.xfail(strict=True, reason=NOT_YET[text])] if text in NOT_YET else [])
        for family, lang, catalog, text, expected in CASES
    ]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "expected"), _params())
def test_probe_case(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


@pytest.mark.parametrize(
    ("family", "lang", "catalog", "text", "expected"), AFTER_RULES, ids=[c[3] for c in AFTER_RULES]
)
def test_after_rules(family: str, lang: str, catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


@pytest.mark.parametrize(("lang", "catalog", "text"), LOADS, ids=[c[2] for c in LOADS])
def test_by_period_load_stays_a_load(lang: str, catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.source.type == "sql", outcome.spec
