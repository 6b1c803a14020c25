"""Issue 15 (28a's wrong confident plans): a confident plan that loads the wrong rows.

- A negated verb clause over a yes/no column («которые не давали согласия на SMS-рассылку», «у которых нет …»,
  "who did not give SMS consent", "that don't have a child seat") read the flag as `= true`: the polarity of
  «не»/«нет»/"n't"/"not" before the flag's words in the same clause always applies (`= false`).
- A second condition after a flag ("on shift and aren't fired") or a first state of an «или» list said as a verb
  phrase («ушли в просрочку или списаны») was dropped beside the read one: read, or asked, never silent.
- A column word before its own listed value («обращения в поддержку категории billing») was read as a name value
  of another column (operator_name = 'категории').
- A Russian participle of a state («заменены», «заменённые») is no replace-mode word: a change stream appends.
- A window with no count over a plural unit («за последние дни», "the last hours") is asked, not one unit.
- A label of a format column that lists no values ('Формат аптеки') is asked, as a kind column's is.

Requests phrased anew over several catalogs (none copied from an eval file).

first pass (at cf871c1, before the rules): 22/34 failed (every negated flag clause but «не являются» and the
English "haven't been published", both dropped conditions, the column word read as operator_name, every state
participle under CDC, every plural window, and the quoted label «аптечный пункт» of pharmacies.format; «у дома» and
the English label were already asked as unread words). Added after the first pass, with the rules: the two «или»
lists of the dropped-condition test and the English CDC participle.
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in


def right_or_asked(catalog: str, text: str, where: str) -> None:
    """Planned with exactly `where`, or asked; never another plan."""
    outcome = plan_in(catalog, text)
    if outcome.status == "ok":
        assert outcome.spec is not None
        assert outcome.spec.source.where == where, (text, outcome.spec.source.where)
    else:
        assert outcome.status == "needs_clarification", (text, outcome.questions)


# --- a negated clause over a flag: the polarity applies ----------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("insurance", "Клиенты, которые не имеют VIP-статуса, ежедневно", "is_vip = false"),
        ("airline", "Пассажиры, которые не получали VIP-статус, ежедневно", "is_vip = false"),
        ("pharmacy", "Покупатели, которые так и не дали согласие на SMS-рассылку, ежедневно", "sms_opt_in = false"),
        ("pharmacy", "Покупателей, не давших согласия на SMS-рассылку, ежедневно", "sms_opt_in = false"),
        ("pharmacy", "Покупатели, у которых нет согласия на SMS-рассылку, каждый час", "sms_opt_in = false"),
        ("pharmacy", "Customers who did not give SMS consent, daily", "sms_opt_in = false"),
        ("carshare", "Cars that don't have a child seat, daily", "has_child_seat = false"),
        ("insurance", "Транспортные средства, на которых не стоит противоугонная система, ежедневно",
         "has_alarm = false"),
        ("hotel", "Номера, которые не предназначены для курящих, ежедневно", "is_smoking = false"),
    ],
)  # fmt: skip
def test_a_negated_clause_turns_the_flag_around(catalog: str, text: str, where: str) -> None:
    right_or_asked(catalog, text, where)


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("pharmacy", "Покупатели, которые дали согласие на SMS-рассылку, ежедневно", "sms_opt_in = true"),
        ("carshare", "Машины с детским креслом, ежедневно", "has_child_seat = true"),
        ("carshare", "Машины, в которых нет детского кресла, ежедневно", "has_child_seat = false"),
        ("bank", "Клиенты, которые не являются резидентами РФ, ежедневно", "is_resident = false"),
        ("hotel", "Reviews that haven't been published on the site, hourly", "is_public = false"),
    ],
)  # fmt: skip
def test_flags_read_right_stay(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


# --- a second condition is never dropped beside the first ---------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("helpdesk", "Agents who are on shift and haven't been fired, daily", "is_on_shift = true AND fired_on IS NULL"),
        ("bank", "Кредиты, которые ушли в просрочку, ежедневно", "status = 'overdue'"),  # with planner156
        ("bank", "Кредиты, которые вышли на просрочку либо закрыты (closed), ежедневно",
         "status IN ('overdue', 'closed')"),
        ("bank", "Кредиты, которые закрыты (closed) или ушли в просрочку, каждый час",
         "status IN ('closed', 'overdue')"),  # with planner156's passing-into verbs
        # an unlisted second participle of an «или» list: asked since planner169 (was status = 'blocked')
        ("bank", "Карты, которые заблокированы или перевыпущены, через CDC", "status IN ('blocked', 'reissued')"),
    ],
)  # fmt: skip
def test_a_dropped_condition_is_read_or_asked(catalog: str, text: str, where: str) -> None:
    right_or_asked(catalog, text, where)


# --- a column word before its own value is no value of another column ---------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("telecom", "Обращения в поддержку категории billing, каждый час", "category = 'billing'"),
        ("telecom", "Обращения в поддержку категории roaming с низким приоритетом, ежедневно",
         "category = 'roaming' AND priority = 'low'"),
    ],
)  # fmt: skip
def test_a_column_word_before_its_value_is_no_name(catalog: str, text: str, where: str) -> None:
    right_or_asked(catalog, text, where)
    outcome = plan_in(catalog, text)
    assert outcome.status != "ok" or "operator_name" not in (outcome.spec.source.where or "")  # type: ignore[union-attr]


# --- a state participle is no replace word -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("telecom", "SIM-карты, которые заменены, через CDC"),
        ("telecom", "Замененные SIM-карты через CDC каждые 5 минут"),
        ("telecom", "SIM-карты, которые потеряны или заменены, через CDC каждый час"),
        ("telecom", "SIM cards that were lost or replaced, via CDC every 5 minutes"),
    ],
)  # fmt: skip
def test_a_replaced_state_keeps_the_stream_appending(catalog: str, text: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.type == "cdc" and spec.target.mode == "append"


def test_a_replace_word_still_sets_the_mode() -> None:
    assert ok_spec("telecom", "SIM-карты ежедневно, полностью перезаписывать").target.mode == "replace"


# --- a window with no count over a plural unit is asked ----------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("carshare", "Поездки за последние часы, каждый час"),
        ("carshare", "Trips over the last hours, hourly"),
        ("insurance", "Убытки за последние недели, ежедневно"),
        ("bank", "Транзакции за последние дни — каждый час"),
    ],
)  # fmt: skip
def test_a_plural_window_without_a_count_is_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"


@pytest.mark.parametrize(
    ("catalog", "text", "interval"),
    [
        ("carshare", "Поездки за последние сутки, каждый час", "1 day"),
        ("carshare", "Поездки за последний час, каждый час", "1 hour"),
        ("carshare", "Поездки за последние 3 часа, каждый час", "3 hours"),
    ],
)  # fmt: skip
def test_a_window_of_one_unit_or_a_count_stays(catalog: str, text: str, interval: str) -> None:
    assert f"interval '{interval}'" in (ok_spec(catalog, text).source.where or "")


# --- a label of a format column that lists none is asked ---------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("pharmacy", "Аптеки в формате «у дома», ежедневно"),
        ("pharmacy", "Аптеки формата «аптечный пункт» каждый час"),
        ("pharmacy", "Pharmacies of the \"discounter\" format, daily"),
    ],
)  # fmt: skip
def test_a_label_of_an_unlisted_format_is_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"


def test_a_listed_format_is_read() -> None:
    assert ok_spec("cinema", "Сеансы формата IMAX ежедневно").source.where == "format = 'IMAX'"
