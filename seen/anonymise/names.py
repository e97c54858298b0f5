"""People's names, found with a blank spaCy pipeline and rules: cue words
("Mum, Kayleigh", "Mr Iqbal", "called Jayden", "Tyler said"), the first-name
and surname lists, and how common a word is in English (a capitalised rare word
mid-sentence is more likely a name than anything else)."""

from __future__ import annotations

import itertools
import re
from typing import Dict, Iterator, List, Set, Tuple

import spacy
from spacy.attrs import IDX, LENGTH, NORM, SPACY
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from seen.anonymise.found import Found
from seen.anonymise.words import (
    COMMON_WORD,
    NO_WORD,
    ORDINARY_WORD,
    PAST_TENSE,
    PERSON_WORD,
    RARE_WORD,
    TYPED_NAME,
    TYPED_SURNAME,
    UNCOMMON_NAME,
    Words,
    alternation,
    fold,
    rare,
)
from seen.knowledge import AnonymiseRules

#: The most tokens one name runs to ("Mary - Ann de la Cruz Smith - Jones"):
#: a name never grows past it, so a run of capitalised or hyphenated words
#: costs time in proportion to its length, not its square.
NAME_TOKENS = 12
#: How far a cue pattern reaches from the token that could be a name ("Mum's
#: new partner, who is called Dean").
CUE_REACH = 10
#: A text with more than this share of its letters in capitals was typed in
#: capitals ("DAD IS DARREN HOLLIS"): its names are found as if written normally.
SHOUTED = 0.7
#: Endings of a verb or adjective typed in lower case ("signposted", "wanting"): no name unless listed.
_INFLECTED = re.compile(r"(nt|ing|ed|ful|less|ous|ly)$")


def _an_ordinary_words_s_form(word: str) -> bool:
    """"cancels", "postpones": ordinary English with an "s" (a verb's or a
    plural's), whatever name lists hold the word without it ("Cancel")."""
    return word.endswith("s") and any(
        stem and not rare(stem, ORDINARY_WORD) for stem in (word[:-1], word[:-2] if word.endswith("es") else ""))


class Names:
    """Every person's name in a text."""

    def __init__(self, rules: AnonymiseRules, words: Words) -> None:
        self._rules = rules
        self._keep, self._keep_language, self._never_names = words.keep, words.keep_language, words.never_names
        self._first_names, self._surnames, self._word_names = words.first_names, words.surnames, words.word_names
        self._towns, self._town_names = words.towns, words.town_names
        self._place_words = words.place_words
        self._particles = {w.lower() for w in rules.name_particles}
        # What a sentence's first word does when it is a person: "nathan is 11", "zara told me".
        self._person_verbs = {w.lower() for w in rules.said_words} | {
            "is", "was", "has", "had", "did", "does", "and", "n", "&", "'s", "’s"}
        self._subject_verbs = {w.lower() for w in rules.subject_verbs}
        self._before_a_child = {w.lower() for w in rules.before_a_child}
        self._kin = {w.lower() for w in rules.kin}
        self._family_kinds = {w.lower() for w in rules.family_kinds}
        #: After "is 2", what says it is a time or a count, not an age: "Summer is 2 weeks away".
        self._measures = {w.lower() for w in rules.time_units + rules.quantity_words}
        self._before_a_name = {w.lower() for w in rules.before_a_name}
        self._counting = {w.lower() for w in rules.counting_words}
        self._colours = {w.lower() for w in rules.colours}
        self._products = {w.lower() for w in rules.product_words}
        self._courtesy_titles = {w.lower() for w in rules.courtesy_titles}
        self._titles = {w.lower() for w in rules.courtesy_titles + rules.titles}
        self._nlp = spacy.blank("en")
        self._matcher = Matcher(self._nlp.vocab)
        self._codes = {mark: self._nlp.vocab.strings.add(_code(mark))
                       for mark in itertools.product((False, True), repeat=len(MARKS))}
        self._add_cue_patterns()
        # "Mum (SR)", "known as 'TJ'": initials standing for a person, found by
        # their bracket or quote marks first (cheap), then the words before them.
        self._initials = re.compile(r"\(\s{0,2}(?P<bracketed>[A-Z]{1,3})\s{0,2}\)|['\"‘“](?P<quoted>[A-Z]{1,3})['\"’”]")
        self._initials_kin = re.compile(
            rf"(?<![\w'’-])([A-Z]{{2,3}})\s?\(\s{{0,2}}(?i:{alternation(rules.kin)})(?:['’]?s)?\s{{0,2}}[),]")
        self._kin_before = re.compile(rf"(?<![\w'’-])(?:{alternation(rules.kin)})\s{{0,3}}\Z", re.IGNORECASE)
        self._naming_before = re.compile(rf"(?<![\w'’-])(?:{alternation(rules.naming_words)})\s{{1,3}}\Z",
                                         re.IGNORECASE)
        # A word every cue pattern has one of (the "AGE" pattern has a number instead).
        self._cue_words = {w.lower() for w in rules.courtesy_titles + rules.titles + rules.kin + rules.said_words}
        self._cue_words |= {phrase.split()[0].lower() for phrase in rules.naming_words}
        self._cue_words |= {*_JOINERS, *_WEAK_SAYING, "'s", "’s", "herself", "himself"}

    def find(self, text: str, taken: Set[int]) -> List[Found]:
        """The names in ``text`` outside the characters ``taken`` by other details."""
        letters = [c for c in text if c.isalpha()]
        shouted = letters and sum(c.isupper() for c in letters) / len(letters) > SHOUTED
        # Typed in capitals: read it as if written normally (same length, so the
        # offsets still point into the original).
        doc = self._nlp(_PUNCTUATION_RUN.sub(_blank, _sentence_case(text) if shouted else text))
        return self._names(doc, taken) + list(self._initials_found(text, taken))

    def _initials_found(self, text: str, taken: Set[int]) -> Iterator[Found]:
        # "JW (SW)", "RB (Dad)"; "KB (Y9) disclosed"
        for match in [*self._initials_kin.finditer(text), *_INITIALS_AGED.finditer(text)]:
            initials = match.group(1)
            if initials.lower() not in self._never_names | self._keep and not taken.intersection(range(*match.span(1))):
                yield Found("NAME", *match.span(1), initials)
        for match in self._initials.finditer(text):
            group = match.lastgroup
            before = self._kin_before if group == "bracketed" else self._naming_before
            initials = match.group(group)
            if (before.search(text, max(0, match.start() - CUE_REACH * 3), match.start())
                    and initials.lower() not in self._never_names | self._keep
                    and not taken.intersection(range(*match.span(group)))):
                yield Found("NAME", *match.span(group), initials)

    def _add_cue_patterns(self) -> None:
        rules = self._rules
        name = _marked(cue_name=True)
        particles = {**_marked(particle=True), "OP": "*"}
        self._matcher.add("TITLE", [[{"LOWER": {"IN": rules.courtesy_titles + rules.titles}}, {"ORTH": ".", "OP": "?"},
                                     particles, name]])
        # "Mrs English", "Mr Derby", "PC 2291 Hyde": after a courtesy title or a
        # police rank, any capitalised word but "Mum" is a surname.
        courtesy = [{"LOWER": {"IN": rules.courtesy_titles}}, {"ORTH": ".", "OP": "?"}]
        surname = _marked(capitalised=True, never_name=False)
        # "Mr AKHTAR", "PC 2231 WHITTAKER": a surname in capitals, as case notes write them.
        in_capitals = {"TEXT": {"REGEX": r"^[A-Z][A-Z'’-]{3,}$"}}
        rank = [{"LOWER": {"IN": rules.police_ranks}}, {"ORTH": ".", "OP": "?"}, {"LIKE_NUM": True, "OP": "?"}]
        self._matcher.add("COURTESY", [
            [*courtesy, particles, surname],
            [*courtesy, {"TEXT": {"REGEX": r"^[A-Z]$"}}],  # "Mr K said"
            [*courtesy, in_capitals],
            [*rank, surname],
            [*rank, in_capitals],
        ])
        kin = {"LOWER": {"IN": rules.kin}}
        between = {"ORTH": {"IN": [",", "(", ":", "-", "–", "is", "called", "named"]}, "OP": "*"}
        self._matcher.add("KIN", [[kin, between, name], [kin, {"ORTH": {"IN": ["'s", "’s"]}}, kin, between, name]])
        naming = [[{"LOWER": word} for word in phrase.split()] for phrase in rules.naming_words]
        named = _marked(capitalised=True, never_name=False)
        self._matcher.add("NAMING", [[*words, {"ORTH": {"IN": [",", ":", "'", '"']}, "OP": "*"}, choice]
                                     for words in naming for choice in (name, named)])
        self._matcher.add("SAYS", [[name, {"LOWER": {"IN": rules.said_words}}]])
        # "bex (mum) rang", "Kerry mum of the twins"
        # "… Kyle's dad)" after a name: "Bill (Kyle's dad) says".
        possessive = {"ORTH": {"IN": ["'s", "’s"]}}
        self._matcher.add("WHO", [[name, {"ORTH": "("}, kin], [name, kin, {"LOWER": {"IN": ["of", "to"]}}],
                                  [name, {"ORTH": "("}, {"IS_PUNCT": False}, possessive, kin]])
        # "Faith herself (11) has asked": a word doing what only a person does.
        self._matcher.add("SELF", [[name, {"LOWER": {"IN": ["herself", "himself"]}}]])
        self._matcher.add("SAYS_WEAK", [[_marked(could_be_name=True, first_name=True, capitalised=True),
                                         {"LOWER": {"IN": _WEAK_SAYING}}]])
        # "says Dwayne hits them", "visited oliver and his nan"
        self._matcher.add("OBJECT", [[{"LOWER": {"IN": rules.said_words}}, name]])
        # "Ruby and her sister", "theo and his big brother"
        self._matcher.add("SIBLING", [[name, {"LOWER": {"IN": _JOINERS}},
                                       {"LOWER": {"IN": ["his", "her", "their"]}}, {"IS_LOWER": True, "OP": "?"}, kin]])
        # "Sunny is mums new partner", "Leanne was dad's ex"
        self._matcher.add("IS_KIN", [[
            name,
            {"LOWER": {"IN": ["is", "was"]}},
            {"LOWER": {"IN": ["mums", "dads", "nans", "mum", "dad", "nan", "'s", "’s", "my", "his", "her", "their",
                              "the", "a"]}, "OP": "*"},
            {"LOWER": {"IN": ["new", "old", "ex", "older", "younger", "big", "little", "best"]}, "OP": "?"},
            kin,
        ]])
        # "Hope and Summer both have eczema", "faith and summer (twins)": two
        # listed first names doing something together.
        pair = _marked(first_name=True, capitalised=True, never_name=False)
        typed_pair = _marked(first_name=True, never_name=False)
        joined = {"LOWER": {"IN": _JOINERS}}
        self._matcher.add("PAIR", [
            [pair, joined, pair, {"LOWER": {"IN": ["both", "are", "were", "have", "had", "say", "said"]}}],
            [typed_pair, joined, typed_pair, {"LOWER": {"IN": ["both", "("]}}],
        ])
        self._matcher.add("POSSESSIVE", [
            [_marked(could_be_name=True), {"ORTH": {"IN": ["'s", "’s"]}}, {"LOWER": {"IN": rules.kin}, "OP": "?"}],
            [_marked(cue_name=True, capitalised=True), {"ORTH": {"IN": ["'s", "’s"]}}, {"LOWER": {"IN": rules.kin}}],
        ])
        # "Poppy (6)", "Faith (yr 2)", "Zach born 3rd May", "hunter is 9", "Dallas in yr 10"
        self._matcher.add("AGE", [[
            name,
            {"LOWER": {"IN": ["is", "aged", "age", "(", ",", "who", "in", "born", "dob", "d.o.b", "d.o.b.", "was",
                              "-"]}},
            {"LOWER": {"IN": ["yr", "year", "y", "age", "aged", "is", "in", "born", "on", "the", "dob", "d.o.b",
                              "d.o.b.", ":"]}, "OP": "*"},
            {"TEXT": {"REGEX": r"\d"}},
        ]])

    def _names(self, doc: Doc, taken: Set[int]) -> List[Found]:
        seen: Dict[str, Tuple[bool, ...]] = {}
        marks = [seen.get(token.text) or seen.setdefault(token.text, self._marks(token)) for token in doc]
        doc.user_data[MARKS_KEY] = marks
        doc.user_data[WORDS_KEY] = _words(doc)
        # What the cue patterns read: each marked token's marks as one string in its NORM.
        norms = doc.to_array([NORM])
        for i, mark in enumerate(marks):
            if any(mark):
                norms[i] = self._codes[mark]
        doc.from_array([NORM], norms)
        picked: Set[int] = set()
        cued: Set[int] = set()  # picked by a cue word that points at a person
        by_a_cue: Set[int] = set()  # picked by any cue word
        for match_id, start, end in self._cue_matches(doc, marks):
            rule = self._nlp.vocab.strings[match_id]
            if rule == "PAIR":
                picked.update((start, start + 2))
                continue
            index = start if rule in _NAME_FIRST else end - 1
            if rule == "AGE" and self._a_measure_at(doc, end):
                continue  # "Summer is 2 weeks away"
            if rule == "POSSESSIVE" and self._a_town(doc[index]) and (
                    end == len(doc) or doc[end].is_punct or _mark(doc[end], "capitalised")):
                continue  # "Stockport's Early Help", "not Stockport's."; not "Brooklyn's older brother"
            if self._cue_confirms(rule, doc[index]):
                picked.add(index)
                by_a_cue.add(index)
                # "Bill came through" opening a sentence: "came" is weak evidence of a person there.
                if not (rule in ("SAYS", "SAYS_WEAK") and _opens_a_sentence(doc[index])):
                    cued.add(index)
        for i, (could_be_name, _, capitalised, _, _, cue_name) in enumerate(marks):
            if not (could_be_name or (cue_name and capitalised)) or i in picked:
                continue
            token = doc[i]
            if could_be_name and self._looks_like_a_name(token, marks):
                picked.add(token.i)
            elif (cue_name and capitalised and not self._plural_of_a_word(token.lower_)
                  and self._full_name_follows(token, marks)):
                picked.add(token.i)  # "Grace Ogunleye", "Amber Brook"
        picked |= self._joined_names(doc) - picked
        by_structure = self._by_structure(doc, marks)  # "the Stone family"
        picked |= by_structure
        picked |= self._coordinated(doc, picked)
        told = by_a_cue | by_structure
        # A town named with no cue word is a town: "Preston, Bolton and Wigan",
        # "across Oldham"; not one beside a name that is no town ("Kai and Stone").
        picked -= {i for i in picked - told if self._a_town(doc[i]) and len(self._extend(doc, i)) == 1
                   and not self._beside_a_name(doc, i, picked)}
        # No first name, and no cue, inside a title of three or more capitalised
        # words is a thing's name ("the Registered Social Landlord"); a listed
        # surname only where a small word inside the title says so.
        in_titles = self._in_titles(doc, marks)
        picked -= {i for i in picked - told if not _mark(doc[i], "first_name")
                   and all(t.i in in_titles for t in self._extend(doc, i))
                   and (in_titles[i] or doc[i].lower_ not in self._surnames)}
        found: List[Found] = []
        reached = 0
        for index in sorted(picked):
            if index < reached:
                continue  # inside the name found just before
            if self._counting_at(doc, index) or self._past_tense_at(doc, index):
                continue  # "Level 3", "says Stage 2 of the policy", "Signposted older brother to…"
            span = self._extend(doc, index)
            reached = span.end
            if any(i in taken for i in range(span.start_char, span.end_char)):
                continue
            if (index not in cued and span.end < len(doc) and doc[span.end].lower_ in self._products
                    and not self._first(doc[span.end - 1].lower_)):
                continue  # a brand before its thing: "Nike hoodie"; not "Jayden trainers", a possessive typed fast
            # One English word read as a name by where it stands, with no cue
            # word pointing at a person and no capital that tells (it opens a
            # sentence, or is typed in lower case): the practitioner is asked.
            token = doc[index]
            if (span.text.islower() and index not in cued and _after_an_article(doc, index)
                    and (len(span) == 1 or doc[index - 1].lower_ != "the")):
                continue  # "on the telly", "a dawn raid": a thing typed in lower case (not "the royal oldham")
            doubtful = len(span) == 1 and index not in cued and (
                (not rare(token.lower_, UNCOMMON_NAME if self._first(token.lower_) else NO_WORD)
                 and (not _mark(token, "capitalised") or _opens_a_sentence(token)))
                or (not self._listed(token.lower_) and not rare(token.lower_, NO_WORD))  # "Refuge", "Trampoline"
                or _after_an_article(doc, index))  # "some Dairylea": a thing, more likely
            found.append(Found("NAME", span.start_char, span.end_char, span.text, doubtful))
        return found

    def _cue_matches(self, doc: Doc, marks: List[Tuple[bool, ...]]) -> Iterator[Tuple[int, int, int]]:
        """The cue patterns' matches. Every pattern needs a cue word ("mum",
        "said", "called", "and", "'s", a number after "aged"…) and a token that
        could be a name, so only the stretches around cue words with such a
        token near are searched: a long message of ordinary words, or of
        capitalised words with no cue among them, costs the matcher nothing."""
        texts, lowers, _ = doc.user_data[WORDS_KEY]
        near = list(itertools.accumulate(
            1 if could or first or capitalised or cue or texts[i].isupper() else 0
            for i, (could, first, capitalised, _, _, cue) in enumerate(marks)))
        stretches: List[List[int]] = []
        for i, word in enumerate(lowers):
            if not (word in self._cue_words or _DIGIT.search(texts[i])):
                continue
            start, end = max(0, i - CUE_REACH), min(len(doc), i + CUE_REACH + 1)
            if near[end - 1] == (near[start - 1] if start else 0):
                continue  # nothing near that could be a name
            if stretches and start <= stretches[-1][1]:
                stretches[-1][1] = end
            else:
                stretches.append([start, end])
        for start, end in stretches:
            for match_id, first, last in self._matcher(doc[start:end]):
                yield match_id, start + first, start + last

    def _by_structure(self, doc: Doc, marks: List[Tuple[bool, ...]]) -> Set[int]:
        """Names that are also words, told by where they stand: a listed first
        name (or a rare capitalised word) opening a clause as the subject of
        "said", "told", "came", "attended"… ("faith came to school", "Zeus hasnt
        been seen"), or before an age ("Reign is 3"); a name-like word with an age
        or school year in brackets after it ("Storm (15)", "river (Reception)");
        a capitalised word before "'s mum" ("Jazz's mum"), and a rare word, or
        "the" and a surname, before "family" ("the Baker family", not "Foster
        family" or "Lovely family")."""
        found: Set[int] = set()
        for i, (_, first_name, capitalised, _, never_name, _) in enumerate(marks):
            token = doc[i]
            if self._aged_in_brackets(doc, i) or self._aged_word_name(doc, i):
                found.add(i)
                continue
            if never_name or not (first_name or capitalised):
                continue
            if token.lower_ in self._keep:
                continue
            after = doc[i + 1].lower_ if i + 1 < len(doc) else ""
            opens_a_clause = i == 0 or doc[i - 1].text in _CLAUSE_OPENERS
            subject = first_name or (capitalised and rare(token.lower_, RARE_WORD))
            if subject and opens_a_clause and (after in self._subject_verbs or self._age_follows(doc, i)):
                found.add(i)
            elif capitalised and after in ("'s", "’s") and i + 2 < len(doc) and doc[i + 2].lower_ in self._kin:
                found.add(i)
            elif (capitalised and after in ("family", "families") and token.lower_ not in self._family_kinds
                  and (rare(token.lower_, COMMON_WORD) or (
                      i > 0 and doc[i - 1].lower_ == "the" and token.lower_ in self._surnames))):
                found.add(i)
        return found

    def _aged_in_brackets(self, doc: Doc, i: int) -> bool:
        """A name with an age or school year in brackets after it: "Storm (15)",
        and a listed name that is also a word, in any case ("will (6)", "river
        (Reception)"): a word before an age in brackets is a person, and no
        verb or thing stands there ("the twins (6)" is kin, not a name)."""
        token, low = doc[i], doc[i].lower_
        if not (i + 2 < len(doc) and doc[i + 1].text == "(" and _AGE_IN_BRACKETS.match(doc[i + 2:i + 5].text)):
            return False
        if low in self._kin or low in self._never_names:
            return False
        return self._a_name(low) or (_mark(token, "capitalised") and low not in self._keep)

    def _aged_word_name(self, doc: Doc, i: int) -> bool:
        """A listed name that is also a word, opening a clause with an age after
        it, in any case: "sky is 13 and self-harming" (not "the sky is 13")."""
        low = doc[i].lower_
        opens_a_clause = i == 0 or doc[i - 1].text in _CLAUSE_OPENERS
        return (opens_a_clause and low in self._word_names and low not in self._kin
                and self._age_follows(doc, i))

    def _joined_names(self, doc: Doc) -> Set[int]:
        """Two names joined by a hyphen, words as each may be: "autumn-rose",
        "ocean-blue", "Summer-Rose"."""
        found: Set[int] = set()
        texts, lowers, spaced = doc.user_data[WORDS_KEY]
        for i in range(len(doc) - 2):
            if (texts[i + 1] == "-" and not spaced[i] and not spaced[i + 1]
                    and self._a_name(lowers[i]) and self._a_name(lowers[i + 2])):
                found.add(i)
        return found

    def _in_titles(self, doc: Doc, marks: List[Tuple[bool, ...]]) -> Dict[int, bool]:
        """Tokens in a run of three or more capitalised English words, small
        words between them allowed (_TITLE_LINKS: "Fitness for Human
        Habitation"), with no town, title, kinship or place word in it ("Mr", "Mum",
        "Lane"): how things are named. Each says whether its run has a small word in it."""
        inside: Dict[int, bool] = {}
        run: List[int] = []
        linked = False
        for i in range(len(doc) + 1):
            token = doc[i] if i < len(doc) else None
            if (token is not None and marks[i][2] and not marks[i][4] and token.lower_ not in self._cue_words
                    and not rare(token.lower_, RARE_WORD) and token.lower_ not in self._towns):
                run.append(i)
                continue
            if token is not None and run and token.lower_ in _TITLE_LINKS and i + 1 < len(doc) and marks[i + 1][2]:
                linked = True
                continue
            if len(run) >= 3 and not any(doc[j].lower_ in self._place_words for j in run):
                inside.update(dict.fromkeys(range(run[0], run[-1] + 1), linked))
            run, linked = [], False
        return inside

    def _beside_a_name(self, doc: Doc, i: int, picked: Set[int]) -> bool:
        """A name that is no town joined to ``i`` by "and" or a comma ("Preston" is both)."""
        return any(0 <= i + 2 * step < len(doc) and doc[i + step].lower_ in (*_JOINERS, ",")
                   and i + 2 * step in picked and doc[i + 2 * step].lower_ not in self._town_names for step in (-1, 1))

    def _a_town(self, token: Token) -> bool:
        """A capitalised town or city of Britain (or a big one elsewhere) that is nobody's first name."""
        return _mark(token, "capitalised") and token.lower_ in self._towns

    def _a_name(self, word: str) -> bool:
        """A listed first name, or a name that is also a word ("ocean"), and no kinship word."""
        return (self._first(word) or word in self._word_names) and word not in self._never_names

    def _past_tense_at(self, doc: Doc, i: int) -> bool:
        """A verb's past tense no name list has: "Signposted", "Escalated"."""
        word = doc[i].lower_
        return (len(word) > 5 and word.endswith("ed") and not self._listed(word) and not rare(word, PAST_TENSE)
                and (not rare(word[:-2], PAST_TENSE) or not rare(word[:-1], PAST_TENSE)))

    def _counting_at(self, doc: Doc, i: int) -> bool:
        """A word that counts, before its number: "Level 3", "Tier 2", "Step 3"."""
        return doc[i].lower_ in self._counting and i + 1 < len(doc) and doc[i + 1].text.isdigit()

    def _age_follows(self, doc: Doc, i: int) -> bool:
        """"is 3", "was 14": a number straight after "is" or "was", and no time
        or count after it."""
        return (i + 2 < len(doc) and doc[i + 1].lower_ in ("is", "was") and doc[i + 2].text.isdigit()
                and not self._a_measure_at(doc, i + 3))

    def _a_measure_at(self, doc: Doc, i: int) -> bool:
        """A time or a count at ``i``, after a number, that is not an age:
        "2 weeks away", not "2 weeks old"."""
        return (i < len(doc) and doc[i].lower_ in self._measures
                and not (i + 1 < len(doc) and doc[i + 1].lower_ == "old"))

    def _coordinated(self, doc: Doc, picked: Set[int]) -> Set[int]:
        """"Hope and Tyler", "Tia, Kacey and Hope": a listed first name next to a
        name, joined by "and" or a comma, is a name too."""
        more: Set[int] = set()
        for index in picked:
            for step in (-2, 2, 3):  # 3: "Tia, Kacey and little marley"
                other = index + step
                if not 0 <= other < len(doc):
                    continue
                joiner = doc[index + 1] if step > 0 else doc[index - 1]
                if joiner.lower_ not in (*_JOINERS, ",", "or") or (
                        step == 3 and doc[index + 2].lower_ not in self._before_a_child):
                    continue
                token = doc[other]
                if other not in picked and _mark(token, "first_name") and not _mark(token, "never_name") and (
                        _mark(token, "capitalised") or rare(token.lower_, TYPED_NAME)):
                    more.add(other)
        return more

    def _cue_confirms(self, rule: str, token: Token) -> bool:
        """A cue word is strong evidence, but a lower-case word after "nan" or
        "the HV" is usually just a word ("nan rang", "the HV hasnt")."""
        word = token.lower_
        if rule in ("SAYS", "POSSESSIVE"):
            if not _mark(token, "capitalised"):
                return (word in self._first_names and rare(word, TYPED_NAME)) or rare(word, NO_WORD)
            return self._listed(word) or rare(word, COMMON_WORD)
        if rule in ("SAYS_WEAK", "COURTESY"):
            return not token.text.isupper() or word in self._surnames or (  # "PC 2291 ENGLISH"
                word not in self._keep | self._never_names)  # not "Mr MASH"
        if rule == "OBJECT":
            return _mark(token, "could_be_name") and self._person_word(token)  # not "says June is when"
        if rule in ("SIBLING", "IS_KIN", "WHO", "SELF"):
            return self._person_word(token)
        if rule == "AGE":
            return self._first(word) or rare(word, NO_WORD) or (_mark(token, "capitalised") and rare(word, COMMON_WORD))
        if _mark(token, "capitalised"):
            return rule != "KIN" or self._listed(word) or rare(word, COMMON_WORD)  # not "Baby Clinic"
        if rule == "KIN" and token.nbor(-1).lower_ == "is":
            return self._first(word)  # "mum is kayleigh", not "mum is unwell"
        if rule == "TITLE" and word in self._surnames and token.nbor(-1).lower_ in self._courtesy_titles:
            return True  # "miss jones at nursery"
        limit = COMMON_WORD if rule == "TITLE" else ORDINARY_WORD
        return word in self._first_names or (  # not what a parent does: "mum cancels my visits"
            rare(word, limit) and not _INFLECTED.search(word) and not _an_ordinary_words_s_form(word))

    def _marks(self, token: Token) -> Tuple[bool, ...]:
        """What the name rules need to know of a token, from its text alone:
        could be a name, a listed first name, capitalised, a particle ("van"),
        never a name ("mum"), a name when a cue points at it."""
        could_be_name = self._could_be_name(token)
        first_name = self._first(token.lower_)
        capitalised = _capitalised(token.text)
        cue_name = could_be_name or (
            first_name and token.lower_ not in self._never_names and (capitalised or token.lower_ not in self._keep))
        return (could_be_name, first_name, capitalised, token.lower_ in self._particles,
                token.lower_ in self._never_names, cue_name)

    def _could_be_name(self, token: Token) -> bool:
        text = token.text.strip("'’")
        if (not re.fullmatch(r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*", text) or len(text) < 2
                or re.match(r"[A-Z]{2,}(?:s|['’]?d|['’]s)?$", text)):
            return False  # not a word, or an acronym ("DNAs", "NFA'd")
        return text.lower() not in self._keep and not (
            text.isupper() and len(text) <= 5 and not self._first(text.lower()))

    def _person_word(self, token: Token) -> bool:
        """Next to a cue that points at a person ("visited oliver", "bex (mum)"):
        a listed first name not too common in English, or a word that is no
        English at all."""
        word = token.lower_
        if _mark(token, "capitalised"):
            return self._listed(word) or rare(word, COMMON_WORD)
        return (self._first(word) and rare(word, PERSON_WORD)) or (
            rare(word, NO_WORD) and not self._plural_of_a_word(word)  # not "says bedtimes are"
            and not _INFLECTED.search(word))  # not "has signposted mum to"

    def _first(self, word: str) -> bool:
        return word in self._first_names or fold(word) in self._first_names

    def _looks_like_a_name(self, token: Token, marks: List[Tuple[bool, ...]]) -> bool:
        """Without a cue word: a capitalised rare word or listed name mid-sentence,
        a listed first name that is rare in English anywhere."""
        word = token.text.lower()
        if _JOINED_NAME.fullmatch(token.text) and word not in self._keep:
            return True  # O'Neill, D'Souza, Smith-Jones
        if self._plural_of_a_word(word):
            return False  # "Ashtrays overflowing"
        starts_sentence = _opens_a_sentence(token)
        capitalised = marks[token.i][2]
        if capitalised and not starts_sentence and not rare(word, COMMON_WORD) and self._reads_as_a_word(token):
            return False  # "a new Rose gold phone", "Incidents Rose from 2 to 7"
        if capitalised and not starts_sentence:
            following = token.nbor(1) if token.i + 1 < len(token.doc) else None
            if following is not None and marks[following.i][2] and following.lower_ in self._keep_language:
                return False  # part of a named thing: "Brook Traffic Light Tool"
            # Unlisted, a capital says little more than a service's word does:
            # practitioners write "the Interpreter", "real Strengths".
            return self._listed(word) or rare(word, RARE_WORD)
        if capitalised:
            if self._full_name_follows(token, marks):
                return word in self._first_names or rare(word, COMMON_WORD)
            return (word in self._first_names and rare(word, UNCOMMON_NAME)) or rare(word, NO_WORD)
        doc, i = token.doc, token.i
        joined = i + 2 < len(doc) and doc[i + 1].text == "-" and not token.whitespace_ and not doc[i + 1].whitespace_
        if joined and self._first_or_rare(word) and self._first_or_rare(doc[i + 2].lower_):
            return True  # "kayden-lee", "ellie-may"
        after = i + 1
        while after < min(len(doc), token.i + NAME_TOKENS) and _mark(doc[after], "particle"):
            after += 1
        surname = (after < len(doc) and re.sub(r"['’]", "", doc[after].lower_) in self._surnames
                   and _mark(doc[after], "could_be_name"))
        opens = (i == 0 or doc[i - 1].is_punct or doc[i - 1].text in _JOINERS or doc[i - 1].lower_ in STOP_WORDS
                 or doc[i - 1].lower_ in self._never_names)
        if surname and opens and (
                word in self._first_names or (rare(word, RARE_WORD) and rare(doc[after].lower_, ORDINARY_WORD))):
            return True  # "maria de souza", "zainab hussain"
        if (opens and i + 1 < len(doc) and doc[i + 1].lower_ in self._person_verbs
                and (i == 0 or doc[i - 1].text in ".!?\n")):
            return self._person_word(token)  # "muhammad hasnt been in", "teddy has come in"
        return word in self._first_names and rare(word)

    def _plural_of_a_word(self, word: str) -> bool:
        """"ashtrays", "bruises": an unlisted word whose singular is ordinary English."""
        if self._listed(word) or not word.endswith("s") or self._listed(word[:-1]):
            return False  # "the Smiths"
        return any(not rare(stem, NO_WORD) for stem in (word[:-1], word[:-2] if word.endswith("es") else ""))

    def _reads_as_a_word(self, token: Token) -> bool:
        """A capitalised common word ("Rose", "Grace") after "a new", after a
        capitalised ordinary word (title case, "Incidents Rose") or before a
        colour ("Rose pink") is that word."""
        before = token.nbor(-1)
        if before.lower_ in ("a", "an", "new", "some", "every", "no"):
            return True
        if token.i + 1 < len(token.doc) and token.nbor(1).lower_ in self._colours:
            return True  # "painted Rose pink", "a Royal blue jumper"
        return (_mark(before, "capitalised") and not _mark(before, "never_name") and not self._listed(before.lower_)
                and (before.lower_ in self._keep_language or not rare(before.lower_, RARE_WORD)))

    def _full_name_follows(self, token: Token, marks: List[Tuple[bool, ...]]) -> bool:
        """A capitalised surname follows (after any "de", "van", "al-"); ``marks``
        are each token's, from ``_marks``."""
        texts, lowers, _ = token.doc.user_data[WORDS_KEY]
        after, last = token.i + 1, min(len(texts), token.i + NAME_TOKENS)
        while after < last and (marks[after][3] or texts[after] in ("-", "‐")):
            after += 1
        if after >= len(texts):
            return False
        return marks[after][0] and marks[after][2] and (self._listed(lowers[after]) or rare(lowers[after], COMMON_WORD))

    def _first_or_rare(self, word: str) -> bool:
        return word in self._first_names or rare(word, RARE_WORD)

    def _extend(self, doc: Doc, index: int) -> Span:
        """A name with its surname and joined parts: "Kayleigh Smith-Jones"."""
        end = index + 1
        last = min(len(doc), index + NAME_TOKENS)
        while end < last:
            token = doc[end]
            if (token.text in ("-", "‐") and end + 1 < len(doc) and not token.whitespace_
                    and not doc[end - 1].whitespace_
                    and (_mark(doc[end + 1], "capitalised") or self._first_or_rare(doc[end + 1].lower_)
                         or self._a_name(doc[end + 1].lower_))):
                end += 2
                continue
            if _mark(token, "capitalised") and _mark(token, "could_be_name") and (
                    self._listed(token.lower_) or rare(token.lower_, COMMON_WORD)):
                end += 1
                continue
            if (end == index + 1 and _mark(doc[index], "capitalised") and _capitalised(token.text)
                    and token.lower_ in self._surnames and not _mark(token, "never_name")
                    and not (end + 1 < len(doc) and _capitalised(doc[end + 1].text))):
                end += 1  # a surname that is also a kept word: "Darren Young", not "Kai Young Carers"
                continue
            if end == index + 1 and not _mark(doc[index], "capitalised") and self._typed_surname(token):
                end += 1  # "jayden smith", "siobhan o'connor"
                continue
            if re.fullmatch(r"[A-Z]\.?", token.text) and token.i > index:
                end += 1  # "Ruby W"
                continue
            if (end == index + 1 and token.text.isupper() and len(token.text) >= 3
                    and self._first(doc[index].lower_) and not doc[index].text.isupper()
                    and (token.lower_ in self._surnames or (rare(token.lower_, RARE_WORD)
                                                            and token.lower_ not in self._keep))):
                end += 1  # a surname in capitals, as police records write it: "Kyle BARNES", "Summer ENGLISH"
                continue
            if _mark(token, "particle"):
                after = end
                while after < last and (_mark(doc[after], "particle") or doc[after].text in ("-", "‐")):
                    after += 1
                if after < last and (_mark(doc[after], "capitalised") or (
                        not _mark(doc[index], "capitalised") and doc[after].lower_ in self._surnames)):
                    end = after + 1
                    continue
            break
        start = index
        while (start >= max(2, index - NAME_TOKENS) and doc[start - 1].text in ("-", "‐")
               and not doc[start - 2].whitespace_
               and (_mark(doc[start - 2], "capitalised") or _mark(doc[start - 2], "particle")
                    or doc[start - 2].lower_ in self._first_names)):
            start -= 2
        if (start >= 1 and not _mark(doc[index], "capitalised") and doc[start - 1].is_lower
                and _mark(doc[start - 1], "could_be_name")
                and ((_mark(doc[start - 1], "first_name") and rare(doc[start - 1].lower_, PERSON_WORD))
                     or (doc[start - 1].lower_ in self._surnames and rare(doc[start - 1].lower_)))):
            start -= 1  # "chen hui says", "zhao yi (mum)": a family name first
        if start >= 1 and doc[start - 1].lower_ in self._before_a_name and _mark(doc[start - 1], "capitalised"):
            start -= 1
        if start >= 1 and _mark(doc[start], "capitalised") and (_INITIAL.fullmatch(doc[start - 1].text) or (
                doc[start - 1].text == "A" and start >= 2 and doc[start - 2].lower_.strip(".") in self._titles)):
            start -= 1  # "A. Okonjo", "Mr R. Hill", "Dr A Mistry"
        return doc[start:end]

    def _typed_surname(self, token: Token) -> bool:
        """A lower-case surname after a lower-case first name: listed (and not
        a verb like "makes") or no English word at all."""
        word = token.lower_.replace("'", "").replace("’", "")
        if not token.is_lower or not _mark(token, "could_be_name") or token.lower_ in self._person_verbs:
            return False
        verb = word.endswith("s") and not rare(word[:-1]) and not self._first(word[:-1])  # "makes", not "jones"
        return (word in self._surnames and rare(word, TYPED_SURNAME) and not verb) or rare(word, RARE_WORD)

    def _listed(self, word: str) -> bool:
        return word in self._first_names or word in self._surnames


#: An initial before a surname: "A." or "R", not "A" or "I", which are words.
_INITIAL = re.compile(r"[A-Z]\.|[B-HJ-Z]")
#: One token that is a whole name of two parts: "O'Neill", "D'Souza", "Smith-Jones".
_JOINED_NAME = re.compile(r"[A-Z][a-z]*['’][A-Z][a-z]+|[A-Z][a-z]+-[A-Z][a-z]+")
#: What joins two names in a list: "Tia and Kacey", "tia n kacey", "gift + goodluck".
_JOINERS = ["and", "&", "n", "+"]
#: Cue patterns whose name comes first ("Tyler said"); in the others it comes last ("Mum, Kayleigh").
_NAME_FIRST = ("SAYS", "SAYS_WEAK", "POSSESSIVE", "AGE", "WHO", "SIBLING", "IS_KIN", "SELF")
#: The small words a title of capitalised words may have inside it.
_TITLE_LINKS = ("of", "for", "in", "on", "to", "the")


def _after_an_article(doc: Doc, index: int) -> bool:
    """After "the", "some" and the like, and not "the Baker family"."""
    return index > 0 and doc[index - 1].lower_ in _ARTICLES and not (
        index + 1 < len(doc) and doc[index + 1].lower_ in ("family", "families"))
#: What a first name opening a sentence may do that says a little of a person: "Bill has".
_WEAK_SAYING = ["has", "had", "hasnt", "hasn't", "did", "does"]
_DIGIT = re.compile(r"\d")
#: Words that come before a thing more often than before a person.
_ARTICLES = ("a", "an", "some", "any", "the", "no", "another", "every")
#: What may come before a name at the start of a clause.
_CLAUSE_OPENERS = (".", "!", "?", "\n", ",", ";", ":", "-", "(", '"', "“", "and", "but", "so", "then")
#: Initials with a school year or an age in brackets after them: "KB (Y9)", "TJ (aged 4)"
#: (not a bare number: "ED (4)" counts attendances).
_INITIALS_AGED = re.compile(
    r"(?<![\w'’-])([A-Z]{2,3})\s?\((?i:aged? \d{1,2}|y(?:ea)?r ?\d{1,2}|y\d{1,2}|reception|nursery)\)")
#: An age or school year in brackets: "(15)", "(yr 2)", "(Reception)".
_AGE_IN_BRACKETS = re.compile(r"(?:\d{1,2}|y(?:ea)?r ?\d{1,2}|y\d{1,2}|reception|nursery)\s?\)", re.IGNORECASE)

#: spaCy's tokenizer takes time in the square of a run of punctuation's length
#: ("!!!!…"); no name is in one, so the runs are blanked (same length, so the
#: offsets still point into the original) before it reads the text.
_PUNCTUATION_RUN = re.compile(r"[^\w\s]{4,}")


#: A token's marks, in the order ``Names._marks`` gives them.
MARKS = ("could_be_name", "first_name", "capitalised", "particle", "never_name", "cue_name")


MARKS_KEY = "seen.anonymise.marks"
_MARK_INDEX = {name: i for i, name in enumerate(MARKS)}
#: Each token's text, its lower case and whether a space follows, kept with
#: its doc: the rules that read every token read these, not spaCy's Token
#: objects, which are built anew at every ``doc[i]``.
WORDS_KEY = "seen.anonymise.words"


def _words(doc: Doc) -> Tuple[List[str], List[str], List[bool]]:
    """Read column by column: a row of values per token is a list per token,
    and making tens of thousands of them set Python's collector scanning the
    whole heap (a third of a second for 100 kB)."""
    text = doc.text
    starts, lengths = doc.to_array(IDX).tolist(), doc.to_array(LENGTH).tolist()
    texts = [text[start:start + length] for start, length in zip(starts, lengths, strict=True)]
    return texts, [word.lower() for word in texts], [bool(space) for space in doc.to_array(SPACY).tolist()]


def _mark(token: Token, name: str) -> bool:
    """One of a token's marks, kept with its doc by ``Names._names``."""
    return token.doc.user_data[MARKS_KEY][token.i][_MARK_INDEX[name]]


def _code(mark: Tuple[bool, ...]) -> str:
    """A token's marks as one string, written into its NORM: spaCy's Matcher
    compares NORM in C, where an extension attribute costs a Python call per
    token, which made a long message slow."""
    return "marks:" + "".join("1" if flag else "0" for flag in mark)


def _marked(**wanted: bool) -> dict:
    """A Matcher token pattern on the marks: ``_marked(cue_name=True)``."""
    codes = [_code(mark) for mark in itertools.product((False, True), repeat=len(MARKS))
             if all(mark[MARKS.index(name)] == value for name, value in wanted.items())]
    return {"NORM": {"IN": codes}}


def _opens_a_sentence(token: Token) -> bool:
    """First in its sentence, where a capital says nothing of a name."""
    return token.i == 0 or token.nbor(-1).text in (".", "!", "?", "\n", '"', "“")


def _blank(match: re.Match) -> str:
    return " " * len(match.group())


def _sentence_case(text: str) -> str:
    """"DAD IS DARREN HOLLIS" as "Dad Is Darren Hollis": each word capitalised,
    so a name reads like one; letters only change case."""
    return re.sub(r"[^\W\d_]+", lambda m: m.group()[0] + m.group()[1:].lower(), text)


def _capitalised(text: str) -> bool:
    """"Kayleigh", "McGuinness", "O'Neill": a capital first, not all capitals."""
    return len(text) > 1 and text[0].isupper() and any(c.islower() for c in text)
