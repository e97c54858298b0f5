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
Last of all (LEAST_DOUBT), words nothing points at but that may be someone's
or somewhere's own: a rare capitalised word, a town (kept, asked as a
place), a word typed in lower case that no English has.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Collection, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Set, Tuple

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
    LEAST_DOUBT,
    ORDINARY_WORD,
    PHRASE_DOUBT,
    RARE_WORD,
    TYPED_NAME,
    TYPED_WORD_BESIDE_A_PERSON,
    UNKNOWN_WORD,
    WEAK_DOUBT,
    Words,
    alternation,
    zipf,
)
from seen.knowledge import AnonymiseRules

#: A word as the doubts read one: letters, with inner apostrophes or hyphens.
_WORD = re.compile(r"(?<![\w-])(?<!\w['’])[^\W\d_][^\W\d_]*(?:['’-][^\W\d_]+)*(?![\w-])(?!['’]\w)")
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
#: A run of two to five capitalised words or numbers, with "&", "of" or "the"
#: between: perhaps a place's own name ("Kutz 4 Kings", "Fryer Tuck's", "Duke of York").
_CAPITALISED_RUN = re.compile(r"""
    (?<![\w'’&-])[A-Z][\w'’&-]*
    (?:\s(?:(?:of|the|&)\s)?(?:[A-Z][\w'’&-]*|\d{1,4}[A-Za-z]?)(?![\w'’-])){1,4}
    (?![\w'’-])""", re.VERBOSE)
#: A short name asked about as one: words of letters, digits, "&" and apostrophes, one space apart.
_PHRASE = re.compile(r"[^\W_][\w'’&-]*(?: [\w'’&-]+){1,4}")
#: A word's ending that makes it a verb or a state, not a name, after "mum": "mum cooking", "mum tearful".
_VERB_ENDING = re.compile(r"(?:ing|ed|ly|ful|ve)$")
#: From this Zipf frequency a word ending "-in" with a "g" added is a verb
#: typed as said ("bunkin", from "bunking" 2.0), no name.
DROPPED_G = 1.5
#: What stands before a verb: "to chase", "can't".
_VERB_BEFORE = re.compile(r"(?:\b(?:to|will|would|can|could|should|must|might|shall|did|do|does|not)|n['’]?t)\s{1,3}\Z",
                          re.IGNORECASE)
#: A pronoun for nobody in particular, before "else": "nobody else is seeing her".
_INDEFINITE_BEFORE = re.compile(r"\b(?:no ?one|nobody|someone|somebody|anyone|anybody|everyone|everybody|something|"
                                r"anything|nothing|everything)\s{1,3}\Z", re.IGNORECASE)
#: A school year after initials: "JT in year 10".
_IN_A_YEAR = re.compile(r"\s{1,3}in\s{1,3}y(?:ea)?r\s?\d", re.IGNORECASE)
#: Quotation marks around a nickname.
_QUOTES = {"'", "‘", "’", '"', "“", "”"}
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
            rf"\s*\(\s*(?:\d|y(?:ea)?r\s?\d|yr\b|reception\b|nursery\b|(?:{alternation(rules.kin)})(?:['’]?s)?\b)"
            r"|,?\s{1,3}aged?\s{1,3}\d",  # "river aged 2"
            re.IGNORECASE)  # "(mum)", "(mums new fella)"
        self._aged_in_a_list = re.compile(r"\s\d{1,2}\s*[,)]")  # "(peace 6, justice 4)", for a listed name only
        # Straight after a kinship word or a title: "mum comfort", "baby tiger", "pcso jas", "mum (sky)".
        titles = alternation(rules.kin + rules.courtesy_titles + rules.titles + rules.police_numbers)
        self._kin = {w.lower() for w in rules.kin}
        self._titled = re.compile(rf"(?:^|[^\w'’])(?:{titles})\.?(?:\s{{1,3}}|\s{{0,3}}\(\s{{0,2}})$", re.IGNORECASE)
        self._house_names = {w.lower() for w in rules.house_name_words}
        self._typed_words = {w.lower() for w in rules.typed_words}
        self._town_cue = re.compile(rf"\b(?:{alternation(rules.town_cues + rules.typed_town_cues)})\s{{1,3}}\Z",
                                    re.IGNORECASE)
        # "per KB", "supervisee GH"; "KB to chase legal": initials for a person.
        self._before_initials = re.compile(rf"\b(?:{alternation(rules.before_initials)})[\s:]{{1,3}}\Z",
                                           re.IGNORECASE)
        self._initials_do = re.compile(rf"\s{{1,3}}to\s{{1,3}}(?:{alternation(rules.initials_do)})\b", re.IGNORECASE)
        self._courtesy_before = re.compile(rf"\b(?:{alternation(rules.courtesy_titles)})\.?\s{{1,3}}\Z", re.IGNORECASE)
        naming = alternation(rules.naming_words + rules.nickname_cues)
        self._naming_before = re.compile(rf"\b(?:{naming})\s{{0,3}}['‘\"“]?\s{{0,3}}\Z", re.IGNORECASE)
        # "keyworker RB", "room leader JB": a worker named by initials.
        self._worker_before = re.compile(rf"\b(?:{alternation(rules.worker_words)})\s{{1,3}}\Z", re.IGNORECASE)
        self._verbs_in_doubt = {w.lower() for w in rules.acts_in_doubt}
        self._child_word_before = re.compile(rf"\b(?:{alternation(rules.before_a_child)})\s{{1,3}}\Z", re.IGNORECASE)
        self._done_to = re.compile(rf"\b(?:{alternation(rules.before_a_person)})\s{{1,3}}\Z", re.IGNORECASE)
        # "May, the eldest,", "DD, her stepdad": said again as who it is.
        self._apposed = re.compile(rf"""\s*,\s{{0,3}}(?:the|our|my|her|his|their)\s{{1,3}}
            (?:{alternation(rules.apposition_words + rules.kin)})\b""", re.IGNORECASE | re.VERBOSE)
        # "in May", "Summer term": the calendar's word, not a person's.
        self._calendar_before = re.compile(rf"\b(?:{alternation(rules.calendar_before)})\s{{1,3}}\Z", re.IGNORECASE)
        # "storm smells of smoke", "rose not in again", "bill from the family hub".
        self._acts_in_doubt = re.compile(rf"\s*(?:{alternation(rules.acts_in_doubt)})\b", re.IGNORECASE)
        self._calendar_after = re.compile(rf"\s{{1,3}}(?:{alternation(rules.calendar_after)})\b", re.IGNORECASE)

    def listed(self, word: str) -> bool:
        """A name list has it: a first name, or a name that is also a word."""
        low = word.lower()
        return low in self._word_names or self._words.first(low)

    def find(self, text: str, found: Sequence[Found], kept: Iterable[Tuple[int, int]]) -> List[Doubt]:
        """The doubtful words in ``text`` outside the details ``found`` and the
        spans ``kept`` (placeholders, Seen's own words), one per word whatever
        its case, most doubtful first."""
        return ranked(Doubt(text[start:end], round(score, 3)) for start, end, score, _ in self._read(text, found, kept))

    def phrases(self, text: str, found: Sequence[Found], kept: Iterable[Tuple[int, int]]) -> List[Doubt]:
        """Runs of capitalised words that no finder took out, no part of them
        Seen's own words or a detail found, with a word in them that could make
        them someone's own ("Arndale Centre", not "Early Help"): perhaps
        a place's own name, so the confirm step asks. One opening a sentence
        counts from its second word when its first is an ordinary word ("Met
        mum at Costa" has none; "Saw Kai at Trafford Centre" has one)."""
        taken = _taken(text, found, kept)
        doubts = []
        for match in _CAPITALISED_RUN.finditer(text):
            start, end = match.span()
            parts = match.group().split()
            before = text[max(0, start - _REACH):start]
            if ((start <= _REACH and not before.strip()) or _SENTENCE_END.search(before)) and (
                    zipf(parts[0].lower()) >= COMMON_WORD):
                parts = parts[1:]  # "Saw", "Met" opening the sentence
                start = text.index(parts[0], start + 1)
            phrase = " ".join(parts)
            if len(parts) < 2 or len(phrase) > LONGEST_WORD or taken.find(1, start, end) != -1:
                continue
            if not any(self._names_something(part) for part in parts):
                continue  # every word Seen's or everyday English: "Strategy Discussion", "Level 3", "KCSIE"
            doubts.append(Doubt(phrase, PHRASE_DOUBT))
        return doubts

    def _names_something(self, part: str) -> bool:
        """A word of a capitalised run that could make it someone's or
        somewhere's own name: a rare word ("Kutz", "Trafford"), a letter with a
        number ("T2"), a place's word ("Cottage", "Rd"), not one of Seen's own
        words nor an acronym no name list has ("KCSIE")."""
        low = part.lower().strip("'’")
        if any(c.isdigit() for c in part):
            return any(c.isalpha() for c in part)
        if low in self._words.keep or (part.isupper() and low not in self._words.name_like):
            return False
        return zipf(low) < COMMON_WORD or low in self._words.place_words or low in self._house_names

    def acting(self, text: str, found: Sequence[Found], kept: Iterable[Tuple[int, int]],
               least: float) -> Iterator[Tuple[int, int]]:
        """Where a doubtful word scoring at least ``least`` does what only a
        person does ("Storm said", "Sky hasn't been seen", "river (2)"): taken
        out in doubt, and asked about."""
        for start, end, score, acts in self._read(text, found, kept, weak=False):
            if acts and score >= least:
                yield start, end

    def _read(self, text: str, found: Sequence[Found], kept: Iterable[Tuple[int, int]],
              weak: bool = True) -> Iterator[Tuple[int, int, float, bool]]:
        """Each word in doubt: where it stands, its score, and whether it acts
        as only a person does; with ``weak``, the weakest doubts too (only
        asked about, never taken out, so taking words out need not read them)."""
        taken = _taken(text, found, kept)
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
            if score < DOUBTFUL:
                score = (self._weak(text[start:end], around) or self._unfamiliar(text[start:end], around)
                         ) if weak else 0.0
            if score > 0:
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
        if around.after_a_determiner and not (around.after_that and (around.does or around.acts)):
            return 0.0  # "on the telly", "her Sky box": a thing; not "she said that river has been"
        score = max(DOUBT_CAPITALISED_WORD - frequency, 0.0)
        if capitalised:
            score += 0.5 if around.opens else 1.0  # a capital mid-sentence says more than one opening it
        if around.cue:
            score += 1.0  # "Storm said", "River (Reception)", "Sky and [NAME]"
        return score

    def _weak(self, word: str, around: "_Around") -> float:
        """A word no finder takes out and the stricter doubts pass by, where a
        person is plainly meant (WEAK_DOUBT, so every stricter doubt is asked
        first): initials or a letter acting as a person, a word alone in
        quotes or with a person beside it, a word some name list has in any
        sense (Seen's own and the calendar's too) used as a person's name."""
        low, words = word.lower(), self._words
        if low in words.never_names or len(word) > LONGEST_WORD:
            return 0.0
        if word.isupper() and len(word) <= 3:
            return WEAK_DOUBT if low not in words.keep and self._initials_act(word, around) else 0.0
        if len(word) < 2 or (around.after_a_determiner and not (
                around.after_that and word[0].isupper() and (around.does or around.weakly_acts))):
            return 0.0  # "the telly", "her Sky box"; not "to say that Sky was not collected"
        if self._beside_a_person(word, around) or (around.named and zipf(low) < DOUBT_CAPITALISED_WORD
                                                   and low not in words.keep and not self._a_verb(low)):
            return WEAK_DOUBT  # "aka dizzy", "calls him tank"
        if word.isupper():  # "JAYDEN MARSH", "ABDI Hodan", "[NAME] BRADSHAW"; not "DASH risk assessment"
            surname = low in words.surnames or zipf(low) < RARE_WORD
            named = ((words.first(low) and around.beside_a_capital) or around.after_a_name
                     or (surname and (around.after_a_nickname or (around.beside_a_capital and len(word) > 3))))
            return WEAK_DOUBT if named and (low not in words.keep or low in words.surnames) else 0.0
        if word.islower() and around.after_a_name and low in words.surnames and not self._a_verb(low):
            return WEAK_DOUBT  # a surname typed after a name: "[NAME] english", "[NAME] price"
        plural = low.endswith("s") and word[:-1].isalpha() and not word[:-1].isupper()
        stem = low[:-1] if plural and low not in words.name_like and low not in STOP_WORDS else low
        if stem not in words.name_like:
            return 0.0
        if stem != low:  # "graces mum", "Hunters not coming", "re Faiths appt"
            owned = around.before_kin or around.weakly_acts or (word[0].isupper() and not around.opens)
            return WEAK_DOUBT if owned else 0.0
        return WEAK_DOUBT if self._used_as_a_name(word, around) else 0.0

    def _unfamiliar(self, word: str, around: "_Around") -> float:
        """A word nothing around points at, yet perhaps someone's or
        somewhere's own (LEAST_DOUBT, asked about after every other doubt): a
        capitalised word mid-sentence that English rarely uses or that names a
        town ("outside the Fleece", "moved to Hyde"); typed in lower case, a
        listed first name not common in English ("think its the youngest
        ryan", "connors insta"), a word no English has ("reflect on shenice",
        "at nans in moston") that is no informal spelling ("stoppin",
        "mandem"), one naming a family ("the okafor family", "the bolton
        kids"), after a courtesy title ("mrs english") or a town after "in"
        or "from" ("from middlesbrough")."""
        low, words = word.lower(), self._words
        if low in words.never_names or len(word) < 3 or word.isupper() or low in STOP_WORDS:
            return 0.0
        if word.islower() and (around.courteous or (around.family and around.after_a_determiner) or (
                low in words.town_names and around.after_a_town_cue)):
            return LEAST_DOUBT  # "mrs english", "the okafor family", "from middlesbrough"
        if low in words.keep:
            return 0.0
        if word[0].isupper():
            unknown = zipf(low) < COMMON_WORD or low in words.towns
            return LEAST_DOUBT if unknown and not around.opens else 0.0
        stem = low[:-1] if low.endswith("s") and not words.first(low) else low
        if words.first(stem) and zipf(stem) < TYPED_NAME and not self._a_verb(low) and not _VERB_BEFORE.search(
                around.before):
            return LEAST_DOUBT  # not "to chase", "will drew"
        informal = (low in self._typed_words or low in words.in_sources  # "antenatal": Seen's own
                    or (low.endswith("in") and zipf(low + "g") >= DROPPED_G)
                    or (low.endswith("s") and zipf(low[:-1]) >= ORDINARY_WORD))
        return LEAST_DOUBT if zipf(low) < UNKNOWN_WORD and low.isalpha() and not informal else 0.0

    def _initials_act(self, word: str, around: "_Around") -> bool:
        """Initials, or one capital letter, standing for a person: "'JJ'",
        "DD, her stepdad", "logged by KM", "KB & LH", "'T'", "uncle T's"."""
        if len(word) == 1:
            return around.quoted or around.titled or around.owns_kin or around.possessive
        return (around.quoted or around.cue or around.apposed or around.by_someone or around.initials_joined
                or around.weakly_acts  # "ST from the nursery called"
                # "per KB", "KB to chase"
                or bool(self._before_initials.search(around.before) or self._initials_do.match(around.after))
                or around.after_a_worker  # "keyworker RB spoke to mum"
                or bool(_IN_A_YEAR.match(around.after)))  # "JT in year 10 told me"

    def _beside_a_person(self, word: str, around: "_Around") -> bool:
        """In quotes or with a person beside it, whether or not a name list has
        it: "'Gaz'", "Moss and [NAME]", "she says Rocket and his little
        sister", "Pip (what everyone calls him)", "[NAME] n gift (twins, 5)",
        "mum comfort not answering", "daz is with them"."""
        low, words = word.lower(), self._words
        if low in words.keep_terms and not around.nicknamed:
            return False
        frequency, listed = zipf(low), low in words.name_like
        if word[0].isupper() and (around.beside or around.apposed):
            # Mid-sentence, even a common word: "she says Rocket and his little sister".
            return listed or frequency < (COMMON_WORD if around.opens else DOUBT_CAPITALISED_WORD)
        if around.quoted:
            return listed or frequency < COMMON_WORD
        if word.islower() and frequency < TYPED_WORD_BESIDE_A_PERSON and not self._a_verb(low) and (
                around.beside or (frequency < TYPED_NAME and around.titled)):
            return True  # "[NAME] n gift (twins, 5)", "mum comfort"; not "mum cooking", "dad rang", "the HV twice"
        return around.does and frequency < RARE_WORD  # "daz is with them"

    def _a_verb(self, low: str) -> bool:
        """What a relative does, not a name after one: "mum cooking", "dad
        rang", "mum drinks", "mum hasn't"."""
        return bool(low in self._person_verbs or low in self._verbs_in_doubt or _VERB_ENDING.search(low)
                    or not low.replace("-", "").isalpha() or (low.endswith("s") and zipf(low[:-1]) >= ORDINARY_WORD))

    def _used_as_a_name(self, word: str, around: "_Around") -> bool:
        """A word some name list has, used as a person's name: "Summer has
        been off", "will is missing breakfast club", "Grace, Summer and little
        marley", "lil bear come in"; not the calendar's ("in May", "Summer
        term"), a modal verb ("mum will not engage") or a word too common to
        be anyone's ("mum said")."""
        low, words = word.lower(), self._words
        if low in words.keep_language and (around.calendar or (word.islower() and not (
                around.weakly_acts or around.done_to or around.owns_kin))):
            return False
        if low in STOP_WORDS:
            return around.does or around.owns_kin or (around.weakly_acts and word[0].isupper())
        if zipf(low) >= DOUBT_CAPITALISED_WORD:
            return False
        capitalised_mid = word[0].isupper() and not around.opens
        return (around.cue or around.beside or around.owns_kin or around.weakly_acts or around.apposed
                or around.after_a_child_word or capitalised_mid)


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
    def after(self) -> str:
        return self._text[self._end:self._end + _REACH]

    @cached_property
    def before(self) -> str:
        return self._text[max(0, self._start - _REACH):self._start]

    @cached_property
    def after_a_nickname(self) -> bool:
        """After a nickname in quotes or an age in brackets: "'Bam' CONNOLLY", "(8m) ADEYEMI"."""
        return bool(re.search(r"(?:['’\"”]|\(\s{0,2}\d{1,2}\s{0,2}(?:m|y|yrs?|mths?)?\s{0,2}\))\s{1,3}\Z", self.before))

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
    def by_someone(self) -> bool:
        """After "by", as who did something: "Logged by KM"."""
        return bool(re.search(r"\bby\s{1,3}\Z", self._text[max(0, self._start - 8):self._start], re.IGNORECASE))

    @cached_property
    def initials_joined(self) -> bool:
        """Initials joined to initials: "KB & LH", "KS/AF"."""
        before = re.search(r"(?<![\w-])[A-Z]{2,3}\s{0,3}(?:&|and|/|,)\s{0,3}\Z",
                           self._text[max(0, self._start - 12):self._start])
        after = re.match(r"\s{0,3}(?:&|and|/|,)\s{0,3}[A-Z]{2,3}(?![\w-])", self.after)
        return bool(before or after)

    @cached_property
    def apposed(self) -> bool:
        """Said again as who it is: "May, the eldest,", "DD, her stepdad,"."""
        return bool(self._doubts._apposed.match(self._text, self._end, self._end + _REACH))

    @cached_property
    def nicknamed(self) -> bool:
        return self._nicknamed

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
        """The next word is what a person does: "said", "hasn't"; not after
        "nobody" or "someone", whose word it is ("nobody else is seeing her")."""
        next_word = re.match(r"\s*([\w'’]+)", self.after)
        return bool(next_word and next_word.group(1).lower() in self._doubts._person_verbs) and not (
            _INDEFINITE_BEFORE.search(self.before))

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
    def after_a_name(self) -> bool:
        """Straight after a name found already: the surname in "[NAME] BRADSHAW"."""
        gap = len(self._text[:self._start]) - len(self._text[:self._start].rstrip())
        return 1 <= gap <= 3 and (self._start - gap) in self._name_ends

    @cached_property
    def titled(self) -> bool:
        """After a relative or a title: "mum comfort", "pcso jas", "uncle T's"."""
        return bool(self._doubts._titled.search(self._text, max(0, self._start - _REACH), self._start))

    @property
    def possessive(self) -> bool:
        return self._possessive

    @cached_property
    def after_a_child_word(self) -> bool:
        """After "little", "lil", "baby" or "big": "lil bear come in"."""
        return bool(self._doubts._child_word_before.search(self._text, max(0, self._start - 12), self._start))

    @cached_property
    def after_that(self) -> bool:
        """After "that", which opens a clause as often as it points at a thing: "to say that Sky was"."""
        return bool(re.search(r"\bthat\s{1,3}\Z", self._text[max(0, self._start - 8):self._start], re.IGNORECASE))

    @cached_property
    def after_a_town_cue(self) -> bool:
        """After "in", "from", "to" and the like: "in eccles", "from middlesbrough"."""
        return bool(self._doubts._town_cue.search(self._text, max(0, self._start - 16), self._start))

    @cached_property
    def courteous(self) -> bool:
        """After a courtesy title: "mrs english", "Mr AKHTAR"."""
        return bool(self._doubts._courtesy_before.search(self._text, max(0, self._start - 8), self._start))

    @cached_property
    def named(self) -> bool:
        """After a naming word: "aka dizzy", "known as 'tank'", "calls him bear"."""
        return bool(self._doubts._naming_before.search(self._text, max(0, self._start - 24), self._start))

    @cached_property
    def after_a_worker(self) -> bool:
        """After a worker's title: "keyworker RB", "room leader JB"."""
        return bool(self._doubts._worker_before.search(self._text, max(0, self._start - 24), self._start))

    @cached_property
    def done_to(self) -> bool:
        """After what is done to a person: "spoke to summer", "picked up river"."""
        return bool(self._doubts._done_to.search(self._text, max(0, self._start - _REACH), self._start))

    @cached_property
    def beside_a_capital(self) -> bool:
        """Next to another capitalised word: "JAYDEN MARSH", "ABDI Hodan"."""
        return bool(re.match(r"\s{1,3}[A-Z]", self.after) or re.search(
            r"[A-Z][\w'’-]*\s{1,3}\Z", self._text[max(0, self._start - _REACH):self._start]))

    @cached_property
    def after_a_person_verb(self) -> bool:
        """After a verb of saying or what is done to a person: "asked sky if", "spoke to summer"."""
        return bool(self._doubts._said_before.search(self._text, max(0, self._start - _REACH), self._start))

    @cached_property
    def cue(self) -> bool:
        return (self.does or self.acts or self.owns_kin or bool(_PERSON_AFTER.match(self.after))
                or self._to_a_listed_name or self._from_a_listed_name or self.after_a_person_verb)

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
    def quoted(self) -> bool:
        """Alone in quotes: "'Gaz'", "“macca”"."""
        before, after = self._text[self._start - 1:self._start], self._text[self._end:self._end + 1]
        return before in _QUOTES and after in _QUOTES

    @cached_property
    def weakly_acts(self) -> bool:
        """What follows says a person is meant, if only weakly: "storm smells", "rose not in", "bill from the"."""
        return bool(self._doubts._acts_in_doubt.match(self._text, self._end, self._end + _REACH))

    @cached_property
    def before_kin(self) -> bool:
        """A relative follows: "graces mum"."""
        kin = re.match(r"\s{1,3}([\w-]+)", self.after)
        return bool(kin and kin.group(1).lower() in self._doubts._kin)

    @cached_property
    def calendar(self) -> bool:
        """Where a month, a season or a day is the calendar's: "in May", "Summer term"."""
        doubts = self._doubts
        return bool(doubts._calendar_before.search(self._text, max(0, self._start - _REACH), self._start)
                    or doubts._calendar_after.match(self._text, self._end, self._end + _REACH))

    @cached_property
    def family(self) -> bool:
        """It names a family: "Baker family"."""
        return bool(_FAMILY_AFTER.match(self.after))


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


def _taken(text: str, found: Sequence[Found], kept: Iterable[Tuple[int, int]]) -> bytearray:
    """1 wherever ``text`` holds a detail found or a span kept (a placeholder, Seen's own words)."""
    taken = bytearray(len(text))
    for start, end in [(f.start, f.end) for f in found] + list(kept):
        taken[start:end] = b"\x01" * (end - start)
    return taken


def occurrences(text: str, word: str) -> List[Tuple[int, int]]:
    """Where ``word`` stands in ``text`` as a whole word, in any case ("Storm",
    "storm's"), or a short name as a whole ("Kutz 4 Kings", however spaced)."""
    if not is_a_doubt(word):
        return []
    # Not inside a placeholder: "NAME" in "[NAME]" is no word of the note.
    # Initials in capitals only as written: "KB", not "kb" in a word's place.
    flags = 0 if word.isupper() else re.IGNORECASE
    written = r"\s{1,3}".join(re.escape(part) for part in word.split())
    pattern = re.compile(rf"(?<![\w\[-])(?<!\w['’]){written}(?![\w\]-])", flags)
    return [m.span() for m in pattern.finditer(text)]


def label(word: str, towns: Collection[str] = ()) -> str:
    """The placeholder's label for a doubt the practitioner said identifies
    someone: a short name of several words, or a town (lower case in
    ``towns``), is a place's; a word a person's."""
    return "PLACE" if " " in word or word.lower() in towns else "NAME"


def removed(text: str, words: Iterable[str], placeholders: Mapping[str, str], towns: Collection[str] = ()) -> str:
    """``text`` with every whole occurrence of each of ``words`` replaced by its placeholder."""
    spans: Dict[Tuple[int, int], str] = {}
    for word in words:
        spans.update((span, placeholders[label(word, towns)]) for span in occurrences(text, word))
    out, last = [], 0
    for (start, end), placeholder in sorted(spans.items()):
        if start < last:
            continue
        out += [text[last:start], placeholder]
        last = end
    return "".join(out + [text[last:]])


def is_a_doubt(word: object) -> bool:
    """A single word, or a short name of a few words, that could be asked
    about: a doubt read back from the conversation's state is checked with
    this, as nothing in it is trusted."""
    return isinstance(word, str) and len(word) <= LONGEST_WORD and bool(
        _WORD.fullmatch(word) or _PHRASE.fullmatch(word))
