"""Replace identifying details in a reflection note with labelled placeholders.

Built on a blank English spaCy pipeline with rule-based components only, so it
needs no statistical model: regular expressions find structured identifiers
(postcodes, phone, NHS and NI numbers, dates, emails, links, references,
addresses, named settings); token rules and a spaCy Matcher find people's
names from cue words ("Mum, Kayleigh", "Mr Iqbal", "called Jayden", "Tyler
said"), the US Census name lists (public domain, the `names` package), the
first-name lists of many countries that Faker ships (MIT licence) and
word frequencies (`wordfreq`: a capitalised rare word mid-sentence is more
likely a name than anything else). Cue words and the safeguarding language to
keep are in knowledge/anonymise.yml.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import itertools
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Dict, Iterator, List, Optional, Set, Tuple

import faker.providers.person as faker_person
import names as census_names
import spacy
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from wordfreq import zipf_frequency

from seen import knowledge
from seen.knowledge import AnonymiseRules, Knowledge

#: Above this Zipf frequency a lower-case word is ordinary English, not a name.
ORDINARY_WORD = 3.3
#: Above this a capitalised word mid-sentence is more likely a word than a name
#: unless the census lists it as a name.
COMMON_WORD = 4.0
#: Below this a listed first name is a name when a cue points at a person
#: ("visited oliver"), though some are words too ("ruby", "teddy", "roman").
PERSON_WORD = 4.6
#: A name from another country's list that is this common in English is a word.
FOREIGN_NAME = 4.1
#: The most tokens one name runs to ("Mary - Ann de la Cruz Smith - Jones"):
#: a name never grows past it, so a run of capitalised or hyphenated words
#: costs time in proportion to its length, not its square.
NAME_TOKENS = 12
#: How far a cue pattern reaches from the token that could be a name ("Mum's
#: new partner, who is called Dean").
CUE_REACH = 10


@dataclass(frozen=True)
class Found:
    label: str
    start: int  # character offsets in the text
    end: int
    text: str


def _nhs_checksum_ok(digits: str) -> bool:
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1)))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def _alternation(items: List[str]) -> str:
    """A regex alternation of words or phrases, longest first."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s{1,3}") for w in sorted(items, key=len, reverse=True))


_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_DAY = r"(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day)?"
_ORDINAL = r"\d{1,2}(?:st|nd|rd|th)"


class _Patterns:
    """Every regular expression, built once from the cue words in knowledge/."""

    def __init__(self, rules: AnonymiseRules) -> None:
        flags = re.IGNORECASE
        self.email = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}", flags)
        self.spelled_email = re.compile(r"(?<![\w.+-])[\w.+-]{1,40}\s{1,3}at\s{1,3}[\w-]{1,40}\s{1,3}dot\s{1,3}(?:co\s{1,3}dot\s{1,3}uk|org\s{1,3}dot\s{1,3}uk|com|org|net|uk)\b", flags)
        sites = _alternation(rules.social_media_sites)
        self.social_link = re.compile(rf"(?:https?://)?(?:www\.)?(?:{sites})/[^\s,;)]{{1,300}}", flags)
        self.web = re.compile(r"(?:https?://|www\.)[^\s,;)]{1,300}|(?<![\w-])[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}\.(?:co\.uk|org\.uk|gov\.uk|ac\.uk|nhs\.uk|com|org|net|uk|io|info|eu|ly|me|co|app|link|gl)\b(?:/[^\s,;)]*)?", flags)
        self.handle = re.compile(r"(?<![\w@.])@[A-Za-z0-9_.]{2,30}")
        # UK vehicle registrations: "KX19 ABC" or "yx21ohd" (the three letters no common word), "A123 BCD", "ABC 123D".
        self.vehicle = re.compile(r"\b([A-HJ-PR-Ya-hj-pr-y]{2}\d{2}\s?([A-HJ-PR-Za-hj-pr-z]{3}))\b|\b[A-HJ-PR-Y]\d{1,3}\s?[A-HJ-PR-Y]{3}\b|\b[A-HJ-PR-Y]{3}\s?\d{1,3}[A-HJ-PR-Y]\b")
        ranks = _alternation(rules.police_numbers)
        self.police_number = re.compile(rf"\b(?:{ranks})\b\.?\s{{0,3}}(?:no\.?\s{{0,2}}|#\s{{0,2}})?(\d{{3,7}})\b", flags)
        weeks = _alternation(rules.week_words)
        self.week_date = re.compile(rf"(?<!\w)(?:{weeks})\.?\s{{0,3}}((?:0?[1-9]|[12]\d|3[01])[/.](?:0?[1-9]|1[0-2]))\b(?![/.]\d)", flags)
        platforms = _alternation(rules.social_media_words)
        self.platform_handle = re.compile(
            rf"\b(?:{platforms})\b(?:\s{{1,3}}(?:is|name|handle|account|username|user|id|as|=)\b)*\s{{0,3}}[:=\-,]?\s{{0,3}}(@?[A-Za-z0-9_.]{{3,30}}(?:#\d{{2,6}})?)", flags)
        self.phone = re.compile(r"(?<![\w+])(?:(?:\+\s?|00\s?)44\s?(?:\(0\)\s?)?|\(?0)[\d\s().-]{8,15}\d(?!\d)")
        self.spaced_phone = re.compile(r"(?<!\d)(?<!\d\s)0(?:\s\d){9,10}(?!\s?\d)")
        self.ten_digits = re.compile(r"(?<![\d-])\d{3}[\s-]?\d{3}[\s-]?\d{4}(?![\d-])")
        self.ni = re.compile(r"\b[A-Za-z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-Da-d]\b")
        self.postcode = re.compile(r"\b[A-Za-z]{1,2}\d[A-Za-z\d]?\s{0,3}\d[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2}\b")
        self.dates = [
            re.compile(r"\b\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})\b"),
            re.compile(r"\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b"),
            re.compile(rf"\b{_ORDINAL}\s{{1,3}}of\s{{1,3}}the\s{{1,3}}{_ORDINAL}(?:,?\s{{1,3}}\d{{4}})?", flags),
            re.compile(r"(?<=\b(?i:dob)\s)\d{1,2}\s\d{1,2}\s\d{4}\b"),
            re.compile(rf"\b(?:{_DAY}\s{{1,3}})?(?:the\s{{1,3}})?(?:{_ORDINAL}|\d{{1,2}})\s{{1,3}}(?:of\s{{1,3}})?{_MONTH}\b\.?(?:,?\s{{1,3}}\d{{4}}|\s{{1,3}}'?\d{{2}}\b)?", flags),
            re.compile(rf"\b{_MONTH}\.?\s{{1,3}}(?:the\s{{1,3}})?(?:{_ORDINAL}|\d{{1,2}})\b(?!\s{{0,3}}(?:years?|yrs?|months?|weeks?|days?|hours?|mins?|am|pm|%))(?:,?\s{{1,3}}\d{{4}})?", flags),
            re.compile(rf"\b(?:on|dated|due|born|since|from|until|till|by|before|after)\s{{1,3}}(?:the\s{{1,3}})?{_ORDINAL}\b(?![^.]{{0,30}}\b(?:centile|percentile)\b)(?!\s{{1,3}}(?:centile|percentile|time|times|visit|referral|attempt|day|week|month|year|birthday|floor|child|baby|pregnancy|of\s{{1,3}}(?:\w+\s{{1,3}})?(?:children|referrals|visits)))", flags),

            re.compile(rf"\b{_DAY}\s{{1,3}}(?:the\s{{1,3}})?{_ORDINAL}\b", flags),
        ]
        references = _alternation(rules.reference_words)
        self.reference_cue = re.compile(
            rf"\b(?:{references})\b\.?(?:\s{{0,3}}(?:no\.?|number|num|#|is|was|:|-)){{0,4}}\s{{0,3}}([A-Za-z]{{0,4}}[/\-]?\d[\w/\-]{{0,40}}(?:\s\d[\d/\-]{{2,40}}){{0,4}}(?:\s{{1,3}}of\s{{1,3}}\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?)?)", flags)
        self.cued_day_month = re.compile(r"\b(?:dob|edd|doa|d\.o\.b\.?|born|dated|due(?:\s{1,3}date)?|birthday(?:\s{1,3}is)?|on|seen|since|until|till|by|from|reviewed|excluded|visited)[:\s]{1,3}((?:0?[1-9]|[12]\d|3[01])[/.](?:0?[1-9]|1[0-2]))\b(?![/.]\d)", flags)
        self.numbered_record = re.compile(r"\b(?:[a-z]+\s{1,3})?(?:id|no\.?|number|num|ref)\s{0,3}[:#]?\s{0,3}(?:(?:is|was)\s{1,3})?([A-Za-z]{0,3}\d[\w/\-]{3,40})", flags)
        # "4412/EH/09", "BX-2231-K": letters and four or more digits joined by "/" or "-".
        self.mixed_reference = re.compile(r"(?<![\w/-])(?=[\w/-]*[A-Za-z])(?=(?:[A-Za-z/-]*\d){4})[A-Za-z0-9]+(?:[/-][A-Za-z0-9]+)+(?![\w/-])")
        # "JX 22 44 15": shaped like a National Insurance number without its last letter.
        self.paired_digits = re.compile(r"\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\b(?!\s?[A-Da-d]\b)")
        self.short_reference = re.compile(r"\b(?:[A-Z]{2,5}[/-]){1,4}\d{3,}\b|\b[A-Z]{2,5}\s\d{5,}\b")
        self.long_number = re.compile(r"(?<![\w/£$.-])(?<!(?i:year)\s)(?:[A-Za-z]{1,4}[-/]?)?\d[\d/\-]{3,40}\d(?:[-/][A-Za-z0-9]{1,40})?(?![\w/%-])(?!\s?(?:g|kg|mg|ml|k|grams|steps|pounds)\b)")
        streets = _alternation(rules.street_words)
        self.numbered_street = re.compile(
            rf"\b(?:no\.?\s{{0,3}})?(?:\d{{1,4}}/)?\d{{1,4}}[a-z]?,?\s{{1,3}}(?:[A-Za-z][\w'’.-]{{0,40}}\s{{1,3}}){{1,3}}(?:{streets})\b(?:\s{{1,3}}(?:north|south|east|west))?", flags)
        ways = r"Way|Walk|Row|Place|Square|Parade|Croft|Fold|Brow|Rise|Vale|Hill|Green|View|Park|Wharf|Quay|Chase|Meadows|Fields|Close|Gardens|Grove|Terrace|Crescent|Drive|Avenue|Ave|Lane|Ln|Road|Rd|Street|St|Mews"
        self.cued_street = re.compile(rf"\b(?i:on|at|off|near|to|from|in|address|lives|living)\s{{1,3}}(?:the\s{{1,3}})?((?:[A-Z][\w'’.-]{{1,40}}\s{{1,3}}){{1,3}}(?i:{ways})(?:\s{{1,3}}(?:North|South|East|West))?(?:\s{{1,3}}(?i:site|estate|flats))?)\b")
        self.typed_street = re.compile(r"\b(?:on|at|off|near|from|to)\s{1,3}((?:[a-z][\w'’-]{1,40}\s{1,3}){1,2}(?:road|street|lane|avenue|close|drive|crescent|grove|gardens|terrace|rd|ln|ave|estate))\b")
        self.house_name = re.compile(r"\b(?:The\s{1,3}|[A-Z][\w'’]{0,40}(?:-[\w'’]{1,40}){0,3}\s{1,3})(?:[A-Z][\w'’]{0,40}(?:-[\w'’]{1,40}){0,3}\s{1,3})?(?:Cottages?|Farm|Grange|Barn|Manor|Villa|Bungalow|Lodge|Vicarage|Rectory|Mill|Forge|Orchard|Stables|Granary|Chapel|Smithy|Hollies|Laurels)\b")
        self.named_street = re.compile(
            r"\b(?:[A-Z][\w'’]{0,40}(?:-[\w'’]{1,40}){0,3}\s{1,3}){1,3}(?:Road|Rd|Street|Lane|Avenue|Ave|Close|Drive|Crescent|Grove|Gardens|Terrace|Mews|Estate|Court|House|Towers|Heights|Mansions)\b")
        building = r"(?i:Court|House|Towers?|Heights|Point|Mansions|Lodge|Apartments|Block|Buildings|Park|Place|View|Close|Gardens|Hall|Site)"
        self.flat = re.compile(
            rf"\b(?:(?i:flat|apartment|apt|unit|plot|pitch|block)\s{{1,3}}(?:\d+[a-zA-Z]?|[A-Z])\b,?\s{{0,3}}){{1,3}}"
            rf"(?:(?:(?i:the)\s{{1,3}})?(?:[A-Za-z][\w'’-]{{0,40}}\s{{1,3}}){{0,2}}(?:{building}|(?i:house|quays?|mill|wharf|court))\b)?")
        hostel = r"(?:Hostel|Hotel|Refuge|House|Lodge|Court)"
        self.room = re.compile(rf"\b(?i:room|rm)\s{{1,3}}\d+[a-z]?,?\s{{1,3}}(?:(?:[A-Z][\w'’.-]{{0,40}}\s{{1,3}}){{1,3}}(?:{building}|{hostel})\b|(?=\d))")
        self.hostel_room = re.compile(rf"\b(?:[A-Z][\w'’]{{0,40}}(?:-[\w'’]{{1,40}}){{0,3}}\s{{1,3}}){{1,3}}{hostel}\s{{1,3}}(?i:room|rm)\s{{1,3}}\d+")
        self.building_on_street = re.compile(rf"\b(?:[A-Z][\w'’]{{0,40}}(?:-[\w'’]{{1,40}}){{0,3}}\s{{1,3}}){{1,2}}(?:House|Court|Towers?|Heights|Mansions|Lodge|{hostel})\s{{1,3}}(?:on|off)\s{{1,3}}(?:[A-Z][\w'’]{{0,40}}(?:-[\w'’]{{1,40}}){{0,3}}\s{{1,3}}){{1,3}}(?:Road|Rd|Street|St|Lane|Avenue|Ave|Way|Drive|Close)\b")
        self.saint = re.compile(r"\b(?:(?:st|saint)\.?\s{1,3}[a-z]+['’]?s|(?:St|Saint)\.?\s{1,3}[A-Z][a-z]+['’]s)\b(?:\s{1,3}(?:rc|ce|c\s{1,3}of\s{1,3}e|catholic|primary|junior|juniors|infants?|academy|school|high|college|nursery))*")
        self.the_house = re.compile(r"\b\d{1,4}[a-z]?,?\s{1,3}(?i:the)\s{1,3}[A-Za-z][\w'’-]{1,40}")
        self.hotel = re.compile(rf"\b(?:{_alternation(rules.hotels)})\b(?:\s{{1,3}}(?:on|in|at)\s{{1,3}}(?:[A-Z][\w'’]{{0,40}}(?:-[\w'’]{{1,40}}){{0,3}}\s{{1,3}}){{1,3}}(?:Road|Rd|Street|St|Lane|Way)\b)?")
        # "41 Heathfield, Brinsworth": a house number, a name, a comma and a place.
        self.numbered_place = re.compile(r"(?<![\w.,/:-])\d{1,4}[a-z]?\s{1,3}(?:[A-Z][a-z'’-]{1,40}\s{1,3}){0,2}[A-Z][a-z'’-]{1,40},\s{1,3}[A-Z][a-z'’-]{1,40}(?:\s{1,3}[A-Z][a-z'’-]{1,40})?")
        # What may follow an address: ", Canal Side", ", Upper Dunstow".
        self.address_tail = re.compile(r",\s{1,3}((?:[A-Z][a-z'’-]{1,40}\b\s?){1,3})")  # matched where an address ends
        # What may join two parts of one address: "Bramble House, off Skew Bridge Rd".
        self.address_joint = re.compile(r"\A[\s,]*(?:(?:off|on|near|at)\s{1,3})?\Z")
        self.estate = re.compile(r"\b(?:[A-Z][\w'’]{0,40}(?:-[\w'’]{1,40}){0,3}\s{1,3}){1,3}(?i:estate)\b")
        self.typed_estate = re.compile(r"\bthe\s{1,3}([a-z][\w'’-]{1,40})\s{1,3}(?:[a-z][\w'’-]{1,40}\s{1,3})?estate\b")
        openers = _alternation(rules.setting_openers)
        settings = _alternation(rules.setting_words)
        self.setting = re.compile(
            rf"\b(?:(?i:{openers})\s{{1,3}})?(?:[A-Z][\w'’.&-]{{0,40}}\s{{1,3}}(?:(?:of|and|&|the|de|la|C\s{{1,3}}of\s{{1,3}}E|RC|CE)\s{{1,3}})?){{1,4}}(?i:{settings})\b(?:\s{{1,3}}(?i:school))?")
        self.lower_setting = re.compile(rf"\b(?:[a-z][\w'’.-]{{0,40}}\s{{1,3}}){{1,5}}(?:{settings})\b(?:\s{{1,3}}school)?")
        chains = _alternation(rules.setting_names)
        self.setting_name = re.compile(rf"\b(?i:{chains})\b(?:\s{{1,3}}[A-Z][\w'’]{{0,40}}(?:-[\w'’]{{1,40}}){{0,3}})?")
        self.prison = re.compile(r"\b(?:hmp|hmyoi|hm\s{1,3}prison)\s{1,3}(?:[A-Z][\w'’-]{0,40}\s?){1,3}", flags)


class Anonymiser:
    """``anonymise(text)`` returns the text with identifying details replaced."""

    def __init__(self, kb: Knowledge) -> None:
        self._rules = kb.anonymise
        self._patterns = _Patterns(self._rules)
        # Its own placeholders are left as they are, so anonymising twice changes nothing.
        self._placeholder = re.compile("|".join(re.escape(p) for p in sorted(self._rules.placeholders.values(), key=len, reverse=True)))
        self._never_names = {w.lower() for w in self._rules.kin + self._rules.titles}
        self._particles = {w.lower() for w in self._rules.name_particles}
        self._quantities = {w.lower() for w in self._rules.quantity_words}
        # Words before a number that is not a house number: "Year 3, Maths", "aged 7, Tyler".
        self._counted = {w.lower() for w in self._rules.counting_words}
        # What a sentence's first word does when it is a person: "nathan is 11", "zara told me".
        self._person_verbs = {w.lower() for w in self._rules.said_words} | {"is", "was", "has", "had", "did", "does", "and", "n", "&", "'s", "’s"}
        self._subject_verbs = {w.lower() for w in self._rules.subject_verbs}
        self._before_a_child = {w.lower() for w in self._rules.before_a_child}
        self._keep = self._keep_words(kb)
        self._keep_language = self._keep - set(STOP_WORDS)
        areas = {w.lower() for a in kb.areas.values() for w in re.findall(r"[A-Za-z]+", " ".join([a.name, *a.aliases]))}
        self._keep_terms = self._keep_language - areas
        first, foreign, self._surnames = _name_lists()
        self._first_names = first | (foreign - self._keep)
        self._own_words = self._own_vocabulary(kb)
        self._nlp = spacy.blank("en")
        self._matcher = Matcher(self._nlp.vocab)
        self._add_cue_patterns()

    # -- public ---------------------------------------------------------------

    def find(self, text: str) -> List[Found]:
        """Every identifying detail, longest first where two overlap."""
        found = list(self._structured(text))
        letters = [c for c in text if c.isalpha()]
        shouted = letters and sum(c.isupper() for c in letters) / len(letters) > 0.7
        # Typed in capitals: read it as if written normally (same length, so the
        # offsets still point into the original).
        doc = self._nlp(_PUNCTUATION_RUN.sub(_blank, _sentence_case(text) if shouted else text))
        found += self._names(doc, taken=_covered(found))
        placeholders = bytearray(len(text))
        for start, end in [m.span() for m in self._placeholder.finditer(text)] + self._own_spans(text):
            placeholders[start:end] = b"\x01" * (end - start)
        # A detail wholly inside a placeholder or Seen's own words is no detail;
        # one that reaches beyond ("Kingsmead Children's Centre") still is.
        return [Found(f.label, f.start, f.end, text[f.start:f.end]) for f in _without_overlaps(found)
                if placeholders.find(0, f.start, f.end) != -1]

    def anonymise(self, text: str) -> str:
        out, last = [], 0
        for item in sorted(self.find(text), key=lambda f: f.start):
            out.append(text[last:item.start])
            out.append(self._rules.placeholders[item.label])
            last = item.end
        out.append(text[last:])
        return "".join(out)

    # -- structured identifiers -------------------------------------------------

    def _structured(self, text: str) -> Iterator[Found]:
        p = self._patterns
        yield from _matches("EMAIL", p.email, text)
        yield from _matches("EMAIL", p.spelled_email, text)
        yield from _matches("SOCIAL_MEDIA", p.social_link, text)
        yield from _matches("SOCIAL_MEDIA", p.handle, text)
        for match in p.platform_handle.finditer(text):
            handle = match.group(1)
            if any(c.isdigit() or c in "_." for c in handle) or self._rare(handle.lower()):
                yield Found("SOCIAL_MEDIA", match.start(1), match.end(1), handle)
        yield from _matches("WEB_ADDRESS", p.web, text)
        if _DIGIT.search(text):
            yield from self._numbers(text)
        yield from self._addresses(text)
        yield from self._settings(text)

    def _numbers(self, text: str) -> Iterator[Found]:
        """Identifiers with digits in them: phone, NHS and NI numbers, postcodes,
        dates and references (skipped for a text with no digit at all)."""
        p = self._patterns
        for match in p.phone.finditer(text):
            digits = re.sub(r"\D", "", match.group())
            national = digits[4:] if digits.startswith("0044") else digits[2:] if digits.startswith("44") else digits
            national = national[1:] if national.startswith("0") else national
            if 9 <= len(national) <= 10:
                yield Found("PHONE", match.start(), match.end(), match.group())
        yield from _matches("PHONE", p.spaced_phone, text)
        for match in p.ten_digits.finditer(text):
            digits = re.sub(r"\D", "", match.group())
            label = "NHS_NUMBER" if _nhs_checksum_ok(digits) else "REFERENCE"
            yield Found(label, match.start(), match.end(), match.group())
        yield from _matches("NI_NUMBER", p.ni, text)
        yield from _matches("POSTCODE", p.postcode, text)
        for pattern in p.dates:
            yield from _matches("DATE", pattern, text)
        for match in p.cued_day_month.finditer(text):
            yield Found("DATE", match.start(1), match.end(1), match.group(1))
        for match in p.reference_cue.finditer(text):
            yield Found("REFERENCE", match.start(1), match.end(1), match.group(1))
        yield from _matches("REFERENCE", p.long_number, text)
        for match in p.numbered_record.finditer(text):
            yield Found("REFERENCE", match.start(1), match.end(1), match.group(1))
        yield from _matches("REFERENCE", p.mixed_reference, text)
        yield from _matches("REFERENCE", p.paired_digits, text)
        yield from _matches("REFERENCE", p.short_reference, text, keep=lambda span: span.split("/")[0].split("-")[0].lower() not in ("gcp", "y", "ks"))
        for match in p.police_number.finditer(text):
            yield Found("REFERENCE", match.start(1), match.end(1), match.group(1))
        for match in p.week_date.finditer(text):
            yield Found("DATE", match.start(1), match.end(1), match.group(1))
        for match in p.vehicle.finditer(text):
            letters = match.group(2)
            if letters is None or match.group().isupper() or self._rare(letters.lower(), 3.0):
                yield Found("VEHICLE", match.start(), match.end(), match.group())

    def _addresses(self, text: str) -> List[Found]:
        """Addresses found by any rule, with the parts written after them
        (", Canal Side") and the joins between them (", off") taken in."""
        found = sorted(_merged(list(self._address_parts(text))), key=lambda f: f.start)
        joined: List[Found] = []
        for item in found:
            last = joined[-1] if joined else None
            if last and self._patterns.address_joint.match(text[last.end:item.start]):
                joined[-1] = Found("ADDRESS", last.start, item.end, text[last.start:item.end])
            else:
                joined.append(item)
        return [self._with_tail(text, item) for item in joined]

    def _with_tail(self, text: str, item: Found) -> Found:
        """"Flat 12 Beech House, Canal Side": capitalised words after a comma
        that are not safeguarding language ("..., Mum said") are the address."""
        end = item.end
        for _ in range(2):
            tail = self._patterns.address_tail.match(text, end)
            words = re.findall(r"[A-Za-z][\w'’-]*", tail.group(1)) if tail else []
            if not words or any(w.lower() in self._keep_terms or w.lower() in self._never_names for w in words):
                break
            end = tail.end(1)
        end = len(text[:end].rstrip())
        return Found("ADDRESS", item.start, end, text[item.start:end])

    def _address_parts(self, text: str) -> Iterator[Found]:
        p = self._patterns
        for match in p.numbered_place.finditer(text):
            before = re.search(r"(\w+)\s*\Z", text[max(0, match.start() - 100):match.start()])
            if self._is_place(match.group()) and not (before and before.group(1).lower() in self._counted):
                yield Found("ADDRESS", match.start(), match.end(), match.group())
        yield from _matches("ADDRESS", p.flat, text)
        yield from _matches("ADDRESS", p.room, text)
        yield from _matches("ADDRESS", p.hostel_room, text)
        yield from _matches("ADDRESS", p.building_on_street, text)
        yield from _matches("ADDRESS", p.hotel, text)
        yield from _matches("ADDRESS", p.the_house, text)
        yield from _matches("ADDRESS", p.house_name, text)
        for pattern in (p.cued_street, p.typed_street):
            for match in pattern.finditer(text):
                if self._is_street(match.group(1), numbered=False):
                    yield Found("ADDRESS", match.start(1), match.end(1), match.group(1))
        yield from _matches("ADDRESS", p.estate, text, keep=self._not_all_kept)
        for match in p.typed_estate.finditer(text):
            if self._rare(match.group(1).lower(), ORDINARY_WORD) and match.group(1).lower() not in self._keep:
                yield Found("ADDRESS", match.start(1), match.end(), text[match.start(1):match.end()])
        yield from _matches("ADDRESS", p.numbered_street, text, keep=self._is_street)
        yield from _matches("ADDRESS", p.named_street, text, keep=self._not_all_kept)

    def _settings(self, text: str) -> Iterator[Found]:
        p = self._patterns
        yield from _matches("SCHOOL_OR_SETTING", p.prison, text)
        yield from _matches("SCHOOL_OR_SETTING", p.saint, text)
        for match in p.setting_name.finditer(text):
            end = match.end()
            following = re.match(r"\s+([a-z]+)", text[end:])
            if following and self._rare(following.group(1), ORDINARY_WORD) and following.group(1) not in self._keep:
                end += following.end()
            yield Found("SCHOOL_OR_SETTING", match.start(), end, text[match.start():end])
        yield from _matches("SCHOOL_OR_SETTING", p.setting, text, keep=self._is_named_setting)
        for match in p.lower_setting.finditer(text):
            typed = self._typed_setting(match.group())
            if typed:
                start = match.start() + match.group().index(typed)
                yield Found("SCHOOL_OR_SETTING", start, start + len(typed), typed)

    def _is_street(self, span: str, numbered: bool = True) -> bool:
        """"12b Mill Lane", "9 the green", not "5 in the house" or "5 mins walk"."""
        rest = re.sub(r"^(?:no\.?\s*)?[\d/]+[a-z]?,?\s*", "", span, flags=re.IGNORECASE)
        words = [w.lower() for w in re.findall(r"[A-Za-z][\w'’.-]*", rest)][:-1]
        if numbered and words == ["the"]:
            return True
        if not words or any(w in STOP_WORDS or w in self._quantities for w in words):
            return False
        return numbered or not any(w in self._keep_terms for w in words)

    def _is_place(self, span: str) -> bool:
        """"41 Heathfield, Brinsworth", not "3 Maths, English" or "2 Kids, Mum"."""
        words = re.findall(r"[A-Za-z][\w'’-]*", span)
        return not any(w.lower() in self._keep_terms or w.lower() in self._quantities or w.lower() in self._never_names for w in words)

    def _not_all_kept(self, span: str) -> bool:
        words = re.findall(r"[A-Za-z][\w'’-]*", span)
        return any(w.lower() not in self._keep_language for w in words[:-1]) if len(words) > 1 else False

    def _typed_setting(self, span: str) -> Optional[str]:
        """A setting typed in lower case ("for ridgeway park primary"): from its
        first rare word on (with the word before it, "little acorns"), or from
        a word that opens a setting's name ("holy trinity"), so "the local
        nursery" or "his primary" are not one."""
        words = span.split()
        for i, word in enumerate(words[:-1]):
            name = words[i:-1]
            rest = " ".join(words[i:]).lower()
            if any(rest.startswith(opener + " ") for opener in self._rules.setting_openers):
                return span[span.index(" ".join(words[i:])):]
            if self._rare(word.lower(), ORDINARY_WORD) and not any(w.lower() in self._keep for w in name):
                if i and words[i - 1].lower() not in self._keep and words[i - 1].lower() not in STOP_WORDS:
                    i -= 1
                return span[span.index(" ".join(words[i:])):]
        return None

    def _is_named_setting(self, span: str) -> bool:
        """"Oakfield Academy", "Salford Royal", not "a Salford school" or "the nursery"."""
        words = re.findall(r"[A-Za-z][\w'’.&-]*", span)
        head, last = words[:-1], words[-1]
        if not head or not head[0][0].isupper():
            return False
        named = [w for w in head if w.lower().strip(".") not in self._keep and w.lower() not in ("of", "and", "the", "rc", "ce", "c", "e")]
        if any(w.lower() in self._never_names for w in head):
            return bool(named)  # "Baby Clinic", "Mum's GP Surgery": a kind of place, not its name
        return bool(named) or last[0].isupper()

    # -- names ----------------------------------------------------------------------

    def _add_cue_patterns(self) -> None:
        rules = self._rules
        name = _marked(cue_name=True)
        particles = {**_marked(particle=True), "OP": "*"}
        self._matcher.add("TITLE", [[{"LOWER": {"IN": rules.titles}}, {"ORTH": ".", "OP": "?"}, particles, name]])
        kin = {"LOWER": {"IN": rules.kin}}
        between = {"ORTH": {"IN": [",", "(", ":", "-", "–", "is", "called", "named"]}, "OP": "*"}
        self._matcher.add("KIN", [[kin, between, name], [kin, {"ORTH": {"IN": ["'s", "’s"]}}, kin, between, name]])
        naming = [[{"LOWER": word} for word in phrase.split()] for phrase in rules.naming_words]
        named = _marked(capitalised=True, never_name=False)
        self._matcher.add("NAMING", [[*words, {"ORTH": {"IN": [",", ":", "'", '"']}, "OP": "*"}, choice] for words in naming for choice in (name, named)])
        self._matcher.add("SAYS", [[name, {"LOWER": {"IN": rules.said_words}}]])
        # "bex (mum) rang", "Kerry mum of the twins"
        self._matcher.add("WHO", [[name, {"ORTH": "("}, kin], [name, kin, {"LOWER": {"IN": ["of", "to"]}}]])
        self._matcher.add("SAYS_WEAK", [[_marked(could_be_name=True, first_name=True, capitalised=True),
                                         {"LOWER": {"IN": ["has", "had", "hasnt", "hasn't", "did", "does"]}}]])
        # "says Dwayne hits them", "visited oliver and his nan"
        self._matcher.add("OBJECT", [[{"LOWER": {"IN": rules.said_words}}, name]])
        # "Ruby and her sister", "theo and his big brother"
        self._matcher.add("SIBLING", [[name, {"LOWER": {"IN": ["and", "&", "n"]}}, {"LOWER": {"IN": ["his", "her", "their"]}},
                                       {"IS_LOWER": True, "OP": "?"}, kin]])
        # "Sunny is mums new partner", "Leanne was dad's ex"
        self._matcher.add("IS_KIN", [[name, {"LOWER": {"IN": ["is", "was"]}},
                                      {"LOWER": {"IN": ["mums", "dads", "nans", "mum", "dad", "nan", "'s", "’s", "my", "his", "her", "their", "the", "a"]}, "OP": "*"},
                                      {"LOWER": {"IN": ["new", "old", "ex", "older", "younger", "big", "little", "best"]}, "OP": "?"}, kin]])
        # "Hope and Summer both have eczema", "faith and summer (twins)": two
        # listed first names doing something together.
        pair = _marked(first_name=True, capitalised=True, never_name=False)
        typed_pair = _marked(first_name=True, never_name=False)
        joined = {"LOWER": {"IN": ["and", "&", "n"]}}
        self._matcher.add("PAIR", [[pair, joined, pair, {"LOWER": {"IN": ["both", "are", "were", "have", "had", "say", "said"]}}],
                                   [typed_pair, joined, typed_pair, {"LOWER": {"IN": ["both", "("]}}]])
        self._matcher.add("POSSESSIVE", [[_marked(could_be_name=True), {"ORTH": {"IN": ["'s", "’s"]}}, {"LOWER": {"IN": rules.kin}, "OP": "?"}],
                                          [_marked(cue_name=True, capitalised=True), {"ORTH": {"IN": ["'s", "’s"]}}, {"LOWER": {"IN": rules.kin}}]])
        # "Poppy (6)", "Faith (yr 2)", "Zach born 3rd May", "hunter is 9", "Dallas in yr 10"
        self._matcher.add("AGE", [[
            name,
            {"LOWER": {"IN": ["is", "aged", "age", "(", ",", "who", "in", "born", "dob", "d.o.b", "d.o.b.", "was", "-"]}},
            {"LOWER": {"IN": ["yr", "year", "y", "age", "aged", "is", "in", "born", "on", "the", "dob", "d.o.b", "d.o.b.", ":"]}, "OP": "*"},
            {"TEXT": {"REGEX": r"\d"}},
        ]])

    def _names(self, doc: Doc, taken: Set[int]) -> List[Found]:
        seen: Dict[str, Tuple[bool, ...]] = {}
        marks = [seen.get(token.text) or seen.setdefault(token.text, self._marks(token)) for token in doc]
        doc.user_data[MARKS_KEY] = marks
        codes: Dict[Tuple[bool, ...], str] = {}
        for i, mark in enumerate(marks):
            if any(mark):  # what the cue patterns read
                doc[i].norm_ = codes.get(mark) or codes.setdefault(mark, _code(mark))
        picked: Set[int] = set()
        for match_id, start, end in self._cue_matches(doc, marks):
            rule = self._nlp.vocab.strings[match_id]
            if rule == "PAIR":
                picked.update((start, start + 2))
                continue
            index = start if rule in ("SAYS", "SAYS_WEAK", "POSSESSIVE", "AGE", "WHO", "SIBLING", "IS_KIN") else end - 1
            if self._cue_confirms(rule, doc[index]):
                picked.add(index)
        for i, (could_be_name, _, capitalised, _, _, cue_name) in enumerate(marks):
            if not (could_be_name or (cue_name and capitalised)) or i in picked:
                continue
            token = doc[i]
            if could_be_name and self._looks_like_a_name(token, marks):
                picked.add(token.i)
            elif cue_name and capitalised and not self._plural_of_a_word(token.lower_) and self._full_name_follows(token, marks):
                picked.add(token.i)  # "Grace Ogunleye", "Amber Brook"
        picked |= self._by_structure(doc, marks) - picked
        picked |= self._coordinated(doc, picked)
        found: List[Found] = []
        reached = 0
        for index in sorted(picked):
            if index < reached:
                continue  # inside the name found just before
            span = self._extend(doc, index)
            reached = span.end
            if any(i in taken for i in range(span.start_char, span.end_char)):
                continue
            found.append(Found("NAME", span.start_char, span.end_char, span.text))
        return found

    def _cue_matches(self, doc: Doc, marks: List[Tuple[bool, ...]]) -> Iterator[Tuple[int, int, int]]:
        """The cue patterns' matches. Every pattern needs a token that could be
        a name, so only the stretches around such tokens are searched: a long
        message of ordinary words costs the matcher nothing."""
        near = [i for i, (could, first, capitalised, _, _, cue) in enumerate(marks) if could or first or capitalised or cue]
        stretches: List[List[int]] = []
        for i in near:
            start, end = max(0, i - CUE_REACH), min(len(doc), i + CUE_REACH + 1)
            if stretches and start <= stretches[-1][1]:
                stretches[-1][1] = end
            else:
                stretches.append([start, end])
        for start, end in stretches:
            for match_id, first, last in self._matcher(doc[start:end]):
                yield match_id, start + first, start + last

    def _by_structure(self, doc: Doc, marks: List[Tuple[bool, ...]]) -> Set[int]:
        """Names that are also words, told by where they stand: a listed first
        name opening a clause as the subject of "said", "told", "came",
        "attended"… ("faith came to school"), and a capitalised word with an
        age or school year in brackets after it ("Storm (15)", "River (Reception)")."""
        found: Set[int] = set()
        for i, (could_be_name, first_name, capitalised, _, never_name, _) in enumerate(marks):
            if never_name or not (first_name or capitalised):
                continue
            token = doc[i]
            if token.lower_ in self._keep:
                continue
            after = doc[i + 1].lower_ if i + 1 < len(doc) else ""
            if first_name and after in self._subject_verbs and (i == 0 or doc[i - 1].text in _CLAUSE_OPENERS):
                found.add(i)
            elif capitalised and after == "(" and i + 2 < len(doc) and _AGE_IN_BRACKETS.match(doc[i + 2:i + 5].text):
                found.add(i)
        return found

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
                if joiner.lower_ not in ("and", "&", ",", "or", "n") or (step == 3 and doc[index + 2].lower_ not in self._before_a_child):
                    continue
                token = doc[other]
                if other not in picked and _mark(token, "first_name") and not _mark(token, "never_name") and (
                        _mark(token, "capitalised") or self._rare(token.lower_, 4.5)):
                    more.add(other)
        return more

    def _cue_confirms(self, rule: str, token: Token) -> bool:
        """A cue word is strong evidence, but a lower-case word after "nan" or
        "the HV" is usually just a word ("nan rang", "the HV hasnt")."""
        word = token.lower_
        if rule in ("SAYS", "POSSESSIVE"):
            if not _mark(token, "capitalised"):
                return (word in self._first_names and self._rare(word, 4.5)) or self._rare(word, 2.5)
            return self._listed(word) or self._rare(word, COMMON_WORD)
        if rule == "SAYS_WEAK":
            return True
        if rule == "OBJECT":
            return _mark(token, "could_be_name") and self._person_word(token)  # not "says June is when"
        if rule in ("SIBLING", "IS_KIN", "WHO"):
            return self._person_word(token)
        if rule == "AGE":
            return self._first(word) or self._rare(word, 2.5) or (_mark(token, "capitalised") and self._rare(word, COMMON_WORD))
        if _mark(token, "capitalised"):
            return rule != "KIN" or self._listed(word) or self._rare(word, COMMON_WORD)  # not "Baby Clinic"
        if rule == "KIN" and token.nbor(-1).lower_ == "is":
            return self._first(word)  # "mum is kayleigh", not "mum is unwell"
        if rule == "TITLE" and word in self._surnames and token.nbor(-1).lower_ in ("mr", "mrs", "ms", "miss", "mx", "dr"):
            return True  # "miss jones at nursery"
        limit = COMMON_WORD if rule == "TITLE" else ORDINARY_WORD
        return word in self._first_names or (self._rare(word, limit) and not re.search(r"(nt|ing|ed|ful|less|ous|ly)$", word))

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
        if not re.fullmatch(r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*", text) or len(text) < 2 or re.match(r"[A-Z]{2,}(?:s|['’]?d|['’]s)?$", text):
            return False  # not a word, or an acronym ("DNAs", "NFA'd")
        return text.lower() not in self._keep and not (text.isupper() and len(text) <= 5 and not self._first(text.lower()))

    def _person_word(self, token: Token) -> bool:
        """Next to a cue that points at a person ("visited oliver", "bex (mum)"):
        a listed first name not too common in English, or a word that is no
        English at all."""
        word = token.lower_
        if _mark(token, "capitalised"):
            return self._listed(word) or self._rare(word, COMMON_WORD)
        return (self._first(word) and self._rare(word, PERSON_WORD)) or self._rare(word, 2.5)

    def _first(self, word: str) -> bool:
        return word in self._first_names or _fold(word) in self._first_names

    def _looks_like_a_name(self, token: Token, marks: List[Tuple[bool, ...]]) -> bool:
        """Without a cue word: a capitalised rare word or listed name mid-sentence,
        a listed first name that is rare in English anywhere."""
        word = token.text.lower()
        if re.fullmatch(r"[A-Z][a-z]*['’][A-Z][a-z]+|[A-Z][a-z]+-[A-Z][a-z]+", token.text) and word not in self._keep:
            return True  # O'Neill, D'Souza, Smith-Jones
        if self._plural_of_a_word(word):
            return False  # "Ashtrays overflowing"
        starts_sentence = token.i == 0 or token.nbor(-1).text in (".", "!", "?", "\n", '"', "“")
        capitalised = marks[token.i][2]
        if capitalised and not starts_sentence and not self._rare(word, COMMON_WORD) and self._reads_as_a_word(token):
            return False  # "a new Rose gold phone", "Incidents Rose from 2 to 7"
        if capitalised and not starts_sentence:
            following = token.nbor(1) if token.i + 1 < len(token.doc) else None
            if following is not None and marks[following.i][2] and following.lower_ in self._keep_language:
                return False  # part of a named thing: "Brook Traffic Light Tool"
            return self._rare(word, COMMON_WORD) or self._listed(word)
        if capitalised:
            if self._full_name_follows(token, marks):
                return word in self._first_names or self._rare(word, COMMON_WORD)
            return (word in self._first_names and self._rare(word, 3.5)) or self._rare(word, ORDINARY_WORD)
        doc, i = token.doc, token.i
        joined = i + 2 < len(doc) and doc[i + 1].text == "-" and not token.whitespace_ and not doc[i + 1].whitespace_
        if joined and self._first_or_rare(word) and self._first_or_rare(doc[i + 2].lower_):
            return True  # "kayden-lee", "ellie-may"
        after = i + 1
        while after < min(len(doc), token.i + NAME_TOKENS) and _mark(doc[after], "particle"):
            after += 1
        surname = after < len(doc) and re.sub(r"['’]", "", doc[after].lower_) in self._surnames and _mark(doc[after], "could_be_name")
        opens = i == 0 or doc[i - 1].is_punct or doc[i - 1].lower_ in STOP_WORDS or doc[i - 1].lower_ in self._never_names
        if surname and opens and (word in self._first_names or (self._rare(word, 3.0) and self._rare(doc[after].lower_, 3.3))):
            return True  # "maria de souza", "zainab hussain"
        if opens and i + 1 < len(doc) and doc[i + 1].lower_ in self._person_verbs and (i == 0 or doc[i - 1].text in ".!?\n"):
            return self._person_word(token)  # "muhammad hasnt been in", "teddy has come in"
        return word in self._first_names and self._rare(word)

    def _plural_of_a_word(self, word: str) -> bool:
        """"ashtrays", "bruises": an unlisted word whose singular is ordinary English."""
        if self._listed(word) or not word.endswith("s") or self._listed(word[:-1]):
            return False  # "the Smiths"
        return any(not self._rare(stem, 2.5) for stem in (word[:-1], word[:-2] if word.endswith("es") else ""))

    def _reads_as_a_word(self, token: Token) -> bool:
        """A capitalised common word ("Rose", "Grace") after "a new" or after a
        capitalised ordinary word (title case, "Incidents Rose") is that word."""
        before = token.nbor(-1)
        if before.lower_ in ("a", "an", "new", "some", "every", "no"):
            return True
        return _mark(before, "capitalised") and not _mark(before, "never_name") and not self._listed(before.lower_) and (
            before.lower_ in self._keep_language or not self._rare(before.lower_, 3.0))

    def _full_name_follows(self, token: Token, marks: List[Tuple[bool, ...]]) -> bool:
        """A capitalised surname follows (after any "de", "van", "al-"); ``marks``
        are each token's, from ``_marks``."""
        doc, after = token.doc, token.i + 1
        last = min(len(doc), token.i + NAME_TOKENS)
        while after < last and (marks[after][3] or doc[after].text in ("-", "‐")):
            after += 1
        if after >= len(doc):
            return False
        following = doc[after]
        return marks[after][0] and marks[after][2] and (
            self._listed(following.lower_) or self._rare(following.lower_, COMMON_WORD))

    def _first_or_rare(self, word: str) -> bool:
        return word in self._first_names or self._rare(word, 3.0)

    def _extend(self, doc: Doc, index: int) -> Span:
        """A name with its surname and joined parts: "Kayleigh Smith-Jones"."""
        end = index + 1
        last = min(len(doc), index + NAME_TOKENS)
        while end < last:
            token = doc[end]
            if token.text in ("-", "‐") and end + 1 < len(doc) and not token.whitespace_ and not doc[end - 1].whitespace_ and (
                    _mark(doc[end + 1], "capitalised") or self._first_or_rare(doc[end + 1].lower_)):
                end += 2
                continue
            if _mark(token, "capitalised") and _mark(token, "could_be_name") and (self._listed(token.lower_) or self._rare(token.lower_, COMMON_WORD)):
                end += 1
                continue
            if end == index + 1 and not _mark(doc[index], "capitalised") and self._typed_surname(token):
                end += 1  # "jayden smith", "siobhan o'connor"
                continue
            if re.fullmatch(r"[A-Z]\.?", token.text) and token.i > index:
                end += 1  # "Ruby W"
                continue
            if _mark(token, "particle"):
                after = end
                while after < last and (_mark(doc[after], "particle") or doc[after].text in ("-", "‐")):
                    after += 1
                if after < last and (_mark(doc[after], "capitalised") or (not _mark(doc[index], "capitalised") and doc[after].lower_ in self._surnames)):
                    end = after + 1
                    continue
            break
        start = index
        while start >= max(2, index - NAME_TOKENS) and doc[start - 1].text in ("-", "‐") and not doc[start - 2].whitespace_ and (
                _mark(doc[start - 2], "capitalised") or _mark(doc[start - 2], "particle") or doc[start - 2].lower_ in self._first_names):
            start -= 2
        if start >= 1 and not _mark(doc[index], "capitalised") and doc[start - 1].is_lower and _mark(doc[start - 1], "could_be_name") and (
                _mark(doc[start - 1], "first_name") and self._rare(doc[start - 1].lower_, PERSON_WORD)):
            start -= 1  # "chen hui says"
        if start >= 1 and doc[start - 1].lower_ in ("big", "little", "lil", "young", "old") and _mark(doc[start - 1], "capitalised"):
            start -= 1
        return doc[start:end]

    def _typed_surname(self, token: Token) -> bool:
        """A lower-case surname after a lower-case first name: listed (and not
        a verb like "makes") or no English word at all."""
        word = token.lower_.replace("'", "").replace("’", "")
        if not token.is_lower or not _mark(token, "could_be_name") or token.lower_ in self._person_verbs:
            return False
        verb = word.endswith("s") and not self._rare(word[:-1]) and not self._first(word[:-1])  # "makes", not "jones"
        return (word in self._surnames and self._rare(word, 5.0) and not verb) or self._rare(word, 3.0)

    def _listed(self, word: str) -> bool:
        return word in self._first_names or word in self._surnames

    @staticmethod
    def _rare(word: str, limit: float = ORDINARY_WORD) -> bool:
        return _zipf(word) < limit

    def _own_vocabulary(self, kb: Knowledge) -> Dict[str, List[str]]:
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
                words = phrase.split()
                single = len(words) == 1
                if single and (self._first(phrase.lower()) or phrase.lower() in self._surnames or len(phrase) < 3):
                    continue
                phrases.setdefault(words[0], set()).add(phrase)
        return {first: sorted(found, key=len, reverse=True) for first, found in phrases.items()}

    def _own_spans(self, text: str) -> List[Tuple[int, int]]:
        """Where Seen's own names for things stand in a text (the longest at each place)."""
        spans = []
        for match in _CAPITALISED_WORD.finditer(text):
            for phrase in self._own_words.get(match.group(), ()):
                end = match.start() + len(phrase)
                if text.startswith(phrase, match.start()) and not (end < len(text) and (text[end].isalnum())):
                    spans.append((match.start(), end))
                    break
        return spans

    def _keep_words(self, kb: Knowledge) -> Set[str]:
        words = {w.lower() for w in self._rules.keep} | set(STOP_WORDS) | self._never_names
        phrases = [a.name for a in kb.areas.values()] + [alias for a in kb.areas.values() for alias in a.aliases]
        phrases += [alias for r in kb.roles.values() for alias in r.aliases] + [t.title for t in kb.topics.values()]
        for phrase in phrases:
            words.update(w.lower() for w in re.findall(r"[A-Za-z][\w'’&-]*", phrase))
        return words


_DIGIT = re.compile(r"\d")
#: A run of capitalised words (with "of", "and", "&" between) and maybe a number:
#: how Seen's topics name a tool, a framework, a review's case.
_OWN_PHRASE = re.compile(r"[A-Z][\w'’-]*(?:\s(?:(?:of|and|for|&)\s)?[A-Z][\w'’-]*)*(?:\s\d{1,3}\b)?")
_CAPITALISED_WORD = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*")
#: What may come before a name at the start of a clause.
_CLAUSE_OPENERS = (".", "!", "?", "\n", ",", ";", ":", "-", "(", '"', "“", "and", "but", "so", "then")
#: An age or school year in brackets: "(15)", "(yr 2)", "(Reception)".
_AGE_IN_BRACKETS = re.compile(r"(?:\d{1,2}|y(?:ea)?r ?\d{1,2}|y\d{1,2}|reception|nursery)\s?\)", re.IGNORECASE)

#: spaCy's tokenizer takes time in the square of a run of punctuation's length
#: ("!!!!…"); no name is in one, so the runs are blanked (same length, so the
#: offsets still point into the original) before it reads the text.
_PUNCTUATION_RUN = re.compile(r"[^\w\s]{4,}")


#: A token's marks, in the order ``Anonymiser._marks`` gives them.
MARKS = ("could_be_name", "first_name", "capitalised", "particle", "never_name", "cue_name")


MARKS_KEY = "seen.anonymise.marks"


def _mark(token: Token, name: str) -> bool:
    """One of a token's marks, kept with its doc by ``Anonymiser._names``."""
    return token.doc.user_data[MARKS_KEY][token.i][MARKS.index(name)]


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


def _blank(match: re.Match) -> str:
    return " " * len(match.group())


def _sentence_case(text: str) -> str:
    """"DAD IS DARREN HOLLIS" as "Dad Is Darren Hollis": each word capitalised,
    so a name reads like one; letters only change case."""
    return re.sub(r"[^\W\d_]+", lambda m: m.group()[0] + m.group()[1:].lower(), text)


def _capitalised(text: str) -> bool:
    """"Kayleigh", "McGuinness", "O'Neill": a capital first, not all capitals."""
    return len(text) > 1 and text[0].isupper() and any(c.islower() for c in text)


def _matches(label: str, pattern: re.Pattern, text: str, keep: Optional[Callable[[str], bool]] = None) -> Iterator[Found]:
    for match in pattern.finditer(text):
        value = match.group().rstrip(".,;: \t\n")
        if value and (keep is None or keep(value)):
            yield Found(label, match.start(), match.start() + len(value), value)


def _covered(found: List[Found]) -> Set[int]:
    return {i for f in found for i in range(f.start, f.end)}


#: Details found by looser rules: where one overlaps an exact format (a phone
#: number, an email), the exact format wins.
LOOSE = {"ADDRESS", "SCHOOL_OR_SETTING", "NAME"}


def _without_overlaps(found: List[Found]) -> List[Found]:
    """Where details overlap, an exact format beats a looser rule, then the
    longest wins (a phone number over the reference inside it)."""
    found = _merged(found)
    kept: List[Found] = []
    taken = bytearray(max((f.end for f in found), default=0))  # 1 where a kept detail is
    for item in sorted(found, key=lambda f: (f.label in LOOSE, -(f.end - f.start), f.start)):
        if taken.find(1, item.start, item.end) == -1:
            kept.append(item)
            taken[item.start:item.end] = b"\x01" * (item.end - item.start)
    return sorted(kept, key=lambda f: f.start)


def _merged(found: List[Found]) -> List[Found]:
    """Overlapping details of the same kind are one ("since 1st" and "1st nov")."""
    merged: List[Found] = []
    for item in sorted(found, key=lambda f: (f.label, f.start)):
        last = merged[-1] if merged else None
        if last and last.label == item.label and item.start < last.end:
            merged[-1] = Found(last.label, last.start, max(last.end, item.end), "")
        else:
            merged.append(item)
    return merged


@lru_cache(maxsize=1)
def _name_lists() -> Tuple[Set[str], Set[str], Set[str]]:
    """Census first names, other countries' first names, census surnames."""
    folder = Path(census_names.__file__).parent
    read = lambda name: {line.split()[0].lower() for line in (folder / name).read_text().splitlines() if line.strip()}  # noqa: E731
    return read("dist.male.first") | read("dist.female.first"), _faker_first_names(), read("dist.all.last")


def _faker_first_names() -> Set[str]:
    """First names from Faker's lists for many countries (MIT licence): the
    1990 US census misses most of today's children ("Alfie", "Freya",
    "Muhammad", "Zainab"). Some countries' lists hold English words
    ("Infant", "Bent"), so a name that is common in English must be listed by
    at least two countries, and one very common in English is left out."""
    counts: Counter = Counter()
    for module in pkgutil.iter_modules(faker_person.__path__):
        provider = importlib.import_module(f"{faker_person.__name__}.{module.name}").Provider
        listed = set()
        for attribute in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            value = getattr(provider, attribute, None)
            if isinstance(value, (list, tuple, set, dict)):
                listed.update(_fold(name) for name in value)
        counts.update(name for name in listed if re.fullmatch(r"[a-z]+(?:['-][a-z]+)*", name))
    return {name for name, n in counts.items() if zipf_frequency(name, "en") < (FOREIGN_NAME if n > 1 else 3.5)}


@lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    """How common a word is in English (wordfreq's Zipf scale), looked up once per word."""
    return zipf_frequency(word, "en")


def _fold(word: str) -> str:
    """"Ángel" as "angel", "Zoë" as "zoe": name lists are looked up unaccented."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()


@lru_cache(maxsize=1)
def default() -> Anonymiser:
    return Anonymiser(knowledge.default())


def anonymise(text: str) -> str:
    """The text with identifying details replaced by labelled placeholders."""
    return default().anonymise(text)
