"""Every word list the anonymiser reads lives in knowledge/anonymise.yml, and
each feeds every pattern that reads it: a word added there is caught in every
form its list stands for, not in one and missed in another."""

import pytest
import yaml
from pydantic import ValidationError

from seen import knowledge
from seen.anonymise import Anonymiser, anonymise
from seen.knowledge import AnonymiseRules
from seen.settings import KNOWLEDGE_DIR

#: A word no shipped list has, added to each list.
ADDED = {
    "street_words": ["boulevard"],
    "street_words_after_a_cue": ["parkway"],
    "street_words_after_a_number": ["yard"],
    "street_cues": ["beside"],
    "street_cues_before_a_capital": ["opposite"],
    "building_words": ["plaza"],
    "block_words": ["residences"],
    "flat_words": ["maisonette"],
    "hostel_words": ["shelter"],
    "room_words": ["bedsit"],
    "house_name_words": ["bakehouse"],
    "setting_joiners": ["upon"],
    "after_a_saint": ["prep"],
    "prison_words": ["stc"],
    "web_endings": ["scot"],
    "handle_words": ["login"],
    "day_month_cues": ["discharged"],
    "ordinal_date_cues": ["around"],
    "courtesy_titles": ["dame"],
    "chains": ["wickes"],
    "branch_words": ["outlet"],
    "shop_locations": ["bus depot"],
    "business_words": ["florist"],
    "practice_words": ["orthodontics"],
    "pub_words": ["unicorn"],
}

#: Each form a list stands for; most are found by one pattern only, so a
#: pattern that kept a list of its own would miss its form here.
CASES = [
    # street_words: after a house number, typed after a cue, alone, after a cue, after a building or a hotel.
    ("they live at 12 bramley boulevard now", "they live at [ADDRESS] now"),
    ("they live on bramley boulevard now", "they live on [ADDRESS] now"),
    ("Bramley Boulevard is where they live", "[ADDRESS] is where they live"),
    ("they moved to Bramley Boulevard", "they moved to [ADDRESS]"),
    ("Kestrel House off Bramley Boulevard", "[ADDRESS]"),
    ("staying at the Premier Inn in Bramley Boulevard", "staying at the [ADDRESS]"),
    # street_words_after_a_cue and _after_a_number.
    ("they live on Bramley Parkway now", "they live on [ADDRESS] now"),
    ("they live at 12 bramley parkway now", "they live at [ADDRESS] now"),
    ("they live at 14 tanners yard now", "they live at [ADDRESS] now"),
    # street_cues: before a street typed in lower case; _before_a_capital: before a capitalised one.
    ("they live beside bramley road now", "they live beside [ADDRESS] now"),
    ("they live opposite Bramley Parkway now", "they live opposite [ADDRESS] now"),
    # building_words: alone, after a house number, after a flat number.
    ("Kestrel Plaza is where they live", "[ADDRESS] is where they live"),
    ("they live at 12 kestrel plaza", "they live at [ADDRESS]"),
    ("flat B kestrel plaza has damp", "[ADDRESS] has damp"),
    # block_words: after a flat or room number, before a street.
    ("flat B kestrel residences has damp", "[ADDRESS] has damp"),
    ("room 4 Kestrel Residences is hers", "[ADDRESS] is hers"),
    ("Kestrel Residences off Mill Lane", "[ADDRESS]"),
    # hostel_words: before a room number, after one, before a street.
    ("Bramley Shelter room 4 is hers", "[ADDRESS] is hers"),
    ("Room 4, Bramley Shelter", "[ADDRESS]"),
    ("Kestrel Shelter off Mill Lane", "[ADDRESS]"),
    # flat_words, room_words.
    ("maisonette 4 kestrel court has damp", "[ADDRESS] has damp"),
    ("bedsit 4, Bramley Shelter", "[ADDRESS]"),
    # house_name_words: alone, after a house number.
    ("The Old Bakehouse is where nan lives", "[ADDRESS] is where nan lives"),
    ("they live at 12 old bakehouse", "they live at [ADDRESS]"),
    # setting_joiners, after_a_saint, prison_words.
    ("she goes to Stratford upon Avon Academy", "she goes to [SCHOOL OR SETTING]"),
    ("she goes to st marys prep now", "she goes to [SCHOOL OR SETTING] now"),
    ("he is in STC Oakhill", "he is in [SCHOOL OR SETTING]"),
    # web_endings: a web address and a spelled-out email; handle_words.
    ("see example.scot today", "see [WEB ADDRESS] today"),
    ("mail kb at example dot scot today", "mail [EMAIL] today"),
    ("his xbox login jaybee is public", "his xbox login [SOCIAL MEDIA] is public"),
    # day_month_cues, ordinal_date_cues, courtesy_titles.
    ("discharged 3.2 from the ward", "discharged [DATE] from the ward"),
    ("mum left around the 3rd probably", "mum left around [DATE] probably"),
    ("spoke to dame jones at nursery", "spoke to dame [NAME] at nursery"),
    # chains: alone, with a town, where it stands; branch_words, shop_locations.
    ("mum went to Wickes for paint", "mum went to Wickes for paint"),
    ("dad works at Wickes Failsworth", "dad works at [PLACE]"),
    ("the Tesco Outlet was shut", "the [PLACE] was shut"),
    ("Greggs by the bus depot", "[PLACE] by the bus depot"),
    # business_words, practice_words, pub_words.
    ("she works at Blooming Florist", "she works at [PLACE]"),
    ("seen at Bright Orthodontics", "seen at [PLACE]"),
    ("dad drinks at the Red Unicorn", "dad drinks at the [PLACE]"),
]


@pytest.fixture(scope="module")
def widened() -> Anonymiser:
    kb = knowledge.default()
    rules = kb.anonymise.copy(update={name: getattr(kb.anonymise, name) + words for name, words in ADDED.items()})
    return Anonymiser(kb.copy(update={"anonymise": rules}))


@pytest.mark.parametrize("text, expected", CASES)
def test_a_word_added_to_a_list_is_caught_in_every_form_of_that_list(widened, text, expected):
    assert widened.anonymise(text) == expected


@pytest.mark.parametrize("text, expected", CASES)
def test_without_the_added_word_the_same_text_is_not_caught_whole(text, expected):
    assert anonymise(text) != expected


def _rules(**changes) -> dict:
    rules = yaml.safe_load((KNOWLEDGE_DIR / "anonymise.yml").read_text(encoding="utf-8"))
    rules.update(changes)
    return rules


def test_the_shipped_lists_load():
    AnonymiseRules.parse_obj(_rules())


def test_a_bare_yes_or_on_in_a_list_stops_the_load_instead_of_becoming_true():
    with pytest.raises(ValidationError, match="street_cues"):
        AnonymiseRules.parse_obj(_rules(street_cues=yaml.safe_load("[on, at]")))


def test_a_word_in_two_tiers_of_street_words_stops_the_load():
    rules = _rules()
    with pytest.raises(ValidationError, match="'way' is in both"):
        AnonymiseRules.parse_obj({**rules, "street_words": rules["street_words"] + ["way"]})
