from quotebook import importer
from quotebook.data import Article, Failure
from quotebook.store import Quotebook

from generated import article_text


def _items():
    items = [Article(text=article_text(i), title=f"t{i}", origin=f"a{i}.txt") for i in range(12)]
    items.insert(5, Failure("broken.bin", "binary file"))
    return items


def test_worker_pool_extraction_matches_inline_and_keeps_order(temporary_db, monkeypatch):
    book = Quotebook(temporary_db)
    inline = list(importer.extracted(book, _items(), jobs=0))
    monkeypatch.setattr(importer, "POOL_AFTER", 0)
    monkeypatch.setattr(importer, "WINDOW", 3)
    pooled = list(importer.extracted(book, _items(), jobs=1))
    assert [(i.origin, q, e) for i, q, e in pooled] == [(i.origin, q, e) for i, q, e in inline]
    assert isinstance(pooled[5][0], Failure)


def test_article_already_stored_is_not_extracted_again(temporary_db):
    book = Quotebook(temporary_db)
    first = Article(text=article_text(1), title="t")
    book.import_article(first)
    ((item, quotes, error),) = importer.extracted(book, [first], jobs=0)
    assert quotes is None and error is None


def test_a_broken_worker_pool_falls_back_to_extracting_here(temporary_db, monkeypatch):
    from concurrent.futures.process import BrokenProcessPool

    class Broken:
        def submit(self, *args, **kwargs):
            raise BrokenProcessPool("worker died")

        def shutdown(self, **kwargs):
            pass

    book = Quotebook(temporary_db)
    inline = list(importer.extracted(book, _items(), jobs=0))
    monkeypatch.setattr(importer, "POOL_AFTER", 0)
    monkeypatch.setattr(importer, "_start_pool", lambda jobs: Broken())
    fallback = list(importer.extracted(book, _items(), jobs=1))
    assert [(i.origin, q, e) for i, q, e in fallback] == [(i.origin, q, e) for i, q, e in inline]
