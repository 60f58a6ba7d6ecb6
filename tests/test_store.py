import json

from quotebook.data import Article, Quote
from quotebook.store import Quotebook, name_key

ARTICLE = Article(
    text=("Harbour talks resume\n\nPort Minister Dana Okafor arrived on Monday.\n\n"
          "“We will reopen the northern dock,” Okafor said."),
    title="Harbour talks resume", date="2024-05-06", source="The Gazette", url="https://example.org/a",
)


def quote(text_of, article=ARTICLE, **fields):
    start = article.text.index(text_of)
    values = dict(text=text_of, spans=((start, start + len(text_of)),), kind="direct",
                  speaker="Dana Okafor", mention="Okafor", role="Port Minister", speaker_type="person",
                  cue="said", confidence=0.9, date="2024-05-06", date_precision="day",
                  date_source="publication", topics=(("trade", "taxonomy"),))
    values.update(fields)
    return Quote(**values)


def test_article_and_quotes_are_stored_with_offsets(temporary_db):
    book = Quotebook(temporary_db)
    result = book.add_article(ARTICLE, [quote("“We will reopen the northern dock,”")])
    assert result.status == "imported" and result.quotes == 1
    row = book.conn.execute("SELECT text, start, end, spans, mention, cue, kind FROM quotes").fetchone()
    text = book.article_text(result.article_id)
    assert text[row[1]:row[2]] == row[0]
    assert json.loads(row[3]) == [[row[1], row[2]]]
    assert row[4:] == ("Okafor", "said", "direct")


def test_same_article_twice_is_skipped(temporary_db):
    book = Quotebook(temporary_db)
    book.add_article(ARTICLE, [quote("“We will reopen the northern dock,”")])
    again = book.add_article(ARTICLE, [quote("“We will reopen the northern dock,”")])
    assert again.status == "skipped"
    assert book.counts()["quotes"] == 1


def test_same_text_with_other_spacing_and_case_is_the_same_article(temporary_db):
    book = Quotebook(temporary_db)
    book.add_article(ARTICLE, [])
    variant = Article(text=ARTICLE.text.upper().replace("\n\n", "\n \n"), title="x")
    assert book.find_article(variant) is not None


def test_speaker_gets_aliases_and_role(temporary_db):
    book = Quotebook(temporary_db)
    book.add_article(ARTICLE, [quote("“We will reopen the northern dock,”")])
    (speaker_id, name), = book.speaker_matches("okafor")
    assert name == "Dana Okafor"
    assert book.speaker_roles(speaker_id) == [("Port Minister", "2024-05-06")]


def test_anonymous_source_is_never_a_speaker(temporary_db):
    book = Quotebook(temporary_db)
    book.add_article(ARTICLE, [quote("“We will reopen the northern dock,”", speaker="a source",
                                     mention="a source", speaker_type="anonymous")])
    assert book.speakers() == []
    stored = book.quotes()[0]
    assert stored.speaker is None and stored.mention == "a source"


def test_failed_article_leaves_nothing_half_written(temporary_db):
    book = Quotebook(temporary_db)
    bad = quote("“We will reopen the northern dock,”", kind="not-a-kind")
    try:
        book.add_article(ARTICLE, [quote("“We will reopen the northern dock,”"), bad])
    except Exception:
        pass
    assert book.counts() == {"articles": 0, "quotes": 0, "speakers": 0, "topics": 0}


def test_quotes_are_filtered_by_topic_and_date(temporary_db):
    book = Quotebook(temporary_db)
    book.add_article(ARTICLE, [quote("“We will reopen the northern dock,”")])
    assert len(book.quotes(topic="TRADE")) == 1
    assert book.quotes(topic="health") == []
    assert len(book.quotes(since="2024-05", until="2024-05")) == 1
    assert book.quotes(since="2024-06") == []


def test_name_key_folds_case_accents_and_punctuation():
    assert name_key("José  Álvarez-Peña") == name_key("jose alvarez-pena")
    assert name_key("Mr. O’Neil") == "mr o'neil"


def test_topics_differing_only_in_case_are_one_topic_shown_one_way(temporary_db):
    book = Quotebook(temporary_db)
    book.add_article(ARTICLE, [quote("“We will reopen the northern dock,”", topics=(("Ports", "user"),))])
    other = Article(text=ARTICLE.text + "\n\nMore.", title="Again")
    book.add_article(other, [quote("“We will reopen the northern dock,”", article=other, speaker="Ann Lee",
                                   topics=(("ports", "user"), ("PORTS", "heading")))])
    assert book.counts()["topics"] == 1
    assert {q.topics for q in book.quotes(limit=None)} == {("Ports",)}


def test_until_leaves_out_dates_without_a_year(temporary_db):
    book = Quotebook(temporary_db)
    book.add_article(ARTICLE, [quote("“We will reopen the northern dock,”", date="--05-06",
                                     date_precision="day-no-year")])
    assert book.quotes(until="2024") == []
    assert book.speakers(until="2024") == []
