"""Search: query language, typo tolerance, ranking, filters, speakers, dates."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotebook.data import Article, Quote
from quotebook.search import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    add_terms,
    closest_terms,
    highlight_spans,
    mark_highlights,
    parse_date_bound,
    rebuild_terms,
    resolve_speaker,
    search,
)
from quotebook.store import Quotebook, QuotebookError


def quote(text: str, speaker: str | None = "Michael Pompeo", *, kind: str = "direct",
          mention: str | None = None, date: str | None = None,
          topics: tuple[str, ...] = ()) -> Quote:
    return Quote(text=text, spans=((0, len(text)),), kind=kind, speaker=speaker,
                 mention=mention or (speaker.split()[-1] if speaker else None),
                 speaker_type="person" if speaker else None, date=date,
                 topics=tuple((t, "user") for t in topics))


def article(qb: Quotebook, title: str, published: str, *quotes: Quote, source: str = "Reuters"):
    body = title + "\n\n" + "\n\n".join(q.text for q in quotes)
    dated = [q if q.date else Quote(**{**q.__dict__, "date": published}) for q in quotes]
    return qb.add_article(Article(text=body, title=title, date=published, source=source), dated)


@pytest.fixture
def qb(tmp_path):
    book = Quotebook(tmp_path / "q.db")
    article(book, "Pompeo visits Minsk", "2020-02-01",
            quote("We have been unambiguous about the sanctions on Belarus.", "Michael Pompeo",
                  topics=("Belarus",)),
            quote("The United States wants to help Belarus build its sovereignty.",
                  "Michael Pompeo"),
            quote("Belarus is ready to talk about oil supplies.", "Vladimir Makei"))
    article(book, "Senate debates health care", "2021-05-10",
            quote("Medicare for all is the only answer, and sanctioning drug companies helps.",
                  "Bernie Sanders", topics=("Health",)),
            quote("The president will not back down on trade tariffs.", "Sarah Huckabee Sanders"),
            source="AP")
    article(book, "Trade war heats up", "2019-07-03",
            quote("Tariffs are a tax on American families.", "Nancy Pelosi", kind="indirect"),
            quote("We will impose new sanctions if needed, and sanctions work.", "Michael Pompeo"),
            source="AP")
    yield book
    book.close()


def texts(results) -> list[str]:
    return [q.text for q in results.quotes]


def test_plain_words_all_must_match(qb):
    assert texts(search(qb.conn, "sanctions belarus")) == [
        "We have been unambiguous about the sanctions on Belarus."]


def test_stemming_finds_other_forms(qb):
    found = texts(search(qb.conn, "sanction"))
    assert "We have been unambiguous about the sanctions on Belarus." in found
    assert any("sanctioning" in t for t in found)


def test_quote_text_outranks_title_and_speaker(qb):
    # "Pompeo" is in no quote text, only in speaker names and a title.
    results = search(qb.conn, "belarus")
    assert results.quotes[0].text.startswith(("We have been", "The United States", "Belarus is"))
    assert all(q.rank is not None and q.rank < 0 for q in results.quotes)


def test_speaker_name_and_title_are_searched(qb):
    assert "Belarus is ready to talk about oil supplies." in texts(search(qb.conn, "minsk"))
    assert texts(search(qb.conn, "pelosi")) == ["Tariffs are a tax on American families."]


def test_exact_phrase(qb):
    assert texts(search(qb.conn, '"sanctions work"')) == [
        "We will impose new sanctions if needed, and sanctions work."]
    assert texts(search(qb.conn, '"work sanctions"')) == []


def test_curly_quotes_and_unclosed_phrase(qb):
    assert len(search(qb.conn, "“sanctions work”").quotes) == 1
    assert len(search(qb.conn, '"sanctions work').quotes) == 1


def test_excluded_word(qb):
    found = texts(search(qb.conn, "sanctions -belarus"))
    assert found and not any("Belarus" in t for t in found)
    assert texts(search(qb.conn, "sanctions NOT belarus")) == found


def test_or(qb):
    found = texts(search(qb.conn, "medicare OR tariffs"))
    assert len(found) == 3


def test_or_binds_tighter_than_and(qb):
    assert texts(search(qb.conn, "american medicare OR families")) == [
        "Tariffs are a tax on American families."]


def test_prefix(qb):
    assert len(search(qb.conn, "sovereign*").quotes) == 1
    assert search(qb.conn, "sovereign*").quotes[0].highlighted.count(HIGHLIGHT_START) == 1


def test_highlight_markers(qb):
    quote = search(qb.conn, "unambiguous").quotes[0]
    assert quote.highlighted == (f"We have been {HIGHLIGHT_START}unambiguous{HIGHLIGHT_END} "
                                 "about the sanctions on Belarus.")
    assert mark_highlights(quote.highlighted) == (
        "We have been [unambiguous] about the sanctions on Belarus.")
    assert highlight_spans(quote.highlighted) == (quote.text, [(13, 24)])


@pytest.mark.parametrize("typo", ["sanctons", "sanctinos", "snactions", "asnctions"])
def test_typo_is_corrected_and_reported(qb, typo):
    results = search(qb.conn, typo)
    assert results.corrected == "sanctions"
    assert "We have been unambiguous about the sanctions on Belarus." in texts(results)


def test_correction_keeps_the_rest_of_the_query(qb):
    results = search(qb.conn, 'belarus sanctons')
    assert results.corrected == "belarus sanctions"
    assert len(results.quotes) == 1


def test_known_word_is_not_corrected(qb):
    assert search(qb.conn, "sanction").corrected is None
    assert search(qb.conn, "pompeo").corrected is None  # only in names: still known


def test_word_like_nothing_gives_a_note(qb):
    results = search(qb.conn, "xylophonist")
    assert results.quotes == [] and results.corrected is None
    assert any("xylophonist" in n for n in results.notes)


def test_add_terms_counts_documents_once_per_quote(tmp_path):
    with Quotebook(tmp_path / "q.db") as book:
        add_terms(book.conn, ["Sanctions, sanctions!", "Café SANCTIONS"])
        terms = dict(book.conn.execute("SELECT term, documents FROM search_terms"))
    assert terms == {"sanctions": 2, "cafe": 1}


def test_import_keeps_the_vocabulary_current(qb):
    terms = dict(qb.conn.execute("SELECT term, documents FROM search_terms"))
    assert terms["sanctions"] == 2 and terms["belarus"] == 3
    before = sorted(terms.items())
    rebuild_terms(qb.conn)
    assert sorted(qb.conn.execute("SELECT term, documents FROM search_terms")) == before


def test_closest_terms_prefers_the_nearest_word(qb):
    assert closest_terms(qb.conn, "tarifs") == ["tariffs"]
    assert closest_terms(qb.conn, "zzzzzz") == []


def test_relevance_ties_go_to_the_newest(tmp_path):
    with Quotebook(tmp_path / "q.db") as book:
        article(book, "Old", "2001-01-01", quote("Drought is here.", "Ann Lee"))
        article(book, "New", "2022-01-01", quote("Drought is near.", "Ann Lee"))
        assert [q.date for q in search(book.conn, "drought").quotes] == ["2022-01-01", "2001-01-01"]


def test_sort_by_date(qb):
    dates = [q.date for q in search(qb.conn, "sanctions OR tariffs", sort="date").quotes]
    assert dates == sorted(dates, reverse=True) and len(dates) == 5


def test_limit(qb):
    assert len(search(qb.conn, "belarus", limit=1).quotes) == 1
    assert len(search(qb.conn, "belarus", limit=0).quotes) == 3  # 0: no limit


def test_common_words_rank_only_the_newest_window(qb, monkeypatch):
    import quotebook.search as search_module

    monkeypatch.setattr(search_module, "RANK_WINDOW", 1)
    results = search(qb.conn, "belarus")
    assert results.truncated and any("ranked the newest" in n for n in results.notes)
    assert results.quotes  # still finds the best of the newest


def test_speaker_filter_finds_quotes_under_an_alias(tmp_path):
    with Quotebook(tmp_path / "q.db") as book:
        article(book, "One", "2020-01-01", quote("Tariffs will fall.", "Michael Pompeo"))
        article(book, "Two", "2020-01-02", quote("Tariffs will rise.", "Mike Pompeo"))
        ids = resolve_speaker(book.conn, "Michael Pompeo").ids
        found = search(book.conn, "tariffs", speaker_ids=ids).quotes
        by_id = {r[0]: r[1] for r in book.conn.execute("SELECT id, speaker_id FROM quotes")}
        assert sorted(q.text for q in found) == sorted(
            t for (t, s) in book.conn.execute("SELECT text, speaker_id FROM quotes")
            if s in ids)
        assert by_id


def test_sort_by_date_on_a_common_word_walks_the_date_index(qb, monkeypatch):
    import quotebook.search as search_module

    monkeypatch.setattr(search_module, "RANK_WINDOW", 1)
    dates = [q.date for q in search(qb.conn, "sanctions OR tariffs OR belarus", sort="date").quotes]
    assert dates == sorted(dates, reverse=True) and len(dates) == 7


def test_filters(qb):
    pompeo = resolve_speaker(qb.conn, "pompeo").ids
    assert len(search(qb.conn, "sanctions", speaker_ids=pompeo).quotes) == 2
    assert len(search(qb.conn, "sanctions", since="2020").quotes) == 2
    assert len(search(qb.conn, "sanctions", until="2019").quotes) == 1
    assert len(search(qb.conn, "sanctions", since="2020-01", until="2020-02").quotes) == 1
    assert len(search(qb.conn, "sanctions OR tariffs", source="ap").quotes) == 4
    assert texts(search(qb.conn, "tariffs", kind="indirect")) == [
        "Tariffs are a tax on American families."]
    assert texts(search(qb.conn, "belarus", topic="belarus")) == [
        "We have been unambiguous about the sanctions on Belarus."]


def test_a_duplicate_report_is_listed_once(qb):
    first = search(qb.conn, "sovereignty").quotes[0]
    article(qb, "Pompeo in Minsk, again", "2020-02-02",
            quote("The United States wants to help Belarus build its sovereignty.",
                  "Michael Pompeo"))
    copy = qb.conn.execute("SELECT max(id) FROM quotes").fetchone()[0]
    qb.conn.execute("UPDATE quotes SET canonical_id = ? WHERE id = ?", (first.id, copy))
    assert [q.id for q in search(qb.conn, "sovereignty").quotes] == [first.id]


@pytest.mark.parametrize("query", ["", "   ", "OR", "AND", "NOT", "*", "-", '"', '""', "()",
                                   "-belarus", "🙂", "\x00"])
def test_queries_with_nothing_to_find_give_one_line(qb, query):
    with pytest.raises(QuotebookError) as error:
        search(qb.conn, query)
    assert "\n" not in str(error.value)


@pytest.mark.parametrize("query", ['sanctions "', "(sanctions", "sanctions)", "sanctions OR",
                                   "OR sanctions", "sanctions AND", 'san"ctions', "NEAR(sanctions)",
                                   "text:sanctions", "sanctions^", "{sanctions}", "sanctions\x00"])
def test_fts_syntax_in_a_query_is_taken_as_words(qb, query):
    search(qb.conn, query)


@pytest.mark.parametrize("options", [{"sort": "size"}, {"kind": "quoted"}, {"limit": -1},
                                     {"since": "soon"}, {"until": "2020-13"}])
def test_bad_options_give_one_line(qb, options):
    with pytest.raises(QuotebookError):
        search(qb.conn, "sanctions", **options)


def test_since_after_until_is_an_error(qb):
    with pytest.raises(QuotebookError, match="after"):
        search(qb.conn, "sanctions", since="2021", until="2020")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(), topic=st.none() | st.text(max_size=10),
       source=st.none() | st.text(max_size=10), since=st.none() | st.text(max_size=12),
       sort=st.sampled_from(["relevance", "date"]),
       kind=st.none() | st.sampled_from(["direct", "indirect", "mixed"]))
def test_search_never_raises_anything_but_quotebook_error(qb, query, topic, source, since, sort,
                                                          kind):
    try:
        search(qb.conn, query, topic=topic, source=source, since=since, sort=sort, kind=kind)
    except QuotebookError as error:
        assert "\n" not in str(error)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(alphabet=st.sampled_from(list('ab "-*()OR NOT AND:^{}'))))
def test_operator_soup_never_crashes(qb, query):
    try:
        search(qb.conn, query)
    except QuotebookError:
        pass


# -- speakers ---------------------------------------------------------------


@pytest.mark.parametrize("name", ["pompeo", "Pompeo", "Michael Pompeo", "Mike Pompeo", "pompoe",
                                  "michael pompoe", "POMPEO"])
def test_forgiving_speaker_names_reach_pompeo(qb, name):
    match = resolve_speaker(qb.conn, name)
    assert match.names == ["Michael Pompeo"] and not match.ambiguous


def test_shared_surname_is_ambiguous(qb):
    match = resolve_speaker(qb.conn, "sanders")
    assert match.ambiguous and match.names == ["Bernie Sanders", "Sarah Huckabee Sanders"]
    assert resolve_speaker(qb.conn, "sandres").ambiguous


def test_full_name_is_not_ambiguous(qb):
    assert resolve_speaker(qb.conn, "Bernie Sanders").names == ["Bernie Sanders"]
    assert resolve_speaker(qb.conn, "Bernard Sanders").names == ["Bernie Sanders"]


def test_unknown_speaker_gets_suggestions(qb):
    match = resolve_speaker(qb.conn, "Nancy Pelosky")
    assert match.ids == [] or match.names == ["Nancy Pelosi"]
    match = resolve_speaker(qb.conn, "Pelsoi Nanci")
    assert match.ids == [] and "Nancy Pelosi" in match.suggestions
    assert resolve_speaker(qb.conn, "Zbigniew").ids == []
    assert resolve_speaker(qb.conn, "").ids == []


# -- dates ------------------------------------------------------------------

TODAY = date(2024, 3, 15)  # a Friday


@pytest.mark.parametrize("value, end, expected", [
    ("2020", False, "2020"),
    ("2020-02", False, "2020-02"),
    ("2020-2", False, "2020-02"),
    ("2020-02-01", False, "2020-02-01"),
    ("2020/02/01", False, "2020-02-01"),
    ("today", False, "2024-03-15"),
    ("yesterday", False, "2024-03-14"),
    ("last month", False, "2024-02"),
    ("last month", True, "2024-02"),
    ("this month", False, "2024-03"),
    ("last year", False, "2023"),
    ("last week", False, "2024-03-04"),
    ("last week", True, "2024-03-10"),
    ("3 days ago", False, "2024-03-12"),
    ("two months ago", False, "2024-01"),
    ("Last  Month", False, "2024-02"),
    ("1 February 2020", False, "2020-02-01"),
    ("February 2020", False, "2020-02"),
])
def test_date_bounds(value, end, expected):
    assert parse_date_bound(value, end=end, today=TODAY) == expected


@pytest.mark.parametrize("value", ["", "soon", "2020-13", "2020-02-30", "last fortnight", "99999",
                                   "next month", "\x00", "12 parsecs ago"])
def test_garbage_dates_give_one_line(value):
    with pytest.raises(QuotebookError) as error:
        parse_date_bound(value, today=TODAY)
    assert "\n" not in str(error.value)


def test_last_month_in_january_is_december():
    assert parse_date_bound("last month", today=date(2024, 1, 5)) == "2023-12"


# -- phrases of very common words: the windowed path ---------------------------


@pytest.fixture
def common(tmp_path):
    """Thirty quotes where "in a" is sometimes a phrase and sometimes only two words."""
    book = Quotebook(tmp_path / "common.db")
    # A different place each day: reports whose words match are grouped as one quotation.
    places = ("Oslo Rome Lima Kyiv Doha Riga Baku Bern Kiev Lyon Nice Pisa Bonn Graz Linz "
              "Cork Ghent Turin Split Porto Quito Hanoi Dakar Accra Tunis Sofia Minsk Perth "
              "Delhi Seoul").split()
    for day, place in enumerate(places, start=1):
        if day % 3 == 0:
            text = f"We met in a hall in {place}."
        elif day % 3 == 1:
            text = f"A deal in {place} in March."  # both words, not the phrase
        else:
            text = f"Talks resumed in {place}."
        speaker = "Michael Pompeo" if day % 2 else "Nancy Pelosi"
        article(book, f"Day {day}", f"2020-01-{day:02d}", quote(text, speaker))
    yield book
    book.close()


@pytest.fixture
def windowed(monkeypatch):
    """Send every phrase query down the windowed path, in windows of two rows."""
    import quotebook.search as search_module

    monkeypatch.setattr(search_module, "PHRASE_COST_ROWS", -1)
    monkeypatch.setattr(search_module, "WINDOW_FIRST_ROWS", 2)
    return search_module


def phrase_days(results) -> list[int]:
    return [int(q.date[-2:]) for q in results.quotes]


def test_windowed_phrase_finds_exactly_the_phrase_matches(common, windowed):
    exact = {3, 6, 9, 12, 15, 18, 21, 24, 27, 30}
    results = search(common.conn, '"in a"', limit=0)
    assert set(phrase_days(results)) == exact and not results.truncated
    assert results.notes == []
    assert search(common.conn, '"a in"', limit=0).quotes == []


def test_windowed_phrase_agrees_with_the_exact_path(common, windowed, monkeypatch):
    queries = ['"in a"', '"in a" hall', '"in a" -pelosi', '"in a" OR march', '"we met in"']
    found = {q: sorted(phrase_days(search(common.conn, q, limit=0))) for q in queries}
    monkeypatch.setattr(windowed, "PHRASE_COST_ROWS", 10**9)
    assert found == {q: sorted(phrase_days(search(common.conn, q, limit=0))) for q in queries}


def test_windowed_phrase_ranks_like_bm25_for_one_phrase(common, windowed, monkeypatch):
    article(common, "Day 31", "2020-01-31",
            quote("In a word, in a hall, in a hurry.", "Nancy Pelosi"))
    results = search(common.conn, '"in a"', limit=3)
    assert phrase_days(results)[0] == 31  # three matches outrank one
    assert all(q.rank is not None and q.rank < 0 for q in results.quotes)
    monkeypatch.setattr(windowed, "PHRASE_COST_ROWS", 10**9)
    assert phrase_days(search(common.conn, '"in a"', limit=3)) == phrase_days(results)


def test_windowed_phrase_respects_filters(common, windowed):
    pompeo = resolve_speaker(common.conn, "pompeo").ids
    assert sorted(phrase_days(search(common.conn, '"in a"', speaker_ids=pompeo, limit=0))) == [
        3, 9, 15, 21, 27]
    assert sorted(phrase_days(search(common.conn, '"in a"', since="2020-01-20", limit=0))) == [
        21, 24, 27, 30]


def test_windowed_phrase_sorted_by_date(common, windowed):
    assert phrase_days(search(common.conn, '"in a"', sort="date", limit=4)) == [30, 27, 24, 21]


def test_windowed_search_stops_at_its_budget_and_says_so(common, windowed, monkeypatch):
    monkeypatch.setattr(windowed, "WINDOW_CHECK_BUDGET", 0)  # one first window only
    monkeypatch.setattr(windowed, "WINDOW_FIRST_ROWS", 7)
    results = search(common.conn, '"in a"', limit=0)
    # The newest seven rows (days 24-30) hold three phrase matches.
    assert sorted(phrase_days(results)) == [24, 27, 30]
    assert results.truncated
    assert any("only the newest 7 quotations were searched" in n for n in results.notes)


def test_windowed_search_stops_once_it_has_enough_matches(common, windowed, monkeypatch):
    monkeypatch.setattr(windowed, "WINDOW_MATCHES", 2)
    results = search(common.conn, '"in a"', limit=2)
    assert sorted(phrase_days(results)) == [27, 30] and results.truncated


def test_phrase_cost_is_high_only_for_common_words(common):
    import quotebook.search as search_module

    cost = lambda q: search_module._phrase_cost(common.conn, search_module.parse_query(q))[0]  # noqa: E731
    assert cost('"in a"') > cost('"in a hall"') > 0
    assert cost("in a") == 0 and cost("hall") == 0  # no phrase: no positions to check


def test_a_phrase_of_words_all_in_many_quotes_is_searched_in_windows(common, monkeypatch):
    import quotebook.search as search_module

    walk = lambda q: search_module._phrase_cost(common.conn, search_module.parse_query(q))[2]  # noqa: E731
    assert walk('"in a"') > walk('"in a hall"')  # the rarest word of the phrase sets the walk
    # Estimated co-occurrence says cheap, but every word is common: the windows bound the walk.
    monkeypatch.setattr(search_module, "PHRASE_COST_ROWS", 10**9)
    monkeypatch.setattr(search_module, "PHRASE_WALK_ROWS", walk('"in a hall"'))
    monkeypatch.setattr(search_module, "WINDOW_CHECK_BUDGET", 0)  # one first window only
    monkeypatch.setattr(search_module, "WINDOW_FIRST_ROWS", 7)
    common_words = search(common.conn, '"in a"', limit=0)
    assert sorted(phrase_days(common_words)) == [24, 27, 30] and common_words.truncated
    assert not search(common.conn, '"in a hall"', limit=0).truncated


def test_verbatim_quotation_outranks_an_equally_matching_paraphrase(tmp_path):
    from quotebook.data import Article, Quote
    from quotebook.store import Quotebook

    text = "Tariffs\n\nThe tariffs hurt farmers, Lee said.\n\n“The tariffs hurt farmers,” Lee said."
    first = text.index("The tariffs")
    second = text.index("“The tariffs")
    with Quotebook(tmp_path / "q.db") as book:
        book.add_article(Article(text=text, title="Tariffs"), [
            Quote(text=text[first:first + 25], spans=((first, first + 25),), kind="indirect", speaker="Ann Lee"),
            Quote(text=text[second:second + 28], spans=((second, second + 28),), kind="direct", speaker="Bo Lee"),
        ])
        assert [q.kind for q in book.search("tariffs").quotes] == ["direct", "indirect"]
