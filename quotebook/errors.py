"""Where the database is, and the error users can cause.

Kept apart from store.py so that the command line can start, parse its
options and report errors without loading the database layer.
"""

from __future__ import annotations

import os
from pathlib import Path


class QuotebookError(Exception):
    """An error a user can cause: one line, shown without a traceback."""


def default_db_path() -> Path:
    import click

    return Path(click.get_app_dir("quotebook")) / "quotebook.db"


def resolve_db_path(option: str | None = None) -> tuple[Path, str]:
    """The database in use and why: the --db option, $QUOTEBOOK_DB, or the default."""
    if option:
        return Path(option), "--db"
    env = os.environ.get("QUOTEBOOK_DB")
    if env:
        return Path(env), "QUOTEBOOK_DB"
    return default_db_path(), "default"
