from quotebook.data import Article
from quotebook.dates import dateline
from quotebook.pipeline import process_article

UNDATED = ("Ferry deal signed\n\nTransport Minister Ilse Brandt arrived in Tallinn on Thursday, 12 March "
           "to sign the agreement.\n\n“This ferry links two capitals,” Brandt said.")


def test_undated_article_quotes_take_the_day_named_at_the_top_without_inventing_a_year():
    quotes = process_article(Article(text=UNDATED, title="Ferry deal signed"))
    assert [(q.date, q.date_precision, q.date_source) for q in quotes] == [("--03-12", "day-no-year", "dateline")]


def test_dated_article_quotes_take_the_publication_date():
    quotes = process_article(Article(text=UNDATED, title="Ferry deal signed", date="2026-03-13",
                                     date_precision="day"))
    assert quotes[0].date == "2026-03-13" and quotes[0].date_source == "publication"


def test_dateline_ignores_dates_inside_quotations():
    assert dateline("Talks\n\n“We meet on 3 May,” she said.") is None
    assert dateline("Talks\n\nThe summit opened on 3 May 2021 in Riga.") == ("2021-05-03", "day")


def test_quote_gets_heading_taxonomy_and_user_topics_with_their_sources():
    text = ("Budget talks\n\nEnergy and prices\n\n“Gas subsidies must end this winter,” "
            "Finance Minister Ola Berg said.")
    (quote,) = process_article(Article(text=text, title="Budget talks", topics=("winter",)))
    assert ("energy and prices", "heading") in quote.topics
    assert ("energy", "taxonomy") in quote.topics
    assert ("winter", "user") in quote.topics
