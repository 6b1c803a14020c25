"""A count of runs said after the schedule (planner147): "every day at 8, maybe 3 times", «каждый день в 8,
может раза три». One cron cannot say it (at 8, or three times a day at which hours?), and the schedule parser
took the count for nothing or for an hour ("every day at 8, 3 times" was midnight): asked, quoting the words.
Only a count right after the schedule's words (a comma and hedge words between) is one: "clients who ordered
more than 3 times" is a row condition."""

from __future__ import annotations

import re

# "3 times", "twice", «3 раза», «раза три», «дважды»; the hedge before it ("maybe", «может», «или»), and a
# clock time the parser left unread before it ("every day at 8, 3 times": only "every day" was read)
_COUNT = re.compile(
    r"[\s,;—-]*(?:(?:at|в|во)\s+\d{1,2}(?::\d{2})?[\s,;—-]+)?"
    r"(?:(?:or|maybe|perhaps|possibly|probably|или|может|возможно|наверное|быть|мб)[\s,]+){0,3}"
    r"(?P<count>(?:\d+|one|two|three|four|five|six|a\s+few|several)\s+times|twice|thrice"
    r"|\d+\s+раза?|раза?\s+(?:\d+|два|три|четыре|пять)|(?:два|три|четыре|пять)\s+раза?|дважды|трижды)(?!\w)",
    re.IGNORECASE,
)


def count_after_schedule(text: str, schedule_spans: list[tuple[int, int]]) -> str | None:
    """The count-of-runs words right after the read schedule, or None."""
    for _, end in schedule_spans:
        found = _COUNT.match(text, end) if not any(a <= end < b for a, b in schedule_spans) else None
        if found is not None:
            return text[end : found.end()].strip(" ,;—-")
    return None
