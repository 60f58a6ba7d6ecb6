"""Every test gets its own temporary database through $QUOTEBOOK_DB."""

from __future__ import annotations

import pytest
from click.testing import CliRunner


@pytest.fixture(autouse=True)
def temporary_db(tmp_path, monkeypatch):
    path = tmp_path / "quotebook.db"
    monkeypatch.setenv("QUOTEBOOK_DB", str(path))
    monkeypatch.delenv("QUOTEBOOK_TAXONOMY", raising=False)
    return path


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def invoke(runner):
    """Run the CLI in-process and return the click Result."""
    from quotebook.cli import cli

    def run(*args, input=None):
        return runner.invoke(cli, list(args), input=input, catch_exceptions=False)

    return run
