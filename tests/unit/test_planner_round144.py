"""Listed states said in words the planner did not map (planner144, issue 15; blind batch 26a).

1. An English relative clause whose verb is an auxiliary before a listed value's participle: "that got fixed",
   "that were rejected", "that have been accepted already", negated "that haven't departed yet" / "that
   weren't approved", and two values joined by or/and ("that haven't been resolved or closed yet" ->
   NOT IN). Only "that are"/"that is" were read before.
2. Russian verbs of a listed state (VALUE_MEANINGS): «перенаправить» -> diverted, «расторгнуть» -> cancelled
   where the list has no 'terminated' (policies: draft, active, expired, cancelled).
3. «кроме уже принятых»: the adverb «уже» between the exception word and its participle is no word of its own.
4. "plus"/«плюс» joins two listed values of one column like and/и: "under renovation plus the closed ones" ->
   `status IN ('renovation', 'closed')` (was asked which of the two).
5. Trades said as Russian nouns (VALUE_MEANINGS: сварщик -> welder, каменщик -> mason, прораб -> foreman, …),
   also after the table's noun and a hyphen; such a «рабочих-каменщиков» before a mask list is the rows'
   noun, not an unread mask item (offline._unread_mask_item).
6. "with a refund" after such a clause ("tickets that were closed with a refund") is read as after the rows'
   noun: `refund_rub > 0` beside the state (was asked).
7. A participle no listed value reads stays asked; so does a request of a noun no table has and a period no
   cron holds («электромобили каждые 40 минут» was refused as no pipeline at all).

Requests of my own over airline, insurance, construction, library, autoservice and helpdesk, RU and EN.

First pass (at 40377dc, before the rules): 9 of 17 failed ("have been fixed", "haven't departed or arrived yet",
«перенаправленные», «расторгли», «кроме уже отклонённых» asked or wrong); the 8 others passed already.
Item 4 added after the first commit (b58da3a): 2 of 2 asked there; item 5 after dce0843: 4 of 4 failed
there (3 asked, «Рабочие, прорабы и электрики» planned with no condition); item 6 after
4fb505b: 3 of 3 asked; the two periods of item 7 after d4488f0: both refused.
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

PLANNED = [
    # 1. English auxiliaries before a listed participle
    ("construction", "Defects that were accepted, every 2 hours", "defects", "status = 'accepted'"),
    ("construction", "Defects that have been fixed already, daily at 5", "defects", "status = 'fixed'"),
    ("airline", "Flights that got diverted, every 10 minutes", "flights", "status = 'diverted'"),
    ("insurance", "Claims that were rejected, hourly", "claims", "status = 'rejected'"),
    ("construction", "Timesheets that weren't approved, every day at 7", "timesheets", "status <> 'approved'"),
    ("airline", "Flights that haven't departed or arrived yet, every 5 minutes", "flights",
     "status NOT IN ('departed', 'arrived')"),
    ("insurance", "Claims that have been approved or paid, daily at 9", "claims", "status IN ('approved', 'paid')"),
    # 2. Russian verbs of a listed state
    ("airline", "Перенаправленные рейсы ежедневно в 6", "flights", "status = 'diverted'"),
    ("airline", "Рейсы, которые перенаправили, каждый час", "flights", "status = 'diverted'"),
    ("airline", "Рейсы, кроме задержанных и перенаправленных, каждые 20 минут", "flights",
     "status NOT IN ('delayed', 'diverted')"),
    ("insurance", "Расторгнутые полисы каждый день в 3", "policies", "status = 'cancelled'"),
    ("insurance", "Полисы ОСАГО, которые расторгли, по пятницам в 10", "policies",
     "product = 'osago' AND status = 'cancelled'"),
    # 4. "plus" / «плюс» joins two listed values of one column (added after the first commit: both asked)
    ("library", "Branches under renovation plus the closed ones, daily at 6", "branches",
     "status IN ('renovation', 'closed')"),
    ("autoservice", "Станции на ремонте плюс закрытые, каждый час", "stations", "status IN ('renovation', 'closed')"),
    # 5. trades a workers table lists in English, said as a Russian noun after a hyphen («рабочих-каменщиков»),
    # and a mask list after it (added after the third commit: 4 of 4 failed there)
    ("construction", "Рабочих-каменщиков, телефон скрыть, ежедневно в 4", "workers", "trade = 'mason'"),
    ("construction", "Рабочих-крановщиков каждый день в 5", "workers", "trade = 'crane_operator'"),
    ("construction", "Рабочие, прорабы и электрики, ежедневно в 5", "workers", "trade IN ('foreman', 'electrician')"),
    ("construction", "Иностранных рабочих-электриков, СНИЛС спрятать, ежедневно", "workers",
     "is_foreign = true AND trade = 'electrician'"),
    # 6. "with <a nullable column>" after the clause's participle still qualifies the rows (added after the
    # fourth commit: 3 of 3 asked there)
    ("helpdesk", "Tickets that were closed with a refund, hourly", "tickets", "status = 5 AND refund_rub > 0"),
    ("helpdesk", "Tickets that got resolved with a refund, daily at 3", "tickets", "status = 4 AND refund_rub > 0"),
    ("helpdesk", "Complaints that were rejected with a compensation, hourly", "complaints",
     "status = 4 AND compensation_rub > 0"),
    # 3. «уже» inside an exception
    ("construction", "Табели, кроме уже отклонённых, ежедневно в 8", "timesheets", "status <> 'rejected'"),
    ("construction", "Критические дефекты, кроме уже принятых, каждый час", "defects",
     "severity = 'critical' AND status <> 'accepted'"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "request_text", "table", "where"), PLANNED)
def test_planned(catalog: str, request_text: str, table: str, where: str) -> None:
    spec = ok_spec(catalog, request_text)
    assert spec.source.table.endswith(table)
    assert spec.source.where == where


# A participle no listed value reads: asked, never planned without its condition.
ASKED = [
    ("airline", "Flights that got rerouted twice, every 10 minutes"),
    ("construction", "Defects that were reopened, every hour"),
    ("insurance", "Полисы, которые переоформили, ежедневно"),
    # a period no cron holds beside a word that names no table: a job still, asked (was refused as no
    # pipeline; added after the fifth commit: 2 of 2 rejected there)
    ("library", "Новинки каждые 25 минут"),
    ("library", "Bestsellers every 45 minutes"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "request_text"), ASKED)
def test_asked(catalog: str, request_text: str) -> None:
    outcome = plan_in(catalog, request_text)
    assert outcome.status == "needs_clarification", outcome.spec
