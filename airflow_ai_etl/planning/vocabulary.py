"""Words the offline planner understands: stemming, the business glossary, engine and intent words.

Russian and English words are reduced to Snowball stems so that every case form of a noun
("продажи", "продаж", "продажах") meets the same glossary entry. The glossary maps business
nouns to the English words table and column names are made of; users extend it with a JSON
file named by AIRFLOW__AI_ETL__GLOSSARY ({"english_name_part": ["synonym", ...]}).
"""

from __future__ import annotations

import functools
import json
import logging
import os
import re
from collections.abc import Callable

import snowballstemmer

from airflow_ai_etl.planning.lexer import Token, analyse

log = logging.getLogger(__name__)

WORD = re.compile(r"[a-zа-яё0-9_]+(?:\.[a-zа-яё_][a-zа-яё0-9_]*)?", re.IGNORECASE)
CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)

# English name part -> Russian and English synonyms (any word form).
BUILTIN_GLOSSARY: dict[str, list[str]] = {
    # shop / retail
    "sale": ["продажа", "продажи", "реализация", "выручка", "sold", "selling", "revenue", "gmv"],
    "order": ["заказ", "заказы", "покупка", "purchase"],
    "customer": ["клиент", "покупатель", "заказчик", "client", "buyer"],
    "client": ["клиент"],
    # planner157: "with an overall rating of 5" of rating 'Общая оценка от 1 до 5'
    "overall": ["общий"],
    "bank": ["банк", "банковский"],
    # "Library events" of circ.events 'Мероприятия библиотек': the domain's word, whose rows they are
    "library": ["библиотека", "библиотечный"],
    "wallet": ["кошелек", "кошелёк"],
    "grain": ["зерно"],  # marts117: "Grain contract volume" of 'Договоры продажи зерна'
    "product": ["товар", "продукт", "продукция", "номенклатура", "item", "goods", "sku"],
    "payment": ["платеж", "платёж", "оплата", "транзакция", "transaction"],
    # «транзакции» of a bank's transactions table too, as "transactions" is; "operations" as its comment
    # 'Операции по счетам и картам' says (marts87)
    "transaction": ["транзакция", "operation"],
    "event": ["событие", "ивент", "clickstream", "кликстрим"],
    "user": ["пользователь", "юзер", "учетка", "аккаунт", "account"],
    # «аккаунты» of a table named accounts (crm.accounts 'Клиенты (аккаунты водителей)'): the loanword
    # stands for either English name, as "account" already stands for users
    "account": ["аккаунт", "учетка"],
    # "warehouse" itself stays an engine word ("the warehouse" names the analytics connection,
    # ENGINE_WORDS); only the Russian "склад" is taught, so "по складу" reaches a warehouse column.
    "inventory": ["остаток", "остатки", "запас", "склад", "stock"],
    "warehouse": ["склад", "складской"],
    "lead": ["лид", "заявка"],
    "employee": ["сотрудник", "работник", "персонал", "staff"],
    "invoice": ["счет", "счёт", "счет-фактура", "bill"],
    "debt": ["долг", "задолженность", "arrears", "должник", "debtor"],  # «должники»: rows of the debts
    # an account's balance: «баланс», «сальдо» say what a comment calls «остаток» ('Остаток на счёте')
    "balance": ["баланс", "сальдо", "остаток"],
    "shipment": ["отгрузка"],  # «доставка» / "delivery" is a process: shipments, routes and tracking fit
    "supplier": ["поставщик", "vendor"],
    # planner135: «Материалы» of supply.materials; 'Поставки материалов' only modify their own noun
    "material": ["материал"],
    "category": ["категория"],
    # marts101: «акционные позиции» of is_promo 'Продано по акции': the promotion's adjective names the flag
    "promo": ["акция", "акционный"],
    "region": ["регион", "область"],
    "project": ["проект"],
    "city": ["город"],
    # clinic / HR
    "patient": ["пациент"],
    "doctor": ["врач", "доктор", "physician"],
    "vet": ["ветеринар", "ветврач", "veterinarian"],  # vets 'Ветеринарные врачи' (planner100)
    "visit": ["визит", "прием", "приём", "посещение", "осмотр"],
    # care.treatments 'Процедуры, выполненные на приёме': "procedure revenue", «процедуры» (marts94)
    "treatment": ["процедура", "procedure"],
    # EV charging: "charging" says what 'Зарядные станции', 'Сессии зарядки', 'Тарифы на зарядку' say
    "charging": ["зарядка", "зарядный"],
    "appointment": ["запись", "booking", "бронирование"],
    # a hotel's or a venue's booking: «бронь/брони» is the everyday clipping of «бронирование»
    "reservation": ["бронирование", "бронь", "booking"],
    # an airline's or a shop's booking (sales.bookings 'Бронирования'): the same two words (planner51)
    "booking": ["бронирование", "бронь"],
    "diagnosis": ["диагноз"],
    "prescription": ["рецепт", "назначение", "medication"],
    "clinic": ["клиника", "больница"],
    "pet": ["питомец"],  # «питомцы» of the vet's pets 'Животные (пациенты клиник)' (planner98)
    # "shots"/"jabs" of the vet's vaccinations 'Прививки животных', as «прививки» is (marts87)
    "vaccination": ["прививка", "вакцинация", "shot", "jab"],
    "lab": ["лаборатория", "лабораторный", "анализ"],
    "result": ["результат"],
    "bed": ["койка", "коечный", "койко"],
    "ward": ["палата"],  # «апсерт по палате» of beds.ward (marts' DIM_WORDS knew it; loads' keys did not)
    "department": ["отдел", "отделение", "подразделение"],
    "specialty": ["специальность", "специализация", "speciality"],
    "duration": ["длительность", "продолжительность"],
    "drug": ["препарат", "лекарство", "medicine"],
    "insurance": ["страховка", "страхование", "полис"],
    "policy": ["полис"],
    "salary": ["зарплата", "оклад"],
    # column words
    "email": ["почта", "емейл", "имейл", "e-mail", "mail", "электронная"],
    "phone": ["телефон", "номер телефона", "mobile", "telephone"],
    # planner130: «почта и телефон для связи» of contact_email, contact_phone ('Контактный телефон')
    "contact": ["контакт", "контактный", "связь"],
    "card": ["карта", "карточка"],
    "number": ["номер"],
    "no": ["номер"],  # «по номеру койки» of bed_no, «номер договора» of contract_no: the short part of a name
    "name": ["имя", "название", "наименование", "фио"],
    "full": ["полный", "фио"],
    "birth": ["рождение", "рождения", "дата рождения"],
    "passport": ["паспорт"],
    # a payment or a loan past its date: "without delay" of overdue_days, "with a delay" of is_late; «с
    # опозданием» says the same as «с задержкой»
    "overdue": ["delay", "delayed", "задержка", "опоздание"],
    "late": ["delay", "delayed", "overdue", "задержка", "опоздание"],
    "address": ["адрес"],
    "date": ["дата", "день"],
    "day": ["день", "сутки"],  # «дольше 14 дней» of a column `days` (planner22)
    "lesson": ["занятие", "урок"],
    "amount": ["сумма", "total"],
    "total": ["итог", "итого", "сумма"],
    "price": ["цена", "стоимость", "cost"],
    "quantity": ["количество", "qty", "кол-во"],
    "qty": ["количество", "quantity"],
    "status": ["статус", "состояние", "state"],
    # planner126: a state column named `state` (construction's deliveries) is named by «статус» and "status"
    # too («поставки со статусом delivered»), as a `status` column is by «состояние»
    "state": ["статус", "состояние", "status"],
    "created": ["создан", "создания", "созданный"],
    "updated": ["изменен", "обновлен", "изменения", "обновления", "modified", "changed"],
    "snils": ["снилс"],
    "inn": ["инн"],
    "login": ["логин"],
    "source": ["источник"],
    "type": ["тип"],
    "paid": ["оплачен", "оплаченный", "оплаченные"],
    "route": ["маршрут", "маршрутный", "рейс"],
    "courier": ["курьер"],
    "vehicle": ["машина", "автомобиль", "транспорт", "грузовик"],
    # marts107: «по машинам» of fuel_logs.machine_id ('Техника'): a farm's machines are «машины» too
    "machine": ["машина", "техника"],
    "fuel": ["топливо", "бензин", "топливный"],
    "item": ["позиция"],  # «позиции заказов» of order_items ('Позиции заказов (состав заказа)')
    "return": ["возврат"],
    "stage": ["этап", "стадия"],
    "vacancy": ["вакансия"],
    "sender": ["отправитель"],
    "recipient": ["получатель"],
    "weight": ["вес"],
    # planner140: «отделения на третьем этаже» of floor, «хабы вместимостью больше тысячи» of capacity
    "floor": ["этаж"],
    "capacity": ["вместимость"],
    "liters": ["литр", "литры"],  # «больше 40 литров» of a liters column
    "distance": ["расстояние", "пробег", "длина"],
    "fired": ["уволен", "уволенный", "увольнение"],
    # planner152: dismissed_on 'Дата увольнения' (vet's vets) is the same event as fired_on: «которых ещё не
    # уволили»
    "dismissed": ["уволен", "уволенный", "увольнение"],
    "died": ["умерший", "умерших", "умер", "смерть"],  # «без умерших» of died_on 'Дата смерти' (marts110)
    "registered": ["зарегистрирован", "зарегистрированный", "регистрация"],
    "registration": ["регистрация"],  # «регистрации на мероприятия» of event_registrations (planner116)
    "hired": ["нанят", "нанятый", "найм", "прием на работу"],
    # «подавших заявку», «подали резюме» (подать, stem пода): the application's time
    "applied": ["отклик", "откликнулся", "откликнувшийся", "откликнувшихся", "application", "подать"],
    # the verbs of a period's start and end: «отпуска, которые начинаются после ...» -> starts_on
    "starts": ["начинаться", "начало", "begin", "begins", "started"],
    "ends": ["заканчиваться", "кончаться", "окончание", "конец", "finish"],
    # the time of a meter's reading: «по часам измерения», «по дням замера» -> measured_at ('Час замера')
    "measured": ["измерение", "замер", "измерить", "замерить", "measurement"],
    # "из магазина", "из базы магазина": the shop's database when a connection is described so
    "shop": ["магазин", "интернет-магазин"],
    "report": ["отчет", "отчёт", "отчетность", "отчётность", "отчетный", "reporting", "bi"],
    # column words a table may carry without a comment («с причиной damaged», «по каналу web»)
    "reason": ["причина"],
    "channel": ["канал"],
    "group": ["группа"],
    "building": ["корпус", "здание"],
    "room": ["комната"],
    "code": ["код"],
    "score": ["балл"],
    "currency": ["валюта"],
    "period": ["период"],
    # academic titles a teachers' comment lists in Russian ('Учёное звание (доцент, профессор)'): "the title
    # professor" names the listed value, not nothing
    "professor": ["профессор"],
    "docent": ["доцент"],
}

# English terms of two words that name one thing a Russian comment lists under its own word: "associate
# professor" is «доцент», not «профессор» (planner67: the modifier was dropped and the other title loaded).
# The planner writes each as its one-word English synonym before the rules read the request.
# marts117: "state of charge" is a battery's SOC, the word a column name uses (start_soc, end_soc)
COMPOUND_TERMS_EN: dict[str, str] = {
    "associate professor": "docent", "full professor": "professor", "state of charge": "soc",
}  # fmt: skip
_COMPOUND_TERM = re.compile(
    r"\b(" + "|".join(re.escape(t) for t in COMPOUND_TERMS_EN) + r")(s?)\b", re.IGNORECASE
)


# English phrasal verbs of a state whose one-word participle a column lists: "aircraft put in storage" are
# the 'stored' ones (planner150: the phrase was an unread "put", and alone it was dropped). Written as the
# participle before the rules read the request, as the compound terms above are.
PHRASAL_STATES_EN: dict[str, str] = {
    "put in storage": "stored", "put into storage": "stored", "placed in storage": "stored",
    "placed into storage": "stored", "moved to storage": "stored", "moved into storage": "stored",
}  # fmt: skip
_PHRASAL_STATE = re.compile(
    r"\b(" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in PHRASAL_STATES_EN) + r")\b", re.IGNORECASE
)


def one_word_terms(text: str) -> str:
    """`text` with each English compound term written as its one-word synonym ("associate professors" ->
    "docents"), and each phrasal verb of a state as its participle ("put in storage" -> "stored")."""
    text = _COMPOUND_TERM.sub(lambda m: COMPOUND_TERMS_EN[m.group(1).lower()] + m.group(2), text)
    return _PHRASAL_STATE.sub(lambda m: PHRASAL_STATES_EN[" ".join(m.group(1).lower().split())], text)


# English jargon for a business event that table names rarely carry but Russian table comments say
# ("top-up" of 'Платежи абонентов (пополнение баланса)', "refuelings" of 'Заправки по топливным картам'):
# English word -> the Russian nouns a comment would use. A word names a table only where one table's comment
# has such a noun (the mart's grounding), so "top-up" over 'Оплаты абонентов' names nothing and is asked.
COMMENT_JARGON_EN: dict[str, tuple[str, ...]] = {
    "top-up": ("пополнение",), "topup": ("пополнение",), "recharge": ("пополнение",),
    "refill": ("пополнение", "заправка"), "refuel": ("заправка",), "refueling": ("заправка",),
    "refuelling": ("заправка",), "fill-up": ("заправка",), "fillup": ("заправка",),
    "accrual": ("начисление",), "write-off": ("списание",), "writeoff": ("списание",),
    "turnstile": ("турникет",), "payout": ("выплата",), "procedure": ("процедура",),
    # planner151: "parcels" of 'Отправления (посылки)', "dishes" of 'Позиции меню (блюда и напитки)'
    "parcel": ("посылка",), "dish": ("блюдо",),
}  # fmt: skip


@functools.cache
def _comment_jargon() -> dict[str, frozenset[str]]:
    return {
        stem(word.replace("-", "")): frozenset(stem(ru) for ru in nouns)
        for word, nouns in COMMENT_JARGON_EN.items()
    }


def comment_jargon(word: str) -> frozenset[str]:
    """Stems of the Russian comment nouns an English jargon word stands for ("top-ups" -> пополнен)."""
    return _comment_jargon().get(stem(word.replace("-", "")), frozenset())


# English jargon for a state a listed code or a flag's name says in plainer words: "storno charges" are the
# reversed or refunded ones (is_refunded 'Начисление сторнировано'); English word -> the codes or name parts.
STATE_JARGON_EN: dict[str, tuple[str, ...]] = {
    "storno": ("reversed", "refunded"), "stornoed": ("reversed", "refunded"),
    "stornos": ("reversed", "refunded"),
    # planner121: "24-hour pharmacies" of is_round_the_clock ('Работает круглосуточно')
    "24-hour": ("round", "clock"), "24-hours": ("round", "clock"), "around-the-clock": ("round", "clock"),
    # planner160: "hotels that are still operating" of is_active 'Отель работает', "clubs still operating" of
    # is_open 'Клуб работает': a place at work
    "operating": ("active", "open"), "operational": ("active", "open"),
}  # fmt: skip

# planner134: English words -> lemmas of the Russian words a coded meaning is written in ('Результат: 3 —
# сброшен клиентом', 'Роль: 2 — специалист второй линии'), so an English request reads a meaning no English
# code lists: "calls the customer hung up on", "second-line specialists", "complaints under review". A meaning
# is read only when the request's words cover all its words (planning/english_meanings.py); the value lexicon
# read backwards (VALUE_MEANINGS: "cancelled" -> отменить) and the glossary's Russian synonyms ("customer" ->
# клиент) add theirs.
MEANING_WORDS_EN: dict[str, tuple[str, ...]] = {
    # events of a call, a request or an appeal
    "hang": ("сбросить",), "hung": ("сбросить",), "miss": ("пропустить",), "missed": ("пропустить",),
    # planner150: "calls the customer dropped", "dropped by the caller": 'сброшен клиентом'
    "drop": ("сбросить",), "dropped": ("сбросить",), "caller": ("клиент",),
    "answer": ("ответить",), "answered": ("ответить",), "transfer": ("перевести",),
    "transferred": ("перевести",), "uphold": ("удовлетворить",), "upheld": ("удовлетворить",),
    "granted": ("удовлетворить",), "review": ("рассмотрение", "проверка"), "new": ("новый",),
    "response": ("ответ",), "reply": ("ответ",), "resolution": ("решение",),
    # marts113: said with a negation for 'не дозвонились' ("couldn't get through", "customer not reached")
    "through": ("дозвониться",), "reach": ("дозвониться",), "reached": ("дозвониться",),
    # planner157: "planned callbacks" of 'Статус: 1 — запланирован'
    "planned": ("запланировать",), "scheduled": ("запланировать",),
    # parties and roles
    "customer": ("клиент",), "client": ("клиент",), "passenger": ("пассажир",), "rider": ("пассажир",),
    "agent": ("агент",), "system": ("система",), "dispatcher": ("диспетчер",), "operator": ("оператор",),
    "specialist": ("специалист",), "trainee": ("стажер",), "intern": ("стажер",), "mentor": ("наставник",),
    "senior": ("старший",), "lead": ("старший", "руководитель"), "head": ("руководитель",),
    "supervisor": ("руководитель",), "manager": ("руководитель",), "team": ("группа",),
    "group": ("группа",), "shift": ("смена",), "line": ("линия",), "class": ("класс",),
    "first": ("первый",), "second": ("второй",), "third": ("третий",), "fourth": ("четвертый",),
    # an NPS answer's segments
    "promoter": ("промоутер",), "detractor": ("критик",), "critic": ("критик",), "passive": ("нейтрал",),
    "neutral": ("нейтрал",),
}  # fmt: skip

# planner157: English words -> the lemma of the noun a flag's negated bracket names ('Самозанятый (не в
# штате)', 'Доступно для заказа (не в стоп-листе)'): "couriers on staff", "dishes on the stop list" say the
# flag does not hold. Its own table, not MEANING_WORDS_EN: "customer" (клиент) must not read 'Внутренний
# комментарий (не виден клиенту)'.
NEGATED_STATE_WORDS_EN: dict[str, tuple[str, ...]] = {
    "staff": ("штат",), "stop": ("стоп-лист",), "stoplist": ("стоп-лист",), "stop-list": ("стоп-лист",),
}  # fmt: skip

# English phrases of an adverb of manner a flag's comment qualifies its verb by ('Работает круглосуточно' of
# is_24h, whose name spells no English word): phrase -> the stem of the Russian adverb (planner137)
MANNER_PHRASES_EN: dict[str, str] = {
    "round the clock": "круглосуточн", "around the clock": "круглосуточн", "24/7": "круглосуточн",
    "24 hours a day": "круглосуточн", "24 hours": "круглосуточн", "all day and night": "круглосуточн",
}  # fmt: skip

# "successful ones only", "the failed one": English pronouns standing for the rows' own noun.
ROW_PRONOUNS_EN = frozenset({"ones", "one"})
# "the non-original ones": the prefix the hyphen splits off the kind word of "the <word> ones" negates it
ONES_WORD_NEGATIONS = frozenset({"non"})

# Russian lemmas of a business, a body or a service -> the English words a connection's description names it
# by ('Delivery service database', 'Cinema chain …', 'University records database'): «службы доставки»,
# «кино», «университета» say which database, not which rows (planning/content.py, planner87)
DOMAIN_MEANINGS = {
    "служба": ("service",), "сервис": ("service",), "доставка": ("delivery",), "логистика": ("logistics",),
    "кино": ("cinema", "movie"), "кинотеатр": ("cinema",), "киносеть": ("cinema",),
    "университет": ("university",), "вуз": ("university",), "универ": ("university",),
    "авиакомпания": ("airline",), "аптека": ("pharmacy",), "банк": ("bank",), "клиника": ("clinic",),
    "больница": ("clinic", "hospital"), "поликлиника": ("clinic",), "отель": ("hotel",),
    "гостиница": ("hotel",), "ресторан": ("restaurant",), "фитнес": ("fitness",),
    "каршеринг": ("car-sharing",),
    "страхование": ("insurance",), "страховщик": ("insurance", "insurer"), "магазин": ("shop",),
    "оператор": ("operator",), "сеть": ("chain", "network"), "зарядка": ("charging",),
    # planner127: the domain said as an adjective before a generic noun («библиотечные данные», «аптечная
    # информация»): the whole database's data, no one table
    "библиотека": ("library",), "библиотечный": ("library",), "аптечный": ("pharmacy",),
    "гостиничный": ("hotel",), "ресторанный": ("restaurant",), "банковский": ("bank",),
    "страховой": ("insurance",), "университетский": ("university",), "вузовский": ("university",),
    "кинотеатральный": ("cinema",), "логистический": ("logistics",), "авиационный": ("airline",),
}  # fmt: skip

# First parts of Russian compound nouns whose second part is a whole noun of its own («автокредит»,
# «автострахование»): the compound names what that noun names (compound_head).
_COMPOUND_HEAD_PREFIXES = ("авто", "мото", "вело", "фото", "видео", "электро", "агро", "медиа", "авиа")


def compound_head(lemma: str) -> str | None:
    """The noun after a compounding prefix («автокредит» -> «кредит»), of five letters or more, else None."""
    for prefix in _COMPOUND_HEAD_PREFIXES:
        if lemma.startswith(prefix) and len(lemma) - len(prefix) >= 5:
            return lemma[len(prefix) :]
    return None


# planner122: Russian lemmas whose listed code a word means only in the locative («в ремонте», «на ремонте»:
# 'Статус техники: working, repair, …'), never «заявки на ремонт», «ремонты машин» (the rows' own noun)
# planner128: «заказ-наряды в работе» ('(open, in_progress, waiting_parts, …)'), «техника в работе»
# ('working'); planner129: «заявки в работе», the meaning 'в работе' a status code's comment gives
LOCATIVE_VALUE_MEANINGS = {
    "ремонт": ("repair", "in_repair", "renovation"), "работа": ("in_progress", "progress", "working"),
    # planner135: «техника в простое» ('Статус техники: working, repair, idle, …'), as «которая простаивает»;
    # only after «в»/«на»: «простая выгрузка» is the adjective, no state
    "простой": ("idle",),
    # planner140: «клиники на ремонте» ('(open, renovation, closed)'), «машины в резерве» ('(available,
    # reserved, …)'), «хозяйства на консервации» ('active, conserved, sold'): the state a place is said in
    "резерв": ("reserved",), "консервация": ("conserved", "mothballed"),
}  # fmt: skip

# planner152: a state verb's fixed complement, the noun after its preposition (verb lemma -> noun lemmas):
# «выведенные из эксплуатации» is the state the participle's VALUE_MEANINGS say (decommissioned), and
# «эксплуатации» after «из» is no place to ask about
STATE_VERB_COMPLEMENTS = {"вывести": frozenset({"эксплуатация"})}

# Russian lemmas -> English words a listed code is made of: «в пути» -> in_transit, «в рублях» -> RUB.
VALUE_MEANINGS = {
    # planner168: «заказы в пути» of a delivery status (…, ready, delivering, delivered): on its way
    "путь": ("transit", "delivering"),
    "рубль": ("rub", "rur"), "доллар": ("usd",), "евро": ("eur",), "фунт": ("gbp",),
    # planner121: «рублёвые счета», «долларовые контракты»: the currency's adjective
    "рублевый": ("rub", "rur"), "рублёвый": ("rub", "rur"), "долларовый": ("usd",), "юаневый": ("cny",),
    # planner121: audiences an event comment lists ('Аудитория (kids, teens, adults, seniors, all)'):
    # «мероприятия для детей», «для пенсионеров», «для подростков»
    "подросток": ("teens", "teenagers"), "подростковый": ("teens", "teenagers"), "взрослый": ("adults",),
    "пенсионер": ("seniors",), "пожилой": ("seniors", "elderly"),
    # planner121: «распроданные сеансы» ('Статус сеанса (..., sold_out, ...)'); «кроме больничных» of a
    # shift's or an absence's status ('Статус смены: scheduled, worked, absent, sick')
    "распродать": ("sold_out", "sold"), "распроданный": ("sold_out", "sold"), "больничный": ("sick",),
    "юань": ("cny",), "тенге": ("kzt",), "архив": ("archived", "archive"), "обработка": ("processing",),
    "ожидание": ("pending", "waiting"), "черновик": ("draft",), "академический": ("academic",),
    "социальный": ("social",), "президентский": ("presidential",), "выпускник": ("graduated",),
    "подрядчик": ("contractor",),  # «курьеры-подрядчики» of is_contractor (planner84)
    # planner140: «жалобы на грубость» ('Причина: rudeness, slow_response, …')
    "грубость": ("rudeness",), "грубый": ("rudeness",),
    # planner127: positions a people table lists in English ('Должность: operator, agronomist, driver,
    # mechanic, laborer'): «механизаторов и водителей» is position IN ('operator', 'driver')
    "механизатор": ("operator",), "водитель": ("driver",), "агроном": ("agronomist",),
    "механик": ("mechanic",), "разнорабочий": ("laborer", "labourer"),
    # planner152: a library's staff roles ('Должность (librarian, senior_librarian, manager, technician)')
    "библиотекарь": ("librarian",),
    # planner144: trades a workers table lists in English ('Специальность': foreman, mason, welder, …):
    # «рабочих-сварщиков», «каменщиков и электриков»
    "сварщик": ("welder",), "каменщик": ("mason",), "электрик": ("electrician",), "прораб": ("foreman",),
    "бригадир": ("foreman",), "крановщик": ("crane_operator",), "электромонтажник": ("electrician",),
    "выпуститься": ("graduated",), "выпустить": ("graduated",),
    "отпуск": ("leave",), "академ": ("academic", "leave"),  # «в академе»: academic leave in students' slang
    "аварийный": ("emergency",), "плановый": ("planned", "scheduled"),
    # event verbs a time column's name says in English (marts72): «счётчиков поставили» ~ installed_on,
    # «машин ввели в парк» ~ added_on
    "поставить": ("installed",), "установить": ("installed",), "ввести": ("added",),
    "просроченный": ("overdue", "expired"), "просрочить": ("overdue", "expired"),
    "приложение": ("app", "application"), "сайт": ("website", "site", "web"), "агрегатор": ("aggregator",),
    # states a status comment lists in English ('Статус (open, frozen, closed)'): «закрытые», «замороженные»
    "закрытый": ("closed",), "открытый": ("open",), "заморозить": ("frozen",), "заблокировать": ("blocked",),
    "отклонить": ("rejected", "declined"), "решить": ("resolved",),
    # planner49: «завершённые» are 'completed'/'finished' rows, or the ones whose ended_at/finished_at is set
    "завершить": ("completed", "finished", "ended"),
    # planner140: «которые уже завершились» (the reflexive verb of the rows' own end), «офисы, которые
    # переезжают» ('(open, relocating, closed)'): a relative clause's verb said as the state's verb
    "завершиться": ("completed", "finished", "ended"), "закончиться": ("completed", "finished", "ended"),
    "переезжать": ("relocating", "moving"),
    # planner144: «рейсы, кроме отменённых и перенаправленных» ('Статус рейса (…, cancelled, diverted)')
    "перенаправить": ("diverted", "redirected"), "перенаправленный": ("diverted", "redirected"),
    "выполнить": ("done",),
    # channels a payment comment lists ('Канал оплаты (bank, card, post, terminal)'): «через почту» = post
    "почта": ("post", "mail"), "ипотека": ("mortgage",),
    "касса": ("cashier", "cash_desk", "box_office", "box"),  # a cinema's box office too
    "наличные": ("cash",), "наличка": ("cash",), "успешный": ("success", "successful", "succeeded"),
    # states said in everyday words ('Статус (draft, active, expired, cancelled)'): «действующие» = active,
    # «ушедшие абоненты» = churned
    "действующий": ("active",), "ушедший": ("churned",), "уйти": ("churned",),
    # planner130: «полисы, которые сейчас действуют»: the verb of «действующие», said in the clause
    "действовать": ("active",),
    # planner130: «подрядчики из чёрного списка», «в чёрном списке» ('blacklisted' of a CHECK list)
    "черный": ("blacklisted", "blacklist"),
    # marts64: «только публичные» of is_public ('Опубликован на сайте', 'Общедоступная станция')
    "публичный": ("public",), "общедоступный": ("public",),
    # planner32: channels, kinds and states the bank, utility and logistics comments list in English
    "банкомат": ("atm",), "онлайн": ("online",), "автокредит": ("auto",), "ипотечный": ("mortgage",),
    "офлайн": ("offline",),  # «станции в офлайне», «офлайн-станции» ('Статус станции (active, offline, ...)')
    "потребительский": ("consumer",), "электричество": ("electricity",), "электроэнергия": ("electricity",),
    # planner149: «газовые счётчики» ('Ресурс (electricity, cold_water, hot_water, gas)'), as «счётчики газа»
    "газовый": ("gas",),
    # planner162: «счётчики горячей воды» ('Ресурс (electricity, cold_water, hot_water, gas)'): the adjective
    # names one code by its first part; «воды» alone is either water code (asked)
    "горячий": ("hot",), "холодный": ("cold",), "вода": ("water",),
    "потерять": ("lost",), "потерянный": ("lost",), "потеряться": ("lost",), "истечь": ("expired",),
    "заменить": ("replaced",), "заменённый": ("replaced",), "замененный": ("replaced",),
    # planner36: directions a call comment lists ('Направление (incoming, outgoing)'): «звонки исходящие»
    "входящий": ("incoming", "inbound"), "исходящий": ("outgoing", "outbound"),
    # planner37: «аннулированные полисы» = cancelled; «отменённые» too, so «кроме отменённых и черновиков» is
    # one list of listed values (NOT IN), not a state word beside a value
    "аннулировать": ("cancelled", "canceled"), "аннулированный": ("cancelled", "canceled"),
    "отменить": ("cancelled", "canceled"), "отменённый": ("cancelled", "canceled"),
    "отмененный": ("cancelled", "canceled"),
    # planner40: «отклонённые операции» are 'declined' where a status lists that word instead of 'rejected';
    # «неуспешные и возвращённые платежи» = failed, refunded ('Статус (success, failed, refunded)')
    "отклонённый": ("rejected", "declined"), "отклоненный": ("rejected", "declined"),
    "неуспешный": ("failed",), "неудачный": ("failed",), "возвращённый": ("refunded", "returned"),
    "возвращенный": ("refunded", "returned"), "возвратить": ("refunded", "returned"),
    # 23a: «билеты, которые вернули» = refunded; «экземпляры, которые повреждены» = damaged
    "вернуть": ("refunded", "returned"), "повредить": ("damaged",), "повреждённый": ("damaged",),
    "поврежденный": ("damaged",),
    # planner152: «экземпляры, которые утеряны» as «потеряны»; «убранные посевы», «которые уже убраны»
    # ('Статус посева: …, harvested'): the harvest's verb; «выведенные из эксплуатации» ('(active, …,
    # decommissioned)', 'retired' of a fleet): the participle of the phrase whose complement
    # OUT_OF_SERVICE_NOUNS reads; «картой или переводом» ('Способ оплаты (cash, card, transfer)')
    "утерять": ("lost",), "утерянный": ("lost",), "убрать": ("harvested",), "убранный": ("harvested",),
    "вывести": ("decommissioned", "retired"), "выведенный": ("decommissioned", "retired"),
    "перевод": ("transfer", "bank_transfer"),
    # «платежи, возвраты не нужны» ('Статус платежа (pending, succeeded, failed, refunded)'): the noun of
    # the refunded rows (planner67); a table named «Возвраты» is named by it first
    "возврат": ("refunded",),
    # marts79: «сторно», «сторнированные» ('Начисление сторнировано', is_refunded; 'Статус (…, reversed)'):
    # a charge reversed by the accountant's word
    "сторно": ("reversed", "refunded"), "сторнировать": ("reversed", "refunded"),
    "сторнированный": ("reversed", "refunded"),
    # «только посещённые» записи ('Статус записи (booked, attended, cancelled, no_show)')
    "посетить": ("attended", "visited"), "посещённый": ("attended", "visited"),
    "посещенный": ("attended", "visited"),
    # planner103: «неявки на занятия» ('Статус записи (booked, attended, cancelled, no_show)'): the noun of
    # the rows whose client did not come
    "неявка": ("no_show", "noshow", "no-show"),
    # marts106: «незаезды» of a hotel's bookings ('Статус брони (…, cancelled, no_show)'): the guest who did
    # not check in, the hotel's word for a no-show («отменённые и незаезды не берём»)
    "незаезд": ("no_show", "noshow", "no-show"),
    # insurance kinds said in Cyrillic ('Вид страхования (osago, kasko, ...)')
    "каско": ("kasko",), "осаго": ("osago",),
    # planner110: topics a comment lists in English ('Тема (meter_replacement, complaint, recalculation,
    # connection)'): «заявки на подключение», «жалобы» are those topics' Russian words («перерасчёт» is left
    # asked: tests/unit/test_planner_round18.py expects it asked)
    "подключение": ("connection",), "жалоба": ("complaint",),
    # planner119: a contract's states ('Статус договора: draft, signed, in_progress, fulfilled, terminated'):
    # «кроме черновиков и расторгнутых» is one list of two listed values (NOT IN)
    # planner122: a listing's state ('Статус объявления (active, reserved, sold, rented, withdrawn)'):
    # «снятые с публикации» («проданные» is left out: «проданных штук» of a sales mart is every row sold)
    "снять": ("withdrawn", "unpublished"), "снятый": ("withdrawn", "unpublished"),
    # marts112, planner144: a policy's status lists 'cancelled' beside cancelled_at 'Дата расторжения'
    # («расторгнутые не берём», «полисы, которые расторгли»): the contract's word for a cancelled one where no
    # status lists 'terminated'
    "расторгнуть": ("terminated", "cancelled", "canceled"),
    "расторгнутый": ("terminated", "cancelled", "canceled"),
    "подписать": ("signed",),
    "подписанный": ("signed",),
    # «жизненно важные препараты» of is_vital ('Входит в перечень ЖНВЛП'): the flag's English name
    "важный": ("vital",),
    # roles a client-type comment lists ('Тип клиента (buyer, seller, tenant, landlord)'):
    # «клиенты-арендодатели» are the landlord clients (planner119)
    "арендодатель": ("landlord",), "арендатор": ("tenant",), "покупатель": ("buyer",),
    "продавец": ("seller",),
    # planner46: kinds said by their Russian adjective or noun with no bracketed gloss: «кредитные карты»
    # ('Тип карты (debit, credit)'), «убытки по угонам» ('Тип события (accident, theft, fire, ...)'), «номера
    # люкс» ('Категория номера (standard, superior, suite, family)'), «вип-клиенты» ('VIP-клиент', is_vip)
    "кредитный": ("credit",), "дебетовый": ("debit",), "угон": ("theft",), "кража": ("theft",),
    "пожар": ("fire",), "возгорание": ("fire",), "наводнение": ("flood",), "потоп": ("flood",),
    "затопление": ("flood",), "болезнь": ("illness",), "заболевание": ("illness",), "дтп": ("accident",),
    "авария": ("accident",), "люкс": ("suite",), "вип": ("vip",),
    # planner50: kinds a fleet, a fine, a room or a policy comment lists in English ('Класс машины (economy,
    # comfort, business, cargo)', 'Тип топлива (petrol, diesel, electric, hybrid)', 'Вид штрафа (speeding,
    # parking, damage, smoking, fuel)', 'Категория номера (... family)', 'Вид страхования (... life, travel)')
    "грузовой": ("cargo",), "гибридный": ("hybrid",), "гибрид": ("hybrid",), "электрический": ("electric",),
    "дизельный": ("diesel",), "дизель": ("diesel",), "бензиновый": ("petrol", "gasoline"),
    "бензин": ("petrol", "gasoline"), "семейный": ("family",), "курение": ("smoking",),
    "повреждение": ("damage",), "аэропорт": ("airport",), "мойка": ("washing",), "стирка": ("laundry",),
    "минибар": ("minibar",), "путешествие": ("travel",), "имущество": ("property",),
    # planner47: «парковка» is a kind the carshare comments list ('Вид штрафа (..., parking, ...)') and the
    # noun of a table's name ('Зоны парковки ...': "parking zones" names the table, no zone_type filter)
    "парковка": ("parking",),
    # planner163: «начисления за спа и прачечную» ('Вид начисления (room, minibar, restaurant, spa, parking,
    # laundry)'): the laundry by its place, and «спа» (indeclinable) spelled in Cyrillic
    "прачечная": ("laundry",), "спа": ("spa",),
    # planner164: «мойка или шины» ('Вид работ (washing, tires, repair, inspection, refuel)'): a tyre job by
    # the tyres it is done on; «шиномонтаж» names the same work
    "шина": ("tires", "tyres"), "шиномонтаж": ("tires", "tyres"),
    # planner49: «оспоренные штрафы» ('Статус штрафа (issued, paid, disputed, cancelled)')
    "оспорить": ("disputed",), "оспоренный": ("disputed",),
    # planner52: «договоры страхования жизни / здоровья» ('Вид страхования (..., life, travel, health)')
    "жизнь": ("life",), "здоровье": ("health",),
    # marts39: carshare states ('Статус поездки (booked, active, finished, …)'): «завершённые поездки»
    "оспариваемый": ("disputed",), "завершённый": ("finished", "completed"),
    "спорный": ("disputed",),  # marts105: «спорные поездки исключить», «кроме спорных»
    "завершенный": ("finished", "completed"),
    # planner54: classes a fare or a car comment lists ('Класс обслуживания (economy, comfort, business)'),
    # said as the Russian noun or the first part of a compound («эконом-класса», «бизнес класса»); sale
    # channels ('Канал продажи (website, app, agency, call_center)'); kinds of clients ('(person, company)')
    "эконом": ("economy",), "бизнес": ("business",), "комфорт": ("comfort",), "премиум": ("premium",),
    "агентство": ("agency",), "юрлицо": ("company", "legal", "corporate"),
    "физлицо": ("person", "individual", "private"),
    # planner56: states a reservation, a fleet or a room comment lists in English ('Статус брони (pending,
    # confirmed, ...)', 'Состояние машины (available, ...)'): «подтверждённые брони», «только доступные»
    "подтвердить": ("confirmed",), "подтверждённый": ("confirmed",), "подтвержденный": ("confirmed",),
    "доступный": ("available",), "свободный": ("available",), "занятый": ("occupied",),
    "задержать": ("delayed",), "задержанный": ("delayed",),
    # marts129: «рейсы, которые задержались», «задержавшиеся рейсы»: the reflexive verb says the same state
    "задержаться": ("delayed",), "задержавшийся": ("delayed",),
    # planner64: «штрафы за превышение скорости» ('Вид штрафа (speeding, parking, ...)')
    "превышение": ("speeding",),
    # planner66: «платежи в рассрочку» ('Способ оплаты (card, cash, sbp, installment)')
    "рассрочка": ("installment",),
    # planner75: tiers and segments said by their Russian adjective ('Уровень программы лояльности (basic,
    # silver, gold)', 'Сегмент (mass, premium, private)'): «гостей золотого уровня», «премиального сегмента»
    "золотой": ("gold",), "серебряный": ("silver",), "платиновый": ("platinum",), "бронзовый": ("bronze",),
    "премиальный": ("premium",), "массовый": ("mass",), "базовый": ("basic",),
    # means of transport a courier comment lists ('Транспорт (foot, bike, scooter, car)'): «курьеры на
    # машинах», «пешие курьеры»; a kind of order ('Тип заказа (delivery, pickup, dine_in)'): «на самовывоз»
    "машина": ("car",), "автомобиль": ("car",), "велосипед": ("bike", "bicycle"), "самокат": ("scooter",),
    "пеший": ("foot",), "мотоцикл": ("motorbike", "motorcycle"), "самовывоз": ("pickup",),
    # planner80: the rider said by an agent noun, alone or in a compound («курьеры-велосипедисты»)
    "велосипедист": ("bike", "bicycle"), "самокатчик": ("scooter",), "пешеход": ("foot",),
    "мотоциклист": ("motorbike", "motorcycle"), "автомобилист": ("car",),
    # states a status comment lists in English: «отчисленные студенты» ('(studying, ..., expelled, ...)'),
    # «принятые заказы», «готовые заказы», «прибывшие рейсы», «неисправные коннекторы» ('faulted'); «принятые
    # поставки» of '(ordered, in_transit, received, rejected)' (marts129): goods taken in are received
    "отчислить": ("expelled",), "отчисленный": ("expelled",), "принять": ("accepted", "received"),
    "принятый": ("accepted", "received"), "готовый": ("ready",), "прибыть": ("arrived",),
    "прибывший": ("arrived",),
    "неисправный": ("faulted", "faulty"),
    # what a has_ column's English name says a row has ('Есть противоугонная система' of has_alarm):
    # «машины без сигнализации»
    "сигнализация": ("alarm",),
    # planner79: kinds a menu or a trainer comment lists in English ('Категория (pizza, rolls, ..., drinks)',
    # 'Специализация (gym, yoga, pilates, ...)'): «напитки из меню», «пиццу», «тренеров йоги»
    "пицца": ("pizza",), "ролл": ("rolls", "roll"), "бургер": ("burgers", "burger"),
    "салат": ("salads", "salad"), "суп": ("soups", "soup"), "напиток": ("drinks", "drink"),
    "десерт": ("desserts", "dessert"),
    "йога": ("yoga",), "пилатес": ("pilates",), "кроссфит": ("crossfit",), "плавание": ("swimming",),
    "бокс": ("boxing",), "сайклинг": ("cycling",), "зумба": ("zumba",), "растяжка": ("stretching",),
    "стретчинг": ("stretching",), "аквааэробика": ("aqua",),
    # planner82: states a status comment lists in English, said by the verb of the process or its noun:
    # «сессии, которые были прерваны» ('(started, charging, completed, interrupted, failed)'), «списанные
    # кредиты» (written_off), «станции на обслуживании» (maintenance), «убытки на рассмотрении» (in_review)
    "прервать": ("interrupted",), "прерванный": ("interrupted",), "прерваться": ("interrupted",),
    "прерваный": ("interrupted",),
    # marts117: an event that took place («показы, которые состоялись», «только состоявшиеся приёмы») is the
    # done/completed state a status lists; a shift «отработанная» is 'worked' ('Статус смены: ..., worked')
    "состояться": ("done", "completed", "held"), "состоявшийся": ("done", "completed", "held"),
    "отработать": ("worked",), "отработанный": ("worked",),
    # a reason a comment lists ('Причина остановки (user, full, error)'): «остановленные из-за ошибки»
    "ошибка": ("error",),
    "списать": ("written_off", "written", "redemption"),
    "списанный": ("written_off", "written", "redemption"),
    "обслуживание": ("maintenance", "service"),
    "техобслуживание": ("maintenance", "service"),
    "рассмотрение": ("in_review", "review"),
    # an imperfective verb of a clause says the process still going («заказы, которые сейчас готовятся /
    # доставляются», «номера, которые убираются», «рейсы, которые задерживаются»); the perfective says its end
    "готовиться": ("cooking", "preparing"), "доставляться": ("delivering", "in_delivery"),
    "убираться": ("cleaning",), "убирать": ("cleaning",), "уборка": ("cleaning",),
    "задерживаться": ("delayed",),
    "временно": ("temporarily",),
    # marts73: a student's state said by its participle ('Статус (studying, academic_leave, …)'): «только
    # обучающиеся»; an operation a miles comment lists ('Тип операции (accrual, redemption, expiration, …)'):
    # «списанные мили» (a write-off is «списать» above, redemption there); «сгоревшие мили» is left out:
    # expires_on dates that state too, so it is asked
    # marts90: the operation's noun ('Тип операции (accrual, redemption, …)'): «только начисления», «списания»
    "начисление": ("accrual",),
    # marts104: the participles of those operations and of a claim's payout, said of the rows in a title
    # («Начисленные мили: …» 'Тип операции (accrual, …)', «Выплаченные убытки: …» 'Статус (…, paid)')
    "начислить": ("accrual",), "начисленный": ("accrual",), "выплатить": ("paid",), "выплаченный": ("paid",),
    # q113: a money movement's direction ('Направление (debit, credit)'): «сумма списаний / зачислений»
    "списание": ("redemption", "written_off", "write_off", "debit"), "зачисление": ("credit",),
    "обучаться": ("studying",), "обучающийся": ("studying",), "учиться": ("studying",),
    "учащийся": ("studying",),
    # planner89: levels a priority comment lists ('Приоритет (low, normal, high)'): «с высоким приоритетом»;
    # dosage forms a drug comment lists ('Лекарственная форма (tablets, syrup, ...)'): «в форме сиропа»; how
    # a client came ('Источник привлечения (website, referral, ...)'): «по рекомендации»
    "высокий": ("high",), "низкий": ("low",), "критический": ("critical",), "срочный": ("urgent",),
    # planner133: parts of the day a kind column lists in English ('Тип смены: day, night, weekend'), said by
    # the adjective before the rows' noun: «ночные смены», «дневные смены» (filters.ADJECTIVE_VALUES reads
    # the same adjectives as a genitive qualifier, «смены ночного типа»)
    "ночной": ("night",), "дневной": ("day",),
    "сироп": ("syrup",), "таблетка": ("tablets", "tablet"), "капсула": ("capsules", "capsule"),
    "мазь": ("ointment",), "капля": ("drops",), "спрей": ("spray",), "инъекция": ("injection",),
    "укол": ("injection",), "рекомендация": ("referral",), "рекомендовать": ("referral",),
    # planner97: kinds of animals and of films a comment lists in English ('Вид животного (cat, dog, bird,
    # rodent, reptile)', 'Жанр (drama, comedy, action, horror, animation, documentary)'), said as the Russian
    # noun that heads the rows: «котов из таблицы животных», «комедии»
    "кот": ("cat",), "кошка": ("cat",), "котёнок": ("cat",), "котенок": ("cat",), "собака": ("dog",),
    "пёс": ("dog",), "пес": ("dog",), "щенок": ("dog",), "птица": ("bird",), "попугай": ("bird",),
    "грызун": ("rodent",), "рептилия": ("reptile",), "пресмыкающееся": ("reptile",),
    "комедия": ("comedy",), "драма": ("drama",), "боевик": ("action",), "ужасы": ("horror",),
    "хоррор": ("horror",), "мультфильм": ("animation",), "мультик": ("animation",),
    "документалка": ("documentary",), "документальный": ("documentary",),
    # planner168: «фильмы ужасов»: the genitive «ужасов» has the lemma «ужас»
    "ужас": ("horror",),
    # planner101: a state and kinds of clients said by their Russian adjective ('Статус заказ-наряда (open, …,
    # done, cancelled)', 'Тип клиента (private, corporate)'): «выполненные заказ-наряды», «корпоративных
    # клиентов», «частных клиентов»
    "выполненный": ("done", "completed"), "корпоративный": ("corporate", "company"),
    # planner166: «автопарковые аккаунты» of 'Тип аккаунта (personal, corporate, fleet)'
    "автопарковый": ("fleet",),
    "частный": ("private", "person", "individual"),
    # planner123: states and levels a CHECK or an enum type lists in English (status IN ('approved',
    # 'suspended', ...), severity AS ENUM ('minor', 'major', 'critical')), said as the Russian participle or
    # adjective: «приостановленные проекты», «утверждённые/одобренные табели», «отгруженные», «критичные
    # дефекты», «мелкие дефекты»
    "приостановить": ("suspended", "paused"), "утвердить": ("approved",), "одобрить": ("approved",),
    "отгрузить": ("shipped",), "критичный": ("critical",), "мелкий": ("minor",),
    # planner126: states said as the verb of the event closing a relative clause («билеты, которые уже
    # использовали», «посевы, которые погибли», «дефекты, которые устранили», «проверки, которые провалили»)
    # or as the present verb of the state («техника, которая простаивает»), and their participles
    "использовать": ("used",), "использованный": ("used",), "погибнуть": ("failed", "dead"),
    "погибший": ("failed", "dead"), "простаивать": ("idle",), "простаивающий": ("idle",),
    "устранить": ("fixed", "resolved"), "устранённый": ("fixed", "resolved"),
    "устраненный": ("fixed", "resolved"), "провалить": ("failed",), "проваленный": ("failed",),
    "провалиться": ("failed",),
    # planner128: a screening's language ('Язык показа (dub, original, subtitles)'): «сеансы с субтитрами»,
    # «с дубляжом»; a reader's category ('(adult, child, student, pensioner)'): «читатели-дети»
    "субтитр": ("subtitles",), "субтитры": ("subtitles",), "дубляж": ("dub",), "дублированный": ("dub",),
    "ребенок": ("kids", "children", "child"), "ребёнок": ("kids", "children", "child"),
    "детский": ("kids", "children", "child"), "дети": ("kids", "children", "child"),
    # planner128: a repair's state said by the clause's present verb and its object ('Статус заказ-наряда
    # (open, in_progress, waiting_parts, done, cancelled)'): «которые ждут запчасти»; a machine's ('Статус
    # техники: working, repair, idle, written_off'): «техника, которая простаивает»
    "ждать": ("waiting",), "запчасть": ("parts",),
    # planner128: a kind of order ('Тип заказа (delivery, pickup, dine_in)'): «заказы на доставку», as «на
    # самовывоз» is pickup
    "доставка": ("delivery",),
    # planner128: a listing's state and kind ('Статус объявления (active, reserved, …)', 'Вид объявления
    # (sale, rent)'): «зарезервированные объявления о продаже» («аренда» names the leases: left asked)
    "зарезервировать": ("reserved",), "зарезервированный": ("reserved",), "продажа": ("sale",),
    # planner135: «объявления об аренде» ('Вид объявления (sale, rent)'): the listing's kind; «аренда» alone
    # still names the leases ('Договоры аренды'), the noun after «о/об» is the head's topic
    "аренда": ("rent",),
    # marts134: "Viewings of rental listings" ('Вид объявления (sale, rent)'): the kind's English adjective
    "rental": ("rent",),
    # planner156: states said by a clause's verb or participle: «хозяйства, которые законсервированы»
    # ('Статус хозяйства: active, conserved, sold'; a site's 'mothballed'), «клиентов, которых забанили»
    "законсервировать": ("conserved", "mothballed"), "законсервированный": ("conserved", "mothballed"),
    "забанить": ("banned",), "забаненный": ("banned",),
    # planner158: colloquial words for kinds a comment lists in English: «ужастики» ('Жанр (…, horror, …)'),
    # «котики и собачки» ('Вид животного (cat, dog, …)'), «техники» ('Должность (…, technician)'), «с
    # порталов» ('Откуда пришёл клиент (…, portal, …)'), a tariff by its unit ('Тариф (minute, hour, day,
    # fixed)': «по поминутному тарифу»), a binding ('Формат издания (hardcover, paperback, …)': «в твёрдом
    # переплёте», «в мягкой обложке»)
    "ужастик": ("horror",), "котик": ("cat",), "кошечка": ("cat",), "собачка": ("dog",), "пёсик": ("dog",),
    "песик": ("dog",), "техник": ("technician",), "портал": ("portal",), "поминутный": ("minute",),
    "почасовой": ("hour",), "посуточный": ("day",), "твердый": ("hardcover",), "мягкий": ("paperback",),
    # «запланированные мероприятия» ('Статус мероприятия (planned, held, cancelled)'), as «плановый»
    "запланировать": ("planned", "scheduled"), "запланированный": ("planned", "scheduled"),
    # planner171: «билеты, которые забронированы» ('Статус билета (reserved, paid, …)'), «записи, которые
    # забронированы» ('Статус записи (booked, confirmed, …)'): the booked state, as «зарезервированы» is
    "забронировать": ("booked", "reserved"), "забронированный": ("booked", "reserved"),
}  # fmt: skip

# planner156: meanings a clause's predicate says and an attribute does not: «хозяйства, которые проданы»,
# «которые продали» are 'sold'; «проданных штук» of a sales mart is every row sold, no state (planner122), so
# only the predicate forms (short participle, past verb of a relative clause) read it.
PREDICATE_VALUE_MEANINGS = {
    "продать": ("sold",),
    # marts126: «рецепты, которые уже отпустили» of 'Статус рецепта (active, dispensed, expired)'; as an
    # attribute «отпущено энергии» is a measure's event (_MEASURE_PARTICIPLES), so only the predicate reads it
    "отпустить": ("dispensed",),
}  # fmt: skip

# ISO 4217 codes a request writes as values ("deposits in USD or EUR"): they go to the column whose name or
# comment says currency (the glossary's "currency"), even when its comment lists no values.
CURRENCY_CODES = frozenset(
    {"RUB", "RUR", "USD", "EUR", "CNY", "GBP", "CHF", "JPY", "KZT", "BYN", "UAH", "TRY", "AED", "INR", "HKD",
     "AMD", "GEL", "UZS", "KGS", "AZN", "CAD", "AUD", "SEK", "NOK", "PLN", "CZK"}
)  # fmt: skip

# Money units after a number («5000 рублей» by lemma, "5k rubles"): an amount of money, not of litres
CURRENCY_RU = {"рубль", "руб", "₽", "доллар", "евро", "rub", "usd", "eur"}
CURRENCY_EN = {"rubles", "roubles", "rub", "dollars", "usd", "eur", "euros", "$", "€"}
# A currency word or sign -> its ISO code («в рублях» -> RUB), and the other codes a comment may list for it.
CURRENCY_WORD_CODES = {"рубль": "RUB", "руб": "RUB", "₽": "RUB", "rub": "RUB", "rubles": "RUB",
                       "roubles": "RUB", "доллар": "USD", "usd": "USD", "dollars": "USD", "$": "USD",
                       "евро": "EUR", "eur": "EUR", "euros": "EUR", "€": "EUR",
                       # planner121: "in yuan", "in roubles", "dollar accounts", «юани», «в тенге», "pounds"
                       # (a currency word, read by a currency column that lists the code, else asked)
                       "ruble": "RUB", "rouble": "RUB", "dollar": "USD", "euro": "EUR", "yuan": "CNY",
                       "yuans": "CNY", "renminbi": "CNY", "юань": "CNY", "tenge": "KZT", "тенге": "KZT",
                       "pounds": "GBP", "фунт": "GBP", "рублевый": "RUB", "рублёвый": "RUB",
                       "долларовый": "USD", "юаневый": "CNY"}  # fmt: skip
CURRENCY_CODE_ALIASES = {"RUB": ("RUB", "RUR")}


def currency_code(token: Token) -> str | None:
    """The ISO code a currency word says («рублях», "dollars", «₽»), else None."""
    for key in (token.lower, *sorted(token.lemmas)):
        if key in CURRENCY_WORD_CODES:
            return CURRENCY_WORD_CODES[key]
    return None


# Russian verbs of showing, negated: a column not shown is masked («оклад не показывать», «паспорт не
# светить»), rows not shown are rows not loaded («возвращённые не показывать», «отменённые не палить»).
# The one list read by patterns.MASK, filters (rows not shown) and negation.TAKE_LEMMAS. «Светить»/«палить»
# ("expose", "give away") by the forms said in a request only: not «светит» ("no chance") nor «пали» (also
# «пасть», "fell"), and never «светлые», «светильник», «палитра».
SHOW_LEMMAS_RU = frozenset({"показывать", "показать", "отображать", "отобразить", "светить", "палить"})
SHOW_FORMS_RU = r"показ[а-яё]*|отобра[жз][а-яё]*|свет(?:ить|им|ите|и)(?![а-яё])|пал(?:ить|им|ите)(?![а-яё])"


def spelled_currency_code(token: Token) -> str | None:
    """The ISO code a spelled-out currency word says ("euros", «рублёвые»), None for the code itself ("USD",
    "rub"): a code written after a column word («без валюты USD») is the column's value, read by the
    column-value rules with its negation, never a positive currency filter (planner121)."""
    code = currency_code(token)
    return None if code is None or token.lower.upper() == code else code


# Words for the engines a request can name, as stems or whole words.
ENGINE_WORDS: dict[str, tuple[str, ...]] = {
    "postgres": (
        "postgres",
        "postgresql",
        "postgre",
        "pg",
        "постгрес",
        "постгре",
        "постгрэс",
        "постгри",
        "постгр",  # «постгря», «в постгрю», «постгрей»: the slang noun in any case form
        "постгресс",
        "постгрескл",
        "пг",
    ),
    "clickhouse": (
        "clickhouse",
        "ch",
        "кликхаус",
        "клик",
        "кх",
        "clickhous",
        "warehous",
        "dwh",
        "хранилищ",
        "olap",
    ),
    "s3": ("s3", "minio", "bucket", "бакет", "бакета"),
    "excel": ("excel", "xlsx", "xls", "эксель", "excel-файл"),
}
# Engines the assistant has no reader for; naming one as a source is rejected, not guessed.
UNSUPPORTED_ENGINES = (
    "mysql", "mariadb", "mongodb", "mongo", "oracle", "kafka", "redis", "cassandra", "elasticsearch",
    "snowflake", "bigquery", "mssql", "sqlserver", "hive", "sqlite", "db2", "dynamodb", "монго",
    "оракл", "кафка", "мускул", "mysql'я", "ms sql", "sql server", "teradata", "vertica", "redshift",
    "databricks", "greenplum", "firebird", "couchbase", "neo4j", "hbase", "эластик", "редис",
    # product names of stores with no reader (time series, search, key-value, queues, cloud warehouses):
    # a product is named as surely as a database type ("our InfluxDB", "from ScyllaDB")
    "influxdb", "opensearch", "elastic search", "scylladb", "scylla", "duckdb", "cosmosdb", "couchdb",
    "arangodb", "questdb", "timescaledb", "cockroachdb", "yugabytedb", "rethinkdb", "ravendb", "tidb",
    "victoriametrics", "memcached", "tarantool", "ydb", "trino", "sap hana", "sybase", "informix",
    "rabbitmq", "kinesis", "pubsub", "memsql", "singlestore", "starrocks", "exasol",
)  # fmt: skip
# "FooDB", "fooDB": a product whose name ends in "DB" is a database engine; none of them has a reader here
# unless a connection, a table or an engine word of ENGINE_WORDS is called so (checked where it is used).
DB_PRODUCT = re.compile(r"(?<![\w./-])([A-Za-z][a-z]{2,}DB|[a-z]{3,}db)(?![\w./-])")
# Colloquial Russian names of engines the assistant cannot read, in any case form («из оракла», «в мускуле»,
# «из монги», «из скуля»): stem -> the engine's name as the answer says it.
_RU_NOUN_ENDING = r"(?:а|у|е|ом|ой|ою|и|ы|я|ю|ем|ём|ь|ах|ам|ами)?"
COLLOQUIAL_ENGINES = {
    "оракл": "Oracle", "оракле": "Oracle", "мускул": "MySQL", "мускуль": "MySQL", "мускл": "MySQL",
    "майскл": "MySQL", "майэскуэл": "MySQL", "маридб": "MariaDB", "мариадб": "MariaDB", "монг": "MongoDB",
    "монго": "MongoDB", "монгодб": "MongoDB",
    "кафк": "Kafka", "скул": "MS SQL", "мсскул": "MS SQL", "мсскл": "MS SQL", "сиквел": "MS SQL",
    "эмэсэскуэл": "MS SQL", "кассандр": "Cassandra", "касандр": "Cassandra", "эластик": "Elasticsearch",
    "эластиксерч": "Elasticsearch", "редис": "Redis", "вертик": "Vertica", "терадат": "Teradata",
    "гринплам": "Greenplum", "хайв": "Hive", "бигквери": "BigQuery", "инфлюкс": "InfluxDB",
    "инфлакс": "InfluxDB", "инфлюксдб": "InfluxDB", "сноуфлейк": "Snowflake", "сноуфлэйк": "Snowflake",
    "сноуфлек": "Snowflake", "опенсерч": "OpenSearch", "сцилл": "ScyllaDB", "дакдб": "DuckDB",
    "редшифт": "Redshift",
}  # fmt: skip
COLLOQUIAL_ENGINE = re.compile(
    r"(?<![\w-])("
    + "|".join(sorted(COLLOQUIAL_ENGINES, key=len, reverse=True))
    + r")"
    # «оракловой базы», «мускульной», «монговской»: the adjective made from the name
    + r"(?:(?:ов|овск|ьн|н|ск)(?:ая|ой|ую|ые|ых|ым|ого|ом|ий|ый|ое)(?![\w-])|"
    + _RU_NOUN_ENDING
    + r"(?![\w-]))",
    re.IGNORECASE,
)


# The stems long enough to name nothing else, and Kafka's: a word in any form of one of them («оракла»,
# «мускульной», «инфлюкса») names that engine wherever it stands.
ENGINE_STEMS_RU = {**{s: n for s, n in COLLOQUIAL_ENGINES.items() if len(s) >= 5}, "кафк": "Kafka"}


def engine_in_any_form(word: str) -> str | None:
    """The engine with no reader the Russian `word` is a form of, by a long stem (not «Монголии»)."""
    word = word.lower().replace("ё", "е")
    engine = next((name for stem, name in ENGINE_STEMS_RU.items() if word.startswith(stem)), None)
    return engine if engine is not None and COLLOQUIAL_ENGINE.fullmatch(word) else None


def colloquial_engine(text: str) -> tuple[str, str] | None:
    """(the words as written, the engine's name) of the first colloquial name of an unsupported engine."""
    match = COLLOQUIAL_ENGINE.search(text.replace("ё", "е").replace("Ё", "Е"))
    return (match.group(0), COLLOQUIAL_ENGINES[match.group(1).lower()]) if match else None


@functools.cache
def _stemmer(language: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(language)


# English words Snowball folds into another word's stem: "rating" is no "rate" (hourly_rate), so "trainer
# ratings" over a table without a rating column names nothing of it and is asked about; "rated 9 or higher"
# is a rating.
STEM_OVERRIDES = {"rating": "rating", "ratings": "rating", "rated": "rating"}


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball stem of one word in its own language (Cyrillic -> Russian, else English)."""
    word = word.lower().replace("ё", "е")
    if word in STEM_OVERRIDES:
        return STEM_OVERRIDES[word]
    language = "russian" if CYRILLIC.search(word) else "english"
    return _stemmer(language).stemWord(word)


def words(text: str) -> list[str]:
    """Lower-cased words of a request, keeping snake_case and schema.table names whole."""
    return [w.lower().replace("ё", "е") for w in WORD.findall(text)]


def name_parts(name: str) -> list[str]:
    """Stems of the parts of an identifier: `card_number` -> ["card", "number"]."""
    return list(_name_parts(name))


@functools.lru_cache(maxsize=16384)
def _name_parts(name: str) -> tuple[str, ...]:
    return tuple(stem(p) for p in re.split(r"[_.\s]+", name.lower()) if p)


# The last part of a compound column name that says no content of its own (city_name is the city's) and the
# classifiers a word's own grouping ends in (loyalty_level, fuel_type): a dimension word naming the first part
# of such a column names the column; of any other (age_rating, card_last4) it names something else.
NAME_PART_SUFFIXES = frozenset(
    stem(w) for w in ("id", "code", "name", "no", "num", "number", "key", "ref", "title", "label")
)
CLASSIFIER_PARTS = frozenset(
    stem(w) for w in ("type", "kind", "class", "level", "tier", "category", "group", "grade", "segment")
)


@functools.cache
def _builtin_synonyms() -> dict[str, frozenset[str]]:
    return _index(BUILTIN_GLOSSARY)


# Case endings added to a Russian glossary word before stemming: Snowball stems a dictionary form
# and its plural differently ("визит" -> "виз", "визиты" -> "визит"), so every form is indexed.
RU_ENDINGS = ("", "ы", "и", "ов", "а", "ам", "ами", "ах", "ом", "у", "е", "ей")


def word_forms(word: str) -> set[str]:
    """Stems of a glossary word's likely case forms; short stems only when they are the whole word."""
    if not CYRILLIC.search(word) or not re.search(r"[бвгджзклмнпрстфхцчшщ]$", word):
        return {stem(word)}
    stems = {stem(word + ending) for ending in RU_ENDINGS}
    return {s for s in stems if len(s) >= 4 or s == word}


def _index(glossary: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    """Stem of a synonym (in any case form) -> stems of the English name parts it stands for."""
    index: dict[str, set[str]] = {}
    # A word that is a glossary entry on its own ("номер" = number) does not stand for the whole of a
    # multi-word synonym it starts ("номер телефона" = phone): «номер паспорта» is no phone.
    single = {w for synonyms in glossary.values() for w in synonyms if len(words(w)) == 1}
    for english, synonyms in glossary.items():
        target = stem(english)
        for synonym in [english, *synonyms]:
            parts = words(synonym)
            for part in parts:
                if len(parts) > 1 and part in single:
                    continue
                for form in word_forms(part):
                    index.setdefault(form, set()).add(target)
    return {k: frozenset(v) for k, v in index.items()}


def user_glossary() -> dict[str, list[str]]:
    """Extra glossary entries from the JSON file named by [ai_etl] glossary
    (AIRFLOW__AI_ETL__GLOSSARY). A missing file is reported, not fatal: planning goes on."""
    from airflow.configuration import conf

    path = conf.get("ai_etl", "glossary", fallback="")
    if not path:
        return {}
    if not os.path.exists(path):
        log.warning("Glossary file %s ([ai_etl] glossary) does not exist; using the built-in glossary", path)
        return {}
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except ValueError as exc:
        log.warning("Ignoring glossary %s: %s", path, exc)
        return {}
    return {str(k): [str(s) for s in v] for k, v in data.items() if isinstance(v, list)}


@functools.lru_cache(maxsize=16384)
def _noun_lemmas(word: str) -> tuple[str, ...]:
    from airflow_ai_etl.planning.lexer import analyse  # the lexer imports nothing from here

    return tuple(
        {p.lemma for p in analyse(word.lower().replace("ё", "е")) if p.pos == "NOUN" and p.score >= 0.1}
    )


class Vocabulary:
    """Maps request words to the stems of English name parts they may refer to."""

    def __init__(self, extra: dict[str, list[str]] | None = None) -> None:
        self._synonyms = dict(_builtin_synonyms())
        for key, value in _index(extra or {}).items():
            self._synonyms[key] = self._synonyms.get(key, frozenset()) | value
        self._glossary_parts = frozenset().union(*self._synonyms.values())
        self._memo: dict[str, frozenset[str]] = {}

    def glossed(self, word: str) -> frozenset[str]:
        """The glossary's name parts the word stands for («платежи», "payments" -> payment); empty for a word
        the glossary does not know («жильцы»), whose meaning only a table comment may tell."""
        return self.meanings(word) & self._glossary_parts

    def meanings(self, word: str) -> frozenset[str]:
        """The stem itself plus every glossary meaning of it (in any case form: "визит", "визитов")."""
        found = self._memo.get(word)
        if found is None:
            stemmed = stem(word)
            found = self._synonyms.get(stemmed, frozenset()) | {stemmed}
            if CYRILLIC.search(word) and re.search(r"[бвгджзклмнпрстфхцчшщ]$", word):
                found |= self._synonyms.get(stem(word + "ы"), frozenset())
            if CYRILLIC.search(word):
                # The dictionary lemma meets glossary words Snowball stems apart («кошельки» -> кошелёк),
                # and comment words: a fleeting vowel («оценок», «заявок» of 'Оценки', 'Заявки') stems apart
                for lemma in _noun_lemmas(word):
                    found |= self._synonyms.get(stem(lemma), frozenset()) | {stem(lemma)}
                    # «автокредиты»: a compounding prefix before a noun the glossary knows names what that
                    # noun names (loans) when the compound itself says a listed kind (VALUE_MEANINGS: auto),
                    # planner121; «автоклиники», «велокурьеры» say no kind and stay unread (asked)
                    head = compound_head(lemma) if lemma in VALUE_MEANINGS else None
                    if head is not None and word.lower().startswith(lemma[: len(lemma) - len(head)]):
                        found |= self.meanings(word.lower()[len(lemma) - len(head) :])
                from airflow_ai_etl.planning.colloquial import expanded  # it stems with this module

                full = expanded(word)  # «в общаге»: the full word (общежитие) a comment would use
                if full:
                    found |= self.meanings(full)
            self._memo[word] = found
        return found


# A Russian place name as written after "из" (genitive) or "в" (prepositional) -> the pattern of its
# ending and the nominative ending (a regex replacement); first match wins. An ending that is not listed
# is not guessed ("в Берлине": Берлин or Берлина? "из Сочи": Сочи or Сочь?): the planner asks.
_VOWELS = "аеёиоуыэюя"
_ADJECTIVE = (r"(?:ого|его|ой|ей|ых|их|ом|ем|ым|им)$", None)  # "Нижнего Новгорода": the adjective's form
_GENITIVE_ENDINGS: tuple[tuple[str, str | None], ...] = (
    _ADJECTIVE,
    (r"ии$", "ия"),  # из России
    (r"([нрм])и$", r"\1ь"),  # из Казани, Твери, Перми
    (r"([гх])и$", r"\1а"),  # из Праги, Риги
    (r"ы$", "а"),  # из Москвы, Уфы
    (rf"([{_VOWELS}])я$", r"\1й"),  # из Китая
    (rf"(?:[^{_VOWELS}]|ь)[цл]а$", None),  # из Ельца, Орла: a vowel drops out (Елец, Орёл)
    (rf"([^{_VOWELS}ьй])я$", r"\1ь"),  # из Ярославля
    (rf"([^{_VOWELS}ьй])а$", r"\1"),  # из Берлина, Санкт-Петербурга, Омска
    (r"[оеёуюэ]$", r"\g<0>"),  # из Токио, Баку, Улан-Удэ: names that do not decline
)
_LOCATIVE_ENDINGS: tuple[tuple[str, str | None], ...] = (
    _ADJECTIVE,
    (r"ии$", "ия"),  # в России
    (r"([нрм])и$", r"\1ь"),  # в Казани
    (rf"([^{_VOWELS}ь])ве$", r"\1ва"),  # в Москве
    (r"(ск|рг|ов|ев|град|город)е$", r"\1"),  # в Омске, Петербурге, Ростове, Калининграде
    # "в Токио", "в Осло": names that do not decline. Not -у/-ю/-ь or a consonant: "в Москву", "в Берлин"
    # say where to, and "в Баку" cannot be told from them.
    (r"[оэ]$", r"\g<0>"),
)


# Countries a request may name as a place (nominative, lower case, RU and EN; planner127): «станции в
# Белоруссии» names a country, which a column holding cities ('Город') cannot hold, so the filter is asked
# instead of writing `city = 'Белоруссия'`. Cities are open-ended; countries are few enough to list.
COUNTRY_NAMES = frozenset(
    {
        "россия", "рф", "беларусь", "белоруссия", "казахстан", "украина", "узбекистан", "киргизия",
        "кыргызстан", "таджикистан", "туркмения", "туркменистан", "армения", "азербайджан", "грузия",
        "молдавия", "молдова", "латвия", "литва", "эстония", "германия", "франция", "италия", "испания",
        "португалия", "польша", "чехия", "словакия", "венгрия", "австрия", "швейцария", "нидерланды",
        "голландия", "бельгия", "великобритания", "англия", "ирландия", "норвегия", "швеция", "финляндия",
        "дания", "греция", "турция", "сербия", "болгария", "румыния", "китай", "япония", "корея", "индия",
        "монголия", "вьетнам", "таиланд", "индонезия", "израиль", "египет", "оаэ", "иран", "сша",
        "америка", "канада", "мексика", "бразилия", "аргентина", "австралия",
        "russia", "belarus", "kazakhstan", "ukraine", "uzbekistan", "kyrgyzstan", "armenia", "azerbaijan",
        "georgia", "moldova", "latvia", "lithuania", "estonia", "germany", "france", "italy", "spain",
        "portugal", "poland", "czechia", "austria", "switzerland", "netherlands", "belgium", "britain",
        "england", "ireland", "norway", "sweden", "finland", "denmark", "greece", "turkey", "serbia",
        "bulgaria", "romania", "china", "japan", "korea", "india", "mongolia", "vietnam", "thailand",
        "israel", "egypt", "uae", "iran", "usa", "america", "canada", "mexico", "brazil", "argentina",
        "australia",
    }
)  # fmt: skip


def names_a_country(name: str | None) -> bool:
    """The place's name (its nominative, or a Latin name as written) is a country of COUNTRY_NAMES."""
    return (name or "").strip().lower().replace("ё", "е") in COUNTRY_NAMES


def place_nominative(name: str, preposition: str) -> str | None:
    """ "Санкт-Петербурга" after "из" -> "Санкт-Петербург"; None when the ending does not say which.
    Latin names are kept; in a hyphenated name the part before a lower-case link inflects
    ("Ростова-на-Дону"), else the last part; every word of a two-word name must resolve."""
    if not CYRILLIC.search(name):
        return name
    endings = _GENITIVE_ENDINGS if preposition.lower() == "из" else _LOCATIVE_ENDINGS
    return _each_word(name, lambda part: _by_endings(part, endings))


def dative_place_nominative(name: str) -> str | None:
    """ "Самаре" after «по» -> "Самара", "Новосибирску" -> "Новосибирск": the one noun the dictionary reads
    as the dative of each word (capitals kept); None when it reads none or several ("Баку": no dative form,
    so not guessed) or the name is not Cyrillic."""
    if not CYRILLIC.search(name):
        return None

    def inflect(part: str) -> str | None:
        lemmas = {p.lemma for p in analyse(part.lower()) if p.pos == "NOUN" and p.case == "datv"}
        if len(lemmas) != 1:
            return None
        lemma = lemmas.pop()
        if "-" in part:
            pieces = lemma.split("-")
            originals = part.split("-")
            if len(pieces) != len(originals):
                return None
            return "-".join(
                p.capitalize() if o[:1].isupper() else p for p, o in zip(pieces, originals, strict=True)
            )
        return lemma.capitalize() if part[:1].isupper() else lemma

    resolved = [inflect(word) for word in name.split()]
    return None if any(r is None for r in resolved) else " ".join(r for r in resolved if r)


def _each_word(name: str, inflect: Callable[[str], str | None]) -> str | None:
    """`inflect` applied to the inflecting part of every word; None when any word does not resolve."""
    resolved = []
    for word in name.split():
        parts = word.split("-")
        links = [i for i, part in enumerate(parts) if i and part.islower()]
        at = links[0] - 1 if links else len(parts) - 1
        if len(parts[at]) < 3:
            return None
        part = inflect(parts[at])
        if part is None:
            return None
        parts[at] = part
        resolved.append("-".join(parts))
    return " ".join(resolved)


def _by_endings(part: str, endings: tuple[tuple[str, str | None], ...]) -> str | None:
    for pattern, nominative in endings:
        if re.search(pattern, part.lower()):
            return None if nominative is None else part[:1] + re.sub(pattern, nominative, part.lower())[1:]
    return None


# The case a Russian preposition puts a noun in, for a name after a column word ("из города", "в городе").
_CASE_OF = {
    **dict.fromkeys(("из", "для", "от", "у", "до", "без", "кроме", "около", "возле", "вне"), "genitive"),
    **dict.fromkeys(("в", "во", "о", "об", "при", "на"), "locative"),
    **dict.fromkeys(("по", "к", "ко"), "dative"),
    **dict.fromkeys(("с", "со", "под", "над", "за", "между"), "instrumental"),
}
# Endings a name agreeing with a column word in that case would have, where no rule gives its nominative
# ("по городу Москве", "с городом Казанью"): such a name is asked about. Its other endings are nominative.
_UNRESOLVED_ENDINGS = {
    "locative": r"[еиё]$",  # "в городе Берлине": Берлин or Берлина? "в городе Сочи" is Сочи
    "dative": r"[уюеи]$",
    "instrumental": r"(?:ом|ем|ём|ой|ей|ёй|ью|ым|им|ами|ями)$",
}


def apposition_nominative(name: str, preposition: str) -> str | None:
    """A place name after a column word in a prepositional phrase, in the nominative. Russian writes it
    either agreeing with the column word ("из города Москвы", "в городе Казани") or in the nominative
    ("из города Москва"); None when the ending allows both readings with different names.

    A genitive in -ы, -а or -я may be a nominative too ("из города Чебоксары", "из города Берлина" ->
    Берлин, "из города Вена"), so it is asked about; only a stem no masculine noun has is read as written
    ("из города Москва": no "Москв"). A locative in -е/-и resolves by the place rule (Москве, Казани,
    Омске) or is asked about. Names with no case ending (Берлин, Казань, Токио) are kept; Latin too."""
    if not CYRILLIC.search(name):
        return name
    case = _CASE_OF.get(preposition.lower())
    if case is None:
        return name  # "где город Москва", "город: Москва": the nominative

    def inflect(part: str) -> str | None:
        lower = part.lower().replace("ё", "е")
        if case == "genitive":
            if re.search(rf"[^{_VOWELS}ьй]в[а]$", lower):
                return part  # "Москва": a masculine noun never ends in a consonant + в
            if re.search(rf"(?:{_ADJECTIVE[0][:-1]}|[ыая])$", lower):
                return None  # "Москвы" (or the plural name "Москвы"), "Берлина", "Нижнего"
            return _by_endings(part, _GENITIVE_ENDINGS) if re.search(r"и$", lower) else part
        if case == "locative":
            found = _by_endings(part, _LOCATIVE_ENDINGS)
            if found is not None or re.search(_ADJECTIVE[0], lower):
                return found
        return None if re.search(_UNRESOLVED_ENDINGS[case], lower) else part

    return _each_word(name, inflect)
