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


def test_a_quote_in_an_opener_does_not_make_the_main_clause_a_post_attribution():
    q = _direct_tier("Intro.\n\nTo chants of “Go! Go!,” the senator said his campaign was “closing strong.”")[0]
    assert q.text == "his campaign was “closing strong.”"


def test_long_apposition_keeps_the_name_that_opens_the_clause():
    q = _direct_tier("Intro.\n\nAnn Lee, 31, a photographer who works with Acme Corp, said the show was a “perfect opportunity” for them.")[0]
    assert q.speaker == "Ann Lee"


def test_time_between_subject_and_cue():
    q = _direct_tier("Intro.\n\nSenator Rosa Diaz (D-Calif.) last week said the bill was “dead on arrival.”")[0]
    assert q.speaker == "Rosa Diaz"


def test_relative_clause_cue_after_an_inverted_speaker():
    quotes = _direct_tier("Intro.\n\n“It is odd,” said Ken Ito, who said the rules were “never written down.”")
    assert [q.speaker for q in quotes] == ["Ken Ito", "Ken Ito"]
    assert quotes[1].kind == "mixed"


def test_inverted_speaker_with_lower_case_descriptors():
    q = _direct_tier("Intro.\n\n“I will not say it,” said retired surgeon Ben Carlson, asked about his claims.")[0]
    assert q.speaker == "Ben Carlson"


def test_dateline_is_not_the_subject():
    q = _direct_tier("Intro.\n\nWashington (AFP) – Senator Rosa Diaz hit back, saying that “loud comments” do harm.")[0]
    assert q.speaker == "Rosa Diaz"


def test_a_name_after_speaking_to_is_not_the_speaker():
    q = _direct_tier("Intro.\n\nAnother source speaking to Fox News said, “The agents are investigating.”")[0]
    assert q.speaker != "Fox News"
    assert q.mention.startswith("Another source")


def test_a_thing_called_a_title_is_not_a_quote():
    assert not _direct_tier("Intro.\n\nCarson shared a syllabus for a class called “Perception and the Mind” on his page.")


def test_fragment_frame_skips_auxiliaries_before_the_verb():
    q = _direct_tier("Intro.\n\nGorka also made the point that her plan would be “a third term of the same old thing” at best.")[0]
    assert q.text == "the point that her plan would be “a third term of the same old thing” at best"
    assert q.speaker == "Gorka"


def test_but_he_also_noted_is_a_second_quote_of_the_same_speaker():
    quotes = _direct_tier("Intro.\n\nKen Ito called the fire “a tragedy,” but he also noted the “quick work” of the crews.")
    assert [q.text for q in quotes] == ["the fire “a tragedy,”", "the “quick work” of the crews"]
    assert {q.speaker for q in quotes} == {"Ken Ito"}


def test_content_goes_on_past_a_comma_quote_before_a_preposition():
    q = _direct_tier("Intro.\n\nKen Ito noted that the polls are not “monolithic,” with some doing better than others.")[0]
    assert q.text.endswith("with some doing better than others")


def test_but_that_goes_on_with_the_reported_content():
    q = _direct_tier("Intro.\n\nKen Ito said his staff “did the wrong thing,” but that the ruling was unfair.")[0]
    assert q.text.endswith("but that the ruling was unfair")


def test_an_unquoted_clause_goes_on_past_but_to_its_only_quotation():
    q = _direct_tier("Intro.\n\nKen Ito said that the count was nearly done, but “we are still checking the seats.”")[0]
    assert q.text == "that the count was nearly done, but “we are still checking the seats.”"
    assert q.kind == "mixed"


def test_a_clause_with_a_speaker_of_its_own_still_ends_the_content_before_its_quotation():
    quotes = extract_quotes("Intro.\n\nKen Ito said the count was nearly done, but Rosa Diaz said it was “far from over.”")
    assert [(q.text, q.speaker) for q in quotes] == [("the count was nearly done", "Ken Ito"),
                                                     ("it was “far from over.”", "Rosa Diaz")]


def test_an_apposition_after_the_last_quotation_is_the_writers_comment():
    q = _direct_tier("Intro.\n\nKen Ito said the fans would be “safe and welcome” at the match, a swipe at the league.")[0]
    assert q.text == "the fans would be “safe and welcome” at the match"


def test_a_relative_clause_after_the_last_quotation_is_not_what_was_said():
    q = _direct_tier("Intro.\n\nKen Ito said he was “not ready yet” to back Rosa Diaz, who faces a primary in May.")[0]
    assert q.text == "he was “not ready yet” to back Rosa Diaz"


def test_a_quoted_fragment_ends_where_a_coordinated_cue_begins():
    quotes = extract_quotes("Intro.\n\nKen Ito exhorted voters to “stay home on election day” and said the vote "
                            "was unfair.")
    assert [(q.text, q.kind, q.speaker) for q in quotes] == [
        ("voters to “stay home on election day”", "mixed", "Ken Ito"), ("the vote was unfair", "indirect", "Ken Ito")]


def test_content_ending_in_a_quotation_before_a_second_speaker_keeps_its_closing_mark():
    quotes = extract_quotes("Intro.\n\nIn May Ken Ito said the plan was “a costly mistake,” this week Rosa Diaz "
                            "said it was “overdue.”")
    assert [(q.text, q.speaker) for q in quotes] == [("the plan was “a costly mistake,”", "Ken Ito"),
                                                     ("it was “overdue.”", "Rosa Diaz")]


def test_reported_content_ends_before_a_second_speaker_clause():
    quotes = extract_quotes("Intro.\n\nIn May she said the plan was a mistake, at the hearing this week she said it was “a fair call.”")
    assert quotes[0].text == "the plan was a mistake"


def test_nested_attribution_stays_in_the_content():
    q = extract_quotes("Intro.\n\nKen Ito said that Rosa Diaz told him the deal was “nearly done.”")[0]
    assert q.text == "that Rosa Diaz told him the deal was “nearly done.”"


def test_colon_lead_in_after_any_clause_is_a_direct_quote():
    q = _direct_tier("Intro.\n\nAsked about his county, Ken Ito demurred: “Whichever one I am in at the moment.”")[0]
    assert q.kind == "direct"
    assert q.speaker == "Ken Ito"


def test_any_participle_before_a_closing_quotation():
    q = _direct_tier("Intro.\n\nHundreds of marchers crossed the bridge on Monday, chanting “No peace without justice.”")[0]
    assert q.text == "“No peace without justice.”"
    assert q.mention == "Hundreds of marchers"


def test_openers_before_the_subject_are_skipped():
    q = _direct_tier("Intro.\n\nHours later, Ken Ito returned the favour, telling Reuters, “We have been friends a long time.”")[0]
    assert q.speaker == "Ken Ito"


def test_possessive_noun_phrase_subject():
    q = _direct_tier("Intro.\n\nKen Ito’s chief aide rallied the staff, saying: “We have to be ready for them.”")[0]
    assert q.mention == "Ken Ito’s chief aide"


def test_the_clause_after_an_attribution_can_hold_another():
    quotes = extract_quotes("Intro.\n\nAs the mayor said the plan was dead, the crowd yelled, “Stop the tower now!”")
    direct = [q for q in quotes if q.kind == "direct"]
    assert [q.text for q in direct] == ["“Stop the tower now!”"]
    assert direct[0].mention == "the crowd"


def test_quotation_credited_after_a_dash():
    q = _direct_tier("Intro.\n\n“We can still win this state.” ― Ann Lee, Ohio.")[0]
    assert q.text == "“We can still win this state.”"
    assert q.speaker == "Ann Lee"


def test_quotation_paragraph_credited_by_a_dash_line():
    q = _direct_tier("Intro.\n\n“Great speech. She is ready.”\n\n- Senator Rosa Diaz, after the speech.")[0]
    assert q.speaker == "Rosa Diaz"


def test_transcript_label_after_an_opening_quote_mark():
    quotes = extract_quotes("Transcript.\n\n\"WALLACE: Do you support it?\n\n\"PENCE: I support it fully.")
    assert [q.mention for q in quotes] == ["WALLACE", "PENCE"]


def test_my_father_is_a_speaker():
    q = _direct_tier("Intro.\n\n“We live in hard times,” my father often said.")[0]
    assert q.mention == "my father"


def test_turns_of_a_quoted_transcript_follow_their_own_marks():
    quotes = extract_quotes("Transcript.\n\n\"WALLACE: Do you support it?\n\n\"PENCE: I love “Shark Tank” but no.")
    assert [q.kind for q in quotes] == ["indirect", "mixed"]


def test_quotation_after_a_participle_joins_the_first_quote():
    quotes = _direct_tier("Intro.\n\n“That is the question,” Ken Ito said, noting he would back any winner. “We have a deep bench.”")
    assert quotes[0].text == "“That is the question,” … “We have a deep bench.”"


def test_a_sentence_opening_with_a_quotation_goes_on_with_the_last_quote():
    q = _direct_tier("Intro.\n\n“The key is turnout,” said Ann Lee. “Sanders has to do the work” - and he knows it.")[0]
    assert q.text == "“The key is turnout,” … “Sanders has to do the work”"


def test_a_sentence_of_a_conjunction_and_a_quotation_goes_on_with_the_last_quote():
    q = _direct_tier("Intro.\n\n“The key is turnout,” said Ann Lee. But “the weather could hurt us.”")[0]
    assert q.text == "“The key is turnout,” … But “the weather could hurt us.”"
    assert q.kind == "mixed" and q.speaker == "Ann Lee"


def test_post_cue_with_circumstance_after_it():
    q = _direct_tier("Intro.\n\n“Boots on the ground” would be right, Ann Lee said after the attacks.")[0]
    assert q.text == "“Boots on the ground” would be right"
    assert q.speaker == "Ann Lee"


def test_content_goes_on_after_a_parenthetical_cue():
    q = _direct_tier("Intro.\n\nDonations are checked against the limits, Ken Ito said, but “we do not ask about income.”")[0]
    assert q.kind == "mixed"
    assert q.spans[0][0] == q.text.index("Donations") + len("Intro.\n\n")
    assert q.text.endswith("“we do not ask about income.”")


def test_trailing_time_and_venue_after_the_last_quotation_is_not_content():
    q = _direct_tier("Intro.\n\nKen Ito called the plan “a disaster” Wednesday on a radio show.")[0]
    assert q.text == "the plan “a disaster”"


def test_colon_lead_in_takes_the_subject_of_its_own_clause():
    q = _direct_tier("Intro.\n\nShe got so upset, and drove so fast, that I had to change my answer: “Of course I believe it.”")[0]
    assert q.mention == "I"


def test_coordinated_cue_takes_the_subject_of_its_own_clause():
    quotes = _direct_tier("Intro.\n\nWhen my mother mentioned the devil to me, I laughed and said, “I do not believe in the devil.”")
    assert quotes[-1].mention == "I"


def test_a_noun_in_ing_before_a_title_is_not_a_participle_cue():
    assert not _direct_tier("Intro.\n\nShe spoke after a shooting at a screening of her film, “Trainwreck.”")


def test_trailing_according_to_vouches_for_a_clause_with_its_own_cue():
    quotes = extract_quotes("Intro.\n\nThe mayor told aides that the plant would close, according to two people at the meeting.")
    assert [(q.text, q.speaker, q.cue) for q in quotes] == [
        ("The mayor told aides that the plant would close", "two people at the meeting", "according to")]


def test_reported_content_drops_a_trailing_who_clause_about_the_last_name():
    quotes = extract_quotes("Intro.\n\nThe paper said the letters went to Ken Ito, who now runs the port.")
    assert [q.text for q in quotes] == ["the letters went to Ken Ito"]


def test_predicting_that_is_a_second_quote_of_the_same_speaker():
    quotes = extract_quotes("Intro.\n\nRosa Diaz said the plant would close, predicting that the workers would be "
                            "“looked after.”")
    assert [(q.text, q.speaker) for q in quotes] == [("the plant would close", "Rosa Diaz"),
                                                     ("that the workers would be “looked after.”", "Rosa Diaz")]


def test_reported_content_ends_before_telling():
    quotes = extract_quotes("Intro.\n\nRosa Diaz said she saw no need to change course, telling the host that voters agreed.")
    assert quotes[0].text == "she saw no need to change course"


def test_a_second_poll_share_ends_the_first_finding():
    text = "Intro.\n\nSix in 10 members said the club is well run, and three-quarters said the same of the board."
    first = extract_quotes(text)[0]
    assert first.text == "the club is well run"


def test_inverted_subject_with_a_relative_clause_is_the_source_not_the_content():
    text = ("Intro.\n\nIto \"was let off far too lightly for what he did,\" said a former city official "
            "who led the inquiry.")
    (quote,) = extract_quotes(text)
    assert quote.kind == "mixed"
    assert quote.text == "Ito \"was let off far too lightly for what he did,\""
    assert quote.mention == "a former city official"


def test_inverted_noun_phrase_reads_past_the_stops_inside_an_abbreviation():
    text = "Intro.\n\n“The rules are clear,” said a former U.S. official."
    (quote,) = extract_quotes(text)
    assert quote.mention == "a former U.S. official"


def test_a_clause_after_a_post_position_frame_holds_a_quotation_of_its_own():
    text = "Intro.\n\n“I am not ready yet,” Ken Ito said on Monday, though he said, “I hope to be.”"
    quotes = extract_quotes(text)
    assert [(q.text, q.speaker) for q in quotes] == [("“I am not ready yet,”", "Ken Ito"),
                                                      ("“I hope to be.”", "Ken Ito")]


def test_but_went_on_to_say_shares_the_sentence_subject():
    text = "Intro.\n\nMayor Ken Ito joked that the pier was safe, but went on to say, “There are places we must fix.”"
    q = _direct_tier(text)[0]
    assert (q.text, q.speaker) == ("“There are places we must fix.”", "Ken Ito")


def test_declined_to_comment_but_said_in_a_statement_shares_the_sentence_subject():
    text = "Intro.\n\nMayor Ken Ito declined to comment but said in a statement that “the pier is safe and open.”"
    q = _direct_tier(text)[0]
    assert (q.text, q.speaker) == ("“the pier is safe and open.”", "Ken Ito")


def test_attributions_chained_by_participle_and_then_each_count():
    text = ("Intro.\n\nMayor Ken Ito attacked a critic at a rally, calling her a “horrible witness,” "
            "and then tweeted that she was “Disgraceful!”")
    quotes = _direct_tier(text)
    assert [(q.text, q.speaker) for q in quotes] == [("her a “horrible witness,”", "Ken Ito"),
                                                      ("that she was “Disgraceful!”", "Ken Ito")]


def test_went_on_to_say_takes_the_subject_before_it():
    q = extract_quotes("Intro.\n\nKen Ito went on to say that the pier would reopen in May.")[0]
    assert (q.text, q.speaker) == ("that the pier would reopen in May", "Ken Ito")


def test_chanting_is_a_cue():
    q = _direct_tier("Intro.\n\n“Lock the gates!” some protesters chanted outside the hall.")[0]
    assert (q.text, q.speaker) == ("“Lock the gates!”", "some protesters")


def test_a_participle_after_a_clause_with_its_own_subject_gets_no_speaker():
    text = ("Intro.\n\nMayor Ken Ito spoke near the pier, where about 50 protesters had gathered, "
            "chanting “no contract, no peace” until noon.")
    q = _direct_tier(text)[0]
    assert q.text.startswith("“no contract, no peace”")
    assert q.speaker is None


def test_told_skips_a_whole_named_outlet_before_a_post_position_cue():
    q = _direct_tier("Intro.\n\n“The pier is safe,” Ken Ito told the New York Times.")[0]
    assert (q.text, q.speaker) == ("“The pier is safe,”", "Ken Ito")


def test_a_quotation_after_a_colon_is_the_content_of_the_cue_after_it():
    text = "Intro.\n\nKen Ito hinted at the deal: “She signed the papers,” he told the Harbour Gazette."
    q = _direct_tier(text)[0]
    assert q.kind == "direct"
    assert q.text == "“She signed the papers,”"


def test_a_spaced_hyphen_closes_an_aside_before_the_subject():
    text = ("Intro.\n\nIn May - four months after Ken Ito left office - the port authority told the council "
            "that “no records were found.”")
    q = _direct_tier(text)[0]
    assert q.text == "“no records were found.”"
    assert q.mention == "the port authority"


def test_a_two_word_medium_after_the_cue_is_a_modifier_not_content():
    q = _direct_tier("Intro.\n\nVoters “cracked the ceiling” at last, Ken Ito said in a video message to the party.")[0]
    assert (q.text, q.speaker) == ("Voters “cracked the ceiling” at last", "Ken Ito")


def test_inverted_subject_with_a_capitalised_adjective_before_its_role_is_the_name():
    text = "Intro.\n\nThis is a “raw time,” said Democratic strategist Dana Bloom, a longtime ally of the mayor."
    q = _direct_tier(text)[0]
    assert (q.text, q.speaker) == ("This is a “raw time,”", "Dana Bloom")


def test_a_subject_before_its_relative_clause_is_the_source():
    text = ("Intro.\n\nOne official who attended the meeting said the mayor “will not back down.”\n\n"
            "One attendee, who spoke on condition of anonymity, said the plan was “dead on arrival.”")
    quotes = _direct_tier(text)
    assert [q.mention for q in quotes] == ["One official", "One attendee"]


def test_said_on_an_outlets_show_is_a_modifier_as_a_whole():
    q = _direct_tier("Intro.\n\nKen Ito said on NBC’s “Meet the Press” that the plan was “dead on arrival.”")[0]
    assert q.text == "that the plan was “dead on arrival.”"


def test_a_hyphenated_adjective_before_the_subject_is_part_of_it():
    q = _direct_tier("Intro.\n\n“We did not discuss that,” a warm-and-friendly Ken Ito said.")[0]
    assert (q.text, q.speaker) == ("“We did not discuss that,”", "Ken Ito")


def test_as_subject_said_in_a_place_introduces_the_quotation():
    q = _direct_tier("Intro.\n\nAs Ken Ito said last week in Tel Aviv, “The port is the future.”")[0]
    assert (q.text, q.speaker, q.mention) == ("“The port is the future.”", "Ken Ito", "Ken Ito")


def test_a_participle_after_an_opener_and_a_lower_case_pronoun_takes_the_pronoun():
    q = _direct_tier("Intro.\n\nKen Ito spoke first.\n\nThen he turned on the council, calling it a “circus.”")[0]
    assert (q.text, q.speaker) == ("it a “circus.”", "Ken Ito")


def test_a_participle_after_and_then_takes_the_sentence_subject():
    q = _direct_tier("Intro.\n\nAnd then Ken Ito went on the attack, saying, “Resign now!”")[0]
    assert (q.text, q.speaker) == ("“Resign now!”", "Ken Ito")


def test_a_participle_takes_a_subject_opened_by_one():
    q = _direct_tier("Intro.\n\nOne aide inside the hall tried to calm things, saying it was “no big deal.”")[0]
    assert q.mention.startswith("One aide")


def test_a_clause_of_circumstance_between_cue_and_quotation_is_not_content():
    text = "Intro.\n\nKen Ito said as he opened the bridge, “Finally, the wait is over.”\n\nLee said when asked, “Not this year.”"
    quotes = _direct_tier(text)
    assert [q.text for q in quotes] == ["“Finally, the wait is over.”", "“Not this year.”"]


def test_a_thing_with_words_on_it_is_read_from():
    q = _direct_tier("Intro.\n\n“Vote for the bridge, not the tunnel,” the campaign email read.")[0]
    assert (q.text, q.mention) == ("“Vote for the bridge, not the tunnel,”", "the campaign email")


def test_read_after_a_person_is_not_a_cue():
    assert not _direct_tier("Intro.\n\nThe mayor read “The Old Man and the Sea” to the class.")


def test_as_someone_put_it_introduces_a_quotation():
    q = _direct_tier("Intro.\n\nAs the harbour master Ken Ito put it, “The tide waits for no one.”")[0]
    assert (q.text, q.speaker) == ("“The tide waits for no one.”", "Ken Ito")


def test_put_it_on_is_not_a_cue():
    assert not extract_quotes("Intro.\n\nKen Ito put it on the table.")


def test_shot_back_is_a_cue():
    q = _direct_tier("Intro.\n\n“You want to be a tough guy tonight,” Ken Ito shot back.")[0]
    assert (q.text, q.speaker) == ("“You want to be a tough guy tonight,”", "Ken Ito")


def test_an_inverted_another_is_the_source_without_a_name():
    q = _direct_tier("Intro.\n\n“Watch out for the tunnel plan,” tweeted another.")[0]
    assert (q.mention, q.speaker) == ("another", None)


def test_inverted_subject_after_mixed_descriptive_words_is_the_full_name():
    text = "Intro.\n\n“I do not know where he stands,” said undecided Republican voter Dana Bloom of Derry."
    q = _direct_tier(text)[0]
    assert (q.text, q.speaker) == ("“I do not know where he stands,”", "Dana Bloom")


def test_to_which_opens_a_clause_with_a_speaker_of_its_own():
    text = "Intro.\n\nThe mayor said the bridge was safe, to which Dana Bloom interjected: “That is just not true.”"
    quotes = _direct_tier(text)
    assert [(q.text, q.speaker) for q in quotes] == [("“That is just not true.”", "Dana Bloom")]


def test_a_written_statement_then_a_comma_introduces_the_quotation():
    q = _direct_tier("Intro.\n\nImmediately after the storm, Ken Ito issued a statement, “We will rebuild the pier.”")[0]
    assert (q.text, q.speaker, q.cue) == ("“We will rebuild the pier.”", "Ken Ito", "statement")


def test_a_name_ending_in_ly_is_no_opener():
    q = _direct_tier("Intro.\n\nKelly responded pointedly, with a smile: “It can happen at any age.”")[0]
    assert q.speaker == "Kelly"


def test_a_dateline_is_not_an_apposed_subject():
    text = "Intro.\n\nDECATUR, Ill. — Mayor Ken Ito weighed in on the dispute, calling the delay a “fireable offense.”"
    q = _direct_tier(text)[0]
    assert q.speaker == "Ken Ito"


def test_a_clause_of_circumstance_may_end_in_a_colon_before_the_quotation():
    q = _direct_tier("Intro.\n\nKen Ito told the council when asked about the pier: “The matter is closed for now.”")[0]
    assert (q.text, q.speaker) == ("“The matter is closed for now.”", "Ken Ito")


def test_an_opener_word_before_a_comma_is_not_the_speaker():
    for opener in ("Early in his term", "Amid the protests", "Ironically"):
        text = f"Intro.\n\n{opener}, Mayor Ken Ito attacked the plan, calling it “a gift to developers.”"
        q = [q for q in extract_quotes(text) if "gift" in q.text][0]
        assert q.speaker == "Ken Ito", opener


def test_a_town_and_state_before_the_subject_are_a_place():
    text = "Intro.\n\nIn Salem, New Hampshire, Ken Ito went after his rival, calling him “a total stiff.”"
    q = [q for q in extract_quotes(text) if "stiff" in q.text][0]
    assert q.speaker == "Ken Ito"


def test_a_place_opening_the_sentence_is_not_an_apposition():
    text = "Intro.\n\nHere in Columbia, Ken Ito stepped up his attacks, saying, “We have got to win this.”"
    q = extract_quotes(text)[0]
    assert q.speaker == "Ken Ito"


def test_a_wire_dateline_is_not_the_speaker():
    text = ("Intro.\n\nOSLO, Dec. 8 (UPI) — In response to the new tariffs, the mayor’s chief aide rallied "
            "supporters, saying: “We have to be ready.”")
    q = extract_quotes(text)[0]
    assert q.mention == "the mayor’s chief aide"


def test_fronted_said_credits_the_name_after_it():
    text = "The hall was quiet.\n\nSaid Ann Lee, who grew up on the street, “We were all proud of her.”"
    (quote,) = extract_quotes(text)
    assert text[quote.start:quote.end] == "“We were all proud of her.”"
    assert quote.speaker == "Ann Lee"
    assert quote.kind == "direct"


def test_fronted_said_before_a_colon_is_not_part_of_the_name():
    (quote,) = extract_quotes("Council vote\n\nSaid Lee: “We will not give up the bridge.”")
    assert quote.speaker == "Lee"


def test_aside_in_brackets_is_read_as_its_own_sentence():
    text = "The crowd booed. (“I do not want a fight,” Tom Reyes said.) Then the vote went on."
    (quote,) = extract_quotes(text)
    assert quote.text == "“I do not want a fight,”"
    assert quote.speaker == "Tom Reyes"


def test_relative_clause_content_ends_at_its_quoted_comma():
    quotes = extract_quotes("Intro.\n\nAnn Lee, who called the mayor a “sociopath,” said she would not back the recall.")
    called, said = quotes
    assert called.text == "the mayor a “sociopath,”"
    assert said.text == "she would not back the recall"
    assert said.speaker == "Ann Lee"
    assert said.kind == "indirect"


def test_main_verb_after_a_relative_clause_speaks_for_its_antecedent():
    quotes = extract_quotes("Intro.\n\nAnn Lee, who has called the plan “a scam,” later told reporters: “It will not pass.”")
    assert quotes[-1].text == "“It will not pass.”"
    assert quotes[-1].speaker == "Ann Lee"


def test_and_with_a_verb_after_a_quotation_starts_the_next_act():
    quotes = _direct_tier("Intro.\n\nMayor Ken Ito met voters on Friday, calling the tax “a burden” and promising to repeal it.")
    assert [(q.text, q.speaker) for q in quotes] == [("the tax “a burden”", "Ken Ito")]


def test_subject_of_a_relative_clause_said_the_quotation_after_its_cue():
    quotes = _direct_tier("Intro.\n\nThe mayor opened the new bridge, which Ken Ito described as “a gift to the valley.”")
    assert [(q.text, q.speaker, q.kind) for q in quotes] == [("as “a gift to the valley.”", "Ken Ito", "mixed")]


def test_naming_in_a_relative_clause_ends_with_the_quoted_name():
    quotes = _direct_tier("Intro.\n\nThe tax, which Ken Ito called a “burden,” passed in June.")
    assert [(q.text, q.speaker) for q in quotes] == [("a “burden,”", "Ken Ito")]


def test_passive_relative_clause_is_not_the_speaker_of_its_quotation():
    quotes = _direct_tier("Intro.\n\nIt was a case in which Ken Ito was found guilty of “gross neglect.”")
    assert all(q.speaker != "Ken Ito" for q in quotes)


def test_dubbed_is_a_naming_cue():
    quotes = _direct_tier("Intro.\n\nMayor Ken Ito dubbed the plan “a dead end.”")
    assert [(q.text, q.speaker) for q in quotes] == [("the plan “a dead end.”", "Ken Ito")]


def test_doubtful_cue_after_an_apposition_is_the_verb():
    quotes = _direct_tier("Intro.\n\nKen Ito, director of the valley farm board, calls the tax “a burden” on growers.")
    assert [(q.text, q.speaker) for q in quotes] == [("the tax “a burden” on growers", "Ken Ito")]


def test_apposition_with_a_quoted_title_still_names_the_subject():
    quotes = _direct_tier("Intro.\n\nKen Ito, the author of “Dry Valley,” a book on farming, said the tax was “a burden” on growers.")
    assert [(q.text, q.speaker) for q in quotes] == [("the tax was “a burden” on growers", "Ken Ito")]


def test_accused_after_and_is_a_second_attribution():
    quotes = extract_quotes("Intro.\n\nMayor Ken Ito dismissed the shift as a late conversion and accused Ann Lee of a “flip-flop.”")
    assert [(q.text, q.kind, q.speaker) for q in quotes] == [
        ("the shift as a late conversion", "indirect", "Ken Ito"), ("Ann Lee of a “flip-flop.”", "mixed", "Ken Ito")]


def test_telling_after_a_first_attribution_is_a_second_one_past_the_person_told():
    quotes = _direct_tier("Intro.\n\nMayor Ken Ito praised the “farm plan,” telling reporters that it was “a relief.”")
    assert [(q.text, q.speaker) for q in quotes] == [
        ("the “farm plan,”", "Ken Ito"), ("that it was “a relief.”", "Ken Ito")]


def test_doubtful_cue_after_a_name_in_apposition_is_the_verb():
    quotes = _direct_tier("Intro.\n\nHis chief aide, Ken Ito, calls the tax “a burden” on growers.")
    assert [(q.text, q.speaker) for q in quotes] == [("the tax “a burden” on growers", "Ken Ito")]


def test_circumstance_after_a_post_cue_may_hold_a_possessive():
    text = 'Intro.\n\nThe town "has changed for the better," Ann Lee said in June, citing the new bridge and Park\'s election.'
    assert extract_quotes(text)[0].text == 'The town "has changed for the better,"'
    assert extract_quotes(text)[0].speaker == "Ann Lee"


def test_show_title_after_told_or_said_on_is_not_content():
    told = extract_quotes('Intro.\n\nAnn Lee told MSNBC\'s "Morning Joe" on Friday that nobody would question her record.')
    assert [(q.kind, q.text) for q in told] == [("indirect", "that nobody would question her record")]
    said = extract_quotes('Intro.\n\nAnn Lee said on "Meet the Press" that nobody would question her record.')
    assert [(q.kind, q.text) for q in said] == [("indirect", "that nobody would question her record")]


def test_subordinate_clause_opener_is_skipped_to_find_the_subject():
    text = "Intro.\n\nAs the crowd began to chant, Ann Lee stood on stage and joked, “You are being ridiculous.”"
    (quote,) = extract_quotes(text)
    assert quote.speaker == "Ann Lee"


def test_quotation_after_a_dotted_name_starts_a_new_sentence():
    text = "Intro.\n\n“It will happen,” said Ben Ito, the director of Vote.org. “That is going to happen now.”"
    (quote,) = extract_quotes(text)
    assert len(quote.spans) == 2
    assert quote.speaker == "Ben Ito"


def test_said_of_someone_before_the_quotation():
    (quote,) = extract_quotes("Intro.\n\nAnn Lee said of the mayor, “He has never kept a promise.”")
    assert quote.text == "“He has never kept a promise.”"
    assert quote.speaker == "Ann Lee"


def test_agency_acronym_after_the_person_told():
    (quote,) = extract_quotes("Intro.\n\nAnn Lee told the Associated Press (AP), “We have suffered enough.”")
    assert quote.text == "“We have suffered enough.”"


def test_show_title_after_a_post_cue_is_not_part_of_the_quotation():
    text = ('Intro.\n\n"It is an isolated nation," the senator told ABC\'s "Good Morning America." '
            '"When you have a bomb, you are a threat to everyone."')
    (quote,) = extract_quotes(text)
    assert "Good Morning America" not in " ".join(text[b:e] for b, e in quote.spans)
    assert len(quote.spans) == 2


def test_quoted_as_saying_credits_the_one_quoted():
    (quote,) = extract_quotes("Intro.\n\n“Our method succeeds where others fail,” Tom Reyes was quoted as saying.")
    assert quote.speaker == "Tom Reyes"
    (quote,) = extract_quotes("Intro.\n\nTom Reyes was quoted by the Daily Planet as saying that the method works.")
    assert (quote.speaker, quote.text) == ("Tom Reyes", "that the method works")


def test_a_contrast_with_no_speaker_of_its_own_goes_on_with_the_content():
    q = _direct_tier("Intro.\n\nKen Ito said the plan is “a mistake” while Rosa Diaz is “a basket case.”")[0]
    assert q.text == "the plan is “a mistake” while Rosa Diaz is “a basket case.”"
    q = extract_quotes("Intro.\n\nKen Ito said the tax would hurt farmers, but not the banks.")[0]
    assert q.text == "the tax would hurt farmers, but not the banks"


def test_a_contrast_with_a_speaker_or_a_participle_still_ends_the_content():
    quotes = extract_quotes("Intro.\n\nKen Ito said the tax would hurt farmers, while Rosa Diaz said it would help.")
    assert [(q.text, q.speaker) for q in quotes] == [("the tax would hurt farmers", "Ken Ito"),
                                                     ("it would help", "Rosa Diaz")]
    q = extract_quotes("Intro.\n\nKen Ito said the tax would hurt farmers, while calling for a new vote.")[0]
    assert q.text == "the tax would hurt farmers"


def test_a_medium_after_the_last_quotation_is_not_part_of_the_content():
    q = _direct_tier("Intro.\n\nKen Ito called the plan “a costly scam” in a tweet on Sunday.")[0]
    assert q.text == "the plan “a costly scam”"
    q = _direct_tier("Intro.\n\nKen Ito said the plan was “a costly scam” during a speech in Ohio.")[0]
    assert q.text == "the plan was “a costly scam”"


def test_which_after_a_quoted_term_closed_by_a_comma_explains_the_term():
    q = _direct_tier("Intro.\n\nKen Ito said he would denounce “self-deportation,” which is a cruel idea.")[0]
    assert q.text == "he would denounce “self-deportation,”"


def test_a_name_given_in_quotes_ends_before_and_a_new_clause():
    q = _direct_tier("Intro.\n\nKen Ito has called the levy “unfair,” and his aides have tried to block it.")[0]
    assert q.text == "the levy “unfair,”"
    q = _direct_tier("Intro.\n\nKen Ito called the levy “unfair” and “a burden on farmers.”")[0]
    assert q.text == "the levy “unfair” and “a burden on farmers.”"


def test_and_a_second_verb_of_saying_with_its_own_clause_starts_a_second_attribution():
    quotes = extract_quotes("Intro.\n\nKen Ito said the talks went well and suggested that a deal was close.")
    assert [(q.text, q.speaker) for q in quotes] == [("the talks went well", "Ken Ito"),
                                                     ("that a deal was close", "Ken Ito")]


def test_a_pair_of_dashes_sets_off_an_aside_and_the_reported_clause_goes_on():
    q = extract_quotes("Intro.\n\nKen Ito said that the new levy — a costly one — will pass next year.")[0]
    assert q.text == "that the new levy — a costly one — will pass next year"
    q = extract_quotes("Intro.\n\nKen Ito said that the new levy will pass — a costly one.")[0]
    assert q.text == "that the new levy will pass"


def test_a_dash_typed_as_hyphens_after_a_quotation_ends_the_content():
    q = _direct_tier("Intro.\n\nKen Ito called the levy \"a costly mistake\" - but the council passed it anyway.")[0]
    assert q.text == "the levy \"a costly mistake\""


def test_what_she_calls_inside_the_content_is_the_speakers_own_term():
    q = _direct_tier("Intro.\n\nRosa Diaz said voters are “right to be angry,” but also hungry for what she calls "
                     "“real solutions.”")[0]
    assert q.text == "voters are “right to be angry,” but also hungry for what she calls “real solutions.”"
    assert q.speaker == "Rosa Diaz"


def test_when_asked_after_the_last_quotation_is_not_part_of_the_content():
    q = _direct_tier("Intro.\n\nKen Ito told voters the plan was “a sure thing” when asked about the levy.")[0]
    assert q.text == "the plan was “a sure thing”"


def test_a_circumstance_noun_phrase_after_a_post_cue_is_read_whole():
    text = ("Intro.\n\nThe plans “will not solve this,” Ann Lee, assistant secretary for population, "
            "refugees, and migration, said on the same call.")
    (quote,) = extract_quotes(text)
    assert quote.speaker == "Ann Lee"


def test_reasoning_that_after_a_post_frame_is_a_second_attribution():
    quotes = extract_quotes('Intro.\n\n“He was born a citizen,” the board said, reasoning that Lee met the rule '
                            'because he “did not have to take any steps.”')
    assert [q.cue for q in quotes] == ["said", "reasoning"]
    assert quotes[1].text == "that Lee met the rule because he “did not have to take any steps.”"
