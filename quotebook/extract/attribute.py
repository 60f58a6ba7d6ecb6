"""Attribution frames: which words in a sentence are the cue, the source and the content.

Each sentence of the masked text is read for a frame:

* pre:  S [aux] CUE [modifiers] (that|:|,) C       "Pompeo said: “…”"
* post: C, S [aux] CUE [modifiers].                "“…,” Makei said."
        C, CUE S.                                  "“…,” said Makei."
* according to: "according to S, C" / "C, according to S."

Sentences that are nothing but a quotation join the attributed quotation
before them (“…,” he said. “…”), or take their speaker from the context.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from quotebook.extract import lexicon
from quotebook.extract.bounds import (
    _before_next_speaker,
    _circumstance_rest,
    _end_at_quoted_comma,
    _end_naming_content,
    _second_that_clause,
    _trailing_quote,
    _trivial_rest,
)
from quotebook.extract.cues import Cue, find_cues, is_doubtful, is_passive, skip_modifiers
from quotebook.extract.indirect import (
    ANY_WORD_CHAR,
    content_after,
    content_before,
    end_at_comma,
    in_subordinate_opener,
    kind_of,
    skip_object,
    trim_end,
)
from quotebook.extract.inverted import source_after
from quotebook.extract.leads import COLON_LEAD, colon_lead, fronted_cue
from quotebook.extract.marks import MASK, SegmentList
from quotebook.extract.quoted_frames import (
    _COORDINATED_BEFORE,
    _coordinated_frame,
    _credit_line,
    _fragment_frame,
    _participle_quote,
    _pronoun_of,
)
from quotebook.extract.records import Candidate, Source, _segments_in
from quotebook.extract.relative_frames import first_relative_frame, with_relative_frames
from quotebook.extract.sources import (
    _ends_with_boundary,
    _np_after,
    _source_before,
    relative_antecedent,
    relative_subject,
)
from quotebook.extract.subjects import _LEAD_WORDS, _clause_prefix, _is_opener, _subject_leads

__all__ = ["Candidate", "Source", "frame_sentence", "is_pure_quote", "relative_antecedent"]


_ENDS_IN_CLOSER = re.compile(r"[”\"'’»]\s*$")


_QUOTE_NEXT = re.compile(r"\s*[,:]?\s*[“\"'‘«`]")


_TRAILING_APPOSITION = re.compile(r",\s+[^“\"\x1a]+$")


# "said a former official who oversaw the inquiry.": a relative clause that tells who the source is.
_TRAILING_RELATIVE = re.compile(r"\s*(?:who|whose|whom)\s")


_OPEN_MARKS = "“\"'‘«`"


_CLOSE_MARKS = "”\"'’»"


# "…, adding that …": a second attribution to the same source in the same sentence.
_PARTICIPLE_WORDS = (r"(adding|saying|noting|arguing|explaining|insisting|warning|claiming|"
                     r"stressing|suggesting|asserting|declaring|acknowledging|writing|calling|announcing|predicting|promising|telling|"
                     r"reasoning|contending|recalling|conceding|admitting|complaining|vowing|pledging|cautioning|remarking)")
_PARTICIPLE = re.compile(r",?\s+(?:and\s+|while\s+|before\s+)?" + _PARTICIPLE_WORDS + r"\b")


# Verbs whose content is a name for something: "called the plan “a disaster,”".
_NAMING = frozenset({"call", "dub", "term", "brand", "describe", "label", "deem", "characterize", "nickname"})

_DETERMINER_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Tt]his|[Tt]hat)\s+$")

_SAYING = re.compile(r",\s+saying(?:\s+that)?\b")

_GOES_ON = re.compile(r"\s*,\s+(?=(?:but|and|while|although)\s)")


# A sentence of chained clauses, each holding its own attribution ("As X said C,
# Y replied C2, …"), is read this many clauses deep: real sentences stop at two
# or three, and a hostile run-on must not recurse without end.
MAX_CHAINED_CLAUSES = 8


def frame_sentence(masked: str, s: int, e: int, segments: SegmentList, paragraph: int,
                   cues: list[Cue] | None = None, depth: int = 0) -> list[Candidate]:
    """The attributions in masked[s:e]: usually none or one, two with "…, adding that …".

    cues, when given, are the cues of this sentence found beforehand; depth counts
    the chained clauses read before this one.
    """
    if masked[s] in "SAWRE" and segments.overlapping(s, e):
        fronted = fronted_cue(masked, s, e, segments, paragraph)
        if fronted is not None:
            return [fronted]
    if masked.find(":", s, e) >= 0:
        lead = colon_lead(masked, s, e, segments, paragraph)
        if lead is not None:
            return [lead]
    cues = find_cues(masked, s, e) if cues is None else cues
    ordered = cues
    # (An "according to" cue holds its literal: most sentences need no look at their cues for one.)
    trailing = None if not cues or masked.find("ccording", s, e) < 0 else next(
        (c for c in cues if c.base == "according to" and masked[c.start - 2:c.start].strip() == ","), None)
    if trailing is not None and trailing is not cues[0]:
        # "Smith told aides that C, according to two sources": the sources vouch for the whole clause.
        ordered = [trailing] + [c for c in cues if c is not trailing]
    for cue in ordered:
        if cue.base == "according to":
            cand = _according(masked, s, e, cue, segments, paragraph)
        else:
            cand = _verb_frame(masked, s, e, cue, segments, paragraph)
        if cand is not None:
            found = [cand] + _participle(masked, cand, s, e, segments)
            found = found + _next_clause(masked, found, s, e, segments, paragraph, cues, depth)
            return with_relative_frames(found, masked, s, e, cues, segments, paragraph)
    if not segments.overlapping(s, e):
        return []
    for cue in cues:
        cand = _coordinated_frame(masked, s, e, cue, segments, paragraph)
        if cand is not None:
            return [cand] + _participle(masked, cand, s, e, segments, cand.spans[-1][1])
    relative = first_relative_frame(masked, s, e, cues, segments, paragraph)
    if relative is not None:
        return [relative]  # "…, which he described as “…”"
    quoted = _participle_quote(masked, s, e, segments, paragraph) or _credit_line(masked, s, e, segments, paragraph)
    if quoted is not None:
        return [quoted]
    fragment = _fragment_frame(masked, s, e, segments, paragraph)
    if fragment is None:
        return []
    # "He urged voters to “stay home” and said …": the second cue has its own content,
    # and a first part left with no quotation was only what he did ("shook his head").
    second = _participle(masked, fragment, s, e, segments)
    return ([fragment] if fragment.kind != "indirect" else []) + second


def _next_clause(masked: str, found: list[Candidate], s: int, e: int, segments: SegmentList, paragraph: int,
                 cues: list[Cue] | None, depth: int = 0) -> list[Candidate]:
    """"As Trump attacked Clinton, the crowd chanted, “Lock her up!”": the clause after the first
    attribution's content can hold an attribution of its own, and so can a clause after a post
    frame ("“…,” Ryan said, though he said, “…”")."""
    tail = max(b for c in found for _, b in c.spans)
    if depth >= MAX_CHAINED_CLAUSES or e - tail < 12:
        return []
    inner = tail
    while inner > s and masked[inner - 1] in _CLOSE_MARKS:
        inner -= 1
    if found[0].layout == "post":
        start = _after_post_frame(masked, found[0], tail, e)
        if start is None:
            return []
    elif inner < tail and masked[inner - 1] == ",":
        start = tail  # the content kept the comma of its closing “…,”
    elif masked[tail:tail + 3].lstrip().startswith(","):
        start = masked.index(",", tail) + 1
    else:
        return []
    later = None if cues is None else [c for c in cues if c.start >= start]
    main = _main_clause_after_relative(masked, found[0], start, e, segments, paragraph, later)
    if main is not None:
        return [main]
    return [c for c in frame_sentence(masked, start, e, segments, paragraph, later, depth + 1)
            if c.layout != "post" and not _describes_source(masked, found[0], c)]


# A finite verb, roughly: a clause has one, an apposition ("the head of the authority") has none.
_CLAUSE_VERB = re.compile(rf"\b(?:{lexicon.AUXILIARY_VERBS}|[a-z]+ed|[a-z]{{3,}}s)\b")


def _describes_source(masked: str, first: Candidate, again: Candidate) -> bool:
    """"C, according to Lee, who heads the authority.": read again from its comma, the same "according
    to" takes what describes Lee for a second content; "…, according to Lee, the plan will fail" does not."""
    if first.layout != "according" or again.layout != "according" or again.source != first.source:
        return False
    b, e = again.spans[0][0], again.spans[-1][1]
    if _RELATIVE_START.match(masked, b) is not None:
        return True
    return MASK not in masked[b:e] and _CLAUSE_VERB.search(masked, b, e) is None  # (a quotation's words are masked)


_RELATIVE_START = re.compile(r"(?:who|whom|whose|which|where)\b")


_ONLY_ADVERBS = re.compile(r"\s*(?:[a-z]+ly\s+|also\s+|then\s+|later\s+)*")


def _main_clause_after_relative(masked: str, first: Candidate, start: int, e: int, segments: SegmentList,
                                paragraph: int, cues: list[Cue] | None) -> Candidate | None:
    """"Lee, who called the mayor a “sociopath,” said C": the main verb after the relative clause
    speaks for the relative's antecedent."""
    if first.layout != "pre" or first.source is None or first.source.text.lower() != "who":
        return None
    cue = next(iter(cues if cues is not None else find_cues(masked, start, e)), None)
    if cue is None or not cue.speech or _ONLY_ADVERBS.match(masked, start, cue.start).end() != cue.start:
        return None
    antecedent = relative_antecedent(masked, first.source)
    after = skip_modifiers(masked, cue.end, e)
    after = skip_modifiers(masked, skip_object(masked, after, e, cue.base), e)
    span = content_after(masked, after, e, True)
    if antecedent is None or span is None:
        return None
    kind, spans = kind_of(masked, span, segments)
    seg_ids = set(_segments_in(segments, spans[0][0], spans[-1][1]))
    return Candidate(spans, kind, antecedent, masked[cue.start:cue.end], "pre", paragraph, seg_ids,
                     0.9 if kind != "indirect" else 0.7)


# The post frame's own words, then a comma and a conjunction that opens a clause with a subject of its own.
_POST_FRAME_REST = re.compile(r"[^,;:\x1a“”\"]{0,60},(?=\s+(?:though|although|but|and|while|yet|as|when|before|after|then)\s)")


def _after_post_frame(masked: str, cand: Candidate, tail: int, e: int) -> int | None:
    """Where the clause after “…,” Ryan said on CNN, begins: past the source, its cue and their modifiers."""
    anchor = max(tail, cand.source.end) if cand.source is not None else tail
    rest = _POST_FRAME_REST.match(masked, anchor, e)
    return rest.end() if rest is not None else None


def _participle(masked: str, cand: Candidate, s: int, e: int, segments: SegmentList,
                start: int | None = None) -> list[Candidate]:
    """Split off "…, adding that C" as its own attribution to the same source, and
    "…, calling her “…,” and then tweeted that C2" one after the other.

    start, when given, is where to look for them (by default: after the first attribution's frame).
    """
    found: list[Candidate] = []
    if start is None:
        start = cand.spans[-1][1] if cand.layout == "post" else (cand.source.end if cand.source else s)
    for _ in range(MAX_CHAINED_CLAUSES):
        # A later one must follow the one before at once: past a clause of its own it has its own subject.
        more = _one_participle(masked, found[-1] if found else cand, start, e, segments, adjacent=bool(found))
        if not more:
            break
        found.extend(more)
        start = more[-1].spans[-1][1]
    return found


def _one_participle(masked: str, cand: Candidate, start: int, e: int, segments: SegmentList,
                    adjacent: bool = False) -> list[Candidate]:
    for second in _second_cues(masked, start, e):
        if segments.overlapping(second.begin, second.begin + 1):
            continue
        if adjacent and masked[start:second.begin].strip(" ,"):
            return []
        after = skip_modifiers(masked, second.content, e)
        # ", telling CNN that C": past the person told.
        after = skip_object(masked, after, e, lexicon.reporting_verbs().get(second.word.lower(), ""))
        span = content_after(masked, after, e, True)
        if span is None:
            return []
        if cand.layout != "post" and len(cand.spans) == 1 and cand.spans[0][1] > second.begin:
            # The first content stops where the second attribution begins.
            b = cand.spans[0][0]
            stop = trim_end(masked, b, second.begin).__int__()
            while stop > b and masked[stop - 1] in ",":
                stop -= 1
            if stop - b < 6:
                return []
            cand.kind, cand.spans = kind_of(masked, (b, stop), segments)
            cand.segments = set(_segments_in(segments, cand.spans[0][0], cand.spans[-1][1]))
        kind, spans = kind_of(masked, span, segments)
        seg_ids = set(_segments_in(segments, spans[0][0], spans[-1][1]))
        return [Candidate(spans, kind, second.source or cand.source, second.word, cand.layout, cand.paragraph, seg_ids,
                          cand.confidence * 0.95)]
    return []


class _SecondCue(NamedTuple):
    """Where a second attribution begins (", and then predicted") and where its content may start."""

    begin: int
    content: int
    word: str
    source: Source | None = None  # "…, but she said": a subject of its own


# _PARTICIPLE has no literal to lead its scan, so it is run only on ranges that hold one of its words,
# found by one scan of the article (one entry: the last article). That scan is led by the words'
# common "ing", which the regex engine finds at C speed, and looks back for the rest of each word.
_PARTICIPLE_LITERALS = _PARTICIPLE_WORDS.strip("()").split("|")
assert all(word.isalpha() and word.endswith("ing") for word in _PARTICIPLE_LITERALS), \
    "_PARTICIPLE_WORDS must stay a list of -ing words"
_PARTICIPLE_ING = re.compile("ing(?:" + "|".join(f"(?<={word})" for word in _PARTICIPLE_LITERALS) + ")")
_last_participles: tuple[str, list[int]] | None = None


def _has_participle_word(masked: str, start: int, e: int) -> bool:
    global _last_participles
    if _last_participles is None or _last_participles[0] is not masked:
        # Where each word's "ing" starts: inside any range that holds the whole word.
        _last_participles = (masked, [m.start() for m in _PARTICIPLE_ING.finditer(masked)])
    starts = _last_participles[1]
    i = bisect.bisect_left(starts, start)
    return i < len(starts) and starts[i] < e


def _second_cues(masked: str, start: int, e: int) -> list[_SecondCue]:
    """"…, adding that C" and "…, and then predicted: C", in text order."""
    found = [_SecondCue(m.start(), m.end(1), m.group(1)) for m in _PARTICIPLE.finditer(masked, start, e)] \
        if _has_participle_word(masked, start, e) else []
    if masked.find("and", start, e) < 0 and masked.find("but", start, e) < 0 and masked.find("who", start, e) < 0:
        # Every coordinated cue follows an "and", a "but" or a ", who" (_COORDINATED_BEFORE): two ranges
        # in three hold none, and their cues need not be read.
        return found
    for cue in find_cues(masked, start, e):
        if not cue.speech or cue.base == "according to":
            continue
        before = _COORDINATED_BEFORE.search(masked, max(start, cue.start - 40), cue.start)
        if before is None:
            continue
        begin = before.start()
        while begin > start and masked[begin - 1] in " ,":
            begin -= 1
        after = skip_modifiers(masked, cue.end, e)
        past_object = skip_object(masked, after, e, cue.base)
        if past_object != after:
            after = skip_modifiers(masked, past_object, e)
        found.append(_SecondCue(begin, after, masked[cue.start:cue.end], _pronoun_of(before) or _clause_pronoun(masked, start, begin)))
    return sorted(found)


_CLAUSE_PRONOUN = re.compile(r"[,;]\s+(I|we|he|she|they)\s+[a-z]+(?:\s+[a-z]+)?\s*\Z")


def _clause_pronoun(masked: str, start: int, begin: int) -> Source | None:
    """"When my mother asked, I laughed and said…": the clause has a subject of its own."""
    match = _CLAUSE_PRONOUN.search(masked, max(start, begin - 40), begin)
    if match is None:
        return None
    return Source(match.start(1), match.end(1), match.group(1), "pronoun")


def _verb_frame(masked: str, s: int, e: int, cue: Cue, segments: SegmentList, paragraph: int) -> Candidate | None:
    source = _source_before(masked, s, cue.start)
    if ((source is None or source.kind != "pronoun") and masked.find("who ", s, cue.start) >= 0
            and not masked.endswith("ing", cue.start, cue.end)):
        # "One official who relayed the exchange said": the subject before the relative clause.
        source = relative_subject(masked, s, source.start if source is not None else cue.start) or source
    inverted = False
    if source is not None and source.end <= cue.start and is_passive(masked, source.end, cue.start, cue.end, cue.base):
        return None  # "The letter was widely criticized for its claim that C": not the subject's words
    if source is not None and _IN_OPENER.fullmatch(masked, s, source.start) and masked.endswith("ed", cue.start, cue.end):
        return None  # "In a Facebook message posted Friday, Cruz said": the participle describes the message
    if source is not None and is_doubtful(masked, cue):
        gap = masked[source.end:cue.start]
        if gap.strip() and not _apposition_gap(gap) or source.kind == "np" and not _carries_text(source, cue):
            return None  # "the email", "a tweet": a noun, not a verb
        if (source.kind == "name" and source.text.lower() in lexicon.words("platforms.txt")
                and _DETERMINER_BEFORE.search(masked, max(s, source.start - 6), source.start)):
            return None  # "In a Facebook post,": where it was written, not who wrote it
    if source is None:
        prefix = masked[s:cue.start]
        if ((cue.speech or cue.base == "read") and _ends_with_boundary(prefix) and cue.base not in _NEVER_INVERTED
                and not masked[cue.start:cue.end].endswith("ing")):
            source = source_after(masked, cue.end, e)
            if source is not None and not cue.speech and not _carries_text(source, cue):
                source = None  # "“…,” read one sign." but not "“…,” read Ann Lee."
            inverted = source is not None
        if source is None:
            return None
    after = source.end if inverted else cue.end
    after = skip_modifiers(masked, after, e)
    if not inverted:
        # (skip_modifiers stops where no modifier starts: it is asked again only past an object.)
        past_object = skip_object(masked, after, e, cue.base)
        if past_object != after:
            after = skip_modifiers(masked, past_object, e)
        # "shot back in a statement, saying C": the participle introduces the content.
        saying = _SAYING.match(masked, after, e)
        if saying is not None:
            after = saying.end()
    prefix = masked[s:cue.start if inverted else source.start]
    if not inverted:
        prefix = _clause_prefix(prefix)
    # (A post frame needs a boundary before its subject: two cues in three have none, and their rest is not read.)
    post, goes_on = _post_layout(masked, s, e, prefix, after, inverted, segments) \
        if _ends_with_boundary(prefix) else (False, None)
    if inverted and not post:
        return None
    if post:
        content_end = len(prefix.rstrip()) + s if not inverted else cue.start
        if not inverted and masked[source.end:cue.start].strip() == ",":
            content_end = _before_apposition_head(masked, s, source)
            if content_end is None:
                return None  # "Her colleague, Sen. Dan Sullivan, agreed.": all subject, no content
        span = content_before(masked, s, content_end)
        if span is None:
            return None
        # A quote ending in ,” keeps its comma inside the marks.
        if masked[span[1]:span[1] + 1] in "”\"'’»":
            span = (span[0], span[1] + 1)
        span = _after_lead_in(masked, span, segments)
        kind, spans = kind_of(masked, span, segments)
        more = _trailing_quote(masked, after, e, segments)
        if more and kind != "indirect":
            spans = spans + [more]
        if goes_on is not None:
            rest_kind, rest_spans = kind_of(masked, (goes_on.start(), trim_end(masked, goes_on.start(), e)), segments)
            spans = (spans if kind != "direct" or rest_kind == "direct" else [span]) + rest_spans
            kind = "direct" if kind == rest_kind == "direct" else "mixed"
        if kind == "indirect" and not cue.speech:
            return None
        layout = "post"
    else:
        if source.kind != "pronoun" and not _subject_leads(prefix):
            return None  # a subject in the middle of a clause ("the plan Trump said would…")
        span = content_after(masked, after, e, cue.speech)
        if span is None:
            return None
        span = _before_next_speaker(masked, _second_that_clause(masked, span, e))
        if in_subordinate_opener(masked, s, source) or source.text.lower() in ("who", "which"):
            span = end_at_comma(masked, span)  # "When Cruz said he would win, the crowd…", "Ito, who said…, left"
        if cue.base in _NAMING:
            span = _end_naming_content(masked, span)
        kind, spans = kind_of(masked, _end_at_quoted_comma(masked, span, segments), segments)
        if cue.base in _NAMING and kind == "indirect":
            return None  # "called the plan a disaster": a name for something, no quotation
        if cue.base in _NAMING and segments.starting_at(span[0]) and source.kind == "np":
            return None  # "a class called “Perception”": the name of a thing
        lead = _interrupted_lead(masked, s, source, cue, span) if kind == "indirect" else None
        if lead is not None:
            spans = [lead] + spans  # "This campaign, he says, is different": one content, around its source
        layout = "pre"
    seg_ids = set(_segments_in(segments, spans[0][0], spans[-1][1]))
    confidence = 0.9 if kind != "indirect" else 0.7
    return Candidate(spans, kind, source, masked[cue.start:cue.end], layout, paragraph, seg_ids, confidence)


# The noun phrase a name in commas stands beside: "the mayor", "her colleague", "His predecessor".
_APPOSITION_HEAD = re.compile(r"[”\"’']?\s*(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Aa]n?)\s+(?:[\w’'\-.]+\s+){0,3}[\w’'\-.]+\s*")


def _before_apposition_head(masked: str, s: int, source: Source) -> int | None:
    """Where the content ends in "C, the mayor, Ann Lee, said": before the noun phrase the name stands
    beside, which is the subject with it. None when that noun phrase opens the sentence (no content)."""
    comma = masked.rfind(",", s, source.start)
    before = masked.rfind(",", s, comma) if comma > s else -1
    head_start = before + 1 if before >= 0 else s
    if comma < 0 or not _APPOSITION_HEAD.fullmatch(masked, head_start, comma):
        return comma + 1 if comma >= 0 else source.start  # no noun phrase beside the name: as before
    if before < 0:
        return None
    return head_start + 1 if masked[head_start] in "”\"’'" else head_start  # past a quotation's closing mark


# Cues whose subject never follows them: after "told" comes the one told ("“…,” told the Times").
_NEVER_INVERTED = frozenset({"tell", "inform", "notify"})


# Openers that describe the speaker's act, not what was said: "Asked about the plan, Lee said, …".
_ACT_OPENER = re.compile(r"(?:Asked|Speaking|Responding|Addressing|Pressed|Writing|Talking|Appearing|Interviewed)\b")


def _interrupted_lead(masked: str, s: int, source: Source, cue: Cue, span: tuple[int, int]) -> tuple[int, int] | None:
    """"This campaign, he says, is different", "In his state, Christie said, offenders get treatment": a
    source and cue set in commas inside the content. The part before them, from the sentence start."""
    if source.kind not in ("pronoun", "name") or source.text.lower() in ("who", "which"):
        return None
    before = masked[s:source.start].rstrip()
    if not before.endswith(",") or "," not in masked[cue.end:span[0]]:
        return None
    stop = s + len(before) - 1
    text = masked[s:stop]
    if not text.strip() or MASK in text or _is_opener(text) or _ACT_OPENER.match(text.lstrip()):
        return None
    return s + len(text) - len(text.lstrip()), stop


def _post_layout(masked: str, s: int, e: int, prefix: str, after: int, inverted: bool,
                 segments: SegmentList) -> tuple[bool, re.Match[str] | None]:
    """Whether a frame whose subject follows a boundary ("“…,” he said") has the post layout, and
    where its content goes on after the frame, if it does."""
    rest = masked[after:e]
    ends_in_quote = MASK in prefix and _ENDS_IN_CLOSER.search(prefix) is not None
    rest_quote = _QUOTE_NEXT.match(rest) is not None
    if inverted and (_TRAILING_APPOSITION.match(rest) or _TRAILING_RELATIVE.match(rest)):
        rest = ""  # "said Charlie Black, a longtime Republican strategist."
    trivial = _trivial_rest(rest) or MASK in prefix and _circumstance_rest(rest)
    # "“A big truck” hit the barriers, he said, and “everyone started running.”": the content goes on.
    goes_on = _GOES_ON.match(masked, after, e) if not trivial else None
    ahead = segments.overlapping(goes_on.end(), e) if goes_on is not None else range(0)
    if ahead and not find_cues(masked, goes_on.end(), segments[ahead[0]].start):
        trivial = True
    else:
        goes_on = None
    # “…,” the senator said his campaign… — a quote in an opener, then the main clause's content.
    opens_with_quote = masked[s:s + 1] in _OPEN_MARKS or bool(segments.starting_at(s))
    post = ends_in_quote and (trivial or opens_with_quote) or (trivial and not rest_quote)
    return post, goes_on


# The preposition that opens a sentence's first phrase: a noun after it is no subject.
_IN_OPENER = re.compile(r"(?:In|On|At|From|Through|Via)\s+")


def _after_lead_in(masked: str, span: tuple[int, int], segments: SegmentList) -> tuple[int, int]:
    """"He hinted at it: “She signed,” he told the Times." — the quotation after the colon is the content."""
    colon = masked.rfind(":", span[0], span[1])
    if colon < 0 or MASK in masked[colon - 1:colon] or not COLON_LEAD.match(masked, colon, span[1]):
        return span
    rest = (COLON_LEAD.match(masked, colon, span[1]).end(), span[1])
    return rest if kind_of(masked, rest, segments)[0] == "direct" else span


# ", director of the institute at Lanzhou University, ": an apposition between a name and its verb
# (or the comma that closes a name in apposition: "Her aide, Ann Lee, calls").
_APPOSITION_GAP = re.compile(r"\s*,(?:[^,;:\x1a“”\"]{3,120},)?\s*")


def _apposition_gap(gap: str) -> bool:
    """"Ann Lee, a farmer, calls the tax “a burden”": after an apposition a doubtful form is the verb."""
    return _APPOSITION_GAP.fullmatch(gap) is not None


def _carries_text(source: Source, cue: Cue) -> bool:
    """"the email read", "one sign read": a thing with words on it is read from."""
    head = source.text.split()[-1].lower()
    return cue.base == "read" and (head in lexicon.words("text_carriers.txt") or head in ("one", "another"))


def _according(masked: str, s: int, e: int, cue: Cue, segments: SegmentList, paragraph: int) -> Candidate | None:
    prefix = masked[s:cue.start]
    name_end = masked.find(",", cue.end, e)
    if _is_opener(prefix) or not prefix.strip() or prefix.rstrip(" ,").rpartition(" ")[2] in _CLAUSE_OPENERS:
        # ("The council met because, according to Lee, C": C is what Lee says, not "The council met because".)
        if name_end < 0:
            return None
        source = _np_after(masked, cue.end, name_end)
        span = content_after(masked, name_end + 1, e, True)
        if source is None or span is None:
            return None
    else:
        stop = name_end if name_end > 0 else e
        source = _np_after(masked, cue.end, trim_end(masked, cue.end, stop))
        span = content_before(masked, s, cue.start)
        if source is None or span is None:
            return None
        if masked[span[1]:span[1] + 1] in "”\"'’»":
            span = (span[0], span[1] + 1)
    kind, spans = kind_of(masked, span, segments)
    seg_ids = set(_segments_in(segments, spans[0][0], spans[-1][1]))
    return Candidate(spans, kind, source, "according to", "according", paragraph, seg_ids, 0.8)


# Words that leave the clause they open unfinished before "according to": those that can stand
# before a clause's subject, and a few more.
_CLAUSE_OPENERS = _LEAD_WORDS | {"though", "since", "whether", "where"}


def is_pure_quote(masked: str, s: int, e: int, segments: SegmentList) -> bool:
    """A sentence that is nothing but quotation(s)."""
    inside = _segments_in(segments, s, e)
    if not inside:
        return False
    rest = masked[s:e]
    for i in reversed(inside):
        seg = segments[i]
        rest = rest[:max(seg.start, s) - s] + rest[min(seg.end, e) - s:]
    return not ANY_WORD_CHAR.search(rest)
