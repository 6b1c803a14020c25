"""Round 130: the head noun names the table; a clause's noun, a register's qualifier, a bracket and a predicate
say which rows (issue 15, heldout 24a families 1, 3, 4, 5).

- The table is the head noun of the request (the object of the load verb, its first noun phrase). A noun in a
  relative clause («которые клиенты заблокировали», "where …"), after a passive "by" ("written by doctors")
  or before «из списка X» (the register X is the table) states a condition on those rows: its table is no
  candidate. When no rule reads the clause it is asked about, quoting it, never dropped.
- Table nouns said in everyday words: «перезвоны» ('Обратные звонки …'), "Miles accruals" (a kind one
  table lists beside a word of its name).
- Confident wrongs: «из чёрного списка» is 'blacklisted' when the status lists it, else asked; a bracketed
  listed value after a state phrase says the value («ещё не оплаченные (issued)» -> status = 'issued'); "with
  a balcony" naming nothing is asked; a bare window on a register of people or on a table with several NOT
  NULL event times is asked (README: as a mart's grain is).
- A state said as the clause's predicate: «которые действуют» (active), "that are still open".
- «почту и телефон для связи замаскируй»: the contact columns masked, no channel values read from them.

Requests of my own over several catalogs, RU and EN (none copied from the eval).
First pass (the rules of 6dc27cd, main before this round): 23 of 32 failed.
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

ASK = "needs_clarification"


def _asked(catalog: str, text: str) -> str:
    outcome = plan_in(catalog, text)
    assert outcome.status == ASK, outcome.spec
    return " ".join(outcome.questions)


# (catalog, request, the table asked about, the words quoted): the table found, the condition asked
CLAUSE_ASKED = [
    ("bank", "Карты, которые клиенты заблокировали, ежедневно в 5", "core.cards", "которые клиенты заблокировали"),
    ("shop", "Заказы, которые клиенты отменили, каждый день в 6", "orders", "которые клиенты отменили"),
    ("clinic", "Prescriptions written by doctors every hour", "prescriptions", "by doctors"),
    ("hr", "Vacations requested by employees daily at 9", "vacations", "by employees"),
    ("hr", "Руководителей из списка сотрудников каждый день в 8", "employees", "Руководителей"),
    ("hr", "Managers from the employees list daily at 8", "employees", "Managers"),
    ("construction", "Аренду техники, которая сейчас на площадке, каждый час", "equipment_rentals",
     "которая сейчас на площадке"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "table", "quoted"), CLAUSE_ASKED)
def test_a_clause_noun_is_a_condition_not_the_table(catalog: str, text: str, table: str, quoted: str) -> None:
    question = _asked(catalog, text)
    assert table in question and quoted in question
    assert "Какую таблицу" not in question and "Which table" not in question


# (catalog, request, table, where): the head noun's table, its condition read
HEAD_READ = [
    ("construction", "Аренду техники, которая сейчас на объекте (on_site), каждые два часа",
     "supply.equipment_rentals", "status = 'on_site'"),
    ("helpdesk", "все перезвоны в клик каждый час", "voice.callbacks", None),
    ("helpdesk", "перезвоны клиентам раз в сутки в 8", "voice.callbacks", None),
    ("airline", "Miles accruals daily at 5", "loyalty.miles_transactions", "operation = 'accrual'"),
    ("airline", "начисления миль ежедневно в 5", "loyalty.miles_transactions", "operation = 'accrual'"),
    # family 1: a state the register's words name, a bracketed listed value
    ("construction", "подрядчиков в чёрном списке ежедневно в 5:30", "projects.contractors",
     "status = 'blacklisted'"),
    ("construction", "выгрузи подрядчиков из чёрного списка каждый день в 4", "projects.contractors",
     "status = 'blacklisted'"),
    ("carshare", "Штрафы, ещё не оплаченные (disputed), ежедневно в 9", "rental.fines", "status = 'disputed'"),
    # family 4: the state said as the clause's predicate
    ("insurance", "Полисы ОСАГО, которые действуют, ежедневно в 3", "underwriting.policies",
     "product = 'osago' AND status = 'active'"),
    ("carshare", "Service jobs for washing that are still open, hourly", "fleet.service_jobs",
     "job_type = 'washing' AND status = 'open'"),
    ("construction", "Defects that are still open, daily at 7", "projects.defects", "status = 'open'"),
]  # fmt: skip


def _conditions(where: str | None) -> set[str]:
    return set(where.split(" AND ")) if where else set()


@pytest.mark.parametrize(("catalog", "text", "table", "where"), HEAD_READ)
def test_the_head_noun_names_the_table(catalog: str, text: str, table: str, where: str | None) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.table == table
    assert _conditions(spec.source.where) == _conditions(where)


# family 1: words that say which rows and that no rule reads are asked, quoting them
QUALIFIER_ASKED = [
    ("hr", "сотрудников из чёрного списка ежедневно в 5", "из чёрного списка"),
    ("hotel", "Load hotel rooms with a balcony every day at 6", "with a balcony"),
    ("carshare", "cars with a panoramic roof daily at 5", "with a panoramic roof"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "quoted"), QUALIFIER_ASKED)
def test_an_unread_qualifier_is_asked(catalog: str, text: str, quoted: str) -> None:
    assert quoted in _asked(catalog, text)


# family 1: a bare window on a register of people or on several NOT NULL event times is asked
WINDOW_ASKED = [
    ("clinic", "Пациентов за последние две недели каждый день в 7"),
    ("hotel", "guests from the last 30 days daily at 6"),
    ("hotel", "reservations from the last two weeks daily at 10"),
    ("bank", "Клиентов за последние пять дней ежедневно в 8"),
]


@pytest.mark.parametrize(("catalog", "text"), WINDOW_ASKED)
def test_a_window_with_no_one_event_time_is_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == ASK


# what stays as it was: the event named, a table with one event time, an option after "with"
UNCHANGED = [
    ("bank", "Клиентов, зарегистрированных за последние 10 дней, каждое утро в 9", "clients",
     "registered_at >= now() - interval '10 days'", []),
    ("shop", "заказы за последние 7 дней каждый день в 6", "orders", "created_at >= now() - interval '7 days'", []),
    ("hotel", "Load rooms with the smoking flag every day at 6", "booking.rooms", "is_smoking = true", []),
    ("shop", "orders with a total over 100 daily at 5", "orders", "total > 100", []),
    ("shop", "customers daily at 5 with the email masked", "customers", None, ["email"]),
    # a bracket agreeing with a negated state keeps the negation
    ("carshare", "штрафы, кроме оплаченных (paid), ежедневно в 6", "rental.fines", "status <> 'paid'", []),
    # family 5: the contact columns, masked; their words are no channel values
    ("helpdesk", "Заявки раз в час, замаскируй почту и телефон для связи", "support.tickets", None,
     ["contact_email", "contact_phone"]),
    ("helpdesk", "Обращения каждые 15 минут, телефон и почту для связи скрыть", "support.tickets", None,
     ["contact_email", "contact_phone"]),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "table", "where", "masked"), UNCHANGED)
def test_what_was_read_stays(
    catalog: str, text: str, table: str, where: str | None, masked: list[str]
) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.table == table
    assert _conditions(spec.source.where) == _conditions(where)
    assert sorted(c for t in spec.transforms if t.type == "mask" for c in t.columns) == masked
