"""extract_quotes never raises, and every offset it gives points at what it claims."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotebook.extract import extract_quotes, find_mentions
from quotebook.extract.pipeline import _extract

MARKS = "“”\"'‘’«»`"
pieces = st.one_of(
    st.sampled_from(list(MARKS) + ["''", " said ", " he said", ", ", ". ", "\n\n", "\n", ":", " according to ",
                                   "Mr. ", "Sen. ", "Ann Lee", " that ", "\u00a0", "\x00", "\ud800", "—"]),
    st.text(max_size=12),
)
articles = st.lists(pieces, max_size=60).map("".join)


def check(text: str) -> None:
    # The stages themselves, so that a bug is not hidden by extract_quotes' safety net.
    quotes = _extract(text) if text.strip() else extract_quotes(text)
    starts = [q.start for q in quotes]
    assert starts == sorted(starts)
    for q in quotes:
        assert q.spans and all(0 <= b < e <= len(text) for b, e in q.spans)
        assert q.text == " … ".join(text[b:e] for b, e in q.spans)
        assert q.kind in ("direct", "mixed", "indirect")
        assert 0.0 <= q.confidence <= 1.0
        assert q.speaker_type in (None, "person", "organization", "anonymous")
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start <= q.speaker_end <= len(text)
            assert text[q.speaker_start:q.speaker_end] == q.mention


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles)
def test_never_raises_and_offsets_hold_on_quote_heavy_text(text):
    check(text)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(text):
    check(text)
    find_mentions(text)


def test_hostile_inputs():
    for text in ["", " ", "\x00" * 50, "\ud800\udfff\ud800", "“" * 1000, "”" * 1000, '"' * 1001,
                 "a" * 10000, "said " * 2000, "“a,” he said. " * 500, "''" * 999]:
        check(text)


def test_hundred_thousand_quote_marks():
    # Quadratic pairing or backtracking would make this run for hours.
    check("“x” " * 50_000 + '"' * 100_000)
    check("“" * 100_000)
    check("“a,” he said, “b” " * 20_000)


def test_run_on_sentence_of_chained_attributions_does_not_recurse_without_end():
    from quotebook.extract.pipeline import _extract

    text = "Intro.\n\n" + "Ann Lee said that the plan, adding that it " * 5000
    quotes = _extract(text)  # the stage itself: extract_quotes would hide a RecursionError
    assert quotes and all(text[q.start:q.end] for q in quotes)


ONE_WORDS = ["Lee", "Lee.", "Reuters", "The", "Senator", "Sen.", "Mr.", "NATO", "NATO.", "al-Rahim", "el-Sayed",
             "Jr.", "III", "Ohio", "Maria", "Maria.", "U.S.", "Inc.", "Corp", "McCain-Ortiz", "O’Neill", "BBC",
             "Council", "Monday", "Ann", "Governor", "Mayor.", "Ms", "X.", "É"]


@given(st.one_of(st.sampled_from(ONE_WORDS),
                 st.text(alphabet="AaBbLlEeRrSsTtOo.-’'", min_size=1, max_size=10).filter(lambda w: " " not in w)))
@settings(max_examples=400)
def test_a_one_word_name_is_read_as_any_other_run(word: str) -> None:
    # _analyse_word is the short path for the most common runs: it must agree with the general one.
    from quotebook.extract.mentions import _analyse_run, _analyse_word

    assert _analyse_word(word) == _analyse_run(word)
