"""Spot messages saying a child may be in immediate danger or seriously harmed.

Rule-based on purpose: a statistical classifier trained on a few hundred lines
cannot promise to catch every emergency, and this check must come first in
every turn, in every form. The phrases live in ``knowledge/safety.yml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, List, Optional, Tuple

from wordfreq import zipf_frequency

from seen import details, knowledge
from seen.knowledge import SafetyRules

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-"})
#: Quote marks around reported speech, not apostrophes inside a word: "she's
#: going to 'end it'" reads as "she's going to end it".
_QUOTE_MARKS = re.compile(r"\"|(?<![a-z])'|'(?![a-z])")


#: The category added when a message says its danger is happening now.
HAPPENING_NOW = "happening_now"
#: The words a place where a child is safe for now is blanked of (EmergencyDetector.normalise).
_TIME_WORDS = re.compile(r"\b(tonight|right now|now)\b")

#: A word typed without its final g ("pumpin", "holdin", "tryin"): one ending
#: in "in", rarer in English than this (wordfreq's Zipf scale) ...
_DROPPED_G_WORD_MAX = 4.0
#: ... whose form with the g is common ...
_DROPPED_G_FULL_MIN = 3.0
#: ... and at least this much commoner, so "cabin", "thin" and "aspirin" stay.
_DROPPED_G_GAIN = 1.0
#: How far before a danger's words the denial is looked for, in characters.
NEGATION_REACH = 20
_ENDS_IN_IN = re.compile(r"\b([a-z]{2,}in)'?(?![\w'])")
#: The category added when a message says its danger was only just told ("she's just told me").
JUST_TOLD = "just_told"


@dataclass(frozen=True)
class Emergency:
    """Why a message was taken as an emergency: the categories that matched."""

    categories: Tuple[str, ...]


def _compiled(patterns: List[str]) -> List[re.Pattern]:
    return [re.compile(p) for p in patterns]


class EmergencyDetector:
    def __init__(self, rules: SafetyRules) -> None:
        self._patterns = {category: _compiled(expressions) for category, expressions in rules.patterns.items()}
        self._benign = {category: _compiled(expressions) for category, expressions in rules.benign.items()}
        self._not_now_categories = set(rules.not_now.categories)
        self._ongoing_categories = set(rules.ongoing.categories)
        self._not_now = _compiled(rules.not_now.cues)
        self._now = _compiled(rules.not_now.unless)
        self._new = _compiled(rules.not_now.new)
        self._outcome = _compiled(rules.not_now.outcome)
        self._anywhere_categories = set(rules.not_now.anywhere_categories)
        self._told_now = _compiled(rules.not_now.told_now)
        self._ongoing = _compiled(rules.ongoing.cues)
        self._happening = _compiled(rules.ongoing.unless)
        self._harm = _compiled(rules.ongoing.harm)
        self._now_said = _compiled(rules.happening_now.now)
        self._danger_now = _compiled(rules.happening_now.danger)
        self._told = _compiled(rules.happening_now.told)
        self._spellings = [(re.compile(p), word) for p, word in rules.happening_now.spellings.items()]
        self._safe = _compiled(rules.happening_now.safe)
        self._hypothetical = _compiled(rules.hypothetical.cues)
        self._real = _compiled(rules.hypothetical.unless)
        self._negated = re.compile(rf"\b({'|'.join(rules.denial.negators)})\s+$")
        self._deniable = re.compile(rf"({'|'.join(rules.denial.states)})\b")

    def normalise(self, text: str) -> str:
        """Lower case, one space, no quote marks, a dropped g put back
        ("holdin the baby"), phone spellings read as the word ("2nite",
        "thru"); and the time words of a place where a child is safe for now
        ("at his dad's tonight") blanked, so that no cue reads them as a
        danger now."""
        message = " ".join(_QUOTE_MARKS.sub("", text.translate(_QUOTES).lower()).split())
        message = _ENDS_IN_IN.sub(lambda m: _with_g(m.group(1)), message)
        for spelling, word in self._spellings:
            message = spelling.sub(word, message)
        for phrase in self._safe:
            message = phrase.sub(lambda m: _TIME_WORDS.sub(lambda w: " " * len(w.group(0)), m.group(0)), message)
        return message

    def detect(self, text: str) -> Optional[Emergency]:
        """The emergency a message describes, or None if it describes none."""
        message = self.normalise(text)
        return self._verdict(message, self._found(message))

    def words_match(self, text: str) -> bool:
        """Whether a danger's words are in the message, before any stand-down
        ("a burn last year" as much as "a burn tonight"), or the rules take it
        as an emergency: the messages the rules' learned check reads
        (seen.danger_model.matched_by_rules). The words are read once for
        both: this is the costliest step of training that check."""
        message = self.normalise(text)
        found = self._found(message)
        return any(found.values()) or self._verdict(message, found) is not None

    def _found(self, message: str) -> Dict[str, List[re.Match]]:
        """Each category's matches that count (``_alarming``)."""
        return {category: [m for p in patterns for m in p.finditer(message) if self._alarming(category, m, message)]
                for category, patterns in self._patterns.items()}

    def _verdict(self, message: str, found: Dict[str, List[re.Match]]) -> Optional[Emergency]:
        """The emergency, given the matches found in the normalised message.
        A danger stands down when its clause, or the next, says it is past or
        absent ("a burn last year that has healed"), and nothing in the message
        says something is happening now; a reassurance elsewhere in a long
        message ("discharged 2 days ago, just rang: the baby won't wake") does
        not count, except for an injury in a message that says nothing of now
        (the not_now rules' ``anywhere_categories``)."""
        matched = tuple(category for category, matches in found.items() if matches)
        if self._hypothetical_in(message):
            return None
        now = self._happening_now(message)
        if now:
            return Emergency((*matched, now))
        if not matched:
            return None
        clauses = details.clause_spans(message)
        if set(matched) <= self._not_now_categories and not any(p.search(message) for p in self._now) and all(
                self._past_or_absent_in(_clause(message, clauses, m, self._new)) or self._dealt_with_after(message, m)
                for matches in found.values() for m in matches):
            return None
        if set(matched) <= self._anywhere_categories and self._past_or_absent_in(message) and not any(
                p.search(message) for p in (*self._now_said, *self._told_now)):
            return None
        if set(matched) <= self._ongoing_categories and self._nothing_now_or_harmful(message) and all(
                any(p.search(_sentence(message, m)) for p in self._ongoing)
                for matches in found.values() for m in matches):
            return None
        return Emergency(matched)

    def _denied(self, text: str, found: re.Match) -> bool:
        """A state said with "not" just before it: "not floppy" (knowledge/safety.yml ``denial``)."""
        return bool(self._deniable.match(text, found.start())
                    and self._negated.search(text[max(0, found.start() - NEGATION_REACH):found.start()]))

    def _dealt_with_after(self, message: str, found: re.Match) -> bool:
        """One of the two short sentences after the danger's own says it was
        dealt with ("… a burn on Monday. Treated at the walk-in, dressing on.")."""
        after = [message[a:b] for a, b in sentence_spans(message) if a >= found.end()][:OUTCOME_SENTENCES]
        return any(len(sentence.split()) <= SHORT_SENTENCE_WORDS and any(p.search(sentence) for p in self._outcome)
                   for sentence in after)

    def _happening_now(self, message: str) -> Optional[str]:
        """HAPPENING_NOW for a danger in a sentence that says something is
        happening now, or in the sentence after it, or in the sentence before a
        short one that says it ("... she's not making sense. I'm in the flat
        with them"), unless denied ("not floppy"); JUST_TOLD where every such
        sentence only says the danger was just told ("he's just told me ...");
        else None. A harmless phrase's own "now" is not a cue ("I don't think
        he's in danger right now")."""
        spans = sentence_spans(message)
        sentences = [message[a:b] for a, b in spans]
        spared: Optional[List[Tuple[int, int]]] = None  # found only once a cue is, as most messages have none
        told = False
        for i, sentence in enumerate(sentences):
            cues = [m for p in self._now_said for m in p.finditer(sentence)]
            if cues and spared is None:
                spared = self._spared_spans(message)
            cues = [m for m in cues
                    if not any(a <= spans[i][0] + m.start() and spans[i][0] + m.end() <= b for a, b in spared)]
            if cues:
                before = i - 1 if i and len(sentence.split()) <= SHORT_SENTENCE_WORDS else i
                window = " ".join(sentences[before:i + 2])
                if any(not self._denied(window, m) for p in self._danger_now for m in p.finditer(window)):
                    if not all(any(t.match(sentence, m.start()) for t in self._told) for m in cues):
                        return HAPPENING_NOW
                    told = True
        return JUST_TOLD if told else None

    def _spared_spans(self, message: str) -> List[Tuple[int, int]]:
        """Where the harmless phrases that spared a danger's match are."""
        return [span for category, patterns in self._patterns.items() for p in patterns for m in p.finditer(message)
                if not self._alarming(category, m, message) for span in self._harmless(category, m, message)]

    def _harmless(self, category: str, found: re.Match, message: str) -> List[Tuple[int, int]]:
        """Where the category's harmless phrases that overlap a match are."""
        return [b.span() for pattern in self._benign.get(category, []) for b in pattern.finditer(message)
                if b.start() < found.end() and b.end() > found.start()]

    def _alarming(self, category: str, found: re.Match, message: str) -> bool:
        """A match counts unless a harmless phrase overlaps it ("eczema that's
        cracked and bleeding", "the smell hit me"), unless its sentence says,
        outside the harmless phrase, that it is happening now ("I don't think
        he's in danger right now" is a denial, not a danger now). A danger's
        words said with "not" just before them ("alert, smiley, not floppy")
        are no danger."""
        if self._denied(message, found):
            return False
        harmless = self._harmless(category, found, message)
        if not harmless:
            return True
        return any(p.search(_sentence(_blanked(message, harmless), found)) for p in self._happening)

    def reassured(self, text: str) -> bool:
        """Whether a message says its danger is hypothetical, past or absent
        ("she's fine now", "for our induction pack"), or describes a pattern over
        weeks ("hasn't been to school since Easter"), with nothing happening now
        and no harm to the child named.
        Used to overrule the classifier's guess, never the rules' own match."""
        message = self.normalise(text)
        ongoing = any(p.search(message) for p in self._ongoing) and self._nothing_now_or_harmful(message)
        return self._hypothetical_in(message) or self._past_or_absent_in(message) or ongoing

    def _nothing_now_or_harmful(self, message: str) -> bool:
        return not any(p.search(message) for p in (*self._happening, *self._harm))

    def _hypothetical_in(self, message: str) -> bool:
        """Training, a joke, "what should I do if...": unless it is real and now."""
        return any(p.search(message) for p in self._hypothetical) and not any(p.search(message) for p in self._real)

    def _past_or_absent_in(self, message: str) -> bool:
        return any(p.search(message) for p in self._not_now) and not any(p.search(message) for p in self._now)


#: How many sentences after a danger's own may say it was dealt with.
OUTCOME_SENTENCES = 2
#: A clause this short after a danger is an aside, and the clause after it still speaks of the danger.
ASIDE_WORDS = 4
#: A sentence this short that says something is happening now ("I'm in the
#: flat with them") is about the sentence before it too.
SHORT_SENTENCE_WORDS = 10

def _clause(message: str, clauses: List[Tuple[int, int]], found: re.Match, new: List[re.Pattern]) -> str:
    """The clause a match is in, and the one after it ("a burn from January,
    healing well"); the one before it too ("back in January, a burn on his
    arm"), unless the match's own clause says it is new ("and now her arm
    looks broken again")."""
    inside = [i for i, (a, b) in enumerate(clauses) if a < found.end() and found.start() < b]
    if not inside:
        return message[found.start():found.end()]
    own = message[clauses[inside[0]][0]:clauses[inside[-1]][1]]
    start = inside[0] if any(p.search(own) for p in new) else max(inside[0] - 1, 0)
    end = min(inside[-1] + 1, len(clauses) - 1)
    if end < len(clauses) - 1 and len(message[clauses[end][0]:clauses[end][1]].split()) <= ASIDE_WORDS:
        end += 1  # past an aside: "an overdose - mum, not the kid - back in January"
    return message[clauses[start][0]:clauses[end][1]]


def _blanked(message: str, spans: List[Tuple[int, int]]) -> str:
    """The message with these stretches made spaces, so every other word keeps its place."""
    for start, end in spans:
        message = message[:start] + " " * (end - start) + message[end:]
    return message


def sentence_spans(message: str) -> List[Tuple[int, int]]:
    """Where each sentence of the message starts and ends: after a full stop,
    a question or exclamation mark, or a dash between spaces."""
    spans, start = [], 0
    for mark in re.finditer(r"[.?!]+(\s|$)|\s-\s", message):
        spans.append((start, mark.start()))
        start = mark.end()
    return [*spans, (start, len(message))]


def _sentence(message: str, found: re.Match) -> str:
    """The sentence a match is in."""
    start = max(message.rfind(mark, 0, found.start()) for mark in ".?!") + 1
    ends = [i for i in (message.find(mark, found.end()) for mark in ".?!") if i >= 0]
    return message[start:min(ends) if ends else len(message)]


@lru_cache(maxsize=1)
def default_detector() -> EmergencyDetector:
    return EmergencyDetector(knowledge.default().safety)


def is_emergency(text: str) -> bool:
    return default_detector().detect(text) is not None


@lru_cache(maxsize=4096)
def _with_g(word: str) -> str:
    """"pumpin" as "pumping"; a word that is a word without the g ("cabin") as itself."""
    bare, full = zipf_frequency(word, "en"), zipf_frequency(word + "g", "en")
    dropped = bare < _DROPPED_G_WORD_MAX and full >= _DROPPED_G_FULL_MIN and full - bare >= _DROPPED_G_GAIN
    return word + "g" if dropped else word
