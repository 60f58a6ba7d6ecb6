"""The shipped nickname table (data/nicknames.txt): Mike/Michael, Bill/William, …"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def nickname_groups() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(given name, its nicknames) for each line of the table, lower-cased."""
    from importlib import resources

    text = resources.files("quotebook").joinpath("data/nicknames.txt").read_text(encoding="utf-8")
    groups = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        given, _, short = line.partition(":")
        groups.append((given.strip().lower(),
                       tuple(s.strip().lower() for s in short.split(",") if s.strip())))
    return tuple(groups)
