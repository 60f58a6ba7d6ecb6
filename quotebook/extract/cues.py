"""Cues: the words that say someone said something ("said", "according to", ":").

Verbs come from the lexicons in ``quotebook/data``. Words are looked up one
at a time in a dict rather than matched with one giant alternation, which
keeps the pass linear and the regexes small.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import NamedTuple

from quotebook.extract import lexicon

_WORD = re.compile(r"[A-Za-z][a-z]*(?:-[a-z]+)?")

_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\b")
# Phrasal cues whose verb alone would be too vague.
_PHRASAL = {"point": "out", "points": "out", "pointed": "out", "pointing": "out",
            "fire": "back", "fired": "back", "fires": "back", "firing": "back",
            "shoot": "back", "shot": "back", "shoots": "back", "shooting": "back",
            "hit": "back", "hits": "back", "hitting": "back", "lash": "out", "lashed": "out",
            "weigh": "in", "weighed": "in", "weighs": "in", "weighing": "in",
            "speak": "out", "spoke": "out", "speaks": "out", "went": "on", "goes": "on", "go": "on",
            "put": "it", "puts": "it"}  # "as Ann Lee put it, “…”"
# Forms that are more often nouns or adjectives than reporting verbs.
_DOUBTFUL = frozenset({"post", "posts", "report", "reports", "charge", "charges", "answer", "answers",
                       "promise", "promises", "offer", "offers", "cry", "echo", "estimate", "estimates",
                       "forecast", "forecasts", "order", "reply", "rule", "rules", "ruling", "finding",
                       "findings", "hope", "hopes", "fear", "fears", "call", "calls", "quote", "quotes",
                       "read", "comment", "comments", "protest", "protests", "demand", "demands",
                       "request", "appeal", "pledge", "question", "challenge", "whisper", "address",
                       "signal", "project", "text", "email", "tweet", "tweets", "blog", "release",
                       "counter", "petition", "lecture", "publish", "state", "states", "found", "show",
                       "shows", "set", "learned", "hear", "see", "saw", "seen", "know", "known",
                       "understand", "understood", "finding", "feeling", "meaning", "being", "thinking",
                       "believing", "knowing", "seeing", "hearing", "reading", "writing", "learning"})

# Forms that are cues far less often than not on news ("the United States", "find out",
# "he knew", "continue to"): measured precision under 0.3 on PolNeAR train.
_NEVER = frozenset({"note", "state", "states", "knew", "find", "question", "continue", "continues",
                    "considered"})


# Plural nouns that are also verb forms: before a verb they are the subject, not a cue
# ("1,300 Clinton emails contained C", "his tweets were").
_PLURAL_NOUNS = frozenset({"emails", "e-mails", "tweets", "posts", "claims", "reports", "comments", "remarks",
                           "texts", "messages", "responses", "answers", "replies", "statements", "notes"})
_VERB_AFTER = re.compile(r"\s+(?:[a-z]+ed|were|are|was|is|have|had|has|show|showed|shows|contain|contains|"
                         r"include|includes|reveal|reveals|suggest|suggests)\b")


_PRONOUN_BEFORE = re.compile(r"\b(?:he|she|it|who|He|She|It)\s+$")


class Cue(NamedTuple):
    start: int
    end: int
    base: str  # the verb's base form, or "according to" / ":"
    speech: bool  # a verb of saying (not only of believing)



# A form of "be" (and adverbs) right before a participle: "was widely criticized", "were told".
PASSIVE_BE = re.compile(r"\b(?:is|are|was|were|be|been|being)(?:\s+[a-z]+ly)*\s+$")


def is_passive(masked: str, subject_end: int, verb_start: int, verb_end: int, base: str) -> bool:
    """"Lee was criticized", "they were told": a passive verb, whose subject is not the speaker."""
    word = masked[verb_start:verb_end]
    if word.endswith(("s", "ing")) or word == base:
        return False
    return PASSIVE_BE.search(masked, max(subject_end, verb_start - 30), verb_start) is not None

@lru_cache(maxsize=1)
def cue_words() -> lexicon.WordList:
    # Lower case only: a capitalised "Says" or "Asked" opens a headline or a participle
    # clause far more often than it is the cue of a quotation.
    forms = (set(lexicon.reporting_verbs()) | set(lexicon.belief_verbs()) | set(_PHRASAL)) - _NEVER
    return lexicon.WordList(frozenset(forms))


def cue_word_regex() -> re.Pattern[str]:
    return cue_words().pattern()


def _cue_spans(masked: str) -> list[tuple[int, int]]:
    """(start, end) of every match of cue_word_regex in masked, in order."""
    return lexicon.word_spans(cue_word_regex(), masked)


def find_cues(masked: str, start: int, end: int) -> list[Cue]:
    """Cue words in masked[start:end], in order."""
    if start <= 0 and end >= len(masked):
        return list(_document_cues(masked)[2])
    starts, verbs, _ = _document_cues(masked)
    lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
    # (Asked ~2,000 times a dev pass: a cut word and "according to" are ruled out by cheap tests first.)
    cues = [cue for match_end, cue in verbs[lo:hi] if cue is not None and match_end <= end] if hi > lo else []
    # A word that the end of the range cuts short ("sai|dly"): only where a letter ends the range.
    cut = _verb_cut_at(masked, start, end) if end < len(masked) and "a" <= masked[end - 1] <= "z" else None
    according = _according(masked, start, end) if masked.find("ccording", start + 1, end) >= 0 else []
    if cut is not None or according:
        # (The verbs' cues are in order already: most ranges need no sort.)
        cues.extend(([cut] if cut is not None else []) + according)
        cues.sort(key=lambda c: c.start)
    return cues


# The pipeline asks for the cues of a whole article once, then of many of its sentences:
# those are read from the article's, which is scanned once (one entry: the last article).
_last_document: tuple[str, tuple[list[int], list[tuple[int, Cue | None]], list[Cue]]] | None = None


def _document_cues(masked: str) -> tuple[list[int], list[tuple[int, Cue | None]], list[Cue]]:
    """(verb match starts, (verb match end, cue or None) for each, every cue) of a whole text."""
    global _last_document
    last = _last_document
    if last is not None and last[0] is masked:
        return last[1]
    starts, verbs = [], []
    for start, end in _cue_spans(masked):
        starts.append(start)
        verbs.append((end, _verb_cue(masked, start, end)))
    cues = [cue for _, cue in verbs if cue is not None]
    cues.extend(_according(masked, 0, len(masked)))
    cues.sort(key=lambda c: c.start)
    result = (starts, verbs, cues)
    _last_document = (masked, result)
    return result


def _verb_cut_at(masked: str, start: int, end: int) -> Cue | None:
    """The cue a range's own scan finds in a word its end cuts ("sai|dly"), which the text's scan does not."""
    if end >= len(masked) or not (masked[end].isalnum() or masked[end] in "_-"):
        return None
    begin = end
    while begin > start and "a" <= masked[begin - 1] <= "z":
        begin -= 1
    if begin == end:
        return None
    match = cue_word_regex().match(masked, begin, end)
    if match is None or match.end() != end:
        return None
    return _verb_cue(masked, begin, end)


def _verb_cue(masked: str, start: int, end: int) -> Cue | None:
    """The cue a verb form found at masked[start:end] gives, if it is one."""
    low = masked[start:end].lower()
    if masked.startswith(("’s", "'s", "-"), end) or masked[start - 1:start] == "-":
        return None  # "the state's", "email-related": not a verb
    if low in _PHRASAL:
        tail = masked[end:end + 8].split()
        if tail and tail[0].strip(",.:") == _PHRASAL[low] and not (len(tail) > 1 and tail[1] == "to"):
            # ("went on to say": the cue is the verb after "to")
            cue_end = end + masked[end:end + 12].find(_PHRASAL[low]) + len(_PHRASAL[low])
            return Cue(start, cue_end, low, True)
    if low in _PLURAL_NOUNS and _VERB_AFTER.match(masked, end) and \
            not _PRONOUN_BEFORE.search(masked, max(0, start - 6), start):
        return None  # ("who he claims has been unfair": after a pronoun the form is a verb)
    speech = lexicon.reporting_verbs()
    if low in speech:
        return Cue(start, end, speech[low], True)
    belief = lexicon.belief_verbs()
    if low in belief:
        return Cue(start, end, belief[low], False)
    return None


def _according(masked: str, start: int, end: int) -> list[Cue]:
    # Every match holds the literal "ccording", which str.find reaches far faster than the regex alone.
    cues = []
    pos = masked.find("ccording", start + 1, end)
    while pos != -1:
        match = _ACCORDING.match(masked, pos - 1, end)
        if match is not None:
            cues.append(Cue(match.start(), match.end(), "according to", True))
        pos = masked.find("ccording", pos + 8, end)
    return cues


def is_doubtful(masked: str, cue: Cue) -> bool:
    """A cue form that is usually a noun: accept it only right after its subject."""
    return masked[cue.start:cue.end].lower() in _DOUBTFUL


_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight)"
_MEDIUM = r"(?:statement|interview|email|e-mail|speech|op-ed|post|tweet|letter|memo|release|blog post|video|message|conference call|call|phone call|radio interview|television interview|TV interview|news conference|press conference|briefing|appearance|address|remarks|note|report|book|column|essay|article|filing|ad|debate|town hall|rally|forum)"
# What can sit between a cue and its content without being either:
# "said on Monday", "said in a statement", "wrote on Twitter", "told reporters".
_MODIFIER = re.compile(
    r"(?:,?\s*(?:"
    rf"(?:on|last|this|early|late|earlier|later)?\s*{_DAY}(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:last|this|next)\s+(?:week|month|year|weekend|spring|summer|fall|winter)"
    r"|(?:earlier|later)(?:\s+(?:this|that|in\s+the)\s+(?:week|month|year|day))?"
    rf"|in\s+(?:a|an|his|her|their|its|the|one|another)\s+(?:[\w\-]+\s+){{0,2}}{_MEDIUM}(?:\s+(?:with|to|on|for|at|from)\s+(?:the\s+)?(?:[A-Z][\w.’'\-]*\s?){{1,4}})?"
    r"|(?:on|via|over)\s+(?:Twitter|Facebook|Instagram|Fox(?:\s+News)?|CNN|MSNBC|NBC|ABC|CBS|PBS|NPR|his\s+\w+|her\s+\w+|the\s+\w+(?:\s+floor)?"
    # (The noun phrase must end there: not "on the same| call".)
    r"(?!\s+(?!(?:that|and|but|in|on|at|to|of|for|about|after|before|as|when|while|with|this|last|during)\b)[a-z]))"
    # "on NBC's “Meet the Press”", "on CNN's State of the Union": the show, whole.
    r"(?:[’']s\s+(?:[“\"‘']{1,2}\x1a+[”\"’']{1,2}|(?:[A-Z][\w’'\-]*\s?){1,4}))?(?![\w’'])"
    # "said of the mayor, “…”": whom it was said of, when the quotation follows.
    r"|of\s+[^,;:.\x1a“”\"]{1,50}?,(?=\s*[“\"‘])"
    # "said on “Meet the Press” that …": a show's title alone.
    r"|on\s+[“\"]\x1a+[”\"](?=,?\s+(?:that\b|[“\"‘]))"
    # "said as he introduced his wife, “…”": a clause of circumstance, when a quotation follows it.
    r"|(?:as|when|while|after|before)\s+(?:(?:he|she|they|[A-Z][\w’'\-]*)\s+|(?=[a-z]+(?:ed|ing)\b))[^,;:\x1a“”\"]{3,80}?[,:]"
    r"(?=\s*[“\"‘])"
    # "said in Tel Aviv, “…”", "said at Dartmouth that …": a place, when the content follows at once.
    r"|(?:in|at)\s+(?:[A-Z][\w.’'\-]*\s?){1,3}(?=,?\s*[“\"‘]|,?\s+that\b)"
    r"|(?:to|told|telling)\s+(?:reporters|journalists|supporters|the\s+crowd|an?\s+(?:crowd|audience|reporter))"
    # "wrote to his 20,000 Twitter followers": the people written to.
    r"|(?:to|telling)\s+(?:his|her|their|its)\s+(?:[\d,.]+\s+(?:million\s+)?)?(?:[A-Z]\w+\s+)?"
    r"(?:followers|supporters|fans|readers|viewers|listeners|constituents|donors|members|audience|staff)"
    r"|in\s+(?:an?\s+)?(?:interview|statement|response|reply|court\s+papers)"
    r"|(?:in|at|during)\s+(?:an?\s+|the\s+)?(?:[A-Z][\w’'\-]*\s){0,3}(?:rally|event|debate|speech|hearing|meeting|forum|conference|town\s+hall)"
    r"|[a-z]+ly|also|then|again|once|too|simply|later|recently|previously|now|instead"
    r"))*"
)


# What every _MODIFIER alternative opens with, as prefixes ("on" stands for "once", "to" for "told",
# "today" and "too", "in" for "instead", "late" for "later"; keep the two in step). Four cues in five
# are followed by none of them ("said that", "said Ann Lee", "told the"): this short match rules
# those out for a third of what trying every alternative of _MODIFIER in turn costs.
_MODIFIER_START = re.compile(
    r",?\s*(?:on|of|last|this|early|earlier|late|next|in|via|over|as|when|while|after|before|at|to|telling|during|"
    r"also|then|again|now|yesterday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[a-z]+ly)"
)


def skip_modifiers(masked: str, pos: int, end: int) -> int:
    """Position after the modifiers that may follow a cue at pos (asked again there, the same position)."""
    if _MODIFIER_START.match(masked, pos, end) is None:
        return pos
    match = _MODIFIER.match(masked, pos, end)
    return match.end() if match else pos
