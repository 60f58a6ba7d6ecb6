"""Reported positions: stance verbs, reporting nouns and poll findings (quotebook.extract.reported)."""

from quotebook.extract import extract_quotes


def _only(text):
    quotes = extract_quotes("Intro.\n\n" + text)
    assert len(quotes) == 1, quotes
    return quotes[0]


def test_stance_verb_reports_its_infinitive_complement():
    q = _only("Mayor Ken Ito wants to rebuild the old bridge.")
    assert (q.kind, q.text, q.speaker) == ("indirect", "to rebuild the old bridge", "Ken Ito")


def test_declined_to_comment_is_attributed():
    q = _only("A spokesman for the city declined to comment.")
    assert q.text == "to comment"
    assert q.speaker_type == "anonymous"


def test_endorsement_content_drops_trailing_time_words():
    q = _only("Senator Rosa Diaz endorsed Ken Ito last week.")
    assert (q.text, q.speaker) == ("Ken Ito", "Rosa Diaz")


def test_second_predicate_ends_the_complement():
    q = _only("Rosa Diaz endorsed Ken Ito and has campaigned with him since.")
    assert q.text == "Ken Ito"


def test_relative_subject_content_ends_at_the_comma():
    quotes = extract_quotes("Intro.\n\nRosa Diaz, who endorsed Ken Ito, said the race was close.")
    texts = {q.text: q for q in quotes}
    assert "Ken Ito" in texts
    assert texts["Ken Ito"].speaker_start == quotes[0].speaker_start or texts["Ken Ito"].mention == "who"
    assert "the race was close" in texts


def test_particle_cue_called_for():
    q = _only("The union called for a new vote on the contract.")
    assert (q.text, q.mention) == ("a new vote on the contract", "The union")


def test_accused_of_keeps_object_and_charge():
    q = _only("Rosa Diaz accused Ken Ito of hiding the report.")
    assert q.text == "Ken Ito of hiding the report"


def test_possessive_reporting_noun():
    q = _only("Ken Ito’s promise to cut taxes in 2020 won him the race.")
    assert q.cue == "promise"
    assert q.text.startswith("to cut taxes")
    assert q.mention == "Ken Ito"


def test_poll_findings_are_attributed_to_the_poll():
    q = _only("A new poll shows Ken Ito leading the race.")
    assert (q.text, q.mention) == ("Ken Ito leading the race", "A new poll")


def test_share_of_respondents_is_the_source():
    q = _only("In the survey, 24 percent said they would vote for Ken Ito.")
    assert q.text == "they would vote for Ken Ito"
    assert q.mention == "24 percent"
    assert q.speaker is None or q.speaker == "24 percent"


def test_moved_object_is_not_a_complement():
    assert extract_quotes("Intro.\n\nThis is how he described his visit to the plant.") == []


def test_passive_is_not_a_stance():
    assert extract_quotes("Intro.\n\nThe plan was opposed by the council.") == []


def test_verb_with_a_particle_of_motion_is_not_a_stance():
    assert extract_quotes("Intro.\n\nKen Ito backed down on Friday.") == []


def test_ambiguous_forms_are_not_cues():
    assert extract_quotes("Intro.\n\nThe United States continues to grow, and officials knew the plan.") == []


def test_a_later_that_inside_the_reported_clause_is_not_its_start():
    quotes = extract_quotes("Intro.\n\nKen Ito said Obama never respected the rights that the city values.")
    assert [q.text for q in quotes] == ["Obama never respected the rights that the city values"]


def test_that_after_the_cue_modifiers_still_opens_the_clause():
    quotes = extract_quotes("Intro.\n\nKen Ito said Thursday in a long speech that the city would grow.")
    assert [q.text for q in quotes] == ["that the city would grow"]


def test_subordinate_opener_content_ends_before_the_main_clause():
    quotes = extract_quotes("Intro.\n\nWhile Rosa Diaz criticized the plan, Ken Ito defended it.")
    assert [q.text for q in quotes] == ["the plan", "it"]


def test_reported_clause_in_an_opener_ends_at_its_comma():
    q = _only("When Ken Ito said he would run for mayor, the crowd cheered loudly.")
    assert (q.kind, q.text, q.speaker) == ("indirect", "he would run for mayor", "Ken Ito")


def test_coordinated_said_reports_for_the_sentence_subject():
    q = _only("Rosa Diaz visited the plant on Monday and said the town would get new jobs.")
    assert (q.kind, q.text, q.speaker) == ("indirect", "the town would get new jobs", "Rosa Diaz")


def test_participle_of_saying_reports_for_the_sentence_subject():
    q = _only("The mayor shot back in a statement, saying the audit was flawed.")
    assert (q.kind, q.text) == ("indirect", "the audit was flawed")
    assert q.mention.startswith("The mayor")


def test_stance_complement_ends_before_a_coordinated_said():
    quotes = extract_quotes("Intro.\n\nKen Ito praised the police but said he still wanted an inquiry.")
    assert [q.text for q in quotes] == ["the police", "he still wanted an inquiry"]
    assert {q.speaker for q in quotes} == {"Ken Ito"}


def test_subject_with_a_prepositional_phrase_reports_its_clause():
    q = _only("Several supporters of reform said it would pass easily.")
    assert (q.kind, q.text, q.mention) == ("indirect", "it would pass easily", "Several supporters")


def test_subject_with_an_aside_reports_its_clause():
    q = _only("Ken Ito, who has clashed with the council before, said he would veto the budget.")
    assert (q.text, q.speaker) == ("he would veto the budget", "Ken Ito")


def test_poll_share_content_ends_before_the_compared_figure():
    quotes = extract_quotes("Intro.\n\nIn the survey, 52 percent said the levy should pass, compared with 41 percent last year.")
    assert [q.text for q in quotes] == ["the levy should pass"]


def test_finding_source_keeps_its_modifiers():
    q = _only("A state university poll out this week shows Ken Ito with a narrow lead.")
    assert (q.text, q.mention) == ("Ken Ito with a narrow lead", "A state university poll out this week")


def test_finding_after_a_clause_word_is_the_noun_alone():
    quotes = extract_quotes("Intro.\n\nThe race is close, as polls show Ken Ito gaining ground.")
    assert [(q.text, q.mention) for q in quotes] == [("Ken Ito gaining ground", "polls")]


def test_finding_that_closes_the_sentence_reports_the_clause_before():
    q = _only("The campaign raised $5 million in June, city records show.")
    assert (q.text, q.mention, q.kind) == ("The campaign raised $5 million in June", "city records", "indirect")


def test_participle_after_a_post_frame_is_the_source_s():
    quotes = extract_quotes('Intro.\n\nThe town "has changed for the better," Ann Lee said in June, citing the new bridge.')
    citing = [q for q in quotes if q.cue == "citing"]
    assert citing and citing[0].speaker == "Ann Lee"
