"""quotebook: keep track of who said what.

    from quotebook import Quotebook, extract_quotes
    quotes = extract_quotes(text)
    with Quotebook("quotes.db") as book:
        book.import_article(Article(text=text, title="..."))
        book.search("sanctions")

Names are loaded on first use, so that `quotebook --help` starts fast.
"""

__version__ = "0.1.0"

__all__ = ["Article", "Quote", "Quotebook", "QuotebookError", "extract_quotes", "__version__"]

_LAZY = {
    "Article": "quotebook.data",
    "Quote": "quotebook.data",
    "Quotebook": "quotebook.store",
    "QuotebookError": "quotebook.store",
    "extract_quotes": "quotebook.extract",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'quotebook' has no attribute {name!r}")
