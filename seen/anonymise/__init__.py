"""Replace identifying details in a reflection note with labelled placeholders.

Built on a blank English spaCy pipeline with rule-based components only, so it
needs no statistical model. Three finders each look for one kind of detail:
``identifiers`` (regular expressions for postcodes, phone, NHS and NI numbers,
dates, emails, links, references, vehicle registrations), ``places``
(addresses and named settings) and ``names`` (token rules and a spaCy Matcher:
people's names from cue words such as "Mum, Kayleigh", "Mr Iqbal", "called
Jayden", "Tyler said", the US Census name lists (public domain, the `names`
package), the first-name lists of many countries that Faker ships (MIT
licence) and word frequencies (`wordfreq`: a capitalised rare word
mid-sentence is more likely a name than anything else)). ``words`` holds what
they share. This module runs them and settles where their details overlap.
Cue words and the safeguarding language to keep are in knowledge/anonymise.yml.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Dict, Iterable, List, Set, Tuple

from seen import knowledge
from seen.anonymise import spacy_alone  # noqa: F401 - first: spaCy without TensorFlow
from seen.anonymise.doubts import Doubt, Doubts, occurrences, ranked
from seen.anonymise.found import Found, merged
from seen.anonymise.identifiers import Identifiers
from seen.anonymise.names import Names
from seen.anonymise.places import Places
from seen.anonymise.words import BEING, REMOVE_DOUBT, Words, alternation
from seen.knowledge import Knowledge

__all__ = ["Anonymiser", "Doubt", "Found", "anonymise", "default"]


class Anonymiser:
    """``anonymise(text)`` returns the text with identifying details replaced."""

    def __init__(self, kb: Knowledge) -> None:
        self._rules = kb.anonymise
        words = self._words = Words(kb)
        self._titles = {w.lower() for w in self._rules.courtesy_titles + self._rules.police_numbers}
        self._after_a_title = re.compile(rf"""\b(?:
            (?:{alternation(self._rules.courtesy_titles)})\.?\s{{1,3}}                 # "Mr Derby"
          | (?:{alternation(self._rules.police_ranks)})\.?\s{{1,3}}(?:\d{{2,6}}\s{{1,3}})?  # "PC 2291 Hyde"
            )\Z""", re.I | re.X)
        self._identifiers = Identifiers(self._rules)
        self._places = Places(self._rules, words)
        self._names = Names(self._rules, words)
        # Its own placeholders are left as they are, so anonymising twice changes nothing.
        placeholders = sorted(self._rules.placeholders.values(), key=len, reverse=True)
        self._placeholder = re.compile("|".join(re.escape(p) for p in placeholders))
        self._own_words = _own_vocabulary(kb, words)
        self._everyday = re.compile(rf"(?<![\w'’-])(?:{alternation(self._rules.everyday_names)})(?![\w'’-])", re.I)
        self._service = re.compile(rf"""
            (?<![\w'’-])
            (?:[A-Z][A-Za-z’-]*\s{{1,3}}(?:(?:of|and|for|&|the)\s{{1,3}})?){{1,4}}  # "Legal Gateway", "Public Law"
            (?:{alternation(self._rules.service_heads, capitalised=True)})(?![\w'’-])  # "Meeting", "Outline"
            """, re.VERBOSE)
        # "Housing Disrepair team", "Fuel Bank voucher": two or more capitalised
        # words before a service's head word in lower case, none a place's word.
        self._service_before_head = re.compile(rf"""
            (?<![\w'’-])
            (?P<name>[A-Z][A-Za-z’-]*(?:\s{{1,3}}(?:(?:of|and|for|&|the)\s{{1,3}})?[A-Z][A-Za-z’-]*){{1,3}})
            \s{{1,3}}(?:{alternation(self._rules.service_heads)})(?![\w'’-])
            """, re.VERBOSE)
        self._town = re.compile(rf"""
            (?<![\w'’-])(?i:{alternation(self._rules.town_cues)})\s{{1,3}}
            (?P<towns>{_TOWN}(?:\s{{0,3}}(?:,|and|or|&|/|to)\s{{1,3}}{_TOWN})*)
            (?!\s{{1,3}}[A-Z]|['’]s\b|[\w'’-])
            """, re.VERBOSE)
        denomination = alternation(self._rules.denominations, capitalised=True)
        self._kind_of_worship = re.compile(rf"""
            (?<![\w'’-])(?:{denomination})(?:\s{{1,3}}(?:{denomination}))*\s{{1,3}}
            (?:{alternation(self._rules.worship_words, capitalised=True)})(?![\w'’-])  # "the Methodist Church"
            """, re.VERBOSE)
        self._rating_cue = re.compile(rf"(?<![\w'’-])(?:{alternation(self._rules.rating_cues)})(?![\w'’-])", re.I)
        acting = alternation(self._rules.said_words + self._rules.subject_verbs + list(BEING))
        self._rating_colour = re.compile(rf"""
            (?<![\w'’-])(?:{alternation(self._rules.rating_colours)})(?![\w'’-])
            (?!['’]s\b|\s{{0,3}}\(|\s{{1,3}}(?:{acting})\b)   # not "Amber's", "Amber (7)", "Amber said"
            """, re.VERBOSE)
        self._doubts = Doubts(self._rules, words)
        #: A service's head word that ends a kind of setting: "Fernlea Medical Group" is a practice, not a team.
        self._settings_kind = re.compile(
            rf"\s(?:{alternation([w for w in self._rules.setting_words if ' ' in w])})$", re.I)

    def find(self, text: str, kept: Iterable[str] = ()) -> List[Found]:
        """Every identifying detail, longest first where two overlap, except the
        doubtful ones whose word the practitioner said is no name (``kept``)."""
        found = list(self._identifiers.find(text)) + list(self._places.find(text))
        found += self._names.find(text, taken=_covered(found))
        placeholders = bytearray(len(text))
        own = [m.span() for m in self._placeholder.finditer(text)] + [
            (start, end) for start, end in self._own_spans(text)
            if not self._after_a_title.search(text, max(0, start - _TITLE_REACH), start)]  # "Mr Derby" is nobody's area
        branches = [(f.start, f.end) for f in found if f.label == "PLACE"]
        chains = [(start, end) for start, end in self._places.chains(text)
                  if not any(b_start <= start and end <= b_end for b_start, b_end in branches)]
        for start, end in own + chains:
            placeholders[start:end] = b"\x01" * (end - start)
        # A detail wholly inside a placeholder, Seen's own words or a chain's
        # name ("went to Greggs") is no detail; one that reaches beyond
        # ("Kingsmead Children's Centre", "Greggs Failsworth") still is.
        found = _with_their_streets(text, [
            Found(f.label, f.start, f.end, text[f.start:f.end], f.doubtful) for f in _without_overlaps(found)
            if placeholders.find(0, _past_the(text, f.start), f.end) != -1])
        # A listed name that is also a word, reading more as a name than as a
        # word where it stands ("Sky has not been seen"): taken out, and asked about.
        for _ in range(LIST_REACH):  # "brook, dusty and little Kai": each word joins the name after it
            acting = [Found("NAME", start, end, text[start:end], doubtful=True)
                      for start, end in self._doubts.acting(text, found, own, REMOVE_DOUBT)]
            if not acting:
                break
            found += acting
        found += self._elsewhere(text, found, placeholders)
        kept_words = {w.lower() for w in kept}
        return sorted((f for f in found if not (f.doubtful and f.text.lower() in kept_words)), key=lambda f: f.start)

    @staticmethod
    def _elsewhere(text: str, found: List[Found], placeholders: bytearray) -> List[Found]:
        """A one-word name found once is a name wherever else the note has it
        ("Sky said she was hungry. Sky's NHS no is …"): capitalised, or typed
        as it was found; not inside a placeholder or Seen's own words ("Sky TV")."""
        taken = _covered(found)
        more: List[Found] = []
        for name in {f.text: f for f in found if f.label == "NAME" and _ONE_WORD.fullmatch(f.text)}.values():
            for start, end in occurrences(text, name.text):
                typed = text[start:end]
                if (typed[0].isupper() or typed == name.text) and start not in taken and (
                        placeholders.find(0, start, end) != -1):
                    more.append(Found("NAME", start, end, typed, name.doubtful))
                    taken.update(range(start, end))
        return more

    def anonymise(self, text: str, kept: Iterable[str] = ()) -> str:
        """``text`` with every detail ``find`` finds replaced by its placeholder."""
        out, last = [], 0
        for item in self.find(text, kept):
            out.append(text[last:item.start])
            out.append(self._rules.placeholders[item.label])
            last = item.end
        out.append(text[last:])
        return "".join(out)

    @property
    def towns(self) -> Set[str]:
        """The towns the anonymiser knows (lower case): kept in a note, but
        asked about as a place, as a small one can tell who a family is."""
        return self._words.towns

    def doubts(self, text: str) -> List[Doubt]:
        """The words that may or may not be names, most doubtful first: those
        ``anonymise(text)`` leaves in but may be names ("Storm", "Hope"), then
        those it takes out but may be words ("Pram"). The confirm step asks the
        practitioner about them (seen/anonymise/doubts.py); a town it keeps
        ("moved to Mossley") is asked about last."""
        found = self.find(text)
        own = [m.span() for m in self._placeholder.finditer(text)] + self._own_spans(text, with_towns=False)
        sure = {f.text.lower() for f in found if f.label == "NAME" and not f.doubtful}
        removed = [Doubt(f.text, 0.0, removed=True) for f in found if f.doubtful and f.text.lower() not in sure]
        phrases = self._doubts.phrases(text, found, own)
        in_a_phrase = {word.lower() for phrase in phrases for word in phrase.word.split()}
        words = [d for d in self._doubts.find(text, found, own) if d.word.lower() not in in_a_phrase]
        return ranked(words + phrases + removed)  # "Arndale Centre" asked about once, not "Arndale" too

    def _own_spans(self, text: str, with_towns: bool = True) -> List[Tuple[int, int]]:
        """Where Seen's own names for things, the everyday names of services
        and things, and names ending in a service's head word ("Core Group")
        (knowledge/anonymise.yml) stand in a text; and, ``with_towns``, towns
        after "in" or "from" (kept in the note, but the confirm step asks)."""
        spans = []
        for match in _CAPITALISED_WORD.finditer(text):
            for phrase in self._own_words.get(match.group(), ()):
                end = match.start() + len(phrase)
                if text.startswith(phrase, match.start()) and not (end < len(text) and (text[end].isalnum())):
                    spans.append((match.start(), end))
                    break
        spans += [match.span() for match in self._everyday.finditer(text)]
        spans += [match.span() for match in self._kind_of_worship.finditer(text)]
        if self._rating_cue.search(text):
            spans += [match.span() for match in self._rating_colour.finditer(text)]
        spans += [match.span() for match in self._service.finditer(text)
                  if self._nobody_in(match.group()) and not self._settings_kind.search(match.group())]
        spans += [match.span("name") for match in self._service_before_head.finditer(text)
                  if self._nobody_in(match.group("name")) and not self._place_word_in(match.group("name"))]
        return spans + self._town_spans(text) if with_towns else spans

    def _town_spans(self, text: str) -> List[Tuple[int, int]]:
        """Where towns stand after "in", "from", "moved to" and the like, each
        capitalised and none a first name ("from Lagos", not "from Chester")."""
        spans = []
        for match in self._town.finditer(text):
            towns = [(m.start() + match.start("towns"), m.end() + match.start("towns"))
                     for m in _CAPITALISED_RUN.finditer(match.group("towns"))]
            spans += [(a, b) for a, b in towns if " ".join(text[a:b].lower().split()) in self._words.towns]
        return spans

    def _place_word_in(self, phrase: str) -> bool:
        """A setting's, business's or street's word: "Oakwood Academy team" is a school's team."""
        return any(w.lower() in self._words.place_words for w in re.findall(r"[A-Za-z’'-]+", phrase))

    def _nobody_in(self, phrase: str) -> bool:
        """No first name or title among a phrase's words: "Core Group", not "Dr Rebecca Bishop of … Paediatrics"."""
        return not any(self._words.first(w.lower()) or w.lower() in self._titles
                       for w in re.findall(r"[A-Za-z]+", phrase))


#: A run of capitalised words (with "of", "and", "&" between) and maybe a number:
#: how Seen's topics name a tool, a framework, a review's case.
_OWN_PHRASE = re.compile(r"[A-Z][\w'’-]*(?:\s(?:(?:of|and|for|&)\s)?[A-Z][\w'’-]*)*(?:\s\d{1,3}\b)?")
_ONE_WORD = re.compile(r"[^\W\d_]{2,}")
#: A town's name: one to three words ("Oldham", "Weston-super-Mare", "Sutton Coldfield").
_TOWN = r"[A-Z][\w'’-]*(?:\s{1,3}[A-Z][\w'’-]*){0,2}"
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s{1,3}[A-Z][\w'’-]*)*")
_CAPITALISED_WORD = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*")


def _own_vocabulary(kb: Knowledge, words: Words) -> Dict[str, List[str]]:
    """Seen's own names for things, as its topics and sources write them
    ("Graded Care Profile", "Children's Needs & Response Framework", "Case
    17") and its own name, by their first word: never redacted. A single word that
    is also a listed name ("Will", "Hope") is left out, so it is not kept
    for a child who has that name."""
    texts = [t.title for t in kb.topics.values()] + [t.answer for t in kb.topics.values()]
    texts += [d.title for d in kb.sources.values()] + [a.name for a in kb.areas.values()]
    phrases: Dict[str, Set[str]] = {"Seen": {"Seen"}}  # its own name
    for text in texts:
        for match in _OWN_PHRASE.finditer(text):
            phrase = match.group().strip()
            parts = phrase.split()
            single = len(parts) == 1
            if single and (words.first(phrase.lower()) or phrase.lower() in words.surnames or len(phrase) < 3):
                continue
            phrases.setdefault(parts[0], set()).add(phrase)
    return {first: sorted(found, key=len, reverse=True) for first, found in phrases.items()}


#: Between a place and its street: "the Spar on Eldon St", "Castle Dental, Rochdale Rd".
_ON_A_STREET = re.compile(r"(?:\s{1,3}(?:on|in|off|at)\s{1,3}(?:the\s{1,3})?|,\s{1,3})\Z")


def _with_their_streets(text: str, found: List[Found]) -> List[Found]:
    """A place and the street it is on, as one place: "the Spar on Eldon St",
    "the Golden Wok on Station Rd" (a name after "the", before a street, is a
    business's), so the whole of where it is goes, joining word and all."""
    found = sorted(found, key=lambda f: f.start)
    out: List[Found] = []
    for item in found:
        last = out[-1] if out else None
        named_place = last is not None and (last.label in ("PLACE", "SCHOOL_OR_SETTING") or (
            last.label == "NAME" and text[max(0, last.start - 4):last.start].lower() == "the "))
        if (named_place and item.label == "ADDRESS" and not item.text[:1].isdigit()  # "12 Holt St" is a home
                and _ON_A_STREET.match(text[last.end:item.start]) and item.start - last.end <= 12):
            label = last.label if last.label != "NAME" else "PLACE"
            out[-1] = Found(label, last.start, item.end, text[last.start:item.end])
        else:
            out.append(item)
    return out


def _past_the(text: str, start: int) -> int:
    """Where a detail starts after a leading "the": "The Family Court" is Seen's own words."""
    return start + 4 if text[start:start + 4].lower() == "the " else start


def _covered(found: List[Found]) -> Set[int]:
    return {i for f in found for i in range(f.start, f.end)}


#: How far before a word a title and its number are looked for: "Inspector 123456 ".
_TITLE_REACH = 24
#: How many words before a name a list is followed back ("brook, dusty and little Kai").
LIST_REACH = 3

#: Details found by looser rules: where one overlaps an exact format (a phone
#: number, an email), the exact format wins.
LOOSE = {"ADDRESS", "SCHOOL_OR_SETTING", "PLACE", "NAME"}


def _without_overlaps(found: List[Found]) -> List[Found]:
    """Where details overlap, an exact format beats a looser rule, then the
    longest wins (a phone number over the reference inside it)."""
    found = merged(found)
    kept: List[Found] = []
    taken = bytearray(max((f.end for f in found), default=0))  # 1 where a kept detail is
    for item in sorted(found, key=lambda f: (f.label in LOOSE, -(f.end - f.start), f.start)):
        if taken.find(1, item.start, item.end) == -1:
            kept.append(item)
            taken[item.start:item.end] = b"\x01" * (item.end - item.start)
    return sorted(kept, key=lambda f: f.start)


_BUILDING = threading.Lock()


def default() -> Anonymiser:
    """The anonymiser, built once (2 to 5 s): a thread that asks while another
    builds it waits for that build instead of making a second one."""
    with _BUILDING:
        return _built()


@lru_cache(maxsize=1)
def _built() -> Anonymiser:
    return Anonymiser(knowledge.default())


def anonymise(text: str, kept: Iterable[str] = ()) -> str:
    """The text with identifying details replaced by labelled placeholders,
    except the doubtful words the practitioner said are no names (``kept``)."""
    return default().anonymise(text, kept)
