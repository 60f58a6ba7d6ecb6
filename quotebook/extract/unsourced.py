"""Attributions whose source the article does not name.

News reports expectations and reporters' questions without saying whose they are:

* expectations: "The bill is expected to pass" (the content is the subject and the
  "to" clause, the cue "is expected" between them)
* questions:    "Asked whether he would run, the mayor said…" (the content is the question;
  "Asked about the plan, …" names a topic, not a question, and is left alone)

Both have no speaker (the scorer's and the reader's "unknown"), so they can
never put words in the wrong mouth. They run last and only fill text nothing
else has claimed; their low confidence loses any overlap.
"""

from __future__ import annotations

import bisect
import re

from quotebook.extract.indirect import _LEADING_CONJUNCTION, clause_break, kind_of, trim_end
from quotebook.extract.marks import SegmentList
from quotebook.extract.records import Candidate
from quotebook.extract.scan import literal_starts

_EXPECTED = re.compile(
    r"\s(?:is|are|was|were|isn[’']t|aren[’']t|wasn[’']t|weren[’']t)(?:\s+(?:also|still|now|not|widely|generally|"
    r"largely|broadly))*\s+expected(?=\s+to\s+[a-z])"
)
# A relative subject: "the network, which is expected to…" starts at "which".
_RELATIVE = re.compile(r"\b(?:which|who|that)\s*$")
_TRIGGERS = ("sked", "expected")  # in every question and expectation
_SUBORDINATE = re.compile(r"\b(?:where|when|which|who|whom|that|because|while|as|after|before|if|since|than)\b")
_DASHES = re.compile(r"\s--?\s")
_ASKED = re.compile(
    r"(?:(?:When|After\s+being|If)\s+)?[Aa]sked\b(?:\s+(?:later|again|repeatedly|specifically|directly|on\s+\S+"
    r"(?:\s+[A-Z]\S*){0,2}|by\s+(?:a\s+)?(?:reporters?|\S+(?:\s+[A-Z]\S*){0,2})))*"
    r"\s+(?=(?:whether|if|what|who|how|why|when|where|which)\s)"
)


def find_unsourced(masked: str, sentences: dict[int, list[tuple[int, int]]], segments: SegmentList,
                   taken: list[tuple[int, int]]) -> list[Candidate]:
    """Expectations and reporters' questions in sentences, with no source, that overlap no taken span."""
    taken = sorted(taken)
    starts = [b for b, _ in taken]

    def free(b: int, e: int) -> bool:
        i = bisect.bisect_left(starts, e)
        return not any(tb < e and b < te for tb, te in taken[max(0, i - 8):i])

    # Only sentences holding "sked" or "expected" can match: find those words once, not per sentence.
    hits = literal_starts(masked, _TRIGGERS)
    found: list[Candidate] = []
    if not hits:
        return found
    for paragraph, split in sentences.items():
        for s, e in split:
            i = bisect.bisect_left(hits, s)
            if i == len(hits) or hits[i] >= e:
                continue
            cand = _question(masked, s, e, segments, paragraph) or _expectation(masked, s, e, segments, paragraph)
            if cand is not None and all(free(b, en) for b, en in cand.spans):
                found.append(cand)
    return found


def _question(masked: str, s: int, e: int, segments: SegmentList, paragraph: int) -> Candidate | None:
    """"Asked whether C, S said…": the question, at the head of the sentence."""
    lead = _LEADING_CONJUNCTION.match(masked, s, e)
    asked = _ASKED.match(masked, lead.end() if lead else s, e)
    if asked is None:
        return None
    start = asked.end()
    comma = masked.find(",", start, e)
    if comma < 0 or comma - start < 6:
        return None
    stop = comma + 1 if masked[comma + 1:comma + 2] in "”\"’»" else comma
    kind, spans = kind_of(masked, (start, stop), segments)
    return Candidate(spans, kind, None, "asked", "pre", paragraph,
                     set(segments.overlapping(start, stop)), 0.5)


def _expectation(masked: str, s: int, e: int, segments: SegmentList, paragraph: int) -> Candidate | None:
    """"S is expected to C": the subject and its "to" clause."""
    cue = _EXPECTED.search(masked, s, e)
    if cue is None:
        return None
    relative = _RELATIVE.search(masked, max(s, cue.start() - 8), cue.start())
    if relative is not None:
        start = relative.start()
    else:
        lead = _LEADING_CONJUNCTION.match(masked, s, e)
        start = lead.end() if lead else s
        comma = masked.rfind(",", start, cue.start())
        if comma >= 0 and masked.rfind(",", start, comma) < 0 and _LEAD_PHRASE.match(masked, start, comma):
            start = comma + 1  # "In July, the bank is expected to…": the subject follows the comma
    while start < cue.start() and masked[start].isspace():
        start += 1
    if relative is None and _SUBORDINATE.search(masked, start, cue.start()):
        return None  # "…, where Sanders is expected": whose expectation is not clear from the clause
    subject_end = cue.start()
    rest = cue.end() + 1
    stop = trim_end(masked, rest, e)
    cut = clause_break(masked, rest, stop) or _DASHES.search(masked, rest, stop)
    if cut is not None and cut.start() - rest >= 6:
        stop = trim_end(masked, rest, cut.start())
    if relative is not None:
        comma = masked.find(",", rest, stop)
        stop = comma if comma > 0 else stop  # "…, which is expected to draw viewers, aired": the aside ends
    if subject_end - start < 2 or stop - rest < 6:
        return None
    kind_a, spans_a = kind_of(masked, (start, subject_end), segments)
    kind_b, spans_b = kind_of(masked, (rest, stop), segments)
    kind = "indirect" if kind_a == kind_b == "indirect" else "mixed"
    return Candidate(spans_a + spans_b, kind, None, masked[cue.start() + 1:cue.end()], "pre", paragraph,
                     set(segments.overlapping(start, stop)), 0.5)


_LEAD_PHRASE = re.compile(r"\s*(?:In|On|At|After|Before|By|During|Since|Under|For|With|Later|Meanwhile|Now|Today|"
                          r"Tomorrow|Next|This|Last|If|When|As|Once|Until)\b")

