"""Quotation marks: pairing, multi-span and multi-paragraph quotes, broken marks, scare quotes."""

from quotebook.extract import extract_quotes


def only(text):
    quotes = extract_quotes(text)
    assert len(quotes) == 1, quotes
    return quotes[0]


def test_curly_quote_with_attribution_after():
    q = only("Intro.\n\n“We will build the bridge next year,” Mayor Anna Berg said.")
    assert q.text == "“We will build the bridge next year,”"
    assert q.kind == "direct"
    assert q.speaker == "Anna Berg"


def test_straight_quotes_are_paired():
    q = only('Intro.\n\n"The budget is balanced," said Tom Reyes.')
    assert q.text == '"The budget is balanced,"'
    assert q.speaker == "Tom Reyes"


def test_doubled_apostrophes_are_quotation_marks():
    q = only("Intro.\n\n''We are not leaving,'' Mr. Okafor said.")
    assert q.text == "''We are not leaving,''"
    assert q.speaker == "Okafor"


def test_curly_quotation_nested_inside_straight_marks_stays_inside():
    text = 'Intro.\n\nDr. Lena Ward stated:\n\n"The agency is not about “fair play” anymore. It is about power."\n\nThe hearing ends.'
    q = only(text)
    assert q.text == '"The agency is not about “fair play” anymore. It is about power."'
    assert q.speaker == "Lena Ward"


def test_curly_quotation_opening_a_straight_excerpt_is_the_quote():
    q = only('Intro.\n\n"“We will not win every state,” Ella Brandt said on radio."\n\nThen she left.')
    assert q.text.endswith("“We will not win every state,”")
    assert q.speaker == "Ella Brandt"


def test_guillemets_are_quotation_marks():
    q = only("Intro.\n\n«Nous restons ici,» Marie Dubois said.")
    assert q.text == "«Nous restons ici,»"
    assert q.speaker == "Marie Dubois"


def test_single_quotes_nested_inside_double_quotes_stay_inside():
    q = only("Intro.\n\n“He told me ‘never again’ and left,” Laura Kim said.")
    assert q.text == "“He told me ‘never again’ and left,”"


def test_top_level_single_quotes():
    q = only("Intro.\n\n‘We will win this seat,’ Dan Ortiz said.")
    assert q.text == "‘We will win this seat,’"
    assert q.speaker == "Dan Ortiz"


def test_quote_interrupted_by_attribution_is_one_quote_with_two_spans():
    text = "Intro.\n\n“The plan is ready,” Governor Lisa Park said. “We start on Monday.”"
    q = only(text)
    assert len(q.spans) == 2
    assert [text[b:e] for b, e in q.spans] == ["“The plan is ready,”", "“We start on Monday.”"]
    assert q.text == "“The plan is ready,” … “We start on Monday.”"


def test_quote_interrupted_mid_sentence_by_attribution():
    text = "Intro.\n\n“The plan,” said Lisa Park, “is ready.”"
    q = only(text)
    assert [text[b:e] for b, e in q.spans] == ["“The plan,”", "“is ready.”"]


def test_multi_paragraph_quote_is_one_quote():
    text = (
        "Intro.\n\n“The first part of my answer is about money. We have none.\n\n"
        "“The second part is about time. We have less,” Sara Lind said."
    )
    q = only(text)
    assert len(q.spans) == 2
    assert text[q.spans[0][0]:q.spans[0][1]].startswith("“The first part")
    assert q.speaker == "Sara Lind"


def test_missing_opening_mark_is_recovered():
    text = (
        "Intro.\n\n“We tried everything,” Paul Grant said.\n\n"
        "We will keep trying until the end of the year,” he added."
    )
    quotes = extract_quotes(text)
    assert len(quotes) == 2
    second = quotes[1]
    assert second.text == "We will keep trying until the end of the year,”"
    assert second.speaker == "Paul Grant"
    assert second.mention == "he"


def test_unbalanced_mark_does_not_swallow_the_rest_of_the_article():
    text = (
        "Intro.\n\nThe “committee met on Tuesday without a vote.\n\n"
        "“We need more time,” Ruth Adler said.\n\n“Nothing is decided,” Omar Haddad said."
    )
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == ["Ruth Adler", "Omar Haddad"]


def test_scare_quotes_and_titles_are_not_quotations():
    text = (
        "Intro.\n\nThe senator appeared on “Shark Tank” last year and praised the “Golden Age” exhibit.\n\n"
        "Critics called the show a “circus” of sorts in the local paper."
    )
    assert [q for q in extract_quotes(text) if q.kind == "direct"] == []


def test_quote_marks_included_in_offsets():
    text = "Intro.\n\n“Yes, we can,” Ella Moss said."
    q = only(text)
    b, e = q.spans[0]
    assert text[b] == "“" and text[e - 1] == "”"
    assert text[q.start:q.end] == q.text


def test_title_case_quotation_is_marked_as_a_title():
    from quotebook.extract.clean import split_paragraphs
    from quotebook.extract.marks import pair_quotation_marks

    text = "He watched “Fox News Sunday” and said “we are not done yet.”"
    segments = pair_quotation_marks(text, split_paragraphs(text))
    assert [s.title for s in segments] == [True, False]


def test_titles_of_works_do_not_make_a_fragment_quote():
    from quotebook.extract import extract_quotes

    quotes = extract_quotes("Intro.\n\nThe senator watched the new documentary “Citizens of the Northern Plains” at length.")
    assert not [q for q in quotes if q.kind != "indirect"]


def test_quote_closed_by_an_opening_mark_typo_is_attributed():
    (quote,) = extract_quotes("Vote night\n\n“We could still lose this seat,“ said Tom Reyes, a councillor from Dayton.")
    assert quote.text == "“We could still lose this seat,“"
    assert quote.speaker == "Tom Reyes"
    assert quote.kind == "direct"
