"""Tell a message written in another language from English, so Seen can say
kindly that it works in English instead of guessing at it.

No model: the share of words that are common English words (wordfreq's
lists), against the share that are common in another language wordfreq knows,
and the share of letters outside the Latin script. Practitioners' shorthand
("hv", "csc", "yr") counts as English (knowledge/opening.yml).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import FrozenSet, Iterable, Tuple

from wordfreq import zipf_frequency

#: A word this common (Zipf scale: 3 is about once per million words) is a
#: word of that language.
COMMON = 3.0
#: Another language's word only when it is this much more common there.
MARGIN = 1.0
#: Messages shorter than this (in words) are too short to tell.
MIN_WORDS = 3
#: Below this share of English words a message is not English when another
#: language's words are common in it ...
ENGLISH_SHARE = 0.5
FOREIGN_SHARE = 0.3
#: ... and below this share whatever the other words are.
ENGLISH_SHARE_ALONE = 0.35
#: Languages spoken in England that wordfreq has lists for, in Latin script.
OTHER_LANGUAGES = ("pl", "ro", "pt", "es", "fr", "it", "lt", "lv", "tr", "de", "nl", "sk", "cs", "hu", "ms",
                   "fil", "sh")
_WORDS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def is_english(text: str, shorthand: Iterable[str] = ()) -> bool:
    """Whether ``text`` reads as English; short or mixed messages count as English."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 3 and sum(not _latin(c) for c in letters) > len(letters) / 2:
        return False
    words = [w.lower() for w in _WORDS.findall(text)]
    known_shorthand = _lowered(tuple(shorthand))
    words = [w for w in words if len(w) > 1 and w not in known_shorthand]
    if len(words) < MIN_WORDS:
        return True
    english = sum(_english(w) for w in words) / len(words)
    foreign = sum(_foreign(w) for w in words) / len(words)
    return english >= ENGLISH_SHARE or (foreign < FOREIGN_SHARE and english >= ENGLISH_SHARE_ALONE)


def _latin(char: str) -> bool:
    return unicodedata.name(char, "").startswith("LATIN")


@lru_cache(maxsize=8)
def _lowered(words: tuple) -> FrozenSet[str]:
    return frozenset(w.lower() for w in words)


def _english(word: str) -> bool:
    """A common English word that is not far more common in another language
    ("pour" and "de" are in English text too, but far more often in French)."""
    english, other = _frequencies(word)
    return english >= COMMON and english + MARGIN >= other


def _foreign(word: str) -> bool:
    english, other = _frequencies(word)
    return other >= COMMON and other >= english + MARGIN


@lru_cache(maxsize=20000)
def _frequencies(word: str) -> Tuple[float, float]:
    """How common a word is in English, and in the other language where it is commonest."""
    return zipf_frequency(word, "en"), max(zipf_frequency(word, language) for language in OTHER_LANGUAGES)
