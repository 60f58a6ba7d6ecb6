"""Plain text, Markdown, stdin, directories and the bad inputs every format shares."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from quotebook.data import Article, Failure
from quotebook.ingest import MAX_TEXT_BYTES, read_inputs

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def only(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


def test_text_title_is_first_line_and_stays_in_text():
    article = only(read_inputs([str(FIXTURES / "harbour.txt")]))
    assert isinstance(article, Article)
    assert article.title == "Harbour cranes promised by end of year"
    assert article.text.startswith("Harbour cranes promised by end of year\n\nThe transport minister")
    assert article.fmt == "text"
    assert article.origin.endswith("harbour.txt")


def test_text_paragraphs_are_separated_by_one_blank_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Title\r\n\r\n\r\nFirst para\r\nstill first.   \r\n\r\nSecond.\r\n")
    article = only(read_inputs([str(path)]))
    assert article.text == "Title\n\nFirst para\nstill first.\n\nSecond."


def test_markdown_heading_is_title_and_markup_is_removed():
    article = only(read_inputs([str(FIXTURES / "bridge.md")]))
    assert article.fmt == "markdown"
    assert article.title == "Council approves river bridge"
    assert "**" not in article.text and "](" not in article.text and "#" not in article.text
    assert "voted seven to two for the new footbridge, after a long debate." in article.text
    assert '"This bridge joins two halves of one town," said councillor Ines Maro.' in article.text


def test_markdown_front_matter_gives_metadata():
    article = only(read_inputs([str(FIXTURES / "bridge.md")]))
    assert (article.date, article.date_precision) == ("2023-11-14", "day")
    assert article.author == "Tomas Berg"
    assert article.source == "Valley Courier"
    assert article.url == "https://courier.example/bridge"
    assert not article.text.startswith("---")


def test_markdown_is_detected_by_content_without_extension(tmp_path):
    path = tmp_path / "notes"
    path.write_text("# Ferry strike\n\nThe **crews** walked out.\n")
    article = only(read_inputs([str(path)]))
    assert article.fmt == "markdown"
    assert article.title == "Ferry strike"


def test_stdin_is_read_with_dash(monkeypatch):
    data = "Road reopens\n\nThe coast road reopened after the landslide.\n".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    article = only(read_inputs(["-"]))
    assert article.origin == "-"
    assert article.title == "Road reopens"


def test_stdin_jsonl_streams_many_articles(monkeypatch):
    lines = "".join(f'{{"title": "T{i}", "text": "Body {i}."}}\n' for i in range(50)).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines)))
    items = list(read_inputs(["-"]))
    assert [a.title for a in items] == [f"T{i}" for i in range(50)]


def test_forced_format_overrides_detection(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("# Not a heading in plain text\n\nBody.\n")
    article = only(read_inputs([str(path)], fmt="text"))
    assert article.fmt == "text"
    assert article.title == "# Not a heading in plain text"


def test_unknown_forced_format_is_a_programming_error():
    with pytest.raises(ValueError):
        read_inputs(["x"], fmt="pdf")


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16", "utf-16-le", "utf-8-sig"])
def test_text_in_other_encodings_is_decoded(tmp_path, encoding):
    text = "Café talks\n\nThe mayor met the café owners in the old town. “We are not giving up,” said Zoë Müller.\n"
    if encoding == "latin-1":
        text = text.replace("“", '"').replace("”", '"')
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    article = only(read_inputs([str(path)]))
    assert isinstance(article, Article), article
    assert article.title == "Café talks"
    assert "Zoë Müller" in article.text


def test_binary_file_fails_with_one_line_naming_it(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    failure = only(read_inputs([str(path)]))
    assert isinstance(failure, Failure) and not failure.warning
    assert failure.origin == str(path)
    assert "binary" in failure.message and "\n" not in failure.message


def test_random_bytes_fail_as_binary(tmp_path):
    path = tmp_path / "blob"
    path.write_bytes(bytes((i * 7919) % 256 for i in range(5000)))
    failure = only(read_inputs([str(path)]))
    assert isinstance(failure, Failure)
    assert "binary" in failure.message


def test_empty_file_is_a_warning(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    failure = only(read_inputs([str(path)]))
    assert isinstance(failure, Failure) and failure.warning
    assert "empty" in failure.message


def test_missing_file_fails_and_the_rest_still_imports(tmp_path):
    items = list(read_inputs([str(tmp_path / "nope.txt"), str(FIXTURES / "harbour.txt")]))
    assert isinstance(items[0], Failure) and "nope.txt" in items[0].origin
    assert isinstance(items[1], Article)


def test_huge_text_file_is_refused_cleanly(tmp_path):
    path = tmp_path / "huge.txt"
    paragraph = ("The committee met again and nothing was decided. " * 20 + "\n\n").encode()
    with open(path, "wb") as out:
        for _ in range((50 << 20) // len(paragraph) + 1):
            out.write(paragraph)
    assert path.stat().st_size >= 50 << 20
    failure = only(read_inputs([str(path)]))
    assert isinstance(failure, Failure)
    assert "too large" in failure.message and "MB" in failure.message


def test_text_just_under_the_limit_is_read(tmp_path):
    path = tmp_path / "long.txt"
    path.write_bytes(b"Long read\n\n" + b"word " * ((MAX_TEXT_BYTES - 100) // 5))
    article = only(read_inputs([str(path)]))
    assert isinstance(article, Article)


def test_directory_of_ten_thousand_files_is_streamed_lazily(tmp_path, monkeypatch):
    for d in range(10):
        sub = tmp_path / f"d{d}"
        sub.mkdir()
        for i in range(1000):
            (sub / f"{i:04d}.txt").write_text(f"Story {d}-{i}\n\nBody {i}.\n")
    listed: list[str] = []
    real_scandir = os.scandir
    monkeypatch.setattr(os, "scandir", lambda path: listed.append(str(path)) or real_scandir(path))
    stream = read_inputs([str(tmp_path)])
    first = next(stream)
    # The first article arrives before the other directories are even listed.
    assert first.title == "Story 0-0"
    assert listed == [str(tmp_path), str(tmp_path / "d0")]
    rest = list(stream)
    assert len(rest) == 9_999
    assert all(isinstance(a, Article) for a in rest)
    assert rest[-1].title == "Story 9-999"


def test_directory_walk_skips_hidden_files_and_directories(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text("ref\n")
    (tmp_path / ".draft.txt").write_text("Draft\n")
    (tmp_path / "b.txt").write_text("Bee\n")
    (tmp_path / "a.txt").write_text("Ay\n")
    assert [a.title for a in read_inputs([str(tmp_path)])] == ["Ay", "Bee"]


def test_bad_file_in_directory_does_not_stop_the_rest(tmp_path):
    (tmp_path / "a.bin").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "b.txt").write_text("Fine\n\nText.\n")
    items = list(read_inputs([str(tmp_path)]))
    assert isinstance(items[0], Failure) and isinstance(items[1], Article)


def test_importing_ingest_does_not_import_heavy_parsers():
    import subprocess

    code = (
        "import sys, quotebook.ingest, quotebook.dates;"
        "heavy = {'trafilatura', 'feedparser', 'warcio', 'dateparser', 'charset_normalizer', 'urllib.request'};"
        "print(sorted(heavy & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
