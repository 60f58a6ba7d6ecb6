"""Who speaks after the cue: "said Soe Min, a USDP member", "said former adviser David Axelrod",
"said a former official who oversaw the inquiry", "tweeted another"."""

from __future__ import annotations

import re

from quotebook.extract import lexicon
from quotebook.extract.mentions import NAME_RUN, _NOT_NAMES
from quotebook.extract.records import Source
from quotebook.extract.sources import _name_run_ending


# An auxiliary or modal verb is no word of a noun phrase: "said the company would appeal" reports
# a clause whose subject is "the company", it names no speaker.
_NOT_AUX = rf"(?!(?:{lexicon.AUXILIARY_VERBS})\b)"

# The head ends before a comma, a full stop (not the inner one of "U.S."), or a preposition or "who".
_INVERTED_NP = re.compile(r"(?:the|a|an|one|two|three|several|some)\s+(?:" + _NOT_AUX + r"[\w’'\-\.]+\s+){0,5}?" + _NOT_AUX
                          + r"[\w’'\-]+(?=\s*(?:[,;:]|\.(?!\w)|$|\s+(?:in|on|at|who|during|after|from|with|going|familiar)\b))")

# "said one owner of a shop that sells shoes who declined to be named": too long to reach its end,
# the head ends before "of".
_INVERTED_NP_BEFORE_OF = re.compile(r"(?:the|a|an|one|two|three|several|some)\s+(?:" + _NOT_AUX + r"[\w’'\-]+\s+){0,3}?"
                                    + _NOT_AUX + r"[\w’'\-]+(?=\s+of\s)")

_INVERTED_PRONOUN = re.compile(r"(he|she|they)\b")


# (A title's abbreviation is no end of it: "former Ohio Gov. Tom Reyes".)
_TITLED_NAME = re.compile(r"((?:[\w.’'\-]+\s+){1,10}?[A-Z][\w’'\-]+)(?<!\bGov)(?<!\bSen)(?<!\bRep)(?<!\bGen)(?<!\bLt)(?<!\bDr)"
                          r"(?=\s*(?:[,.;:(]|$|\s+(?:during|in|at|on|after|before|while|when|who)\b))")


# "said retired neurosurgeon Ben Carson": a few lower-case descriptors, then a full name.
_DESCRIBED = re.compile(r"(?:(?!(?:the|a|an|in|on|at|to|of|for|with|by|from|that|this|his|her|their|its)\s)[a-z][a-z\-]+\s+){1,3}"
                        r"(?:[A-Z][\w.’'\-]*\s+){1,4}[A-Z][\w’'\-]+$")


# After a capitalised word: role words in lower case, then a full name.
# (Not "of the" and the like: "said Tom Brandt of the Consumer Federation" names Brandt, then where he works.)
_DESCRIBES_NAME = re.compile(r"(?:\s+(?!(?:of|the|at|for|from|with|in|on|and|to|by|an?)\b)[a-z][a-z\-]+){1,3}"
                             r"\s+[A-Z][\w.’'\-]*\s+[A-Z][\w’'\-]+"
                             r"(?=\s*(?:[,.;:(]|$|\s+(?:during|in|at|on|after|before|while|when|who)\b))")


# "said undecided Republican voter Ann Lee of Derry", "said 9/11 widow Ann Lee": a few
# descriptive words (no article, preposition or pronoun first), then a full name.
_NOT_DESCRIPTIVE = r"(?:the|a|an|in|on|at|to|for|with|by|from|that|this|his|her|their|its|and|but|or|he|she|they|it|as|when|after|before|during|while|was|is)"
_DESCRIBED_LOOSELY = re.compile(
    rf"(?!{_NOT_DESCRIPTIVE}\s)(?:(?!{_NOT_DESCRIPTIVE}\s)[A-Za-z0-9][\w\-/]*\s+){{1,4}}?((?:[A-Z][\w.’'\-]*\s+){{1,3}}[A-Z][\w’'\-]+)"
    r"(?=\s*(?:[,.;:(]|$|\s+(?:of|during|in|at|on|after|before|while|when|who)\b))"
)


# "added his campaign manager Jeff Weaver", "said her longtime adviser, Ann Lee": whose role it
# is does not matter, the name that follows it speaks.
_POSSESSED_ROLE = re.compile(
    r"(?:his|her|their|its|our)\s+(?:[a-z][\w\-]*\s+){0,3}[a-z][\w\-]*,?\s+"
    r"((?:[A-Z][\w.’'\-]*\s+){1,3}[A-Z][\w’'\-]+)(?=\s*(?:[,.;:(]|$|\s+(?:of|during|in|at|on|after|before|while|when|who)\b))"
)


def source_after(masked: str, pos: int, end: int) -> Source | None:
    """An inverted subject: "said Soe Min, a USDP member", "said the minister"."""
    while pos < end and masked[pos].isspace():
        pos += 1
    match = NAME_RUN.match(masked, pos, end)
    if match and _DESCRIBES_NAME.match(masked, match.end(), end):
        match = None  # "said Democratic strategist David Axelrod": an adjective, then the role and the name
    if match:
        text = match.group()
        if text.split()[0].lower().strip(".") not in _NOT_NAMES or text.split()[0] in ("Mr.", "Mrs.", "Ms.", "Dr."):
            return Source(match.start(), match.end(), text, "name")
    # "said former Obama adviser David Axelrod": role words, then the name.
    titled = _TITLED_NAME.match(masked, pos, end)
    if titled and (titled.group(1).split()[0].lower() in lexicon.title_words() or _DESCRIBED.match(titled.group(1))
                   or match is None and NAME_RUN.match(masked, pos, end)):
        name = _name_run_ending(titled.group(1))
        if name is not None:
            b, e = name
            return Source(pos + b, pos + e, titled.group(1)[b:e], "name")
    described = _DESCRIBED_LOOSELY.match(masked, pos, end)
    if described and described.group(1).split()[0].lower() not in _NOT_NAMES:
        return Source(described.start(1), described.end(1), described.group(1), "name")
    possessed = _POSSESSED_ROLE.match(masked, pos, end)
    if possessed and possessed.group(1).split()[0].lower() not in _NOT_NAMES:
        return Source(possessed.start(1), possessed.end(1), possessed.group(1), "name")
    np = _INVERTED_NP.match(masked[pos:end]) or _INVERTED_NP_BEFORE_OF.match(masked[pos:end])
    if np:
        return Source(pos, pos + np.end(), np.group(), "np")
    word = _INVERTED_PRONOUN.match(masked[pos:end])
    if word:
        return Source(pos, pos + len(word.group()), word.group(), "pronoun")
    one = _INVERTED_ONE.match(masked, pos, end)
    if one:  # "“…,” tweeted another.", "“…” read one."
        return Source(pos, one.end(1), one.group(1), "np")
    return None


_INVERTED_ONE = re.compile(r"(one|another)(?=\s*[.,;]|\s*$)")
