"""Build short stored articles for tests: the text is made from the quotes it holds."""

from __future__ import annotations

from quotebook.data import Article, Quote
from quotebook.store import ImportResult, Quotebook


def said(words: str, speaker: str | None, **fields) -> dict:
    """A quotation to put into an article: its words, speaker and any Quote fields."""
    return {"words": words, "speaker": speaker, **fields}


def store(book: Quotebook, title: str, date: str | None, *quotations: dict,
          source: str = "The Gazette", topics: tuple[str, ...] = ()) -> ImportResult:
    """Store an article whose text is the title and one paragraph a quotation."""
    text = title
    quotes = []
    for q in quotations:
        fields = dict(q)
        words, speaker = fields.pop("words"), fields.pop("speaker")
        surname = speaker.split()[-1] if speaker else "a spokesperson"
        text += "\n\n"
        start = len(text)
        text += f"“{words}”"
        end = len(text)
        text += f" {surname} said."
        fields.setdefault("topics", ())
        quotes.append(Quote(text=f"“{words}”", spans=((start, end),), speaker=speaker,
                            mention=surname if speaker else None,
                            speaker_type="person" if speaker else "anonymous", cue="said",
                            confidence=0.9, date=date, date_precision="day" if date else None,
                            date_source="publication" if date else "none", **fields))
    article = Article(text=text, title=title, date=date, source=source, topics=topics)
    return book.add_article(article, quotes)
