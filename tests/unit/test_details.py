"""What a message already tells Seen: the practitioner's role, the area, the
child's age band, and the questions it answers (seen.details)."""

import pytest

from seen import details, knowledge

KB = knowledge.load()


@pytest.mark.parametrize("text, role", [
    ("hv here, baby not gaining", "health_visitor"),
    ("Year 6 teacher: boy in my class smells of urine", "teacher"),
    ("I'm a teaching assistant in a special school, one of our pupils", "teacher"),
    ("school nurse. y8 girl referred for headlice", "school_nurse"),
    ("hi im a nursery nurse in derby, theres a 2yo", "early_years"),
    ("as the GP receptionist I keep seeing this family miss appointments", "gp_practice"),
    ("Police officer. Attended a DA call last night", "police"),
    ("2 year old seen by me (HV) in clinic", "health_visitor"),
    # Short forms that are also names, said of oneself.
    ("TA, y3. she's always hungry by ten", "teacher"),
    ("HOY here, lad in year 10 not been in for weeks", "teacher"),
    ("im the SALT for a 3yo who keeps missing sessions", "health_other"),
    # Where they work, or what they do.
    ("I work in A&E and we've seen this toddler four times", "health_other"),
    ("I'm a support worker at a family hub in Salford", "early_help"),
    ("nursery, Rochdale. 2yo comes in hungry every Monday", "early_years"),
    ("I teach year 4 and one of mine smells of smoke", "teacher"),
    ("a girl in my tutor group has had the same shoes for two years", "teacher"),
    ("social worker Sandwell, CIN case, three kids", "social_worker"),
    ("I've been a midwife for years and this one worries me", "midwife"),
    ("Supervising social worker for a kinship carer, grandad is struggling", "social_worker"),
    ("school nurse \u2014 y6 boy, always tired, nits", "school_nurse"),
    ("my role: family support. mum has four under five", "early_help"),
    ("Police DV officer. Third call-out to this address", "police"),
    ("drugs worker, my client has a toddler and is using again", "adult_services"),
    ("Receptionist at a surgery. We've sent 3 letters about a baby's jabs", "gp_practice"),
    ("I work in adult mental health. A service user of mine has a 4 yr old", "adult_services"),
    ("hi this is Karen from the GP surgery reception, a mum has cancelled her baby's jabs four times", "gp_practice"),
    ("Dad left her at the gala again. Third time. I'm a volunteer coach.", "youth_worker"),
])
def test_the_role_is_the_one_the_practitioner_says_of_themselves(text, role):
    assert details.role_of(KB, text) == role


@pytest.mark.parametrize("text", [
    "police were called to the house last night and the kids were up",
    "should i tell her sw? the 6yo has told me things",
    "she pushes her grandad to the GP in his wheelchair",
    "Mum is a nurse, works nights, and the kids get themselves up",
    "seen at A&E twice this month with minor injuries",
    "The social worker in the case has changed four times",
])
def test_a_role_only_mentioned_is_not_the_practitioners(text):
    assert details.role_of(KB, text) is None


@pytest.mark.parametrize("text, band", [
    ("a girl in year 9 has been coming in with the same dirty uniform", "age_12_17"),
    ("hv here, 6 week old not gaining", "under_1"),
    ("Midwife, Sandwell. Mum 38 wks, nothing ready for the baby", "unborn"),
    ("little girl (3) comes in most days in a dirty nappy", "age_1_4"),
    ("15 month old not walking, not babbling", "age_1_4"),
    ("twins aged 9 months, one gaining well", "under_1"),
    ("I coach the u10s and one lad never has boots", "age_5_11"),
    ("two kids about 8 and 10 let us in", "age_5_11"),
    ("teenage mum (17) with a 3 month old, living in a hostel", "under_1"),
    ("baby's 14 months now and still not sitting", "age_1_4"),
    ("dinner lady at a primary, boy in reception always hungry", "age_1_4"),
    ("hes 11 and has his own key", "age_5_11"),
    ("Baby's weight has been static for two months", "under_1"),
    ("the family keeps cancelling home visits for two months now", None),
    ("discharged from the MBU 2 yrs ago, now 20 wks pregnant again", "unborn"),
    ("no smoke alarm and mum smokes in bed, the kids are 2 and 6", "age_1_4"),
    ("brothers maybe 9 and 12, in the library every night till close", "age_5_11"),
    ("SALT referral for a girl who's 3, parents did not bring her", "age_1_4"),
    ("EY SENCO: boy 2y10m, no words yet, DNA'd paeds twice", "age_1_4"),
    ("the kids are fed but nobody is up in the morning", None),
    ("Midwife, Rochdale. 28/40, booked late at 24 wks, missed 2 scans", "unborn"),
])
def test_the_age_band_comes_only_from_words_that_say_an_age(text, band):
    assert details.age_band_of(KB, text) == band


def test_an_area_named_is_recorded_as_said_and_a_place_elsewhere_gives_the_general_route():
    assert details.area_of(KB, "early help worker in sandwell, the twins") == ("sandwell", "sandwell")
    assert details.area_of(KB, "Leeds - I run a breakfast club") == (KB.fallback_area, "Leeds")
    assert details.area_of(KB, "I work in another area of the school") is None


def test_an_opening_message_answers_the_questions_it_speaks_to_with_its_own_words():
    text = ("hv here. 8 month old, weight has dropped two centiles. "
            "mum says he's just fussy and has missed the last 2 weigh ins")
    told = details.opening(KB, text)
    assert (told.role, told.age_band) == ("health_visitor", "under_1")
    assert told.answers["feeding_weight"]["text"].startswith("weight has dropped two centiles")
    assert told.answers["missed_appointments"]["value"] == "yes"
    assert told.answers["raised_with_family"]["text"].startswith("mum says he's just fussy")


def test_a_parent_struggling_is_not_the_impact_on_the_child():
    said = details.opening(KB, "lad in my class always hungry, mum says shes struggling since dad left").answers
    assert "impact" not in said
    assert "impact" in details.opening(KB, "y5 girl struggling in class, always hungry").answers


def test_a_question_that_cannot_be_asked_for_the_childs_age_is_not_answered():
    answers = details.heard(KB, "he's lost weight and isn't feeding well", KB.reflection.questions, "age_5_11")
    assert "feeding_weight" not in answers


def test_a_choice_question_takes_the_choice_its_words_give():
    plan = next(q for q in KB.reflection.questions if q.id == "plan_progress")
    assert (details.heard(KB, "CP plan for a year and honestly nothing has changed", [plan])["plan_progress"]["value"]
            == "no")
    assert details.heard(KB, "things have really improved since the TAF", [plan])["plan_progress"]["value"] == "yes"


def test_clauses_split_only_where_both_sides_stand_alone():
    assert details.clauses("mum and dad drink, the boy is always hungry and the other kids have noticed") == [
        "mum and dad drink", "the boy is always hungry", "the other kids have noticed"]


@pytest.mark.parametrize("text, question", [
    ("baby 10 wks, no 6-8 week check. hv cant get in", "missed_appointments"),
    ("key child, 2, hasnt been to any of her development reviews", "missed_appointments"),
    ("Y5 boy, same uniform every day. Mum is lovely and always says she'll sort it. Never does.",
     "disguised_compliance"),
    ("Core group keep saying things are better but every visit the house is exactly the same. He's 14.",
     "disguised_compliance"),
    ("Y8 girl, hair matted for weeks, mum tells us she'll get it cut and sort her uniform but it never happens",
     "disguised_compliance"),
    ("Year 11 boy, he's basically bringing up his 6 year old sister since dad went to prison", "caring_role"),
    ("TA in y2. one of my kids eats everyone elses leftovers at lunch and hides bread in his bag",
     "daily_life"),
])
def test_everyday_ways_of_saying_an_answer_are_heard_in_an_opening_message(text, question):
    assert question in details.opening(KB, text).answers


@pytest.mark.parametrize("text, role", [
    ("I coach under-12s football. One of my lads never has kit", "youth_worker"),
    ("Support worker at a drug and alcohol service. My client has a 6 year old", "adult_services"),
    ("mum of a boy in my Y2 class smells of alcohol at pick up", "teacher"),
    ("A lad in my Y10 PE group won't get changed", "teacher"),
    ("Receptionist at a GP surgery. A mum keeps ringing to cancel her baby's jabs", "gp_practice"),
])
def test_a_role_said_through_what_the_practitioner_does_or_where_they_work_is_heard(text, role):
    assert details.role_of(KB, text) == role


def test_one_of_the_girls_at_our_group_is_nobodys_role():
    assert details.role_of(KB, "one of the girls at our Thursday group says she's hungry") is None


@pytest.mark.parametrize("text, area", [
    ("PCSO in Tipton. Kids out late", "sandwell"),
    ("Teacher in Middleton, worried about a Y2 boy", "rochdale"),
    ("I work at a preschool in Clevedon", "north_somerset"),
    ("Swinton. 2 little ones always in summer clothes", "salford"),
])
def test_a_town_inside_an_area_gives_that_area(text, area):
    assert details.area_of(KB, text)[0] == area


def test_an_everyday_word_that_is_also_a_village_gives_no_area():
    assert details.area_of(KB, "the 2 yr old swallowed a pill from the organiser") is None


@pytest.mark.parametrize("text, band", [
    ("she is in year one and has come in with wet knickers", "age_5_11"),
    ("the kids (maybe 6 and 8) are always out in the dark", "age_5_11"),
    ("The 8 and 11 year olds stayed with an aunt", "age_5_11"),
    ("midwife. 32wks no booking no scans", "unborn"),
    ("Booked a lady at 26 weeks today, first contact", "unborn"),
    ("Baby of 9 weeks came into A&E with a bruise, her sibling (3) hit her", "under_1"),
    ("Mum disclosed at the 6-8 week check that she was low before she was pregnant", "under_1"),
    ("a two and a half year old boy who's lost weight", "age_1_4"),
    ("I coach under-12s football", "age_5_11"),
    ("One of my swimmers is 10, she has to look after her baby brother", "age_5_11"),
])
def test_ages_said_in_words_pairs_and_check_names_are_heard(text, band):
    assert details.age_band_of(KB, text) == band


@pytest.mark.parametrize("text, role", [
    ("A&E nurse I saw a 6 year old today who came in with a chest infection", "health_other"),
    ("I'm an adult social care worker supporting a dad with a learning disability", "adult_services"),
    ("IDVA. Client (high risk, MARAC in Feb) has 3 kids", "adult_services"),
    ("Early years SENCO at a nursery in Smethwick. 3 yo with global delay", "early_years"),
    ("I run a dance school in Clevedon. One of my 10 yr olds", "youth_worker"),
    ("I help run the youth club at our church in Worle", "youth_worker"),
    ("Police call handler. Last week I took a call from a 12 yr old", "police"),
    ("Tenancy sustainment officer for a housing association in Rowley Regis", "housing"),
    ("mw here, 36/40 no pram no cot", "midwife"),
])
def test_roles_said_in_a_services_own_words_are_heard(text, role):
    assert details.role_of(KB, text) == role


@pytest.mark.parametrize("text, band", [
    ("a little girl maybe 6 or 7 who comes across on her own", "age_5_11"),
    ("2 kids maybe 7 n 10 here all day every day in the holidays", "age_5_11"),
    ("A brother and sister, 7 and 9, come every night with no food", "age_5_11"),
    ("since her twins were born (they're 2 now)", "age_1_4"),
])
def test_ages_with_maybe_a_pair_of_siblings_or_theyre_are_heard(text, band):
    assert details.age_band_of(KB, text) == band


@pytest.mark.parametrize("text, band", [
    ("one of my key children is 2 and a half, his mum has started picking him up late", "age_1_4"),
    ("Record for supervision: Child A (F, 8). Concerns: persistent head lice", "age_5_11"),
    ("Her 5th birthday was last week and she told me nobody at home remembered", "age_5_11"),
    ("we waited 2 and a half hours for mum to collect", None),
])
def test_a_half_year_a_case_records_sex_and_age_and_a_birthday_give_the_age(text, band):
    assert details.age_band_of(KB, text) == band


@pytest.mark.parametrize("text, role", [
    ("The kids are loved but the basics just don't happen. I'm the TAF lead, early help.", "early_help"),
    ("Heywood nursery. 3yo started 8 weeks ago, attended 11 sessions.", "early_years"),
    ("Kid in my pack has had the same verruca for months. I'm a cub leader", "youth_worker"),
    ("Sandwell perinatal MH. A mum I support told me she leaves her 7mo in the cot", "adult_services"),
    ("I'm a support worker in an adult drug and alcohol service.", "adult_services"),
    ("optician. 7yo with a squint and a really strong prescription", "health_other"),
    ("y9 girl constantly asking us for sanitary products. pastoral", "teacher"),
    ("New to being a DSL and I've got a family where the neglect is chronic", "dsl"),
    ("I work at the surgery and a mum came in with her baby", "gp_practice"),
])
def test_a_workplace_before_the_story_a_sign_off_and_a_new_dsl_give_the_role(text, role):
    assert details.role_of(KB, text) == role


@pytest.mark.parametrize("text", [
    "dad never comes to matches. told me he made his own tea again last night",
    "They let themselves in after school. Older one told his teacher he puts the little one to bed.",
])
def test_what_the_child_said_after_a_full_stop_or_as_the_older_one_is_their_voice(text):
    assert "voice" in details.heard(KB, text, KB.reflection.questions, "age_5_11")


@pytest.mark.parametrize("text, voice", [
    ("HV here. 7mo, weight dropped 2 centiles, mum cancelled the last 3 visits. Says she's fine, just tired", False),
    ("6 week old baby, mum says she's coping fine, flat is freezing", False),
    ("year 4 lad, always hungry. Says there's no food at home", True),
    ("3yo at nursery told staff daddy sleeps all day", True),
    ("7 month old, very quiet and doesn't smile at mum", True),  # what a baby shows is its voice
])
def test_what_was_said_is_the_childs_voice_only_for_a_child_old_enough_to_say_it(text, voice):
    """A baby says nothing: "says she's fine" of a 7 month old is the mother speaking."""
    assert ("voice" in details.opening(KB, text).answers) is voice


@pytest.mark.parametrize("text, plan", [
    ("hv here, 2yo missed her 2 year review twice, mum not answering", False),
    ("8yo in for his asthma review, inhaler never collected", False),
    ("y3 boy on a CIN plan, nothing changes, mum agrees to everything", True),
    ("every TAF meeting mum says it's all better, nothing is", True),
    ("lad on CP plan, no core group since September", True),
])
def test_a_health_review_is_not_the_plan_for_the_child(text, plan):
    """"His 2 year review" is a health check; a CIN plan or a TAF meeting is the plan."""
    assert ("plan" in details.opening(KB, text).answers) is plan


@pytest.mark.parametrize("text, plan, history", [
    ("y5 girl, hungry every day. Her older brother was on a CP plan in 2021", False, True),
    ("4yo, filthy clothes. Previous CIN plan closed in the spring, mum disengaged", False, True),
    ("baby not gaining. CP plan ended last year, stepped down to early help", False, True),
    ("toddler on a CP plan since June, mum missing every core group", True, None),
    ("has been on a CIN plan for 8 months and nothing has changed", True, None),
])
def test_a_plan_that_ended_or_was_a_siblings_is_history_not_the_plan_for_the_child(text, plan, history):
    """"Was on a CP plan in 2021" answers the question about earlier plans, not "what is the plan"."""
    answers = details.opening(KB, text).answers
    assert ("plan" in answers) is plan
    assert history is None or ("history" in answers) is history


@pytest.mark.parametrize("text, heard, not_heard", [
    ("HV here. 7mo, weight dropped 2 centiles, mum cancelled the last 3 visits. Says she's fine, just tired",
     "missed_appointments", "daily_life"),
    ("y4 boy falls asleep in class, mum says he's just tired", "raised_with_family", "voice"),
    ("reception girl, always tired and hungry", "daily_life", "voice"),
    ("y4 boy told me there's no food at home", "voice", "raised_with_family"),
])
def test_a_parents_just_tired_is_their_account_not_the_childs_day_or_voice(text, heard, not_heard):
    """"Mum says he's just tired" is what mum told: not how the child's day is, nor what the child said."""
    answers = details.opening(KB, text).answers
    assert heard in answers and not_heard not in answers


def test_each_sign_of_daily_life_is_kept_in_the_answer_not_only_the_first():
    said = details.opening(KB, "girl in yr 3, nits for months, same leggings every day, always hungry at breakfast")
    assert "same leggings every day" in said.answers["daily_life"]["text"]
