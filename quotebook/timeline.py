"""Quotations over time: counts per month or year, with the empty periods in between."""

from __future__ import annotations

from quotebook.store import Quotebook, quote_filters

PERIOD_LENGTH = {"month": 7, "year": 4}


def timeline(book: Quotebook, *, by: str = "month", **filters) -> tuple[list[dict], int]:
    """([{"period", "quotes"}...] oldest first, gaps filled with 0; number of undated quotes)."""
    if by not in PERIOD_LENGTH:
        raise ValueError(f"by must be month or year, not {by!r}")
    width = PERIOD_LENGTH[by]
    where, params = quote_filters(**filters)
    # Dates without a year ("--02-01") cannot be placed on a time line.
    dated = "q.date GLOB '[0-9][0-9][0-9][0-9]*'"
    rows = book.conn.execute(
        f"SELECT substr(q.date, 1, {width}) AS period, count(*) FROM quotes q "
        f"JOIN articles a ON a.id = q.article_id WHERE {where} AND {dated} "
        "GROUP BY period ORDER BY period", params).fetchall()
    undated = book.conn.execute(
        f"SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id "
        f"WHERE {where} AND (q.date IS NULL OR NOT {dated})", params).fetchone()[0]
    counts = dict(rows)
    if by == "month" and rows and all(len(p) == 7 for p in counts):
        periods = _months(rows[0][0], rows[-1][0])
    elif rows:
        periods = [str(y) for y in range(int(rows[0][0][:4]), int(rows[-1][0][:4]) + 1)]
        if by == "month":  # some dates only give a year; keep their periods as they are
            periods = sorted(counts)
    else:
        periods = []
    return [{"period": p, "quotes": counts.get(p, 0)} for p in periods], undated


def _months(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    months = []
    while (year, month) <= end:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months
