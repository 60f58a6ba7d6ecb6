"""Publication dates in ISO 8601, and the day each quotation was said.

Conventions used everywhere in quotebook:

* A date is an ISO 8601 string: ``YYYY-MM-DD`` (or a full datetime such as
  ``2020-02-01T09:30:00+00:00`` for a publication time), ``YYYY-MM`` or
  ``YYYY``.  The *precision* says how much of it is known: ``'day'``,
  ``'week'`` (a day inside the week meant by "last week"), ``'month'`` or
  ``'year'``.
* When the text names a day but no year can be known (no publication date,
  and "Saturday, 1 February" gives no year), the date is written the ISO 8601
  way for a day without a year, ``--MM-DD`` (``'--02-01'``), with precision
  ``'day-no-year'``; a year is never invented.

Everything cheap (ISO, RFC 2822, "1 February 2020", weekdays) is done with
regular expressions and ``datetime`` arithmetic; dateparser is imported only
for relative phrases ("yesterday", "last week", "three days ago") and for
publication dates no fast path understands.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
    "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2,
    "wed": 2, "thursday": 3, "thu": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}

_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
    r"Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?P<weekday>Mon|Tues?|Wed|Thu(?:rs)?|Fri|Sat|Sun)(?:day|nesday|urday|sday)?\.?,?\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:1[89]|20)\d\d))?"

# Absolute dates as news text writes them. Month names are matched with a
# capital letter so the verb "may" and the word "march" don't count.
_DAY_MONTH = re.compile(rf"\b{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}\b")
_MONTH_DAY = re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY}\b(?!\s*%){_YEAR}\b")
_ISO_IN_TEXT = re.compile(r"\b(?P<year>(?:1[89]|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
_MONTH_ONLY = re.compile(rf"\bin\s+{_MONTH}(?:\s+(?P<year>(?:1[89]|20)\d\d))?\b")
_WEEKDAY_WORD = re.compile(
    r"\b(?P<last>last\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
# Phrases relative to the publication date, handed to dateparser.
_RELATIVE = re.compile(
    r"\b(?:yesterday|the\s+day\s+before|last\s+(?:night|week(?:end)?|month|year)|"
    r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:days?|weeks?|months?|years?)\s+ago)\b",
    re.IGNORECASE,
)
# The pre-check: a sentence without any of these words never reaches a parser.
_ANY_DATE_WORD = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b"
    r"|\b(?:yesterday|ago|last|the\s+day\s+before)\b|\b(?:1[89]|20)\d\d-\d\d-\d\d\b",
    re.IGNORECASE,
)

_ISO = re.compile(
    r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2})"
    r"(?P<time>[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$"
)
_COMPACT = re.compile(r"^(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})$")
_RFC2822 = re.compile(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}")
_WORDS_ONLY = (
    re.compile(rf"^\s*{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})\s*$", re.I),
    re.compile(rf"^\s*{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+(?P<year>\d{{4}})\s*$", re.I),
)
_MONTH_YEAR = re.compile(rf"^\s*{_MONTH},?\s+(?P<year>\d{{4}})\s*$", re.I)


def normalise_date(value: str | None) -> tuple[str | None, str | None]:
    """Turn a publication date as a source writes it into (ISO 8601, precision).

    ISO strings, RFC 2822 (feeds, HTTP headers) and "1 February 2020" style
    dates take a fast path; anything else goes to dateparser.  Returns
    ``(None, None)`` when the value is not a date.
    """
    if value is None:
        return None, None
    value = str(value).strip()
    if not value or len(value) > 200:
        return None, None
    match = _ISO.match(value)
    if match:
        return _from_iso_match(match, value)
    match = _COMPACT.match(value)
    if match:
        return _checked(int(match["year"]), int(match["month"]), int(match["day"]))
    if _RFC2822.match(value):
        from email.utils import parsedate_to_datetime

        try:
            return parsedate_to_datetime(value).isoformat(), "day"
        except (TypeError, ValueError):
            pass
    for pattern in _WORDS_ONLY:
        match = pattern.match(value)
        if match:
            return _checked(int(match["year"]), MONTHS[match["month"].lower()], int(match["day"]))
    match = _MONTH_YEAR.match(value)
    if match:
        return f"{int(match['year']):04d}-{MONTHS[match['month'].lower()]:02d}", "month"
    return _dateparser_normalise(value)


def _from_iso_match(match: re.Match[str], value: str) -> tuple[str | None, str | None]:
    year = int(match["year"])
    if match["month"] is None:
        return (f"{year:04d}", "year") if 1000 <= year <= 2999 else (None, None)
    month = int(match["month"])
    if match["day"] is None:
        return (f"{year:04d}-{month:02d}", "month") if 1 <= month <= 12 else (None, None)
    if match["time"]:
        try:
            # Python 3.11 fromisoformat reads "Z" and "+0100" as well.
            return datetime.fromisoformat(value.replace(" ", "T", 1)).isoformat(), "day"
        except ValueError:
            return None, None
    return _checked(year, month, int(match["day"]))


def _checked(year: int, month: int, day: int) -> tuple[str | None, str | None]:
    try:
        return date(year, month, day).isoformat(), "day"
    except ValueError:
        return None, None


def _dateparser_normalise(value: str) -> tuple[str | None, str | None]:
    data = _date_data_parser().get_date_data(value)
    if data is None or data.date_obj is None:
        return None, None
    found: datetime = data.date_obj
    period = data.period or "day"
    if period == "year":
        return f"{found.year:04d}", "year"
    if period == "month":
        return f"{found.year:04d}-{found.month:02d}", "month"
    if period == "time":
        return found.isoformat(), "day"
    return found.date().isoformat(), "day"


@lru_cache(maxsize=1)
def _date_data_parser():  # -> dateparser.date.DateDataParser
    from dateparser.date import DateDataParser

    # Absolute publication dates only: a relative one ("2 hours ago") would be
    # resolved against the clock of whoever imports, which is meaningless.
    return DateDataParser(
        languages=["en"],
        settings={
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_TIME_AS_PERIOD": True,
            "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
        },
    )


# --- quote dates -----------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]*[A-Z0-9])")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"")
_BETWEEN_MARKS = re.compile(r"[”\"][^“”\"]*[“\"]")
# Abbreviations whose full stop does not end a sentence ("Jan. 5", "U.S. officials").
_ABBREVIATION = re.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Prof|No|vs)|\b[A-Z])\.$"
)


def quote_date(
    text: str, start: int, end: int, published: str | None
) -> tuple[str | None, str | None, str]:
    """The day the quotation at ``text[start:end]`` was said: (date, precision, source).

    The sentence holding the quotation is searched for a day ("on Saturday",
    "Saturday, 1 February", "on Jan. 5", "yesterday", "last week"), then the
    nearest preceding sentence in the same paragraph.  Words inside quotation
    marks are ignored: "we'll meet on Monday" is what was said, not when.

    A named day is resolved against ``published`` and ``source`` is
    ``'text'``: a weekday means the most recent such day on or before
    publication, a day without a year takes the year that puts it on or before
    publication.  Without any day in the text the publication date is used
    (``'publication'``).  Without a publication date, "1 February" gives
    ``('--02-01', 'day-no-year', 'text')`` and relative words can't be
    resolved; when nothing is known the result is ``(None, None, 'none')``.
    """
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    pub_iso, pub_precision = normalise_date(published) if published else (None, None)
    pub_day = date.fromisoformat(pub_iso[:10]) if pub_iso and pub_precision == "day" else None
    pub_year = int(pub_iso[:4]) if pub_iso else None

    for window in _windows(text, start, end):
        if not _ANY_DATE_WORD.search(window):
            continue
        found = _resolve_in(window, pub_day, pub_year)
        if found:
            return found[0], found[1], "text"
    if pub_iso:
        return (pub_iso[:10] if pub_precision == "day" else pub_iso), pub_precision, "publication"
    return None, None, "none"


DATELINE_CHARS = 1200


def dateline(text: str) -> tuple[str, str] | None:
    """The day an undated article names near its top ("arrived on Saturday, 1 February").

    For an article with no publication date this is the best date its quotes
    can have. Only absolute dates count: without a publication date a weekday
    or "yesterday" cannot be placed. A day with no year gives ('--02-01',
    'day-no-year'): the year is unknown, and is not invented.
    """
    head = text[:DATELINE_CHARS]
    if not _ANY_DATE_WORD.search(head):
        return None
    masked = _QUOTED.sub(lambda m: " " * len(m.group(0)), head)
    return _resolve_in(masked, None, None)


def _windows(text: str, start: int, end: int) -> list[str]:
    """The quote's own sentence(s), then the sentence before, with quoted words masked."""
    para_start = text.rfind("\n\n", 0, start)
    para_start = 0 if para_start < 0 else para_start + 2
    para_end = text.find("\n\n", end)
    para_end = len(text) if para_end < 0 else para_end
    paragraph = text[para_start:para_end]
    q_start, q_end = start - para_start, end - para_start

    # Mask the quotation and anything else in quotation marks, but keep an
    # attribution that interrupts the quote ("…,” she said on Friday, “…").
    chars = list(paragraph)
    for match in _QUOTED.finditer(paragraph):
        chars[match.start():match.end()] = " " * (match.end() - match.start())
    inner = paragraph[q_start:q_end]
    keep = [(q_start + m.start(), q_start + m.end()) for m in _BETWEEN_MARKS.finditer(inner)]
    chars[q_start:q_end] = " " * (q_end - q_start)
    for a, b in keep:
        chars[a:b] = paragraph[a:b]
    masked = "".join(chars)

    bounds = _sentence_starts(paragraph)
    first = max(i for i, s in enumerate(bounds) if s <= q_start)
    last = max(i for i, s in enumerate(bounds) if s <= max(q_start, q_end - 1))
    ends = bounds[1:] + [len(paragraph)]
    windows = [masked[bounds[first]:ends[last]]]
    if first > 0:
        windows.append(masked[bounds[first - 1]:bounds[first]])
    return windows


def _sentence_starts(paragraph: str) -> list[int]:
    starts = [0]
    for match in _SENTENCE_END.finditer(paragraph):
        if _ABBREVIATION.search(paragraph[max(0, match.start() - 6):match.start()]):
            continue
        starts.append(match.end())
    return starts


def _resolve_in(window: str, pub_day: date | None, pub_year: int | None) -> tuple[str, str] | None:
    for pattern in (_DAY_MONTH, _MONTH_DAY, _ISO_IN_TEXT):
        for match in pattern.finditer(window):
            found = _absolute(match, pub_day, pub_year)
            if found:
                return found
    for match in _RELATIVE.finditer(window):
        if pub_day:
            found = _relative(match.group(0), pub_day)
            if found:
                return found
    for match in _MONTH_ONLY.finditer(window):
        month = MONTHS[match["month"].lower()]
        year = int(match["year"]) if match["year"] else _year_on_or_before(pub_day, pub_year, month, 1)
        if year:
            return f"{year:04d}-{month:02d}", "month"
    if pub_day:
        for match in _WEEKDAY_WORD.finditer(window):
            back = (pub_day.weekday() - WEEKDAYS[match["weekday"].lower()]) % 7
            if match["last"] and back == 0:
                back = 7
            return (pub_day - timedelta(days=back)).isoformat(), "day"
    return None


def _absolute(match: re.Match[str], pub_day: date | None, pub_year: int | None) -> tuple[str, str] | None:
    month_name = match["month"]
    month = int(month_name) if month_name.isdigit() else MONTHS[month_name.lower().rstrip(".")]
    day = int(match["day"])
    if match["year"]:
        iso, _ = _checked(int(match["year"]), month, day)
        return (iso, "day") if iso else None
    if not 1 <= day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31):
        return None
    year = _year_on_or_before(pub_day, pub_year, month, day)
    if year is None:
        return f"--{month:02d}-{day:02d}", "day-no-year"
    iso, _ = _checked(year, month, day)
    return (iso, "day") if iso else None


def _year_on_or_before(pub_day: date | None, pub_year: int | None, month: int, day: int) -> int | None:
    """The year that puts month/day on or before publication: quotes are past."""
    if pub_day:
        return pub_day.year if (month, day) <= (pub_day.month, pub_day.day) else pub_day.year - 1
    return pub_year


def _relative(phrase: str, pub_day: date) -> tuple[str, str] | None:
    phrase = phrase.lower()
    if phrase in ("last night", "the day before"):
        phrase = "yesterday"
    # Noon, so that no time-zone shift can move the result to another day.
    parsed = _parse_relative(phrase, datetime(pub_day.year, pub_day.month, pub_day.day, 12))
    if parsed is None:
        return None
    if "month" in phrase:
        return f"{parsed.year:04d}-{parsed.month:02d}", "month"
    if "year" in phrase:
        return f"{parsed.year:04d}", "year"
    precision = "week" if "week" in phrase else "day"
    return parsed.date().isoformat(), precision


@lru_cache(maxsize=4096)
def _parse_relative(phrase: str, base: datetime) -> datetime | None:
    import dateparser

    return dateparser.parse(
        phrase,
        languages=["en"],
        settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"},
    )

