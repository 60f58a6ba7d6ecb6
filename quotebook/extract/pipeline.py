"""Text in, quotes out: the stages run in order over one article.

clean (paragraphs) → marks (quoted segments, masked text) → sentences →
attribute (frames: cue, source, content; the
speaker itself is found by sources) → context (bare quotation
paragraphs) → mentions (resolve the source to a full name) → Quote.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
import logging
import re

from quotebook.data import Quote
from quotebook.extract import lexicon
from quotebook.extract.attribute import frame_sentence, is_pure_quote
from quotebook.extract.clean import split_paragraphs
from quotebook.extract.cues import cue_words, find_cues, skip_modifiers
from quotebook.extract.indirect import _LEADING_CONJUNCTION, ANY_WORD_CHAR, kind_of, trim_end
from quotebook.extract.marks import Segment, SegmentList, mask_quotations, pair_quotation_marks
from quotebook.extract.mentions import ABBREVIATED_TITLES, NAME_RUN, PRONOUNS, Entities, Entity, find_mentions, mention_from_span, split_role
from quotebook.extract.records import Candidate, Source
from quotebook.extract.reported import find_reported, stance_words
from quotebook.extract.roles import apposition_role, role_before
from quotebook.extract.scan import literal_starts
from quotebook.extract.sentences import split_sentences
from quotebook.extract.sources import QUANTITY_SUBJECTS, _source_before, carrier_author, governed_np, people_of, relative_antecedent
from quotebook.extract.subjects import _opens_sentence, _sentence_opener, role_heads
from quotebook.extract.tidy import tidy_speakers
from quotebook.extract.unsourced import find_unsourced

# A transcript turn: "PENCE: …", "JAKE TAPPER: …" at the start of a paragraph.
_TURN = re.compile(r"[\"“]?([A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,2}):\s+(?=\S)")


_VOICED_BY = re.compile(
    r"(?:Such|This|That|The same|A similar)\s+(?:an?\s+)?(?:position|view|opinion|stance|point|sentiment|message|"
    r"assessment|concern|idea|argument)\b[^;:]{0,60}?\b(?:was|were|is|has been)\s+(?:also\s+)?"
    r"(?:voiced|expressed|shared|stated|echoed|made|put forward)\s+by\s+"
    r"((?:[A-Z][\w’'\-]*\s?){1,4}?)\s*[.!]?\s*$"
)

# Every _VOICED_BY match opens with one of these: str.startswith rules most sentences out before the regex.
_VOICED_OPENERS = ("Such", "This", "That", "The same", "A similar")


def extract_quotes(text: str, *, title: str | None = None) -> list[Quote]:
    """Every attributed quotation in an article's text, sorted by offset.

    Never raises: text that cannot be read as an article gives no quotes.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    try:
        return tidy_speakers(_extract(text), text)
    except Exception:  # pragma: no cover - a bug must not stop an import; tests call _extract directly
        logging.getLogger(__name__).exception("quote extraction failed on a %d-character text", len(text))
        return []


def _extract(text: str) -> list[Quote]:
    paragraphs = split_paragraphs(text)
    segments = pair_quotation_marks(text, paragraphs)
    masked = mask_quotations(text, segments)
    # The cue pass and the reported pass look for words of their own lists: one scan finds both.
    lexicon.scan_words(masked, (cue_words(), stance_words()))
    entities = Entities(find_mentions(masked), _headline_end(paragraphs))
    candidates: list[Candidate] = []
    bare: list[tuple[int, int, int]] = []  # (paragraph, sentence start, sentence end) of quote-only sentences
    turns = _transcript_turns(text, masked, paragraphs, segments)
    used: set[int] = set()  # segments already part of a quote
    cues = find_cues(masked, 0, len(masked))
    cue_starts = [c.start for c in cues]
    sentences: dict[int, list[tuple[int, int]]] = {}  # by paragraph, read again by the reported pass
    # A segment never crosses a paragraph: in one with none, no sentence is a pure quote (no call to ask).
    quoted_paragraphs = {seg.paragraph for seg in segments}
    for index, para in enumerate(paragraphs):
        if index in turns:
            candidates.append(turns[index])
            continue
        quoted = index in quoted_paragraphs
        previous: Candidate | None = None
        cue_only: tuple[Source, str] | None = None  # "Bystrom agreed." — its quote follows
        last_sentence: tuple[int, int] | None = None
        run: list[tuple[int, int, int]] = []  # the quote-only sentences just before this one
        sentences[index] = split_sentences(masked, para.start, para.end)
        for s, e in sentences[index]:
            voiced = _VOICED_BY.match(masked, s, e) if masked.startswith(_VOICED_OPENERS, s, e) else None
            if voiced and last_sentence is not None:
                # "Such a position was voiced by Pompeo." — the sentence before is what was said.
                span = (last_sentence[0], trim_end(masked, *last_sentence))
                kind, spans = kind_of(masked, span, segments)
                source = Source(voiced.start(1), voiced.end(1), voiced.group(1), "name")
                candidates.append(Candidate(spans, kind, source, "voiced", "post", index, set(), 0.6))
            last_sentence = (s, e)
            lo, hi = bisect.bisect_left(cue_starts, s), bisect.bisect_left(cue_starts, e)
            # (Most sentences have no cue and give no frame: no comprehension is run over nothing.)
            framed = frame_sentence(masked, s, e, segments, index, [c for c in cues[lo:hi] if c.end <= e] if hi > lo else [])
            # A headline's quotation marks are scare quotes or titles, not a quote with a cue.
            found = [c for c in framed if not c.segments & used and not (index == 0 and c.kind == "mixed")] if framed else []
            if found:
                candidates.extend(found)
                for c in found:
                    used |= c.segments
                # A quotation sentence right after "S said C." goes on with it, reported or not;
                # after “…,” he said, noting C. it goes on with the quotation.
                previous = next((c for c in found if c.kind != "indirect"), found[-1])
                cue_only, run = None, []
                continue
            if not found and cue_only is not None and quoted and is_pure_quote(masked, s, e, segments):
                ids = _segment_ids(segments, s, e)
                if not any(i in used for i in ids):
                    cand = Candidate([(segments[i].start, segments[i].end) for i in ids], "direct", cue_only[0],
                                     cue_only[1], "pre", index, set(ids), 0.7)
                    candidates.append(cand)
                    used.update(ids)
                    previous, cue_only, run = cand, None, []
                    continue
            cue_only = _cue_only_sentence(masked, s, e, cues[lo:hi]) if hi > lo else None
            if cue_only is not None and run:
                # "“I hope you find them.” Reyes said.": the sentence credits the quotation before it.
                cand = _credit_run(run, cue_only, segments, index)
                del bare[-len(run):]
                candidates.append(cand)
                used |= cand.segments
                previous, cue_only, run = cand, None, []
                continue
            if quoted and is_pure_quote(masked, s, e, segments):
                if previous is not None and previous.paragraph == index:
                    _append_spans(previous, text, masked, s, e, segments)
                    if previous.kind == "indirect":
                        previous.kind = "mixed"
                    used.update(previous.segments)
                else:
                    bare.append((index, s, e))
                    run.append((index, s, e))
                    continue
            elif previous is not None and previous.paragraph == index and segments.starting_at(s) is not None:
                # “…,” she said. “It is over” - and with that she left: the quotation goes on.
                seg_id = bisect.bisect_left(segments.starts, s)
                if seg_id not in used:
                    previous.spans.append((segments[seg_id].start, segments[seg_id].end))
                    previous.segments.add(seg_id)
                    used.add(seg_id)
                    if previous.kind == "indirect":
                        previous.kind = "mixed"
            elif (previous is not None and previous.paragraph == index and previous.kind != "indirect"
                  and _conjunction_then_quote(masked, s, e, segments, used)):
                # “…,” he said. But “it is over.”: the quotation goes on after the conjunction.
                previous.spans.append((s, trim_end(masked, s, e)))
                ids = _segment_ids(segments, s, e)
                previous.segments.update(ids)
                used.update(ids)
                previous.kind = "mixed"
            previous = None
            run = []
    candidates.extend(_attach_bare(text, masked, bare, candidates, segments, paragraphs, used))
    candidates.extend(find_reported(masked, paragraphs, segments, cues, candidates, sentences))
    candidates.extend(find_unsourced(masked, sentences, segments, [span for c in candidates for span in c.spans]))
    _headline_quotes_reported(candidates, paragraphs)
    quotes = [_to_quote(text, masked, c, entities, segments) for c in candidates]
    quotes = [q for q in quotes if q is not None]
    quotes.sort(key=lambda q: q.spans[0])
    return _share_roles(_drop_overlaps(quotes))


# Honorifics say how to address someone, not what they do: a role found beside the name replaces them.
HONORIFICS = frozenset({"Mr.", "Mrs.", "Ms.", "Miss", "Mr", "Mrs", "Ms"})


def _share_roles(quotes: list[Quote]) -> list[Quote]:
    """A person's role, read beside one of their names, is theirs in every quote of the article; words
    before a name that hold no title ("Ready for", a title-case headline's "… Goes After …") are none."""
    quotes = [replace(q, role=None) if q.role and not _holds_title(q.role) else q for q in quotes]
    roles: dict[str, str] = {}
    for q in quotes:
        if q.role and q.speaker and q.speaker_type == "person" and q.role not in HONORIFICS:
            roles.setdefault(q.speaker, q.role)
    if not roles:
        return quotes
    return [replace(q, role=roles[q.speaker]) if q.speaker in roles and (not q.role or q.role in HONORIFICS) else q
            for q in quotes]


def _holds_title(role: str) -> bool:
    heads = role_heads()
    return any(word.lower().strip(",") in heads for word in role.split())


# A first paragraph this short, with more text after it, is the headline.
HEADLINE_CHARS = 200


def _headline_end(paragraphs) -> int:
    """Where the headline (a short first paragraph with more text after it) ends, or 0."""
    if len(paragraphs) < 2 or paragraphs[0].end - paragraphs[0].start > HEADLINE_CHARS:
        return 0
    return paragraphs[0].end


def _headline_quotes_reported(candidates: list[Candidate], paragraphs) -> None:
    """A headline's quotation is cut and reworded to fit, so it is reported speech, never direct:
    "Trump: ‘We Will Win Big’" gives the gist of what he said (PolNeAR marks every one indirect)."""
    if not _headline_end(paragraphs):
        return
    for cand in candidates:
        if cand.kind != "indirect" and cand.spans[-1][1] <= paragraphs[0].end:
            cand.kind = "indirect"


def _conjunction_then_quote(masked: str, s: int, e: int, segments: SegmentList, used: set[int]) -> bool:
    """The sentence opens with a conjunction and then a quotation not yet taken: "But “…”"."""
    lead = _LEADING_CONJUNCTION.match(masked, s, e)
    if lead is None:
        return False
    seg = segments.starting_at(lead.end())
    return seg is not None and bisect.bisect_left(segments.starts, seg.start) not in used


def _cue_only_sentence(masked: str, s: int, e: int, cues) -> tuple[Source, str] | None:
    """A sentence that is just a subject and its cue ("Dianne Bystrom agreed."): its source."""
    for cue in cues:
        if not cue.speech or cue.end > e:
            continue
        after = skip_modifiers(masked, cue.end, e)
        if masked[after:e].strip() not in (".", ":", ""):
            continue
        source = _source_before(masked, s, cue.start)
        if source is not None and not masked[s:source.start].strip():
            return source, masked[cue.start:cue.end]
    return None


def _credit_run(run: list[tuple[int, int, int]], credit: tuple[Source, str], segments: SegmentList,
                index: int) -> Candidate:
    """The quote-only sentences of run, credited to the cue-only sentence that follows them."""
    ids = [i for _, s, e in run for i in _segment_ids(segments, s, e)]
    spans = [(segments[i].start, segments[i].end) for i in ids]
    return Candidate(spans, "direct", credit[0], credit[1], "post", index, set(ids), 0.7)


def _segment_ids(segments: list[Segment], s: int, e: int) -> list[int]:
    return list(segments.overlapping(s, e))


def _append_spans(cand: Candidate, text: str, masked: str, s: int, e: int, segments: list[Segment]) -> None:
    for i in _segment_ids(segments, s, e):
        seg = segments[i]
        if i not in cand.segments:
            cand.spans.append((seg.start, seg.end))
            cand.segments.add(i)


def _transcript_turns(text: str, masked: str, paragraphs, segments) -> dict[int, Candidate]:
    """Paragraphs that open with an upper-case speaker label, when the article has several.

    A turn is verbatim, but it is direct only inside quotation marks: a
    transcript's unmarked lines are kept apart from quotations (the kind follows the marks).
    """
    turns = {}
    for index in _paragraphs_with_colon(text, paragraphs):
        para = paragraphs[index]
        match = _TURN.match(text, para.start, para.end)  # the text: a label may open a quotation
        if match and not text[match.end():para.end].isupper():
            source = Source(match.start(1), match.end(1), match.group(1), "name")
            span = (match.end(), para.end)
            # A mark before the label opens a quoted transcript, not this turn: only marks inside count.
            inner = SegmentList([segments[i] for i in segments.overlapping(*span) if segments[i].start >= span[0]])
            kind, spans = kind_of(masked, span, inner)
            seg_ids = {i for i in segments.overlapping(*span) if segments[i].start >= span[0]}
            turns[index] = Candidate(spans, kind, source, ":", "colon", index, seg_ids, 0.7)
    return turns if len(turns) >= 2 else {}


def _paragraphs_with_colon(text: str, paragraphs) -> list[int]:
    """The paragraphs after the first that hold a colon, in order: only they can open with a speaker label
    (a text has few colons, so str.find skips to each instead of a match tried on every paragraph)."""
    starts = [para.start for para in paragraphs]
    found: list[int] = []
    for pos in literal_starts(text, ":"):
        index = bisect.bisect_right(starts, pos) - 1
        if index >= 1 and pos < paragraphs[index].end and (not found or found[-1] != index):
            found.append(index)
    return found


def _attach_bare(text: str, masked: str, bare, candidates: list[Candidate], segments, paragraphs,
                 used: set[int]) -> list[Candidate]:
    """Quote-only sentences: part of a multi-paragraph quote, or attributed by the paragraph before."""
    by_paragraph = {}
    for c in candidates:
        by_paragraph.setdefault(c.paragraph, []).append(c)
    found: list[Candidate] = []
    chain_owner: dict[int, Candidate] = {}
    for index, s, e in bare:
        ids = _segment_ids(segments, s, e)
        if not ids or any(i in used for i in ids):
            continue
        used.update(ids)
        # The paragraph before ended an open quotation: this one goes on with it.
        prev_seg = ids[0] - 1
        if prev_seg >= 0 and segments[prev_seg].continued and segments[prev_seg].paragraph == index - 1:
            owner = chain_owner.get(prev_seg) or _owner_of(prev_seg, candidates + found)
            if owner is not None:
                _append_spans(owner, text, masked, s, e, segments)
                for i in ids:
                    chain_owner[i] = owner
                continue
        # A chain whose attribution comes at its end (“… ¶ “…,” he said.).
        follower = _chain_follower(ids[-1], segments, candidates)
        if follower is not None:
            for i in ids:
                follower.spans.append((segments[i].start, segments[i].end))
                follower.segments.add(i)
            follower.spans.sort()
            continue
        if s != paragraphs[index].start:
            continue
        credit = _dash_credit(masked, paragraphs, index)
        if credit is not None:
            cand = Candidate([(segments[i].start, segments[i].end) for i in ids], "direct", credit, "―",
                             "post", index, set(ids), 0.65)
            found.append(cand)
            continue
        # A bare quotation paragraph right after an attributed one goes on with it.
        last = _last_quote_of(index - 1, candidates + found)
        if last is not None and (last.kind != "indirect"
                                 or _said_before_quotation(masked, last, paragraphs[index - 1].end)):
            _append_spans(last, text, masked, s, e, segments)
            if last.kind == "indirect":
                last.kind = "mixed"
            continue
        source = _context_source(masked, paragraphs, index, by_paragraph)
        if source is None:
            continue
        cand = Candidate([(segments[i].start, segments[i].end) for i in ids], "direct", source, None,
                         "context", index, set(ids), 0.55)
        found.append(cand)
        for i in ids:
            chain_owner[i] = cand
    return found


def _said_before_quotation(masked: str, cand: Candidate, paragraph_end: int) -> bool:
    """"Lee said the plan had failed. ¶ “We tried everything.”": reported speech that ends its
    paragraph, whose quotation follows in the next (a verb of saying, not a stance; not a transcript turn)."""
    word = cand.cue.split()[0].lower() if cand.cue else ""
    return (cand.layout != "colon" and word in lexicon.reporting_verbs()
            and not ANY_WORD_CHAR.search(masked, cand.spans[-1][1], paragraph_end))



def _last_quote_of(paragraph: int, candidates: list[Candidate]) -> Candidate | None:
    """The attributed quotation that ends paragraph, if the paragraph ends in one."""
    best = None
    for c in candidates:
        if c.paragraph == paragraph and (best is None or c.spans[-1][1] > best.spans[-1][1]):
            best = c
    return best


def _owner_of(seg_id: int, candidates: list[Candidate]) -> Candidate | None:
    for c in candidates:
        if seg_id in c.segments:
            return c
    return None


def _chain_follower(seg_id: int, segments: list[Segment], candidates: list[Candidate]) -> Candidate | None:
    i = seg_id
    while i < len(segments) and segments[i].continued:
        i += 1
        owner = _owner_of(i, candidates)
        if owner is not None:
            return owner
    return None


_DASH_CREDIT = re.compile(r"[―—–-]{1,2}\s*")


def _dash_credit(masked: str, paragraphs, index: int) -> Source | None:
    """"¶ - President Obama, tweeting after the speech." — a credit line after a quotation paragraph."""
    if index + 1 >= len(paragraphs):
        return None
    line = paragraphs[index + 1]
    dash = _DASH_CREDIT.match(masked, line.start, line.end)
    if dash is None or line.end - line.start > 160:
        return None
    name = NAME_RUN.match(masked, dash.end(), line.end)
    if name is None or name.group().split()[0].lower() in ("the", "a", "an", "but", "and"):
        return None
    return Source(name.start(), name.end(), name.group(), "name")


def _context_source(masked: str, paragraphs, index: int, by_paragraph) -> Source | None:
    """The speaker of a bare quotation paragraph, from the paragraph just before it."""
    if index == 0:
        return None
    prev = paragraphs[index - 1]
    tail = masked[prev.start:prev.end].rstrip()
    if tail.endswith(":"):
        # "He said:" / "Pompeo told the crowd:" — the subject of that last clause.
        for cand in by_paragraph.get(index - 1, []):
            if cand.source is not None:
                return cand.source
        return (_last_subject(masked, prev.start, prev.start + len(tail) - 1)
                or _statement_subject(masked, prev.start, prev.start + len(tail) - 1)
                or _inverted_colon_subject(masked, prev.start, prev.start + len(tail)))
    # "Such a position was voiced by Pompeo." — a passive cue names the speaker.
    match = _PASSIVE_CUE_BY.search(tail)
    if match:
        return Source(prev.start + match.start(1), prev.start + match.start(1) + len(match.group(1).rstrip(".")), match.group(1).rstrip("."), "name")
    return None


_PASSIVE_CUE_BY = re.compile(
    r"\b(?:was|were|is|are|been)\s+(?:\w+ly\s+)?(?:voiced|expressed|stated|said|made|echoed|put|explained|described)"
    r"\s+by\s+([A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,3})\.?$"
)
# (The determiner may be missing before a plural: "Analysts at Morgan Stanley".)
_SPOKESPERSON_NP = re.compile(r"(?:(?:the|an?|one|two|several|some)\s+(?:[\w\-]+\s+){0,2}?)?([a-z]+)\s+(?:for|of|at|with|to|from)\b")


# "Trump issued the following statement:" — the statement is the paragraph after the colon.
_STATEMENT_BEFORE_COLON = re.compile(
    r"\b(?:issued|released|put\s+out|posted|sent|gave)\s+(?:the\s+following|this|a|an)\s+(?:\w+\s+)?"
    r"(?:statement|message|response|tweet)\s*$"
)
# "Said Stone:" / "Stated Dr. Ward:" — the cue before the name, the quotation in the next paragraph.
_INVERTED_COLON = re.compile(r"(?:Said|Says|Stated|States|Added|Adds|Wrote|Writes|Explained|Continued)\s+(?=\S)")


def _statement_subject(masked: str, start: int, end: int) -> Source | None:
    verb = _STATEMENT_BEFORE_COLON.search(masked, start, end)
    return _source_before(masked, start, verb.start()) if verb else None


def _inverted_colon_subject(masked: str, start: int, end: int) -> Source | None:
    cue = _INVERTED_COLON.match(masked, start, end)
    if cue is None:
        return None
    name = NAME_RUN.match(masked, cue.end(), end)
    if name is None or masked[name.end():end].strip() != ":":
        return None
    return Source(name.start(), name.end(), name.group(), "name")


def _last_subject(masked: str, start: int, end: int) -> Source | None:
    cues = find_cues(masked, start, end)
    for cue in reversed(cues):
        source = _source_before(masked, start, cue.start)
        if source is not None:
            return source
    return None


def _to_quote(text: str, masked: str, cand: Candidate, entities: Entities, segments) -> Quote | None:
    if len(cand.spans) == 1:  # most candidates: one span, nothing to merge or sort
        b, e = cand.spans[0]
        spans = [(b, e)] if e > b else []
    else:
        spans = sorted({(b, e) for b, e in cand.spans if e > b})
    if not spans:
        return None
    quote_text = " … ".join([text[b:e] for b, e in spans])
    speaker, speaker_type, role, confidence = None, None, None, cand.confidence
    mention = cand.source
    if mention is not None:
        # "Lee issued a statement saying C": Lee; "Several supporters of the levy said": the supporters.
        mention = carrier_author(masked, mention) or people_of(masked, mention)
        speaker, speaker_type, role, certainty = resolve_source(text, masked, mention, entities, spans)
        if speaker_type == "person" and mention.kind == "name" and (role is None or role in HONORIFICS):
            role = apposition_role(masked, mention.end) or role_before(masked, mention.start) or role
        confidence = cand.confidence * certainty  # kept within [0.05, 1] by comparisons, not min() and max()
        confidence = round(1.0 if confidence > 1.0 else 0.05 if confidence < 0.05 else confidence, 3)
    return Quote(
        text=quote_text,
        spans=tuple(spans),
        kind=cand.kind,
        speaker=speaker,
        mention=text[mention.start:mention.end] if mention else None,
        speaker_start=mention.start if mention else None,
        speaker_end=mention.end if mention else None,
        role=role,
        speaker_type=speaker_type,
        cue=cand.cue,
        confidence=confidence,
    )


def resolve_source(text: str, masked: str, source: Source, entities: Entities,
                   spans: list[tuple[int, int]]) -> tuple[str | None, str | None, str | None, float]:
    """(speaker, speaker_type, role, certainty) for the words an attribution rests on."""
    words = source.text.split()
    low = source.text.lower()
    if source.kind == "pronoun":
        gender = PRONOUNS.get(low)
        if gender in ("male", "female"):
            entity, certainty = entities.recent_person(source.start, gender, exclude=tuple(spans),
                                                       is_object=lambda pos: _after_preposition(masked, pos),
                                                       is_subject=lambda pos: _opens_clause(masked, _before_titles(masked, pos)))
            if (entity is not None and certainty >= 0.5 and entity is not _relative_object(masked, source, entities)
                    and not _named_inside(text, entity.name, spans)):
                return entity.name, "person", entity.role, certainty
            return None, None, None, 0.6
        if gender == "relative":
            antecedent = relative_antecedent(masked, source)
            if antecedent is not None:
                return resolve_source(text, masked, antecedent, entities, spans)
        return None, None, None, 0.6
    head = words[-1].strip(".,").lower() if words else ""
    determiner = words[0].lower() if words else ""
    if source.kind == "np":
        if source.text in QUANTITY_SUBJECTS:
            return source.text, "anonymous", None, 0.6  # "Several said": people of the paragraph before
        spokes = _SPOKESPERSON_NP.match(low)
        if spokes and spokes.group(1) in lexicon.anonymous_nouns() or governed_np(source.text) == (0, len(source.text)):
            return source.text, "anonymous", None, 0.8  # "a spokesman for the campaign", "a source close to him"
        # (An indefinite one is unnamed whatever names qualify it: "a senior White House official".)
        if head in lexicon.anonymous_nouns() and (determiner in _INDEFINITE or not _has_proper_name(
                words[1:-1] if determiner == "the" else words[:-1])):
            if determiner == "the" and head in lexicon.title_words():
                entity, certainty = entities.recent_person(source.start, None, role_word=head, exclude=tuple(spans))
                if entity is not None:
                    return entity.name, "person", entity.role, certainty
            return source.text, "anonymous", None, 0.8
        if head in lexicon.title_words() and determiner in ("the", "this", "that"):
            entity, certainty = entities.recent_person(source.start, None, role_word=head, exclude=tuple(spans))
            if entity is not None:
                return entity.name, "person", entity.role, certainty
            return None, None, None, 0.6
        if head in lexicon.organisation_words():
            return source.text, "organization", None, 0.8
        return source.text, None, None, 0.6
    if source.text.isupper() and len(words) <= 3:
        # "RUIZ: …", a transcript's label in capitals: the person the article names in full, not an acronym.
        entity = entities.entity_for(source.text.title())
        if entity is not None and entity.kind == "person" and not entity.name.isupper():
            return entity.name, "person", entity.role, 0.9
        if len(words) > 1 and words[0].lower() in lexicon.first_names():
            return source.text.title(), "person", None, 0.9  # "JAKE TAPPER", named only in capitals
    mention = mention_from_span(text, source.start, source.end)
    if mention is None:
        # "May added": a word that reads as a month alone, but names someone the article introduced.
        entity = entities.entity_for(source.text) if len(words) == 1 else None
        if entity is not None and entity.kind == "person" and " " in entity.name:
            return entity.name, "person", entity.role, 0.8
        return None, None, None, 0.5
    if len(words) == 1 and head in lexicon.anonymous_nouns():
        return source.text, "anonymous", None, 0.8  # "Officials said"
    if mention.kind == "organization":
        return mention.name, "organization", None, 0.85
    entity = entities.entity_for(mention.name, mention.name_start, mention.gender)
    name = entity.name if entity is not None else mention.name
    role = mention.role or (entity.role if entity is not None else None)
    return name, "person", role, 0.95


# Prepositions whose noun is no subject: "his attacks against Curiel", "a letter to Lee".
_OBJECT_PREPOSITIONS = frozenset("against with to for about of on at by from toward towards into over under like".split())


def _after_preposition(masked: str, pos: int) -> bool:
    """Whether the name at pos follows a preposition (a title between them counts with the name)."""
    start = _before_titles(masked, pos)
    words = masked[max(0, start - 15):start].split()
    return bool(words) and words[-1].lower() in _OBJECT_PREPOSITIONS


def _opens_clause(masked: str, pos: int) -> bool:
    """Whether a noun phrase at pos is the subject opening its sentence, after an opener or not
    ("In an interview on June 3, Trump continued …")."""
    if _opens_sentence(masked, pos):
        return True
    if masked[pos - 2:pos] != ", ":
        return False
    start = max(masked.rfind(". ", 0, pos), masked.rfind("\n", 0, pos)) + 1
    while start < pos and masked[start] in " \n":
        start += 1
    opener = _sentence_opener().match(masked, start, pos)
    return opener is not None and opener.end() == pos


def _before_titles(masked: str, pos: int) -> int:
    """Where the name at pos begins with the short titles before it ("Sen.", "the"): its noun phrase."""
    while True:
        words = masked[max(0, pos - 8):pos].split()
        if not words or words[-1].lower() not in _TITLE_ABBREVIATIONS:
            return pos
        pos = masked.rindex(words[-1], 0, pos)


# Short words that go before a name in its noun phrase: the abbreviated titles, honorifics, "the".
_TITLE_ABBREVIATIONS = frozenset(ABBREVIATED_TITLES) | {word.lower() for word in HONORIFICS} | {"judge", "the"}


def _named_inside(text: str, name: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the quotation names the person a pronoun was read as: "“I see Gary Johnson stuff all
    the time,” he said" is seldom Johnson speaking of himself, so the pronoun is someone else."""
    surname = name.split()[-1]
    return len(surname) > 2 and any(_has_whole_word(text[b:e], surname) for b, e in spans)


def _has_whole_word(text: str, word: str) -> bool:
    r"""Whether re.search(rf"\b{re.escape(word)}\b", text) would match: found with str.find, as a
    pattern of its own per surname is compiled anew (most surnames come once in a pass)."""
    pos = text.find(word)
    while pos != -1:
        if _at_word_boundary(text, pos) and _at_word_boundary(text, pos + len(word)):
            return True
        pos = text.find(word, pos + 1)
    return False


def _at_word_boundary(text: str, pos: int) -> bool:
    r"""\b at pos: a word character (\w: alphanumeric or "_") on one side only."""
    before = pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] == "_")
    after = pos < len(text) and (text[pos].isalnum() or text[pos] == "_")
    return before != after


_OBJECT_RELATIVE = re.compile(r"\b(?:who|whom)\s+$")


def _relative_object(masked: str, pronoun: Source, entities: Entities) -> Entity | None:
    """"Reyes, who he dubbed “Little Tom,”": the one the relative stands for is the verb's object,
    so the pronoun after it is someone else."""
    relative = _OBJECT_RELATIVE.search(masked, max(0, pronoun.start - 8), pronoun.start)
    if relative is None:
        return None
    word = relative.group().split()[0]
    antecedent = relative_antecedent(masked, Source(relative.start(), relative.start() + len(word), word, "pronoun"))
    if antecedent is None:
        return None
    return entities.entity_for(antecedent.text)


# "One official", "Another aide": the word before the noun counts people, it names none.
_INDEFINITE = frozenset({"a", "an", "one", "another", "two", "three", "several", "some", "many"})


def _has_proper_name(words: list[str]) -> bool:
    return any(w[:1].isupper() for w in words)


def _drop_overlaps(quotes: list[Quote]) -> list[Quote]:
    """Two quotes sharing text: keep the more confident. Quotes arrive sorted by start."""
    kept: list[Quote] = []
    active: list[Quote] = []  # kept quotes that reach past the current start
    for q in quotes:
        if active:  # (most quotes overlap nothing: no comprehension, no generator)
            start = q.start
            active = [k for k in active if k.end > start]
        clash = next((k for k in active if _overlap(k, q)), None) if active else None
        if clash is None:
            kept.append(q)
            active.append(q)
        elif q.confidence > clash.confidence:
            kept[kept.index(clash)] = q
            active[active.index(clash)] = q
    return kept


def _overlap(a: Quote, b: Quote) -> bool:
    return any(x0 < y1 and y0 < x1 for x0, x1 in a.spans for y0, y1 in b.spans)


__all__ = ["extract_quotes", "find_mentions", "split_role", "resolve_source"]
