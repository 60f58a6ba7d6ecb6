"""Datasette opens the database and its search box finds quotes (the README's promise)."""

import asyncio

from datasette.app import Datasette

from quotebook.data import Article
from quotebook.store import Quotebook

STORY = """Harbour dredging to resume

The port authority will resume dredging in March, its director Maren Holt said on Monday.
“The channel silts up faster than anyone planned for,” Holt said.
Councillor Ivo Brandt called the plan “a costly patch on a broken hull.”
"""


def _rows(path, query: str) -> list[dict]:
    async def fetch():
        datasette = Datasette([str(path)])
        response = await datasette.client.get(f"/{path.stem}/quotes.json?_search={query}&_shape=array")
        assert response.status_code == 200, response.text
        return response.json()

    return asyncio.run(fetch())


def test_datasette_search_box_finds_quotes_by_text_speaker_and_title(temporary_db):
    book = Quotebook(temporary_db)
    book.import_article(Article(text=STORY, title="Harbour dredging to resume"))
    book.close()
    by_text = _rows(temporary_db, "silts")
    assert [row["text"] for row in by_text] == ["“The channel silts up faster than anyone planned for,”"]
    assert {row["speaker_name"] for row in _rows(temporary_db, "Brandt")} == {"Ivo Brandt"}
    assert len(_rows(temporary_db, "dredging")) == len(book_quotes(temporary_db))


def book_quotes(path) -> list:
    book = Quotebook(path)
    try:
        return book.conn.execute("SELECT id FROM quotes").fetchall()
    finally:
        book.close()
