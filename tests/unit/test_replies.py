"""What Seen says, built from knowledge/ without a running bot."""

from seen import knowledge, replies

KB = knowledge.load()
CALL_999 = KB.messages.call_999


def test_a_topic_answer_names_its_sources_and_offers_follow_ups():
    topic = KB.topics["start_again_syndrome"]
    sent = replies.topic_answer(KB, topic, None)
    assert sent[0].text == topic.answer
    assert sent[1].text.startswith("Sources:")
    assert "7 Minute Briefing – Neglect Audit (Sandwell Safeguarding Children Board, 2017)" in sent[1].text
    assert ".txt" not in sent[1].text
    assert [b.payload for b in sent[-1].buttons] == [f"/topic_{t}" for t in topic.related]


def test_an_area_question_before_the_area_is_known_asks_which_area():
    sent = replies.topic_answer(KB, KB.topics["escalation"], None)
    question = sent[-1]
    assert "Which area do you work in?" in question.text
    titles = [b.title for b in question.buttons]
    assert {"Salford", "Sandwell", "North Somerset", "Derby", "Rochdale"} <= set(titles)
    assert '/inform_context{"area":"derby"}' in [b.payload for b in question.buttons]


def test_derby_tools_come_from_derby():
    sent = replies.topic_answer(KB, KB.topics["assessment_tools"], KB.areas["derby"])
    local = next(r.text for r in sent if r.text.startswith("In Derby:"))
    for tool in ("Early Help Assessment", "Graded Care Profile", "DVRIM"):
        assert tool in local


def test_an_unfilled_escalation_route_gives_the_generic_route_with_999_first():
    sent = replies.topic_answer(KB, KB.topics["escalation"], KB.areas["sandwell"])
    local = next(r.text for r in sent if "In Sandwell:" in r.text)
    assert local.splitlines()[0] == CALL_999
    assert "0808 800 5000" in local and "designated safeguarding lead" in local
    assert "westmidlands.procedures.org.uk" in local


def test_the_emergency_reply_puts_999_first_then_social_care():
    first, second = replies.emergency(KB).text.splitlines()[:2]
    assert first == CALL_999
    assert "children's social care now" in second


def test_the_emergency_follow_up_offers_the_topic_the_message_also_asked_about():
    sent = replies.emergency_follow_up(KB, KB.areas["derby"], KB.topics["accidents_injuries"])
    assert [b.payload for b in sent[-1].buttons] == ["/topic_accidents_injuries"]


def test_after_the_999_reply_a_first_message_is_offered_the_reflection_before_any_topic():
    sent = replies.emergency_follow_up(KB, None, KB.topics["accidents_injuries"], reflect=True)
    assert [b.payload for b in sent[-1].buttons] == [replies.REFLECT_PAYLOAD, "/topic_accidents_injuries"]
    assert sent[-1].text == KB.messages.emergency_not_urgent_reflect


def test_the_emergency_follow_up_adds_nothing_while_the_area_route_is_unfilled():
    assert replies.emergency_follow_up(KB, KB.areas["derby"], None) == []


def test_an_area_that_fills_in_its_front_door_gets_it_after_the_emergency_reply():
    derby = KB.areas["derby"]
    source = derby.board[0].source
    filled = derby.copy(update={"front_door": [knowledge.Fact(text="the Derby front door", source=source)]})
    sent = replies.emergency_follow_up(KB, filled, None)
    assert "the Derby front door" in sent[0].text and sent[0].text.startswith("In Derby:")


def test_out_of_scope_admits_not_knowing_and_points_somewhere():
    text = replies.out_of_scope(KB, KB.areas["rochdale"]).text
    assert "I don't know" in text
    assert "GM (Greater Manchester) Neglect Procedure" in text
    assert CALL_999 in text


def test_context_acknowledges_role_and_area():
    text = replies.context_set(KB, KB.areas["derby"], "health visitor").text
    assert "health visitor in Derby" in text


def test_context_without_area_asks_for_it():
    text = replies.context_set(KB, None, "teacher").text
    assert "Which area" in text


def _local_details():
    return [(area, name, facts) for area in replies.local_areas(KB) for name in knowledge.AREA_DETAILS
            if (facts := area.detail(name))]


def test_every_local_detail_names_its_source_and_asks_to_check_it_is_current():
    """A board's procedures change and Seen cannot know when: every local detail,
    wherever Seen gives it (an area's details, a summary, a reflection prompt),
    says which document it comes from, with its year where it gives one, and asks
    the practitioner to check it is still current."""
    assert _local_details(), "no area has a detail of its own to check"
    for area, name, facts in _local_details():
        said = [replies.area_detail(KB, area, name), replies.area_details(KB, area, [name]).text]
        topics = [t for t in KB.topics.values() if name in t.area_details]
        said += ["\n".join(r.text for r in replies.topic_answer(KB, t, area)) for t in topics]
        for text in said:
            for fact in facts:
                document = KB.sources[fact.source.file]
                assert document.name() in text, (area.id, name, text)
                assert not document.year or document.year in text
            assert "still current" in text, (area.id, name, text)
            assert ".txt" not in text


def test_the_general_route_is_not_passed_off_as_a_boards_own_detail():
    """Where a board has not filled a detail in, or for anywhere else in England,
    Seen gives its general route: it names no board document for it."""
    england = KB.areas[KB.fallback_area]
    unfilled = [(a, n) for a in replies.local_areas(KB) for n in knowledge.AREA_DETAILS if a.detail(n) is None]
    assert unfilled
    for area, name in [*unfilled, *((england, n) for n in knowledge.AREA_DETAILS)]:
        assert "still current" not in replies.area_detail(KB, area, name), (area.id, name)


def test_every_reply_about_a_failure_or_a_lost_conversation_opens_with_the_999_line():
    """When Seen fails, stalls, refuses a message or has lost the conversation,
    the practitioner may be in the middle of telling it about a child: the first
    thing they read is still what to do in an emergency."""
    msg = KB.messages
    for name in ("action_failed", "action_slow", "too_long", "conversation_expired", "conversation_lost", "emergency"):
        assert getattr(msg, name).splitlines()[0] == CALL_999, name


def test_help_says_seen_supports_judgement_and_does_not_decide():
    """Over-reliance: a practitioner asking what Seen does is told it does not decide."""
    text = replies.help_reply(KB).text
    assert text.splitlines()[0] == CALL_999
    assert "I support your professional judgement; I don't decide whether a child is being neglected" in text
