"""Faults, concurrency and hostile environments, with real subprocesses."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generated import write_articles

ROOT = Path(__file__).resolve().parent.parent


def quotebook(*args, db: Path, **kwargs) -> subprocess.Popen:
    env = dict(os.environ, QUOTEBOOK_DB=str(db), PYTHONUNBUFFERED="1")
    return subprocess.Popen([sys.executable, "-m", "quotebook", *args], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


def run(*args, db: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    process = quotebook(*args, db=db)
    out, err = process.communicate(timeout=timeout)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def count(db: Path, table: str) -> int:
    try:
        conn = sqlite3.connect(db, timeout=30)
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def wait_for_articles(db: Path, at_least: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while count(db, "articles") < at_least:
        if time.monotonic() > deadline:
            pytest.fail("import made no progress")
        time.sleep(0.05)


def assert_whole_articles(db: Path) -> None:
    """Every stored article has exactly the quotes extraction finds in it."""
    from quotebook.extract import extract_quotes

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for article_id, text in conn.execute("SELECT id, text FROM articles"):
        stored = conn.execute("SELECT count(*) FROM quotes WHERE article_id = ?", (article_id,)).fetchone()[0]
        assert stored == len(extract_quotes(text))


def test_import_killed_halfway_leaves_whole_articles_and_resumes(tmp_path):
    db = tmp_path / "q.db"
    write_articles(tmp_path / "in", 400)
    process = quotebook("import", str(tmp_path / "in"), db=db)
    wait_for_articles(db, 20)
    process.send_signal(signal.SIGKILL)
    process.wait()
    killed_at = count(db, "articles")
    assert 0 < killed_at < 400
    assert_whole_articles(db)

    again = run("import", str(tmp_path / "in"), db=db)
    assert again.returncode == 0, again.stderr
    assert count(db, "articles") == 400
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM (SELECT content_hash FROM articles GROUP BY content_hash "
                        "HAVING count(*) > 1)").fetchone()[0] == 0
    assert_whole_articles(db)


def test_two_imports_and_a_search_at_once_lose_nothing(tmp_path):
    db = tmp_path / "q.db"
    write_articles(tmp_path / "a", 150, start=0)
    write_articles(tmp_path / "b", 150, start=100)  # 50 articles in both
    run("path", db=db)
    first = quotebook("import", str(tmp_path / "a"), db=db)
    second = quotebook("import", str(tmp_path / "b"), db=db)
    searches = []
    while first.poll() is None or second.poll() is None:
        searches.append(run("search", "budget", "--json", db=db))
    for process in (first, second):
        out, err = process.communicate()
        assert process.returncode == 0, err
        assert "locked" not in err
    for result in searches:
        assert result.returncode == 0, result.stderr
    assert count(db, "articles") == 250
    assert_whole_articles(db)


def test_ctrl_c_stops_after_current_article_with_summary(tmp_path):
    db = tmp_path / "q.db"
    write_articles(tmp_path / "in", 400)
    process = quotebook("import", str(tmp_path / "in"), db=db)
    wait_for_articles(db, 10)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert "Stopping after the current article" in err
    assert "Interrupted" in err and "imported" in err
    assert "Traceback" not in err
    assert_whole_articles(db)


@pytest.mark.parametrize("fmt", ["", "--json", "--nl", "--csv", "--markdown"])
def test_output_into_closed_pipe_ends_quietly_with_status_0(tmp_path, fmt):
    db = tmp_path / "q.db"
    write_articles(tmp_path / "in", 60)
    assert run("import", str(tmp_path / "in"), db=db).returncode == 0
    env = dict(os.environ, QUOTEBOOK_DB=str(db))
    shell = subprocess.run(f"'{sys.executable}' -m quotebook quotes -n 0 {fmt} | head -n 1; exit ${{PIPESTATUS[0]}}",
                           shell=True, executable="/bin/bash", env=env, cwd=ROOT, capture_output=True, text=True,
                           timeout=60)
    assert shell.stdout.count("\n") == 1
    assert shell.stderr == ""
    assert shell.returncode == 0


@pytest.mark.parametrize("make_target, message", [
    (lambda tmp: tmp, "is a directory"),
    (lambda tmp: (tmp / "notes.db").write_text("plain text, not sqlite " * 200) and tmp / "notes.db",
     "not a SQLite database"),
    (lambda tmp: tmp / "missing" / "q.db", "does not exist"),
])
def test_bad_db_option_gives_one_line_and_nonzero_exit(tmp_path, make_target, message):
    target = make_target(tmp_path)
    result = run("--db", str(target), "speakers", db=tmp_path / "unused.db")
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write read-only files")
def test_read_only_database_gives_one_line(tmp_path):
    db = tmp_path / "q.db"
    run("path", db=db)
    write_articles(tmp_path / "in", 1)
    run("speakers", db=db)
    db.chmod(0o444)
    result = run("import", str(tmp_path / "in"), db=db)
    assert result.returncode != 0 and "Traceback" not in result.stderr


def test_version_and_help_import_nothing_heavy():
    probe = ("import sys\n"
             "from quotebook.cli import main\n"
             "for args in (['--version'], ['--help']):\n"
             "    sys.argv = ['quotebook', *args]\n"
             "    try:\n        main()\n    except SystemExit:\n        pass\n"
             "heavy = {'trafilatura', 'dateparser', 'feedparser', 'rapidfuzz', 'sqlite_utils', 'warcio', 'rich'}\n"
             "print(sorted(heavy & set(sys.modules)), file=sys.stderr)\n")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True)
    assert result.stderr.strip() == "[]"
