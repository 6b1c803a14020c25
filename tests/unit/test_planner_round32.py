"""Round 32: the confident wrong plans the probe (test_planner_probe32.py) found, each asked again as a family with
requests of my own over several catalogs (none copied from the probe or an eval file), scored as the eval scores
a request (the whole plan with the README's defaults, or the status alone for a question).

1. a negation fused into the flag word («неархивные тарифы», «клиентов-нерезидентов», «нельготники») is the flag
   false, and an exception of it («кроме нерезидентов») the flag true (dropped before: every row loaded);
2. a copula between the negation and the flag («не являющихся резидентами», "outside of roaming") keeps the
   negation (dropped, or the flag read true); a comment of one noun and an abbreviation ('Резидент РФ') names
   the rows as a one-noun comment does («клиенты не резиденты»);
3. an unread word offered by «или»/"or" before a listed value («наличными или картой», "in cash or by card") is
   asked, as one after it was (the value alone was loaded);
4. words after a dedupe cue's «по»/"by" that name no column («дедуп по номеру счёта») are asked (every column
   was the key, keeping the duplicates); «по всем полям»/"on all columns" stays every column;
5. a compound whose tail names a table («автокредиты», «потребкредиты») beside another table across «и» is a
   second load, asked (the other table alone was loaded).

6. «кроме X»/«за исключением X» with X one listed status value keeps the other rows (was asked as a column to
   leave out); «за исключением» is an exception word; a state no rule reads after one («кроме украденных») is
   asked (every row was loaded);
7. a Cyrillic abbreviation of a listed code («СБП», «сбп» = sbp) is that value (the condition was dropped);
8. an unread word after «через»/"via" on a table with one channel column («через госуслуги», "via paypal") is
   asked (every channel was loaded);
9. Russian words for listed codes: «банкоматы» = atm, «онлайн», «автокредиты» = auto, «потерянные» = lost,
   «просроченные» = expired where a status lists it, «заменённые» = replaced, «электричество».

First pass (every request run against the unchanged planner, 1bbc401 = main 81dde69 + the probe): 36 of 54
failed, 29 of them confident wrong plans (7 needless questions); family 6's and 1's last guards were added while
fixing and planned wrong on main too.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.planned import ok, wrong_of

ASK = {"status": "needs_clarification"}
D = "0 0 * * *"

# (family, language, catalog, request, expected)
CASES: list[tuple[str, str, str, str, dict[str, Any]]] = [
    # 1: a fused negation
    ("1", "ru", "telecom", "тарифы неархивные грузить в кх раз в сутки",
     ok(source__table="tariffs", schedule=D, source__where="is_archived = false")),
    ("1", "ru", "telecom", "нероуминговые звонки в клик ежедневно",
     ok(source__table="network.calls", schedule=D, source__where="is_roaming = false")),
    ("1", "ru", "bank", "клиентов-нерезидентов перелить в клик ежедневно",
     ok(source__table="clients", schedule=D, source__where="is_resident = false")),
    ("1", "ru", "bank", "клиенты, кроме нерезидентов, в клик ежедневно",
     ok(source__table="clients", schedule=D, source__where="is_resident = true")),
    ("1", "ru", "utility", "абоненты-нельготники в клик ежедневно",
     ok(source__table="subscribers", schedule=D, source__where="is_privileged = false")),
    ("1", "ru", "utility", "нельготных абонентов в клик ежедневно",
     ok(source__table="subscribers", schedule=D, source__where="is_privileged = false")),
    ("1", "ru", "bank", "вклады непополняемые в клик ежедневно",
     ok(source__table="core.deposits", schedule=D, source__where="is_replenishable = false")),
    # ... an adjective of the role noun's root (added while fixing: no condition at all on main)
    ("1", "ru", "utility", "льготных абонентов в клик ежедневно",
     ok(source__table="subscribers", schedule=D, source__where="is_privileged = true")),
    ("1", "ru", "utility", "абонентов, кроме льготных, в клик ежедневно",
     ok(source__table="subscribers", schedule=D, source__where="is_privileged = false")),
    ("1", "ru", "telecom", "архивные тарифы в клик ежедневно",
     ok(source__table="tariffs", schedule=D, source__where="is_archived = true")),
    ("1", "ru", "bank", "клиенты-резиденты в клик ежедневно",
     ok(source__table="clients", schedule=D, source__where="is_resident = true")),
    # 2: a copula or "of" between the negation and the flag; a one-noun comment with an abbreviation
    ("2", "ru", "bank", "клиенты, не являющиеся резидентами РФ, в клик ежедневно",
     ok(source__table="clients", schedule=D, source__where="is_resident = false")),
    ("2", "ru", "bank", "клиенты, являющиеся резидентами, в клик ежедневно",
     ok(source__table="clients", schedule=D, source__where="is_resident = true")),
    ("2", "ru", "utility", "абоненты, не являющиеся льготниками, в клик ежедневно",
     ok(source__table="subscribers", schedule=D, source__where="is_privileged = false")),
    ("2", "ru", "bank", "клиенты не резиденты в клик ежедневно",
     ok(source__table="clients", schedule=D, source__where="is_resident = false")),
    ("2", "ru", "bank", "только резидентов из клиентов в клик ежедневно",
     ok(source__table="clients", schedule=D, source__where="is_resident = true")),
    ("2", "en", "telecom", "load calls made outside of roaming daily",
     ok(source__table="network.calls", schedule=D, source__where="is_roaming = false")),
    ("2", "en", "telecom", "tariffs that are not archived to clickhouse daily",
     ok(source__table="tariffs", schedule=D, source__where="is_archived = false")),
    # 3: an unread alternative before the listed value
    ("3", "ru", "utility", "оплаты наличкой или через банк в клик ежедневно", ASK),
    ("3", "ru", "telecom", "платежи криптой или картой в клик каждый час", ASK),
    ("3", "en", "utility", "payments in cash or by card, daily", ASK),
    ("3", "en", "telecom", "payments by cheque or by card to clickhouse daily", ASK),
    ("3", "ru", "utility", "оплаты почтой или через терминал в клик ежедневно",
     ok(source__table="billing.payments", schedule=D, source__where="channel IN ('post', 'terminal')")),
    ("3", "ru", "telecom", "платежи картой или через терминал в клик ежедневно",
     ok(source__table="billing.payments", schedule=D, source__where="channel IN ('card', 'terminal')")),
    # 4: unread dedupe keys are asked
    ("4", "ru", "bank", "карты в клик ежедневно, дедуп по номеру пластика", ASK),
    ("4", "ru", "logistics", "отправления без дублей по трек-номеру в клик ежедневно", ASK),
    ("4", "en", "shop", "customers to clickhouse daily, dedupe by loyalty card", ASK),
    ("4", "ru", "shop", "клиенты в клик ежедневно, без дублей по всем полям",
     ok(source__table="customers", schedule=D,
        dedupe=["id", "full_name", "email", "phone", "snils", "birth_date", "city", "created_at", "updated_at"])),
    ("4", "ru", "hr", "кандидаты в клик ежедневно, убрать дубли по email",
     ok(source__table="candidates", schedule=D, dedupe=["email"])),
    ("4", "ru", "clinic", "пациенты в клик ежедневно без дублей",
     ok(source__table="patients", schedule=D,
        dedupe=["id", "full_name", "birth_date", "gender", "phone", "email", "snils", "passport_number", "address",
                "registered_at", "updated_at"])),
    # 5: a compound naming a table's kind beside another table
    ("5", "ru", "bank", "потребкредиты и карты в клик ежедневно", ASK),
    ("5", "ru", "bank", "счета и автокредиты в клик ежедневно", ASK),
    ("5", "ru", "bank", "вклады и клиенты в клик ежедневно", ASK),
    ("5", "ru", "bank", "вклады в клик ежедневно", ok(source__table="core.deposits", schedule=D)),
    ("5", "ru", "bank", "кредиты и платежи по ним в клик ежедневно", ASK),
    # 6: «кроме X»/«за исключением X» with X one listed status value: the other rows, no column left out
    ("6", "ru", "telecom", "сим-карты, за исключением заменённых, в клик ежедневно",
     ok(source__table="sim_cards", schedule=D, source__where="status <> 'replaced'")),
    ("6", "ru", "univ", "записи на дисциплины, кроме завершённых (status completed), в клик ежедневно",
     ok(source__table="enrollments", schedule=D, source__where="status IS DISTINCT FROM 'completed'")),
    ("6", "ru", "bank", "вклады кроме закрытых грузить в клик по понедельникам",
     ok(source__table="core.deposits", schedule="0 0 * * 1", source__where="status <> 'closed'")),
    ("6", "ru", "telecom", "тарифы, за исключением архивных, в клик раз в сутки",
     ok(source__table="tariffs", schedule=D, source__where="is_archived = false")),
    # status 'closed' beside closed_at: the listed value (planner85's convention; asked before)
    ("6", "ru", "bank", "счета, кроме закрытых, в клик ежедневно",
     ok(source__table="core.accounts", schedule="0 0 * * *", source__where="status <> 'closed'")),
    # ... a state no rule reads after the exception word is asked (added while fixing: every row on main)
    ("6", "ru", "telecom", "сим-карты, кроме украденных, в клик ежедневно", ASK),
    ("6", "ru", "logistics", "отправления за исключением повреждённых в клик ежедневно", ASK),
    ("6", "ru", "bank", "карты без перевыпущенных в клик ежедневно", ASK),
    ("6", "ru", "hr", "табели в клик без выходных, каждый день в 6",
     ok(source__table="timesheets", schedule="0 6 * * *")),  # a schedule's words, no rows
    # 7: a Cyrillic abbreviation of a listed code
    ("7", "ru", "bank", "операции через СБП в клик каждые полчаса",
     ok(source__table="core.transactions", schedule="*/30 * * * *", source__where="channel = 'sbp'")),
    ("7", "ru", "telecom", "пополнения через сбп или терминал в клик ежедневно",
     ok(source__table="billing.payments", schedule=D, source__where="channel IN ('sbp', 'terminal')")),
    # 8: an unread channel after «через»/"via" is asked, never every channel
    ("8", "ru", "bank", "операции через госуслуги в клик ежедневно", ASK),
    ("8", "ru", "utility", "оплаты через вайлдберриз в клик каждый час", ASK),
    ("8", "en", "telecom", "payments via paypal to clickhouse daily", ASK),
    ("8", "ru", "hr", "проходы через турникеты в клик каждый час",
     ok(source__table="badge_events", schedule="0 * * * *")),
    # 9: Russian words for listed codes
    ("9", "ru", "bank", "операции через банкоматы в клик ежедневно",
     ok(source__table="core.transactions", schedule=D, source__where="channel = 'atm'")),
    ("9", "ru", "bank", "просроченные карты в клик ежедневно",
     ok(source__table="core.cards", schedule=D, source__where="status = 'expired'")),
    ("9", "ru", "telecom", "потерянные сим-карты в клик ежедневно",
     ok(source__table="sim_cards", schedule=D, source__where="status = 'lost'")),
    ("9", "ru", "utility", "начисления просроченные в клик ежедневно",
     ok(source__table="billing.charges", schedule=D, source__where="status = 'overdue'")),
]  # fmt: skip


@pytest.mark.parametrize(
    ("family", "lang", "catalog", "text", "expected"),
    [pytest.param(*c, id=f"{c[0]}-{c[1]}-{i}") for i, c in enumerate(CASES)],
)
def test_the_family_is_read_or_asked(
    family: str, lang: str, catalog: str, text: str, expected: dict[str, Any]
) -> None:
    assert wrong_of(catalog, text, expected) == []


def test_a_fused_negation_before_from_the_table_is_the_flag() -> None:
    expected = ok(source__table="clients", schedule=D, source__where="is_resident = false")
    assert wrong_of("bank", "нерезидентов из клиентов в клик ежедневно", expected) == []
