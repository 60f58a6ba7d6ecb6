"""Frames whose cue is far from its subject, and how far quoted content reaches."""

from quotebook.extract import extract_quotes


def _direct_tier(text):
    return [q for q in extract_quotes(text) if q.kind in ("direct", "mixed")]


def test_naming_verb_content_runs_to_the_end_of_its_clause():
    q = _direct_tier("Intro.\n\nMayor Ken Ito called the tax “a burden” for small shops in the valley.")[0]
    assert q.text == "the tax “a burden” for small shops in the valley"
    assert q.speaker == "Ken Ito"


def test_naming_verb_without_quotation_is_not_a_quote():
    assert not _direct_tier("Intro.\n\nMayor Ken Ito called the tax a burden.")


def test_participle_cue_takes_the_sentence_subject():
    q = _direct_tier("Intro.\n\nMayor Ken Ito defended the budget on Monday, saying the cuts were “painful but fair.”")[0]
    assert q.kind == "mixed"
    assert q.text.startswith("the cuts were")
    assert q.speaker == "Ken Ito"


def test_coordinated_cue_takes_the_sentence_subject():
    q = _direct_tier("Intro.\n\nMayor Ken Ito toured the plant and said, “We will keep it open.”")[0]
    assert q.kind == "direct"
    assert q.text == "“We will keep it open.”"
    assert q.speaker == "Ken Ito"


def test_participle_cue_after_a_noun_phrase_subject():
    q = _direct_tier("Intro.\n\nThe city council issued a statement, calling the plan “reckless.”")[0]
    assert q.text == "the plan “reckless.”"
    assert q.mention == "The city council"


def test_quoted_fragment_in_what_the_subject_did_is_mixed():
    q = _direct_tier("Intro.\n\nThe mayor voiced a wish for a “strong, prosperous and vibrant city” in the spring.")[0]
    assert q.kind == "mixed"
    assert q.text == "a wish for a “strong, prosperous and vibrant city” in the spring"
    assert q.mention == "The mayor"
    assert q.confidence <= 0.6


def test_scare_quote_in_what_the_subject_did_is_not_a_quote():
    assert not _direct_tier("Intro.\n\nThe mayor opened a “green” office downtown.")


def test_interrupted_quote_with_an_aside_after_the_speaker_is_one_quote():
    q = _direct_tier("Intro.\n\n“The risk,” said Ann Lee, an economist at the bank, “is that jobs leave.”")[0]
    assert len(q.spans) == 2
    assert q.text == "“The risk,” … “is that jobs leave.”"
    assert q.speaker == "Ann Lee"


def test_coordinated_second_cue_is_a_second_quote():
    quotes = _direct_tier("Intro.\n\n“We will win here,” Ken Ito said on Sunday, and then predicted: “We will win everywhere.”")
    assert [q.text for q in quotes] == ["“We will win here,”", "“We will win everywhere.”"]
    assert {q.speaker for q in quotes} == {"Ken Ito"}


def test_reported_content_ends_at_a_quote_closed_by_a_comma():
    q = _direct_tier("Intro.\n\nMayor Ken Ito said, “We will see,” when asked about the race.")[0]
    assert q.text == "“We will see,”"


def test_a_quotation_sentence_after_reported_speech_joins_it():
    q = _direct_tier("Intro.\n\nKen Ito said that the city would recover. “We have done it before.”")[0]
    assert q.kind == "mixed"
    assert q.text == "that the city would recover … “We have done it before.”"
