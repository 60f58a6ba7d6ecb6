"""People, organisations and unnamed sources: finding them and telling who is who.

A mention is a stretch of text that names a speaker ("U.S. Secretary of State
Michael Pompeo", "Makei", "he", "the minister", "a source"). The article's
entities are built from its proper-name mentions, so that a surname, a
pronoun or a role can be resolved to the fullest name the article uses.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from quotebook.extract import lexicon

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_LETTER = "A-Za-zÀ-ÖØ-öø-ÿĀ-ž"
# One capitalised token: "Pompeo", "O'Rourke", "Mark-Viverito", "McConnell",
# "U.S.", "J.", "Sen.", but not a possessive ("Clinton's" gives "Clinton").
_ABBREVIATIONS = ("Sen Rep Gov Gen Lt Col Mr Mrs Ms Dr St Jr Sr Sgt Capt Adm Maj Rev Prof Hon Pres Cmdr Atty Supt "
                  "Cpl Pvt Fr Msgr Messrs").split()
assert all(a[1:].isalpha() and a[1:].islower() and len(a) <= 6 for a in _ABBREVIATIONS), \
    "_AFTER_CAPITAL tries the abbreviations only before one to five small letters and a dot"
# A token once its capital is read (the abbreviations look back at it): _TOKEN's three
# branches in its order. (Letters and hyphens as one class repeated, an apostrophe between:
# the engine's fast loop. The abbreviations' lookbehinds are tried only before a short word and a
# dot, which most tokens are not.) Every branch ends before no letter, so what follows a token
# never needs part of it back: the repeats are possessive (*+), which the engine runs without
# keeping the places to go back to. (An abbreviation before a letter, "Sen.Lee", could only fail
# later, at the end of the run; failing at once it leaves the same "Sen" to the third branch.)
_AFTER_CAPITAL = (
    rf"(?:\.(?:[{_UPPER}]\.)*(?![{_LETTER}])"
    r"|(?=[a-z]{1,5}\.)(?:" + "|".join(f"(?<={a[0]}){a[1:]}" for a in _ABBREVIATIONS) + rf")\.(?![{_LETTER}])"
    rf"|[{_LETTER}\-]*+(?:['’](?=[{_LETTER}]{{2}})[{_LETTER}\-]*+)*+(?![{_LETTER}]))"
)
_TOKEN = rf"[{_UPPER}]{_AFTER_CAPITAL}"
_CONNECTOR = r"(?:of|the|for|de|del|della|da|di|du|van|von|der|den|bin|ibn|al|el|la|le|y)"
# Between the words of a name: spaces, or one line break of hard-wrapped text, but
# never a blank line ("…, Meets Lukashenko\n\nU.S. Secretary of State Michael
# Pompeo" is a headline and a paragraph, not one long title).
# (Possessive: a space given back would only stand before the next word.)
_GAP = r"(?:[ \t\u00a0]++|[ \t\u00a0]*+\n[ \t\u00a0]*+)"
_MORE_TOKENS = (
    # (Possessive: the run after a whole token always ends well, so no token is ever given back.
    # A capital is read as a token at once: the connectors and prefixes, all in small letters, are
    # tried only before the letters they open with, not before every word.)
    rf"(?:{_GAP}(?:{_TOKEN}|(?=[oftdvbiaely])(?:{_CONNECTOR}\s+)?(?:al-|el-)?{_TOKEN}))*+"
    # ", Jr." / " Jr." / " III": one \s+ for the suffixes after a space, where ",?\s+(?:Jr|Sr)\.|\s+(?:II|III|IV)"
    # read the spaces twice at every run's end (the same matches: the suffixes open with no space).
    r"(?:,\s+(?:Jr|Sr)\.|\s+(?:Jr\.|Sr\.|II|III|IV))?"
    rf"(?![{_LETTER}])"
)
NAME_RUN = re.compile(
    # The lookahead lets the regex engine skip most positions at C speed.
    rf"(?=[{_UPPER}ae])(?<![{_LETTER}\d\-])(?:al-|el-)?{_TOKEN}{_MORE_TOKENS}"
)
# The same runs for a search: it opens with a character class, which the regex engine skips to
# at C speed, where NAME_RUN's lookarounds are tried at every position. The first character is
# read, then looked back at: the capital of the first token, or the "a"/"e" of "al-"/"el-".
NAME_SCAN = re.compile(
    rf"[{_UPPER}ae](?<![{_LETTER}\d\-].)(?:(?<=[ae])l-[{_UPPER}]|(?<=[{_UPPER}])){_AFTER_CAPITAL}{_MORE_TOKENS}"
)
# NAME_SCAN for a text with no word-initial "al-" or "el-" (found at C speed from its "l-"): no
# run starts with a small letter there, so the scan stops at capitals only, not at every a and e.
_CAPITAL_SCAN = re.compile(rf"[{_UPPER}](?<![{_LETTER}\d\-].){_AFTER_CAPITAL}{_MORE_TOKENS}")
_PREFIX_START = re.compile(rf"l-(?<=(?<![{_LETTER}\d\-])[ae]l-)")


def name_runs(text: str, pos: int = 0) -> Iterator[re.Match[str]]:
    """Same matches as NAME_RUN.finditer(text, pos), from the fastest scan that finds them all."""
    scan = NAME_SCAN if _PREFIX_START.search(text, pos) else _CAPITAL_SCAN
    return scan.finditer(text, pos)

PRONOUNS = {
    "he": "male", "him": "male", "his": "male", "she": "female", "her": "female",
    "they": "plural", "it": "neuter", "we": "plural", "i": "speaker", "you": "speaker",
    "who": "relative", "which": "relative",
}

# Capitalised words that start sentences or name times, never a speaker.
_NOT_NAMES = frozenset(
    """the a an but and or in on at as if when while after before this that these those he she it
    they we i his her their its our my your some many most for with from to by of not no so yet still
    also then now here there what who whom whose why how where which asked speaking despite although
    though since until because even just only meanwhile however instead last next first second third
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    today yesterday tomorrow tonight earlier later according during among against about over under
    into onto upon between both each every all any few several other another such like unlike thanks
    yes well oh okay ok one two three four five six seven eight nine ten
    there's it's that's he's she's i'm we're they're don't said added wrote replied recalled explained
    unless absent amid amidst whether whereas toward towards via within without throughout beyond besides
    regardless notwithstanding whenever wherever once along alongside behind around across through near
    outside inside beneath above below except per plus""".split()
)
_HONORIFIC_GENDER = {"mr.": "male", "mr": "male", "mrs.": "female", "mrs": "female", "ms.": "female",
                     "ms": "female", "miss": "female", "sir": "male", "dame": "female", "lady": "female",
                     "lord": "male", "king": "male", "queen": "female", "congressman": "male",
                     "congresswoman": "female", "spokesman": "male", "spokeswoman": "female",
                     "chairman": "male", "chairwoman": "female", "councilman": "male",
                     "councilwoman": "female", "assemblyman": "male", "assemblywoman": "female",
                     "prince": "male", "princess": "female"}
_PARTICLES = frozenset({"de", "del", "della", "da", "di", "du", "van", "von", "der", "den", "bin", "ibn", "la", "le"})
_SUFFIXES = frozenset({"jr.", "sr.", "jr", "sr", "ii", "iii", "iv"})


class Mention(NamedTuple):
    """A proper-name mention with its role split off."""

    start: int  # of the whole mention, role included
    end: int
    name: str  # "Michael Pompeo"
    name_start: int
    role: str | None  # "U.S. Secretary of State"
    kind: str  # person | organization
    gender: str | None = None


@dataclass
class Entity:
    """Everyone one surname stands for in an article: its fullest name, role and gender."""

    name: str
    kind: str
    role: str | None = None
    gender: str | None = None
    positions: list[int] = field(default_factory=list)


def _clean_token(token: str) -> str:
    return token.lower().strip(".,")


def _clean_tokens(phrase: str) -> list[str]:
    """_clean_token of each word of phrase.split(), in one call: the lower-casing keeps every space."""
    return [token.strip(".,") for token in phrase.lower().split()]


_INITIAL = re.compile(r"[A-Z]\.")


def first_name_or_initial(token: str) -> bool:
    """Whether a word of a name is a known first name or an initial ("T."): a person is named."""
    return _clean_token(token) in lexicon.first_names() or _INITIAL.fullmatch(token) is not None


@lru_cache(maxsize=4096)
def split_role(phrase: str) -> tuple[str | None, str]:
    """Split "U.S. Secretary of State Michael Pompeo" into (role, name).

    The name is the run of tokens at the end that are not title words; a known
    first name inside that run marks where the name starts.
    """
    tokens = phrase.split()
    lows = _clean_tokens(phrase)
    titles = lexicon.title_words()
    firsts = lexicon.first_names()
    cut = len(tokens)
    while cut > 0:
        word = tokens[cut - 1]
        low = lows[cut - 1]
        if low in _SUFFIXES and cut == len(tokens):
            cut -= 1
            continue
        particle = low.startswith(("al-", "el-")) or low in _PARTICLES and cut < len(tokens)
        if not particle and (low in titles or word.lower() in titles or not word[:1].isupper()):
            # "Steve King", "Peter T. King", "John Major": after a first name or an initial, a surname.
            if not (cut == len(tokens) and cut >= 2 and word[:1].isupper()
                    and first_name_or_initial(tokens[cut - 2])):
                break
        cut -= 1
    for i, low in enumerate(lows[cut:-1]):
        if low in firsts:
            cut += i
            break
    if cut >= len(tokens):
        return (phrase if phrase else None), ""
    role = " ".join(tokens[:cut]).strip(" ,") or None
    return role, " ".join(tokens[cut:])


def _gender(name: str, role: str | None) -> str | None:
    if role:
        for word in role.lower().split():
            if word in _HONORIFIC_GENDER:
                return _HONORIFIC_GENDER[word]
    first = _clean_token(name.split()[0]) if name else ""
    if first in lexicon.female_names():
        return "female"
    if first in lexicon.male_names():
        return "male"
    return None


def _is_organisation(phrase: str, lows: list[str]) -> bool:
    """lows: _clean_tokens(phrase)."""
    orgs = lexicon.organisation_words()
    return not orgs.isdisjoint(lows) or phrase.isupper() and len(phrase) <= 6


_NON_SPACE = re.compile(r"\S+")
_KEEPS_DOT = re.compile(r"(?:\b[A-Z]|Jr|Sr|Inc|Co|Corp)\.$")


def _trim_run(run: str) -> tuple[int, int]:
    """Drop sentence-initial function words and trailing connectors from a name run."""
    tokens = run.split()
    if len(tokens) == 1 and len(tokens[0]) == len(run):
        # One word, most runs ("The", "Trump"): the two loops below, for a single word.
        kept = _clean_token(run) not in _NOT_NAMES and (run[:1].isupper() or run.startswith(("al-", "el-")))
        return (0, len(run)) if kept else (0, 0)
    if tokens and _keeps_both_ends(tokens):
        # Most runs of several words lose none (the loops below would pop nothing): their ends, read
        # from the split already made instead of a match object per word. (split() and \S+ cut at the same spaces.)
        return len(run) - len(run.lstrip()), len(run.rstrip())
    words = list(_NON_SPACE.finditer(run))
    while words and _clean_token(words[0].group()) in _NOT_NAMES:
        words.pop(0)
    while words and (not (words[-1].group()[:1].isupper() or words[-1].group().startswith(("al-", "el-")))
                     or _clean_token(words[-1].group()) in _NOT_NAMES and not _month_surname(words)):
        words.pop()
    if not words:
        return 0, 0
    return words[0].start(), words[-1].end()


def _keeps_both_ends(tokens: list[str]) -> bool:
    """Whether _trim_run's loops keep the first and the last of tokens (not when either is a word they test further)."""
    last = tokens[-1]
    return (_clean_token(tokens[0]) not in _NOT_NAMES and (last[:1].isupper() or last.startswith(("al-", "el-")))
            and _clean_token(last) not in _NOT_NAMES)


# Months that are also surnames ("Theresa May", "Ai Jun"), kept after a first name.
_MONTH_SURNAMES = frozenset("may june april august jan jun".split())


def _month_surname(words: list[re.Match[str]]) -> bool:
    last = words[-1].group()
    return (len(words) >= 2 and last.lower() in _MONTH_SURNAMES and words[-2].group()[:1].isupper()
            and _clean_token(words[-2].group()) not in _NOT_NAMES and not words[-2].group().endswith(","))


@lru_cache(maxsize=8192)
def _analyse(run: str) -> tuple[int, int, str, int, str | None, str, str | None] | None:
    """(start, end, name, name_start, role, kind, gender) of a name run, offsets relative to it."""
    tokens = run.split()
    if len(tokens) == 1 and len(tokens[0]) == len(run):
        return _analyse_word(run)
    return _analyse_run(run)


def _analyse_run(run: str) -> tuple[int, int, str, int, str | None, str, str | None] | None:
    """_analyse of any run. (A test holds _analyse_word to the same answers on one-word runs.)"""
    start, end = _trim_run(run)
    if end <= start:
        return None
    phrase = run[start:end]
    # "Jr." and a trailing dot of an abbreviation stay; a sentence's full stop goes.
    if phrase.endswith(".") and not _KEEPS_DOT.search(phrase):
        phrase, end = phrase[:-1], end - 1
    if " of " in phrase:
        # "Scott Hawkins of Cheyenne": a home town, not part of the name.
        left = phrase.rsplit(" of ", 1)[0]
        last = _clean_token(left.split()[-1]) if left.split() else ""
        if last and last not in lexicon.title_words():
            phrase, end = left, start + len(left)
    role, name = split_role(phrase)
    if not name:
        return None
    name_start = start + phrase.rfind(name)
    lows = _clean_tokens(phrase)  # read once: for the organisation test, and the title test of a name with no role
    if _is_organisation(phrase, lows) and not (role and _gender(name, role)):
        if run[:start].endswith("The "):  # "The New York Times" keeps its article
            start -= 4
            phrase = run[start:end]
        return start, end, phrase, start, None, "organization", None
    titles = lexicon.title_words()
    if titles.issuperset(lows if name == phrase else _clean_tokens(name)):
        return None
    if name in _state_names() and not role:
        return None  # "South Carolina" is a place
    person = _without_state(name)
    if person != name:
        name_start, name = start + phrase.rfind(person), person
    return start, end, name, name_start, role, "person", _gender(name, role)


def _analyse_word(run: str) -> tuple[int, int, str, int, str | None, str, str | None] | None:
    """_analyse of a one-word run ("Trump", "Reuters", "The"), most runs: the same steps for a single
    word, without the calls for trimming, the role split, a home town or a state."""
    low = _clean_token(run)
    if low in _NOT_NAMES or not (run[:1].isupper() or run.startswith(("al-", "el-"))):
        return None
    phrase = run[:-1] if run.endswith(".") and not _KEEPS_DOT.search(run) else run
    titles = lexicon.title_words()
    # split_role: the word is the name unless it is a title or not capitalised (then no name).
    if low not in _SUFFIXES and not low.startswith(("al-", "el-")) and (
            low in titles or phrase.lower() in titles or not phrase[:1].isupper()):
        return None
    end = len(phrase)
    if low in lexicon.organisation_words() or phrase.isupper() and end <= 6:
        return 0, end, phrase, 0, None, "organization", None
    if low in titles or phrase in _state_names():
        return None
    gender = "female" if low in lexicon.female_names() else "male" if low in lexicon.male_names() else None
    return 0, end, phrase, 0, None, "person", gender


@lru_cache(maxsize=4096)
def _without_state(name: str) -> str:
    """"the Ted Cruz South Carolina victory party", "a New Hampshire Sanders veteran": a state run
    into a name is no part of it. (A one-word state stays at the front: Virginia Foxx, Georgia Lee.)"""
    words = tuple(name.split())
    if len(words) < 2:
        return name
    edges = _state_edges()
    if words[-1] not in edges and words[0] not in edges:
        return name  # a state is read at either end of the name only: most names hold none there
    for state in _state_words():
        size = len(state)
        if size < len(words) and words[-size:] == state and len(words) - size >= 2:
            return " ".join(words[:-size])
        if 1 < size == len(words) - 1 and words[:size] == state and _may_be_surname(words[-1]):
            return words[-1]
    return name


def _may_be_surname(word: str) -> bool:
    """"Sanders" after "New Hampshire" is a name; "City", "Gov." and "Democrat" are not."""
    token, titles = _clean_token(word), lexicon.title_words()
    return token not in titles and word.lower() not in titles and token not in _NOT_SURNAMES


_NOT_SURNAMES = frozenset("city democrat democrats republican republicans independent voter voters state".split())


@lru_cache(maxsize=1)
def _states() -> tuple[str, ...]:
    return tuple(s for s in lexicon.phrases_cased("us_states.txt") if not s.endswith("."))


@lru_cache(maxsize=1)
def _state_names() -> frozenset[str]:
    return frozenset(_states())


@lru_cache(maxsize=1)
def _state_words() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(state.split()) for state in _states())


@lru_cache(maxsize=1)
def _state_edges() -> frozenset[str]:
    """The first and last words of the states: a state at the end of a name ends in one, at its start opens with one."""
    return frozenset(word for state in _state_words() for word in (state[0], state[-1]))


def mention_from_span(text: str, start: int, end: int) -> Mention | None:
    """Read one proper-name mention out of text[start:end], or None."""
    found = _analyse(text[start:end])
    if found is None:
        return None
    b, e, name, name_start, role, kind, gender = found
    return tuple.__new__(Mention, (start + b, start + e, name, start + name_start, role, kind, gender))  # as in find_mentions


def find_mentions(text: str) -> list[Mention]:
    """Every proper-name mention of a person or organisation in the text, in order."""
    mentions = []
    for match in name_runs(text):
        found = _analyse(match.group())  # mention_from_span, inlined: this loop runs for every capitalised word
        if found is not None:
            start = match.start()
            b, e, name, name_start, role, kind, gender = found
            # (tuple.__new__ builds the Mention without the Python-level __new__ of a NamedTuple.)
            mentions.append(tuple.__new__(Mention, (start + b, start + e, name, start + name_start, role, kind, gender)))
    return mentions


@lru_cache(maxsize=8192)
def _name_tokens(name: str) -> list[str]:
    """A name's words without "Jr.", "III" and the like."""
    return [t for t, low in zip(name.split(), _clean_tokens(name)) if low not in _SUFFIXES]


@lru_cache(maxsize=8192)
def _first_name(name: str) -> str | None:
    """The first name of a full name ("hillary" in "Hillary Rodham Clinton"), or None."""
    tokens = _name_tokens(name)
    if len(tokens) < 2:
        return None
    first = _clean_token(tokens[0])
    if first not in lexicon.female_names() and first not in lexicon.male_names():
        return None  # "Wasserman Schultz", "Interestingly Blocher": no first name
    return first


@lru_cache(maxsize=8192)
def _surname(name: str) -> str:
    tokens = _name_tokens(name)
    return _clean_token(tokens[-1]) if tokens else ""


# Titles written short before a name, and the word that stands for them later ("the senator").
ABBREVIATED_TITLES = {"sen.": "senator", "rep.": "representative", "gov.": "governor", "gen.": "general",
                       "lt.": "lieutenant", "col.": "colonel", "capt.": "captain", "sgt.": "sergeant",
                       "adm.": "admiral", "maj.": "major", "cmdr.": "commander", "dr.": "doctor",
                       "prof.": "professor", "rev.": "reverend", "atty.": "attorney", "supt.": "superintendent"}


def _holds_role(role: str, role_word: str) -> bool:
    """Whether a role ("Sen.", "U.S. Secretary of State") holds a role word ("senator", "secretary")."""
    low = role.lower()
    return role_word in low or any(ABBREVIATED_TITLES.get(word) == role_word for word in low.split())


class Entities:
    """The people and organisations of one article, for resolving mentions."""

    def __init__(self, mentions: list[Mention], headline_end: int = 0):
        """headline_end: where a title-case headline ends. Its capitalised words run into names
        ("Conservative Icon Morton Blackwell Endorses …"), so the body's forms of a name come first."""
        self.mentions = mentions
        self.starts = [m.name_start for m in mentions]
        self.by_surname: dict[str, Entity] = {}
        self.by_name: dict[str, Entity] = {}
        first = bisect.bisect_left(self.starts, headline_end)
        ordered = mentions[first:] + mentions[:first]
        by_surname = self.by_surname
        # (Run once per mention: the fields are unpacked, and a name is compared word by word only
        # when it differs from the entity's.)
        for _, _, name, name_start, role, kind, gender in ordered:
            key = name.lower() if kind == "organization" else _surname(name)
            entity = by_surname.get(key)
            if entity is None:
                entity = by_surname[key] = Entity(name, kind, role, gender)
            elif name != entity.name and name_start >= headline_end and len(name.split()) > len(entity.name.split()):
                entity.name = name
            if not entity.role:
                entity.role = role
            if not entity.gender:
                entity.gender = gender
            entity.positions.append(name_start)
        for entity in self.by_surname.values():
            entity.positions.sort()
        # A first name or a bare surname resolves to the single fuller name that contains it.
        for entity in self.by_surname.values():
            self.by_name[entity.name.lower()] = entity
        self.relatives = self._relatives(ordered, headline_end)
        # entity_for's answers: recent_person asks again for every mention it walks past.
        self._entity_of: dict[str, Entity | None] = {}

    def _relatives(self, mentions: list[Mention], headline_end: int) -> dict[str, list[tuple[int, Entity]]]:
        """People who share a surname ("Bill Clinton" and "Hillary Clinton"): one entity each, and
        by surname the (position, entity) of every mention that names them in full, in text order."""
        named: dict[str, set[str]] = {}  # first names by surname: most articles share none
        for name in {m.name for m in mentions if m.kind == "person"}:  # each name once, not each mention
            first = _first_name(name)
            if first is not None:
                named.setdefault(_surname(name), set()).add(first)
        shared = {surname for surname, names in named.items() if len(names) > 1}
        if not shared:
            return {}
        firsts: dict[str, dict[str, Entity]] = {}
        for m in mentions:
            first = _first_name(m.name) if m.kind == "person" else None
            if first is None or _surname(m.name) not in shared:
                continue
            by_first = firsts.setdefault(_surname(m.name), {})
            entity = by_first.get(first)
            if entity is None:
                by_first[first] = Entity(m.name, m.kind, m.role, m.gender, [m.name_start])
            else:
                if len(m.name.split()) > len(entity.name.split()) and m.name_start >= headline_end:
                    entity.name = m.name
                entity.gender = entity.gender or m.gender
                entity.positions.append(m.name_start)
        relatives: dict[str, list[tuple[int, Entity]]] = {}
        for surname, by_first in firsts.items():
            for entity in by_first.values():
                self.by_name[entity.name.lower()] = entity
            relatives[surname] = sorted((pos, e) for e in by_first.values() for pos in e.positions)
            # A bare surname stands for the one named most: until a position says otherwise.
            self.by_surname[surname] = max(by_first.values(), key=lambda e: len(e.positions))
        return relatives

    def entity_for(self, name: str, position: int | None = None, gender: str | None = None) -> Entity | None:
        """The entity a name stands for. A bare surname that two people share ("Clinton") is the one
        named in full most recently before position, or the one named most."""
        if position is not None and self.relatives:
            surname = _surname(name)
            if surname in self.relatives and name.lower() not in self.by_name:
                return self._relative_at(surname, position, gender)
        if name not in self._entity_of:
            self._entity_of[name] = self._find_entity(name)
        return self._entity_of[name]

    def _relative_at(self, surname: str, position: int, gender: str | None) -> Entity | None:
        named = self.relatives[surname]
        if gender is not None:
            fitting = {id(e): e for _, e in named if e.gender == gender}
            if len(fitting) == 1:
                return next(iter(fitting.values()))  # "Mrs. Clinton"
        before = [e for pos, e in named if pos < position]
        return before[-1] if before else self.by_surname.get(surname)

    def _find_entity(self, name: str) -> Entity | None:
        key = name.lower()
        if key in self.by_name:
            return self.by_name[key]
        entity = self.by_surname.get(_surname(name))
        if entity is not None:
            return entity
        # "Hillary" alone: the one entity whose name starts with it.
        first = _clean_token(name.split()[0]) if name.split() else ""
        found = [e for e in self.by_surname.values() if e.kind == "person" and _clean_token(e.name.split()[0]) == first]
        return found[0] if len(found) == 1 else None

    def fullest(self, name: str) -> str:
        entity = self.entity_for(name)
        return entity.name if entity else name

    def recent_person(self, position: int, gender: str | None, role_word: str | None = None,
                      exclude: tuple[tuple[int, int], ...] = (),
                      is_object: Callable[[int], bool] | None = None,
                      is_subject: Callable[[int], bool] | None = None) -> tuple[Entity | None, float]:
        """The person most recently mentioned before position who fits the gender or role.

        Returns the entity and a confidence that drops when another person
        who also fits was mentioned close by. is_object and is_subject, when given, tell
        whether the mention at a position is the object of a preposition or opens its
        sentence: of two people of the pronoun's gender close together, the pronoun goes
        on with the subject ("Trump kept up his attacks on Curiel. He …").
        """
        candidates: list[tuple[int, Entity]] = []
        seen: set[int] = set()
        before = bisect.bisect_left(self.starts, position)
        # Where the excluded spans begin and end: a mention outside that stretch needs no span-by-span test.
        first, last = (min(b for b, _ in exclude), max(e for _, e in exclude)) if exclude else (0, 0)
        # Only the last few hundred mentions: an antecedent further back is no antecedent.
        for m in reversed(self.mentions[max(0, before - 300):before]):
            if m.kind != "person":
                continue
            if first <= m.name_start < last and any(b <= m.name_start < e for b, e in exclude):
                continue
            entity = self.entity_for(m.name, m.name_start, m.gender)
            if entity is None or id(entity) in seen:
                continue
            if gender in ("male", "female") and entity.gender not in (None, gender):
                continue
            if " " not in entity.name and not entity.role and entity.gender is None:
                continue  # a lone capitalised word ("Intro", "Reuters") is no sure person
            if role_word and not (entity.role and _holds_role(entity.role, role_word)):
                continue
            seen.add(id(entity))
            candidates.append((m.name_start, entity))
            if len(candidates) == 2:
                break
        if not candidates:
            return None, 0.0
        if (is_object is not None and is_subject is not None and len(candidates) == 2
                and candidates[0][0] - candidates[1][0] < 200 and candidates[0][1].gender == candidates[1][1].gender == gender
                and is_object(candidates[0][0]) and is_subject(candidates[1][0])):
            candidates.reverse()
        best_pos, best = candidates[0]
        if gender in ("male", "female") and best.gender is None and not role_word:
            return None, 0.0  # "The Iowa Democrats met. …, she said": no one we know to be a she
        confidence = 0.85 if best.gender == gender or role_word else 0.7
        if len(candidates) > 1 and best_pos - candidates[1][0] < 200 and not role_word:
            confidence -= 0.2
        if position - best_pos > 1500:
            confidence -= 0.2
        return best, confidence
