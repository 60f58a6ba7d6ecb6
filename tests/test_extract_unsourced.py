"""Attributions with no named source: expectations and reporters' questions (quotebook.extract.unsourced)."""

from quotebook.extract import extract_quotes


def _quotes(text):
    return extract_quotes("Intro.\n\n" + text)


def test_expectation_is_the_subject_and_its_to_clause_with_no_speaker():
    (q,) = _quotes("The county board is expected to approve the new budget.")
    assert (q.kind, q.speaker, q.cue) == ("indirect", None, "is expected")
    assert q.text == "The county board … to approve the new budget"


def test_expectation_skips_a_leading_phrase_and_stops_at_a_dash():
    (q,) = _quotes("In March, the ferry line is widely expected to close -- a blow to the island.")
    assert q.text == "the ferry line … to close"


def test_expectation_in_a_relative_clause_ends_with_the_aside():
    quotes = _quotes("The festival, which is expected to draw large crowds, opens on Friday.")
    assert [q.text for q in quotes] == ["which … to draw large crowds"]


def test_expectation_inside_a_subordinate_clause_is_left_alone():
    assert _quotes("The race moves to Ohio, where the mayor is expected to win easily.") == []


def test_question_put_to_a_speaker_has_no_speaker():
    quotes = _quotes("Asked whether she would run again, the mayor said she had not decided.")
    asked = [q for q in quotes if q.cue == "asked"]
    assert [(q.text, q.speaker, q.kind) for q in asked] == [("whether she would run again", None, "indirect")]


def test_question_asked_on_a_show_keeps_only_the_question():
    quotes = _quotes("When asked on Local News who leads the club, Ken Ito said Rosa Diaz.")
    assert [q.text for q in quotes if q.cue == "asked"] == ["who leads the club"]


def test_asked_about_a_topic_is_not_a_question():
    quotes = _quotes("Asked about the new stadium, Ken Ito said it was too costly.")
    assert all(q.cue != "asked" for q in quotes)
