"""Cues: the words that say someone said something ("said", "according to", ":").

Verbs come from the lexicons in ``quotebook/data``. Words are looked up one
at a time in a dict rather than matched with one giant alternation, which
keeps the pass linear and the regexes small.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from quotebook.extract import lexicon

_WORD = re.compile(r"[A-Za-z][a-z]*(?:-[a-z]+)?")

_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\b")
# Phrasal cues whose verb alone would be too vague.
_PHRASAL = {"point": "out", "points": "out", "pointed": "out", "pointing": "out",
            "fire": "back", "fired": "back", "fires": "back", "firing": "back",
            "hit": "back", "hits": "back", "hitting": "back", "lash": "out", "lashed": "out",
            "weigh": "in", "weighed": "in", "weighs": "in", "weighing": "in",
            "speak": "out", "spoke": "out", "speaks": "out", "went": "on", "goes": "on", "go": "on"}
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


class Cue(NamedTuple):
    start: int
    end: int
    base: str  # the verb's base form, or "according to" / ":"
    speech: bool  # a verb of saying (not only of believing)


@lru_cache(maxsize=1)
def _cue_regex() -> re.Pattern[str]:
    # Lower case only: a capitalised "Says" or "Asked" opens a headline or a participle
    # clause far more often than it is the cue of a quotation.
    forms = (set(lexicon.reporting_verbs()) | set(lexicon.belief_verbs()) | set(_PHRASAL)) - _NEVER
    return re.compile(r"\b(?:" + lexicon.trie_pattern(forms) + r")(?![\w\-])")


def find_cues(masked: str, start: int, end: int) -> list[Cue]:
    """Cue words in masked[start:end], in order."""
    speech = lexicon.reporting_verbs()
    belief = lexicon.belief_verbs()
    cues = []
    for match in _cue_regex().finditer(masked, start, end):
        word = match.group()
        low = word.lower()
        if masked.startswith(("’s", "'s", "-"), match.end()) or masked[match.start() - 1:match.start()] == "-":
            continue  # "the state's", "email-related": not a verb
        if low in _PHRASAL:
            tail = masked[match.end():match.end() + 8].split()
            if tail and tail[0].strip(",.:") == _PHRASAL[low]:
                cue_end = match.end() + masked[match.end():match.end() + 12].find(_PHRASAL[low]) + len(_PHRASAL[low])
                cues.append(Cue(match.start(), cue_end, low, True))
                continue
        if low in speech:
            cues.append(Cue(match.start(), match.end(), speech[low], True))
        elif low in belief:
            cues.append(Cue(match.start(), match.end(), belief[low], False))
    for match in _ACCORDING.finditer(masked, start, end):
        cues.append(Cue(match.start(), match.end(), "according to", True))
    cues.sort(key=lambda c: c.start)
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
    rf"|in\s+(?:a|an|his|her|their|its|the|one|another)\s+(?:[\w\-]+\s+){{0,2}}?{_MEDIUM}(?:\s+(?:with|to|on|for|at|from)\s+(?:the\s+)?(?:[A-Z][\w.’'\-]*\s?){{1,4}})?"
    r"|(?:on|via|over)\s+(?:Twitter|Facebook|Instagram|Fox(?:\s+News)?|CNN|MSNBC|NBC|ABC|CBS|PBS|NPR|his\s+\w+|her\s+\w+|the\s+\w+(?:\s+floor)?)"
    r"|(?:to|told|telling)\s+(?:reporters|journalists|supporters|the\s+crowd|an?\s+(?:crowd|audience|reporter))"
    r"|in\s+(?:an?\s+)?(?:interview|statement|response|reply|court\s+papers)"
    r"|(?:in|at|during)\s+(?:an?\s+|the\s+)?(?:[A-Z][\w’'\-]*\s){0,3}(?:rally|event|debate|speech|hearing|meeting|forum|conference|town\s+hall)"
    r"|[a-z]+ly|also|then|again|once|too|simply|later|recently|previously|now|instead"
    r"))*"
)


def skip_modifiers(masked: str, pos: int, end: int) -> int:
    """Position after the modifiers that may follow a cue at pos."""
    match = _MODIFIER.match(masked, pos, end)
    return match.end() if match else pos
