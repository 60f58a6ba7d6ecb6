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

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from quotebook.extract import lexicon
from quotebook.extract.cues import Cue, find_cues, is_doubtful, skip_modifiers
from quotebook.extract.indirect import _CLAUSE_BREAK, content_after, content_before, kind_of, skip_object, trim_end
from quotebook.extract.marks import MASK, SegmentList
from quotebook.extract.mentions import NAME_RUN, PRONOUNS, _NOT_NAMES

# Patterns used in the hot paths, compiled once.
_NP_TOKEN = re.compile(r"[\w’'\-\.]+")
_INVERTED_NP = re.compile(r"(?:the|a|an|one|two|three|several|some)\s+(?:[\w’'\-\.]+\s+){0,5}?[\w’'\-]+(?=\s*(?:[,.;:]|$|\s+(?:in|on|at|who|during|after)\b))")
_INVERTED_PRONOUN = re.compile(r"(he|she|they)\b")
_SUBJECT_PRONOUN = re.compile(r"(He|She|They|It|We|I)\b")
_ENDS_IN_CLOSER = re.compile(r"[”\"'’»]\s*$")
_QUOTE_NEXT = re.compile(r"\s*[,:]?\s*[“\"'‘«`]")
_TRAILING_APPOSITION = re.compile(r",\s+[^“\"\x1a]+$")
_CLAUSE_SPLIT = re.compile(r"[,;:—(”\"\x1a]|\b(?:and|but|as|because|while|when|although|so|that|if)\b")
_PREFIX_BREAK = re.compile(r"[,”\"'’»:—]")
_CLAUSE_VERB = re.compile(r"\b(?:is|was|are|were|has|had|have|and|or|but|that|which|who)\b")
_ONLY_PUNCTUATION = re.compile(r"[.!?;:,\s]*")
_QUOTE_FIRST = re.compile(r"[,:;.]?\s*[“\"'‘«`]")
_TRAILING_PARTICIPLE = re.compile(r",\s*(?:adding|saying|noting|referring|explaining|calling|according|citing|while|as|before|after|when|in|at|on|during|to)\b")
_ANY_WORD_CHAR = re.compile(r"\w")
_NP_BREAK = re.compile("[,;:\u201c\u201d\"" + MASK + "]")  # ends a noun phrase read backwards

# Between a subject and its cue: "has also said", "later told", "repeatedly warned".
_AUX_WORDS = frozenset(
    """also later then has have had would will did does do is was were are once previously recently
    repeatedly again never often always reportedly just even still already further first been long
    not however Monday Tuesday Wednesday Thursday Friday Saturday Sunday yesterday today tonight""".split()
)
# "Feinstein last week said", "Lee on Monday told": time between a subject and its cue.
_TIME_BEFORE_CUE = re.compile(
    r"\s+(?:(?:last|this|earlier|later)\s+(?:week|month|year|night|weekend)|on\s+(?:Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?|earlier\s+this\s+(?:week|month|year))\s*$"
)
# Asides between a subject and its cue: "Proponents, however, say".
_ASIDES = frozenset({"however", "though", "too", "meanwhile"})
_PARTY_TAG = re.compile(r"\s*\((?:[RDI]|[A-Z][\w.]*)[-–,][^()]{1,30}\)\s*$|\s*\([A-Z][\w.\- ]{0,20}\)\s*$")
_DETERMINERS = frozenset(
    """the a an one two three four five several some many most other another his her their its our
    my your this that these those both few top senior local state federal""".split()
)
_NOT_HEAD = frozenset(
    """that which who whom as to and or but be been being is was were are has have had it its this
    they he she we i you him her them there here not also so than then when while if because after
    before since until what how why where all a an the these those his our my your some any each
    every no their by of for with from in on at about into""".split()
)
_BOUNDARY_WORDS = frozenset(
    "and but as because while when although though so where if since after before until or yet nor".split()
)
_RELATIVE_ANTECEDENT = re.compile(r"((?:[A-Z][\w.’'\-]*\s?){1,4}),\s*$")


@dataclass
class Source:
    start: int
    end: int
    text: str
    kind: str  # pronoun | name | np


@dataclass
class Candidate:
    """A quotation found in one sentence, before its speaker is resolved."""

    spans: list[tuple[int, int]]
    kind: str
    source: Source | None
    cue: str | None
    layout: str  # pre | post | according | colon | context
    paragraph: int
    segments: set[int] = field(default_factory=set)
    confidence: float = 0.8


def _source_before(masked: str, lo: int, cue_start: int) -> Source | None:
    """The subject just before a cue, if there is one."""
    window_start = max(lo, cue_start - 220)
    rest = _strip_aux(masked[window_start:cue_start])
    if rest.endswith(")"):
        party = _PARTY_TAG.search(rest, max(0, len(rest) - 40))
        if party:
            rest = rest[:party.start()].rstrip()
    if not rest:
        return None
    last = rest[rest.rfind(" ") + 1:] if " " in rest else rest
    last = last[max(last.rfind("\u00a0"), last.rfind("\n")) + 1:]
    if last.lower() in PRONOUNS and last.lower() not in ("him", "her", "his", "them"):
        b = window_start + len(rest) - len(last)
        return Source(b, b + len(last), last, "pronoun")
    if rest.endswith(","):
        return _apposition_source(masked, window_start, rest)
    return _name_or_np(masked, window_start, rest)


def _strip_aux(seg: str) -> str:
    """seg without the auxiliaries, adverbs and asides that end it ("has also", ", however,")."""
    time = _TIME_BEFORE_CUE.search(seg, max(0, len(seg) - 40))
    if time is not None:
        seg = seg[:time.start()]
    end = len(seg.rstrip())
    while end > 0:
        start = max(seg.rfind(" ", 0, end), seg.rfind("\u00a0", 0, end), seg.rfind("\n", 0, end)) + 1
        word = seg[start:end]
        bare = word.strip(",")
        if bare in _AUX_WORDS or (bare.endswith("ly") and bare.isalpha() and bare.islower()) or (
                bare in _ASIDES and word.endswith(",") and seg[:start].rstrip().endswith(",")):
            end = len(seg[:start].rstrip())
            if bare in _ASIDES:
                end -= 1  # the comma before the aside
            continue
        break
    return seg[:end].rstrip()


def _ends_with_boundary(prefix: str) -> bool:
    """Whether the text before a subject ends a content clause: “…,” or …, or …—"""
    tail = prefix.rstrip()[-3:]
    if not tail:
        return False
    if tail[-1] in "”\"'’»,:—–":
        return True
    return tail.endswith("--")


_SPOKESPERSON = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Oo]ne|[Tt]wo|[Ss]everal|[Ss]ome)\s+(?:[\w\-]+\s+){0,2}?([a-z]+)\s+(?:for|of|at|with|to|from|close\s+to)\s+(?:the\s+)?"
)


_GOVERNED_NAME = re.compile(
    r"\b(?:[Aa]n?|[Aa]nother|[Oo]ne|[Tt]he|[Tt]wo|[Ss]everal|[Ss]ome)\s+(?:[a-z][\w\-]*\s+){1,4}?"
    r"(?:speaking|talking|close|familiar|loyal|writing|quoted)\s+(?:to|with|by|in)\s+(?:the\s+)?"
)


def _name_or_np(masked: str, offset: int, rest: str) -> Source | None:
    name = _name_run_ending(rest)
    if name is not None:
        b, e = name
        text = rest[b:e]
        head = text.split()[-1].strip(".").lower()
        if head in _NOT_NAMES:
            return None
        if b >= 4 and rest[b - 4:b].lower() == "the ":
            b -= 4
        # "a spokesman for Platte River": the speaker is the spokesman, not the company.
        spokes = _SPOKESPERSON.search(rest, max(0, b - 60), b)
        if spokes is not None and spokes.end() == b and spokes.group(1).lower() in lexicon.anonymous_nouns():
            return Source(offset + spokes.start(), offset + e, rest[spokes.start():e], "np")
        # "Another source speaking to Fox News said": the name is an object, the speaker the noun phrase.
        governed = _GOVERNED_NAME.search(rest, max(0, b - 80), b)
        if governed is not None and governed.end() == b:
            return Source(offset + governed.start(), offset + e, rest[governed.start():e], "np")
        return Source(offset + b, offset + e, rest[b:e], "name")
    words = list(_NP_TOKEN.finditer(rest, max(0, len(rest) - 90)))  # only the last words matter
    if not words:
        return None
    head = words[-1].group().lower().strip(".")
    if head in _NOT_HEAD or head.endswith(("ing", "ed")) and head not in ("red",):
        return None
    start_index = None
    for i in range(len(words) - 1, max(-1, len(words) - 8), -1):
        word = words[i].group()
        low = word.lower()
        between = rest[words[i].end():words[i + 1].start()] if i + 1 < len(words) else ""
        if between != " " and _NP_BREAK.search(between):
            break
        if low in _DETERMINERS or low.endswith(("’s", "'s")):
            start_index = i
            if low not in ("top", "senior", "local", "state", "federal"):
                break
        elif low in _NOT_HEAD:
            break
    if start_index is None:
        # A bare plural or group: "officials said", "Democrats argued".
        if head in lexicon.anonymous_nouns() or head in lexicon.organisation_words() or words[-1].group()[0].isupper():
            start_index = len(words) - 1
            if len(words) >= 2 and words[-2].group()[0].isupper() and words[-2].group().lower() not in _NOT_NAMES:
                start_index = len(words) - 2
        else:
            return None
    b, e = words[start_index].start(), words[-1].end()
    return Source(offset + b, offset + e, rest[b:e], "np")


def _name_run_ending(rest: str) -> tuple[int, int] | None:
    # A name run ends in a capitalised token, so a last word without a capital ends none.
    if rest[max(rest.rfind(" "), rest.rfind("\u00a0"), rest.rfind("\n")) + 1:].islower():
        return None
    tail_start = max(0, len(rest) - 120)
    found = None
    for match in NAME_RUN.finditer(rest, tail_start):
        if match.end() == len(rest) or (match.end() == len(rest) - 1 and rest.endswith(".")):
            found = (match.start(), match.end())
    return found


def _apposition_source(masked: str, offset: int, rest: str) -> Source | None:
    """"Flynn, a top Trump surrogate, said": the head is the name before the apposition."""
    body = rest[:-1]
    commas = [i for i, ch in enumerate(body) if ch == ","][-4:]
    # "Ann Lee, 31, a photographer who works with Acme, said": the name that opens the clause.
    for comma in commas[:-1]:
        head = body[:comma].rstrip()
        name = _name_run_ending(_PARTY_TAG.sub("", head).rstrip())
        if name is None or MASK in body[comma:] or len(body[comma:].split()) > 40:
            continue
        before = head[:name[0]]
        if before.strip() and not _is_opener(before) and not _ends_with_boundary(before):
            continue
        if head[name[0]:name[1]].split()[-1].lower() not in _NOT_NAMES:
            return Source(offset + name[0], offset + name[1], head[name[0]:name[1]], "name")
    comma = body.rfind(",")
    if comma < 0:
        return None
    apposition = body[comma + 1:].strip()
    if not apposition or MASK in apposition or len(apposition.split()) > 25:
        return None
    head = _PARTY_TAG.sub("", body[:comma]).rstrip()
    name = _name_run_ending(head)
    if name is None:
        # "The senator, Rosa Diaz, believes": the apposition is the name.
        inner = NAME_RUN.fullmatch(apposition)
        if inner is None:
            return None
        b = body.index(apposition, comma)
        return Source(offset + b, offset + b + len(apposition), apposition, "name")
    b, e = name
    if head[b:e].split()[-1].lower() in _NOT_NAMES:
        return None
    return Source(offset + b, offset + e, head[b:e], "name")


_OPEN_MARKS = "“\"'‘«`"
_TITLED_NAME = re.compile(r"((?:[\w.’'\-]+\s+){1,10}?[A-Z][\w’'\-]+)(?=\s*(?:[,.;:(]|$|\s+(?:during|in|at|on|after|before|while|when|who)\b))")
# "said retired neurosurgeon Ben Carson": a few lower-case descriptors, then a full name.
_DESCRIBED = re.compile(r"(?:(?!(?:the|a|an|in|on|at|to|of|for|with|by|from|that|this|his|her|their|its)\s)[a-z][a-z\-]+\s+){1,3}"
                        r"(?:[A-Z][\w.’'\-]*\s+){1,4}[A-Z][\w’'\-]+$")


def _source_after(masked: str, pos: int, end: int) -> Source | None:
    """An inverted subject: "said Soe Min, a USDP member", "said the minister"."""
    while pos < end and masked[pos].isspace():
        pos += 1
    match = NAME_RUN.match(masked, pos, end)
    if match:
        text = match.group()
        if text.split()[0].lower().strip(".") not in _NOT_NAMES or text.split()[0] in ("Mr.", "Mrs.", "Ms.", "Dr."):
            return Source(match.start(), match.end(), text, "name")
    # "said former Obama adviser David Axelrod": role words, then the name.
    titled = _TITLED_NAME.match(masked, pos, end)
    if titled and (titled.group(1).split()[0].lower() in lexicon.title_words() or _DESCRIBED.match(titled.group(1))):
        name = _name_run_ending(titled.group(1))
        if name is not None:
            b, e = name
            return Source(pos + b, pos + e, titled.group(1)[b:e], "name")
    np = _INVERTED_NP.match(masked[pos:end])
    if np:
        return Source(pos, pos + np.end(), np.group(), "np")
    word = _INVERTED_PRONOUN.match(masked[pos:end])
    if word:
        return Source(pos, pos + len(word.group()), word.group(), "pronoun")
    return None


def _segments_in(segments: SegmentList, start: int, end: int) -> list[int]:
    return list(segments.overlapping(start, end))


def _is_opener(prefix: str) -> bool:
    """Text before a subject that leaves the subject at the head of the main clause."""
    stripped = prefix.strip()
    if not stripped:
        return True
    words = stripped.split()
    if len(words) == 1 and words[0].strip(",").lower() in _BOUNDARY_WORDS | {"still", "yet", "now", "later", "instead", "meanwhile", "however", "indeed", "separately", "also"}:
        return True
    return False


_PARTY_AFTER = re.compile(r"\s*\([A-Z][\w.\-– ,]{0,20}\)")
_HEADLINE_COLON = re.compile(r"\s*:\s+(?=[A-Z“\"'‘])")
_COLON_LEAD = re.compile(r"\s*[:]\s*(?=[“\"'‘«`])")
# "…, adding that …": a second attribution to the same source in the same sentence.
_PARTICIPLE = re.compile(
    r",?\s+(?:and\s+|while\s+|before\s+)?(adding|saying|noting|arguing|explaining|insisting|warning|claiming|"
    r"stressing|suggesting|asserting|declaring|acknowledging|writing|calling)\b"
)
# Verbs whose content is a name for something: "called the plan “a disaster,”".
_NAMING = frozenset({"call", "dub", "term", "brand", "describe", "label", "deem", "characterize", "nickname"})


def frame_sentence(masked: str, s: int, e: int, segments: SegmentList, paragraph: int,
                   cues: list[Cue] | None = None) -> list[Candidate]:
    """The attributions in masked[s:e]: usually none or one, two with "…, adding that …".

    cues, when given, are the cues of this sentence found beforehand.
    """
    if masked.find(":", s, e) >= 0:
        lead = _colon_lead(masked, s, e, segments, paragraph)
        if lead is not None:
            return [lead]
    for cue in find_cues(masked, s, e) if cues is None else cues:
        if cue.base == "according to":
            cand = _according(masked, s, e, cue, segments, paragraph)
        else:
            cand = _verb_frame(masked, s, e, cue, segments, paragraph)
        if cand is not None:
            found = [cand] + _participle(masked, cand, s, e, segments)
            return found + _next_clause(masked, found, e, segments, paragraph, cues)
    if not segments.overlapping(s, e):
        return []
    for cue in find_cues(masked, s, e) if cues is None else cues:
        cand = _coordinated_frame(masked, s, e, cue, segments, paragraph)
        if cand is not None:
            return [cand]
    quoted = (_participle_quote(masked, s, e, segments, paragraph) or _credit_line(masked, s, e, segments, paragraph)
              or _fragment_frame(masked, s, e, segments, paragraph))
    return [quoted] if quoted is not None else []


_COPULAS = frozenset("is was are were be been being am 's ’s seems seemed remains remained becomes became".split())
_AFTER_SUBJECT = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:,[^,;:\x1a“”\"]{1,80},\s*)?")
_LOWER_WORD = re.compile(r"\s*([a-z][a-z’'\-]+)\b")


def _fragment_frame(masked: str, s: int, e: int, segments: SegmentList, paragraph: int) -> Candidate | None:
    """"He voiced a wish for a “strong Mexico”": a quoted fragment in what the subject did.

    With no cue at all, the subject's verb still reports them: the content is
    its object clause, and the confidence stays low.
    """
    ids = _segments_in(segments, s, e)
    # A scare quote, a name or a title of a work is no quotation.
    if not any(segments[i].end - segments[i].start >= _FRAGMENT_CHARS and not segments[i].title for i in ids):
        return None
    source = _sentence_subject(masked, s, e)
    if source is None or source.kind == "pronoun" and source.text in ("It", "I", "We"):
        return None
    gap = _AFTER_SUBJECT.match(masked, source.end, e)
    pos, word = gap.end() if gap else source.end, None
    for _ in range(3):  # "also has made": auxiliaries and adverbs, then the verb
        token = _LOWER_WORD.match(masked, pos, e)
        if token is None:
            return None
        pos = token.end()
        if token.group(1) not in _AUX_WORDS and not token.group(1).endswith("ly"):
            word = token.group(1)
            break
    if word is None or word in _COPULAS or word in _NOT_HEAD:
        return None
    start = pos
    while start < e and masked[start].isspace():
        start += 1
    stop = trim_end(masked, start, e)
    cut = _CLAUSE_BREAK.search(masked, start, stop)
    if cut is not None and cut.start() - start >= 12:
        stop = trim_end(masked, start, cut.start() + (1 if masked[cut.start()] in "”\"'’»" else 0))
    if stop - start < 6 or not segments.overlapping(start, stop):
        return None
    kind, spans = kind_of(masked, _end_at_quoted_comma(masked, (start, stop), segments), segments)
    if kind == "indirect":
        return None
    seg_ids = set(_segments_in(segments, spans[0][0], spans[-1][1]))
    return Candidate(spans, kind, source, word, "pre", paragraph, seg_ids, 0.5)


_FRAGMENT_CHARS = 22


# A cue that shares the sentence's subject: "…, saying C", "… and called him “…”".
_PARTICIPLE_BEFORE = re.compile(r"(?:,|\b(?:by|before|after|while|in|when|without))\s*\Z")
_COORDINATED_BEFORE = re.compile(r"(?:\band|,\s+who|\b(?:and|but)\s+(?P<pronoun>he|she|they))\s+(?:also\s+|then\s+|later\s+|again\s+|even\s+|repeatedly\s+|has\s+|had\s+)?\Z")


def _coordinated_frame(masked: str, s: int, e: int, cue: Cue, segments: SegmentList,
                       paragraph: int) -> Candidate | None:
    """"Trump shot back in a statement, saying he’s “…”": the subject is the sentence's."""
    if not cue.speech or cue.base == "according to":
        return None
    prefix = masked[max(s, cue.start - 40):cue.start]
    word = masked[cue.start:cue.end].split()[0].lower()
    if not (_COORDINATED_BEFORE.search(prefix) or word.endswith("ing") and _PARTICIPLE_BEFORE.search(prefix)):
        return None
    after = skip_modifiers(masked, cue.end, e)
    after = skip_modifiers(masked, skip_object(masked, after, e, cue.base), e)
    span = content_after(masked, after, e, True)
    if span is None:
        return None
    kind, spans = kind_of(masked, _end_at_quoted_comma(masked, span, segments), segments)
    if kind == "indirect":
        return None
    coordinated = _COORDINATED_BEFORE.search(masked, max(s, cue.start - 40), cue.start)
    source = (_pronoun_of(coordinated) if coordinated else None) or _sentence_subject(masked, s, cue.start)
    if source is None:
        return None
    seg_ids = set(_segments_in(segments, spans[0][0], spans[-1][1]))
    return Candidate(spans, kind, source, masked[cue.start:cue.end], "pre", paragraph, seg_ids, 0.7)


def _next_clause(masked: str, found: list[Candidate], e: int, segments: SegmentList, paragraph: int,
                 cues: list[Cue] | None) -> list[Candidate]:
    """"As Trump attacked Clinton, the crowd chanted, “Lock her up!”": the clause after the first
    attribution's content can hold an attribution of its own."""
    tail = max(b for c in found for _, b in c.spans)
    if found[0].layout == "post" or e - tail < 12 or not masked[tail:tail + 3].lstrip().startswith(","):
        return []
    start = masked.index(",", tail) + 1
    later = None if cues is None else [c for c in cues if c.start >= start]
    return [c for c in frame_sentence(masked, start, e, segments, paragraph, later) if c.layout != "post"]


# "“We can win.” ― Ann Lee, Ohio": a quotation credited after a dash.
_CREDIT_DASH = re.compile(r"\s*[―—–-]{1,2}\s*")
_CREDIT_REST = re.compile(r"\s*(?:[.,;]\s*)?(?:[^.;:\x1a“”\"]{0,80}[.]?)?\s*")


def _credit_line(masked: str, s: int, e: int, segments: SegmentList, paragraph: int) -> Candidate | None:
    ids = _segments_in(segments, s, e)
    if not ids or segments[ids[0]].start > s + 1:
        return None
    dash = _CREDIT_DASH.match(masked, segments[ids[-1]].end, e)
    if dash is None or dash.end() == segments[ids[-1]].end:
        return None
    name = NAME_RUN.match(masked, dash.end(), e)
    if name is None or name.group().split()[0].lower() in _NOT_NAMES or not _CREDIT_REST.fullmatch(masked, name.end(), e):
        return None
    source = Source(name.start(), name.end(), name.group(), "name")
    spans = [(segments[i].start, segments[i].end) for i in ids]
    return Candidate(spans, "direct", source, "―", "post", paragraph, set(ids), 0.7)


_PARTICIPLE_QUOTE = re.compile(
    # Any participle after a comma ("…, chanting “…”"); without one, only verbs of saying ("a screening of").
    r"(?:,?\s+(?:by\s+)?(?=saying|writing|adding|tweeting|declaring|asking|explaining|noting)|,\s+(?:by\s+)?)([a-z]{3,}ing"
    r"(?:\s+(?:\w+\s+){0,3}?\w+)??)\s*[:,]?\s*(?=[“\"'‘«`])"
)
_OTHER_SUBJECT = re.compile(r"(?:[,;]|\b(?:that|so|and|but))\s+(I|we|he|she|they)\s+[a-z]+")
# "Trump issued a statement: “…”", "he demurred: “…”": a clause, a colon, the quotation.
_LEAD_IN_QUOTE = re.compile(r"[:]\s*(?=[“\"'‘«`])")


def _participle_quote(masked: str, s: int, e: int, segments: SegmentList, paragraph: int) -> Candidate | None:
    """"Trump took to Twitter, writing: “…”" — the sentence's subject said it."""
    for pattern, confidence in ((_PARTICIPLE_QUOTE, 0.75), (_LEAD_IN_QUOTE, 0.6)):
        match = pattern.search(masked, s, e)
        if match is None or segments.overlapping(match.start(), match.start() + 1):
            continue
        source = _sentence_subject(masked, s, match.start())
        if source is None or source.start >= match.start():
            continue
        other = None
        for other in _OTHER_SUBJECT.finditer(masked, source.end, match.start()):
            pass  # the last clause before the colon has a subject of its own
        if other is not None:
            # "She got upset, so that I had to answer: “…”": that clause's subject spoke.
            source = Source(other.start(1), other.end(1), other.group(1), "pronoun")
            confidence = 0.5
        span = (match.end(), trim_end(masked, match.end(), e))
        kind, spans = kind_of(masked, span, segments)
        if kind != "direct" or all(segments[i].title for i in segments.overlapping(*span)):
            continue
        seg_ids = set(_segments_in(segments, spans[0][0], spans[-1][1]))
        cue = match.group(1) if pattern is _PARTICIPLE_QUOTE else masked[match.start()]
        return Candidate(spans, kind, source, cue, "pre", paragraph, seg_ids, confidence)
    return None


def _sentence_subject(masked: str, s: int, end: int) -> Source | None:
    """A name, pronoun or noun phrase opening the sentence, after an opener like "On Monday,"."""
    pos = s
    opener = _SENTENCE_OPENER.match(masked, s, end)
    if opener:
        pos = opener.end()
    word = _SUBJECT_PRONOUN.match(masked[pos:end])
    if word:
        return Source(pos, pos + len(word.group()), word.group(), "pronoun")
    quantity = _QUANTITY.match(masked, pos, end)
    if quantity is not None:  # "Hundreds of marchers", "Many voters"
        return _subject_np(masked, pos, end, words_from=quantity.end())
    match = NAME_RUN.match(masked, pos, end)
    if match is not None and masked.startswith(("’s ", "'s "), match.end()):
        # "Hillary Clinton’s right-hand woman rallied…": the possessor's noun phrase.
        return _subject_np(masked, pos, end, words_from=match.end() + 3)
    if match is not None:
        text = match.group()
        first = text.split()[0]
        if first == "The" and " " in text:
            return _subject_np(masked, pos, end)  # "The Sanders campaign", "The New York Times"
        if first.lower() not in _NOT_NAMES:
            return Source(match.start(), match.end(), text, "name")
    return _subject_np(masked, pos, end)


_SENTENCE_OPENER = re.compile(
    # Datelines: "Washington (AFP) –", "BUENA PARK, Calif. -"
    r"(?:[A-Z][\w.]*(?:[ ,]+[A-Z][\w.]*){0,3}\s*\((?:AP|AFP|Reuters|CNN|Xinhua|UPI)\)\s*[–—-]+\s*"
    r"|[A-Z]{2,}(?:[ ,.]+[A-Z][\w.]*){0,3}\s+[–—-]+\s+)?"
    r"(?:(?:But|And|So|Yet|Then|Later|Still|Earlier|Meanwhile|Instead|Also|However|Now|Separately|Indeed)\b,?\s+)?"
    # Openers ending in a comma: "On Monday,", "Recalling that moment,", "Hours later,", "Outside the hall,"
    r"(?:(?:On|In|At|During|After|Before|Since|Last|This|Earlier|Later|Speaking|Asked|Addressing|From|For|"
    r"With|Without|Despite|Responding|Appearing|Writing|Outside|Inside|Across|Near|Behind|Back|Elsewhere|Overall|"
    r"Afterward|Afterwards|Hours|Days|Minutes|Weeks|Months|Years|Moments|[Aa]\s+few|[A-Z][a-z]+ing)\b"
    r"[^,;:\x1a“”\"]{0,80}?,\s+)?"
)
_QUANTITY = re.compile(r"(?:Hundreds|Thousands|Dozens|Millions|Many|Most|Some|Several|Few|Two|Three|Four|Five|Both|All)\b(?:\s+of(?:\s+the)?\b)?")
_NP_WORD = re.compile(r"[\w’'\-]+")


def _subject_np(masked: str, pos: int, end: int, words_from: int | None = None) -> Source | None:
    """"The Sanders campaign", "the justice": a determiner and the words up to the verb.

    words_from, when given, is where the head words start ("Clinton’s |right-hand woman").
    """
    if words_from is None:
        first = _NP_WORD.match(masked, pos, end)
        if first is None or first.group().lower() not in ("the", "a", "an", "his", "her", "their", "its"):
            return None
        words_from = first.end()
    verbs = lexicon.reporting_verbs()
    last = None
    for i, match in enumerate(_NP_WORD.finditer(masked, words_from, end)):
        token = match.group()
        low = token.lower()
        gap = masked[last.end() if last else words_from:match.start()]
        if i >= 5 or gap.strip() or low in _AUX_WORDS or low in verbs or low in _NOT_HEAD or (
                low.endswith("ed") and token.islower()):
            break
        last = match
    if last is None:
        return None
    return Source(pos, last.end(), masked[pos:last.end()], "np")


def _colon_lead(masked: str, s: int, e: int, segments: SegmentList, paragraph: int) -> Candidate | None:
    """"Trump: “…”" — a name, a colon, a quotation."""
    match = NAME_RUN.match(masked, s, e)
    if match is None or len(match.group().split()) > 5:
        return None
    name_end = match.end()
    party = _PARTY_AFTER.match(masked, name_end, e)
    if party:
        name_end = party.end()
    colon = _COLON_LEAD.match(masked, name_end, e)
    if colon is None and paragraph == 0 and len(match.group().split()) <= 3:
        # "Rubio: Trump Can't Be Trusted" — when the article goes on to name that speaker.
        if masked.find(" " + match.group().split()[-1], e) >= 0:
            colon = _HEADLINE_COLON.match(masked, match.end(), e)
    if colon is None:
        return None
    span = (colon.end(), trim_end(masked, colon.end(), e))
    kind, spans = kind_of(masked, span, segments)
    if kind != "direct" and paragraph != 0:
        return None
    source = Source(match.start(), match.end(), match.group(), "name")
    seg_ids = set(_segments_in(segments, spans[0][0], spans[-1][1]))
    return Candidate(spans, kind, source, ":", "colon", paragraph, seg_ids, 0.8)


def _participle(masked: str, cand: Candidate, s: int, e: int, segments: SegmentList) -> list[Candidate]:
    """Split off "…, adding that C" as its own attribution to the same source."""
    start = cand.spans[-1][1] if cand.layout == "post" else (cand.source.end if cand.source else s)
    for second in _second_cues(masked, start, e):
        if segments.overlapping(second.begin, second.begin + 1):
            continue
        span = content_after(masked, skip_modifiers(masked, second.content, e), e, True)
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


def _pronoun_of(match: re.Match[str]) -> Source | None:
    if match.group("pronoun") is None:
        return None
    return Source(match.start("pronoun"), match.end("pronoun"), match.group("pronoun"), "pronoun")


def _second_cues(masked: str, start: int, e: int) -> list[_SecondCue]:
    """"…, adding that C" and "…, and then predicted: C", in text order."""
    found = [_SecondCue(m.start(), m.end(1), m.group(1)) for m in _PARTICIPLE.finditer(masked, start, e)]
    for cue in find_cues(masked, start, e):
        if not cue.speech or cue.base == "according to":
            continue
        before = _COORDINATED_BEFORE.search(masked, max(start, cue.start - 40), cue.start)
        if before is None:
            continue
        begin = before.start()
        while begin > start and masked[begin - 1] in " ,":
            begin -= 1
        after = skip_modifiers(masked, skip_object(masked, skip_modifiers(masked, cue.end, e), e, cue.base), e)
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
    inverted = False
    if source is not None and is_doubtful(masked, cue):
        gap = masked[source.end:cue.start]
        if gap.strip() or source.kind == "np":
            return None  # "the email", "a tweet": a noun, not a verb
    if source is None:
        prefix = masked[s:cue.start]
        if cue.speech and _ends_with_boundary(prefix):
            source = _source_after(masked, cue.end, e)
            inverted = source is not None
        if source is None:
            return None
    after = source.end if inverted else cue.end
    after = skip_modifiers(masked, after, e)
    if not inverted:
        after = skip_object(masked, after, e, cue.base)
        after = skip_modifiers(masked, after, e)
    prefix = masked[s:cue.start if inverted else source.start]
    rest = masked[after:e]
    if not inverted:
        prefix = _clause_prefix(prefix)
    boundary = _ends_with_boundary(prefix)
    ends_in_quote = _ENDS_IN_CLOSER.search(prefix) is not None and MASK in prefix
    rest_quote = _QUOTE_NEXT.match(rest) is not None
    if inverted and _TRAILING_APPOSITION.match(rest):
        rest = ""  # "said Charlie Black, a longtime Republican strategist."
    trivial = _trivial_rest(rest) or MASK in prefix and _circumstance_rest(rest)
    # "“A big truck” hit the barriers, he said, and “everyone started running.”": the content goes on.
    goes_on = _GOES_ON.match(masked, after, e) if boundary and not trivial else None
    ahead = segments.overlapping(goes_on.end(), e) if goes_on is not None else range(0)
    if ahead and not find_cues(masked, goes_on.end(), segments[ahead[0]].start):
        trivial = True
    else:
        goes_on = None
    # “…,” the senator said his campaign… — a quote in an opener, then the main clause's content.
    opens_with_quote = masked[s:s + 1] in _OPEN_MARKS or bool(segments.starting_at(s))
    post = boundary and (ends_in_quote and (trivial or opens_with_quote) or (trivial and not rest_quote))
    if inverted and not post:
        return None
    if post:
        span = content_before(masked, s, len(prefix.rstrip()) + s if not inverted else cue.start)
        if span is None:
            return None
        # A quote ending in ,” keeps its comma inside the marks.
        if masked[span[1]:span[1] + 1] in "”\"'’»":
            span = (span[0], span[1] + 1)
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
        if not _subject_leads(prefix) and source.kind != "pronoun":
            return None  # a subject in the middle of a clause ("the plan Trump said would…")
        span = content_after(masked, after, e, cue.speech)
        if span is None:
            return None
        span = _before_next_speaker(masked, _second_that_clause(masked, span, e))
        kind, spans = kind_of(masked, _end_at_quoted_comma(masked, span, segments), segments)
        if cue.base in _NAMING and kind == "indirect":
            return None  # "called the plan a disaster": a name for something, no quotation
        if cue.base in _NAMING and segments.starting_at(span[0]) and source.kind == "np":
            return None  # "a class called “Perception”": the name of a thing
        layout = "pre"
    seg_ids = set(_segments_in(segments, spans[0][0], spans[-1][1]))
    confidence = 0.9 if kind != "indirect" else 0.7
    return Candidate(spans, kind, source, masked[cue.start:cue.end], layout, paragraph, seg_ids, confidence)


_VERBISH = re.compile(
    r"\b(?:is|was|are|were|has|had|have|be|been|will|would|said|says|did|does|do|can|could|may|might|"
    r"must|should|which|who|whom|whose|where)\b"
)


def _subject_leads(prefix: str) -> bool:
    """The words before the subject's head are its own ("White House spokesman", "A defensive")."""
    stripped = prefix.rstrip()
    if _is_opener(prefix) or stripped.endswith((",", ";", ":", "—", "(")) or stripped[-8:].split()[-1:] in (
            ["and"], ["but"], ["as"], ["because"], ["while"], ["when"], ["although"], ["so"], ["that"], ["if"]):
        return True
    tail = _CLAUSE_SPLIT.split(prefix)[-1]
    return len(tail.split()) <= 7 and not _VERBISH.search(tail)


def _clause_prefix(prefix: str) -> str:
    """Cut the subject's own words ("White House press secretary") off the text before it."""
    for match in reversed(list(_PREFIX_BREAK.finditer(prefix))):
        tail = prefix[match.end():]
        if MASK in tail or len(tail.split()) > 8:
            break
        if _CLAUSE_VERB.search(tail):
            break
        return prefix[:match.end()] + " "
    return prefix


_STOPS_AFTER_QUOTE = re.compile(r"\s+(?:when|as|after|before|in\s+(?:a|an|the|his|her)|[a-z]+ing\b)")

_NESTING_WORD = re.compile(r"\b(?:that|and|or|whether|if)\b")


def _before_next_speaker(masked: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """"she said C1, at the town hall she said C2": C1 ends before the next speaker's clause."""
    start, end = span
    for cue in find_cues(masked, start + 1, end):
        if not cue.speech or cue.base == "according to":
            continue
        source = _source_before(masked, start, cue.start)
        if source is None or source.text.lower() in ("it", "who", "which"):
            continue
        comma = masked.rfind(",", start, source.start)
        between = masked[comma + 1:source.start] if comma > start else ""
        if comma <= start or len(between.split()) > 6 or _NESTING_WORD.search(between):
            continue  # "said that Trump said…": a nested attribution is part of the content
        stop = trim_end(masked, start, comma)
        return (start, stop) if stop - start >= 6 else span
    return span


_SECOND_THAT = re.compile(r"[”\"'’»]?,?\s+(?:but|and)\s+(?:also\s+)?that\b")


def _second_that_clause(masked: str, span: tuple[int, int], e: int) -> tuple[int, int]:
    """"said his staff erred, but that the ruling was unfair": both clauses are what was said."""
    more = _SECOND_THAT.match(masked, span[1], e)
    if more is None:
        return span
    return span[0], trim_end(masked, span[0], e)


def _end_at_quoted_comma(masked: str, span: tuple[int, int], segments: SegmentList) -> tuple[int, int]:
    """Reported content ends at a quotation closed by ,” unless a list goes on:
    said he was “not done yet,” when asked → said he was “not done yet,”."""
    start, end = span
    ids = segments.overlapping(start, end)
    for i in ids:
        seg = segments[i]
        if seg.closed and start <= seg.start and seg.end < end and masked[seg.end - 2:seg.end - 1] == ",":
            if _STOPS_AFTER_QUOTE.match(masked, seg.end, end):
                return start, seg.end
    if ids and segments[ids[-1]].end < end and _TRAILING_TIME.fullmatch(masked, segments[ids[-1]].end, end):
        return start, segments[ids[-1]].end  # "called her a “disgrace” Wednesday on a radio show"
    return span


_TRAILING_TIME = re.compile(
    r",?\s+(?:on\s+|last\s+|this\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|"
    r"tonight|week|night|morning)(?:\s+(?:morning|afternoon|evening|night))?(?:\s+(?:on|in|at|during)\s+[^,;:\x1a“”\"]{1,60})?"
)


_GOES_ON = re.compile(r"\s*,\s+(?=(?:but|and|while|although)\s)")


def _trivial_rest(rest: str) -> bool:
    """What follows a post-position cue: nothing, or a new quote, or "adding…"."""
    stripped = rest.strip()
    if not stripped or _ONLY_PUNCTUATION.fullmatch(stripped):
        return True
    if _QUOTE_FIRST.match(stripped):
        return True
    if _TRAILING_PARTICIPLE.match(stripped):
        return True
    return False


def _circumstance_rest(rest: str) -> bool:
    """"“…” would do, Carson said after the attacks." / "…, she said in a video message to the convention."."""
    stripped = rest.strip()
    return _TRAILING_CIRCUMSTANCE.fullmatch(stripped) is not None and " that " not in stripped


_TRAILING_CIRCUMSTANCE = re.compile(
    r"(?:after|before|in|at|on|during|of|about|to|from|with|outside|inside|last|this|earlier|later|while|when)\b"
    r"[^\x1a“”\"':;]{0,100}?[.!?]?"
)


_GAP = re.compile(r"\s*[,:;.]?\s*")


def _trailing_quote(masked: str, pos: int, end: int, segments: SegmentList) -> tuple[int, int] | None:
    """“…,” he said, “…” — the second part of an interrupted quote."""
    match = _GAP.match(masked, pos, end)
    seg = segments.starting_at(match.end() if match else pos)
    if seg is None:
        # “…,” he said of the plan, “…” / said Ann Lee, an economist, “…”: a short aside first.
        ids = segments.overlapping(pos, min(end, pos + 100))
        gap_end = segments[ids[0]].start if ids else pos
        if ids and gap_end >= pos and _ASIDE_GAP.fullmatch(masked, pos, gap_end) and not find_cues(masked, pos, gap_end):
            seg = segments[ids[0]]
    return (seg.start, seg.end) if seg is not None else None


_ASIDE_GAP = re.compile(r"[^.;:!?\x1a“”\"]{1,90}[,:]\s*")


def _according(masked: str, s: int, e: int, cue: Cue, segments: SegmentList, paragraph: int) -> Candidate | None:
    prefix = masked[s:cue.start]
    name_end = masked.find(",", cue.end, e)
    if _is_opener(prefix) or not prefix.strip():
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


def _np_after(masked: str, pos: int, end: int) -> Source | None:
    while pos < end and masked[pos].isspace():
        pos += 1
    text = masked[pos:end].rstrip()
    if not text or MASK in text or len(text.split()) > 16:
        return None
    match = NAME_RUN.match(masked, pos, pos + len(text))
    if match and match.group().split()[0].lower() not in ("a", "an"):
        return Source(pos, match.end(), match.group(), "name")
    return Source(pos, pos + len(text), text, "np")


def is_pure_quote(masked: str, s: int, e: int, segments: SegmentList) -> bool:
    """A sentence that is nothing but quotation(s)."""
    inside = _segments_in(segments, s, e)
    if not inside:
        return False
    rest = masked[s:e]
    for i in reversed(inside):
        seg = segments[i]
        rest = rest[:max(seg.start, s) - s] + rest[min(seg.end, e) - s:]
    return not _ANY_WORD_CHAR.search(rest)


def relative_antecedent(masked: str, source: Source) -> Source | None:
    """"Ms. Warren, who has assailed": the name a who/which stands for."""
    match = _RELATIVE_ANTECEDENT.search(masked, max(0, source.start - 80), source.start)
    if match:
        return Source(match.start(1), match.start(1) + len(match.group(1).rstrip()), match.group(1).rstrip(), "name")
    return None
