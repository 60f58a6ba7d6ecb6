"""Generated quotations for the search benchmark.

A vocabulary of real English function and news words at the top of a Zipf
distribution (so "the" is in most rows, as in news), then tens of thousands
of made-up but pronounceable words for the long tail; 5,000 speakers whose
quote counts are Zipf-distributed too (a few people are quoted a lot).
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass

COMMON = """the of to and a in that is for it on with as was he said be at by this have
from not are but his we they has an or will were their would had been its who more about
one which there when our can people all also new than up out if what so she no do government
president after year over into could two years first minister some other time last country
just like now state because only those police them very security war told make against
public any how week still before people us most world many should being united economic
even money support national officials under said leaders since while where between added
according these back again must both military trade deal health workers election court
party talks foreign billion percent group business prices energy oil sanctions
economy market cases officials plan crisis power law report policy rights million""".split()

NEWS = """sanctions tariffs sovereignty unambiguous negotiations ceasefire parliament
referendum inflation pandemic vaccine diplomacy embassy coalition opposition legislation
infrastructure emissions refugees migration currency investment unemployment pension
surveillance censorship corruption protest humanitarian extradition blockade stimulus
subsidies deficit austerity mandate verdict indictment testimony impeachment constitution
sovereign treaty alliance nuclear missile pipeline drought wildfire earthquake hurricane
flooding harvest shipping semiconductor cybersecurity privacy regulator antitrust merger
bankruptcy dividend shareholders benchmark volatility recession recovery transparency
accountability independence reconciliation settlement sanctioned sanctioning negotiated""".split()

ONSETS = ["b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k", "l", "m", "n", "p",
          "pr", "r", "s", "sh", "st", "t", "tr", "v", "w", "z", "bl", "cl", "fl", "pl", "sl"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou"]
CODAS = ["", "", "n", "r", "s", "t", "l", "m", "nd", "st", "ng"]

FIRST = """Michael Bernie Sarah Nancy Vladimir Angela Emmanuel Boris Xi Narendra Jacinda Justin
Recep Jair Cyril Olaf Giorgia Pedro Mark Ursula Charles Antonio Kamala Joe Donald Hillary
Elizabeth Mitch Chuck Kevin Lindsey Ted Marco Rand Ilhan Alexandria Pete Amy Cory Kirsten
Jerome Janet Christine Mario Ngozi Tedros Anthony Rochelle Jens Josep Sergei Dmitry Volodymyr
Anna Marek Lucia Tomas Irene Pavel Greta Omar Sofia Victor Hana Luis Maria Ahmed Fatima Kenji
Priya Rahul Chen Wei Olga Ivan Jorge Carmen Dieter Ingrid Lars Astrid Pierre Claire Hans
Yusuf Amara Kwame Thandiwe Mateo Valentina Diego Camila""".split()


@dataclass(frozen=True)
class Corpus:
    words: list[str]  # by frequency rank
    speakers: list[str]


def made_up_words(count: int, rng: random.Random, taken: set[str]) -> list[str]:
    words: list[str] = []
    while len(words) < count:
        word = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)
                       for _ in range(rng.choice((2, 2, 3, 3, 4))))
        if word not in taken and 4 <= len(word) <= 14:
            taken.add(word)
            words.append(word)
    return words


def make_corpus(vocabulary: int = 60_000, speakers: int = 5_000, seed: int = 7) -> Corpus:
    rng = random.Random(seed)
    common = list(dict.fromkeys(COMMON))
    news = [w for w in dict.fromkeys(NEWS) if w not in common]
    taken = set(common) | set(news)
    tail = made_up_words(vocabulary - len(common) - len(news), rng, taken)
    # News words sit in the upper-middle of the distribution, not at its head.
    words = common + tail[:300] + news + tail[300:]
    surnames = [w.capitalize() for w in made_up_words(speakers, rng, set(taken))]
    names = ["Michael Pompeo", "Bernie Sanders", "Sarah Huckabee Sanders"]
    seen = set(names)
    for first, last in zip(itertools.cycle(FIRST), surnames):
        if len(names) >= speakers:
            break
        name = f"{first} {last}"
        if name not in seen:
            seen.add(name)
            names.append(name)
    return Corpus(words=words, speakers=names)


def zipf_cumulative(n: int, s: float) -> list[float]:
    return list(itertools.accumulate(1.0 / (rank ** s) for rank in range(1, n + 1)))


def quotes(corpus: Corpus, count: int, seed: int = 11) -> Iterator[tuple[str, int, list[int]]]:
    """(text, speaker index, word ranks) for count quotations, in chunks for speed."""
    rng = random.Random(seed)
    word_weights = zipf_cumulative(len(corpus.words), 1.0)
    speaker_weights = zipf_cumulative(len(corpus.speakers), 0.7)
    speakers = range(len(corpus.speakers))
    ranks = range(len(corpus.words))
    words = corpus.words
    chunk = 10_000
    for begin in range(0, count, chunk):
        size = min(chunk, count - begin)
        lengths = [rng.randint(8, 40) for _ in range(size)]
        drawn = rng.choices(ranks, cum_weights=word_weights, k=sum(lengths))
        who = rng.choices(speakers, cum_weights=speaker_weights, k=size)
        at = 0
        for length, speaker in zip(lengths, who):
            picked = drawn[at:at + length]
            at += length
            text = " ".join(words[r] for r in picked)
            yield text[0].upper() + text[1:] + ".", speaker, picked
