"""Reported positions the sentence frames miss: stance verbs, reporting nouns, poll findings.

The frames in ``attribute`` find "S said (that) C" and "C, S said". News also
reports what people want, back, deny or plan, and what polls show:

* stance verbs:   "Rubio wants to win", "Christie endorsed Trump", "Cook declined to comment",
                  "she called for a recount", "Fields accused Lewandowski of grabbing her"
* reporting nouns: "his claim that C", "her promise to C", "Trump's assertion that C"
* findings:       "FEC records show C", "24 percent said C"

Each gives a source (the subject or possessor) and a content (the complement,
up to the end of its clause). These run after the frames and only add
attributions whose content overlaps nothing already found.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from quotebook.extract import lexicon
from quotebook.extract.cues import PASSIVE_BE, Cue, skip_modifiers
from quotebook.extract.findings import EVIDENCE_VERBS, finding_before, finding_source
from quotebook.extract.indirect import SHORTEST_CONTENT, clause_break, content_after, in_subordinate_opener, kind_of, skip_object, trim_end
from quotebook.extract.marks import MASK, SegmentList
from quotebook.extract.mentions import mention_from_span
from quotebook.extract.records import Candidate, Source
from quotebook.extract.scan import literal_starts
from quotebook.extract.sentences import split_sentences
from quotebook.extract.quoted_frames import _COORDINATED_BEFORE, _PARTICIPLE_BEFORE, _pronoun_of
from quotebook.extract.sources import _source_before, spokesperson_of
from quotebook.extract.subjects import _clause_prefix, _sentence_subject, _subject_leads

# A complement that shows the verb is not taking a stance: "backed down", "planned by", "want out".
_NOT_COMPLEMENT = frozenset(
    """by as down away up off out into over from with at in on about than itself so too more less
    and or but nor yet which who whom whose when where while if because although though""".split()
)
# Trailing time words are the verb's, not the content's: "endorsed Clinton last week".
_TRAILING_TIME = re.compile(
    r"(?:,?\s+(?:on\s+|last\s+|this\s+|early\s+|late\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|today|yesterday|tonight|week|month|year|weekend|morning|afternoon|evening|night)"
    r"(?:\s+(?:morning|afternoon|evening|night))?)+\s*$"
)
# Every _TRAILING_TIME match ends in one of these words (then only spaces): a text that does not
# cannot hold one, and the search, which opens with no character to skip to, is not run.
_TIME_ENDINGS = ("day", "night", "week", "weekend", "month", "year", "morning", "afternoon", "evening")  # "Monday", "tonight"…
_PERCENT_SUBJECT = re.compile(
    r"(?:^|(?<=[\s,(]))((?:[Aa]bout\s+|[Nn]early\s+|[Aa]lmost\s+|[Mm]ore\s+than\s+|[Jj]ust\s+|[Oo]nly\s+)?"
    r"(?:\d[\d.,]*\s*(?:%|percent)|[A-Za-z]+(?:-[a-z]+)?\s+percent|[A-Za-z\d]+\s+(?:in|of|out\s+of)\s+(?:\d+|ten|10|three|four|five))"
    r"(?:\s+of\s+(?:the\s+)?[\w\-]+(?:\s+[\w\-]+){0,3}?)?)\s*$"
)
_PRONOUN_POSSESSORS = {"his": "he", "her": "she", "their": "they", "its": "it"}


@lru_cache(maxsize=1)
def stance_words() -> lexicon.WordList:
    """Stance verbs, their particle phrases and reporting nouns, as one trie read in one pass."""
    forms = set(lexicon.verb_forms("stance_verbs.txt")) | EVIDENCE_VERBS | lexicon.words("reporting_nouns.txt")
    for line in lexicon.phrases("stance_phrases.txt"):
        verbs, _, particles = line.partition(":")
        forms.update(f"{verb} {particle}" for verb in verbs.split() for particle in particles.split())
    return lexicon.WordList(frozenset(forms), r"\w\-’'")


def stance_word_regex() -> re.Pattern[str]:
    return stance_words().pattern()


def _cue_spans(masked: str) -> list[tuple[int, int]]:
    """(start, end) of every match of stance_word_regex in masked, in order."""
    return lexicon.word_spans(stance_word_regex(), masked)


# After a reporting noun, its clause: "claim that", "promise to", "statement on Wednesday that".
_NOUN_TAIL = re.compile(r"(?:\s+(?:on|in)\s+\w+(?:\s+\w+)?)?\s*,?\s+(?=(?:that|to)\s)")
# Words before a verb form that make it a noun or an infinitive: "the plan", "to support", "a planned".
_NOT_SUBJECT_END = frozenset(
    """the a an to of for and or his her their its our my your this that these those no any every each
    by with from in on at as than""".split()
)


# The possessor before a reporting noun: "his", "Trump's", "Sen. Ted Cruz's new".
_POSSESSOR = re.compile(
    r"(?:^|(?<=\s))(?:(his|her|their|its)|((?:[A-Z][\w.’'\-]*\s){0,3}[A-Z][\w.\-]*)['’]s?)\s+"
    r"(?:(?:own|latest|new|earlier|repeated|recent|frequent|oft-repeated|by-now-familiar|stated|public|"
    r"controversial|false|unfounded|baseless|dubious)\s+){0,2}$"
)


def find_reported(masked: str, paragraphs, segments: SegmentList, cues: list[Cue],
                  existing: list[Candidate],
                  sentences: dict[int, list[tuple[int, int]]] | None = None) -> list[Candidate]:
    """Attributions of stance verbs, reporting nouns and findings that overlap no existing one.

    sentences: the sentences of paragraphs already split, by paragraph index (others are split here).
    """
    taken = sorted([span for c in existing for span in c.spans])
    taken_starts = [b for b, _ in taken]
    para_starts = [p.start for p in paragraphs]
    sentence_cache: dict[int, tuple[list[tuple[int, int]], list[int]]] = {}
    found: list[Candidate] = []

    last: list[tuple[int, int, int, int]] = []  # sentence_of's last sentence

    def sentence_of(pos: int) -> tuple[int, int, int, int] | None:
        """(paragraph, start, end, end before the final punctuation) of the sentence holding pos."""
        # Cues come in order, several to a sentence: the last one is tried first. (Paragraphs and
        # their sentences do not overlap, so a sentence holding pos is the one the lookup finds.)
        if last and last[0][1] <= pos < last[0][2]:
            return last[0]
        index = bisect.bisect_right(para_starts, pos) - 1
        if index < 0 or pos >= paragraphs[index].end:
            return None
        if index not in sentence_cache:
            para = paragraphs[index]
            split = sentences.get(index) if sentences is not None else None
            if split is None:
                split = split_sentences(masked, para.start, para.end)
            sentence_cache[index] = split, [s for s, _ in split]
        split, starts = sentence_cache[index]
        i = bisect.bisect_right(starts, pos) - 1
        if i < 0:
            return None
        s, e = split[i]
        if pos >= e:
            return None
        last[:] = [(index, s, e, trim_end(masked, s, e))]
        return last[0]

    def free(b: int, e: int) -> bool:
        i = bisect.bisect_left(taken_starts, e)
        return not any(tb < e and b < te for tb, te in taken[max(0, i - 8):i])

    def room(lo: int, hi: int, least: int) -> bool:
        """Whether [lo, hi) has a stretch of least characters that free() would pass.

        Only the spans free() reads for a span ending by hi count as taken, so a
        stretch said to have no room is one that free() refuses for any span in it.
        """
        i = bisect.bisect_left(taken_starts, hi)
        pos = lo
        for tb, te in taken[i - 8 if i > 8 else 0:i]:
            if tb - pos >= least:
                return True
            if te > pos:  # (a comparison, not max(): this runs for every span of every cue)
                pos = te
        return hi - pos >= least

    def add(cand: Candidate) -> None:
        found.append(cand)
        for span in cand.spans:
            i = bisect.bisect_left(taken_starts, span[0])
            taken.insert(i, span)
            taken_starts.insert(i, span[0])

    nouns = lexicon.words("reporting_nouns.txt")
    verbs = lexicon.verb_forms("stance_verbs.txt")
    # “…,” Lee said, citing C: after a post frame, a participle is its source's, not the subject's
    # of the quotation ("The country “has made changes,” Lee said, citing …").
    post_sources = sorted((c.source.start, i) for i, c in enumerate(existing) if c.layout == "post" and c.source)
    post_starts = [start for start, _ in post_sources]
    for cue in cues:
        if not cue.speech or cue.base in ("according to", ":"):
            continue
        where = sentence_of(cue.start)
        if where is None:
            continue
        # Both frames report content_after's content, which lies after the cue and before the
        # sentence's final punctuation: in a sentence the frames have read already, it is taken.
        # (trim_end(masked, cue.end, where[2]) is the sentence's trimmed end, or cue.end when past it.)
        if not room(cue.end, where[3] if where[3] > cue.end else cue.end, SHORTEST_CONTENT):
            continue
        i = bisect.bisect_left(post_starts, cue.start) - 1
        post = existing[post_sources[i][1]].source if i >= 0 and post_starts[i] >= where[1] else None
        cand = (_shared_subject_frame(masked, where[1], where[2], cue, segments, where[0], post)
                or _long_subject_frame(masked, where[1], where[2], cue, where[0]))
        if cand is not None and all(free(b, en) for b, en in cand.spans):
            add(cand)
    for cue_start, cue_end in _cue_spans(masked):
        word = masked[cue_start:cue_end]
        if masked[cue_start - 1:cue_start] in ("-", "’", "'"):
            continue  # "pro-Trump", "o'clock": part of another word
        previous = masked[cue_start - 12 if cue_start > 12 else 0:cue_start].split()[-1:]  # (no max() per word)
        before = previous[0].lower() if previous else ""
        if word in nouns and (word not in verbs or before in _NOT_SUBJECT_END or before.endswith(("’s", "'s", "s’"))):
            tail = _NOUN_TAIL.match(masked, cue_end)
            if tail is None:
                continue
            where = sentence_of(cue_start)
            if where is None:
                continue
            owner = _POSSESSOR.search(masked, max(where[1], cue_start - 60), cue_start)
            if owner is None:
                continue
            cand = _noun_frame(masked, where[2], owner, word, tail.end(), segments, where[0])
        elif word in EVIDENCE_VERBS:
            where = sentence_of(cue_start)
            if where is None:
                continue
            cand = _finding_frame(masked, where[1], where[2], cue_start, cue_end, segments, where[0])
        else:
            if not previous or previous[0].lower() in _NOT_SUBJECT_END:
                continue
            where = sentence_of(cue_start)
            if where is None:
                continue
            if not room(cue_end, where[3] if where[3] > cue_end else cue_end, 1):
                continue  # inside content found already ("said he wants to run"): every span would overlap it
            cand = _stance_frame(masked, where[1], where[2], cue_start, cue_end, segments, where[0])
        if cand is not None and all(free(b, en) for b, en in cand.spans):
            add(cand)
    shares = _share_places(masked)
    for cue in cues:
        # A share's subject lies in the 80 characters before its cue: only they are read, not the article.
        lo = cue.start - 80 if cue.start > 80 else 0
        i = bisect.bisect_left(shares, lo)
        if i == len(shares) or shares[i] >= cue.start:
            continue  # no place a _SHARE_WORD match could start at: its search would find none
        if cue.base in ("according to", ":") or _SHARE_WORD.search(masked, lo, cue.start) is None:
            continue  # no "percent", "%" or "in 10" just before the cue
        where = sentence_of(cue.start)
        if where is None:
            continue
        cand = _percent_frame(masked, where[1], where[2], cue, segments, where[0])
        if cand is not None and all(free(b, en) for b, en in cand.spans):
            add(cand)
    return found


# A second verb phrase for the same subject ends the complement: "endorsed Trump and has appeared…".
# (Led by the comma or space it opens on, not by ",?\s+": the regex engine then skips to those
# characters at C speed instead of trying every position.)
_NEXT_PREDICATE = re.compile(
    r"[,\s](?:(?<=,)\s+|(?<=\s)\s*)(?:and|but)\s+(?:(?:has|had|have|is|was|were|are|will|would|then|also|later|now|did|does)\b|[a-z]+ed\s|said\s|says\s|told\s)"
)
_SOURCE_VERBISH = re.compile(
    r"\b(?:is|was|are|were|has|had|have|be|been|can|could|couldn’t|couldn't|would|will|should|may|might|must|"
    r"do|does|did|in|of|on|at|for|with|that|which|to)\b"
)


_LONGEST_CONTENT = 800
_COMPLEMENT_WORD = re.compile(r"[\w’'\-]+")
_COMMA_ASIDE = re.compile(r",\s+(?:saying|adding|who|which|according|as|in\s+a|during|compared|however)\b")
_MOVED_OBJECT = re.compile(r"\b(?:how|what|why|where|whom|which|that)\s*$", re.IGNORECASE)


def complement(masked: str, pos: int, end: int, to_comma: bool = False) -> tuple[int, int] | None:
    """A stance verb's complement: after its modifiers, to the end of its clause.

    to_comma: the clause ends at the next comma, as after a relative subject ("Sanders, who
    endorsed Clinton, said…") or in a subordinate opener ("While Cruz attacked Trump, Rubio…").
    """
    end = min(end, pos + _LONGEST_CONTENT)  # a sentence with no end must not make the pass quadratic
    start = skip_modifiers(masked, pos, end)
    while start < end and (masked[start].isspace() or masked[start] in ",:"):
        start += 1
    stop = trim_end(masked, start, end)
    if stop <= start:
        return None
    word = _COMPLEMENT_WORD.match(masked[start:min(stop, start + 20)])
    if word is None or word.group().lower() in _NOT_COMPLEMENT:
        return None
    cut = clause_break(masked, start, stop)
    if cut is not None and cut.start() - start >= 3:
        stop = trim_end(masked, start, cut.start() + (1 if masked[cut.start()] in "”\"'’»" else 0))
    comma = _COMMA_ASIDE.search(masked[start:stop])
    if comma is not None and comma.start() >= 3:
        stop = start + comma.start()
    if to_comma:
        comma = masked.find(",", start + 2, stop)
        if comma > 0:
            stop = comma
    # (Every _NEXT_PREDICATE match holds "and" or "but": str.find rules most complements out sooner.)
    more = _NEXT_PREDICATE.search(masked, start, stop) \
        if masked.find("and", start, stop) >= 0 or masked.find("but", start, stop) >= 0 else None
    if more is not None and more.start() - start >= 3:
        stop = more.start()
    timed = _TRAILING_TIME.search(masked, start, stop) if masked[start:stop].rstrip().endswith(_TIME_ENDINGS) else None
    if timed is not None and timed.start() > start:
        stop = timed.start()
    stop = trim_end(masked, start, stop)
    while stop > start and masked[stop - 1] == ",":
        stop -= 1
    if stop - start < 2:
        return None
    word = masked[start:stop]
    if word.endswith("ed") and word.isalpha() and word.islower():
        return None  # "Consumer advocates cheered.": a verb of its own, not what "advocates" took
    return start, stop


def _stance_frame(masked: str, s: int, e: int, cue_start: int, cue_end: int, segments: SegmentList,
                  paragraph: int) -> Candidate | None:
    source = _source_before(masked, s, cue_start)
    if source is None or source.text.endswith(("’s", "'s", "s’", "s'")):
        return None  # "Trump's promise": a noun, read by the noun pass
    if source.kind == "np" and masked[source.end:cue_start].strip():
        return None  # "the plan was opposed…": auxiliaries make a passive or a noun phrase
    prefix = masked[max(s, source.start - 200):source.start]  # bounded: long sentences stay linear
    if source.kind != "pronoun" and not _subject_leads(_clause_prefix(prefix)):
        return None
    # (The word sits at the end, five letters at most: the search starts there, not 200 characters back.)
    if source.kind != "name" and _MOVED_OBJECT.search(prefix, max(0, len(prefix.rstrip()) - 5)):
        return None  # "how he described his emotions": the verb's object has moved before it
    if source.kind == "np" and _SOURCE_VERBISH.search(source.text.lower()) and \
            source.text.split()[-1].lower() not in lexicon.anonymous_nouns():
        return None
    if PASSIVE_BE.search(masked, source.end, cue_start):
        return None  # passive: "was endorsed by"
    if source.kind == "name" and mention_from_span(masked, source.start, source.end) is None:
        return None  # a capitalised phrase that is neither a person nor an organisation ("The U.S.")
    source = spokesperson_of(masked, source, s)
    to_comma = source.text.lower() in ("who", "which") or in_subordinate_opener(masked, s, source)
    span = complement(masked, cue_end, e, to_comma)
    if span is None:
        return None
    kind, spans = kind_of(masked, span, segments)
    seg_ids = set(segments.overlapping(spans[0][0], spans[-1][1]))
    confidence = 0.55 if kind == "indirect" else 0.6
    return Candidate(spans, kind, source, masked[cue_start:cue_end], "pre", paragraph, seg_ids, confidence)


_BUT_BEFORE = re.compile(r"\bbut\s+(?:also\s+|then\s+|later\s+|still\s+)?\Z")


def _finding_frame(masked: str, s: int, e: int, cue_start: int, cue_end: int, segments: SegmentList,
                   paragraph: int) -> Candidate | None:
    """"A new poll out this week shows C", "C, FEC records show": what a poll or a document shows."""
    source = finding_source(masked, s, cue_start)
    if source is None:
        return None
    closing = finding_before(masked, s, e, cue_start, cue_end, paragraph)
    if closing is not None:
        return closing
    if _MOVED_OBJECT.search(masked[max(s, source.start - 40):source.start]):
        return None  # "what the polls show": the object has moved before the verb
    # "polls showing Ito ahead, …": a participle's clause ends at its comma.
    to_comma = masked[cue_start:cue_end].endswith("ing") or in_subordinate_opener(masked, s, source)
    span = complement(masked, cue_end, e, to_comma)
    if span is None:
        return None
    kind, spans = kind_of(masked, span, segments)
    seg_ids = set(segments.overlapping(spans[0][0], spans[-1][1]))
    return Candidate(spans, kind, source, masked[cue_start:cue_end], "pre", paragraph, seg_ids, 0.55)


def _shared_subject_frame(masked: str, s: int, e: int, cue: Cue, segments: SegmentList,
                          paragraph: int, post_source: Source | None = None) -> Candidate | None:
    """"Ito met the mayor and said he would run", "…, saying he would run": the sentence's subject speaks,
    or the source of the post frame before the cue (“…,” Ito said, citing C).

    Reported content only: the frames read the quoted ones.
    """
    prefix = masked[max(s, cue.start - 40):cue.start]
    word = masked[cue.start:cue.end].split()[0].lower()
    # (A coordinated subject needs "and", "but" or ", who", _BUT_BEFORE "but": most prefixes hold none.)
    coordinated = _COORDINATED_BEFORE.search(prefix) if "and" in prefix or "but" in prefix or "who" in prefix else None
    if coordinated is None and not ("but" in prefix and _BUT_BEFORE.search(prefix)
                                    or word.endswith("ing") and _PARTICIPLE_BEFORE.search(prefix)):
        return None
    after = skip_modifiers(masked, cue.end, e)
    after = skip_modifiers(masked, skip_object(masked, after, e, cue.base), e)
    span = content_after(masked, after, e, True)
    if span is None or MASK in masked[span[0]:span[1]]:
        return None
    source = (_pronoun_of(coordinated) if coordinated else None) or post_source or _sentence_subject(masked, s, cue.start)
    if source is None:
        return None
    return Candidate([span], "indirect", source, masked[cue.start:cue.end], "pre", paragraph, set(), 0.55)


# Between a sentence's subject and its cue: asides in commas, one prepositional phrase, an adverb
# ("Several supporters of reform said", "A person familiar with the plan says", "McCain, who …, said").
_ASIDE = r"(?:\s*,[^,;:\x1a“”\"]{1,120},)?"
_SUBJECT_TAIL = re.compile(
    _ASIDE + r"(?:\s+(?P<pp>(?:of|for|with|from|at|in|on|across|around|close\s+to|familiar\s+with|"
    r"including)\s+[^,;:\x1a“”\"]{1,80}?))?" + _ASIDE + r"(?:\s+(?:here|there|too|also|alone|both|all))?\s*"
)
_PP_VERBISH = re.compile(
    r"\b(?:is|was|are|were|has|had|have|be|been|will|would|can|could|should|may|might|must|do|does|did|"
    r"said|says|say|told|that|which|who|whom|whose|when|where|as)\b"
)


def _long_subject_frame(masked: str, s: int, e: int, cue: Cue, paragraph: int) -> Candidate | None:
    """"Several supporters of reform said C": a subject too long for the frames, reported content only."""
    if masked[cue.start:cue.end].endswith("ing"):
        return None
    # The opener, the subject and _SUBJECT_TAIL read no masked quotation: after one ("“…,” he said")
    # the frame can only fail, so the subject is not looked for.
    if masked.find(MASK, s, cue.start) >= 0:
        return None
    source = _sentence_subject(masked, s, cue.start)
    if source is None or source.kind == "pronoun" or source.text.split()[0].lower() in ("it", "this", "that"):
        return None
    tail = _SUBJECT_TAIL.fullmatch(masked, source.end, cue.start)
    if tail is None or (tail.group("pp") and _PP_VERBISH.search(tail.group("pp"))):
        return None
    after = skip_modifiers(masked, cue.end, e)
    after = skip_modifiers(masked, skip_object(masked, after, e, cue.base), e)
    span = content_after(masked, after, e, cue.speech)
    if span is None or MASK in masked[span[0]:span[1]]:
        return None
    return Candidate([span], "indirect", source, masked[cue.start:cue.end], "pre", paragraph, set(), 0.5)


def _noun_frame(masked: str, e: int, owner: re.Match, noun: str, after: int, segments: SegmentList,
                paragraph: int) -> Candidate | None:
    if owner.group(1):
        source = Source(owner.start(1), owner.end(1), owner.group(1), "pronoun")
        if owner.group(1) in ("her", "its", "Her", "Its"):
            return None  # "her" may be an object ("told her plan"); "its" is rarely a speaker
    else:
        name = owner.group(2)
        if name.split()[0] in ("The", "A", "An", "This", "That", "In", "On", "But", "And"):
            return None
        source = Source(owner.start(2), owner.end(2), name, "name")
    span = complement(masked, after, e)
    if span is None:
        return None
    kind, spans = kind_of(masked, span, segments)
    seg_ids = set(segments.overlapping(spans[0][0], spans[-1][1]))
    return Candidate(spans, kind, source, noun, "noun", paragraph, seg_ids, 0.5)


# "percent", "%" or "in/of/out of" a number: every subject _PERCENT_SUBJECT reads holds one, so a
# cue with none in the 80 characters before it has no share for a subject. Each branch opens with a
# literal letter (the word before it is looked back at), so the regex engine only stops at those
# letters instead of trying every position; "in" and "of" are read from their last letter, rarer
# than "i" and "o".
_SHARE_NUMBER = r"\s+(?:\d+|ten|three|four|five)\b"
_SHARE_WORD = re.compile(rf"percent|%|n(?<=\bin){_SHARE_NUMBER}|f(?<=\bof){_SHARE_NUMBER}")
# "in" or "of" before what may be a number (a literal leads each: the scan skips to it at C speed).
_IN_NUMBER = re.compile(r"in\s+(?:\d|ten|three|four|five)")
_OF_NUMBER = re.compile(r"of\s+(?:\d|ten|three|four|five)")


def _share_places(masked: str) -> list[int]:
    """Every place a _SHARE_WORD match may start at, in masked or in a window of it, and some more:
    "percent", "%", and the "n" or "f" of "in" or "of" before what may be a number, in order.

    Found once an article by scans that skip to a literal: searching every cue's window with
    _SHARE_WORD, led by a class (p, %, n, f), costs tens of instructions a character, where most
    cues have no such place before them.
    """
    places = literal_starts(masked, ("percent", "%"))
    places += [number.start() + 1 for number in _IN_NUMBER.finditer(masked)]
    places += [number.start() + 1 for number in _OF_NUMBER.finditer(masked)]
    places.sort()
    return places


def _percent_frame(masked: str, s: int, e: int, cue: Cue, segments: SegmentList,
                   paragraph: int) -> Candidate | None:
    """"Twenty-four percent said they were more likely…": a share of a poll's respondents."""
    lo = max(s, cue.start - 80)
    subject = _PERCENT_SUBJECT.search(masked, lo, cue.start)
    if subject is None:
        return None
    source = Source(subject.start(1), subject.end(1), subject.group(1), "np")
    pos = skip_modifiers(masked, cue.end, e)
    span = complement(masked, pos, e, in_subordinate_opener(masked, s, source))
    if span is None:
        return None
    kind, spans = kind_of(masked, span, segments)
    seg_ids = set(segments.overlapping(spans[0][0], spans[-1][1]))
    return Candidate(spans, kind, source, masked[cue.start:cue.end], "pre", paragraph, seg_ids, 0.55)
