"""Structured identifiers: emails, social media and web addresses, and the
ones with digits in them (phone, NHS and NI numbers, postcodes, dates,
references, vehicle registrations), found by regular expressions."""

from __future__ import annotations

import re
from typing import Iterator, Tuple

from spacy.lang.en.stop_words import STOP_WORDS

from seen.anonymise.found import Found, matches
from seen.anonymise.words import RARE_WORD, alternation, rare
from seen.knowledge import AnonymiseRules

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DAY = (r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
        r"|mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)")
_ORDINAL = r"\d{1,2}(?:st|nd|rd|th)"
_ORDINAL_WORD = (r"(?:(?:twenty|thirty)[- ]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
                 r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
                 r"|nineteenth|twentieth|thirtieth")
#: A digit said aloud, or what says how many: "oh", "seven", "double", "hundred".
_DIGIT_WORD = ("oh|o|zero|nought|one|two|three|four|five|six|seven|eight|nine|double|triple|treble|hundred")
#: What a date said in words has in it: "-st of", "th of", "the twenty-": looked for before its patterns run.
_WORD_DATE_HINT = re.compile(r"(?:st|nd|rd|th)\s{1,3}of\s|\sthe\s{1,3}[a-z-]+(?:st|nd|rd|th)\b", re.IGNORECASE)
#: Where a sentence ends: a stop before a space, or a new line ("k.price2010" is one word).
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")
#: How far either side of a platform word an account is looked for.
_HANDLE_REACH = 160
#: Not an account: a year group or a number with a letter before it ("Y10", "GCP2").
_ALL_DIGITS_OR_YEAR = re.compile(r"[A-Za-z]{0,4}\d+")
#: A day and month with no year: "14/10", "3.2".
_DAY_MONTH = r"(?:0?[1-9]|[12]\d|3[01])[/.](?:0?[1-9]|1[0-2])"


#: A word with an underscore inside, which only an account's name has: "k1ng_lzl", "tilly_b".
_UNDERSCORED = re.compile(r"(?<![\w@./:-])[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]*[A-Za-z0-9](?![\w@/-]|\.\w)")


class Identifiers:
    """Every structured identifier in a text; the patterns are built once from
    the cue words in knowledge/."""

    def __init__(self, rules: AnonymiseRules) -> None:
        self._not_references = {w.lower() for w in rules.not_reference_prefixes}
        self._compile_online(rules)
        self._compile_numbers(rules)
        self._compile_dates(rules)
        self._compile_references(rules)

    def _compile_online(self, rules: AnonymiseRules) -> None:
        flags = re.IGNORECASE | re.VERBOSE
        self._email = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}", flags)
        spelled_endings = alternation([ending.replace(".", " dot ") for ending in rules.web_endings])
        self._spelled_email = re.compile(rf"""
            (?<![\w.+-]) [\w.+-]{{1,40}} \s{{1,3}}at\s{{1,3}} [\w-]{{1,40}}   # "kb1990 at example"
            \s{{1,3}}dot\s{{1,3}} (?:{spelled_endings})\b                    # "dot co dot uk"
            """, flags)
        self._social_link = re.compile(rf"""
            (?:https?://)? (?:www\.)? (?:{alternation(rules.social_media_sites)})   # "facebook.com"
            / [^\s,;)]{{1,300}}                                                      # "/dean.smith.7"
            """, flags)
        self._web = re.compile(rf"""
            (?:https?://|www\.) [^\s,;)]{{1,300}}                     # a link: "www.example.org/help"
            | (?<![\w-]) [\w-]{{1,63}} (?:\.[\w-]{{1,63}}){{0,8}}     # or a bare domain: "help.example"
              \.(?:{alternation(rules.web_endings)})\b               # ".org.uk"
              (?:/[^\s,;)]*)?                                       # and its path
            """, flags)
        self._handle = re.compile(r"(?<![\w@.])@[A-Za-z0-9_.]{2,30}")
        self._platform_handle = re.compile(rf"""
            (?<![\d.]\s)(?<!\d)                                    # not "4 x 150ml": times
            \b(?:{alternation(rules.social_media_words)})\b          # "snapchat", "xbox"
            (?:\s{{1,3}}\(?(?:{alternation(rules.handle_words)})\b)*  # "username is", "(its"
            \s{{0,3}} [:=\-,(]? \s{{0,3}}                          # "snap (misha.xo.10)"
            (?!(?:{alternation(rules.social_media_words + rules.handle_words)})\b)  # not "xbox gamertag"
            (?!\d+(?:\.\d+)?[a-z]{{0,3}}\b)                         # not a measure: "x 2cm"
            (@?[A-Za-z0-9_.]{{3,30}}(?:\#\d{{2,6}})?)                # the account: "jaydenb2010", "Jay#1234"
            """, flags)

        # A note that names a platform: an account anywhere in its sentence
        # ("her account is crystalclear_88", "saved as j4y_m4nn on Snap").
        self._platform_word = re.compile(
            rf"(?<![\w@.])(?<!\d\s)(?:{alternation(rules.social_media_words)})(?![\w@])", flags)  # not "3cm x 2cm"
        self._handle_shaped = re.compile(r"""
            (?<![\w@./:-]) ['"‘“]? (
                # "tilly.b_2011", "k.price2010", "kerrysangels_"
                [A-Za-z][A-Za-z0-9]*(?:(?:[._][A-Za-z0-9]+)+[._]?|_)
              | (?=[a-z0-9]*[a-z][a-z0-9]*\d[a-z0-9]*\d)  # or lower-case letters and two digits: "angelbaby2011",
                [a-z0-9]{6,30}                            # not a product's name: "iPhone14", "PS5"
            ) (?![\w@/-]|\.\w)""", re.VERBOSE)

    def _compile_numbers(self, rules: AnonymiseRules) -> None:
        flags = re.IGNORECASE | re.VERBOSE
        # UK vehicle registrations.
        self._vehicle = re.compile(r"""
            \b([A-HJ-PR-Ya-hj-pr-y]{2}\d{2}\s?([A-HJ-PR-Za-hj-pr-z]{3}))\b   # "KX19 ABC", "yx21ohd"
            | \b[A-HJ-PR-Y]\d{1,3}\s?[A-Z]{3}\b                            # "A123 BCD", "B16 DAZ"
            | \b[A-HJ-PR-Y]{3}\s?\d{1,3}[A-HJ-PR-Y]\b                      # "ABC 123D"
            """, re.VERBOSE)
        # A plate read out letter by letter: "r f 1 5 h w l", "Y X 16 K F O".
        self._spelled_vehicle = re.compile(r"(?<![\w-])[A-Za-z] [A-Za-z] \d ?\d (?:[A-Za-z] ){2}[A-Za-z](?![\w-])")
        # The same typed in lower case, where neither letter group is a word: "p619 tws", "kvn 819w".
        self._typed_vehicle = re.compile(r"""
            \b([a-hj-pr-y])\d{1,3}\s?([a-z]{3})\b
            | \b([a-hj-pr-y]{3})\s?\d{1,3}([a-hj-pr-y])\b
            """, re.VERBOSE)
        # Any plate after "reg" or "plate", or before "plate": "reg is 123 ABC", "the 5 KAY plate".
        self._cued_vehicle = re.compile(r"""
            \b(?i:reg(?:istration)?|(?:number\s?)?plate)\b (?:\s(?i:is|no\.?|number))? [\s:.-]{1,3}
            (?=[A-Za-z]{0,3}\d) ([A-Za-z0-9]{1,4}\s?[A-Za-z0-9]{1,4})\b
            | \b(\d{1,3}\s?[A-Z]{1,3}|[A-Z]{1,3}\s?\d{1,4})(?=\s(?:private\s)?(?i:plate|reg)\b)
            """, re.VERBOSE)
        # Registrations typed with a space inside each part: "YF 20 HNU", "K 381 RFT", "hj 62 wsx".
        self._spaced_vehicle = re.compile(r"""
            \b([A-HJ-PR-Ya-hj-pr-y]{1,2}) \s \d{1,3} \s ([A-HJ-PR-Za-hj-pr-z]{3})\b
            """, re.VERBOSE)
        self._police_number = re.compile(rf"""
            \b(?:{alternation(rules.police_numbers)})s?(?![a-z])\.?   # "PC", "collar no", "pc4471", "PCs"
            \s{{0,3}} (?:no\.?\s{{0,2}}|\#\s{{0,2}})?          # "no. ", "#"
            (\d{{3,7}})\b                                     # the number
            """, flags)
        # The number after the officer's name: "PC Okafor 4471", "PCSO Lee (7730)", "DS Khan, 0932".
        self._named_officer_number = re.compile(rf"""
            \b(?i:{alternation(rules.police_numbers)})\b\.? \s{{1,3}}   # "PC", "pcso"
            [A-Za-z][\w'’-]{{1,30}} (?:\s[A-Z][\w'’-]{{1,30}})?     # "Okafor", "Jo Lee", "pc smith 6619"
            \s{{0,3}} [(,]? \s{{0,3}} (\d{{3,7}})\b                  # "(7730", ", 0932"
            """, re.VERBOSE)
        self._phone = re.compile(r"""
            (?<![\w+])
            (?:(?:\+\s?|00\s?)44\s?(?:\(0\)\s?)? | \(?0)   # "+44 (0)", "0044", "0", "(0"
            [\d\s().-]{8,15}\d(?!\d)                        # the rest, spaced or bracketed as it may be
            """, re.VERBOSE)
        # Read out in words: "oh seven seven double oh nine …", "plus four four seven seven hundred …".
        self._spoken_phone = re.compile(rf"""
            \b(?:oh|zero|nought|plus)\b (?:[\s,-]{{1,3}}(?:{_DIGIT_WORD})\b){{7,20}}""", flags)
        self._spaced_phone = re.compile(r"(?<!\d)(?<!\d\s)0(?:\s\d){9,10}(?!\s?\d)")
        self._ten_digits = re.compile(r"(?<![\d-])\d{3}[\s-]?\d{3}[\s-]?\d{4}(?![\d-])")
        self._ni = re.compile(r"\b[A-Za-z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-Da-d]\b")
        self._postcode = re.compile(r"""
            \b [A-Za-z]{1,2}\d[A-Za-z\d]?                 # outward code: "M6", "SW1A"
            \s{0,3} \d[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2}\b  # inward code: "5FX" (never C, I, K, M, O or V)
            """, re.VERBOSE)

    def _compile_dates(self, rules: AnonymiseRules) -> None:
        flags = re.IGNORECASE | re.VERBOSE
        self._dates = [
            re.compile(r"\b\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})\b"),  # "12/03/2019"
            re.compile(r"\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b"),  # "2019-07-22"
            # "3rd of the 4th"
            re.compile(rf"\b{_ORDINAL}\s{{1,3}}of\s{{1,3}}the\s{{1,3}}{_ORDINAL}(?:,?\s{{1,3}}\d{{4}})?", flags),
            re.compile(r"(?<=\b(?i:dob)\s)\d{1,2}\s\d{1,2}\s\d{4}\b"),  # "dob 12 3 2019"
            re.compile(rf"""
                \b(?:{_DAY}\s{{1,3}})? (?:the\s{{1,3}})?          # "Monday the"
                (?:{_ORDINAL}|\d{{1,2}}) \s{{1,3}} (?:of\s{{1,3}})? # "3rd of", "3"
                {_MONTH}\b\.?                                    # "March", "mar."
                (?:,?\s{{1,3}}\d{{4}} | \s{{1,3}}'?\d{{2}}\b)?    # "2024", "'24"
                """, flags),
            re.compile(rf"""
                \b{_MONTH}\.? \s{{1,3}} (?:the\s{{1,3}})?         # "March the"
                (?:{_ORDINAL}|\d{{1,2}})\b                        # "3rd", "3"
                (?!\s{{0,3}}(?:{alternation(rules.time_units)}))  # not "May 2 years"
                (?:,?\s{{1,3}}\d{{4}})?                           # "2024"
                """, flags),
            re.compile(rf"\b{_DAY}\s{{1,3}}(?:(?:{alternation(rules.day_parts)})\s{{1,3}})?(?:the\s{{1,3}})?{_ORDINAL}\b",
                       flags),  # "Monday the 3rd", "Sat night 12th"
            # "last Tuesday (14th)", "(the 18th)"
            re.compile(rf"(?<=\()\s{{0,2}}(?:the\s{{1,3}})?{_ORDINAL}(?=\s{{0,2}}\))", flags),
            # "the 4th of this month"
            re.compile(rf"\b{_ORDINAL}\s{{1,3}}of\s{{1,3}}(?:this|last|next|the)\s{{1,3}}month\b", flags),
        ]
        # "the 30th" with nothing after it that it counts: "moved to the 30th;", "as of the 19th."
        self._the_ordinal = re.compile(rf"""
            \bthe\s{{1,3}}({_ORDINAL})
            (?![^.]{{0,30}}\b(?:{alternation(rules.centile_words)})\b)  # not "from the 50th to the 9th centile"
            (?=\s{{0,3}}(?:[,.;:!?)–-]|\Z)|\s{{1,3}}(?:{alternation(rules.after_a_date)})\b)""", flags)
        self._cued_ordinal = re.compile(rf"""
            \b(?:{alternation(rules.ordinal_date_cues)}) \s{{1,3}} (?:the\s{{1,3}})? ({_ORDINAL})\b  # "since the 3rd"
            (?![^.]{{0,30}}\b(?:{alternation(rules.centile_words)})\b)  # not "from the 9th to the 2nd centile"
            (?!\s{{1,3}}(?:                                   # not a count: "the 5th visit",
                {alternation(rules.centile_words + rules.after_an_ordinal)}
                | of\s{{1,3}}(?:\w+\s{{1,3}})?                   # or "the 2nd of 3 children"
                  (?:{alternation(rules.after_an_ordinal_of)})
            ))
            """, flags)
        self._centile_before = re.compile(rf"\b(?:{alternation(rules.centile_words)})\b[^.;]*\Z", flags)
        # Said in words: "the third of March 2016", "December the twenty-first".
        self._word_dates = [
            re.compile(rf"\b(?:{_ORDINAL_WORD})\s{{1,3}}of\s{{1,3}}{_MONTH}\b(?:,?\s{{1,3}}\d{{4}})?", flags),
            re.compile(rf"\b{_MONTH}\s{{1,3}}the\s{{1,3}}(?:{_ORDINAL_WORD})\b", flags),
            # "on Tuesday the fourteenth", "on the third": not "on the third time"
            re.compile(rf"""
                (?<=\s)(?:{_DAY}|on)\s{{1,3}}the\s{{1,3}}(?:{_ORDINAL_WORD})\b
                (?!\s{{1,3}}(?:{alternation(rules.centile_words + rules.after_an_ordinal)}|of)\b)""", flags),
        ]
        self._week_date = re.compile(rf"""
            (?<!\w) (?:{alternation(rules.week_words)})\.? \s{{0,3}}   # "w/c", "wk beg."
            ({_DAY_MONTH}\b(?![/.]\d) | (?:the\s{{1,3}})?{_ORDINAL}\b)  # "14/10", "14th", "the 21st"
            """, flags)
        self._cued_day_month = re.compile(rf"""
            \b(?:{alternation(rules.day_month_cues)}) [:\s]{{1,3}}   # "dob:", "seen"
            ({_DAY_MONTH})\b(?![/.]\d)                              # "14/10"
            (?!\s{{1,3}}(?:of|times|x)\b)                          # not "2/3 of the money", "3/4 times"
            """, flags)
        buildings = alternation(rules.building_words + rules.street_words)
        # A chronology's entry opening with its day and month: "12/3 – HV visit",
        # "; 9/2 DNA paeds", "2/2: seen by GP".
        self._entry_day_month = re.compile(rf"""
            (?:^|[;\n]|[.!?]\s)\s{{0,3}}
            ({_DAY_MONTH})\b(?![/.]\d)
            (?=\s{{0,3}}[–—:-]|\s{{1,3}}(?!(?:of|times|x)\b)[A-Za-z])
            (?!\s{{1,3}}[A-Za-z][\w'’-]*\s{{1,3}}(?:{buildings})\b)   # not a flat: "4/2 Tower Court"
            """, flags)
        # A day and month with no cue: "next weigh in 2/4". Slashes only ("8.45" is a time).
        shares = alternation(rules.quantity_words + rules.time_units + rules.scored_things)
        self._bare_day_month = re.compile(rf"""
            (?<![\w/.£$-])
            (?!(?:{alternation(rules.not_dates)})(?![\d/]))
            ((?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2]))(?![\w/%-]|\.\d)
            (?!\s{{1,3}}(?:of|x|on\s{{1,3}}the|{shares})\b)   # not "2/3 of", "9/10 sessions"
            (?!\s{{1,3}}[A-Za-z][\w'’-]*\s{{1,3}}(?:{buildings})\b)   # not a flat: "4/2 Tower Court"
            """, flags)
        # A month and year with no cue: "hv contact 07/23", "since 08/22" (no month has a 23rd).
        self._bare_month_year = re.compile(rf"""
            (?<![\w/.£$-])
            ((?:0?[1-9]|1[0-2])/(?:1[3-9]|2\d|3[0-5]))(?![\w/%-]|\.\d)   # not an age: "6/12", "8/52"
            (?!\s{{1,3}}(?:of|x|{shares})\b)   # not "9/20 sessions"
            """, flags)
        # A day and month with dots and no cue, its month in two digits: "drug
        # screen 19.04 positive", "Accident form 16.05:"; not a time ("at 16.05",
        # "16.05 hrs", "10.05-11.30"), a measure ("5.08 kg") or a score.
        self._bare_dotted_day_month = re.compile(rf"""
            (?<![\w/.£$:-])
            ((?:0?[1-9]|[12]\d|3[01])\.(?:0[1-9]|1[0-2]))
            (?![\w/%:-]|\.\d|\s{{0,3}}(?:-|–|to\b|till?\b|until\b))
            (?!\s{{0,3}}(?:{alternation(rules.time_units + rules.measure_words + rules.time_words)})\b)
            """, flags)
        self._not_a_date_before = re.compile(rf"(?:\b(?:{alternation(rules.not_a_date_before)})|@)\s{{0,3}}\Z", flags)
        scores = alternation(rules.score_words + rules.flat_words + rules.counting_words)
        self._score_before = re.compile(rf"\b(?:{scores})\s{{1,3}}\Z", re.IGNORECASE)  # "scored", "flat", "Year"
        # A score out of some number: "scored 4/10" makes "down from 7/10" a score too.
        self._score = re.compile(rf"\b(?:{alternation(rules.score_words)})\s{{1,3}}\d{{1,3}}/(\d{{1,3}})\b", flags)
        self._more_day_months = re.compile(
            rf"\s{{0,2}}(?:,|&|and|or|to|until|till|-|–)\s{{0,3}}({_DAY_MONTH})\b(?![/.]\d)", flags)
        # A day and month after a weekday or in brackets: "Sat 12/4", "(14/2)", "(3/2, 10/2)".
        self._day_and_day_month = re.compile(rf"""
            (?: \b{_DAY}\.?\s{{1,3}} | \(\s{{0,2}} ) ({_DAY_MONTH})\b(?![/.]\d)(?!\s{{1,3}}(?:of|times|x)\b)""", flags)
        # The first of a range before its month: "2nd-9th Jan", "5th & 12th March".
        self._ordinal_before_a_range = re.compile(rf"""
            \b({_ORDINAL})\s{{0,3}}(?:-|–|to|and|&|,)\s{{0,3}}{_ORDINAL}\s{{1,3}}(?:of\s{{1,3}})?{_MONTH}\b""", flags)
        # The next day in a list after a date: "on 2/3 and the 23rd", "the 2nd and 3rd".
        self._more_ordinals = re.compile(
            rf"\s{{0,2}}(?:,|&|and|or|to|-)\s{{1,3}}(?:the\s{{1,3}})?({_ORDINAL})\b", flags)

    def _bare_day_months(self, text: str) -> Iterator[re.Match]:
        """Days and months, or months and years, with no cue, but not scores: "scored 3/4"."""
        # Not "at 16.05", "BMI 19.04".
        dotted = [m for m in self._bare_dotted_day_month.finditer(text)
                  if not self._not_a_date_before.search(text, max(0, m.start() - 20), m.start())]
        for match in [*self._bare_day_month.finditer(text), *self._bare_month_year.finditer(text), *dotted]:
            if not self._score_before.search(text, max(0, match.start() - 20), match.start()):
                yield match

    def _next_ordinal(self, text: str, end: int) -> Iterator[Found]:
        """The next day in a list right after a date ending at ``end``: "on 2/3 and the 23rd"."""
        more = self._more_ordinals.match(text, end)
        if more:
            yield Found("DATE", more.start(1), more.end(1), more.group(1))

    def _compile_references(self, rules: AnonymiseRules) -> None:
        flags = re.IGNORECASE | re.VERBOSE
        self._reference_cue = re.compile(rf"""
            \b(?:{alternation(rules.reference_words)})s?\b\.?          # "crime ref", "LCS", "logs"
            (?:\s{{0,3}}(?:no\.?|number|num|\#|is|was|:|-)){{0,4}} \s{{0,3}}  # "no:", "number is"
            (?!(?i:y|yr|year)\s?\d{{1,2}}\b)                           # not a school year: "log: Y9 pupil"
            (                                                          # the reference:
                [A-Za-z]{{0,4}}[/\-]?\d[\w/\-]{{0,40}}                  # "13/44521/22", "AB-1234"
                (?:\s\d[\d/\-]{{2,40}}){{0,4}}                          # "348 221"
                (?:\s{{1,3}}of\s{{1,3}}\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?)?  # "2291 of 14/02"
            )
            """, flags)
        self._numbered_record = re.compile(rf"""
            \b(?:[a-z]+\s{{1,3}})? (?:{alternation(rules.record_words)})   # "pupil id", "tenancy number"
            \s{{0,3}}[:\#]?\s{{0,3}} (?:(?:is|was)\s{{1,3}})?               # ": ", "is "
            ([A-Za-z]{{0,3}}\d[\w/\-]{{3,40}})                              # "348221", "AB12345"
            """, flags)
        # A police log by its number and day: "0233 of 14/03", "1442 of 9th March".
        self._log_of_a_day = re.compile(rf"""
            (?<![\w/.-]) \d{{3,5}} \s{{1,3}}of\s{{1,3}}
            (?:\d{{1,2}}[/.]\d{{1,2}}(?:[/.]\d{{2,4}})? | (?:{_ORDINAL}|\d{{1,2}})\s{{1,3}}(?:of\s{{1,3}})?{_MONTH}\b
               | the\s{{1,3}}{_ORDINAL}\b)
            """, flags)
        # More of the same after a reference: "logs 0311, 0588 and 1204".
        self._more_references = re.compile(r"\s{0,2}(?:,|&|and)\s{1,3}(\d{3,12})\b(?![/.:]\d)", flags)
        # What stands before a date and belongs to it: "w/c 12/2", "Tues 3rd", "the 14th".
        self._before_a_date = re.compile(rf"""
            (?:(?<![\w/])(?:{alternation(rules.week_words)})\.?\s{{0,3}}
              | \b{_DAY}\.?,?\s{{1,3}}(?:the\s{{1,3}})?
              | \bthe\s{{1,3}})\Z""", flags)
        # "4412/EH/09", "BX-2231-K": letters and four or more digits joined by "/" or "-".
        self._mixed_reference = re.compile(r"""
            (?<![\w/-])
            (?=[\w/-]*[A-Za-z]) (?=(?:[A-Za-z/-]*\d){4})   # a letter, and four digits, somewhere in it
            [A-Za-z0-9]+(?:[/-][A-Za-z0-9]+)+
            (?![\w/-])
            """, re.VERBOSE)
        # "JX 22 44 15": shaped like a National Insurance number without its last letter.
        self._paired_digits = re.compile(r"\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\b(?!\s?[A-Da-d]\b)")
        self._short_reference = re.compile(r"""
            \b(?:[A-Z]{2,5}[/-]){1,4}\d{3,}\b   # "LCS/88123", "EH-BX-2231"
            | \b[A-Z]{2,5}\s\d{5,}\b            # "LCS 889123"
            """, re.VERBOSE)
        self._long_number = re.compile(rf"""
            (?<![\w/£$.-]) (?<!(?i:year)\s)              # not a price, an amount or "year 2024"
            (?!\d{{1,3}}[/-]\d{{1,3}}(?![\w/-]))         # not a score or a range: "25/60", "10-14"
            (?:[A-Z]{{1,4}}\d{{1,2}}\s)?                  # a hospital's letters: "RM3 123456"
            (?:[A-Za-z]{{1,4}}[-/]?)? \d[\d/\-]{{3,40}}\d  # "AB-1234", "13/44521/22"
            (?:[-/][A-Za-z0-9]{{1,40}})?                 # "…/K"
            (?![\w/%-])                                  # not "15%"
            (?!\s?(?:{alternation(rules.measure_words)})\b)   # not "3500 g"
            """, re.VERBOSE)

    def find(self, text: str) -> Iterator[Found]:
        yield from matches("EMAIL", self._email, text)
        yield from matches("EMAIL", self._spelled_email, text)
        yield from matches("SOCIAL_MEDIA", self._social_link, text)
        yield from matches("SOCIAL_MEDIA", self._handle, text)
        for match in self._platform_handle.finditer(text):
            handle = match.group(1)
            if any(c.isdigit() or c in "_." for c in handle) or rare(handle.lower()):
                yield Found("SOCIAL_MEDIA", match.start(1), match.end(1), handle)
        for start, end in self._platform_sentences(text):
            for match in self._handle_shaped.finditer(text, start, end):
                handle = match.group(1)
                if len(handle) >= 5 and not _ALL_DIGITS_OR_YEAR.fullmatch(handle):
                    yield Found("SOCIAL_MEDIA", match.start(1), match.end(1), handle)
        yield from matches("SOCIAL_MEDIA", _UNDERSCORED, text)
        yield from matches("WEB_ADDRESS", self._web, text)
        if _WORD_DATE_HINT.search(text):  # most notes say no date in words: skip the patterns
            for pattern in self._word_dates:
                yield from matches("DATE", pattern, text)
        yield from matches("PHONE", self._spoken_phone, text)
        if _DIGIT.search(text):
            for found in self._numbers(text):
                yield self._with_its_day(text, found) if found.label == "DATE" else found

    def _with_its_day(self, text: str, date: Found) -> Found:
        """A date with what belongs to it before: "w/c 12/2", "Tues 3rd", "the 14th"."""
        before = self._before_a_date.search(text, max(0, date.start - 24), date.start)
        if not before:
            return date
        return Found("DATE", before.start(), date.end, text[before.start():date.end])

    def _platform_sentences(self, text: str) -> Iterator[Tuple[int, int]]:
        """The sentence around each platform word, at most _HANDLE_REACH either side."""
        for word in self._platform_word.finditer(text):
            start, end = max(0, word.start() - _HANDLE_REACH), min(len(text), word.end() + _HANDLE_REACH)
            before = [m.end() for m in _SENTENCE_END.finditer(text, start, word.start())]
            after = _SENTENCE_END.search(text, word.end(), end)
            yield (before[-1] if before else start), (after.start() if after else end)

    def _numbers(self, text: str) -> Iterator[Found]:
        """Identifiers with digits in them: phone, NHS and NI numbers, postcodes,
        dates and references (skipped for a text with no digit at all)."""
        for match in self._phone.finditer(text):
            digits = re.sub(r"\D", "", match.group())
            national = digits[4:] if digits.startswith("0044") else digits[2:] if digits.startswith("44") else digits
            national = national[1:] if national.startswith("0") else national
            if 9 <= len(national) <= 10:
                yield Found("PHONE", match.start(), match.end(), match.group())
        yield from matches("PHONE", self._spaced_phone, text)
        for match in self._ten_digits.finditer(text):
            digits = re.sub(r"\D", "", match.group())
            label = "NHS_NUMBER" if _nhs_checksum_ok(digits) else "REFERENCE"
            yield Found(label, match.start(), match.end(), match.group())
        yield from matches("NI_NUMBER", self._ni, text)
        yield from matches("POSTCODE", self._postcode, text)
        for pattern in self._dates:
            for date in matches("DATE", pattern, text):
                yield date
                yield from self._next_ordinal(text, date.end)
        for match in self._cued_ordinal.finditer(text):
            if self._centile_before.search(text, max(0, match.start() - 60), match.start()):
                continue  # "on the 2nd centile, was on the 25th at birth"
            yield Found("DATE", match.start(1), match.end(1), match.group(1))
            yield from self._next_ordinal(text, match.end(1))
        for match in self._the_ordinal.finditer(text):
            if not self._centile_before.search(text, max(0, match.start() - 60), match.start()):
                yield Found("DATE", match.start(1), match.end(1), match.group(1))
        for match in self._ordinal_before_a_range.finditer(text):
            yield Found("DATE", match.start(1), match.end(1), match.group(1))
        out_of = {m.group(1) for m in self._score.finditer(text)}
        for match in [*self._cued_day_month.finditer(text), *self._entry_day_month.finditer(text),
                      *self._day_and_day_month.finditer(text), *self._bare_day_months(text)]:
            if match.group(1).split("/")[-1] in out_of:
                continue  # "down from 7/10" after "scored 4/10"
            yield Found("DATE", match.start(1), match.end(1), match.group(1))
            # The next in a list: "sessions 2/10 and 9/10".
            for more in self._more_day_months.finditer(text, match.end(1)):
                if more.start() != match.end(1):
                    break
                yield Found("DATE", more.start(1), more.end(1), more.group(1))
        for match in self._reference_cue.finditer(text):
            yield Found("REFERENCE", match.start(1), match.end(1), match.group(1))
            more = self._more_references.match(text, match.end(1))
            while more:
                yield Found("REFERENCE", more.start(1), more.end(1), more.group(1))
                more = self._more_references.match(text, more.end(1))
        yield from matches("REFERENCE", self._log_of_a_day, text)
        yield from matches("REFERENCE", self._long_number, text)
        for match in self._numbered_record.finditer(text):
            yield Found("REFERENCE", match.start(1), match.end(1), match.group(1))
        yield from matches("REFERENCE", self._mixed_reference, text)
        yield from matches("REFERENCE", self._paired_digits, text)
        yield from matches("REFERENCE", self._short_reference, text, keep=self._not_a_tool_or_a_year)
        for match in self._police_number.finditer(text):
            glued = text[match.start(1) - 1].isalpha()  # "PS1180": the whole word
            start = match.start() if glued else match.start(1)
            yield Found("REFERENCE", start, match.end(1), text[start:match.end(1)])
        for match in self._named_officer_number.finditer(text):
            yield Found("REFERENCE", match.start(1), match.end(1), match.group(1))
        for match in self._week_date.finditer(text):
            yield Found("DATE", match.start(1), match.end(1), match.group(1))
        for match in self._vehicle.finditer(text):
            letters = match.group(2)
            area = match.group()[:2].lower()
            if letters is None or match.group().isupper() or rare(letters.lower(), RARE_WORD) or (
                    letters.lower() not in STOP_WORDS and area not in self._not_references):  # "kx19 abc"
                yield Found("VEHICLE", match.start(), match.end(), match.group())
        yield from matches("VEHICLE", self._spelled_vehicle, text)
        for match in self._typed_vehicle.finditer(text):
            if all(_not_a_word(part) for part in match.groups() if part is not None):
                yield Found("VEHICLE", match.start(), match.end(), match.group())
        for match in self._cued_vehicle.finditer(text):
            group = 1 if match.group(1) else 2
            if _DIGIT.search(match.group(group)) and re.search(r"[A-Za-z]", match.group(group)):
                yield Found("VEHICLE", match.start(group), match.end(group), match.group(group))
        for match in self._spaced_vehicle.finditer(text):
            # In lower case only where neither letter group is a word: not "is 14 yrs", "at 10 pms".
            if match.group().isupper() or all(_not_a_word(part) for part in match.groups()):
                yield Found("VEHICLE", match.start(), match.end(), match.group())

    def _not_a_tool_or_a_year(self, span: str) -> bool:
        """"LCS/88123", not "GCP/2024" or "KS/2024": letters that name a tool or a key stage."""
        return span.split("/")[0].split("-")[0].lower() not in self._not_references


def _not_a_word(letters: str) -> bool:
    """"hj", "wsx", "m": not "is", "yrs" or "a"."""
    letters = letters.lower()
    return letters not in ("a", "i") if len(letters) == 1 else rare(letters, RARE_WORD)


_DIGIT = re.compile(r"\d")


def _nhs_checksum_ok(digits: str) -> bool:
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])

