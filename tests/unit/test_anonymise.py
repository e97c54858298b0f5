"""Each kind of identifying detail is replaced with its placeholder, and the
safeguarding language around it stays exactly as it was."""

import pytest

from seen.anonymise import anonymise


@pytest.mark.parametrize(
    "text, gone, placeholder",
    [
        ("Mum, Kayleigh, didn't bring him", "Kayleigh", "[NAME]"),
        ("Nan (Pauline) has him most weekends", "Pauline", "[NAME]"),
        ("Mr Iqbal from housing rang", "Iqbal", "[NAME]"),
        ("Dr Okafor saw her in clinic", "Okafor", "[NAME]"),
        ("mum's partner Dean is not the dad", "Dean", "[NAME]"),
        ("Siobhan O'Neill is the older sister", "O'Neill", "[NAME]"),
        ("he lives with Jade Smith-Jones", "Smith-Jones", "[NAME]"),
        ("Mrs van der Merwe says she home educates", "Merwe", "[NAME]"),
        ("Tyler said there was no food", "Tyler", "[NAME]"),
        ("Summer is 4 and not toilet trained", "Summer", "[NAME]"),
        ("mum kayleigh says the HV hasnt been", "kayleigh", "[NAME]"),
        ("they live at 12b Mill Lane", "Mill Lane", "[ADDRESS]"),
        ("Flat 3, Ashcroft Court has no heating", "Ashcroft Court", "[ADDRESS]"),
        ("the postcode is M6 5FX", "M6 5FX", "[POSTCODE]"),
        ("moved to b693dj last month", "b693dj", "[POSTCODE]"),
        ("DOB 12/03/2019", "12/03/2019", "[DATE]"),
        ("seen on 3rd March 2024 at home", "3rd March", "[DATE]"),
        ("born 2019-07-22", "2019-07-22", "[DATE]"),
        ("mum's mobile is 07700 900123", "900123", "[PHONE]"),
        ("ring +44 7700 900123", "900123", "[PHONE]"),
        ("school office (0161) 496 0123", "496 0123", "[PHONE]"),
        ("email kb1990@example.com", "kb1990", "[EMAIL]"),
        ("NHS no 943 476 5919", "943 476 5919", "[NHS NUMBER]"),
        ("NI number QQ 12 34 56 C", "QQ 12 34 56 C", "[NI NUMBER]"),
        ("LCS ID 889123 is the case", "889123", "[REFERENCE]"),
        ("crime ref 13/44521/22", "13/44521/22", "[REFERENCE]"),
        ("she goes to St Mary's RC Primary", "Mary's", "[SCHOOL OR SETTING]"),
        ("at Little Acorns Nursery since May", "Little Acorns", "[SCHOOL OR SETTING]"),
        ("dad is in HMP Forest Bank", "Forest Bank", "[SCHOOL OR SETTING]"),
        ("her snapchat is jaydenb2010", "jaydenb2010", "[SOCIAL MEDIA]"),
        ("posts as @kayleigh_x92 on tiktok", "kayleigh_x92", "[SOCIAL MEDIA]"),
        ("see facebook.com/dean.smith.7", "dean.smith.7", "[SOCIAL MEDIA]"),
        ("the fundraiser is at www.example.org/help-the-family", "example.org", "[WEB ADDRESS]"),
    ],
)
def test_each_kind_of_identifier_is_replaced_by_its_placeholder(text, gone, placeholder):
    out = anonymise(text)
    assert gone not in out and placeholder in out, out


def test_a_ten_digit_number_failing_the_nhs_checksum_is_a_reference_not_an_nhs_number():
    out = anonymise("number on the letter was 943 476 5918")
    assert "[REFERENCE]" in out and "[NHS NUMBER]" not in out and "5918" not in out


@pytest.mark.parametrize(
    "text",
    [
        "He is 7, in Year 3, and has been known to CSC for 18 months.",
        "Mum is 34 weeks pregnant and missed two antenatal appointments since March 2023.",
        "We used the Graded Care Profile and an Early Help Assessment; MASH and Children's Social Care agreed a TAF.",
        "The DSL and the health visitor raised it with Think Family in Salford, Rochdale and Sandwell.",
        "Referred under section 47 on Monday; the ICPC is in May and the PLO letter went out in 2022.",
        "Hope he settles. Will check with the SENCO and CAMHS at 3pm.",
        "Dad has been drinking again and Nan can't cope; 2 referrals this year, the 5th visit with no answer.",
        "North Somerset and Derby use the Jane Wiffin toolkit and DVRIM.",
    ],
)
def test_safeguarding_language_ages_and_periods_stay_exactly_as_written(text):
    assert anonymise(text) == text


@pytest.mark.parametrize(
    "text, gone, placeholder",
    [
        # Other countries' first-name lists, and accents folded for the look-up.
        ("worried that freya is not eating", "freya", "[NAME]"),
        ("ÉLODIE in yr 2 had no lunch", "ÉLODIE", "[NAME]"),
        # A lower-case first name opening the sentence and doing something.
        ("harvey hasnt had breakfast all week", "harvey", "[NAME]"),
        # Verbs pointing at a person, and siblings, pairs and partners.
        ("we visited nathan at home", "nathan", "[NAME]"),
        ("Lucy and her little brother walk in alone", "Lucy", "[NAME]"),
        ("Amber and Ivy both have bad teeth", "Ivy", "[NAME]"),
        ("Rocco is mums new boyfriend", "Rocco", "[NAME]"),
        ("nurse rang, says mrs jones at clinic has concerns", "jones", "[NAME]"),
        # A lower-case surname after a lower-case first name.
        ("kieran walsh yr 6 keeps getting sent home", "walsh", "[NAME]"),
        # References by shape and after more cue words.
        ("the housing file says 7731/HN/22", "7731/HN/22", "[REFERENCE]"),
        ("letter quotes QP-5521-Z at the top", "QP-5521-Z", "[REFERENCE]"),
        ("her tenancy number is AB 12 34 56 apparently", "AB 12 34 56", "[REFERENCE]"),
        ("CAD 2291 of 14/02 was the last call out", "2291", "[REFERENCE]"),
        ("pupil id 348 221 on the register", "221", "[REFERENCE]"),
        # Addresses: a number, a name and a place; a house name; the place after it.
        ("they moved to 23 Brackenfield, Ossington last week", "Ossington", "[ADDRESS]"),
        ("The Old Smithy, Wren Lane, Little Hadby is where nan lives", "Little Hadby", "[ADDRESS]"),
        ("staying at the Travelodge on Marsh Hill Road for now", "on Marsh", "[ADDRESS]"),
    ],
)
def test_names_references_and_addresses_found_from_their_context(text, gone, placeholder):
    out = anonymise(text)
    assert gone not in out and placeholder in out, out


@pytest.mark.parametrize(
    "text",
    [
        "Referrals Rose sharply after the school holidays",
        "She wanted a new Rose gold watch for her birthday",
        "Mum is unwell and Dad is tearful most days",
        "Baby Clinic runs on Tuesdays at the family hub",
        "mum says June is the worst month for money",
        "Hope is that the TAF will help this time",
        "Ashtrays and cans were all over the kitchen",
        "the Covid-19 lockdown made it worse for him in Year 10/11",
        "He is in Year 3, Maths is his best subject",
        "visited the family and the home was cold",
    ],
)
def test_near_misses_of_the_context_rules_stay_as_written(text):
    assert anonymise(text) == text


@pytest.mark.parametrize("text, kept, gone", [
    ("mum's boyfriend drives a white van, reg LD67 XPT, parks it outside", "drives a white van", "LD67"),
    ("the car was ma19 rvk, a black Corsa", "the car was", "ma19"),
    ("old reg plate K482 NWS on the car in the drive", "on the car", "K482"),
    ("PCSO 6023 did the welfare check", "did the welfare check", "6023"),
    ("spoke to DC 4417 from the PPU", "from the PPU", "4417"),
    ("her tiktok, lily.m_2012, has videos from the flat", "has videos from the flat", "lily.m_2012"),
    ("w/c 14/10 he was late four times", "he was late four times", "14/10"),
])
def test_vehicle_registrations_collar_numbers_bare_handles_and_week_dates_are_removed(text, kept, gone):
    result = anonymise(text)
    assert gone not in result and kept in result


@pytest.mark.parametrize("text", ["yr10 boy is always hungry", "y11 she says she's fine", "KS2 results are due", "Year 9 lad"])
def test_school_years_are_not_taken_for_vehicle_registrations(text):
    assert anonymise(text) == text


@pytest.mark.parametrize("text, name", [
    ("Sky (7) said there was no tea again", "Sky"),
    ("Brook (Reception) is in the same clothes all week", "Brook"),
    ("ruby told her key worker she was cold", "ruby"),
    ("Jayden, Tyler and little ellie were in the car", "ellie"),
])
def test_names_that_are_also_words_are_told_by_where_they_stand(text, name):
    assert name not in anonymise(text)


@pytest.mark.parametrize("text", ["Hope is fading that dad will engage", "Amber is the rating we agreed",
                                  "Will you call me after the meeting?", "Year (7) assembly was about online safety"])
def test_words_that_are_also_names_stay_where_they_are_words(text):
    assert anonymise(text) == text


def test_every_sentence_of_every_topic_answer_is_left_as_it_is():
    """Seen's own vocabulary (its tools, frameworks, reviews and its name) is
    never redacted: the keep list comes from knowledge/, not written again."""
    import re as _re

    from seen import knowledge

    changed = [s for t in knowledge.default().topics.values() for s in _re.split(r"(?<=[.!?])\s+|\n+", t.answer)
               if s.strip() and anonymise(s) != s]
    assert changed == []


def test_own_vocabulary_inside_a_longer_name_does_not_keep_the_name():
    result = anonymise("stay and play at Kingsmead Children's Centre, mum came once")
    assert "Kingsmead" not in result
