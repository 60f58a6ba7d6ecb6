"""Every command through CliRunner, as a user would see it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

HARBOUR = ("Harbour plans\n\n"
           "“The new ferry tariffs will fall by half next spring,” Port Minister Dana Okafor said.\n\n"
           "“We never comment on rumours about the port,” Okafor added.\n")
HARBOUR_AGAIN = ("Ferries in the news\n\n"
                 "Port Minister Dana Okafor spoke on Friday. “The new ferry tariffs will fall by half "
                 "next spring, and the harbour will stay open all winter,” she said.\n")


@pytest.fixture
def seeded(invoke):
    result = invoke("import", str(EXAMPLES))
    assert result.exit_code == 0, result.output
    return invoke


@pytest.fixture
def harbour(invoke, tmp_path):
    first, second = tmp_path / "harbour.txt", tmp_path / "again.txt"
    first.write_text(HARBOUR)
    second.write_text(HARBOUR_AGAIN)
    assert invoke("import", str(first), "--date", "2024-03-01", "--source", "Gazette").exit_code == 0
    assert invoke("import", str(second), "--date", "2024-03-05", "--source", "Courier").exit_code == 0
    return invoke


def as_json(result):
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def quote_id(invoke, fragment: str) -> int:
    return next(q["id"] for q in as_json(invoke("quotes", "-n", "0", "--json")) if fragment in q["quote"])


# -- the seed checks (issue 2, item 8) --------------------------------------------

def test_seed_search_sanctions_returns_pompeo_first(seeded):
    results = as_json(seeded("search", "sanctions", "--json"))
    assert results[0]["speaker"] == "Michael Pompeo"
    assert results[0]["quote"].lstrip("“").startswith("We have been unambiguous")


def test_seed_quotes_by_pompeo_lists_his_two_quotations(seeded):
    direct = as_json(seeded("quotes", "--speaker", "pompeo", "--kind", "direct", "--json"))
    assert len(direct) == 2 and {r["speaker"] for r in direct} == {"Michael Pompeo"}
    assert {r["quote"].lstrip("“")[:12] for r in direct} == {"We have been", "Our energy p"}
    # His reported (indirect) position is his too, and nobody else's words are.
    every = as_json(seeded("quotes", "--speaker", "pompeo", "--json"))
    assert {r["id"] for r in direct} <= {r["id"] for r in every}
    assert {r["speaker"] for r in every} == {"Michael Pompeo"}


def test_seed_topics_include_sanctions_and_energy(seeded):
    topics = {t["topic"] for t in as_json(seeded("topics", "--json"))}
    assert {"sanctions", "energy"} <= topics
    energy = as_json(seeded("quotes", "--topic", "energy", "--speaker", "pompeo", "--json"))
    assert any("energy producers" in q["quote"] for q in energy)


# -- one quotation, many reports -------------------------------------------------

def test_quotation_reported_twice_is_listed_once_with_reports(harbour):
    quotes = as_json(harbour("quotes", "--speaker", "okafor", "--json"))
    tariffs = [q for q in quotes if "tariffs" in q["quote"]]
    assert len(tariffs) == 1
    assert tariffs[0]["reports"] == 2 and tariffs[0]["first_reported"] == "2024-03-01"
    assert "harbour will stay open" in tariffs[0]["quote"]  # the longest wording stands


def test_table_says_reported_in_n_articles(harbour, monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")
    for command in ("search", "quotes"):
        result = harbour(command, *(["tariffs"] if command == "search" else []))
        assert "reported in 2 articles, first on 2024-03-01" in result.stdout


def test_show_lists_every_report(harbour):
    qid = quote_id(harbour, "tariffs")
    data = as_json(harbour("show", str(qid), "--json"))
    assert data["reports"] == 2
    assert sorted(r["source"] for r in data["reported_in"]) == ["Courier", "Gazette"]
    table = harbour("show", str(qid)).stdout
    assert "Reported in 2 articles" in table and "Courier" in table



def test_square_brackets_in_a_quote_are_shown_as_written(invoke, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")
    story = tmp_path / "brackets.txt"
    story.write_text("Brackets\n\n“The [tax] plan is [/dead] now,” Dana Okafor said.\n")
    assert invoke("import", str(story)).exit_code == 0
    listing = invoke("quotes")
    assert listing.exit_code == 0 and "[tax] plan is [/dead] now" in listing.stdout
    shown = invoke("show", str(quote_id(invoke, "plan")))
    assert shown.exit_code == 0 and "[tax] plan is [/dead] now" in shown.stdout

# -- listings ----------------------------------------------------------------------

def test_speakers_lists_and_filters_by_topic(harbour):
    rows = as_json(harbour("speakers", "--json"))
    assert rows[0]["name"] == "Dana Okafor" and rows[0]["quotes"] == 2
    assert as_json(harbour("speakers", "--topic", "trade", "--json"))[0]["quotes"] == 1
    assert harbour("speakers", "--csv").stdout.startswith("id,name,kind,quotes")


def test_speakers_show(harbour):
    profile = as_json(harbour("speakers", "show", "okafor", "--json"))
    assert profile["roles"][0]["role"] == "Port Minister"
    assert profile["roles"][0]["date"] == "2024-03-01"
    assert "Port Minister" in harbour("speakers", "show", "Dana Okafor").stdout


def test_speakers_duplicates_merge_rename_alias(invoke, tmp_path):
    for name, words in [("Michael Pompeo", "We are ready to help Belarus build its economy"),
                        ("Mike Pompeo", "Our energy producers are ready to deliver the oil")]:
        path = tmp_path / f"{name}.txt"
        path.write_text(f"{name} speaks\n\n“{words},” {name} said.\n")
        assert invoke("import", str(path)).exit_code == 0
    duplicates = as_json(invoke("speakers", "--duplicates", "--json"))
    assert duplicates == [{"first": "Michael Pompeo", "second": "Mike Pompeo", "reason": "nickname",
                           "score": 100.0}]
    result = invoke("speakers", "merge", "Michael Pompeo", "Mike Pompeo")
    assert result.exit_code == 0 and "Merged" in result.stderr
    assert [s["name"] for s in as_json(invoke("speakers", "--json"))] == ["Michael Pompeo"]
    assert invoke("speakers", "rename", "Michael Pompeo", "Michael R. Pompeo").exit_code == 0
    assert invoke("speakers", "alias", "Michael R. Pompeo", "Secretary Pompeo").exit_code == 0
    profile = as_json(invoke("speakers", "show", "secretary pompeo", "--json"))
    assert profile["name"] == "Michael R. Pompeo" and profile["quotes"] == 2
    assert {"Mike Pompeo", "Michael Pompeo", "Secretary Pompeo"} <= set(profile["aliases"])
    assert len(as_json(invoke("search", "michael", "--json"))) == 2
    assert {a["action"] for a in as_json(invoke("audit", "--json"))} == {
        "merge speaker", "rename speaker", "alias speaker"}


def test_speaker_errors_are_one_line(harbour):
    result = harbour("speakers", "show", "Dana Okafer")
    assert result.exit_code == 1
    assert "did you mean: Dana Okafor" in result.output and "Traceback" not in result.output
    assert harbour("speakers", "merge", "okafor", "okafor").exit_code == 1


def test_articles_listing(harbour):
    rows = as_json(harbour("articles", "--json"))
    assert [(r["title"], r["source"], r["quotes"]) for r in rows] == [
        ("Ferries in the news", "Courier", 1), ("Harbour plans", "Gazette", 2)]
    assert [r["title"] for r in as_json(harbour("articles", "--source", "gazette", "--json"))] == ["Harbour plans"]
    assert "Harbour plans" in harbour("articles", "--markdown").stdout


# -- topics and curation -------------------------------------------------------------

def test_tag_untag_and_topic_filter(harbour):
    qid = quote_id(harbour, "rumours")
    assert harbour("tag", str(qid), "ports").exit_code == 0
    assert [q["id"] for q in as_json(harbour("quotes", "--topic", "ports", "--json"))] == [qid]
    assert [q["id"] for q in as_json(harbour("search", "ports", "--json"))] == [qid]
    assert harbour("untag", str(qid), "ports").exit_code == 0
    assert as_json(harbour("quotes", "--topic", "ports", "--json")) == []
    result = harbour("untag", str(qid), "ports")
    assert result.exit_code == 1 and "does not have" in result.output


def test_import_with_taxonomy_file(invoke, tmp_path):
    taxonomy = tmp_path / "mine.toml"
    taxonomy.write_text('[shipping]\nkeywords = ["ferr*"]\n')
    article = tmp_path / "a.txt"
    article.write_text(HARBOUR)
    assert invoke("import", str(article), "--taxonomy", str(taxonomy)).exit_code == 0
    rows = {t["topic"]: t["sources"] for t in as_json(invoke("topics", "--json"))}
    assert rows["shipping"] == ["taxonomy"]


def test_importing_the_folder_that_holds_the_database_passes_over_the_database(invoke, tmp_path, temporary_db):
    # The database lives in tmp_path beside the articles; while the import runs, so do its WAL journals.
    (tmp_path / "a.txt").write_text(HARBOUR)
    assert invoke("import", str(tmp_path / "a.txt")).exit_code == 0
    (tmp_path / "b.txt").write_text(HARBOUR.replace("Dana Okafor", "Ines Varga"))
    result = invoke("import", str(tmp_path))
    assert result.exit_code == 0 and "quotebook.db" not in result.stderr
    assert "1 imported, 1 skipped (already present), 0 failed" in result.stderr
    named = invoke("import", str(temporary_db))
    assert named.exit_code == 0 and "warning:" in named.stderr and "database in use" in named.stderr


def test_import_with_bad_taxonomy_fails_cleanly(invoke, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[oops\n")
    article = tmp_path / "a.txt"
    article.write_text(HARBOUR)
    result = invoke("import", str(article), "--taxonomy", str(bad))
    assert result.exit_code == 1 and "bad.toml" in result.output


def test_edit_audit_and_show_history(harbour):
    qid = quote_id(harbour, "rumours")
    result = harbour("edit", str(qid), "--speaker", "Lena Brandt", "--date", "2024-02-28")
    assert result.exit_code == 0 and "Lena Brandt" in result.stderr
    quote = as_json(harbour("show", str(qid), "--json"))
    assert (quote["speaker"], quote["date"], quote["date_source"]) == ("Lena Brandt", "2024-02-28", "user")
    assert [h["field"] for h in quote["history"]] == ["date", "speaker"]
    assert [r["field"] for r in as_json(harbour("audit", str(qid), "--json"))] == ["date", "speaker"]
    assert "History" in harbour("show", str(qid)).stdout
    assert harbour("edit", str(qid)).exit_code == 2
    assert harbour("edit", "999", "--text", "x").exit_code == 1


def test_edits_survive_reimport(harbour, tmp_path):
    qid = quote_id(harbour, "rumours")
    harbour("edit", str(qid), "--text", "“We never comment on rumours.”")
    result = harbour("import", str(tmp_path / "harbour.txt"))
    assert "1 skipped" in result.stderr
    assert as_json(harbour("show", str(qid), "--json"))["quote"] == "“We never comment on rumours.”"


def test_delete(harbour):
    qid = quote_id(harbour, "rumours")
    result = harbour("delete", str(qid), "--yes")
    assert result.exit_code == 0 and "Deleted 1 quote" in result.stderr
    assert harbour("show", str(qid)).exit_code == 1
    assert as_json(harbour("audit", str(qid), "--json"))[0]["action"] == "delete"
    assert harbour("delete", str(qid), "--yes").exit_code == 1


# -- export and timeline -------------------------------------------------------------

def test_export_and_import_round_trip(harbour, tmp_path):
    qid = quote_id(harbour, "rumours")
    harbour("tag", str(qid), "ports")
    backup = tmp_path / "backup.jsonl"
    result = harbour("export", "-o", str(backup))
    assert result.exit_code == 0 and "Exported 3 quotes" in result.stderr
    before = as_json(harbour("quotes", "--json"))
    fresh = tmp_path / "fresh.db"
    result = harbour("--db", str(fresh), "import", str(backup))
    assert result.exit_code == 0 and "2 imported" in result.stderr and "3 quotes" in result.stderr
    after = as_json(harbour("--db", str(fresh), "quotes", "--json"))
    keys = ("quote", "speaker", "date", "topics", "reports", "first_reported", "article_title", "source")
    assert [[q[k] for k in keys] for q in after] == [[q[k] for k in keys] for q in before]


def test_export_formats_and_filters(harbour):
    csv_text = harbour("export", "--format", "csv", "--speaker", "okafor", "--topic", "trade").stdout
    assert csv_text.startswith("id,quote,speaker") and len(csv_text.strip().splitlines()) == 2
    document = as_json(harbour("export", "--format", "json"))
    assert document["quotebook_export"] == 1 and len(document["articles"]) == 2
    markdown = harbour("export", "--format", "markdown", "--query", "rumours").stdout
    assert markdown.count("\n") == 3


def test_timeline(harbour):
    counts = as_json(harbour("timeline", "--json"))
    assert counts == [{"period": "2024-03", "quotes": 2}]
    assert as_json(harbour("timeline", "--by", "year", "--speaker", "okafor", "--json")) == [
        {"period": "2024", "quotes": 2}]
    chart = harbour("timeline").stdout
    assert "2024-03" in chart and "━" in chart or "█" in chart


def test_timeline_with_nothing(invoke):
    result = invoke("timeline")
    assert result.exit_code == 0 and "No dated quotes" in result.stderr


def test_help_lists_every_command(invoke):
    text = invoke("--help").stdout
    for command in ("import", "extract", "search", "quotes", "speakers", "show", "topics", "tag",
                    "untag", "articles", "edit", "delete", "audit", "export", "timeline", "path"):
        assert f"  {command} " in text
