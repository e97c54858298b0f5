"""Places: addresses (a house number and a street, a flat, a hostel room, a
house name, an estate), named settings (schools, nurseries, surgeries, dental
practices, pharmacies, hospitals, prisons) and named businesses (a chain's
branch, a shop, a pub), found by regular expressions and checked against the
words to keep."""

from __future__ import annotations

import re
from typing import Iterator, List, Optional, Tuple

from spacy.lang.en.stop_words import STOP_WORDS

from seen.anonymise.found import Found, matches, merged
from seen.anonymise.words import COMMON_WORD, NO_WORD, ORDINARY_WORD, Words, alternation, rare
from seen.knowledge import AnonymiseRules

#: A capitalised word, maybe hyphenated: "Skew", "Smith-Jones".
_NAME_WORD = r"[A-Z][\w'’]{0,40}(?:-[\w'’]{1,40}){0,3}"
#: A word typed in lower case: "failsworth".
_TYPED_WORD = r"[a-z][\w'’-]{1,40}"


#: A place named the way people name one: a possessive that stands alone
#: after "at" or "to" ("taken to Jimmy's on Friday", "seen at Addenbrooke's"),
#: or a town's children's hospital ("Sheffield Children's", not "Derbyshire
#: Children's Services").
_PLACE_BY_USE = re.compile(r"""
    (?:(?<=\bat\s)|(?<=\bto\s)|(?<=\binto\s)|(?<=\bfrom\s)|(?<=\boutside\s)|(?<=\battended\s))
    [A-Z][a-z]{2,30}['’]s
        (?= \s*(?:[,.;:)!?]|$) | \s(?i:on|with|for|at|last|yesterday|today|tonight|this|a&e|ed|and|after|before|by
                                   |til|till|until|again|earlier|overnight|since|where|when|because|but)\b )
    | \b[A-Z][a-z]{2,30}\sChildren['’]?s\b (?!['’]|\s+[A-Z])
    """, re.VERBOSE)


#: A small word that ends a name typed in lower case: "hmp forest bank on the 2nd".
_SMALL_WORD = r"(?:on|the|in|at|to|for|and|of|from|since|until|till|til|by|last|this|next|with)"


#: A house by its number alone, where a street was said before: "the neighbour at no. 27", "lives at number 4".
_HOUSE_BY_NUMBER = re.compile(r"(?<=\bat\s)\s{0,2}(?:no\.?|number)\s{0,3}\d{1,4}[a-z]?\b(?!\s{0,3}(?:bus|%|x\b))",
                              re.IGNORECASE)


class Places:
    """Every address and named setting in a text; the patterns are built once
    from the cue words in knowledge/. Each list of street, building and house
    words feeds every pattern that reads it, so a word added there is caught in
    each form."""

    def __init__(self, rules: AnonymiseRules, words: Words) -> None:
        self._rules = rules
        self._keep, self._keep_language, self._keep_terms = words.keep, words.keep_language, words.keep_terms
        self._never_names = words.never_names
        self._first_name = words.first
        self._not_a_town = {w.lower() for w in rules.not_a_town}
        self._town_names = words.town_names
        self._chain_words = {w.lower() for chain in rules.chains for w in re.findall(r"[\w'’&-]+", chain)}
        self._quantities = {w.lower() for w in rules.quantity_words}
        # Words before a number that is not a house number: "Year 3, Maths", "aged 7, Tyler", "PC 4471 Amir Shah".
        self._counted = {w.lower() for w in rules.counting_words + rules.police_numbers}
        # The words of "C of E", "RC": what may stand between a setting's name and its kind.
        self._joiners = {w.lower() for phrase in rules.setting_joiners for w in phrase.split()}
        self._compile_streets(rules)
        self._compile_buildings(rules)
        self._compile_settings(rules)
        self._compile_businesses(rules)

    def _compile_streets(self, rules: AnonymiseRules) -> None:
        street = rules.street_words + rules.street_words_after_a_cue
        every_place = (street + rules.street_words_after_a_number + rules.building_words + rules.block_words
                       + rules.house_name_words)
        self._numbered_street = re.compile(rf"""
            \b(?:no\.?\s{{0,3}})? (?:\d{{1,4}}[/–-])?\d{{1,4}}[a-z]?,? \s{{1,3}}   # "no. 12b", "3/12,", "18-20"
            (?:[A-Za-z][\w'’.-]{{0,40}}\s{{1,3}}){{1,3}}                       # "Mill", "the old"
            (?:{alternation(every_place)})\b                                  # "Lane", "Cottages", "Side"
            (?:\s{{1,3}}(?:{alternation(rules.street_directions)}))?           # "North"
            """, re.IGNORECASE | re.VERBOSE)
        self._cued_street = re.compile(rf"""
            \b(?i:{alternation(rules.street_cues + rules.street_cues_before_a_capital)}) \s{{1,3}}  # "on", "lives"
            (?:the\s{{1,3}})?
            (                                                                 # the street:
                (?:[A-Z][\w'’.-]{{1,40}}\s{{1,3}}){{1,3}}                      # "Primrose", "Moss Side"
                (?i:{alternation(street)})                                    # "Way", "Lane"
                (?:\s{{1,3}}(?:{alternation(rules.street_directions, capitalised=True)}))?  # "North"
                (?:\s{{1,3}}(?i:{alternation(rules.after_a_street)}))?         # "Site"
            )\b
            """, re.VERBOSE)
        self._typed_street = re.compile(rf"""
            \b(?:{alternation(rules.street_cues)}) \s{{1,3}}                  # "on"
            ((?:[a-z][\w'’-]{{1,40}}\s{{1,3}}){{1,2}}                          # "elm", "wythburn"
             (?:{alternation(rules.street_words)}))\b                         # "road", "ave"
            """, re.VERBOSE)
        self._named_street = re.compile(rf"""
            \b(?:{_NAME_WORD}\s{{1,3}}){{1,3}}                                 # "Skew Bridge"
            (?:{alternation(rules.street_words + rules.building_words, capitalised=True)})\b  # "Road", "Court"
            """, re.VERBOSE)
        # What may follow an address: ", Canal Side", ", Upper Dunstow".
        self._address_tail = re.compile(r",\s{1,3}((?:[A-Z][a-z'’-]{1,40}\b\s?){1,3})")  # matched where an address ends
        # What may join two parts of one address: "Bramble House, off Skew Bridge Rd".
        self._address_joint = re.compile(r"\A[\s,]*(?:(?:off|on|near|at)\s{1,3})?\Z")
        # "41 Heathfield, Brinsworth": a house number, a name, a comma and a place.
        self._numbered_place = re.compile(r"""
            (?<![\w.,/:-]) \d{1,4}[a-z]? \s{1,3}                            # "41"
            (?:[A-Z][a-z'’-]{1,40}\s{1,3}){0,2} [A-Z][a-z'’-]{1,40} ,\s{1,3}  # "Heathfield, "
            [A-Z][a-z'’-]{1,40}(?:\s{1,3}[A-Z][a-z'’-]{1,40})?               # "Brinsworth", "Upper Dunstow"
            """, re.VERBOSE)
        # "12a Kirkgate, LS12 3AB": a house number and a name before a postcode.
        self._numbered_before_a_postcode = re.compile(r"""
            (?<![\w.,/:-]) \d{1,4}[a-z]? \s{1,3}                            # "12a"
            (?:[A-Z][a-z'’-]{1,40}\s{1,3}){0,2} [A-Z][a-z'’-]{1,40}           # "Kirkgate"
            (?=,?\s{1,3}[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b)                  # ", LS12 3AB"
            """, re.VERBOSE)
        self._estate = re.compile(rf"\b(?:{_NAME_WORD}\s{{1,3}}){{1,3}}(?i:estate)\b")
        self._typed_estate = re.compile(
            r"\bthe\s{1,3}([a-z][\w'’-]{1,40})\s{1,3}(?:[a-z][\w'’-]{1,40}\s{1,3})?estate\b")  # "the beechwood estate"
        self._hotel = re.compile(rf"""
            \b(?:{alternation(rules.hotels)})\b                               # "Travelodge"
            (?:\s{{1,3}}(?:on|in|at)\s{{1,3}}(?:{_NAME_WORD}\s{{1,3}}){{1,3}}   # "on Marsh Hill"
               (?:{alternation(street, capitalised=True)})\b)?               # "Road"
            """, re.VERBOSE)

    def _compile_buildings(self, rules: AnonymiseRules) -> None:
        building = f"(?i:{alternation(rules.building_words + rules.block_words)})"
        hostel = f"(?:{alternation(rules.hostel_words, capitalised=True)})"
        rooms = f"(?i:{alternation(rules.room_words)})"
        street = rules.street_words + rules.street_words_after_a_cue
        self._house_name = re.compile(rf"""
            \b(?:The\s{{1,3}} | {_NAME_WORD}\s{{1,3}}) (?:{_NAME_WORD}\s{{1,3}})?   # "The Old", "Rose"
            (?:{alternation(rules.house_name_words, capitalised=True)})\b          # "Smithy", "Cottage"
            """, re.VERBOSE)
        self._flat = re.compile(rf"""
            \b(?:(?i:{alternation(rules.flat_words)}) \s{{1,3}}             # "Flat", "plot"
               (?:\d+[a-zA-Z]?|[A-Z])\b ,?\s{{0,3}}){{1,3}}                   # "3,", "B"
            (?:(?:(?i:the)\s{{1,3}})? (?:[A-Za-z][\w'’-]{{0,40}}\s{{1,3}}){{0,2}} {building}\b)?      # "Ashcroft Court"
            """, re.VERBOSE)
        self._room = re.compile(rf"""
            \b{rooms}\s{{1,3}} \d+[a-z]? ,?\s{{1,3}}                         # "room 4,"
            (?:(?:[A-Z][\w'’.-]{{0,40}}\s{{1,3}}){{1,3}} (?:{building}|{hostel})\b  # "Bramble House"
             | (?=\d))                                                      # or a number next
            """, re.VERBOSE)
        # "Bramble House room 4"
        self._hostel_room = re.compile(rf"\b(?:{_NAME_WORD}\s{{1,3}}){{1,3}}{hostel}\s{{1,3}}{rooms}\s{{1,3}}\d+")
        self._building_on_street = re.compile(rf"""
            \b(?:{_NAME_WORD}\s{{1,3}}){{1,2}}                                # "Kestrel"
            (?:{alternation(rules.building_words + rules.block_words + rules.hostel_words, capitalised=True)})
            \s{{1,3}}(?:on|off)\s{{1,3}}                                       # "off"
            (?:{_NAME_WORD}\s{{1,3}}){{1,3}} (?:{alternation(street, capitalised=True)})\b  # "Skew Bridge Rd"
            """, re.VERBOSE)
        self._the_house = re.compile(r"\b\d{1,4}[a-z]?,?\s{1,3}(?i:the)\s{1,3}[A-Za-z][\w'’-]{1,40}")

    def _compile_settings(self, rules: AnonymiseRules) -> None:
        # A hospital named by where a child was taken or by its department:
        # "taken to Heartlands after", "at alder hey a&e", "Airedale maternity".
        self._hospital_by_use = re.compile(rf"""
            \b(?i:{alternation(rules.taken_to_words)})\s(?:to|into)\s
                (?P<taken>[A-Z][A-Za-z-]{{2,30}}(?:\s[A-Z][A-Za-z-]{{2,30}}){{0,2}})\b
                (?!['’]|\s[A-Z0-9])                                       # not "Kai's nan", "Ward 5"
            | \b(?i:at|to|in|from|into)\s(?i:the)\s                      # "at the LGI", "to the RVI":
                (?P<initials>[A-Z]{{1,3}}[IH])\b                           # a hospital's initials,
                (?!\s(?:[A-Z]|(?i:{alternation(rules.not_after_hospital_initials)})\b))  # not "the MRI scan"
            | \b(?:at|to|in|from)\s(?:the\s)?
                (?P<department>[A-Za-z][A-Za-z'’-]{{2,30}}(?:\s[A-Za-z][A-Za-z'’-]{{2,30}})?)
                (?=\s(?i:{alternation(rules.hospital_departments)})\b)
            """, re.VERBOSE)
        settings = alternation(rules.setting_words)
        self._setting_word_set = {w.lower() for w in rules.setting_words if " " not in w}
        self._setting, self._practice = (re.compile(rf"""
            \b(?:(?i:{alternation(rules.setting_openers)})\s{{1,3}})?          # "St", "HMP"
            (?:[A-Z][\w'’.&-]{{0,40}}\s{{1,3}}                                 # "Mary's", "Little"
               (?:(?:{alternation(rules.setting_joiners)})\s{{1,3}})?){{1,4}}  # "RC", "of"
            (?i:{kinds})\b (?:\s{{1,3}}(?i:school))?                          # "Primary", "High School"
            """, re.VERBOSE) for kinds in (settings, alternation(rules.practice_words)))  # "Smile Dental"
        self._lower_setting = re.compile(rf"""
            \b(?:[a-z][\w'’.-]{{0,40}}\s{{1,3}}){{1,5}}                         # "for ridgeway park"
            (?:{settings})\b (?:\s{{1,3}}school)?                             # "primary"
            """, re.VERBOSE)
        # "Busy Bees Salford"
        self._setting_name = re.compile(rf"\b(?i:{alternation(rules.setting_names)})\b(?:\s{{1,3}}{_NAME_WORD})?")
        self._saint = re.compile(rf"""
            \b(?:(?:st|saint)\.?\s{{1,3}}[a-z]+['’]?s                   # "st marys"
               | (?:St|Saint)\.?\s{{1,3}}[A-Z][a-z]+['’]s)\b             # "St Mary's"
            (?:\s{{1,3}}(?:{alternation(rules.after_a_saint)}))*                                   # "rc primary"
            """, re.VERBOSE)
        # "the Royal Oldham", "Royal Bolton"
        self._setting_before_a_town = re.compile(rf"""
            \b(?:{alternation(rules.setting_words_before_a_town, capitalised=True)})\s{{1,3}}
            (?P<town>{_NAME_WORD}(?:\s{{1,3}}{_NAME_WORD})?)(?![\w'’&-])
            """, re.VERBOSE)
        rooms = alternation(rules.room_words + rules.flat_words)
        self._room_after = re.compile(rf",?\s{{1,3}}(?i:{rooms})\.?\s{{0,3}}\d{{1,4}}[a-z]?\b")
        self._denomination_after = re.compile(
            rf"\s{{1,3}}(?:{alternation([d for d in rules.denominations if d[0].isupper()])})(?![\w'’-])")
        # "Royal" before a hospital found by its town: "the Royal Manchester Children's".
        self._royal_before = re.compile(
            rf"\b(?:{alternation(rules.setting_words_before_a_town, capitalised=True)})\s{{1,3}}\Z")
        self._prison = re.compile(rf"""
            \b(?:{alternation(rules.prison_words)})\s{{1,3}}   # "HMP"
            (?:(?!{_SMALL_WORD}\b)[A-Z][\w'’-]{{0,40}}\s?){{1,3}}  # "Forest Bank", not "Manchester on the"
            """, re.IGNORECASE | re.VERBOSE)

    def _compile_businesses(self, rules: AnonymiseRules) -> None:
        # The first word of each name, looked for in the lower-cased text before
        # a pattern runs: most texts name no shop, and then none runs at all.
        self._first_words = {name: tuple({w.split()[0].lower() for w in getattr(rules, name)})
                             for name in ("chains", "practice_words", "business_words", "pub_words",
                                          "setting_words_before_a_town")}
        chain = rf"(?<![\w'’&-])(?i:{alternation(rules.chains)})(?:['’]?s)?(?![\w'’&-])"  # "Tesco", "Tesco's"
        self._chain = re.compile(chain)
        self._branch = re.compile(rf"""
            {chain}
            (?: \s{{1,3}}(?i:{alternation(rules.branch_words)})\b         # "Extra", "Local"
              | \s{{1,3}}(?P<town>{_NAME_WORD}(?:\s{{1,3}}{_NAME_WORD})?|{_TYPED_WORD})(?![\w'’&-])  # "Failsworth"
            )
            """, re.VERBOSE)
        street = alternation(rules.street_words + rules.street_words_after_a_cue, capitalised=True)
        self._local_chain = re.compile(rf"""
            (?<![\w'’&-])(?P<where>(?:{_NAME_WORD}\s{{1,3}}){{1,3}})              # "Hollin Lane", "Failsworth"
            (?P<chain>{chain})
            """, re.VERBOSE)
        self._street_end = re.compile(rf"\b(?:{street})\s*\Z")
        # The rest of a street's name: "Holt Road", "Bury New Road".
        self._street_next = re.compile(rf"(?:\s{{1,3}}{_NAME_WORD})?\s{{1,3}}(?:{street})\b")
        self._town_after = re.compile(rf"\s{{1,3}}({_NAME_WORD}|{_TYPED_WORD})(?![\w'’&-])")  # "Failsworth"
        self._street_words = {w.lower() for w in rules.street_words + rules.street_words_after_a_cue}
        self._chain_where = re.compile(rf"""
            (?P<chain>{chain}) \s{{1,3}} (?i:{alternation(rules.branch_cues)}) \s{{1,3}}  # "Asda on"
            (?: (?i:the)\s{{1,3}}(?i:{alternation(rules.shop_locations)})\b      # "the precinct"
              | (?P<place>{_NAME_WORD}|{_TYPED_WORD}(?:\s{{1,3}}{_TYPED_WORD})?) )  # "Hollins Road", "middleton"
            """, re.VERBOSE)
        self._landmark_chain = re.compile(rf"""
            (?<![\w'’-])(?i:{alternation(rules.landmark_cues)}) \s{{1,3}} (?i:the)\s{{1,3}}  # "near the": that branch
            (?P<chain>{chain})""", re.VERBOSE)
        self._business = re.compile(rf"""
            (?<![\w'’&-])
            (?P<head>(?:{_NAME_WORD}\s{{1,3}}(?:(?:&|and|n)\s{{1,3}})?){{1,3}})  # "Jimmy's", "Speedy Fried"
            (?i:{alternation(rules.business_words)})\b                  # "Barbers", "Arms", "chicken"
            """, re.VERBOSE)

        # "Premier Inn Salford Quays", "the Kingsway Hotel", "Christ the King RC Church".
        self._named_stay_or_worship = re.compile(rf"""
            \b(?:{alternation(rules.hotels)})(?:\s{{1,3}}[A-Z][\w'’-]+){{1,3}}
          | (?<![\w'’-])(?:(?:St\.?|Saint)\s{{1,3}})?(?:[A-Z][\w'’-]*\s{{1,3}}(?:(?:the|of)\s{{1,3}})?){{1,4}}
            (?:{alternation(rules.lodging_words, capitalised=True)}|(?i:{alternation(rules.worship_words)}))\b
            """, re.VERBOSE)
        self._stay_or_worship_words = [w.split()[0].lower()
                                       for w in rules.hotels + rules.lodging_words + rules.worship_words]
        self._denominations = {w.lower() for d in rules.denominations + rules.setting_joiners for w in d.split()}
        pubs = alternation(rules.pub_words, capitalised=True)
        self._pub = re.compile(rf"""
            (?<=\b[Tt]he\s)(?:{_NAME_WORD}\s{{1,3}}(?:(?:and|&)\s{{1,3}})?){{1,2}}  # "the Red", "the Dog and"
            (?:{pubs})\b                                                       # "Lion", "Gun"
            """, re.VERBOSE)
        # A pub by one word ("the Anchor", not "the Crown Court"), or a
        # possessive and "Head" or "Arms" ("the Queens Head", not "the Deputy Head").
        self._lone_pub = re.compile(rf"""
            (?<=\b[Tt]he\s)
            (?: (?:{pubs})\b(?!\s{{0,3}}[A-Z&'’-])
              | [A-Z][a-z]{{1,30}}(?:s|['’]s)\s(?:Head|Arms)\b )
            """, re.VERBOSE)

    def find(self, text: str) -> Iterator[Found]:
        for found in self._places(text):
            before = self._royal_before.search(text, max(0, found.start - 8), found.start)
            start = before.start() if before else found.start
            # What follows that belongs to it: "St Luke's Methodist", "Hartley House, room 14".
            after = (self._room_after if found.label == "ADDRESS" else self._denomination_after).match(text, found.end)
            end = after.end() if after else found.end
            yield Found(found.label, start, end, text[start:end]) if (start, end) != (found.start, found.end) else found

    def _places(self, text: str) -> Iterator[Found]:
        yield from self._addresses(text)
        yield from self._settings(text)
        yield from self._businesses(text)
        yield from matches("PLACE", _PLACE_BY_USE, text, keep=self._nobodys)
        if any(word in text.lower() for word in self._stay_or_worship_words):  # most notes name neither
            yield from matches("PLACE", self._named_stay_or_worship, text, keep=self._has_a_name)
        for match in self._hospital_by_use.finditer(text):
            group = next(g for g in ("taken", "initials", "department") if match.group(g))
            name = match.group(group)
            if any(w.lower() not in self._keep and (w[0].isupper() or rare(w.lower(), ORDINARY_WORD))
                   for w in name.split()):
                yield Found("SCHOOL_OR_SETTING", match.start(group), match.end(group), name)  # as "Royal Bolton" is

    def chains(self, text: str) -> Iterator[Tuple[int, int]]:
        """Where a chain's name stands on its own ("went to Greggs"): no
        detail, and not a name, unless a branch or a place goes with it."""
        if self._mentions(text.lower(), "chains"):
            for match in self._chain.finditer(text):
                yield match.span()

    def _mentions(self, lower: str, words: str) -> bool:
        """The lower-cased text holds the first word of a name in the list ``words``."""
        return any(word in lower for word in self._first_words[words])

    def _businesses(self, text: str) -> Iterator[Found]:
        """A chain's branch ("Tesco Extra", "Aldi Failsworth", "the Asda on
        Hollins Road", "Boots in the precinct": the chain is the place, the
        street after it an address), a named business ("Jimmy's Barbers") and
        a dental practice or pharmacy ("Smile Dental"), each with the town
        after it ("Lloyds Pharmacy Failsworth")."""
        lower = text.lower()
        found = list(matches("PLACE", self._practice, text, keep=self._is_named_setting)
                     if self._mentions(lower, "practice_words") else [])
        if self._mentions(lower, "chains"):
            found += self._branches(text)
        for item in found:
            town = self._town_after.match(text, item.end)
            if town and self._is_town(town.group(1), after_a_chain=True):
                item = Found("PLACE", item.start, town.end(), text[item.start:town.end()])
            yield item
        if self._mentions(lower, "business_words"):
            for match in self._business.finditer(text):
                head = match.group("head")
                start = match.start() + (4 if head.startswith("The ") else 0)  # "the Kings Arms": "the" stays
                if self._is_named_business(text, start, head[start - match.start():]):
                    yield Found("PLACE", start, match.end(), text[start:match.end()])
        if self._mentions(lower, "pub_words"):
            yield from matches("PLACE", self._pub, text, keep=self._not_all_kept)
        yield from matches("PLACE", self._lone_pub, text)

    def _branches(self, text: str) -> List[Found]:
        """A chain with a branch word, a town or street before or after it, or where it stands."""
        found = []
        for match in self._branch.finditer(text):
            town = match.group("town")
            if town is None or self._is_town(town, after_a_chain=True):
                found.append(Found("PLACE", match.start(), match.end(), match.group()))
        for match in self._local_chain.finditer(text):
            for word in re.finditer(r"\S+", match.group("where")):  # "Mum Hollin Lane Spar": from "Hollin"
                where = match.group("where")[word.start():]
                street = len(where.split()) > 1 and bool(self._street_end.search(where))  # "Hollin Lane"
                if self._is_town(where, after_a_chain=True, common=street):
                    start = match.start() + word.start()
                    found.append(Found("PLACE", start, match.end(), text[start:match.end()]))
                    break
        for match in self._chain_where.finditer(text):
            place = match.group("place")
            typed = place is not None and place[0].islower()
            street = not typed or place.split()[-1].lower() in self._street_words  # "hollins road"
            on_a_street = place is not None and bool(self._street_next.match(text, match.end("place")))
            if place is None or on_a_street or self._is_town(place, after_a_chain=True, common=street):
                found.append(Found("PLACE", match.start("chain"), match.end("chain"), match.group("chain")))
        found += [Found("PLACE", m.start("chain"), m.end("chain"), m.group("chain"))
                  for m in self._landmark_chain.finditer(text)]
        return found

    def _is_town(self, words: str, after_a_chain: bool = False, common: bool = False) -> bool:
        """"Failsworth", "Oldham" (an area's name too), typed "failsworth" (no
        English word), not "Tesco Clubcard", "Asda on Fridays", "Royal Marines"
        or, after a chain, a child's name ("Asda Tyler said"); with ``common``, a
        common word too ("the Asda on Market Street")."""
        first = re.sub(r"['’]s$", "", words.split()[0]).lower()
        if words[0].islower() and not common and not rare(first, NO_WORD):
            return False  # typed in lower case, a town only if no English word: "aldi failsworth"
        not_a_town = (self._keep_terms, STOP_WORDS, self._never_names, self._not_a_town, self._chain_words)
        return (not any(first in words for words in not_a_town) and (common or rare(first, COMMON_WORD))
                and not (after_a_chain and self._first_name(first)))

    def _is_named_business(self, text: str, start: int, head: str) -> bool:
        """"Jimmy's Barbers", "Hollinwood Vets", not "Mum's Cafe", "Tesco Cafe"
        or a sentence opening on an ordinary word ("Fried Chicken for tea")."""
        words = [re.sub(r"['’]s$", "", w).lower() for w in re.findall(r"[A-Za-z][\w'’-]*", head)]
        if any(w in self._never_names for w in words):
            return False
        named = [w for w in words if w not in self._keep and w not in self._chain_words and w not in STOP_WORDS]
        if not named:
            return False
        opens = not text[:start].strip() or text[:start].rstrip()[-1] in ".!?\n:;-"
        return not (opens and len(named) == 1 and words[0] == named[0] and not rare(named[0], ORDINARY_WORD)
                    and "'" not in head and "’" not in head)

    def _addresses(self, text: str) -> List[Found]:
        """Addresses found by any rule, with the parts written after them
        (", Canal Side") and the joins between them (", off") taken in."""
        found = sorted(merged(list(self._address_parts(text))), key=lambda f: f.start)
        joined: List[Found] = []
        for item in found:
            last = joined[-1] if joined else None
            if last and self._address_joint.match(text[last.end:item.start]):
                joined[-1] = Found("ADDRESS", last.start, item.end, text[last.start:item.end])
            else:
                joined.append(item)
        return [self._with_tail(text, item) for item in joined]

    def _with_tail(self, text: str, item: Found) -> Found:
        """"Flat 12 Beech House, Canal Side": capitalised words after a comma
        that are not safeguarding language ("..., Mum said") are the address."""
        end = item.end
        for _ in range(2):
            tail = self._address_tail.match(text, end)
            words = re.findall(r"[A-Za-z][\w'’-]*", tail.group(1)) if tail else []
            if not words or any(w.lower() in self._keep_terms or w.lower() in self._never_names for w in words):
                break
            end = tail.end(1)
        end = len(text[:end].rstrip())
        return Found("ADDRESS", item.start, end, text[item.start:end])

    def _address_parts(self, text: str) -> Iterator[Found]:
        for match in [*self._numbered_place.finditer(text), *self._numbered_before_a_postcode.finditer(text)]:
            before = re.search(r"(\w+)\s*\Z", text[max(0, match.start() - 100):match.start()])
            if self._is_place(match.group()) and not (before and before.group(1).lower() in self._counted):
                yield Found("ADDRESS", match.start(), match.end(), match.group())
        yield from matches("ADDRESS", self._flat, text)
        yield from matches("ADDRESS", _HOUSE_BY_NUMBER, text)
        yield from matches("ADDRESS", self._room, text)
        yield from matches("ADDRESS", self._hostel_room, text)
        yield from matches("ADDRESS", self._building_on_street, text)
        yield from matches("ADDRESS", self._hotel, text)
        yield from matches("ADDRESS", self._the_house, text, keep=self._a_house)
        yield from matches("ADDRESS", self._house_name, text)
        for pattern in (self._cued_street, self._typed_street):
            for match in pattern.finditer(text):
                if self._is_street(match.group(1), numbered=False):
                    yield Found("ADDRESS", match.start(1), match.end(1), match.group(1))
        yield from matches("ADDRESS", self._estate, text, keep=self._not_all_kept)
        for match in self._typed_estate.finditer(text):
            if rare(match.group(1).lower(), ORDINARY_WORD) and match.group(1).lower() not in self._keep:
                yield Found("ADDRESS", match.start(1), match.end(), text[match.start(1):match.end()])
        yield from matches("ADDRESS", self._numbered_street, text, keep=self._is_street)
        yield from matches("ADDRESS", self._named_street, text, keep=self._not_all_kept)

    def _settings(self, text: str) -> Iterator[Found]:
        yield from matches("SCHOOL_OR_SETTING", self._prison, text)
        yield from matches("SCHOOL_OR_SETTING", self._saint, text)
        for match in self._setting_name.finditer(text):
            end = match.end()
            following = re.match(r"\s+([a-z]+)", text[end:])
            if following and ((rare(following.group(1), ORDINARY_WORD) and following.group(1) not in self._keep)
                              or following.group(1) in self._setting_word_set):  # "happy days nursery"
                end += following.end()
            yield Found("SCHOOL_OR_SETTING", match.start(), end, text[match.start():end])
        yield from matches("SCHOOL_OR_SETTING", self._setting, text, keep=self._is_named_setting)
        if self._mentions(text.lower(), "setting_words_before_a_town"):
            for match in self._setting_before_a_town.finditer(text):
                town = match.group("town")
                if self._is_town(town) or (town.lower() in self._town_names and town.lower() not in self._not_a_town):
                    yield Found("SCHOOL_OR_SETTING", match.start(), match.end(), match.group())
        for match in self._lower_setting.finditer(text):
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
        return not any(w.lower() in self._keep_terms or w.lower() in self._quantities or w.lower() in self._never_names
                       for w in words)

    def _a_house(self, span: str) -> bool:
        """"12 the Green", not "a 7, the Health Visitor": a house's name is no kept word."""
        return span.split()[-1].lower() not in self._keep

    def _has_a_name(self, span: str) -> bool:
        """"the Kingsway Hotel", "Premier Inn Salford Quays", not "the Methodist Church" or "Hotel"."""
        words = re.findall(r"[A-Za-z][\w'’.-]*", span)[:-1]
        return any(w.lower() not in self._denominations and w.lower() not in self._keep_language for w in words)

    def _nobodys(self, span: str) -> bool:
        """Not "Nan's" or "Mum's": a kin word's home is no place's name (a town's children's hospital is one)."""
        return len(span.split()) > 1 or span.rstrip("'’s").lower() not in self._keep

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
            if rare(word.lower(), ORDINARY_WORD) and not any(w.lower() in self._keep for w in name):
                if i and words[i - 1].lower() not in self._keep and words[i - 1].lower() not in STOP_WORDS:
                    i -= 1
                return span[span.index(" ".join(words[i:])):]
        return None

    def _is_named_setting(self, span: str) -> bool:
        """"Oakfield Academy", "Salford Royal", not "a Salford school" or "the nursery"."""
        words = re.findall(r"[A-Za-z][\w'’.&-]*", span)
        head, last = words[:-1], words[-1]
        if not head or not head[0][0].isupper() or last == "high":
            return False  # "Sky high gas bill": in lower case, "high" is no school
        named = [w for w in head if w.lower().strip(".") not in self._keep and w.lower() not in self._joiners]
        if any(w.lower() in self._never_names for w in head):
            return bool(named)  # "Baby Clinic", "Mum's GP Surgery": a kind of place, not its name
        return bool(named) or last[0].isupper()
