"""Derive perturbed cases mechanically from eval/cases.jsonl: one feature of the wording changes, the
expected answer does not. Written to eval/perturbed.jsonl and reported separately by run_eval.py.

Perturbations (each case gets at most one of each kind, only when it applies):
  words     clock times and intervals with digits spelled out («в 2 часа ночи» -> «в два часа ночи»,
            «в 14:00» -> «в два часа дня», "at 6 PM" -> "at six pm", "at 17:00" -> "at five pm",
            «каждые 15 минут» -> «каждые пятнадцать минут»)
  adjective a frequency adverb becomes an adjective («ежедневно» -> «ежедневная выгрузка», "every day" ->
            "daily", "every hour" -> "hourly")
  order     the target type word moves between «в таблицу» and the table name
  synonym   the upsert wording becomes another synonym («по ключу K» -> «слиянием по ключу K», "upsert"
            -> "merge"), an incremental load says «только добавление» / "append-only" as well
  caseform  every table noun of the demo catalogs in several grammatical cases, in fixed templates

Usage: python eval/perturb.py [--out FILE]   (deterministic: the same input gives the same file)
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "perturbed.jsonl"

RU_HOURS = {
    1: "час", 2: "два", 3: "три", 4: "четыре", 5: "пять", 6: "шесть", 7: "семь", 8: "восемь",
    9: "девять", 10: "десять", 11: "одиннадцать", 12: "двенадцать",
}  # fmt: skip
RU_COUNT = {
    2: "два", 3: "три", 4: "четыре", 5: "пять", 6: "шесть", 7: "семь", 10: "десять", 15: "пятнадцать",
    20: "двадцать", 30: "тридцать", 40: "сорок", 45: "сорок пять",
}  # fmt: skip
EN_NUM = {
    1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
    10: "ten", 11: "eleven", 12: "twelve", 15: "fifteen", 20: "twenty", 30: "thirty", 45: "forty five",
    90: "ninety",
}  # fmt: skip

RU_CLOCK = re.compile(r"\bв (\d{1,2}) (?:(час|часа|часов) )?(утра|ночи|вечера|дня)\b")
RU_EVERY = re.compile(r"\bкаждые (\d{1,2}) (минут|часа|часов)\b")
EN_CLOCK = re.compile(r"\bat (\d{1,2}) ?(am|pm)\b", re.IGNORECASE)
EN_EVERY = re.compile(r"\bevery (\d{1,2}) (minutes|hours)\b")


def _ru_clock(match: re.Match[str]) -> str:
    hour, word, part = int(match[1]), match[2], match[3]
    if hour not in RU_HOURS:
        return match[0]
    if hour == 1:  # «в час ночи»: the number one is not said
        return f"в час {part}"
    if word is None:
        word = "часа" if hour in (2, 3, 4) else "часов"
    return f"в {RU_HOURS[hour]} {word} {part}"


RU_COLON_HOUR = re.compile(r"\bв (\d{1,2}):00\b(?!\s*(?:утра|ночи|вечера|дня|UTC|по\b|MSK|мск))")
EN_COLON_HOUR = re.compile(r"\bat (\d{1,2}):00\b(?!\s*(?:am|pm|UTC|GMT))", re.IGNORECASE)


def _ru_part(hour: int) -> tuple[int, str]:
    """24-hour clock -> (hour said, part of day): 2 -> (2, ночи), 14 -> (2, дня), 23 -> (11, вечера)."""
    if hour < 5:
        return (12 if hour == 0 else hour), "ночи"
    if hour < 12:
        return hour, "утра"
    if hour < 17:
        return (12 if hour == 12 else hour - 12), "дня"
    return hour - 12, "вечера"


def _ru_colon_hour(match: re.Match[str]) -> str:
    hour = int(match[1])
    if hour == 0 or hour > 23:
        return match[0]
    said, part = _ru_part(hour)
    if said == 1:
        return f"в час {part}"
    return f"в {RU_HOURS[said]} {'часа' if said in (2, 3, 4) else 'часов'} {part}"


def _en_colon_hour(match: re.Match[str]) -> str:
    hour = int(match[1])
    if hour == 0 or hour > 23:
        return match[0]
    said = hour if hour <= 12 else hour - 12
    return f"at {EN_NUM[said]} {'am' if hour < 12 else 'pm'}"


def words(case: dict[str, Any]) -> str:
    text = case["request"]
    if case["lang"] == "ru":
        text = RU_COLON_HOUR.sub(_ru_colon_hour, text)
        text = RU_CLOCK.sub(_ru_clock, text)
        return RU_EVERY.sub(
            lambda m: f"каждые {RU_COUNT[int(m[1])]} {m[2]}" if int(m[1]) in RU_COUNT else m[0], text
        )
    text = EN_COLON_HOUR.sub(_en_colon_hour, text)
    text = EN_CLOCK.sub(
        lambda m: f"at {EN_NUM[int(m[1])]} {m[2].lower()}" if int(m[1]) in EN_NUM else m[0], text
    )
    return EN_EVERY.sub(lambda m: f"every {EN_NUM[int(m[1])]} {m[2]}" if int(m[1]) in EN_NUM else m[0], text)


RU_ADVERBS = {"ежедневно": "ежедневная", "ежечасно": "ежечасная", "еженедельно": "еженедельная"}


def adjective(case: dict[str, Any]) -> str:
    text = case["request"]
    if case["lang"] == "ru":
        for adverb, adj in RU_ADVERBS.items():
            if re.search(rf"\b{adverb}\b", text, re.IGNORECASE):
                # The adverb leaves its place; the sentence ends with «(ежедневная выгрузка)».
                text = re.sub(rf"\s*\b{adverb}\b", "", text, count=1, flags=re.IGNORECASE).strip(" ,")
                return f"{text} ({adj} выгрузка)"
        return text
    text = re.sub(r"\bevery day\b", "daily", text)
    return re.sub(r"\bevery hour\b", "hourly", text)


def order(case: dict[str, Any]) -> str:
    text = case["request"]
    if case["expected"].get("target.type", "clickhouse") != "clickhouse":
        return text
    if case["lang"] == "ru":
        if re.search(r"clickhouse|кликхаус", text, re.IGNORECASE):
            return text
        return re.sub(r"\bв таблицу (\w+)", r"в таблицу ClickHouse \1", text, count=1)
    return re.sub(r"\binto ClickHouse table (\w+)", r"into table \1 in ClickHouse", text, count=1)


def synonym(case: dict[str, Any]) -> str:
    text, expected = case["request"], case["expected"]
    if expected.get("target.mode") == "upsert":
        if case["lang"] == "ru":
            return re.sub(r"\bпо ключу\b", "слиянием по ключу", text, count=1)
        return re.sub(r"\b[Uu]psert\b", lambda m: "Merge" if m[0][0] == "U" else "merge", text, count=1)
    if expected.get("source.incremental.column") and expected.get("target.mode", "append") == "append":
        return f"{text}, только добавление" if case["lang"] == "ru" else f"{text}, append-only"
    return text


# Quantities compared in a filter, spelled out: Russian in the genitive the comparison word governs.
RU_QUANTITY_GEN = {
    2: "двух", 3: "трёх", 5: "пяти", 7: "семи", 10: "десяти", 30: "тридцати", 50: "пятидесяти", 100: "ста",
    500: "пятисот", 1000: "тысячи", 5000: "пяти тысяч", 10000: "десяти тысяч",
}  # fmt: skip
EN_QUANTITY = {
    2: "two", 3: "three", 5: "five", 7: "seven", 10: "ten", 30: "thirty", 50: "fifty", 100: "one hundred",
    500: "five hundred", 1000: "one thousand", 5000: "five thousand", 10000: "ten thousand",
}  # fmt: skip
RU_COMPARED = re.compile(
    r"\b(больше|меньше|более|менее|свыше|выше|ниже|от|до)\s+(\d+)\b(?![.,:]\d)(?!\s*(?:час|мин|утр|веч|ноч|дн))"
)
EN_COMPARED = re.compile(
    r"\b(over|above|under|below|than|least)\s+(\d+)\b(?![.,:]\d)(?!\s*(?:am|pm|hour|min|o'clock))"
)


def quantity(case: dict[str, Any]) -> str:
    """A number compared in the filter spelled out («больше 500» -> «больше пятисот», 'over 500' ->
    'over five hundred'); only for cases whose expected filter holds that number."""
    where = case["expected"].get("source.where") or ""
    pattern, names = (RU_COMPARED, RU_QUANTITY_GEN) if case["lang"] == "ru" else (EN_COMPARED, EN_QUANTITY)

    def spell(m: re.Match[str]) -> str:
        value = int(m[2])
        return f"{m[1]} {names[value]}" if value in names and re.search(rf"\b{value}\b", where) else m[0]

    return pattern.sub(spell, case["request"])


PERTURBATIONS: dict[str, Callable[[dict[str, Any]], str]] = {
    "words": words,
    "quantity": quantity,
    "adjective": adjective,
    "order": order,
    "synonym": synonym,
}

# Table nouns of the demo catalogs (lemma, plural) -> table; every one is put in several cases.
TABLE_NOUNS = {
    "shop": {"продажа": "sales", "заказ": "orders", "клиент": "customers", "товар": "products",
             "платёж": "payments", "пользователь": "users", "лид": "crm.leads"},
    "clinic": {"врач": "doctors", "пациент": "patients", "визит": "visits", "счёт": "billing.invoices",
               "назначение": "prescriptions"},
    "hr": {"сотрудник": "employees", "отпуск": "vacations", "кандидат": "candidates", "отдел": "departments"},
}  # fmt: skip
# (template, grammatical case of the plural noun, expected extra fields)
CASE_TEMPLATES = (
    ("{} грузить в ClickHouse ежедневно в 3 часа ночи", "nomn", {"schedule": "0 3 * * *"}),
    ("Выгрузка {} в кликхаус каждый час", "gent", {"schedule": "0 * * * *"}),
    ("Каждые 10 минут переносить {} в ClickHouse", "accs", {"schedule": "*/10 * * * *"}),
    ("Данные по {} загружать в кликхаус ежедневно в 5 утра", "datv", {"schedule": "0 5 * * *"}),
    ("Данные о {} загружать в ClickHouse каждый день в 6:00", "loct", {"schedule": "0 6 * * *"}),
)


def case_forms() -> Iterator[dict[str, Any]]:
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer()
    for catalog, nouns in TABLE_NOUNS.items():
        for lemma, table in nouns.items():
            parse = next(p for p in morph.parse(lemma) if p.tag.POS == "NOUN")
            for number, (template, grammatical_case, extra) in enumerate(CASE_TEMPLATES, 1):
                form = parse.inflect({"plur", grammatical_case})
                if form is None:
                    continue
                word = form.word.replace("ё", "е") if lemma != "счёт" else form.word
                text = template.format(word)
                yield {
                    "id": f"{catalog}-ru-x-case-{table.split('.')[-1]}-{number}",
                    "lang": "ru",
                    "catalog": catalog,
                    "request": text[0].upper() + text[1:],
                    "expected": {"status": "ok", "source.table": table, **extra},
                    "perturbation": "caseform",
                }


def perturbed(cases: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for case in cases:
        if case["expected"]["status"] != "ok":
            continue
        for kind, change in PERTURBATIONS.items():
            text = change(case)
            if text != case["request"]:
                yield {
                    "id": f"{case['id']}-x-{kind}",
                    "lang": case["lang"],
                    "catalog": case["catalog"],
                    "request": text,
                    "expected": case["expected"],
                    "perturbation": kind,
                    "derived_from": case["id"],
                }
    yield from case_forms()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=HERE / "cases.jsonl")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    with args.cases.open(encoding="utf-8") as handle:
        cases = [json.loads(line) for line in handle if line.strip()]
    rows = list(perturbed(cases))
    with args.out.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} perturbed cases -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
