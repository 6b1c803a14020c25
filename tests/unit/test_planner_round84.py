"""Round 84: yes/no flags and listed values said as adjectives, participle phrases or compounds; tables named by
their own comment; a negated state word two columns fit (issue 15).

1. A yes/no flag said by an adjective of its comment's adverb («круглосуточные» of 'Работает круглосуточно'), by
   the noun of its comment's prepositional phrase («по акции» of 'Продано по акции'), by the role noun of its
   comment glued to the table's noun («покупатели-пенсионеры» of 'Пенсионер (...)') or by a Russian word for a
   part of its name («курьеров-подрядчиков» of is_contractor): the flag, never dropped; a listed value said by a
   compound noun («электромобили»: fuel_type 'electric'; «электросчётчики»: resource 'electricity') likewise.
   A compound naming no flag or value («покупатели-оптовики», «газомобили» where no fuel is gas) is asked.
2. A table whose own comment is a compound another table's flag comment also says (sales.online_orders
   'Интернет-заказы …' beside pharmacies.has_pickup_point 'Есть пункт выдачи интернет-заказов') is no condition
   on the other table; a state word a flag of the table reads («оплаченные онлайн» of is_paid 'Оплачен онлайн')
   is that flag, not a value of a status column that lists none; a state no flag reads is still asked, a state
   adjective beside the table's noun too («интернет-заказы, собранные для выдачи»: which status value?).
3. A table named by its whole comment («Операции по счетам и картам», «доставки заказов курьерами») is that table,
   though its words also name other tables. A number in the clause of a masked list ("customers daily at 4 am
   with phone and email masked") names no column (pharmacy's card_last4 'Последние 4 цифры карты' made it one).
4. A negated state word («неоплаченные», "unpaid") on a table with a status listing the value and the event's own
   time column (rental.fines: status (issued, paid, ...) and paid_at) is asked: status <> 'paid', another status
   or paid_at IS NULL. The positive word keeps the status («оплаченные штрафы»), as the README has it.

Requests of my own over several catalogs, RU and EN.
First pass (at c255f3f, before the rules): 24 of 35 failed; the 11 that passed are the asks and readings that must
stay (compounds naming nothing, a status no flag reads, «оплаченные» as the status, bracketed explanations, no
is_vital in «перечень препаратов»).
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

FLAGS = [
    ("pharmacy", "круглосуточные аптеки каждый день в 6", "public.pharmacies", "is_round_the_clock = true"),
    ("pharmacy", "аптеки круглосуточные в хранилище по воскресеньям в 3", "public.pharmacies",
     "is_round_the_clock = true"),
    ("pharmacy", "строки чеков по акции в клик каждый час", "sales.receipt_lines", "is_promo = true"),
    ("pharmacy", "покупатели-пенсионеры в клик ежедневно в 7", "public.customers", "is_pensioner = true"),
    ("pharmacy", "покупателей-пенсионеров ежедневно в 7, телефон скрыть", "public.customers",
     "is_pensioner = true"),
    ("food", "курьеров-подрядчиков в клик каждый день в 5", "delivery.couriers", "is_contractor = true"),
    ("food", "курьеры-подрядчики ежедневно в 6", "delivery.couriers", "is_contractor = true"),
    ("carshare", "машины каршеринга, только электромобили, каждую ночь в 2", "fleet.cars", "fuel_type = 'electric'"),
    ("carshare", "все электромобили в автопарке ежедневно в 1", "fleet.cars", "fuel_type = 'electric'"),
    ("utility", "электросчётчики из приборов учёта ежедневно в 3", "metering.meters", "resource = 'electricity'"),
    ("pharmacy", "оплаченные онлайн интернет-заказы ежедневно в 4", "sales.online_orders", "is_paid = true"),
    ("pharmacy", "online orders that are paid hourly", "sales.online_orders", "is_paid = true"),
    ("pharmacy", "неоплаченные интернет-заказы каждый час", "sales.online_orders", "is_paid = false"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "table", "where"), FLAGS)
def test_flag_or_value_is_read(catalog: str, text: str, table: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert (spec.source.table, spec.source.where) in ((table, where), (table.split(".")[1], where))


ASKED = [
    ("pharmacy", "покупателей-оптовиков в клик ежедневно в 7", "оптовиков"),
    ("pharmacy", "аптеки-дискаунтеры в клик ежедневно", "дискаунтеры"),
    ("carshare", "газомобили в автопарке ежедневно в 2", "газомобили"),
    ("utility", "водосчётчики из приборов учёта ежедневно в 3", "водосчётчики"),
    ("pharmacy", "отменённые интернет-заказы ежедневно", "отменённые"),
    ("pharmacy", "интернет-заказы, собранные для выдачи, ежедневно в 9", "собранные"),
    ("carshare", "неоплаченные штрафы в хранилище ежедневно в 7", "неоплаченные"),
    ("carshare", "unpaid fines daily at 6", "unpaid"),
    ("univ", "неоплаченные платежи за обучение ежедневно в 8", "неоплаченные"),
]


@pytest.mark.parametrize(("catalog", "text", "quoted"), ASKED)
def test_unread_or_two_readings_is_asked(catalog: str, text: str, quoted: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification", outcome.spec
    assert quoted in " ".join(outcome.questions).lower()


TABLES = [
    ("pharmacy", "интернет-заказы ежедневно в 3", "sales.online_orders"),
    ("pharmacy", "интернет-заказы в клик каждые 10 минут, новые по created_at", "sales.online_orders"),
    ("bank", "операции по счетам и картам ежедневно в 2", "core.transactions"),
    ("food", "доставки заказов курьерами ежедневно в 2", "delivery.deliveries"),
    ("utility", "обходы и проверки счётчиков контролёрами каждый день в 4", "ops.inspections"),
    ("pharmacy", "перечень препаратов ежедневно в 6", "inventory.drugs"),  # no is_vital ('Входит в перечень')
]


@pytest.mark.parametrize(("catalog", "text", "table"), TABLES)
def test_table_named_by_its_comment(catalog: str, text: str, table: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.table in (table, table.split(".")[1])
    assert spec.source.where is None


KEPT = [
    ("carshare", "оплаченные штрафы ежедневно в 5", "status = 'paid'"),
    ("carshare", "неоплаченные штрафы (paid_at пустой) ежедневно в 5", "paid_at IS NULL"),
    ("carshare", "штрафы, только неоплаченные (status = issued), ежедневно", "status = 'issued'"),
    ("shop", "unpaid orders hourly", "status IS DISTINCT FROM 'paid'"),
    ("bank", "клиенты-резиденты ежедневно в 4", "is_resident = true"),
    ("pharmacy", "срочные поставки каждые 15 минут", "is_urgent = true"),
]


@pytest.mark.parametrize(("catalog", "text", "where"), KEPT)
def test_readings_kept(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


def test_masked_list_after_a_clock() -> None:
    """ "at 4 am with phone and email masked": the clock is the schedule's, the two columns are masked."""
    for catalog, text, columns in (
        ("pharmacy", "customers daily at 4 am with phone and email masked", ["phone", "email"]),
        ("pharmacy", "pharmacists every day at 5 am with phone and email masked", ["phone", "email"]),
    ):
        spec = ok_spec(catalog, text)
        masks = [c for t in spec.transforms if t.type == "mask" for c in t.columns]
        assert masks == columns
