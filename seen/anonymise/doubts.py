"""The words the anonymiser is not sure of, for the confirm step to ask the
practitioner about before a note is saved ("Is 'Storm' a name?").

Two kinds. A first name that is also an English word ("Will", "Storm",
"River", "faith") left in because nothing around it said it was a person:
a "yes" takes it out (``removed``). And a word taken out on weak evidence: an
English word read as a name by where it stands ("Bill came through"), or a
name-word that does what only a person does ("Sky hasn't been seen", "lucky
(14)", "wren and Kai"), which ``acting`` finds here: a "no" puts it back.

A word is in doubt when a name list has it (the first-name lists, or the
names that are also words), or when, capitalised or opening a sentence, it
does what a person does ("Zeus hasnt", "gem said") or names a family ("Baker
family"), and it is neither a detail found for sure, nor a placeholder, nor
Seen's own vocabulary, nor on the keep list. Initials doing what a person
does ("KB has her card", "JT's nan") are asked about too, never taken out
alone. Its score says how much more it
reads as a name than as a word: how rare it is in English (wordfreq's Zipf
scale), and whether it is capitalised or followed by what a person does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Dict, Iterable, Iterator, List, Optional, Sequence, Set, Tuple

from spacy.lang.en.stop_words import STOP_WORDS

from seen.anonymise.found import Found
from seen.anonymise.words import (
    BEING,
    COMMON_WORD,
    DOUBT_CAPITALISED_WORD,
    DOUBT_TYPED_CUED_WORD,
    DOUBT_TYPED_WORD,
    DOUBTFUL,
    INITIALS_DOUBT,
    ORDINARY_WORD,
    Words,
    alternation,
    zipf,
)
from seen.knowledge import AnonymiseRules

#: A word as the doubts read one: letters, with inner apostrophes or hyphens.
_WORD = re.compile(r"(?<![\w'’-])[^\W\d_][^\W\d_]*(?:['’-][^\W\d_]+)*(?![\w'’-])")
#: What may follow a word that makes it read as a person's name: "Storm (15)", "River said".
_PERSON_AFTER = re.compile(r"\s*(?:\(|,?\s*(?:and|&|n|\+)\s+(?:\[[A-Z ]+\]|[A-Z]|(?:his|her|their)\b))")
#: Joined to what follows: a name or placeholder ("wren and Kai", "unique n
#: [NAME]") or a brother or sister ("jet and her little brother").
_JOINED = re.compile(r"""
    ,?\s*(?:and|&|n|\+|,)\s+
    (?:
        (?P<kin>(?:his|her|their)\s+(?:(?:little|big|baby|older|younger|twin)\s+)?
                (?:brothers?|sisters?|siblings?|cousins?)\b)   # "and her little brother"
      | (?:(?:little|baby|big)\s+)?(?=\S)                     # "and little " before a name
    )""", re.IGNORECASE | re.VERBOSE)
#: A joiner just before a word, after a name: "[NAME] and " before "tolu", "Kai n little " before "gift".
_JOINER_BEFORE = re.compile(r"\s{0,3}(?:and|&|n|\+)\s{1,3}(?:(?:little|lil|baby|big)\s{1,3})?\Z", re.IGNORECASE)
#: A word and a joiner just before another word: "storm n " before "sky".
_JOINED_FROM = re.compile(r"(?<![\w'’-])([^\W\d_]+)\s{1,3}(?:and|&|n|\+)\s{1,3}\Z", re.IGNORECASE)
#: What follows a surname that stands for a family: "Baker family again".
_FAMILY_AFTER = re.compile(r"\s+(?:family|families|household|children|kids|twins)\b", re.IGNORECASE)
#: Where a name was taken out already.
_NAME_PLACEHOLDER = re.compile(r"\[NAME\]")
#: A possessive's ending: "Jazz's mum" asks about "Jazz".
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
#: A determiner just before a word: "the telly", "a Freddo", "his Xbox".
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|his|her|their|my|our|your|this|that|these|those)\s{1,3}\Z",
                                re.IGNORECASE)
#: What comes before a sentence's first word.
_SENTENCE_END = re.compile(r"(?:[.!?\n:;]|[\"“(])\s*$")
#: How far around a word the doubts look (a window, so a long text costs time in proportion to its length).
_REACH = 80
#: A word at least this common is never asked about, however it is used (the highest of the limits below).
_MOST_COMMON = max(DOUBT_CAPITALISED_WORD, DOUBT_TYPED_CUED_WORD, DOUBT_TYPED_WORD)
#: The longest word worth asking about; a doubt longer is no single word.
LONGEST_WORD = 40


@dataclass(frozen=True)
class Doubt:
    """A word that may be a name; the higher ``score``, the more likely."""

    word: str  # as first written in the text
    score: float
    #: Taken out of the note already, to be put back if it is no name; else left in, to be taken out if it is.
    removed: bool = False


class Doubts:
    """Finds the doubtful words in a text, given what the anonymiser found there."""

    def __init__(self, rules: AnonymiseRules, words: Words) -> None:
        self._words = words
        self._word_names = words.word_names
        negations = ["hasn't", "isn't", "wasn't", "didn't", "doesn't"]
        self._person_verbs = {w.lower() for w in rules.said_words + rules.subject_verbs + negations} | set(BEING)
        # What only a person does, straight after a word: a verb of saying,
        # attending or living ("Storm said", "Sky hasn't").
        verbs = alternation(rules.said_words + rules.subject_verbs + negations)
        self._acts = re.compile(rf"\s+(?:{verbs})\b", re.IGNORECASE)
        # "Storm has been staying", "Sky was missing": being, then what a person is.
        self._in_a_state = re.compile(rf"\s+(?:{alternation(list(BEING))})\s+(?:{alternation(rules.person_states)})\b",
                                      re.IGNORECASE)
        # "asked sky if", "picked up river": after a verb of saying, or what is done to a person.
        self._said_before = re.compile(rf"\b(?:{alternation(rules.said_words + rules.before_a_person)})\s{{1,3}}\Z",
                                       re.IGNORECASE)
        # "Pip (that's what everyone calls him)", "Willow (known as Wiz in class)": a nickname's brackets.
        self._nicknamed = re.compile(rf"\s*\([^()]{{0,40}}\b(?:{alternation(rules.naming_words)}|calls?)\b",
                                     re.IGNORECASE)
        # "river (2)", "autumn (yr4)", "gift (twins, 5)", "bex (mum)"
        self._aged = re.compile(
            rf"\s*\(\s*(?:\d|y(?:ea)?r\s?\d|yr\b|reception\b|nursery\b|(?:{alternation(rules.kin)})(?:['’]?s)?\b)",
            re.IGNORECASE)  # "(mum)", "(mums new fella)"
        self._aged_in_a_list = re.compile(r"\s\d{1,2}\s*[,)]")  # "(peace 6, justice 4)", for a listed name only
        # Straight after a kinship word or a title: "mum comfort", "baby tiger", "pcso jas", "mum (sky)".
        titles = alternation(rules.kin + rules.courtesy_titles + rules.titles + rules.police_numbers)
        self._kin = {w.lower() for w in rules.kin}
        self._titled = re.compile(rf"(?:^|[^\w'’])(?:{titles})\.?(?:\s{{1,3}}|\s{{0,3}}\(\s{{0,2}})$", re.IGNORECASE)

    def listed(self, word: str) -> bool:
        """A name list has it: a first name, or a name that is also a word."""
        low = word.lower()
        return low in self._word_names or self._words.first(low)

    def find(self, text: str, found: Sequence[Found], kept: Iterable[Tuple[int, int]]) -> List[Doubt]:
        """The doubtful words in ``text`` outside the details ``found`` and the
        spans ``kept`` (placeholders, Seen's own words), one per word whatever
        its case, most doubtful first."""
        return ranked(Doubt(text[start:end], round(score, 3)) for start, end, score, _ in self._read(text, found, kept))

    def acting(self, text: str, found: Sequence[Found], kept: Iterable[Tuple[int, int]],
               least: float) -> Iterator[Tuple[int, int]]:
        """Where a doubtful word scoring at least ``least`` does what only a
        person does ("Storm said", "Sky hasn't been seen", "river (2)"): taken
        out in doubt, and asked about."""
        for start, end, score, acts in self._read(text, found, kept):
            if acts and score >= least:
                yield start, end

    def _read(self, text: str, found: Sequence[Found],
              kept: Iterable[Tuple[int, int]]) -> Iterator[Tuple[int, int, float, bool]]:
        """Each word in doubt: where it stands, its score, and whether it acts as only a person does."""
        taken = bytearray(len(text))
        for start, end in [(f.start, f.end) for f in found] + list(kept):
            taken[start:end] = b"\x01" * (end - start)
        named = [(f.start, f.end) for f in found if f.label == "NAME"] + [
            m.span() for m in _NAME_PLACEHOLDER.finditer(text)]
        names, name_ends = {start for start, _ in named}, {end for _, end in named}
        for match in _WORD.finditer(text):
            start, end = match.span()
            possessive = _POSSESSIVE.search(match.group())
            end -= len(possessive.group()) if possessive else 0
            if taken.find(1, start, end) != -1 or end <= start:
                continue
            around = _Around(self, text, start, end, names, name_ends, bool(possessive))
            score = self._score(text[start:end], around)
            if score >= DOUBTFUL:
                yield start, end, score, around.acts

    def _score(self, word: str, around: "_Around") -> float:
        """How much more ``word`` reads as a name than as a word, given what is
        ``around`` it (whether it acts as only a person does, or has an age or
        a name beside it); below DOUBTFUL, not in doubt. What is around a word
        is read only once the word itself could be in doubt: most words are
        settled by the word alone, which keeps a long text quick."""
        low = word.lower()
        words = self._words
        if low in words.never_names or not 2 <= len(word) <= LONGEST_WORD:
            return 0.0
        # A listed first name that is also a season or a month ("autumn", "june")
        # is in doubt only where it acts as a person: "autumn (yr4)".
        season = low in words.keep_language and words.first(low) and low not in STOP_WORDS and around.acts
        if low in words.keep_language and not season:
            return 0.0
        if word.isupper() and len(word) <= 4:
            # Initials standing for a person ("KB has her card", "JT's nan") are
            # asked about, never taken out; any other acronym ("ED", "NICU") is no name.
            person = len(word) <= 3 and low not in words.keep and low not in STOP_WORDS and (
                around.does or around.owns_kin or around.acts)
            return INITIALS_DOUBT if person else 0.0
        if low in words.keep and not (around.does or season or around.owns_kin):
            return 0.0  # a function word ("will", "may") unless a person's: "Will hasn't", "will came", "will's sister"
        frequency = zipf(low)
        capitalised = word[0].isupper()
        listed = words.first(low) or low in self._word_names
        if frequency >= _MOST_COMMON and low not in words.keep:
            return 0.0  # too common a word to ask about, however it is used
        if not listed and frequency >= COMMON_WORD and not (low in words.surnames and around.family):
            return 0.0
        if not listed and low.endswith("s") and zipf(low[:-1]) >= ORDINARY_WORD:
            return 0.0  # the plural of a word: "lads said", "mates came"
        if not listed:
            # Unlisted: only a word, capitalised or opening a sentence, that acts
            # as a person does ("Zeus hasnt been seen", "gem said"), one with an
            # age or a name beside it ("goodluck (yr 5)"), or a surname before
            # "family" ("Baker family").
            family = low in words.surnames and around.family
            if not (((capitalised and not word.isupper()) or around.opens or around.beside)
                    and (family or ((around.does or around.beside) and frequency < COMMON_WORD))):
                return 0.0
        common = DOUBT_CAPITALISED_WORD if capitalised else DOUBT_TYPED_CUED_WORD if around.cue else DOUBT_TYPED_WORD
        if frequency >= common and low not in words.keep:
            return 0.0  # too common a word to ask about
        if around.after_a_determiner:
            return 0.0  # "on the telly", "her Sky box": a thing
        score = max(DOUBT_CAPITALISED_WORD - frequency, 0.0)
        if capitalised:
            score += 0.5 if around.opens else 1.0  # a capital mid-sentence says more than one opening it
        if around.cue:
            score += 1.0  # "Storm said", "River (Reception)", "Sky and [NAME]"
        return score


class _Around:
    """What stands around one word of a text, each read the first time it is asked for."""

    def __init__(self, doubts: Doubts, text: str, start: int, end: int, names: Set[int], name_ends: Set[int],
                 possessive: bool = False) -> None:
        self._doubts, self._text, self._start, self._end = doubts, text, start, end
        self._names, self._name_ends, self._possessive = names, name_ends, possessive

    @cached_property
    def _owned(self) -> bool:
        """A name-word owning something, capitalised, or a relative in any case:
        "Sky's attendance", "Summer's front teeth", "jet's mum"."""
        word = self._text[self._start:self._end]
        return self._possessive and (word[0].isupper() or self.owns_kin) and self._doubts.listed(word)

    @cached_property
    def owns_kin(self) -> bool:
        """A brother, sister or mum is its own: "will's sister", "May's mum"."""
        if not self._possessive:
            return False
        kin = re.match(r"['’]s\s{1,3}([\w-]+)", self._text[self._end:self._end + _REACH])
        return bool(kin and kin.group(1).lower() in self._doubts._kin)

    @cached_property
    def _after(self) -> str:
        return self._text[self._end:self._end + _REACH]

    @cached_property
    def _joined(self) -> Optional[re.Match]:
        return _JOINED.match(self._text, self._end, self._end + _REACH)

    @cached_property
    def _aged(self) -> bool:
        return bool(self._doubts._aged.match(self._text, self._end, self._end + _REACH))

    @cached_property
    def _to_a_name(self) -> bool:
        joined = self._joined
        return bool(joined and (joined.end() in self._names or joined.group("kin")))

    @cached_property
    def _from_a_name(self) -> bool:
        """Joined from a name found already: "tolu" in "[NAME] and tolu", "gift" in "Kai n gift"."""
        joiner = _JOINER_BEFORE.search(self._text, max(0, self._start - _REACH), self._start)
        return bool(joiner and joiner.start() in self._name_ends)

    @cached_property
    def beside(self) -> bool:
        """An age, a name or a nickname's brackets beside it ("goodluck (yr 5)",
        "gift + Kai", "Kai and tolu"); after only a comma, that says less
        ("cigs, Kai is 12")."""
        return self._aged or (self._to_a_name and not self._joined.group().lstrip().startswith(",")) or (
            self._from_a_name or self._nicknamed)

    @cached_property
    def _nicknamed(self) -> bool:
        """Brackets after it that say it is what someone is called: "Pip (what everyone calls him)"."""
        return bool(self._doubts._nicknamed.match(self._text, self._end, self._end + _REACH))

    @cached_property
    def acts(self) -> bool:
        """It does what only a person does, or has an age, a name or a title beside it."""
        doubts, text, start, end = self._doubts, self._text, self._start, self._end
        return self._aged or self._to_a_name or self._from_a_name or self._listed_pair or self._owned or bool(
            doubts._acts.match(text, end, end + _REACH) or doubts._in_a_state.match(text, end, end + _REACH)
            ) or self._nicknamed or bool(
            doubts._aged_in_a_list.match(text, end, end + _REACH)) or bool(
            doubts._titled.search(text, max(0, start - _REACH), start))

    @cached_property
    def does(self) -> bool:
        """The next word is what a person does: "said", "hasn't"."""
        next_word = re.match(r"\s*([\w'’]+)", self._after)
        return bool(next_word and next_word.group(1).lower() in self._doubts._person_verbs)

    @cached_property
    def _joined_to(self) -> Optional[str]:
        """The word it is joined to: "sky" for "storm" in "storm n sky"."""
        joined = self._joined
        following = joined and _WORD.match(self._text, joined.end())
        return following.group() if following else None

    @cached_property
    def _joined_from(self) -> Optional[str]:
        """The word joined to it: "storm" for "sky" in "storm n sky"."""
        before = _JOINED_FROM.search(self._text, max(0, self._start - _REACH), self._start)
        return before.group(1) if before else None

    @cached_property
    def _to_a_listed_name(self) -> bool:
        """Joined to a word the name lists have: "storm n sky", "bear and blue"."""
        return self._joined_to is not None and self._doubts.listed(self._joined_to)

    @cached_property
    def _from_a_listed_name(self) -> bool:
        """Joined from a word the name lists have: "sky" in "storm n sky"."""
        return self._joined_from is not None and self._doubts.listed(self._joined_from)

    @cached_property
    def cue(self) -> bool:
        return (self.does or self.acts or self.owns_kin or bool(_PERSON_AFTER.match(self._after))
                or self._to_a_listed_name or self._from_a_listed_name
                or bool(self._doubts._said_before.search(self._text, max(0, self._start - _REACH), self._start)))

    @cached_property
    def _listed_pair(self) -> bool:
        """It and another word the name lists have, joined, both typed in lower
        case and it listed too: "hope n faith not in", "jet n ace out at 11pm";
        not "Grace and patience", "Holly and ivy decorations"."""
        word = self._text[self._start:self._end]
        partners = [self._joined_to, self._joined_from]
        return word.islower() and self._doubts.listed(word) and any(
            p is not None and p.islower() and self._doubts.listed(p) for p in partners)

    @cached_property
    def opens(self) -> bool:
        """It opens a sentence."""
        before = self._text[max(0, self._start - _REACH):self._start]
        return (self._start <= _REACH and not before.strip()) or bool(_SENTENCE_END.search(before))

    @cached_property
    def after_a_determiner(self) -> bool:
        """A word after "the", "a" or "his" is a thing: "on the telly", "her Sky box"."""
        return bool(_DETERMINER_BEFORE.search(self._text, max(0, self._start - _REACH), self._start))

    @cached_property
    def family(self) -> bool:
        """It names a family: "Baker family"."""
        return bool(_FAMILY_AFTER.match(self._after))


def most_doubtful(doubts: Iterable[Sequence[Doubt]], limit: int) -> List[str]:
    """The ``limit`` most doubtful words across several texts' doubts (a
    note's answers), each once whatever its case, most doubtful first."""
    return [d.word for d in ranked(d for text_doubts in doubts for d in text_doubts)[:max(limit, 0)]]


def ranked(doubts: Iterable[Doubt]) -> List[Doubt]:
    """One doubt per word whatever its case (as first written, with its highest
    score, removed if taken out anywhere): those left in first, as a name left
    in is the worse mistake, then the most doubtful first."""
    best: Dict[str, Doubt] = {}
    for doubt in doubts:
        key = doubt.word.lower()
        known = best.get(key)
        best[key] = Doubt(known.word if known else doubt.word, max(doubt.score, known.score if known else 0.0),
                          doubt.removed or bool(known and known.removed))
    return sorted(best.values(), key=lambda d: (d.removed, -d.score, d.word.lower()))


def occurrences(text: str, word: str) -> List[Tuple[int, int]]:
    """Where ``word`` stands in ``text`` as a whole word, in any case ("Storm", "storm's")."""
    if not is_a_word(word):
        return []
    # Not inside a placeholder: "NAME" in "[NAME]" is no word of the note.
    # Initials in capitals only as written: "KB", not "kb" in a word's place.
    flags = 0 if word.isupper() and len(word) > 1 else re.IGNORECASE
    pattern = re.compile(rf"(?<![\w'’\[-]){re.escape(word)}(?![\w\]-])", flags)
    return [m.span() for m in pattern.finditer(text)]


def removed(text: str, words: Iterable[str], placeholder: str) -> str:
    """``text`` with every whole-word occurrence of each of ``words`` replaced by ``placeholder``."""
    spans: Set[Tuple[int, int]] = set()
    for word in words:
        spans.update(occurrences(text, word))
    out, last = [], 0
    for start, end in sorted(spans):
        if start < last:
            continue
        out += [text[last:start], placeholder]
        last = end
    return "".join(out + [text[last:]])


def is_a_word(word: object) -> bool:
    """A single word that could be asked about: a doubt read back from the
    conversation's state is checked with this, as nothing in it is trusted."""
    return isinstance(word, str) and len(word) <= LONGEST_WORD and bool(_WORD.fullmatch(word))
