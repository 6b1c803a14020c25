"""Mart requests of round marts18 (issue 16, the families heldout_marts_l failed on), in our own words over
several demo catalogs (none of these sentences is in an eval file): measure jargon and column comments
(«к выплате», «трафик (скачано байт)», "gross sales", "fuel spend", "payout"), «(col не пустой)» filters,
a grain's column in brackets, a title whose preposition differs from the table comment, grouping verbs
("split by"), role adjectives on a join («исходный хаб»), «среднее кол-во …», a Russian noun for an English
key column, and the two wrong-confident shapes (a table noun after a dimension's comma; a grouping with no
count word)."""

from __future__ import annotations

import pytest

from tests.unit.test_planner_marts import mart_of, mart_shape, mart_where

# --- M: measure jargon and column comments -------------------------------------------------------------------


@pytest.mark.parametrize(
    "catalog, text, table, measures",
    [
        # a phrase that is one numeric column's whole comment ('К выплате', 'Начислено') names it
        ("hr", "к выплате и начислено по валютам, помесячно по расчетному периоду", "payroll.payslips",
         [("sum", "gross"), ("sum", "net")]),
        ("hr", "средний к выплате по валютам, помесячно по расчетному периоду", "payroll.payslips",
         [("avg", "net")]),
        # a jargon word explained by a bracket that spells a column's comment
        ("univ", "Wi-Fi: трафик (скачано байт) по точкам доступа по дням", "campus.wifi_sessions",
         [("sum", "bytes_down")]),
        ("univ", "объём (скачано байт) по точкам доступа по неделям", "campus.wifi_sessions",
         [("sum", "bytes_down")]),
        # "gross/net sales" is the money the rows add up to; units sold stay a measure of their own
        ("shop", "weekly gross sales per region", "sales", [("sum", "amount")]),
        ("shop", "net revenue per region per month", "sales", [("sum", "amount")]),
        ("shop", "gross sales and units sold per region per week", "sales",
         [("sum", "amount"), ("sum", "quantity")]),
        # a money noun after a table's word: that table's one money column
        ("logistics", "fuel spend per vehicle, weekly", "fleet.fuel_cards", [("sum", "amount")]),
        ("univ", "scholarship payout total per faculty per month paid", "finance.scholarships",
         [("sum", "amount")]),
        # a quantity noun after a column word, the table named after "from"
        ("utility", "kwh consumption per district daily from telemetry", "metering.telemetry", [("sum", "kwh")]),
        # a genitive after the measured column's unit word describes it
        ("clinic", "суммарно дней лечения по препаратам по месяцам выписки", "prescriptions", [("sum", "days")]),
    ],
)  # fmt: skip
def test_measure_jargon_names_the_column(planners, catalog, text, table, measures):
    mart = mart_of(planners[catalog].plan(text))
    assert (mart["table"], mart["measures"]) == (table, sorted(measures))


def test_a_noun_phrase_comment_keeps_its_shared_measure(planners):
    # «объём потребления» is a noun phrase the measure rules read: «сумма и объём …» sums both columns
    mart = mart_of(planners["utility"].plan("Начисления: сумма и объём потребления по статусам по месяцам"))
    assert mart["measures"] == [("sum", "amount"), ("sum", "consumption")]


# --- F: «(col не пустой)» and "(col empty)" ----------------------------------------------------------------


@pytest.mark.parametrize(
    "catalog, text, where",
    [
        ("hr", "средний оклад по должностям, только те у кого fired_at не пустой", "fired_at IS NOT NULL"),
        ("hr", "средний оклад по должностям, где fired_at пустой", "fired_at IS NULL"),
        ("hr", "максимальный оклад по отделам, только у которых fired_at пустой", "fired_at IS NULL"),
        ("hr", "average salary per job title, fired staff only (fired_at not empty)", "fired_at IS NOT NULL"),
        ("hr", "headcount per department, current staff only (fired_at empty)", "fired_at IS NULL"),
        # a text column: empty also means '' (README, filters: "where city is empty")
        ("clinic", "сумма счетов по статусам, только где card_number не пустой",
         "card_number IS NOT NULL AND card_number <> ''"),
        ("clinic", "invoice total per status, insured only (insurance_policy not empty)",
         "insurance_policy IS NOT NULL AND insurance_policy <> ''"),
        # after a dimension the bracket is a row condition, never the dimension's column
        ("clinic", "количество счетов по статусам (card_number пустой)", "(card_number IS NULL OR card_number = '')"),
    ],
)  # fmt: skip
def test_a_column_and_an_emptiness_word_are_a_null_check(planners, catalog, text, where):
    outcome = planners[catalog].plan(text)
    mart_of(outcome)
    assert mart_where(outcome) == where


def test_the_null_bracket_after_a_dimension_leaves_the_dimension(planners):
    outcome = planners["clinic"].plan("количество счетов по статусам (card_number пустой)")
    assert mart_of(outcome)["dims"] == ["status"]


# --- G: the grain's column in brackets or by a noun phrase ---------------------------------------------------


@pytest.mark.parametrize(
    "catalog, text, grain",
    [
        ("clinic", "кол-во записей на приём по статусам по неделям приёма (scheduled_at)", ("scheduled_at", "week")),
        ("clinic", "appointments per channel, monthly (scheduled date)", ("scheduled_at", "month")),
        ("logistics", "avg distance per courier, daily (route date)", ("route_date", "day")),
        ("logistics", "сумма distance_km по курьерам, по месяцам маршрута (route_date)", ("route_date", "month")),
    ],
)  # fmt: skip
def test_the_grain_column_named_after_the_grain(planners, catalog, text, grain):
    assert mart_of(planners[catalog].plan(text))["grain"] == grain


def test_a_bracketed_column_that_disagrees_with_the_time_word_is_asked(planners):
    # «доставки» is a delivery time; created_at says another: asked, as before
    outcome = planners["logistics"].plan("количество отправлений по месяцам доставки (created_at)")
    assert outcome.status == "needs_clarification"


# --- T: a title whose preposition differs from the table comment ---------------------------------------------


@pytest.mark.parametrize(
    "text, dims, grain",
    [
        ("Проходы по турникетам: колво по дверям и направлению по дням", ["direction", "door"],
         ("occurred_at", "day")),
        ("Проходы сквозь турникеты: число по направлению по часам", ["direction"], ("occurred_at", "hour")),
        ("Проходы через турникеты: колво по дверям по дням", ["door"], ("occurred_at", "day")),
    ],
)  # fmt: skip
def test_a_title_naming_the_table_comment_picks_the_fact(planners, text, dims, grain):
    assert mart_shape(planners["hr"].plan(text)) == ("badge_events", [("count", None)], dims, grain)


def test_a_title_by_a_column_keeps_its_dimension(planners):
    # «по вакансиям» of candidates is the vacancy column: the title still groups by it
    mart = mart_of(planners["hr"].plan("Кандидаты по вакансиям: сколько откликов по дням"))
    assert (mart["table"], mart["dims"]) == ("candidates", ["vacancy"])


# --- C: grouping verbs and a grain adverb after the dimension ------------------------------------------------


@pytest.mark.parametrize(
    "catalog, text, table, dims, grain",
    [
        ("shop", "revenue per month, broken down by region", "sales", ["region"], ("sold_at", "month")),
        ("shop", "order count per week, grouped by status", "orders", ["status"], ("created_at", "week")),
        ("shop", "выручка по месяцам, сгруппировать по регионам", "sales", ["region"], ("sold_at", "month")),
        ("shop", "number of distinct customers ordering each week, split by order status", "orders", ["status"],
         ("created_at", "week")),
        ("utility", "max voltage per district hourly", "metering.telemetry", ["district"], ("measured_at", "hour")),
        ("shop", "order totals per status weekly", "orders", ["status"], ("created_at", "week")),
    ],
)  # fmt: skip
def test_connectors_between_the_measure_and_the_dimension(planners, catalog, text, table, dims, grain):
    mart = mart_of(planners[catalog].plan(text))
    assert (mart["table"], mart["dims"], mart["grain"]) == (table, dims, grain)


# --- R: a role adjective picks one of two join paths ---------------------------------------------------------


@pytest.mark.parametrize(
    "text, dim, key",
    [
        ("средний вес по конечному хабу (город)", "city", "shipments.dest_hub_id"),
        ("количество отправлений по исходному хабу (название) по дням создания", "name", "shipments.origin_hub_id"),
        ("average weight per starting hub name", "name", "shipments.origin_hub_id"),
    ],
)  # fmt: skip
def test_a_role_adjective_picks_the_join_path(planners, text, dim, key):
    outcome = planners["logistics"].plan(text)
    assert mart_of(outcome)["dims"] == [dim]
    assert [(j.table, j.on) for j in outcome.spec.source.mart.joins] == [("public.hubs", {key: "id"})]


def test_a_hub_with_no_role_is_still_asked(planners):
    outcome = planners["logistics"].plan("средний вес по хабу (город)")
    assert outcome.status == "needs_clarification"
    assert "origin_hub_id" in outcome.questions[0] and "dest_hub_id" in outcome.questions[0]


# --- A: an average of a «кол-во …» column; a Russian noun for an English key -----------------------------------


@pytest.mark.parametrize(
    "text, measures",
    [
        ("среднее кол-во остановок по курьерам по неделям маршрута", [("avg", "stops")]),
        (
            "сумма distance_km и среднее колво остановок по курьерам",
            [("avg", "stops"), ("sum", "distance_km")],
        ),
    ],
)
def test_an_average_of_a_slang_count_averages_the_column(planners, text, measures):
    assert mart_of(planners["logistics"].plan(text))["measures"] == measures


@pytest.mark.parametrize(
    "text, where",
    [
        ("посещаемость: сколько присутствовали по курсам понедельно", "present = true"),
        ("посещаемость: сколько не присутствовали по курсам помесячно", "present = false"),
    ],
)
def test_a_russian_noun_names_an_english_key_and_a_flag_verb_is_kept(planners, text, where):
    outcome = planners["univ"].plan(text)
    mart = mart_of(outcome)
    assert (mart["table"], mart["dims"]) == ("attendance", ["course_id"])
    assert mart_where(outcome) == where  # before: the verb's condition was dropped silently


# --- W: the two wrong-confident shapes -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, measures",
    [
        ("средний kwh по модели счетчика и району, телеметрия", [("avg", "kwh")]),
        ("максимальное напряжение по модели счётчика и району, телеметрия", [("max", "voltage")]),
    ],
)
def test_a_table_noun_after_a_dimension_comma_drops_no_dimension(planners, text, measures):
    mart = mart_of(planners["utility"].plan(text))
    assert (mart["table"], mart["measures"], mart["dims"]) == (
        "metering.telemetry",
        measures,
        ["district", "model"],
    )
    assert mart["joins"] == ["metering.meters", "public.subscribers"]


@pytest.mark.parametrize(
    "text, grain",
    [
        ("inspections by inspector, monthly by visit date", ("visited_on", "month")),
        (
            "inspections by inspector with broken seal (seal_ok = false), daily by visit date",
            ("visited_on", "day"),
        ),
    ],
)
def test_a_grouping_with_a_dated_grain_counts_rows(planners, text, grain):
    # README: a noun naming only its table counts rows; the grain's column named makes it no schedule
    mart = mart_of(planners["utility"].plan(text))
    assert (mart["table"], mart["measures"], mart["dims"], mart["grain"], mart["schedule"]) == (
        "ops.inspections",
        [("count", None)],
        ["inspector_id"],
        grain,
        None,
    )


def test_a_comment_phrase_alone_makes_a_mart(planners):
    # no measure word at all: the bracket spelling bytes_down's comment is the measure
    mart = mart_of(planners["univ"].plan("трафик (скачано байт) по точкам доступа"))
    assert (mart["table"], mart["measures"], mart["dims"]) == (
        "campus.wifi_sessions",
        [("sum", "bytes_down")],
        ["access_point"],
    )


@pytest.mark.parametrize(
    "text",
    ["число обходов по контролёрам, еженедельно по дате обхода", "сколько обходов по контролёрам помесячно"],
)
def test_a_table_noun_is_its_key_not_a_column_that_mentions_its_owner(planners, text):
    # 'Замечание контролёра' (note) only mentions the inspector: «по контролёрам» is inspector_id (before: note)
    mart = mart_of(planners["utility"].plan(text))
    assert (mart["table"], mart["dims"]) == ("ops.inspections", ["inspector_id"])


@pytest.mark.parametrize(
    "text, asked",
    [
        ("максимальное напряжение по модели района", True),  # «района» names district: never dropped
        ("средний kwh по модели района, телеметрия", True),
        ("максимальное напряжение по модели счётчика", False),  # the comment's own word ('Модель счётчика')
    ],
)
def test_a_qualifier_naming_another_column_is_asked_not_dropped(planners, text, asked):
    outcome = planners["utility"].plan(text)
    if asked:
        assert outcome.status == "needs_clarification"
        assert "модели района" in outcome.questions[0]
    else:
        assert mart_of(outcome)["dims"] == ["model"]
