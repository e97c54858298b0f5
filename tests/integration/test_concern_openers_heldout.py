"""The figures issue 11 asks for, from benchmarks/concern_openers.py, on
tests/heldout_concerns/ (written by a writer who saw neither the training
data nor the rules; never tuned on). Also written to
benchmarks/results/heldout_concerns.json.

Where a target is not met yet, the test guards the figure reached instead,
and says so: see the README ("How it understands")."""

import pytest

from benchmarks.concern_openers import measure
from benchmarks.parsing import ROOT, latest_model
from tests.helpers.figures import record_figures


@pytest.fixture(scope="module")
def figures():
    return record_figures("heldout_concerns",
                          measure(ROOT / "tests" / "heldout_concerns", latest_model(ROOT / "bot" / "models")))


def test_the_set_is_as_big_as_the_issue_asks(figures):
    assert figures["concern_openers"] >= 150 and figures["out_of_field_messages"] >= 40


def test_out_of_field_messages_get_the_honest_i_dont_know(figures):
    assert figures["out_of_field_met"] >= 0.90


def test_a_message_in_another_language_is_answered_kindly_in_english(figures):
    assert figures["other_languages_met"] == 1.0


def test_questions_in_seens_field_that_no_topic_answers_are_not_told_i_dont_know(figures):
    """Measured 2026-11-30: 36 of 40 (the rest got the 999 reply or "I don't know");
    2026-12-05: 37 of 40, with fresh sets BM to BO tuned on."""
    assert figures["in_field_met"] >= 0.925


def test_concern_openers_met_by_the_reflection_or_an_answer_target_95(figures):
    """Measured 2026-11-30: 91.4% in the first session, 90.9% (200 of 220) after
    the second, whose rule changes met more of every dev set; 2026-12-01: 91.4%
    (201 of 220), once the classifier's alarm needed the danger score's
    agreement (bot/config.yml; 92.3% with the score at 0.2, but the dev sets
    put an emergency too near 0.2 for that); 91.8% (202 of 220) after dev_m's
    and dev_n's writers' past and handled dangers were stood down; 2026-12-02:
    92.3% (203 of 220) after dev_q's and dev_r's; 91.8% (202 of 220) once the
    danger score was retrained with dev_x and dev_y: one opener more given the
    999 reply, by the score, not the rules (the rules flag 11 of these openers
    before and after: benchmarks/emergency_rules.py, which counts a held-out
    folder without printing it). Accepted rather
    than dropping two writers from the score's training on one held-out
    message; the fresh sets T to Y are the better guide (README). 2026-12-03:
    91.4% (201 of 220): each topic learned questions asked with a line about
    the child first, and one opener that asks a question is now nearer a topic
    the classifier is unsure of than a concern, so it gets the nearest topics
    ("not in my guidance"), not the reflection. Accepted for what those
    examples bring (tests/heldout_b's topic accuracy from 94.8% to 96.9%;
    fresh writers' topic questions answered or offered, README); then 91.8%
    (202 of 220) again, once a parent's own account ("she told me she's fine,
    just knackered") was taught as no emergency (bot/data/nlu/worry.yml): one
    opener fewer given the 999 reply; 92.3% (203 of 220) after fresh sets AA,
    AB and AC were tuned on (injuries already looked at, old bruises, weapons
    kept at home, venting, errands outside the field): one opener fewer given
    the 999 reply, by the learned judges (the rules still flag 11); then 91.8%
    (202 of 220) again once the classifier's alarm needed the danger score at
    0.05, not 0.1 (bot/config.yml): with those sets in the score's training an
    emergency of tests/heldout_b fell below 0.1 and lost its 999 reply, and a
    missed emergency costs more than an opener given the 999 reply; 92.3%
    (203 of 220) once a baby's day was taught as a pattern; 93.2% (205 of
    220) once the rules' check could stand the rules down (bot/config.yml,
    its threshold chosen on the dev sets, each writer left out); 2026-12-04:
    93.6% (206 of 220) after fresh sets AR to AW were tuned on; 93.2% (205 of
    220) again with sets AX to AZ in the danger score's training: one more
    opener that the classifier takes for an emergency now scores above the
    0.05 floor (counted by judge, no opener read; without the sets' rules
    or with the rules' check at 0.05 the count is the same); the same after
    fresh sets BA to BC, with the rules' check at 0.05 and the classifier's
    floor at 0.03 (bot/config.yml); 93.6% (206 of 220) after fresh sets BD to
    BF, with the rules' check at 0.15 once the dangers told from beside the
    child are happening now (bot/config.yml); 2026-12-05: 94.1% (207 of
    220) after fresh sets BP to BU (one opener fewer told "I don't know");
    95.0% (209 of 220, the target) once a question asked after a child is
    described is about that child (seen/message_kind.py; 11 dev openers had
    been told "that goes beyond the guidance I hold"): two openers fewer
    told so (counted by kind, concerns_unmet_as_*, none read)."""
    assert figures["concerns_met"] >= 0.95


# Issue 11's targets not met yet: each test guards the figure reached, so a
# change that makes it worse fails; the target is in the name.

def test_concern_openers_given_the_999_reply_target_3_reached_4_5(figures):
    """Measured 2026-11-30: 7.7% in the first session, 8.2% (18 of 220) after the
    second, whose rule changes gave fewer 999 replies on every dev set;
    2026-12-01: 7.7% (17 of 220), as above (6.8% with the score at 0.2); 7.3%
    (16 of 220) after dev_m and dev_n; 2026-12-02: 6.8% (15 of 220) after dev_q
    and dev_r; 7.3% (16 of 220) with the score retrained with dev_x and dev_y
    (see the test above); 2026-12-03: 6.8% (15 of 220), 6.4% (14 of 220),
    then 6.8% again (15 of 220), see the test above; 5.9% (13 of 220) with
    the rules' check; 2026-12-04: 5.5% (12 of 220) after fresh sets AR to AW;
    5.9% (13 of 220) with AX to AZ in the danger score's training (see the
    test above), and again after BA to BC (9 by the rules, 4 by the
    classifier's alarm: concerns_999_by_rules and _by_classifier); 5.5% (12
    of 220: 8 by the rules, 4 by the classifier's alarm) after BD to BF, with
    the rules' check at 0.15; 2026-12-05: 5.0% (11 of 220: 8 by the rules, 3
    by the classifier's alarm) after fresh sets BM to BO, and the same after
    BP to BU, with the classifier's alarm needing the score at 0.02; 4.5% (10
    of 220: 7 by the rules, 3 by the classifier's alarm) after sets DA to DC,
    and the same after each round of fresh sets DD to DR (2026-12-05 and 06).
    The guard was 5.5%, then 5%; it is now the figure reached, 10 of 220."""
    assert figures["concerns_with_999_reply"] <= 0.0455  # 10 of 220, as the benchmark rounds it


def test_details_recorded_where_they_belong_target_90(figures):
    """Measured 2026-12-01: 78.3% (303 of 387 labels, 0.7829), up from 77.8%
    after ages said as "the kids are 2 and 6", "a girl who's 3" and "2y10m";
    78.6% (0.7855) after dev_k's writer's ways of saying a missed check, a
    promise never kept, a child bringing up a sibling or a midwife's "28/40",
    with the 999 decision above (then a 999 reply recorded no details); 79.3%
    (0.7933) after dev_m's towns inside an area, roles said through what the
    practitioner does, ages said in words and a child walking a sibling to school;
    79.8% (0.7984) after dev_o's roles said as a sign-off, the child's words
    after a full stop, drift and promises not kept, and missed health
    appointments asked about at every age; 2026-12-02: 86.6% (0.8656) once the
    details model (seen/details_model.py) adds the answers the words miss;
    92.8% (0.9276) once a first message given the 999 reply is offered the
    reflection started from it ("Reflect on this case"), which the benchmark
    follows as the practitioner would; 2026-12-03: 92.5% (0.9251), the
    opener above no longer starting the reflection; 2026-12-05: 93.5%
    (0.9354) once two more openers started it (a question asked after a child
    is described, above)."""
    assert figures["details_recorded"] >= 0.9354


def test_emergencies_said_as_openers_get_the_999_reply_target_100_reached_97(figures):
    """Safety: one emergency in 40 of this set does not get the 999 reply
    (its text is not read, so as not to tune on it). The emergencies of
    tests/heldout and tests/heldout_b all do (test_heldout.py)."""
    assert figures["emergencies_met"] >= 0.975
