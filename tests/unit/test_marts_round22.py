"""Mart requests of round marts22 (issue 16): do the fixes of marts_k, marts_l and marts_m generalise?

For every failure family of heldout_marts_k/_l/_m (their .failures.md files and the rules of
test_marts_round17..20), three to six requests of our own that say the same thing in other words (other
measure synonyms, grain phrasings, dimension phrasings, filters, slang, typos) over other catalogs; none is
in an eval file. Each request has the mart a reader would build from the catalog (measures, dimensions,
grain, joins, filter) or ASK where the words leave a real choice.

First pass (the 92 requests of CASES run once against the unchanged planner, main 5a9f18b): 20 of 92 failed
before any rule; RU 52/64 = 81.3%, EN 20/28 = 71.4%, 2 wrong confident (RU 1: «средняя длительность по звонкам
в разрезе направлений» grouped by is_roaming too; EN 1: "students per faculty, expelled_on not empty" dropped
the condition). Three of the 20 were my own wrong expectations (two time columns and no word saying which is a
documented question: «сколько начислено по валютам помесячно», "tickets per priority hourly", «кол-во обращений
с разбивкой по категориям понедельно»), set to ASK after the first pass; with them the first pass is RU 54/64 =
84.4%, EN 21/28 = 75.0%. Two requests with one time column were added for those two phrasings afterwards
(both planned right before any rule). After this round: 89 of 94 right, RU 63/65, EN 26/29, none wrong; the
five left are in NOT_YET.

The tests after CASES are the confident wrong plans found while probing the same families (each failing on
main before its rule, except the controls marked as such)."""

from __future__ import annotations

import pytest

from tests.unit.test_planner_marts import mart_of, mart_where

ASK = "ask"


def _m(table, measures, dims=(), grain=None, joins=None, where=None, schedule=None):
    """An expected mart: measures as (func, column) pairs; joins/where/schedule checked when given."""
    return {
        "table": table,
        "measures": sorted(measures, key=lambda m: (m[0], m[1] or "")),
        "dims": sorted(dims),
        "grain": grain,
        "joins": joins,
        "where": where,
        "schedule": schedule,
    }


COUNT = ("count", None)

CASES = [
    # --- k1: a people-count noun («человек», «людей», "people") counts rows, never a dimension's value ---
    ("k1", "univ", "число людей по корпусам общежития, помесячно по дате заселения",
     _m("campus.dorm_residents", [COUNT], ["building"], ("checked_in_on", "month"))),
    ("k1", "hr", "сколько человек работает по отделам", _m("employees", [COUNT], ["department_id"])),
    ("k1", "hr", "количество людей по должностям", _m("employees", [COUNT], ["job_title"])),
    ("k1", "clinic", "сколько человек записалось на приём по каналам",
     _m("appointments", [COUNT], ["channel"])),
    ("k1", "univ", "how many people checked in per dorm building", _m("campus.dorm_residents", [COUNT],
                                                                      ["building"])),
    # --- k2: a measure with its unit («в секундах», «в кг», «в минутах», «штук») ---------------------------
    ("k2", "telecom", "средняя длительность звонка в секундах по направлениям",
     _m("network.calls", [("avg", "duration_sec")], ["direction"])),
    ("k2", "logistics", "суммарный вес отправлений в кг по статусам",
     _m("shipments", [("sum", "weight_kg")], ["status"])),
    ("k2", "shop", "сколько штук продано по регионам понедельно",
     _m("sales", [("sum", "quantity")], ["region"], ("sold_at", "week"))),
    ("k2", "logistics", "общий пробег в километрах по курьерам помесячно",
     _m("routes", [("sum", "distance_km")], ["courier_id"], ("route_date", "month"))),
    ("k2", "clinic", "average visit length in minutes per doctor",
     _m("visits", [("avg", "duration_min")], ["doctor_id"])),
    # --- k3/m5: a filter by a value inside the mart ----------------------------------------------------------
    ("k3", "telecom", "сумма платежей со статусом success по каналам",
     _m("billing.payments", [("sum", "amount")], ["channel"], where="status = 'success'")),
    ("k3", "utility", "кол-во заявок в статусе done по темам",
     _m("ops.service_requests", [COUNT], ["topic"], where="status = 'done'")),
    ("k3", "hr", "сумма часов по сотрудникам, только проект «Orion»",
     _m("timesheets", [("sum", "hours")], ["employee_id"], where="project = 'Orion'")),
    ("k3", "univ", "число записей на дисциплины по курсам, только со статусом dropped",
     _m("enrollments", [COUNT], ["course_id"], where="status = 'dropped'")),
    ("k3", "univ", "number of enrollments per course, only status dropped",
     _m("enrollments", [COUNT], ["course_id"], where="status = 'dropped'")),
    ("k3", "telecom", "support tickets count per category, status open only",
     _m("support_tickets", [COUNT], ["category"], where="status = 'open'")),
    # --- k4/l3: the grain's time column in brackets or named by a noun phrase ---------------------------------
    ("k4", "univ", "кол-во выдач книг по неделям выдачи (issued_at)",
     _m("library_loans", [COUNT], [], ("issued_at", "week"))),
    ("k4", "telecom", "число обращений по приоритетам, понедельно по дате создания (created_at)",
     _m("support_tickets", [COUNT], ["priority"], ("created_at", "week"))),
    ("k4", "logistics", "сумма возвратов помесячно (created_at) по причинам",
     _m("returns", [("sum", "refund_amount")], ["reason"], ("created_at", "month"))),
    ("k4", "clinic", "сколько анализов по кодам в разрезе дней забора (collected_at)",
     _m("lab.results", [COUNT], ["test_code"], ("collected_at", "day"))),
    ("k4", "hr", "vacations count by kind per month (starts_on)",
     _m("vacations", [COUNT], ["kind"], ("starts_on", "month"))),
    ("k4", "utility", "outage count by kind, weekly (started_at)",
     _m("ops.outages", [COUNT], ["kind"], ("started_at", "week"))),
    # --- k5/l1: jargon and column comments as measures ------------------------------------------------------
    ("k5", "utility", "сумма долга по районам",
     _m("billing.debts", [("sum", "debt_amount")], ["district"], joins=["public.subscribers"])),
    ("k5", "hr", "сколько начислено по валютам помесячно", ASK),  # period or paid_at: no word says which
    ("k5", "utility", "объём потребления по тарифам, сумма",
     _m("billing.charges", [("sum", "consumption")], ["tariff_id"])),
    ("k5", "telecom", "сколько байт отправлено по APN, итого",
     _m("network.data_sessions", [("sum", "bytes_up")], ["apn"])),
    ("k5", "logistics", "total refunds by reason", _m("returns", [("sum", "refund_amount")], ["reason"])),
    ("k5", "telecom", "total talk time in seconds per call direction",
     _m("network.calls", [("sum", "duration_sec")], ["direction"])),
    # --- k6/l4: a lead-in naming the fact by a colloquial noun, a value pair in brackets -----------------------
    ("k6", "telecom", "Звонки: колво по сотам и направлению (вх/исх)",
     _m("network.calls", [COUNT], ["cell_id", "direction"])),
    ("k6", "univ", "Вай-фай: кол-во сессий по точкам доступа по дням",
     _m("campus.wifi_sessions", [COUNT], ["access_point"], ("started_at", "day"))),
    ("k6", "logistics", "Заправки машин: литры по машинам помесячно",
     _m("fleet.fuel_cards", [("sum", "liters")], ["vehicle_id"], ("refueled_at", "month"))),
    ("k6", "telecom", "SIM cards: count by status, eSIM only",
     _m("sim_cards", [COUNT], ["status"], where="is_esim = true")),
    # --- k7: a dimension through a join named by «по каждой/у каждой …» -----------------------------------------
    ("k7", "shop", "сколько продаж по каждой категории товаров",
     _m("sales", [COUNT], ["category"], joins=["public.products"])),
    ("k7", "utility", "число показаний по каждой модели счётчика",
     _m("metering.readings", [COUNT], ["model"], joins=["metering.meters"])),
    ("k7", "logistics", "сколько маршрутов у каждой модели машины",
     _m("routes", [COUNT], ["model"], joins=["fleet.vehicles", "public.couriers"])),
    ("k7", "utility", "readings count for each meter model",
     _m("metering.readings", [COUNT], ["model"], joins=["metering.meters"])),
    # --- k8: a relative/participle clause that is a boolean filter ---------------------------------------------
    ("k8", "telecom", "число звонков, совершённых в роуминге, по сотам",
     _m("network.calls", [COUNT], ["cell_id"], where="is_roaming = true")),
    ("k8", "hr", "число отпусков, которые одобрены, по видам",
     _m("vacations", [COUNT], ["kind"], where="approved = true")),
    ("k8", "logistics", "число курьеров, которые активны, по месяцам найма",
     _m("couriers", [COUNT], [], ("hired_at", "month"), where="is_active = true")),
    ("k8", "utility", "inspections where the seal was intact, count by inspector",
     _m("ops.inspections", [COUNT], ["inspector_id"], where="seal_ok = true")),
    # --- k9/l5: connector and chat words ("split by", «с разбивкой», a grain adverb after the dimension) -------
    ("k9", "telecom", "payments count split by channel, weekly",
     _m("billing.payments", [COUNT], ["channel"], ("paid_at", "week"))),
    ("k9", "logistics", "gimme total refunds broken down by reason, nothing fancy",
     _m("returns", [("sum", "refund_amount")], ["reason"])),
    ("k9", "telecom", "tickets per priority hourly",  # marts66: created_at, the one NOT NULL time (was asked)
     _m("support_tickets", [COUNT], ["priority"], ("created_at", "hour"))),
    ("k9", "shop", "выручку по регионам разбей помесячно плз",
     _m("sales", [("sum", "amount")], ["region"], ("sold_at", "month"))),
    ("k9", "telecom", "кол-во обращений с разбивкой по категориям понедельно",  # marts66: created_at (was asked)
     _m("support_tickets", [COUNT], ["category"], ("created_at", "week"))),
    ("k9", "telecom", "calls per cell hourly", _m("network.calls", [COUNT], ["cell_id"], ("started_at", "hour"))),
    ("k9", "telecom", "кол-во звонков с разбивкой по направлениям понедельно",
     _m("network.calls", [COUNT], ["direction"], ("started_at", "week"))),
    ("k9", "telecom", "число звонков по направлениям в разрезе дней, обновляй каждые 15 минут",
     _m("network.calls", [COUNT], ["direction"], ("started_at", "day"), schedule="*/15 * * * *")),
    # --- l2: an emptiness filter spelled with the column's name --------------------------------------------------
    ("l2", "univ", "число выдач книг по неделям выдачи, только невозвращённые (returned_at пустой)",
     _m("library_loans", [COUNT], [], ("issued_at", "week"), where="returned_at IS NULL")),
    ("l2", "telecom", "кол-во абонентов по регионам, только те у кого churned_on не заполнен",
     _m("subscribers", [COUNT], ["region"], where="churned_on IS NULL")),
    ("l2", "logistics", "сколько отправлений по статусам, где delivered_at заполнено",
     _m("shipments", [COUNT], ["status"], where="delivered_at IS NOT NULL")),
    ("l2", "telecom", "tickets count by category, only open ones (closed_at is empty)",
     _m("support_tickets", [COUNT], ["category"], where="closed_at IS NULL")),
    ("l2", "univ", "students per faculty, expelled_on not empty",
     _m("students", [COUNT], ["faculty_id"], where="expelled_on IS NOT NULL")),
    # --- l6/m8: a role word picking one of two join paths ---------------------------------------------------------
    ("l6", "logistics", "число отправлений по городу хаба назначения",
     _m("shipments", [COUNT], ["city"], joins=["public.hubs"])),
    ("l6", "logistics", "кол-во отправлений по хабам отправки", _m("shipments", [COUNT], ["origin_hub_id"])),
    ("l6", "logistics", "средняя объявленная ценность по хабам прибытия",
     _m("shipments", [("avg", "declared_value")], ["dest_hub_id"])),
    ("l6", "logistics", "shipments count per destination hub name, daily by delivery date",
     _m("shipments", [COUNT], ["name"], ("delivered_at", "day"), joins=["public.hubs"])),
    # --- l7/m6: two measures in one phrase ------------------------------------------------------------------------
    ("l7", "telecom", "кол-во звонков и средняя длительность по направлениям",
     _m("network.calls", [COUNT, ("avg", "duration_sec")], ["direction"])),
    ("l7", "univ", "число оценок и средний балл по дисциплинам",
     _m("grades", [COUNT, ("avg", "score")], ["course_id"])),
    ("l7", "hr", "часы: сумма и среднее по проектам",
     _m("timesheets", [("sum", "hours"), ("avg", "hours")], ["project"])),
    ("l7", "logistics", "суммарные литры и средняя сумма заправки по машинам",
     _m("fleet.fuel_cards", [("sum", "liters"), ("avg", "amount")], ["vehicle_id"])),
    ("l7", "telecom", "bytes up and bytes down totals per apn",
     _m("network.data_sessions", [("sum", "bytes_up"), ("sum", "bytes_down")], ["apn"])),
    ("l7", "utility", "total and max debt per district",
     _m("billing.debts", [("sum", "debt_amount"), ("max", "debt_amount")], ["district"],
        joins=["public.subscribers"])),
    # --- l8: a Russian noun for an English key column --------------------------------------------------------------
    ("l8", "telecom", "число интернет-сессий по абонентам", _m("network.data_sessions", [COUNT],
                                                               ["subscriber_id"])),
    ("l8", "univ", "средний балл по преподавателям", _m("grades", [("avg", "score")], ["teacher_id"])),
    ("l8", "logistics", "события трекинга по отправлениям, кол-во", _m("tracking_events", [COUNT],
                                                                       ["shipment_id"])),
    ("l8", "univ", "average exam score per teacher", _m("grades", [("avg", "score")], ["teacher_id"])),
    # --- m1: the fact's own noun after «по» next to «в разрезе X» ---------------------------------------------------
    ("m1", "telecom", "средняя длительность по звонкам в разрезе направлений",
     _m("network.calls", [("avg", "duration_sec")], ["direction"])),
    ("m1", "logistics", "суммарный вес по отправлениям в разрезе статусов",
     _m("shipments", [("sum", "weight_kg")], ["status"])),
    ("m1", "univ", "скачано байт по сессиям вайфая в разрезе точек доступа",
     _m("campus.wifi_sessions", [("sum", "bytes_down")], ["access_point"])),
    ("m1", "logistics", "total weight per shipment broken down by status",
     _m("shipments", [("sum", "weight_kg")], ["status"])),
    # --- m2: a title noun with a bare measure word after the comma (no extra row count) --------------------------------
    ("m2", "univ", "Стипендии по видам, сумма", _m("finance.scholarships", [("sum", "amount")], ["kind"])),
    ("m2", "utility", "Оплаты по каналам, сумма, по дням",
     _m("billing.payments", [("sum", "amount")], ["channel"], ("paid_at", "day"))),
    ("m2", "logistics", "Заправки по машинам, максимум", ASK),  # liters or amount
    ("m2", "univ", "tuition payments per status, sum",
     _m("finance.tuition_payments", [("sum", "amount")], ["status"])),
    # --- m3: jargon measures (AOV, средний чек) --------------------------------------------------------------------------
    ("m3", "shop", "average order value per customer, weekly",
     _m("orders", [("avg", "total")], ["customer_id"], ("created_at", "week"))),
    ("m3", "shop", "AOV по статусам понедельно", _m("orders", [("avg", "total")], ["status"],
                                                     ("created_at", "week"))),
    ("m3", "telecom", "средний платёж по каналам", _m("billing.payments", [("avg", "amount")], ["channel"])),
    ("m3", "shop", "средний чек по клиентам помесячно",
     _m("orders", [("avg", "total")], ["customer_id"], ("created_at", "month"))),
    # --- m4: a dimension along two join paths is asked ----------------------------------------------------------------------
    ("m4", "shop", "сумма продаж по городу клиента помесячно", ASK),
    ("m4", "clinic", "кол-во приёмов по диагнозам и полу пациентов", ASK),
    ("m4", "logistics", "число отправлений по регионам хабов", ASK),
    ("m4", "logistics", "shipment weight by hub city", ASK),
    # --- m7: slang counts, a unit, a grain by a named time ---------------------------------------------------------------------
    ("m7", "logistics", "скока посылок по статусам почасово по времени создания",
     _m("shipments", [COUNT], ["status"], ("created_at", "hour"))),
    ("m7", "telecom", "колво звонков по сотам по дням начала звонка",
     _m("network.calls", [COUNT], ["cell_id"], ("started_at", "day"))),
    ("m7", "shop", "скок штук продали по категориям товаров",
     _m("sales", [("sum", "quantity")], ["category"], joins=["public.products"])),
    ("m7", "clinic", "кол-во назначений по препаратам понедельно по дате выписки",
     _m("prescriptions", [COUNT], ["drug_name"], ("issued_at", "week"))),
    # --- m9: the fact table by a colloquial noun or a participle ------------------------------------------------------------------
    ("m9", "univ", "число выданных книг по названиям понедельно",
     _m("library_loans", [COUNT], ["book_title"], ("issued_at", "week"))),
    ("m9", "hr", "число нанятых по отделам помесячно",
     _m("employees", [COUNT], ["department_id"], ("hired_at", "month"))),
    ("m9", "telecom", "кол-во подключений по регионам помесячно",
     _m("subscribers", [COUNT], ["region"], ("activated_on", "month"))),
    ("m9", "univ", "checked-in dorm residents per building monthly",
     _m("campus.dorm_residents", [COUNT], ["building"], ("checked_in_on", "month"))),
    # --- m10: English chat phrasings ------------------------------------------------------------------------------------------------
    ("m10", "shop", "hourly login events per user",
     _m("events", [COUNT], ["user_id"], ("occurred_at", "hour"), where="event_type = 'login'")),
    ("m10", "hr", "net pay total by currency per payroll month",
     _m("payroll.payslips", [("sum", "net")], ["currency"], ("period", "month"))),
    ("m10", "utility", "meter count split by smart flag", _m("metering.meters", [COUNT], ["is_smart"])),
]  # fmt: skip


def _check(outcome, expected):
    if expected == ASK:
        assert outcome.status == "needs_clarification", mart_of(outcome)
        return
    mart = mart_of(outcome)
    assert (mart["table"], mart["measures"], mart["dims"], mart["grain"]) == (
        expected["table"],
        expected["measures"],
        expected["dims"],
        expected["grain"],
    )
    if expected["joins"] is not None:
        assert mart["joins"] == sorted(expected["joins"])
    assert outcome.spec.source.mart.where == expected["where"]
    assert mart["schedule"] == expected["schedule"]


# Still asked after this round (no wrong answer among them): each says what is left in the report.
NOT_YET = {
    "bytes up and bytes down totals per apn",
    "скачано байт по сессиям вайфая в разрезе точек доступа",
    "кол-во подключений по регионам помесячно",
    "net pay total by currency per payroll month",
}


@pytest.mark.parametrize(
    "catalog, text, expected",
    [
        pytest.param(
            c, t, e, id=f"{family}-{i}", marks=[pytest.mark.xfail(strict=True)] if t in NOT_YET else []
        )
        for i, (family, c, t, e) in enumerate(CASES)
    ],
)
def test_a_family_in_other_words(planners, catalog, text, expected):
    _check(planners[catalog].plan(text), expected)


# --- added while fixing (each failing before its fix) -----------------------------------------------------


@pytest.mark.parametrize(
    "catalog, text, where",
    [
        ("univ", "students per faculty, expelled_on is not empty", "expelled_on IS NOT NULL"),
        ("univ", "число студентов по факультетам, expelled_on пустой", "expelled_on IS NULL"),
        ("hr", "headcount per department, fired_at not empty", "fired_at IS NOT NULL"),
        ("clinic", "sum of invoices by status, paid_at empty", "paid_at IS NULL"),
        ("clinic", "сумма счетов по статусам, paid_at не заполнен", "paid_at IS NULL"),
    ],
)
def test_a_null_clause_after_the_list_filters_the_marts_rows(planners, catalog, text, where):
    # before: the clause was a not_null check on a column the mart has not got (or an extra dimension)
    outcome = planners[catalog].plan(text)
    assert mart_of(outcome) and outcome.spec.source.mart.where == where and not outcome.spec.checks


def test_a_null_clause_on_a_dimension_stays_a_check(shop):  # control: right on main too
    outcome = shop.plan("выручка по регионам, region не пустой")
    assert mart_of(outcome)["dims"] == ["region"] and [c.columns for c in outcome.spec.checks] == [["region"]]


@pytest.mark.parametrize(
    "text, dims",
    [
        ("средняя длительность по звонкам", []),
        ("число звонков по признаку роуминга", ["is_roaming"]),
    ],  # 2nd: control
)
def test_the_facts_noun_is_no_flag_its_comment_heads(planners, text, dims):
    # is_roaming 'Звонок в роуминге': «по звонкам» names the calls, the flag needs its state word
    assert mart_of(planners["telecom"].plan(text))["dims"] == dims


# Three more confident wrong plans found while probing the k1/k3/k8 families (each failing before its fix)


@pytest.mark.parametrize(
    "catalog, text, table, where",
    [
        ("hr", "сколько человек уволено по отделам", "employees", "fired_at IS NOT NULL"),
        # «сколько студентов отчислено»: status 'expelled' or expelled_on, asked since round 26 (as a load asks)
    ],
)
def test_an_event_verb_with_no_grain_keeps_the_rows_it_happened_to(planners, catalog, text, table, where):
    # before: every employee / student counted, the verb dropped
    outcome = planners[catalog].plan(text)
    assert mart_of(outcome)["table"] == table and outcome.spec.source.mart.where == where


@pytest.mark.parametrize(
    "catalog, text",
    [
        ("univ", "сколько человек зачислено по факультетам помесячно"),
        ("univ", "Сколько книг выдано по неделям"),
    ],
)
def test_an_event_verb_dated_by_the_grain_adds_no_condition(planners, catalog, text):  # controls
    assert planners[catalog].plan(text).spec.source.mart.where is None


@pytest.mark.parametrize("text", ["кол-во людей по моделям машин", "how many people per vehicle model"])
def test_people_are_never_counted_in_a_table_of_things(logistics, text):
    # before: fleet.vehicles counted; people are couriers (or shipments' senders): asked
    assert logistics.plan(text).status == "needs_clarification"


@pytest.mark.parametrize(
    "catalog, text, dims, where",
    [
        ("telecom", "сумма платежей по каналам, статус failed", ["channel"], "status = 'failed'"),
        ("utility", "число заявок по темам, статус done", ["topic"], "status = 'done'"),
        ("utility", "number of requests per topic, status done", ["topic"], "status = 'done'"),
        ("logistics", "суммарный вес по хабам отправки, статус lost", ["origin_hub_id"], "status = 'lost'"),
    ],
)
def test_a_column_and_its_listed_value_after_a_comma_is_a_condition(planners, catalog, text, dims, where):
    # before: the column became a second dimension and the value was dropped
    outcome = planners[catalog].plan(text)
    assert mart_of(outcome)["dims"] == dims and outcome.spec.source.mart.where == where


@pytest.mark.parametrize(
    "catalog, text, column, dims",
    [
        ("telecom", "сколько байт отправлено по APN", "bytes_up", ["apn"]),
        ("telecom", "сколько байт получено по сотам", "bytes_down", ["cell_id"]),
        ("utility", "сколько домохозяйств затронуто по районам", "households", ["district"]),  # control
    ],
)
def test_a_noun_and_participle_spelling_a_comment_is_its_sum(planners, catalog, text, column, dims):
    # 'Отправлено байт': before, «сколько байт отправлено» counted the sessions
    mart = mart_of(planners[catalog].plan(text))
    assert (mart["measures"], mart["dims"]) == ([("sum", column)], dims)


@pytest.mark.parametrize(
    "catalog, text, where",
    [
        # closed_at or a status value no comment lists (utility: new, in_progress, done, rejected): asked
        ("utility", "сколько заявок закрыто по темам", None),
        # planner95: README: a state word a status column lists is that value; the date reading is noted
        # (asked from round 26 to planner95)
        ("telecom", "сколько обращений закрыто по категориям", "status = 'closed'"),
        ("telecom", "number of closed tickets per category", "status = 'closed'"),
        ("telecom", "how many tickets were closed per category", "status = 'closed'"),
        ("utility", "closed requests count per topic", "closed_at IS NOT NULL"),
        ("logistics", "number of delivered shipments per status", "status = 'delivered'"),
        ("logistics", "number of lost shipments per origin hub", "status = 'lost'"),
        ("univ", "number of returned books per title", "returned_at IS NOT NULL"),
        ("telecom", "how many subscribers churned per region", "status = 'churned'"),  # planner95, as above
    ],
)
def test_a_state_participle_on_the_counted_rows_is_their_condition(planners, catalog, text, where):
    # before: every row counted, the participle dropped (a listed status value first, else the event's time)
    assert mart_where(planners[catalog].plan(text)) == where


@pytest.mark.parametrize(
    "catalog, text, where",
    [
        ("univ", "Сколько книг выдано по неделям", None),  # the grain dates the rows by the event
        ("clinic", "count occupied beds per ward", "occupied = true"),
        ("univ", "attended lessons count by course", "present = true"),
    ],
)
def test_state_participles_read_before_stay(planners, catalog, text, where):  # controls
    assert mart_where(planners[catalog].plan(text)) == where


@pytest.mark.parametrize(
    "text, dims",
    [
        ("число обращений по приоритету high по категориям", ["category"]),
        ("tickets count by priority high and category", ["category"]),
    ],
)
def test_a_column_and_its_listed_value_after_po_is_a_condition(planners, text, dims):
    outcome = planners["telecom"].plan(text)
    assert mart_of(outcome)["dims"] == dims and outcome.spec.source.mart.where == "priority = 'high'"


@pytest.mark.parametrize(
    "catalog, text, dims, where",
    [
        ("hr", "число проходов по дверям, направление in", ["door"], "direction = 'in'"),
        ("univ", "число оценок по дисциплинам, оценка отлично", ["course_id"], "mark = 'отлично'"),
        ("shop", "сумма заказов по клиентам, статус new", ["customer_id"], "status = 'new'"),
        ("clinic", "number of paid invoices per status", ["status"], "paid_at IS NOT NULL"),
    ],
)
def test_a_value_after_its_column_word_or_an_irregular_participle(planners, catalog, text, dims, where):
    # before: the value dropped with its column grouped («оценка» even as score and mark), or asked
    outcome = planners[catalog].plan(text)
    assert mart_of(outcome)["dims"] == dims and outcome.spec.source.mart.where == where


def test_a_grain_word_after_a_column_word_is_no_value(shop):  # control
    assert mart_where(shop.plan("order count per customer, status weekly")) is None


@pytest.mark.parametrize(
    "catalog, text, dims",
    [
        ("telecom", "calls per cell split by direction", ["cell_id", "direction"]),
        ("shop", "revenue per month broken down by region", ["region"]),
        ("telecom", "кол-во интернет-сессий по сотам", ["cell_id"]),
    ],
)
def test_a_grouping_verb_right_after_a_dimension_and_a_hyphenated_fact_noun(planners, catalog, text, dims):
    # before: "split"/"broken down" asked as a column; «интернет-сессий» asked as an unknown word
    assert mart_of(planners[catalog].plan(text))["dims"] == dims
