"""Cues: reporting verbs in every tense, cue phrases, colon lead-ins and transcript turns."""

import pytest

from quotebook.extract import extract_quotes
from quotebook.extract.lexicon import belief_verbs, reporting_verbs


@pytest.mark.parametrize("form", ["said", "says", "say", "saying", "told", "tells", "added", "insisted",
                                  "warns", "noted", "argued", "claims", "acknowledged", "tweeted", "wrote"])
def test_reporting_verb_lexicon_has_every_form(form):
    assert form in reporting_verbs()


def test_reporting_verb_lexicon_is_large():
    assert len(set(reporting_verbs().values())) >= 200
    assert len(reporting_verbs()) >= 800
    assert "believes" in belief_verbs()


@pytest.mark.parametrize("verb", ["said", "says", "insisted", "warned", "noted", "argued", "claimed", "added"])
def test_quote_with_any_reporting_verb(verb):
    text = f"Intro.\n\n“The vote will be close,” Maria Lopez {verb}."
    quotes = extract_quotes(text)
    assert len(quotes) == 1
    assert quotes[0].speaker == "Maria Lopez"
    assert quotes[0].cue == verb


def test_inverted_attribution():
    q = extract_quotes("Intro.\n\n“We will appeal,” said Jonas Weber, a lawyer for the family.")[0]
    assert q.speaker == "Jonas Weber"


def test_told_reporters_and_in_a_statement():
    text = (
        "Intro.\n\n“It was a mistake,” Nina Patel told reporters on Monday.\n\n"
        "“We regret it,” the company said in a statement."
    )
    quotes = extract_quotes(text)
    assert [q.mention for q in quotes] == ["Nina Patel", "the company"]
    assert quotes[1].speaker_type == "organization"


def test_wrote_on_twitter_with_colon():
    q = extract_quotes("Intro.\n\nSenator Cole Banks wrote on Twitter: “This bill is a disaster.”")[0]
    assert q.text == "“This bill is a disaster.”"
    assert q.speaker == "Cole Banks"


def test_in_an_interview_with():
    q = extract_quotes("Intro.\n\n“I am not running,” Ada Grey said in an interview with The Daily Ledger.")[0]
    assert q.speaker == "Ada Grey"


def test_colon_lead_in():
    q = extract_quotes("Headline.\n\nTrump: “I will win the state.”")[0]
    assert q.text == "“I will win the state.”"
    assert q.mention == "Trump"


def test_transcript_turns():
    text = (
        "Interview transcript.\n\nWALLACE: Do you support the plan?\n\n"
        "PENCE: I support it, and I think voters do too.\n\nWALLACE: Thank you."
    )
    quotes = extract_quotes(text)
    assert [q.mention for q in quotes] == ["WALLACE", "PENCE", "WALLACE"]
    assert quotes[1].text == "I support it, and I think voters do too."


def test_according_to_before_and_after():
    text = (
        "Intro.\n\nAccording to the mayor's office, the bridge will reopen in May.\n\n"
        "The tunnel will stay closed until June, according to Pia Holm."
    )
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == ["the bridge will reopen in May", "The tunnel will stay closed until June"]
    assert quotes[1].speaker == "Pia Holm"
    assert all(q.kind == "indirect" for q in quotes)


def test_transcript_turns_are_direct_only_inside_quotation_marks():
    text = (
        "Interview transcript.\n\nWALLACE: Do you support the plan?\n\n"
        "PENCE: “I support it, and I think voters do too.”\n\nWALLACE: Thank you."
    )
    assert [q.kind for q in extract_quotes(text)] == ["indirect", "direct", "indirect"]


def test_a_plural_noun_before_a_verb_is_no_cue():
    quotes = extract_quotes("Intro.\n\nThe audit found 1,300 Lee emails contained “sensitive material.”")
    assert all(q.cue != "emails" and q.speaker != "Lee" for q in quotes)


def test_the_same_form_after_a_pronoun_is_still_a_verb():
    quotes = extract_quotes("Intro.\n\nShe criticised Ann Lee, who he claims has been “unfair to him.”")
    assert any(q.cue == "claims" for q in quotes)


@pytest.mark.parametrize("verb", ["beamed", "remembered", "recalled", "assailed", "derided"])
def test_less_common_reporting_verbs_attribute_a_quote(verb):
    (quote,) = extract_quotes(f"Intro.\n\n“It went better than anyone hoped,” Maria Lopez {verb}.")
    assert quote.speaker == "Maria Lopez"


def test_inverted_read_takes_a_thing_with_words_on_it():
    (quote,) = extract_quotes("Intro.\n\n“Keep the library open,” read one banner at the gate.")
    assert quote.mention == "one banner"
    assert not extract_quotes("Intro.\n\n“Keep the library open,” read Ann Lee at the gate.")


def test_inverted_noun_phrase_ends_before_from_and_going_by():
    (quote,) = extract_quotes('Intro.\n\n"Nobody reads the fine print," tweeted a local user from Dayton going by the handle Spoke.')
    assert quote.mention == "a local user"


def test_one_scan_for_several_word_lists_finds_what_each_finds_alone():
    # "call for" is a phrase of one list; "for" and "mail" (inside "e-mail") start words of the
    # other, which the shared scan steps over while it reads the phrase or the hyphenated word.
    from quotebook.extract import lexicon

    phrases = lexicon.WordList(frozenset({"call for", "e-mail"}), r"\w\-’'")
    words = lexicon.WordList(frozenset({"for", "mail", "said"}))
    text = "Lee said they call for a vote, by e-mail or mail, for now, but not e-mail’s."
    lexicon.scan_words(text, (phrases, words))
    for word_list in (phrases, words):
        pattern = word_list.pattern()
        assert lexicon.word_spans(pattern, text) == [m.span() for m in pattern.finditer(text)]
    found = [text[b:e] for b, e in lexicon.word_spans(words.pattern(), text)]
    assert found == ["said", "for", "mail", "mail", "for", "mail"]


def test_credit_line_after_a_dash_names_the_source():
    (quote,) = extract_quotes("Intro.\n\nTURNOUT WAS HIGH - Ann Lee: “More people voted than in any year before.”")
    assert quote.speaker == "Ann Lee"


def test_more_from_the_report_credits_the_report():
    (quote,) = extract_quotes("Intro.\n\nThe sample matters. More from the report: “Longer field periods did better.”")
    assert quote.mention == "the report"
    assert quote.speaker is None


@pytest.mark.parametrize("descriptor", ["9/11 widow", "35-year-old teacher", "2016 nominee"])
def test_inverted_source_after_a_descriptor_with_digits(descriptor):
    (quote,) = extract_quotes(f"Intro.\n\n“The reasons do not hold,” said {descriptor} Ann Lee.")
    assert quote.speaker == "Ann Lee"


def test_an_article_is_read_from():
    (quote,) = extract_quotes("Intro.\n\n“Leaders honored the mayor yesterday,” the article read.")
    assert quote.mention == "the article"


@pytest.mark.parametrize("modifier", [
    " on Monday", ", on Monday,", " Thursday night", " today", " tonight", " yesterday", " last week", " next year",
    " earlier this month", " later", " in a statement", " in an interview with The Daily News", " via Twitter",
    " over the phone", " on CNN's State of the Union", " as he left the stage,", " when asked,", " in Tel Aviv,",
    " at Dartmouth", " told reporters", " telling the crowd", " to reporters", " during a rally", " simply",
    " also", " then", " again", " once", " too", " now", " instead", " previously", " of the mayor,", " to his 20,000 Twitter followers,",
])
def test_the_quick_modifier_test_lets_every_modifier_through(modifier):
    from quotebook.extract.cues import _MODIFIER, skip_modifiers
    text = f"Ann Lee said{modifier} “It works.”"
    pos = text.index("said") + 4
    assert skip_modifiers(text, pos, len(text)) == _MODIFIER.match(text, pos).end() > pos


def test_the_people_written_to_are_not_content():
    (quote,) = extract_quotes("Intro.\n\nAnn Lee wrote to her 20,000 Twitter followers, “It is time to go,” and shared a link.")
    assert quote.text == "“It is time to go,”"


def test_a_long_inverted_noun_phrase_ends_before_of():
    text = 'Intro.\n\n"It was all lies," said one owner of a shop that sells shoes who declined to be named.'
    assert extract_quotes(text)[0].mention == "one owner"
