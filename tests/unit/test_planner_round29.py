"""Round 29: confident wrong plans and slow phrasings helpers found outside the eval, each asked again as a
family with requests of my own over several catalogs (none copied from an eval file), scored as the eval
scores a request (the whole plan with the README's defaults, or the status alone for a question).

1. a prepositional qualifier no rule reads («вне сети», «внутри сети», «вне смены», "outside the network")
   is asked, never dropped (the row-phrase residue check knew на/в/с/у/без but not вне/внутри/outside);
2. qualifiers of a mask item no column takes ("sender and recipient phones" on couriers, whose only phone
   is `phone`; «домашний и рабочий телефоны» on patients) are asked, never read as the one column;
3. a mask word closing the last item of a «только»/"only" column list masks that item only, not the list's
   other items («только id, amount, номер карты скрыть» masked amount);
4. CPU: "through the X or Y channels" (each «или»/"or" parsed both sides of the whole request) and «только
   те, у кого …» (each «только» read every comma item to the end of the request) grew quadratically;
5. smaller: weekdays each with its own «каждый»/"every" joined by «и»/"and" are one list; the head noun
   of a multi-word table name names it when no other table of the connection has that head ("tickets");
   a one-letter typo keeps the written consonants («курьерав» -> «курьеров», not «курьерам»); the Russian
   question for a mask pairing the table lacks agrees its words («домашний телефон»).

First pass (planner29 = main 62bc9d3, before any rule): 33 of 49 tests failed. Requests: 23 of 37 (RU 13 of
24, EN 10 of 13), 12 of them confident wrong plans (family 1: 7, family 2: 4, family 3: 1); typos 4 of 5; the
Russian pairing question 2 of 2 (one of them planned: «личную и рабочую почты» masked `email`); all 4
linearity tests (about 11x for 4x the text). Six requests of family 2 were added after its first rule (one
qualifier: "mask the sender phone" on couriers; 3 confident wrong plans on main, the 3 guards right), and
five of family 1 (a time or zone noun after «вне»/"outside", or the phrase beside a condition that was
read; 5 confident wrong plans on main) and one guard.
"""

from __future__ import annotations

from typing import Any

import pytest

from airflow_ai_etl.planning.offline import OfflinePlanner
from tests.planned import best_cpu_seconds, ok, plan_in, planner_of, wrong_of
from tests.unit.test_triggers_round16 import crm_catalog

ASK = {"status": "needs_clarification"}


# (family, language, catalog, request, expected)
CASES: list[tuple[str, str, str, str, dict[str, Any]]] = [
    # 1: a prepositional qualifier no rule reads is asked
    ("1", "ru", "telecom", "звонки вне домашней сети в кх каждый час", ASK),
    ("1", "ru", "telecom", "звонки внутри сети в клик ежедневно в 3 ночи", ASK),
    ("1", "ru", "logistics", "курьеров вне смены в клик ежедневно", ASK),
    ("1", "ru", "shop", "заказы вне акции в клик раз в сутки", ASK),
    ("1", "ru", "utility", "заявки вне очереди в клик ежечасно", ASK),
    ("1", "en", "telecom", "calls outside the home network to clickhouse daily", ASK),
    ("1", "en", "logistics", "couriers outside their shift to clickhouse hourly", ASK),
    # ... a time or zone noun after «вне»/"outside" is a condition too (added after the rule: planned on main)
    ("1", "ru", "shop", "заказы в клик ежедневно вне рабочего времени", ASK),
    ("1", "en", "shop", "orders to clickhouse daily outside business hours", ASK),
    ("1", "ru", "telecom", "звонки вне зоны покрытия в клик ежечасно", ASK),
    # ... and beside a condition that was read (added after the rule: planned on main without «вне сети»)
    ("1", "ru", "telecom", "звонки вне сети длительностью больше 60 секунд в клик ежедневно", ASK),
    ("1", "en", "telecom", "calls outside the home network longer than 60 seconds daily", ASK),
    ("1", "en", "telecom", "calls outside roaming longer than 60 seconds daily",
     ok(source__table="network.calls", schedule="0 0 * * *", source__where="is_roaming = false AND duration_sec > 60")),
    # ... and what the rules do read stays planned
    ("1", "ru", "telecom", "звонки вне роуминга в клик раз в сутки",
     ok(source__table="network.calls", schedule="0 0 * * *", source__where="is_roaming = false")),
    ("1", "ru", "logistics", "курьеров в клик ежедневно вне зависимости от статуса",
     ok(source__table="couriers", schedule="0 0 * * *")),
    ("1", "ru", "shop", "заказы в клик ежедневно в 5 утра по Москве",
     ok(source__table="orders", schedule="0 5 * * *", timezone="Europe/Moscow")),
    # 2: mask qualifiers no column takes are asked
    ("2", "en", "logistics", "couriers to clickhouse daily; hash sender and recipient phones", ASK),
    ("2", "ru", "logistics", "курьеров в кх ежедневно, телефоны отправителя и получателя скрыть", ASK),
    ("2", "ru", "clinic", "пациентов в клик ежедневно, домашний и рабочий телефоны замаскировать", ASK),
    ("2", "en", "hr", "employees to clickhouse daily, mask personal and work emails", ASK),
    ("2", "ru", "telecom", "абонентов в клик ежедневно, основной и резервный телефоны спрятать", ASK),
    # ... one qualifier pairing with the column's word into another table's column (added after the rule
    # above, found probing it: these masked `phone` on main too)
    ("2", "en", "logistics", "couriers daily; mask the sender phone", ASK),
    ("2", "ru", "logistics", "курьеров в клик ежедневно, телефон отправителя скрыть", ASK),
    ("2", "ru", "logistics", "курьеров в клик каждый час, телефон получателя захешировать", ASK),
    # ... the pairings a table has stay masked, and so do words of the table's own
    ("2", "ru", "shop", "клиентов в клик ежедневно, номер телефона скрыть",
     ok(source__table="customers", schedule="0 0 * * *", mask=["phone"])),
    ("2", "en", "logistics", "couriers daily; mask the courier phone",
     ok(source__table="couriers", schedule="0 0 * * *", mask=["phone"])),
    ("2", "ru", "logistics", "отправления в клик ежедневно, телефон получателя скрыть",
     ok(source__table="shipments", schedule="0 0 * * *", mask=["recipient_phone"])),
    ("2", "ru", "logistics", "отправления в клик ежедневно, телефоны отправителя и получателя скрыть",
     ok(source__table="shipments", schedule="0 0 * * *", mask=["sender_phone", "recipient_phone"])),
    ("2", "en", "logistics", "shipments daily; mask sender and recipient names",
     ok(source__table="shipments", schedule="0 0 * * *", mask=["sender_name", "recipient_name"])),
    ("2", "ru", "clinic", "пациентов в клик ежедневно, телефон и email замаскировать",
     ok(source__table="patients", schedule="0 0 * * *", mask=["phone", "email"])),
    # 3: a mask word closing the last item of an «только» list masks that item only
    ("3", "ru", "telecom", "платежи в клик ежечасно, только id, amount, номер карты скрыть",
     ok(source__table="billing.payments", schedule="0 * * * *", source__columns=["id", "amount", "card_number"],
        mask=["card_number"])),
    ("3", "ru", "clinic", "пациентов в клик ежедневно, только id, ФИО, снилс захешировать",
     ok(source__table="patients", schedule="0 0 * * *", source__columns=["id", "full_name", "snils"],
        mask=["snils"])),
    ("3", "ru", "hr", "сотрудников в клик каждый день, лишь id, email, паспорт замаскировать",
     ok(source__table="employees", schedule="0 0 * * *", source__columns=["id", "email", "passport_number"],
        mask=["passport_number"])),
    ("3", "en", "clinic", "patients to clickhouse daily, only id, full_name, snils hashed",
     ok(source__table="patients", schedule="0 0 * * *", source__columns=["id", "full_name", "snils"],
        mask=["snils"])),
    # ... a mask list after a row condition with «только» keeps every item
    ("3", "ru", "clinic", "пациентов в клик ежедневно, только новые по updated_at, телефон, email скрыть",
     ok(source__table="patients", schedule="0 0 * * *", source__incremental__column="updated_at",
        mask=["phone", "email"])),
    # 5: weekdays each with its own «каждый»/"every" joined by «и»/"and"
    ("5w", "ru", "shop", "заказы в клик каждый понедельник и каждую среду в 10",
     ok(source__table="orders", schedule="0 10 * * 1,3")),
    ("5w", "ru", "hr", "табели в клик каждую пятницу и каждое воскресенье в 7 утра",
     ok(source__table="timesheets", schedule="0 7 * * 0,5")),
    ("5w", "ru", "logistics", "хабы в клик в понедельник и во вторник в 6:30",
     ok(source__table="hubs", schedule="30 6 * * 1,2")),
    ("5w", "en", "univ", "courses to clickhouse every monday and every wednesday at 10",
     ok(source__table="courses", schedule="0 10 * * 1,3")),
    ("5w", "en", "telecom", "tariffs to clickhouse each tuesday and each friday at 8 am",
     ok(source__table="tariffs", schedule="0 8 * * 2,5")),
    # ... two weekdays with two times stay asked
    ("5w", "ru", "shop", "заказы в клик каждый понедельник в 9 и каждую среду в 10", ASK),
    ("5w", "en", "shop", "orders to clickhouse every monday at 9 and every wednesday at 10", ASK),
    # 5: the head noun of a multi-word table name, unique in its connection
    ("5t", "en", "telecom", "tickets to clickhouse hourly", ok(source__table="support_tickets", schedule="0 * * * *")),
    ("5t", "en", "univ", "loans to clickhouse daily", ok(source__table="library_loans", schedule="0 0 * * *")),
    ("5t", "en", "logistics", "load events to clickhouse every 5 minutes",
     ok(source__table="tracking_events", schedule="*/5 * * * *")),
    ("5t", "en", "hr", "events to clickhouse hourly", ok(source__table="badge_events", schedule="0 * * * *")),
    # 5: a typo keeps the written consonants (the table is found either way; the correction is said)
    ("5s", "ru", "logistics", "курьерав в клик ежедневно", ok(source__table="couriers", schedule="0 0 * * *")),
    ("5s", "ru", "telecom", "абонентав в клик ежедневно", ok(source__table="subscribers", schedule="0 0 * * *")),
    ("5s", "ru", "univ", "студентав в клик ежедневно", ok(source__table="students", schedule="0 0 * * *")),
]  # fmt: skip


@pytest.mark.parametrize(
    ("family", "lang", "catalog", "text", "expected"),
    [pytest.param(*c, id=f"{c[0]}-{c[1]}-{i}") for i, c in enumerate(CASES)],
)
def test_the_family_generalises(
    family: str, lang: str, catalog: str, text: str, expected: dict[str, Any]
) -> None:
    assert wrong_of(catalog, text, expected) == []


@pytest.mark.parametrize(
    ("catalog", "typo", "read"),
    [
        ("logistics", "курьерав", "курьеров"),
        ("telecom", "абонентав", "абонентов"),
        ("univ", "студентав", "студентов"),
        ("hr", "сотрудникав", "сотрудников"),
        ("shop", "продажы", "продажи"),  # the vowel was right before: the case the dictionary guesses
    ],
)
def test_a_typo_is_read_as_the_word_with_its_written_consonants(catalog: str, typo: str, read: str) -> None:
    speller = planner_of(catalog)._speller  # the planner's own: lexicon, glossary and the catalog's comments
    assert speller.correct(f"{typo} в клик ежедневно")[0] == f"{read} в клик ежедневно"


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("контакты в кх вручную, скрыть домашний и рабочий телефоны", "«домашний телефон»"),
        ("контакты в кх вручную, замаскировать личную и рабочую почты", "«личная почта»"),
    ],
)
def test_the_russian_question_for_a_missing_pairing_agrees_its_words(text: str, quoted: str) -> None:
    outcome = OfflinePlanner(crm_catalog()).plan(text)
    assert outcome.status == "needs_clarification"
    assert quoted in " ".join(outcome.questions), outcome.questions


def test_an_english_question_for_a_missing_pairing_quotes_the_words() -> None:
    outcome = OfflinePlanner(crm_catalog()).plan(
        "contacts into clickhouse on demand; mask home and work phones"
    )
    assert outcome.status == "needs_clarification"
    assert "home phones" in " ".join(outcome.questions), outcome.questions


# --- CPU: the phrasings stay linear in the request ----------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "head", "clause"),
    [
        ("telecom", "платежи в клик ежечасно, ", "paid through the terminal or app channels, "),
        ("utility", "оплаты в клик ежедневно, ", "через терминал или приложение, "),
        ("telecom", "абонентов в клик ежедневно, ", "только те, у кого status = 'active', "),
        ("shop", "orders to clickhouse daily, ", "only the ones where status = 'paid', "),
    ],
)
def test_a_long_repeated_request_stays_linear(catalog: str, head: str, clause: str) -> None:
    def cpu_seconds(repeats: int) -> float:
        return best_cpu_seconds(lambda: plan_in(catalog, head + clause * repeats))

    cpu_seconds(2)  # warm the lexer's caches
    small, large = cpu_seconds(20), cpu_seconds(80)
    # Four times the text: about 4x; quadratic would be 16x.
    assert large < 7 * small + 0.1, (small, large)
