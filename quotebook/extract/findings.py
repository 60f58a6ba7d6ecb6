"""What polls, records and documents show: "A new poll released Monday shows C", "C, FEC records show."

A finding's source is a noun phrase whose head is a poll, a survey, records,
emails and the like; it may carry modifiers between its head and the verb
("A University poll out this week shows"). The content is the verb's clause
after it, or the clause before it when the source closes the sentence.
"""

from __future__ import annotations

import re

from quotebook.extract.indirect import content_before
from quotebook.extract.marks import MASK
from quotebook.extract.records import Candidate, Source

EVIDENCE_HEAD = frozenset(
    """poll polls polling survey surveys records data study studies report reports analysis analyses
    numbers figures results documents filings research estimates count tally review audit investigation
    probe findings statistics projections models email emails memo memos documents transcript transcripts
    video footage evidence math search letter letters filing records""".split()
)
EVIDENCE_VERBS = frozenset(
    """show shows showed shown showing found find finds suggest suggests suggested indicate indicates
    indicated reveal reveals revealed""".split()
)

# Words that end a finding's noun phrase read backwards: a clause or a verb of its own.
_NP_STOP = frozenset(
    """and but or as that which who while when because although though if since so than is was are were
    has have had will would can could should may might must be been do does did said says despite amid
    after before with without""".split()
)
_NP_WORD = re.compile(r"[\w’'\-./&]+")
_MAX_NP_WORDS = 12
# After a sentence-final finding, nothing but time words may follow its verb.
_CLOSES_SENTENCE = re.compile(r"\s*(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?\s*[.!]?\s*$")


def finding_source(masked: str, s: int, cue_start: int) -> Source | None:
    """The noun phrase of a poll, records or a document that ends right before the verb at cue_start."""
    words = list(_NP_WORD.finditer(masked, max(s, cue_start - 120), cue_start))
    if not words or masked[words[-1].end():cue_start].strip():
        return None
    head = None
    start = words[-1].start()
    for i in range(len(words) - 1, max(-1, len(words) - 1 - _MAX_NP_WORDS), -1):
        word = words[i]
        gap = masked[word.end():words[i + 1].start()] if i + 1 < len(words) else ""
        low = word.group().lower().strip(".,")
        if gap.strip() or low in _NP_STOP or MASK in gap:
            break
        if head is None and low in EVIDENCE_HEAD:
            head = word
        start = word.start()
    if head is None:
        return None
    text = masked[start:cue_start].rstrip()
    return Source(start, start + len(text), text, "np")


def finding_before(masked: str, s: int, e: int, cue_start: int, cue_end: int,
                   paragraph: int) -> Candidate | None:
    """"C, FEC records show.": the sentence's clause before a finding that closes it."""
    if not _CLOSES_SENTENCE.match(masked, cue_end, e):
        return None
    source = finding_source(masked, s, cue_start)
    if source is None:
        return None
    before = masked[max(s, source.start - 3):source.start]
    if "," not in before:
        return None
    span = content_before(masked, s, source.start)
    if span is None or MASK in masked[span[0]:span[1]]:
        return None
    return Candidate([span], "indirect", source, masked[cue_start:cue_end], "post", paragraph, set(), 0.55)
