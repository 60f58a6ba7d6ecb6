"""Only a proper name becomes a speaker; anything else leaves the speaker unknown."""

import pytest

from quotebook.data import Quote
from quotebook.extract.tidy import name_problem, tidy_speaker, tidy_speakers


def said_by(name, kind="person", mention=None):
    return Quote(text="“x”", spans=((0, 3),), speaker=name, mention=mention or name, speaker_type=kind,
                 speaker_start=4, speaker_end=4 + len(mention or name), confidence=0.9, role="Mayor")


@pytest.mark.parametrize("name", ["Theresa May", "Will Hurd", "Mark Warner", "Vladimir Makei", "Bank of America",
                                  "The Obama administration", "Jim Jordan", "Hope Hicks", "José Álvarez-Peña"])
def test_proper_names_stand(name):
    assert name_problem(name) is None


@pytest.mark.parametrize("name, problem", [
    ("he’s", "pronoun"), ("Trump's", "possessive"), ("the poll", "common noun"), ("most", "common noun"),
    ("Twelve percent", "quantity"), ("Railing Against Ferries", "not a name"),
    ("Mayor Calls Council Budget", "not a name"), ("Iowa", "place"),
])
def test_what_is_not_a_name_is_refused(name, problem):
    assert name_problem(name) == problem


def test_refused_name_leaves_speaker_unknown_but_keeps_the_mention():
    quote = tidy_speaker(said_by("the poll"))
    assert quote.speaker is None and quote.role is None
    assert (quote.mention, quote.speaker_start, quote.speaker_end) == ("the poll", 4, 12)
    assert quote.confidence < 0.5


def test_capitalised_plural_group_is_anonymous_not_a_person():
    assert tidy_speaker(said_by("Democrats")).speaker_type == "anonymous"
    assert tidy_speaker(said_by("Sanders")).speaker_type == "person"


def test_one_word_name_the_article_writes_in_lower_case_is_a_common_noun():
    text = "Police said the road was closed. The police chief agreed."
    (quote,) = tidy_speakers([said_by("Police")], text)
    assert quote.speaker is None
    (kept,) = tidy_speakers([said_by("Okafor")], "Okafor said the road was closed.")
    assert kept.speaker == "Okafor"


def test_anonymous_sources_are_left_as_written():
    quote = said_by("a source", kind="anonymous")
    assert tidy_speaker(quote) == quote
