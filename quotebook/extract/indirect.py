"""Where reported content begins and ends around its cue.

"S said (that) C", "C, S said", "according to S, C", "S believes that C":
given the cue and its source, these functions give the content span. They
work on the masked text, so a quotation is one opaque block to them; the
kind (direct, mixed or indirect) follows from how much of the content is
inside quotation marks.
"""

from __future__ import annotations

import re

from quotebook.extract import lexicon
from quotebook.extract.cues import find_cues, skip_modifiers
from quotebook.extract.marks import MASK, SegmentList
from quotebook.extract.records import Source
from quotebook.extract.sources import _source_before

_OPEN = "“„‟«\"'`‘"
_CLOSE = "”»\"'’"
# Words that can open a reported clause with no "that": "said he would…".
_CLAUSE_START = frozenset(
    """he she it they we i you there this these those the a an his her their its our my your
    some no all many most several both neither none nobody everyone everybody anyone nothing
    something if whether what why how when where who""".split()
)
_OBJECT_TAKING = frozenset({"tell", "ask", "inform", "assure", "remind", "warn", "urge", "advise",
                            "notify", "reassure", "promise", "convince", "persuade", "show", "teach", "email"})
_OBJECT = re.compile(
    # "the New York Times", "Bill O’Reilly of Fox News": a name, whole.
    # "told MSNBC's “Morning Joe” (on Friday) that …": a show, when "that" follows.
    r"\s+(?:(?:[A-Z][\w.’'\-]*['’]s\s+)?[“\"]\x1a+[”\"](?=[^\x1a“”\"]{0,30}?\bthat\b)|him|her|them|me|us|you|reporters|journalists|supporters|voters|the\s+(?:[A-Z][\w.’'\-]*\s(?=[A-Z])){1,3}[A-Z][\w.’'\-]*"
    r"|(?:the|an?)\s+\w+(?:\s+(?!(?:when|as|while|after|before|that|if|whether|the|an?|he|she|they|we|it|I|you|in|on|at|for|with|from|by|"
    r"during|of|about|over|last|this|"
    + lexicon.AUXILIARY_VERBS + r")\b)\w+)?|(?:[A-Z][\w.’'\-]*(?:\s(?=[A-Z]))?){1,4}(?:['’]s\s+\w+)?"
    r"(?:\s+of\s+(?:[A-Z][\w.’'\-]*(?:\s(?=[A-Z]))?){1,3})?)"
    r"(?:\s+\([A-Z]{2,6}\))?"  # "the Associated Press (AP)"
    r"(?:\s+(?:on|last|this)?\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday))?"
)
# Each branch opens by reading its first character (a space, "," or ";") and then looks back at it,
# so that the search skips to those characters at C speed instead of trying every position. The guard
# after it (a ",", ";", a space after a closing mark or before a dash) turns a plain space away at once.
_CLAUSE_BREAK = re.compile(
    r"[\s,;](?:(?<=[,;])|(?<=[”\"'’»]\s)|(?=[—–]))(?:(?:(?<=[”\"'’»]\s)\s*|(?<=,)\s+)(?:but|while|whereas|although|though|even\s+as|as\s+(?:he|she|they|it)|"
    r"and\s+(?:he|she|they|it)\s+\w+s?\b|and\s+(?:he|she|they)\s+(?:also|later)|before|after|"
    r"(?:and\s+)?(?:referring|describing|adding|saying|noting|calling|citing|arguing|pointing|"
    r"explaining|insisting|suggesting|urging|warning|telling)|and\s+(?:then\s+|also\s+)?[a-z]+ed\s)\b|(?<=;)\s|(?<=\s)[—–]\s|"
    # "calling it “a disgrace” and promising…": after a quotation, "and" + a verb starts the subject's next act.
    r"(?<=[”\"'’»]\s)and\s+(?:then\s+|also\s+)?(?!\w*thing\b|during\b|according\b|being\b)(?:[a-z]{2,}ing|said|says|told|made)\b)"
)
# Every clause break is a ",", a ";", a space after a closing mark or a space before a dash: the
# first of those characters (searched for without stopping at spaces) is where a break can start.
_BREAK_ANCHOR = re.compile(r"[,;—–”\"'’»](?:(?<=[,;—–])|(?=\s))")


def clause_break(masked: str, start: int, stop: int) -> re.Match[str] | None:
    """The first _CLAUSE_BREAK in masked[start:stop]: its search starts at the first anchor character
    (the break opens on it, on the space after a closing mark or on the space before a dash)."""
    anchor = _BREAK_ANCHOR.search(masked, start - 1 if start else 0, stop)
    if anchor is None:
        return None
    at = anchor.start() - 1
    return _CLAUSE_BREAK.search(masked, at if at > start else start, stop)


_BUT_SAID = re.compile(r",?\s+but\s+(?:also\s+|then\s+|later\s+|still\s+)?(?:said|says|told|added|argued|insisted|noted)\s")
# "52 percent said C, compared with 41 percent…": a poll's next figure.
_COMPARISON = re.compile(r",\s+(?:compared\s+(?:with|to)|however)\b")
_TRAILING_RELATIVE = re.compile(r",\s+who\s")
_THAT = re.compile(r"\s*,?\s*(?:that|whether|if)\b")
_LEAD = re.compile(r"\s*[:,]?\s*")


def skip_object(masked: str, pos: int, end: int, base: str) -> int:
    """After "told"/"asked" and the like, skip the person told: "told CNN that…"."""
    if base not in _OBJECT_TAKING:
        return pos
    match = _OBJECT.match(masked, pos, end)
    if match is None or _FINITE_AFTER.match(masked, match.end(), end):
        return pos  # "warned the disruption could add to inflation": the subject of the content, no object
    return match.end()


_FINITE_AFTER = re.compile(rf"\s+(?:{lexicon.AUXILIARY_VERBS})\b")


_NOT_CLAUSE = frozenset(
    """to in on at for with about of from by as after before during so nothing yes no goodbye hello
    sorry thanks and or but while when because than then also later earlier again once only just
    much more less little""".split()
)
# "said Thursday during a town hall in Buffalo, New York, that…": the "that" a few words on.
_THAT_AHEAD = re.compile(r"[^.;:?!\x1a“”\"]{0,120}?\b(that)\s")
_WORD = re.compile(r"[\w’']+")
# "said more than 1,300 emails held…": a count opens the clause ("said more of the same" does not).
_COUNT_SUBJECT = re.compile(r"(?:more|less)\s+than\s+(?:\d|a\s+(?:dozen|hundred|thousand|million|third|quarter|half)\b)")
_ANONYMITY_REQUEST = re.compile(r"not\s+to\s+be\s+(?:named|identified|quoted)\b")
_CONTRACTION = re.compile(r"['’](?:s|re|ll|d|ve|m)$")
# content_after gives no content shorter than this (the reported pass counts on it to skip cues).
SHORTEST_CONTENT = 6


def content_after(masked: str, pos: int, end: int, speech: bool) -> tuple[int, int] | None:
    """The reported content after a cue: from "that" (kept) or the clause start to the sentence end."""
    that = _THAT.match(masked, pos, end)
    # (A "that" ahead holds its literal: a str.find spares most cues the regex.)
    ahead = None if that or masked.find("that", pos, end) < 0 or _clause_follows(masked, pos, end) \
        else _THAT_AHEAD.match(masked, pos, end)
    if ahead is not None and len(masked[pos:ahead.start(1)].split()) > 15:
        ahead = None
    if that:
        start = that.start() + len(that.group()) - len(that.group().lstrip(" ,"))
    elif ahead is not None:
        start = ahead.start(1)
    else:
        lead = _LEAD.match(masked, pos, end)
        start = lead.end() if lead else pos
        if start >= end:
            return None
        first = masked[start]
        if first in _OPEN:
            pass  # a quotation follows the cue: said, “…”
        else:
            word = _WORD.match(masked[start:start + 30])
            if word is None:
                return None
            low = _CONTRACTION.sub("", word.group().lower())
            if not speech and low not in _CLAUSE_START:
                return None
            if speech and low in _NOT_CLAUSE and not _COUNT_SUBJECT.match(masked, start):
                return None
            if low == "not" and _ANONYMITY_REQUEST.match(masked, start):
                return None  # "who asked not to be named": a condition of speaking, not what was said
    stop = trim_end(masked, start, end)
    # "…, but he gave…", "…; the party…": a new clause ends the reported one.
    cut = _past_dash_aside(masked, clause_break(masked, start, stop), stop)
    if (cut is not None and cut.start() - start >= 12 and not _quotation_goes_on(masked, start, cut, stop)
            and not _contrast_goes_on(masked, cut, stop)):
        stop = trim_end(masked, start, cut.start() + (1 if masked[cut.start()] in "”\"'’»" else 0))
    stop = _before_coordinated_cue(masked, start, stop)
    # "praised the police but said he…": a second attribution of the same subject (reported content only).
    # (Every _BUT_SAID match holds "but": str.find rules most contents out far faster than the regex.)
    second = (_BUT_SAID.search(masked, start, stop) if masked.find("but", start, stop) >= 0 else None) \
        or _COMPARISON.search(masked, start, stop)
    if second is not None and second.start() - start >= 3 and MASK not in masked[start:stop]:
        stop = trim_end(masked, start, second.start())
    # "…talks with Ken Ito, who is now at the Army.": a relative clause that runs to the end
    # describes the last person named; it is not part of what was said (quotations keep theirs).
    aside = _TRAILING_RELATIVE.search(masked, start, stop)
    if (aside is not None and aside.start() - start >= 12 and masked.find(",", aside.end(), stop) < 0
            and MASK not in masked[start:stop]):
        stop = aside.start()
    stop = _before_trailing_aside(masked, start, stop)
    if stop - start < SHORTEST_CONTENT:
        return None
    return start, stop


_CLOSING_DASH = re.compile(r"\s([—–])\s+(?=\S)")


def _past_dash_aside(masked: str, cut: re.Match[str] | None, stop: int) -> re.Match[str] | None:
    """"said that the plan — a costly one — will pass": a pair of dashes sets off an aside, and the
    reported clause goes on after the second one; the next break is looked for past it."""
    while cut is not None and cut.group().strip() in ("—", "–"):
        close = _CLOSING_DASH.search(masked, cut.end(), min(stop, cut.end() + 150))
        if close is None or close.group(1) != cut.group().strip():
            return cut
        cut = clause_break(masked, close.end(), stop)
    return cut


# "… and (reportedly) argued", "… and in a statement credited": the subject's next act of saying.
# (\s\s* rather than \s+: a pattern that opens with a character class lets the regex engine skip
# to the next space at C speed instead of trying every position.)
_AND_NEXT = re.compile(r"\s\s*and\s+(?:(?:then|also|later|reportedly|repeatedly|even|in\s+an?\s+[a-z]+)\s+)?(?=[a-z])")


def _before_coordinated_cue(masked: str, start: int, stop: int) -> int:
    """"said the talks went well and suggested that C2", "… the new rules and clarifying whether C2": the
    content ends before "and" + a verb of saying in the past or -ing form, which starts a second attribution."""
    if masked.find("and", start, stop) < 0:
        return stop  # every _AND_NEXT match holds "and": str.find rules most contents out sooner
    for match in _AND_NEXT.finditer(masked, start, stop):
        if match.start() - start < 12:
            continue
        cues = find_cues(masked, match.end(), min(stop, match.end() + 20))
        if not cues or cues[0].start != match.end() or not cues[0].speech or masked[cues[0].end - 1] not in "dg":
            continue
        if masked[match.start() - 3:match.start()] == "ing":
            continue  # "tweeting and emailing a video": one object for both
        # Only a verb with a clause or a quotation of its own ("and vowed to…", "an able and determined
        # opponent" have none).
        after = skip_object(masked, skip_modifiers(masked, cues[0].end, stop), stop, cues[0].base)
        if content_after(masked, after, stop, False) is not None:
            return trim_end(masked, start, match.start() - (masked[match.start() - 1] == ","))
    return stop


_WHICH_AFTER_TERM = re.compile(r",[”\"'’»]\s+which\s")
_TRAILING_ASIDE = re.compile(r",\s+(?:who|whom|whose|which|where|an?)\s")


def _before_trailing_aside(masked: str, start: int, stop: int) -> int:
    """"said he would “not get beat up” at his rally, a swipe at his rivals": after the last
    quotation, an apposition or relative clause that runs to the end is the writer's comment."""
    last = masked.rfind(MASK, start, stop)
    if last < 0:
        return stop
    term = _WHICH_AFTER_TERM.match(masked, last + 1, stop)
    if term is not None:
        return term.start() + 2  # "the so-called “loophole,” which lets buyers…": the writer explains the term
    aside = _TRAILING_ASIDE.search(masked, last, stop)
    if aside is None or aside.start() - start < 12 or masked.find(",", aside.end(), stop) >= 0:
        return stop
    return aside.start()


def _quotation_goes_on(masked: str, start: int, cut: re.Match[str], stop: int) -> bool:
    """"said the count is done, but “we are still checking”": an unquoted clause that goes on, after
    a comma and a conjunction or participle, to the only quotation keeps it (a ';' or dash still ends it)."""
    if (masked[cut.start()] in ";—–" or cut.group().startswith((" —", " –"))
            or MASK in masked[start:cut.start()] or MASK not in masked[cut.end():stop]):
        return False
    # "…, and it says “…”": a clause with a speaker of its own is another attribution.
    return not any(cue.speech and _source_before(masked, cut.start(), cue.start) is not None
                   for cue in find_cues(masked, cut.start(), stop))


# "…, but not X", "… but rather X", "…, but would grant Y": what follows "but" cannot open a new
# sentence of the writer's, so it is the second half of what was said.
_BUT_CONTINUES = re.compile(
    r"\s*but\s+(?:(?:not|rather|only|never|instead|because|so)\b|also\s+(?![a-z]+(?:ed|ing)\b)|"
    r"(?:is|are|was|were|would|will|could|can|should|has|have|may|might|must)(?:n[’']t)?\s)"
)
_WHILE = re.compile(r"\s*while\s+(?![a-z]+ing\b)(?:also\s+)?\S")


def _contrast_goes_on(masked: str, cut: re.Match[str], stop: int) -> bool:
    """"said 40 percent back Lee, while only 10 percent back Ito": a contrast with no speaker of its
    own is part of the content; "…, while Ito said…", "…, while calling…" start another act."""
    rest = cut.start() + 1
    if _BUT_CONTINUES.match(masked, rest, stop):
        return True
    if _WHILE.match(masked, rest, stop) is None:
        return False
    return not any(cue.speech for cue in find_cues(masked, rest, stop))


_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_FIRST_WORD = re.compile(r"\s*([\w’'\-]+)")


def _clause_follows(masked: str, pos: int, end: int) -> bool:
    """A clause starts right after the cue ("said Obama has…"), so a later "that" is inside it."""
    word = _FIRST_WORD.match(masked, pos, end)
    if word is None:
        return False
    first = word.group(1)
    low = first.lower()
    if low in _NOT_CLAUSE or low in _DAYS or low.endswith("ly"):
        return False
    return low in _CLAUSE_START or first[0].isupper()


# A sentence that opens with a subordinate clause ("While Cruz attacked Trump, Rubio…").
_SUBORDINATE_OPENER = re.compile(
    r"\s*(?:(?:But|And|So|Yet)\s+)?(?:[Ee]ven\s+)?(?:[Tt]hough|[Aa]lthough|[Ww]hile|[Ii]f|[Ww]hen|[Aa]s|[Bb]ecause|"
    r"[Ss]ince|[Aa]fter|[Bb]efore|[Oo]nce|[Uu]ntil|[Uu]nless|[Ww]hereas)\s+"
)


def in_subordinate_opener(masked: str, s: int, source: Source) -> bool:
    """The source is the subject of a subordinate clause opening the sentence: its content ends at a comma.

    A capitalised conjunction may have been read as part of the name ("While Rosa Diaz").
    """
    opener = _SUBORDINATE_OPENER.match(masked, s, source.end)
    return opener is not None and source.start <= opener.end() < source.end


def end_at_comma(masked: str, span: tuple[int, int]) -> tuple[int, int]:
    """Reported content that stops at its first comma (the main clause follows). A quotation keeps the
    commas inside it (they are masked), and one that closes with ,” ends the content after its mark:
    "Ito, who called the plan a “disaster,” said …"."""
    start, stop = span
    comma = masked.find(",", start + 2, stop)
    if comma < 0:
        return span
    if masked[comma - 1:comma] == MASK:
        if masked[comma + 1:comma + 2] not in _CLOSING_MARKS:
            return span
        return start, comma + 2
    return start, trim_end(masked, start, comma)


_CLOSING_MARKS = "”\"'’»"


def trim_end(masked: str, start: int, end: int) -> int:
    """Drop the sentence's final punctuation and spaces (but not a closing quote mark)."""
    while end > start and (masked[end - 1].isspace() or masked[end - 1] in ".;:—–-)"):
        end -= 1
    return end


_LEADING_CONJUNCTION = re.compile(
    r"(?:But|And|So|Yet|Or|Still|However|Meanwhile|Instead|Now|Indeed|Also)(?:,\s*|\s+)(?=[\w“\"'‘\x1a])"
)


def content_before(masked: str, start: int, boundary: int) -> tuple[int, int] | None:
    """The content of "C, S said": from the sentence start to the comma before the source."""
    end = boundary
    while end > start and masked[end - 1].isspace():
        end -= 1
    while end > start and masked[end - 1] in ",—–-:":
        end -= 1
    while end > start and masked[end - 1].isspace():
        end -= 1
    while start < end and masked[start].isspace():
        start += 1
    lead = _LEADING_CONJUNCTION.match(masked, start, end)
    if lead is not None:
        start = lead.end()  # "But the plan failed, he said.": the conjunction joins the sentences
    if end - start < 3:
        return None
    return start, end


_LEADING_THAT = re.compile(r"^\s*(?:that|:)\b")
ANY_WORD_CHAR = re.compile(r"\w")  # any letter or digit: is there a word left?


def kind_of(masked: str, span: tuple[int, int], segments: SegmentList) -> tuple[str, list[tuple[int, int]]]:
    """direct (all inside marks), mixed (some) or indirect (none); with the spans to report.

    A direct quotation reports its marked segments only, so the "that" and
    commas around them do not count against it.
    """
    start, end = span
    inside = [segments[i] for i in segments.overlapping(start, end)]
    if not inside:
        return "indirect", [span]
    outside = masked[start:end]
    for seg in reversed(inside):
        b, e = max(seg.start, start) - start, min(seg.end, end) - start
        outside = outside[:b] + outside[e:]
    leftover = _LEADING_THAT.sub("", outside.strip(" ,.:;\t\n\u00a0—–-"))
    if not ANY_WORD_CHAR.search(leftover.replace(MASK, "")):
        return "direct", [(max(s.start, start), min(s.end, end)) for s in inside]
    return "mixed", [span]
