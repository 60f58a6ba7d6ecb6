"""Who is speaking: the subject just before a cue.

"Ann Lee, a photographer, has also said" → Ann Lee; "A spokesman for Platte River
told" → the spokesman. The inverted subject after a cue ("said retired neurosurgeon
Ben Carson") is read by quotebook.extract.inverted, and the subject that opens a
sentence by quotebook.extract.subjects.
"""

from __future__ import annotations

import re

from quotebook.extract import lexicon
from quotebook.extract.marks import MASK
from quotebook.extract.mentions import NAME_RUN, PRONOUNS, _NOT_NAMES, first_name_or_initial, name_runs
from quotebook.extract.records import Source
from quotebook.extract.subjects import (
    _AUX_WORDS,
    _NOT_HEAD,
    _PREPOSITIONS,
    _is_opener,
    _names_a_subject,
    _opens_sentence,
    _sentence_opener,
    _sentence_subject,
)


_NP_TOKEN = re.compile(r"[\w’'\-\.]+")
_NP_TOKEN_SPLIT = re.compile(r"([\w’'\-\.]+)")  # the same words, kept by re.split


_NP_BREAK = re.compile("[,;:\u201c\u201d\"" + MASK + "]")  # ends a noun phrase read backwards


# "Feinstein last week said", "Lee on Monday told": time between a subject and its cue.
_TIME_BEFORE_CUE = re.compile(
    r"\s+(?:(?:last|this|earlier|later)\s+(?:week|month|year|night|weekend)|on\s+(?:Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?|earlier\s+this\s+(?:week|month|year))\s*$"
)


_TIME_ENDS = ("week", "weekend", "month", "year", "night", "day", "morning", "afternoon", "evening")
# Asides between a subject and its cue: "Proponents, however, say".
_ASIDES = frozenset({"however", "though", "too", "meanwhile"})


_PARTY_TAG = re.compile(r"\s*\((?:[RDI]|[A-Z][\w.]*)[-–,][^()]{1,30}\)\s*$|\s*\([A-Z][\w.\- ]{0,20}\)\s*$")


_DETERMINERS = frozenset(
    """the a an one two three four five several some many most other another his her their its our
    my your this that these those both few top senior local state federal""".split()
)


_RELATIVE_ANTECEDENT = re.compile(r"((?:[A-Z][\w.’'\-]*\s?){1,4}),\s*$")


# The frames, the reported pass and the pipeline all ask for the subject before the same cues:
# each answer is kept for the article being read (one entry: the last article). Sources are never
# changed after they are made, so sharing them is safe.
_last_article: tuple[str, dict[tuple[int, int], Source | None]] | None = None


def _source_before(masked: str, lo: int, cue_start: int) -> Source | None:
    """The subject just before a cue, if there is one."""
    global _last_article
    window_start = max(lo, cue_start - 220)
    if _last_article is None or _last_article[0] is not masked:
        _last_article = (masked, {})
    known = _last_article[1]
    key = (window_start, cue_start)
    if key not in known:
        known[key] = _read_source_before(masked, window_start, cue_start)
    return known[key]


def _read_source_before(masked: str, window_start: int, cue_start: int) -> Source | None:
    rest = _strip_aux(masked[window_start:cue_start])
    if rest.endswith(")"):
        party = _PARTY_TAG.search(rest, max(0, len(rest) - 40))
        if party:
            rest = rest[:party.start()].rstrip()
    if not rest:
        return None
    last = _last_word(rest)
    low = last.lower()
    if low in PRONOUNS and low not in ("him", "her", "his", "them"):
        b = window_start + len(rest) - len(last)
        return Source(b, b + len(last), last, "pronoun")
    final = rest[-1]  # (a character compared, where three endswith calls with their tuples cost five times as much)
    if final == ",":
        return _apposition_source(masked, window_start, rest)
    if final in "-—–" and rest.endswith(("--", "—", "–")):
        return _dash_aside_source(masked, window_start, rest)
    if last in QUANTITY_SUBJECTS and _is_opener(rest[:len(rest) - len(last)]) and _agrees(masked, last, cue_start):
        b = window_start + len(rest) - len(last)  # "Several said", "Others argued": people just mentioned
        return Source(b, b + len(last), last, "np")
    return _name_or_np(masked, window_start, rest)


# An aside between dashes before the cue: "A former candidate -- Tom Reyes, who lost in 2008 -- said".
_OPENING_DASH = re.compile(r"\s(?:--|—|–)\s")


def _dash_aside_source(masked: str, offset: int, rest: str) -> Source | None:
    """The source of "A former candidate -- Tom Reyes, who lost in 2008 -- said": the name that opens
    the aside, else the subject before it; None when the dashes do not pair."""
    closing = len(rest) - (2 if rest.endswith("--") else 1)
    opening = None
    for match in _OPENING_DASH.finditer(rest, 0, closing):
        opening = match
    if opening is None:
        return None
    aside = rest[opening.end():closing]
    name = NAME_RUN.match(aside)
    if name is not None and name.group().split()[0].lower() not in _NOT_NAMES:
        b = offset + opening.end()
        return Source(b, b + name.end(), name.group(), "name")
    head = rest[:opening.start()].rstrip()
    return _name_or_np(masked, offset, head) if head else None


# "He went on to say": the subject of "went on to" is the cue's.
_GOES_ON_TO = re.compile(r"\s+(?:went|goes|go|has\s+gone|had\s+gone)\s+on\s+to\s*$")


# Words that stand for people on their own at the head of a clause ("Several said …").
QUANTITY_SUBJECTS = frozenset({"Another", "Several", "Some", "Others", "Many", "Most", "Both"})


def _agrees(masked: str, quantity: str, cue_start: int) -> bool:
    """"Some argue", not "Some advocates for …": a plural subject takes no -s verb."""
    word = masked[cue_start:cue_start + 20].split()[0] if masked[cue_start:cue_start + 20].split() else ""
    return quantity == "Another" or not (word.endswith("s") and not word.endswith("ss"))


# "Reyes was quoted as saying", "was quoted by the Post as saying": the one quoted is the speaker.
_QUOTED_AS = re.compile(r"\s+(?:is|was|were|are|has\s+been|have\s+been|had\s+been)\s+(?:[a-z]+ly\s+)?quoted"
                        r"(?:\s+by\s+[^,;:\x1a“”\"]{1,40}?)?\s+as\s*$")


# "The Post quoted Reyes as saying", "quoting a senior official as saying": the one quoted speaks.
_QUOTING_AS = re.compile(r"\bquot(?:ed|es|ing)\s+([^,;:\x1a“”\"]{1,60}?)\s+as\s*$")


def _strip_aux(seg: str) -> str:
    """seg without the auxiliaries, adverbs and asides that end it ("has also", ", however,")."""
    stripped = seg.rstrip()
    # (Each phrase cut first ends in one of _PHRASE_ENDS: most segments need none of its three tests.)
    if stripped.endswith(_PHRASE_ENDS):
        seg = _without_final_phrases(seg)
        stripped = seg.rstrip()
    end = len(stripped)
    while end > 0:
        text = seg[:end]
        word = _last_word(text)
        start = end - len(word)
        bare = word.strip(",")
        # (Not a word before a comma: "reached by phone on Tuesday, said" ends an aside there.)
        if bare in _AUX_WORDS and bare == word or (bare.endswith("ly") and bare.isalpha() and bare.islower()) or (
                bare in _ASIDES and word.endswith(",") and seg[:start].rstrip().endswith(",")):
            end = len(seg[:start].rstrip())
            if bare in _ASIDES:
                end -= 1  # the comma before the aside
            continue
        return text.rstrip()
    return seg[:end].rstrip()


def _without_final_phrases(seg: str) -> str:
    """seg without the "was quoted as", "went on to" and time ("last week") that end it."""
    if seg.endswith(("as", "as ")):
        quoted = _QUOTED_AS.search(seg, max(0, len(seg) - 80))
        if quoted is not None:
            seg = seg[:quoted.start()]
        else:
            quoting = _QUOTING_AS.search(seg, max(0, len(seg) - 80))
            if quoting is not None:
                seg = seg[:quoting.end(1)]  # "The Post quoted Reyes as saying": Reyes, read as the subject
    stripped = seg.rstrip()
    if stripped.endswith(" to"):
        goes_on = _GOES_ON_TO.search(seg, max(0, len(seg) - 30))
        if goes_on is not None:
            seg = seg[:goes_on.start()]
            stripped = seg.rstrip()
    # Every time phrase ends in one of _TIME_ENDS: most segments need no regex search at all.
    time = _TIME_BEFORE_CUE.search(seg, max(0, len(seg) - 40)) if stripped.endswith(_TIME_ENDS) else None
    return seg[:time.start()] if time is not None else seg


# How the phrases _without_final_phrases cuts end.
_PHRASE_ENDS = ("as", " to") + _TIME_ENDS


def _last_word(text: str) -> str:
    """The word that ends text: after its last space, no-break space or line break."""
    # (One rpartition, with no range to parse, costs a fifth of three rfind calls and their max.)
    word = text.rpartition(" ")[2]
    if "\u00a0" in word or "\n" in word:
        word = word[max(word.rfind("\u00a0"), word.rfind("\n")) + 1:]
    return word


def _ends_with_boundary(prefix: str) -> bool:
    """Whether the text before a subject ends a content clause: “…,” or …, or …—"""
    tail = prefix.rstrip()[-3:]
    if not tail:
        return False
    if tail[-1] in "”\"'’»,:—–":
        return True
    return tail.endswith("--")


# A word for a source and whom it is with: "a spokesman for Platte River", "two aides to the governor", and
# a capitalised plural with no determiner opening its clause (no word or comma and a space before it):
# "Analysts at Morgan Stanley said".
_SPOKESPERSON = re.compile(
    r"(?:\b(?:[Tt]he|[Aa]n?|[Oo]ne|[Tt]wo|[Ss]everal|[Ss]ome)\s+(?:[\w\-]+\s+){0,2}?|(?<![\w,] )(?<![\w,])\b(?=[A-Z][a-z]+s\s))"
    r"([A-Za-z][a-z]+)\s+(?:for|of|at|with|to|from|close\s+to)\s+(?:the\s+)?"
)


_GOVERNED_NAME = re.compile(
    r"\b(?:[Aa]n?|[Aa]nother|[Oo]ne|[Tt]he|[Tt]wo|[Ss]everal|[Ss]ome)\s+(?:[a-z][\w\-]*\s+){1,4}?"
    r"(?:speaking|talking|close|familiar|loyal|writing|quoted)\s+(?:to|with|by|in)\s+(?:the\s+)?"
)

# "Another source familiar with the senator’s thinking said": the speaker is the whole noun phrase.
_GOVERNED_NP = re.compile(
    r"\b(?:[Aa]n?|[Aa]nother|[Oo]ne|[Tt]he|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome)\s+(?:[a-z][\w\-]*\s+){0,3}?([a-z]+)\s+"
    r"(?:familiar\s+with|close\s+to|briefed\s+on|knowledgeable\s+about)\s+(?:[\w’'\-.]+\s+){0,5}[\w’'\-.]+$"
)
_GOVERNING = (" familiar with ", " close to ", " briefed on ", " knowledgeable about ")

_SPOKESPERSON_ENDS = ("for", "of", "at", "with", "to", "from", "the")
_SPOKESPERSON_LINKS = (" for ", " of ", " at ", " with ", " to ", " from ")
_GOVERNED_ENDS = ("to", "with", "by", "in", "the")


# A quoted run this short after a subject's words is a title or a scare quote ("MSNBC’s “Morning Joe”").
_TITLE_CHARS = 20


def _name_or_np(masked: str, offset: int, rest: str) -> Source | None:
    name = _name_run_ending(rest)
    if name is not None:
        b, e = name
        text = rest[b:e]
        head = text.split()[-1].strip(".").lower()
        if head in _NOT_NAMES and not _month_is_a_name(rest, b, text):
            return None
        while " " in text and text.split()[0].lower() in _NOT_NAMES and text.split()[0] != "The":
            # "As Ann Lee said": the conjunction opens the clause, it is not part of the name.
            cut = text.index(" ") + 1
            b, text = b + cut, text[cut:]
        if b >= 4 and rest[b - 4:b].lower() == "the ":
            b -= 4
        # Both patterns below end in a preposition or "the" right before the name: without one,
        # neither can end at b, and the searches are skipped.
        before = rest[:b].rstrip()
        # "a spokesman for Platte River": the speaker is the spokesman, not the company.
        spokes = _SPOKESPERSON.search(rest, max(0, b - 60), b) if before.endswith(_SPOKESPERSON_ENDS) else None
        if spokes is not None and spokes.end() == b and spokes.group(1).lower() in lexicon.anonymous_nouns():
            return Source(offset + spokes.start(), offset + e, rest[spokes.start():e], "np")
        # "Another source speaking to Fox News said": the name is an object, the speaker the noun phrase.
        governed = _GOVERNED_NAME.search(rest, max(0, b - 80), b) if before.endswith(_GOVERNED_ENDS) else None
        if governed is not None and governed.end() == b:
            return Source(offset + governed.start(), offset + e, rest[governed.start():e], "np")
        return Source(offset + b, offset + e, rest[b:e], "name")
    governed = governed_np(rest)
    if governed is not None:
        return Source(offset + governed[0], offset + governed[1], rest[governed[0]:governed[1]], "np")
    # Most texts end in a whole word, which is then the head: when it cannot be one, the words need not be read.
    last = rest.rpartition(" ")[2]
    if len(last) <= 90 and _NP_TOKEN.fullmatch(last) and _cannot_head(last.lower().strip(".")):
        return None
    # Only the last words matter. (Split into [gap, word, gap, …, word, gap] strings: cheaper than a
    # match object per word, and the gaps between words come with them.)
    window = max(0, len(rest) - 90)
    parts = _NP_TOKEN_SPLIT.split(rest[window:])
    words = parts[1::2]
    if not words:
        return None
    last_end = len(rest) - len(parts[-1])
    if rest.count(MASK, last_end) > _TITLE_CHARS:
        return None  # 'Lee "was let off lightly," said…': a quotation, not a subject, ends the text
    head = words[-1].lower().strip(".")
    if _cannot_head(head):
        return None
    start_index = None
    for i in range(len(words) - 1, max(-1, len(words) - 8), -1):
        word = words[i]
        low = word.lower()
        between = parts[2 * i + 2] if i + 1 < len(words) else ""
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
        if head in lexicon.anonymous_nouns() or head in lexicon.organisation_words() or words[-1][0].isupper():
            if len(words) >= 2 and words[-2] in _GOVERNING_WORDS and parts[-3] == " ":
                return None  # "his memo to employees explaining the deal": an object, no subject
            start_index = len(words) - 1
            # "New Jersey officials": the capitalised words before it, up to three, name where they are from.
            while (start_index > 0 and len(words) - start_index <= 3 and words[start_index - 1][0].isupper()
                   and words[start_index - 1].lower() not in _NOT_NAMES and parts[2 * start_index] == " "):
                start_index -= 1
        else:
            return None
    b, e = window + len("".join(parts[:2 * start_index + 1])), last_end
    return Source(offset + b, offset + e, rest[b:e], "np")


# Words before a noun that make it an object, not a subject ("a memo to employees"). (Not "of":
# "percent of voters said" and "many of the protesters said" are subjects.)
_GOVERNING_WORDS = frozenset({"to", "for", "with", "about", "against", "toward", "towards", "among", "between"})


def _cannot_head(word: str) -> bool:
    """A word that ends no subject noun phrase: "that", "the", "being", "reported"."""
    return word in _NOT_HEAD or word.endswith(("ing", "ed")) and word not in ("red",)


# Months (and their abbreviations) that are also names: "Theresa May said", "“…,” Jun wrote".
_MONTH_NAMES = frozenset("jan january mar april may jun june jul july aug august".split())


def _month_is_a_name(rest: str, b: int, text: str) -> bool:
    """A month right before a cue is a name when it has a first name or opens the clause (not "in May said")."""
    if text.split()[-1].lower() not in _MONTH_NAMES:  # "Jun." is the abbreviation
        return False
    before = rest[:b]
    return len(text.split()) > 1 or not before.strip() or _ends_with_boundary(before)


def governed_np(rest: str) -> tuple[int, int] | None:
    """(start, end) of "a source close to him" ending rest, when its head is a word for a source."""
    tail = rest[-100:]
    # (A loop, not any() over a generator: asked of most subjects, and the generator costs four times as much.)
    for phrase in _GOVERNING:
        if phrase in tail:
            break
    else:
        return None
    match = _GOVERNED_NP.search(rest, max(0, len(rest) - 100))
    if match is None or match.group(1) not in lexicon.anonymous_nouns():
        return None
    return match.start(), match.end()


def _name_run_ending(rest: str) -> tuple[int, int] | None:
    # A name run ends in a capitalised token, so a last word without a capital ends none
    # ("said", but also "2016" or a masked quotation: no letter that lower() would change).
    last_word = _last_word(rest)
    if last_word == last_word.lower():
        return None
    tail_start = max(0, len(rest) - 120)
    found = None
    for match in name_runs(rest, tail_start):
        if match.end() == len(rest) or (match.end() == len(rest) - 1 and rest.endswith(".")):
            found = (match.start(), match.end())
    return found


# "DECATUR, Ill. —", "WASHINGTON, Dec. 8 (UPI) —": what follows a dateline's first comma.
_DATELINE_DASH = re.compile(r"\s*(?:[A-Z0-9][\w.]*\s*){0,3}(?:\((?:AP|AFP|Reuters|CNN|Xinhua|UPI)\)\s*)?[—–-]+\s")


def _last_commas(text: str, count: int) -> list[int]:
    """Where the last count commas of text are, in text order."""
    found: list[int] = []
    comma = text.rfind(",")
    while comma >= 0 and len(found) < count:
        found.append(comma)
        comma = text.rfind(",", 0, comma)
    return found[::-1]


def _without_party_tag(text: str) -> str:
    """text without a closing party tag ("Ann Lee (R-Ohio)" → "Ann Lee"), and the spaces that end it."""
    text = text.rstrip()
    # The tag closes the text: one that does not end in ")" has none, and need not be searched.
    return _PARTY_TAG.sub("", text).rstrip() if text.endswith(")") else text


def _apposition_source(masked: str, offset: int, rest: str) -> Source | None:
    """"Flynn, a top Trump surrogate, said": the head is the name before the apposition."""
    body = rest[:-1]
    commas = _last_commas(body, 4)
    # "Ann Lee, 31, a photographer who works with Acme, said": the name that opens the clause.
    for comma in commas[:-1]:
        head = body[:comma].rstrip()
        name = _name_run_ending(_without_party_tag(head))
        # (The apposition may hold a quoted title: "Ann Lee, the author of “Going Viral,” said".)
        if name is None or len(body[comma:].split()) > 40:
            continue
        before = head[:name[0]]
        if before.strip() and not _is_opener(before) and not _ends_with_boundary(before):
            continue
        if head[name[0]:name[1]].split()[0].lower() in _PREPOSITIONS:
            continue  # "In Ohio, Gov. Ann Lee, said": an opener, not the subject
        if _DATELINE_DASH.match(body, comma + 1):
            continue  # "DECATUR, Ill. — Sen. Ann Lee …, calling": a dateline
        if head[name[0]:name[1]].split()[-1].lower() not in _NOT_NAMES:
            return Source(offset + name[0], offset + name[1], head[name[0]:name[1]], "name")
    comma = body.rfind(",")
    if comma < 0:
        return None
    if _opens_sentence(masked, offset):
        opener = _sentence_opener().match(body)
        first_comma = body.find(",")
        # (Not "Playing Field Promotions, a talent agency, said": a name that reads as an opener.)
        if opener.end() > comma and not _names_a_subject(body[:first_comma]):
            # "Here in Columbia, Ito stepped up his attacks, saying": the place ends an opener, not a subject.
            subject = _sentence_subject(masked, offset, offset + len(body))
            if subject is not None:
                return subject
    apposition = body[comma + 1:].strip()
    if not apposition or MASK in apposition or len(apposition.split()) > 25 or _DATELINE_DASH.match(body, comma + 1):
        return None
    head = _without_party_tag(body[:comma])
    name = _name_run_ending(head)
    if name is not None and head[name[0]:name[1]].split()[0].lower() in _PREPOSITIONS:
        name = None  # "In Ohio, Gov. Ann Lee (R-OH), said": the opener names a place
    if name is None:
        # "The senator, Rosa Diaz, believes": the apposition is the name ("Gov. Ann Lee (R-OH)," too).
        apposition = _without_party_tag(apposition)
        inner = NAME_RUN.fullmatch(apposition)
        if inner is None:
            return _described_source(masked, offset, body[:comma], apposition)
        b = body.index(apposition, comma)
        return Source(offset + b, offset + b + len(apposition), apposition, "name")
    b, e = name
    if head[b:e].split()[-1].lower() in _NOT_NAMES:
        return None
    # (title_words, not the one-word titles: "Secretary of State, John Foster Dulles," ends in "state".)
    if head[b:e].split()[-1].lower() in lexicon.title_words() and not _holds_a_person(head[b:e]):
        # "The Transport Secretary, Louise Haigh, said": a capitalised office, and the name beside it speaks.
        # (Not "Representative Peter T. King, Republican of New York,": a name that ends like a title.)
        inner = NAME_RUN.fullmatch(_without_party_tag(apposition))
        if inner is not None and inner.group().split()[0].lower() not in _NOT_NAMES:
            a = body.index(inner.group(), comma)
            return Source(offset + a, offset + a + len(inner.group()), inner.group(), "name")
    return Source(offset + b, offset + e, head[b:e], "name")


# "reached by phone", "speaking on condition of anonymity": an aside that opens with a participle;
# "who declined to give her name": one about a person.
_DESCRIBING_ASIDE = re.compile(r"(?:[a-z]{3,}(?:ing|ed)|(?P<who>who))\b")


def _described_source(masked: str, offset: int, head: str, aside: str) -> Source | None:
    """"A spokesman, reached by phone, said", "one librarian, who declined to give her name, told":
    an aside describes the unnamed source before it, who speaks. After a participle the source must
    be a word for a person ("the plan, described in a memo," is not); "who" says it is one."""
    described = _DESCRIBING_ASIDE.match(aside)
    if described is None:
        return None
    source = _name_or_np(masked, offset, head)
    if source is None or source.kind != "np":
        return None
    # The source is the sentence's subject: "Cruz weighed in on Trump's campaign manager, who …, calling"
    # describes an object, and the participle is Cruz's.
    before = masked[offset:source.start]
    if not (_opens_sentence(masked, source.start) or _ends_with_boundary(before) or
            _is_opener(before) and _opens_sentence(masked, offset)):
        return None
    if described.group("who") is None and source.text.split()[-1].lower() not in lexicon.anonymous_nouns():
        return None
    return source


def _holds_a_person(run: str) -> bool:
    """Whether a capitalised run holds a first name or an initial, so names someone."""
    return any(first_name_or_initial(word) for word in run.split())


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


# "One official who relayed the exchange said", "One attendee, who spoke on condition of anonymity, said":
# a subject, then a relative clause about it, then the cue.
_RELATIVE_SUBJECT = re.compile(
    r"((?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Tw]wo|[Tt]hree|[Ss]everal|[Ss]ome)\s+(?:[\w’'\-]+\s+){0,3}?([a-z]+)"
    r"|(?:[A-Z][\w.’'\-]*\s){0,3}[A-Z][\w’'\-]+)"
    r"(?:\s+who\s+[a-z]+\b[^,;:\x1a“”\"—]{0,80}|,\s+who\s+[a-z][^;:\x1a“”\"—]{0,120},)\s*$"
)


def relative_subject(masked: str, s: int, before: int) -> Source | None:
    """The subject a relative clause ending at before describes, if that subject opens the sentence."""
    pos = s
    opener = _sentence_opener().match(masked, s, before)
    if opener:
        pos = opener.end()
    match = _RELATIVE_SUBJECT.match(masked, pos, before)
    if match is None:
        return None
    if match.group(2) is not None:
        if match.group(2) not in lexicon.anonymous_nouns():
            return None
        return Source(match.start(1), match.end(1), match.group(1), "np")
    name = match.group(1)
    if name.split()[0].lower() in _NOT_NAMES:
        return None
    return Source(match.start(1), match.end(1), name, "name")


def relative_antecedent(masked: str, source: Source) -> Source | None:
    """"Ms. Warren, who has assailed": the name a who/which stands for."""
    match = _RELATIVE_ANTECEDENT.search(masked, max(0, source.start - 80), source.start)
    if match:
        return Source(match.start(1), match.start(1) + len(match.group(1).rstrip()), match.group(1).rstrip(), "name")
    # "some commentators who have suggested", "a campaign surrogate who said": the noun phrase right before.
    lo = max(0, source.start - 90)
    rest = masked[lo:source.start]
    if not rest.endswith(" ") or not rest.rstrip()[-1:].isalpha():
        return None
    return _name_or_np(masked, lo, rest.rstrip())


# "The town released a statement saying C": the one who put the text out, before the verb.
_ISSUED = re.compile(
    r"\b(?:issued|released|sent(?:\s+out)?|put\s+out|posted|published|emailed|distributed|circulated)\s+$"
)
_ISSUED_TAIL = ("issued", "released", "sent", "out", "posted", "published", "emailed", "distributed", "circulated")


def carrier_author(masked: str, source: Source) -> Source | None:
    """The subject that issued "a statement" when a quotation's source is the statement itself."""
    words = source.text.split()
    if source.kind != "np" or len(words) < 2 or words[0].lower() not in ("a", "an"):
        return None
    if words[-1].lower() not in lexicon.words("text_carriers.txt"):
        return None
    before = masked[max(0, source.start - 30):source.start]
    if not before.rstrip().endswith(_ISSUED_TAIL):
        return None
    verb = _ISSUED.search(before)
    if verb is None:
        return None
    verb_start = source.start - len(before) + verb.start()
    lo = max(masked.rfind(". ", 0, verb_start) + 2, masked.rfind("\n", 0, verb_start) + 1, verb_start - 200)
    return _source_before(masked, lo, verb_start)


def people_of(masked: str, source: Source) -> Source:
    """"Several supporters of the levy said": the people are the source, not the thing they are for."""
    if source.kind != "np" or not masked[max(0, source.start - 6):source.start].endswith(_SPOKESPERSON_LINKS):
        return source
    return spokesperson_of(masked, source)


# "A spokesman for", "several supporters of", ending where the noun they speak for begins.
_SPOKESPERSON_BEFORE = re.compile(
    r"(?:^|(?<=\s))((?:[Tt]he|[Aa]n?|[Oo]ne|[Tt]wo|[Ss]everal|[Ss]ome)\s+(?:[\w\-]+\s+){0,2}?([a-z]+)\s+"
    r"(?:for|of|at|with|to|from|close\s+to)\s+)$"
)


def spokesperson_of(masked: str, source: Source, lo: int = 0) -> Source:
    """"A spokesman for the city declined": the spokesman is the source, not the city."""
    before = _SPOKESPERSON_BEFORE.search(masked, max(lo, source.start - 60), source.start)
    if before is None or before.group(2).lower() not in lexicon.anonymous_nouns():
        return source
    return Source(before.start(1), source.end, masked[before.start(1):source.end], "np")
