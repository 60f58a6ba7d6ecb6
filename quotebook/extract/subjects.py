"""The subject that opens a sentence or clause, and the words that may stand before it.

"On Monday, Ann Lee said" → Ann Lee; "Hundreds of marchers chanted" → the marchers;
"White House spokesman Josh Earnest said": the subject's own words, not a clause.
Openers ("Amid the protests,", datelines) are read past; they are never the subject.
"""

from __future__ import annotations

import re
from functools import lru_cache

from quotebook.extract import lexicon
from quotebook.extract.marks import MASK
from quotebook.extract.mentions import NAME_RUN, _NOT_NAMES
from quotebook.extract.records import Source


# ("Then he cut into Bush, calling…": lower case after an opener.)
_SUBJECT_PRONOUN = re.compile(r"([Hh]e|[Ss]he|[Tt]hey|It|[Ww]e|I)\b")


_CLAUSE_SPLIT = re.compile(r"[,;:—(”\"\x1a]|\s-\s|\b(?:and|but|as|because|while|when|although|so|that|if)\b")


_PREFIX_BREAK = re.compile(r"[,”\"'’»:—]")


# (not inside a hyphenated word: "warm-and-fuzzy Trump said")
_CLAUSE_VERB = re.compile(r"(?<![\w\-])(?:is|was|are|were|has|had|have|and|or|but|that|which|who)(?![\w\-])")


# Between a subject and its cue: "has also said", "later told", "repeatedly warned".
_AUX_WORDS = frozenset(
    """also later then has have had would will did does do is was were are once previously recently
    repeatedly again never often always reportedly just even still already further first been long
    not however Monday Tuesday Wednesday Thursday Friday Saturday Sunday yesterday today tonight""".split()
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


_PREPOSITIONS = frozenset("in on at for with from by of after before during since until near across inside outside".split())


def _names_a_subject(chunk: str) -> bool:
    """"Playing Field Promotions": a name of several words that no preposition opens."""
    words = chunk.split()
    return len(words) > 1 and words[0].lower() not in _PREPOSITIONS and NAME_RUN.fullmatch(chunk) is not None


def _opens_sentence(masked: str, pos: int) -> bool:
    before = masked[max(0, pos - 4):pos].rstrip(" \u00a0")
    return not before or before[-1] in ".!?”\"\n" + MASK


# A clause opened by one of these alone ("But", "Still,") leaves the subject at its head.
_OPENER_WORDS = _BOUNDARY_WORDS | {"still", "yet", "now", "later", "instead", "meanwhile", "however", "indeed", "separately", "also"}


def _is_opener(prefix: str) -> bool:
    """Text before a subject that leaves the subject at the head of the main clause."""
    stripped = prefix.strip()
    # (No opener word holds a space: a prefix of several words is none, and need not be split.)
    return not stripped or stripped.strip(",").lower() in _OPENER_WORDS


def _sentence_subject(masked: str, s: int, end: int) -> Source | None:
    """A name, pronoun or noun phrase opening the sentence, after an opener like "On Monday,"."""
    pos = s
    opener = _sentence_opener().match(masked, s, end)
    if opener:
        pos = opener.end()
    word = _SUBJECT_PRONOUN.match(masked, pos, end)  # (bounded, not on a copy of the sentence)
    if word:
        return Source(pos, word.end(), word.group(), "pronoun")
    quantity = _QUANTITY.match(masked, pos, end)
    if quantity is not None:  # "Hundreds of marchers", "Many voters"
        return _subject_np(masked, pos, end, words_from=quantity.end())
    match = NAME_RUN.match(masked, pos, end)
    if match is not None and masked.startswith(("’s ", "'s "), match.end()):
        # "Hillary Clinton’s right-hand woman rallied…": the possessor's noun phrase.
        return _subject_np(masked, pos, end, words_from=match.end() + 3)
    if match is not None:
        # "Labour leader Keir Starmer", "Rail union boss Mick Lynch": the name after the role speaks.
        described = _ROLE_THEN_NAME.match(masked, match.end(), end)
        if described is not None and described.group(1) in role_heads():
            return Source(described.start(2), described.end(2), described.group(2), "name")
        text = match.group()
        first = text.split()[0]
        if first == "The" and " " in text:
            return _subject_np(masked, pos, end)  # "The Sanders campaign", "The New York Times"
        if first.lower() not in _NOT_NAMES:
            return Source(match.start(), match.end(), text, "name")
    return _subject_np(masked, pos, end)


@lru_cache(maxsize=1)
def role_heads() -> frozenset[str]:
    """The one-word titles ("leader", "boss", "strategist"): not title_words, which holds "of" and "and"."""
    return frozenset(title for title in lexicon.titles() if " " not in title)


# Lower-case words ending in a role word, then a full name: "… union boss Mick Lynch".
_ROLE_THEN_NAME = re.compile(r"(?:\s+[a-z][a-z\-]+){0,2}\s+([a-z][a-z\-]+)\s+((?:[A-Z][\w.’'\-]*\s+){1,3}[A-Z][\w’'\-]+)")


@lru_cache(maxsize=1)
def _sentence_opener() -> re.Pattern[str]:
    """Datelines and openers ending in a comma, before a sentence's subject (built once, from the lexicons)."""
    states = "|".join(re.escape(state) for state in lexicon.phrases_cased("us_states.txt"))
    return re.compile(
        # (A possessive *+ or ++ where what follows cannot take back a character: the engine does not
        # give the word back one letter at a time when the rest fails, as it would in most sentences.)
        # Datelines: "Washington (AFP) –", "WASHINGTON, Dec. 8 (UPI) —", "BUENA PARK, Calif. -"
        r"(?:[A-Z][\w.]*+(?:[ ,]+[A-Z0-9][\w.]*+){0,3}\s*\((?:AP|AFP|Reuters|CNN|Xinhua|UPI)\)\s*[–—-]+\s*"
        r"|[A-Z]{2,}+(?:[ ,.]+[A-Z][\w.]*){0,3}\s+[–—-]+\s+)?"
        r"(?:(?:But|And|So|Yet|Then|Later|Still|Earlier|Meanwhile|Instead|Also|However|Now|Separately|Indeed)\b,?\s+"
        r"(?:(?:then|so|yet|also|now)\s+)?)?"
        # Openers ending in a comma: "On Monday,", "Recalling that moment,", "Hours later,", "Outside the hall,",
        # "Amid the protests,", "Ironically,", "Thirteen years earlier,"
        r"(?:(?:On|In|At|During|After|Before|Since|Last|This|Earlier|Later|Speaking|Asked|Addressing|From|For|"
        r"With|Without|Despite|Responding|Appearing|Writing|Outside|Inside|Across|Near|Behind|Back|Elsewhere|Overall|"
        r"Afterward|Afterwards|Hours|Days|Minutes|Weeks|Months|Years|Moments|[Aa]\s+few|[A-Z][a-z]*+(?<=[a-z]ing)|"
        r"Immediately|Shortly|Recently|Previously|Finally|Eventually|Ultimately|Initially|Publicly|Privately|Separately|"
        r"Amid|Amidst|Early|Here|There|Likewise|Similarly|As|When|While|Although|Though|Because|Once|Until|Whenever|If|"
        r"[A-Z][a-z]{2,}(?:ically|ously|ively|edly|ately|ingly|ntly|tily|rily)|"
        r"[A-Z][a-z]++\s+(?:years|months|weeks|days|hours|minutes)\s+(?:earlier|later|ago|before))\b"
        r"[^,;:\x1a“”\"]{0,80}?,\s+"
        # "In Salem, New Hampshire, Lee said": the state after the town belongs to the opener.
        rf"(?:(?:{states})(?![\w.]),\s+)?)?"
    )


_QUANTITY = re.compile(r"(?:Hundreds|Thousands|Dozens|Millions|Many|Most|Some|Several|Few|One|Another|Two|Three|Four|Five|Both|All)\b"
                       r"(?:\s+of(?:\s+the)?\b)?")


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


_VERBISH = re.compile(
    r"\b(?:is|was|are|were|has|had|have|be|been|will|would|said|says|did|does|do|can|could|may|might|"
    r"must|should|which|who|whom|whose|where)\b"
)


def _subject_leads(prefix: str) -> bool:
    """The words before the subject's head are its own ("White House spokesman", "A defensive")."""
    stripped = prefix.rstrip()
    if _is_opener(prefix) or stripped.endswith((",", ";", ":", "—", "(")) or (
            stripped[-8:].split() or [""])[-1] in _LEAD_WORDS:
        return True
    last = stripped[-30:]
    # (Every _WHICH_LEADS match holds "which": the "in" test spares most prefixes the regex, which
    # has no first character to skip to and is tried at every position.)
    if "which" in last and _WHICH_LEADS.search(last):
        return True  # "…, to which O'Malley interjected:" — a new clause with its own subject
    tail = _CLAUSE_SPLIT.split(prefix)[-1]
    return len(tail.split()) <= 7 and not _VERBISH.search(tail)


# A clause's last word before its subject: "and", "because".
_LEAD_WORDS = frozenset({"and", "but", "as", "because", "while", "when", "although", "so", "that", "if"})


_WHICH_LEADS = re.compile(r"(?:^|[,;—])\s*(?:to|at|after|upon|on|in)\s+which(?:\s+point)?$")


def _clause_prefix(prefix: str) -> str:
    """Cut the subject's own words ("White House press secretary") off the text before it."""
    # Only the last break counts: it is found in the reversed text, so the scan stops at once.
    last = _PREFIX_BREAK.search(prefix[::-1])
    if last is None:
        return prefix
    cut = len(prefix) - last.start()
    tail = prefix[cut:]
    if MASK in tail or len(tail.split()) > 8 or _CLAUSE_VERB.search(tail):
        return prefix
    return prefix[:cut] + " "
