"""Mart (витрина) rules of the offline planner: a sentence -> a ``mart`` source, or questions.

«Витрина выручки по регионам и дням из продаж, обновлять каждый час», "Daily revenue by customer
city from orders", «Средний чек по категориям товаров по месяцам». Read on the lexer's tokens
(lemmas, so every case form of a word counts) in this order:

1. **Is it a mart?** A trigger word (витрина, mart, datamart, "report table") or, without one, a
   measure word (выручка, сумма, количество, средний, revenue, count, average, ...) with a dimension or
   grain phrase and no load verb (грузить, копировать, load, sync, ...). Anything else is a load and
   goes on through the load rules.
2. **Grain** (``time_grain``): «по дням/неделям/месяцам/часам», «за каждый день», «в каждом месяце»,
   the adjectives «ежедневная/ежемесячная выручка», "daily/weekly revenue", "per day", "by month".
   An adverb after a refresh verb («обновлять ежедневно», "refreshed daily") is the schedule instead:
   grain words are blanked before the schedule parser reads the request. The time column is the one
   named next to the grain («по месяцам выставления», "per collection day", «по дате визита», «по
   scheduled_at»), else the fact table's one event-time column; several -> a question.
3. **Measures**: sum (сумма, выручка, суммарный, revenue, total), count (количество, число, сколько,
   "number of", count, a table noun with "per"), avg (средний, average), min/max, count_distinct
   (уникальных, разных, distinct, DAU). The column is the one the words name (цена -> price, «сумма
   total»), else the fact table's one money column (numeric with cents) or one numeric column; a
   sum of "штук"/units is the quantity column. Median, share, percent: not offered, asked.
4. **Dimensions**: «по регионам и категориям товаров», «в каждом регионе», "by customer city": each
   word resolves to a column of the fact table or of a table reachable along relations; a table noun
   («по клиентам») stands for the fact's key column pointing at it (customer_id).
5. **Fact table**: named after the measure («количество заказов», «сумма платежей»), after «витрина»
   («витрина продаж»), after «из»/"from", or the one table the measure column lives in.
6. The mart is grounded with :func:`airflow_ai_etl.marts.resolve.resolve_mart`: an unknown column, a
   sum of text, a grain on a non-time column, two join paths come back as questions naming the choices.

Nothing here guesses: a word the rules cannot place in a slot of the mart makes the planner ask.
"""

from __future__ import annotations

from airflow_ai_etl.planning.marts.phrase import MartPhrase, read_mart
from airflow_ai_etl.planning.marts.plan import is_mart_request, looks_like_mart, plan_mart

__all__ = ["is_mart_request", "looks_like_mart", "plan_mart", "MartPhrase", "read_mart"]
