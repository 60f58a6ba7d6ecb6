"""--since / --until values as a user types them, turned into ISO date prefixes."""

from __future__ import annotations

import re
from datetime import date, timedelta

from quotebook.errors import QuotebookError
from quotebook.search.query import _clean

_ISO_BOUND = re.compile(r"^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?$")
_AGO = re.compile(r"^(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
                  r"(day|week|month|year)s?\s+ago$")
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def parse_date_bound(value: str, *, end: bool = False, today: date | None = None) -> str:
    """A --since/--until value as an ISO prefix ("2020", "2020-02", "2020-02-01").

    Accepts ISO dates and partial dates, "today", "yesterday", "this/last
    week|month|year", "N days|weeks|months|years ago", and dates such as
    "1 February 2020" or "February 2020".  A period is returned at its own
    precision, which store.quote_filters treats as a prefix: "last month" as
    --until includes the whole month.  A week has no ISO prefix, so it gives
    its Monday, or its Sunday when ``end``.
    """
    text = " ".join(_clean(str(value)).strip().lower().split())
    today = today or date.today()
    if not text:
        raise QuotebookError("empty date: use e.g. 2020, 2020-02, 2020-02-01 or 'last month'")
    match = _ISO_BOUND.match(text)
    if match:
        year, month, day = (int(g) if g else None for g in match.groups())
        try:
            if day is not None:
                return date(year, month, day).isoformat()
            if month is not None:
                date(year, month, 1)
                return f"{year:04d}-{month:02d}"
            date(year, 1, 1)
            return f"{year:04d}"
        except ValueError:
            raise QuotebookError(f"not a valid date: {value!r}") from None
    if text == "today":
        return today.isoformat()
    if text == "yesterday":
        return (today - timedelta(days=1)).isoformat()
    if text in ("this week", "last week"):
        monday = today - timedelta(days=today.weekday() + (7 if text == "last week" else 0))
        return (monday + timedelta(days=6) if end else monday).isoformat()
    if text in ("this month", "last month"):
        year, month = today.year, today.month - (text == "last month")
        if month == 0:
            year, month = year - 1, 12
        return f"{year:04d}-{month:02d}"
    if text in ("this year", "last year"):
        return f"{today.year - (text == 'last year'):04d}"
    match = _AGO.match(text)
    if match:
        count = int(match[1]) if match[1].isdigit() else _NUMBERS[match[1]]
        unit = match[2]
        if count > 10_000:
            raise QuotebookError(f"not a valid date: {value!r}")
        if unit == "day":
            return (today - timedelta(days=count)).isoformat()
        if unit == "week":
            return (today - timedelta(weeks=count)).isoformat()
        if unit == "month":
            months = today.year * 12 + today.month - 1 - count
            return f"{months // 12:04d}-{months % 12 + 1:02d}"
        return f"{today.year - count:04d}"
    if re.search(r"[a-z]", text) and re.search(r"\d{4}", text) and len(text) <= 40:
        from quotebook.dates import normalise_date

        iso, precision = normalise_date(text)
        if iso and precision in ("day", "month", "year"):
            return iso[:10]
    raise QuotebookError(
        f"not a date: {value!r} (use e.g. 2020, 2020-02, 2020-02-01, 'yesterday' or 'last month')")
